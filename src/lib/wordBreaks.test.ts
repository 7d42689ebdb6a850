import { describe, expect, it } from 'vitest';
import { markWordBreaks, markWordBreaksInHtml, withoutWordBreaks, wordMarkFor } from './wordBreaks.ts';

describe('markWordBreaks', () => {
  it('puts a zero-width space between Thai words that touch', () => {
    expect(markWordBreaks('เทศบาลนครขอนแก่น')).toBe('เทศบาล\u200Bนคร\u200Bขอนแก่น');
  });

  it('leaves spaces, digits and Latin text as they are', () => {
    expect(markWordBreaks('SMART GENDER 2567')).toBe('SMART GENDER 2567');
    expect(markWordBreaks('โครงการ SMART GENDER ปี 2567')).toBe('โครงการ SMART GENDER ปี 2567');
  });

  it('never splits a consonant from its vowel or tone mark', () => {
    const marked = markWordBreaks('ความเท่าเทียมทางเพศ');
    expect(marked.split('\u200B')).toEqual(['ความ', 'เท่า', 'เทียม', 'ทาง', 'เพศ']);
  });

  it('only adds marks: withoutWordBreaks gives back the text', () => {
    const text = 'ส่งเสริมความเท่าเทียมและความเสมอภาคทางเพศ';
    expect(withoutWordBreaks(markWordBreaks(text))).toBe(text);
  });

  // A language added to the site in another script written without spaces is marked too.
  it('marks the words of Lao, Khmer and Chinese text as it does Thai', () => {
    expect(markWordBreaks('ສະບາຍດີປະເທດລາວ').split('\u200B')).toEqual(['ສະບາຍດີ', 'ປະເທດ', 'ລາວ']);
    expect(markWordBreaks('ព្រះរាជាណាចក្រកម្ពុជា').split('\u200B')).toEqual(['ព្រះរាជាណាចក្រ', 'កម្ពុជា']);
    expect(markWordBreaks('我们是中国人').split('\u200B')).toEqual(['我们', '是', '中国人']);
  });

  it('marks beside a character outside the basic plane, as beside any other', () => {
    expect(markWordBreaks('我去𠮷野家吃饭').split('\u200B')).toEqual(['我去', '𠮷', '野家', '吃饭']);
  });

  it('leaves scripts written with spaces alone, whatever their letters', () => {
    expect(markWordBreaks('Khon Kaen City')).toBe('Khon Kaen City');
    expect(markWordBreaks('Хон Каен')).toBe('Хон Каен');
  });
});

describe('markWordBreaksInHtml', () => {
  // Pagefind reads text across a link or bold text as one run, and puts a space after a block.
  it('marks a word beside a link or bold text, and nothing across a block', () => {
    expect(markWordBreaksInHtml('<p>นคร<strong>เชียงใหม่</strong>เปิดตัว</p><p>รถ</p>', '`')).toBe(
      '<p>นคร`<strong>เชียงใหม่`</strong>เปิด`ตัว</p><p>รถ</p>',
    );
    expect(markWordBreaksInHtml('<li>เทศบาลนคร</li><li>ลาว</li>')).toBe(
      '<li>เทศบาล\u200Bนคร</li><li>ลาว</li>',
    );
  });

  it('marks nothing across a line break, or inside an attribute that holds a ">"', () => {
    expect(markWordBreaksInHtml('<p>นคร<br>เชียงใหม่</p>', '`')).toBe('<p>นคร<br>เชียงใหม่</p>');
    expect(markWordBreaksInHtml('<p><img alt="a>ไทยภาษา">ไทยภาษา</p>', '`')).toBe(
      '<p><img alt="a>ไทยภาษา">ไทย`ภาษา</p>',
    );
  });

  it('marks text between tags and leaves tags and attributes alone', () => {
    const html = '<h1 title="เทศบาลนคร">เทศบาลนคร</h1><a href="/ข่าว/">ข่าวเทศบาล</a>';
    expect(markWordBreaksInHtml(html)).toBe(
      '<h1 title="เทศบาลนคร">เทศบาล\u200Bนคร</h1><a href="/ข่าว/">ข่าว\u200Bเทศบาล</a>',
    );
  });
});

describe('wordMarkFor', () => {
  it('gives the zero-width space for the languages Pagefind splits itself, a backtick elsewhere', () => {
    for (const lang of ['th', 'zh', 'zh-Hant', 'ja', 'TH']) expect(wordMarkFor(lang)).toBe('\u200B');
    for (const lang of ['en', 'lo', 'km', 'my', '']) expect(wordMarkFor(lang)).toBe('`');
  });

  // A Thai story awaiting translation, indexed with the English pages; a Lao page.
  it('marks the words of a page Pagefind does not split with it', () => {
    expect(markWordBreaks('นครเชียงใหม่เปิดตัว!', wordMarkFor('en'))).toBe('นคร`เชียงใหม่`เปิด`ตัว!');
    expect(markWordBreaksInHtml('<p>ເທດສະບານນະຄອນ</p>', wordMarkFor('lo'))).toBe('<p>ເທດສະບານ`ນະຄອນ</p>');
  });
});

describe('withoutWordBreaks', () => {
  it('removes both marks, and gives back the text', () => {
    const text = 'ส่งเสริมความเท่าเทียม ทางเพศ';
    expect(withoutWordBreaks(markWordBreaks(text, '`'))).toBe(text);
    expect(withoutWordBreaks(markWordBreaks(text))).toBe(text);
  });

  it('removes the marks between words of one letter each', () => {
    expect(withoutWordBreaks('ก`ข`ค ง')).toBe('กขค ง');
  });

  it('keeps a backtick that is not between two letters written without spaces', () => {
    expect(withoutWordBreaks('run `npm test` ก่อน`')).toBe('run `npm test` ก่อน`');
    expect(withoutWordBreaks('SMART`GENDER')).toBe('SMART`GENDER');
  });
});
