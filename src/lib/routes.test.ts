import { describe, expect, it } from 'vitest';
import { entryPath, newsListPath, routeLang, sections } from './routes.ts';

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

describe('entryPath and newsListPath', () => {
  it('write the paths the link resolver finds, so the site links only to pages it has', () => {
    expect(entryPath('news', 'launch')).toBe('news/launch/');
    expect(routeLang(`/en/${entryPath('news', 'launch')}`, has)).toBe('en');
    expect(routeLang(`/${entryPath('related', 'ev')}`, has)).toBe('th');
    expect([1, 2, 3].map(newsListPath)).toEqual(['news/', 'news/2/', 'news/3/']);
    for (const n of [1, 2, 3]) expect(routeLang(`/en/${newsListPath(n)}`, has)).toBe('en');
  });
});
