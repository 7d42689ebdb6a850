import { describe, expect, it } from 'vitest';
import { routeLang, sections } from './routes.ts';

const has = (collection: string, lang: string, slug: string) =>
  `${collection}/${lang}/${slug}` === 'news/en/launch' || `${collection}/${lang}/${slug}` === 'related/th/ev';

describe('routeLang', () => {
  it('finds the sections in each language', () => {
    for (const { path } of sections) {
      expect(routeLang(`/${path}`, has)).toBe('th');
      expect(routeLang(`/en/${path}`, has)).toBe('en');
    }
    expect(routeLang('/sitemap/', has)).toBe('th');
    expect(routeLang('/en/rss.xml', has)).toBe('en');
  });

  it('finds entries only where they exist, and pages of the news list', () => {
    expect(routeLang('/en/news/launch/', has)).toBe('en');
    expect(routeLang('/news/launch/', has)).toBeUndefined();
    expect(routeLang('/related/ev/#top', has)).toBe('th');
    expect(routeLang('/news/3/', has)).toBe('th');
  });

  it('has no page for unknown sections or deeper paths', () => {
    expect(routeLang('/about/', has)).toBeUndefined();
    expect(routeLang('/en/news/launch/extra/', has)).toBeUndefined();
    expect(routeLang('/programme.xml', has)).toBeUndefined();
  });
});
