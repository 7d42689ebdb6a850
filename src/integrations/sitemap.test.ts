import { describe, expect, it } from 'vitest';
import { alternatesFromHtml, fromPage, lastmodFromHtml, pageFile, withAlternates } from './sitemap.ts';

const head = `<!doctype html><html lang="th"><head>
<link rel="canonical" href="https://x.go.th/news/a/">
<link rel="alternate" hreflang="th" href="https://x.go.th/news/a/">
<link rel="alternate" hreflang="en" href="https://x.go.th/en/news/a/">
<link rel="alternate" hreflang="x-default" href="https://x.go.th/news/a/">
</head><body><link rel="alternate" hreflang="fr" href="https://x.go.th/fr/"></body></html>`;

describe('sitemap alternates', () => {
  it('copies the hreflang links of the page head, x-default included', () => {
    expect(alternatesFromHtml(head)).toEqual([
      { lang: 'th', url: 'https://x.go.th/news/a/' },
      { lang: 'en', url: 'https://x.go.th/en/news/a/' },
      { lang: 'x-default', url: 'https://x.go.th/news/a/' },
    ]);
  });

  it('gives a page without translations no alternates', () => {
    const item = {
      url: 'https://x.go.th/en/news/b/',
      links: [{ lang: 'th', url: 'https://x.go.th/news/b/' }],
    };
    expect(withAlternates(item, []).links).toEqual([]);
  });

  it('gives each entry its own copy of the links', () => {
    const alts = alternatesFromHtml(head);
    const a = withAlternates({ url: 'https://x.go.th/news/a/' }, alts);
    const b = withAlternates({ url: 'https://x.go.th/en/news/a/' }, alts);
    expect(a.links).not.toBe(b.links);
    expect(a.links).toEqual(b.links);
  });

  it('finds the built file of a page URL, under a base path too', () => {
    expect(pageFile('https://x.go.th/en/news/a/', '/site/dist/', '/')).toBe(
      '/site/dist/en/news/a/index.html',
    );
    expect(pageFile('https://x.go.th/', '/site/dist', '/')).toBe('/site/dist/index.html');
    expect(pageFile('https://x.go.th/sg/en/', '/site/dist', '/sg/')).toBe('/site/dist/en/index.html');
  });
});

describe('sitemap lastmod', () => {
  it("takes an article's published time", () => {
    const published =
      '<head><meta property="article:published_time" content="2024-02-23T09:00:00+07:00"></head>';
    expect(lastmodFromHtml(published)).toBe('2024-02-23T02:00:00.000Z');
  });

  it('leaves lists and other pages without a lastmod', () => {
    expect(lastmodFromHtml(head)).toBeUndefined();
    expect(fromPage({ url: 'https://x.go.th/news/' }, head)).not.toHaveProperty('lastmod');
  });
});
