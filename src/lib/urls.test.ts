import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  assetPath,
  knownSite,
  everyLangPaths,
  langParam,
  languageName,
  localePath,
  pathsFor,
  previewImagePath,
} from './urls.ts';

describe('localePath', () => {
  it('serves Thai at the root and English under /en/', () => {
    expect(localePath('th')).toBe('/');
    expect(localePath('en')).toBe('/en/');
    expect(localePath('th', 'news/smart-gender-launch')).toBe('/news/smart-gender-launch/');
    expect(localePath('en', '/news/smart-gender-launch/')).toBe('/en/news/smart-gender-launch/');
  });

  it('keeps file names without a trailing slash', () => {
    expect(localePath('en', 'rss.xml')).toBe('/en/rss.xml');
  });

  it('puts every path under the base path', () => {
    expect(localePath('th', 'news/', '/smart-gender/')).toBe('/smart-gender/news/');
    expect(localePath('en', '', '/smart-gender')).toBe('/smart-gender/en/');
  });
});

describe('route parameters', () => {
  it('maps languages to the [...lang] parameter and back', () => {
    expect(langParam('th')).toBeUndefined();
    expect(langParam('en')).toBe('en');
    expect(everyLangPaths()).toEqual([
      { params: { lang: undefined }, props: { lang: 'th' } },
      { params: { lang: 'en' }, props: { lang: 'en' } },
    ]);
  });

  it('lists the same page in every language', () => {
    expect(pathsFor('programme/')).toEqual({ th: '/programme/', en: '/en/programme/' });
  });
});

describe('absolute URLs and language names', () => {
  it('builds absolute URLs for canonical and hreflang links', () => {
    expect(absoluteUrl('/en/', 'https://www.example.go.th')).toBe('https://www.example.go.th/en/');
    expect(() => absoluteUrl('/en/', undefined)).toThrow(/astro\.config\.mjs sets `site`/);
  });

  it('names languages in the reader’s language', () => {
    expect(languageName('en', 'th')).toBe('อังกฤษ');
    expect(languageName('th', 'en')).toBe('Thai');
  });
});

describe('previewImagePath', () => {
  it('serves one preview image per language, under the base path', () => {
    expect(previewImagePath('th')).toBe('/og/th.png');
    expect(previewImagePath('en', '/smart-gender')).toBe('/smart-gender/og/en.png');
  });
});

describe('assetPath', () => {
  it('puts language-independent files under the base path', () => {
    expect(assetPath('favicon.svg')).toBe('/favicon.svg');
    expect(assetPath('/sitemap-index.xml', '/smart-gender/')).toBe('/smart-gender/sitemap-index.xml');
  });
});

describe('knownSite', () => {
  it('is the address SITE_URL gives, and none while a build stands in localhost for it', () => {
    expect(knownSite(new URL('https://www.example.go.th'))).toBe('https://www.example.go.th/');
    expect(knownSite(new URL('http://localhost:4321/'))).toBeUndefined();
    expect(knownSite(undefined)).toBeUndefined();
  });
});
