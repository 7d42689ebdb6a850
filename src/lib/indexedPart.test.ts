import { describe, expect, it } from 'vitest';
import { indexedLang, indexedPart, searchMeta, withoutAddedFullStops } from './indexedPart.ts';

const page = (main: string) =>
  `<!DOCTYPE html><html lang="th" dir="ltr"><head><meta charset="utf-8"><title>ข่าว</title>` +
  `<script type="application/ld+json">{}</script></head><body><header><nav>เมนู</nav></header>` +
  `<main>${main}</main><footer>เทศบาลนครขอนแก่น</footer></body></html>`;

describe('indexedPart', () => {
  it('keeps the html tag, the title and the marked element only', () => {
    const part = indexedPart(
      page(
        '<p>นำทาง</p><article data-pagefind-body data-pagefind-filter="kind:news"><h1>หัวข้อ</h1></article>',
      ),
    );
    expect(part).toBe(
      '<!DOCTYPE html><html lang="th" dir="ltr"><head><title>ข่าว</title></head><body>' +
        '<article data-pagefind-body data-pagefind-filter="kind:news"><h1>หัวข้อ</h1></article></body></html>',
    );
    expect(part).not.toContain('เมนู');
    expect(part).not.toContain('นำทาง');
  });

  it('ends the element at its own close tag when the same tag nests inside', () => {
    const part = indexedPart(
      page('<article data-pagefind-body><article>การ์ด</article><p>ต่อ</p></article><article>อื่น</article>'),
    );
    expect(part).toContain('<article>การ์ด</article><p>ต่อ</p></article></body>');
    expect(part).not.toContain('อื่น');
  });

  it('follows each description term with a colon, so the indexer does not run it into its value', () => {
    const part = indexedPart(
      page('<article data-pagefind-body><dl><dt>เทศบาล</dt><dd>เทศบาลนครเชียงใหม่</dd></dl></article>'),
    );
    expect(part).toContain('<dt>เทศบาล: </dt><dd>เทศบาลนครเชียงใหม่</dd>');
  });

  it('keeps a term that ends in punctuation as it is, with the space', () => {
    const part = indexedPart(
      page('<article data-pagefind-body><dl><dt>Published?</dt><dd>2024</dd></dl></article>'),
    );
    expect(part).toContain('<dt>Published? </dt>');
  });

  it('gives nothing for a page without the mark', () => {
    expect(indexedPart(page('<h1>ข่าวทั้งหมด</h1>'))).toBeUndefined();
  });

  it('hands over the whole page when the marked element never closes', () => {
    const html = page('<article data-pagefind-body><h1>หัวข้อ</h1>');
    expect(indexedPart(html)).toBe(html);
  });
});

describe('withoutAddedFullStops', () => {
  it('ends the text of every block with a space, also when a link or emphasis closes it', () => {
    expect(
      withoutAddedFullStops(
        '<h1>ทุกเพศเท่าเทียม</h1><p>(กลุ่มเด็กและเยาวชน)</p><ul><li>ครอบครัว <a href="/x/">ชุมชน</a></li></ul>',
      ),
    ).toBe(
      '<h1>ทุกเพศเท่าเทียม </h1><p>(กลุ่มเด็กและเยาวชน) </p><ul><li>ครอบครัว <a href="/x/">ชุมชน </a></li> </ul>',
    );
  });
});

describe('indexedLang', () => {
  it("is the marked element's own language, else the page's", () => {
    expect(indexedLang(indexedPart(page('<article data-pagefind-body><h1>หัวข้อ</h1></article>'))!)).toBe('th');
    expect(
      indexedLang(
        indexedPart(page('<article lang="en" data-pagefind-body data-lang="x"><h1>Headline</h1></article>'))!,
      ),
    ).toBe('en');
  });
});

describe('searchMeta', () => {
  it('reads the text language from the element, and gives the date last, commas and all', () => {
    expect(searchMeta('th', '12 January 2023, 9:00 a.m.')).toBe(
      'textLang[lang], date:12 January 2023, 9:00 a.m.',
    );
    expect(searchMeta(undefined, '12 มกราคม 2566 เวลา 09:00 น.')).toBe('date:12 มกราคม 2566 เวลา 09:00 น.');
  });
  it('gives nothing when the text is in the page language and there is no date', () => {
    expect(searchMeta(undefined)).toBeUndefined();
    expect(searchMeta('th')).toBe('textLang[lang]');
  });
});
