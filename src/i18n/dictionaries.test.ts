import { describe, expect, it } from 'vitest';
import th from './strings/th.ts';
import en from './strings/en.ts';
import { checkDictionaries, t } from './dictionaries.ts';

describe('UI dictionaries', () => {
  it('have the same keys in Thai and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(th).sort());
  });

  it('pass the schema the build checks', () => {
    expect(() => checkDictionaries({ th, en })).not.toThrow();
  });

  it('name a missing, an empty, an unknown key and a lost placeholder', () => {
    const { 'nav.home': _missing, ...rest } = en;
    const broken = { ...rest, 'nav.news': ' ', 'nav.extra': 'x', 'pagination.page': 'Page' };
    let message = '';
    try {
      checkDictionaries({ th, en: broken });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('src/i18n/strings/en.ts: "nav.home"');
    expect(message).toContain('src/i18n/strings/en.ts: "nav.news"');
    expect(message).toContain('nav.extra');
    expect(message).toContain('"pagination.page" must use the placeholders');
  });
});

describe('t', () => {
  it('returns the string in the asked language and fills placeholders', () => {
    expect(t('th', 'nav.home')).toBe('หน้าแรก');
    expect(t('en', 'pagination.page', { n: 2, total: 5 })).toBe('Page 2 of 5');
    expect(t('th', 'pagination.page', { n: 2, total: 5 })).toBe('หน้า 2 จาก 5');
  });
});
