import { describe, expect, it } from 'vitest';
import { markThaiWordBreaks, markThaiWordBreaksInHtml, withoutWordBreaks } from './wordBreaks.ts';

describe('markThaiWordBreaks', () => {
  it('puts a zero-width space between Thai words that touch', () => {
    expect(markThaiWordBreaks('เทศบาลนครขอนแก่น')).toBe('เทศบาล\u200Bนคร\u200Bขอนแก่น');
  });

  it('leaves spaces, digits and Latin text as they are', () => {
    expect(markThaiWordBreaks('SMART GENDER 2567')).toBe('SMART GENDER 2567');
    expect(markThaiWordBreaks('โครงการ SMART GENDER ปี 2567')).toBe('โครงการ SMART GENDER ปี 2567');
  });

  it('never splits a consonant from its vowel or tone mark', () => {
    const marked = markThaiWordBreaks('ความเท่าเทียมทางเพศ');
    expect(marked.split('\u200B')).toEqual(['ความ', 'เท่า', 'เทียม', 'ทาง', 'เพศ']);
  });

  it('only adds marks: withoutWordBreaks gives back the text', () => {
    const text = 'ส่งเสริมความเท่าเทียมและความเสมอภาคทางเพศ';
    expect(withoutWordBreaks(markThaiWordBreaks(text))).toBe(text);
  });
});

describe('markThaiWordBreaksInHtml', () => {
  it('marks text between tags and leaves tags and attributes alone', () => {
    const html = '<h1 title="เทศบาลนคร">เทศบาลนคร</h1><a href="/ข่าว/">ข่าวเทศบาล</a>';
    expect(markThaiWordBreaksInHtml(html)).toBe(
      '<h1 title="เทศบาลนคร">เทศบาล\u200Bนคร</h1><a href="/ข่าว/">ข่าว\u200Bเทศบาล</a>',
    );
  });
});
