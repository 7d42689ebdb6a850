import { describe, expect, it } from 'vitest';
import { fill } from './fill.ts';

describe('fill', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(fill('พบ {n} หน้าที่มีคำว่า “{q}”', { n: 2, q: 'ขอนแก่น' })).toBe('พบ 2 หน้าที่มีคำว่า “ขอนแก่น”');
    expect(fill('Search for “{q}” in the {lang} pages', { q: 'x' })).toBe(
      'Search for “x” in the {lang} pages',
    );
  });
});
