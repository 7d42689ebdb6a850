import { describe, expect, it } from 'vitest';
import { excerpt, holdsQuery, latinRoot, normalize, queryParts } from './searchMatch.ts';

const thai =
  'เพื่อส่งเสริมศักยภาพ สิทธิ และโอกาสที่เท่าเทียมกันของทุกคนโดยไม่จำกัดเพศสภาพ เพศวิถี หรือ อัตลักษณ์ทางเพศ เทศบาลนครขอนแก่น เด็กและเยาวชน';
const english = 'Khon Kaen City Municipality promotes gender equality and equity for children and youth.';

describe('holdsQuery', () => {
  it('finds Thai words inside unspaced Thai text', () => {
    expect(holdsQuery(thai, 'เท่าเทียม')).toBe(true);
    expect(holdsQuery(thai, 'ขอนแก่น')).toBe(true);
    expect(holdsQuery(thai, 'เยาวชน')).toBe(true);
  });

  it('rejects Thai words that are not on the page, even when their pieces are', () => {
    // "เท่า" and "เทียน" are each near text on the page, but "เท่าเทียน" is not.
    expect(holdsQuery(thai, 'เท่าเทียน')).toBe(false);
    expect(holdsQuery(thai, 'ทุเรียน')).toBe(false);
    expect(holdsQuery(thai, 'เชียงใหม่')).toBe(false);
  });

  // A language added to the site in another script written without spaces works as Thai does.
  it('finds Lao words inside unspaced Lao text, and only those on the page', () => {
    const lao = 'ສະບາຍດີປະເທດລາວ';
    expect(holdsQuery(lao, 'ປະເທດ')).toBe(true);
    expect(holdsQuery(lao, 'ລາວ')).toBe(true);
    expect(holdsQuery(lao, 'ວຽງຈັນ')).toBe(false);
  });

  it('needs every space-separated part of the query', () => {
    expect(holdsQuery(thai, 'ขอนแก่น เยาวชน')).toBe(true);
    expect(holdsQuery(thai, 'ขอนแก่น ทุเรียน')).toBe(false);
  });

  it('compares after Unicode normalisation', () => {
    // "จำกัด" typed with nikhahit + sara aa instead of sara am.
    expect(holdsQuery(thai, 'จ\u0E4D\u0E32กัด')).toBe(true);
    expect(holdsQuery(thai, 'ขอน\u200Bแก่น')).toBe(true);
  });

  it('lets English words differ in their ending, as stemming does', () => {
    expect(holdsQuery(english, 'equal')).toBe(true);
    expect(holdsQuery(english, 'Khon Kaen')).toBe(true);
    expect(holdsQuery(english, 'equalities')).toBe(true);
    expect(holdsQuery(english, 'promoting')).toBe(true);
  });

  it('rejects English words that are not on the page', () => {
    expect(holdsQuery(english, 'bangkok')).toBe(false);
    expect(holdsQuery(english, 'quality')).toBe(false); // only inside "equality", not a word start
  });

  it('finds nothing for an empty query', () => {
    expect(holdsQuery(english, '   ')).toBe(false);
  });
});

describe('query helpers', () => {
  it('normalises and splits the query', () => {
    expect(normalize('  Khon\u00A0 KAEN ')).toBe('khon kaen');
    expect(queryParts('ขอนแก่น  ขอนแก่น Khon')).toEqual(['ขอนแก่น', 'khon']);
    expect(latinRoot('equality')).toBe('equal');
    expect(latinRoot('is')).toBe('is');
  });
});

describe('excerpt', () => {
  it('marks every occurrence of the query around the first match', () => {
    const parts = excerpt('ทุกเพศเท่าเทียม และเท่าเทียมกัน', 'เท่าเทียม');
    expect(parts).toEqual([
      { text: 'ทุกเพศ', mark: false },
      { text: 'เท่าเทียม', mark: true },
      { text: ' และ', mark: false },
      { text: 'เท่าเทียม', mark: true },
      { text: 'กัน', mark: false },
    ]);
  });

  it('cuts long text with ellipses and keeps the match in view', () => {
    const long = `${'ก'.repeat(300)} ขอนแก่น ${'ข'.repeat(300)}`;
    const parts = excerpt(long, 'ขอนแก่น', 100);
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts.at(-1)!.text.endsWith('…')).toBe(true);
    expect(parts.find((p) => p.mark)?.text).toBe('ขอนแก่น');
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(102);
  });

  it('shows the text as the page has it, though compared folded', () => {
    // Lao ໝ (one letter) is ຫ + ມ folded, and Thai ำ is nikhahit + sara aa.
    expect(excerpt('ສົ່ງເສີມຄວາມສະເໝີພາບ', 'ສະເໝີພາບ')).toEqual([
      { text: 'ສົ່ງເສີມຄວາມ', mark: false },
      { text: 'ສະເໝີພາບ', mark: true },
    ]);
    expect(excerpt('รถฉีดน้ำทำความสะอาด', 'น้\u0E4D\u0E32')).toEqual([
      { text: 'รถฉีด', mark: false },
      { text: 'น้ำ', mark: true },
      { text: 'ทำความสะอาด', mark: false },
    ]);
  });

  it('marks the whole letter when the query ends inside its folded form', () => {
    expect(excerpt('น้ำท่วม', 'น้\u0E4D').find((p) => p.mark)?.text).toBe('น้ำ');
  });

  it('marks only what holds the query, though a letter folded may begin with it', () => {
    // 하 folded is the start of 한 folded, but 한 is another syllable.
    expect(excerpt('한국 하늘', '하')).toEqual([
      { text: '한국 ', mark: false },
      { text: '하', mark: true },
      { text: '늘', mark: false },
    ]);
    expect(excerpt('ΟΔΟΣ ΚΑΙ', 'οδος').find((p) => p.mark)?.text).toBe('ΟΔΟΣ');
  });

  it('never cuts a character in two at the ends of the excerpt', () => {
    const halves = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const [text, query] of [
      [`${'𠮷'.repeat(40)}abc`, 'abc'],
      [`abc${'😀'.repeat(100)}`, 'abc'],
    ] as const) {
      const shown = excerpt(text, query)
        .map((p) => p.text)
        .join('');
      expect(shown).not.toMatch(halves);
      expect(shown).toContain('…');
    }
  });

  it('starts and ends on whole words in unspaced Thai, never on a vowel or tone mark', () => {
    const thai =
      'นายบุญฤทธิ์ พาณิชย์รุ่งเรือง รองนายกเทศมนตรี กล่าวว่า การจัดโครงการการส่งเสริมความเท่าเทียมทางเพศฯ ' +
      'ทางเทศบาลนครขอนแก่น ให้ความสำคัญกับทุกเพศทุกวัย เพื่อส่งเสริมศักยภาพ และบทบาทหน้าที่ของผู้มีความหลากหลายทางเพศ ' +
      '“LGBTQ” ที่เข้ามามามีส่วนรวมในการพัฒนาเทศบาลนครขอนแก่นให้น่าอยู่อย่างเสมอภาค ลดความเหลื่อมล้ำ และการเลือกปฏิบัติ';
    const edges = new Set(
      [...new Intl.Segmenter('th', { granularity: 'word' }).segment(thai)].map((s) => s.index),
    );
    edges.add(thai.length);
    let cut = 0;
    // Window lengths that put the naive edges at every kind of place, marks among them.
    for (let length = 40; length <= 160; length += 3) {
      for (const query of ['LGBTQ', 'ขอนแก่น', 'เสมอภาค']) {
        const shown = excerpt(thai, query, length)
          .map((p) => p.text)
          .join('');
        const inner = shown.replace(/^…/, '').replace(/…$/, '');
        const at = thai.indexOf(inner);
        expect(at, `${query} ${length}: ${shown}`).toBeGreaterThanOrEqual(0);
        expect(edges.has(at), `${query} ${length} starts inside a word: ${shown}`).toBe(true);
        expect(edges.has(at + inner.length), `${query} ${length} ends inside a word: ${shown}`).toBe(true);
        if (shown !== inner) cut++;
      }
    }
    expect(cut, 'the windows were cut').toBeGreaterThan(50);
  });

  it('shows the opening of a text with no match, no longer than a window', () => {
    const text = 'alpha beta gamma delta. '.repeat(50);
    const shown = excerpt(text, 'zzzz', 160)
      .map((p) => p.text)
      .join('');
    expect(shown.startsWith('alpha beta')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(161);
  });

  it('shows the whole of a match longer than the window', () => {
    // One unspaced Thai phrase, 55 letters, in a window of 40.
    const query = 'ส่งเสริมความเท่าเทียมทางเพศและความเสมอภาคกับเพศทางเลือก';
    const text = `${'เทศบาลนครขอนแก่นจัดโครงการ '.repeat(6)}${query} ${'ประจำปีงบประมาณ '.repeat(6)}`;
    expect(excerpt(text, query, 40).find((p) => p.mark)?.text).toBe(query);
  });

  it('puts no space between an ellipsis and the text', () => {
    const english =
      'The municipality promotes gender equality and equity for people of every gender. '.repeat(8);
    for (let length = 40; length <= 120; length += 7) {
      const shown = excerpt(`${english} Khon Kaen ${english}`, 'Khon Kaen', length)
        .map((p) => p.text)
        .join('');
      expect(shown, `${length}`).not.toMatch(/^… |\s…$/);
    }
  });

  it('without a word breaker, still never cuts a Thai syllable where it shows', () => {
    const segmenter = Object.getOwnPropertyDescriptor(Intl, 'Segmenter')!;
    try {
      // A browser without Intl.Segmenter (Firefox before 125).
      Object.defineProperty(Intl, 'Segmenter', { value: undefined, configurable: true });
      const thai = 'ส่งเสริมศักยภาพของผู้มีความหลากหลายทางเพศอย่างเสมอภาค'.repeat(4);
      const text = `${thai} LGBTQ ${thai}`;
      const follows = /^[\p{M}\u0E30-\u0E3A\u0E45]/u;
      const leads = /^[\u0E40-\u0E44]/;
      for (let length = 20; length <= 80; length++) {
        const shown = excerpt(text, 'LGBTQ', length)
          .map((p) => p.text)
          .join('');
        const inner = shown.replace(/^…/, '').replace(/…$/, '');
        const at = text.indexOf(inner);
        // Neither cut separates a consonant from a mark or vowel written after it, nor a vowel
        // written before a consonant from it.
        expect(text.slice(at, at + 1), `${length}: ${shown}`).not.toMatch(follows);
        expect(text.slice(at + inner.length, at + inner.length + 1), `${length}: ${shown}`).not.toMatch(
          follows,
        );
        expect(text.slice(at + inner.length - 1, at + inner.length), `${length}: ${shown}`).not.toMatch(
          leads,
        );
        if (at > 0) expect(text.slice(at - 1, at), `${length}: ${shown}`).not.toMatch(leads);
      }
    } finally {
      Object.defineProperty(Intl, 'Segmenter', segmenter);
    }
  });

  it('marks the stem of an English word found by stemming', () => {
    expect(excerpt(english, 'equalities').find((p) => p.mark)?.text).toBe('equal');
  });
});
