import { existsSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { axeViolations } from './support/axe.ts';
import { expect, test } from './support/readerPage.ts';
import { at, base, isUnderBase, langOfPath, locsIn, siteDir, siteFile, sitePath } from './support/site.ts';
import { defaultLang, langs, locales } from '../src/i18n/locales.ts';

/**
 * Accessibility of every page the sitemap lists, plus the 404 page, and the sitemap's
 * promise that every page names its Thai, English and x-default twins.
 */

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

const built = existsSync(siteFile('sitemap-index.xml'));
/** Every <loc> of the sitemaps on disk (a sitemap outside the base path is kept as its own URL). */
const locs = built
  ? locsIn('sitemap-index.xml').flatMap((sitemap) =>
      isUnderBase(sitemap) ? locsIn(sitePath(sitemap)) : [sitemap],
    )
  : [];
const pagePaths = locs.filter((loc) => isUnderBase(loc)).map((loc) => sitePath(loc));

/** Sitemap entries as the browser's XML parser reads them. */
interface SitemapEntry {
  loc: string;
  alternates: { hreflang: string; href: string }[];
}

async function parseSitemap(page: Page, xml: string): Promise<SitemapEntry[]> {
  return page.evaluate(
    ({ xml, SITEMAP_NS, XHTML_NS }) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      if (error) throw new Error(`sitemap is not well-formed XML: ${error.textContent}`);
      const entries = [
        ...doc.getElementsByTagNameNS(SITEMAP_NS, 'url'),
        ...doc.getElementsByTagNameNS(SITEMAP_NS, 'sitemap'),
      ];
      return entries.map((entry) => ({
        loc: entry.getElementsByTagNameNS(SITEMAP_NS, 'loc')[0]?.textContent.trim() ?? '',
        alternates: [...entry.getElementsByTagNameNS(XHTML_NS, 'link')]
          .filter((link) => link.getAttribute('rel') === 'alternate')
          .map((link) => ({
            hreflang: link.getAttribute('hreflang') ?? '',
            href: link.getAttribute('href') ?? '',
          })),
      }));
    },
    { xml, SITEMAP_NS, XHTML_NS },
  );
}

/** Every page entry of the served sitemap index and the sitemaps it lists. */
async function servedSitemap(page: Page, request: APIRequestContext) {
  const index = await request.get(at('/sitemap-index.xml'));
  expect(index.status(), at('/sitemap-index.xml')).toBe(200);
  const sitemaps = await parseSitemap(page, await index.text());
  expect(sitemaps.length, 'sitemaps listed in the index').toBeGreaterThan(0);
  const entries: SitemapEntry[] = [];
  for (const { loc } of sitemaps) {
    const response = await request.get(at(sitePath(loc)));
    expect(response.status(), loc).toBe(200);
    entries.push(...(await parseSitemap(page, await response.text())));
  }
  return entries;
}

async function expectNoViolations(page: Page) {
  const found = await axeViolations(page);
  expect(found, `axe found WCAG violations on ${page.url()}:\n${found.join('\n')}`).toEqual([]);
}

/** Runs `check` with the page in the light colour scheme, then the dark, then back to light. */
async function inBothSchemes(page: Page, check: () => Promise<void>) {
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await test.step(`${colorScheme} colour scheme`, check);
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
}

// Promise: every page a reader can reach meets WCAG 2.2 AA as far as axe can tell.
test.describe('every page passes axe (WCAG 2.2 A/AA)', () => {
  test('the build is there to test', () => {
    expect(built, `${siteDir}/sitemap-index.xml is missing: run \`npm run build\` first`).toBe(true);
    expect(pagePaths.length, 'pages in the sitemap').toBeGreaterThan(0);
    const outside = locs.filter((loc) => !isUnderBase(loc));
    expect(outside, `sitemap URLs outside the base path ${base}`).toEqual([]);
  });

  // In the light and the dark colour scheme: the page follows the reader's device.
  for (const path of pagePaths) {
    test(path, async ({ readerPage: page }) => {
      const response = await page.goto(at(path));
      expect(response?.status(), at(path)).toBe(200);
      await inBothSchemes(page, () => expectNoViolations(page));
    });
  }

  // Each language's 404 page: the site's, and the one an unknown address in /en/ gets.
  for (const path of ['/no-such-page/', '/en/no-such-page/']) {
    test(`the 404 page (${path})`, async ({ readerPage: page }) => {
      const response = await page.goto(at(path));
      expect(response?.status()).toBe(404);
      await inBothSchemes(page, () => expectNoViolations(page));
    });
  }
});

// Promise: search engines find every page and know its twin in the other language.
test.describe('sitemap', { tag: '@base' }, () => {
  test('the served sitemap lists exactly the pages tested above', async ({ page, request }) => {
    const entries = await servedSitemap(page, request);
    expect(entries.map((e) => sitePath(e.loc)).sort()).toEqual([...pagePaths].sort());
  });

  test('every URL has th, en and x-default alternates pointing at listed twins', async ({
    page,
    request,
  }) => {
    const entries = await servedSitemap(page, request);
    const listed = new Set(entries.map((e) => e.loc));
    const problems: string[] = [];

    for (const { loc, alternates } of entries) {
      const byLang = new Map(alternates.map((a) => [a.hreflang, a.href]));
      for (const hreflang of [...langs.map((l) => locales[l].lang), 'x-default']) {
        const href = byLang.get(hreflang);
        if (!href) problems.push(`${loc}: no hreflang="${hreflang}" alternate`);
        else if (!listed.has(href))
          problems.push(`${loc}: hreflang="${hreflang}" → ${href}, which the sitemap does not list`);
      }
      const ownLang = locales[langOfPath(sitePath(loc))].lang;
      if (byLang.get(ownLang) !== loc) {
        problems.push(
          `${loc}: its own hreflang="${ownLang}" alternate is ${String(byLang.get(ownLang))}, not itself`,
        );
      }
      const defaultPage = byLang.get(locales[defaultLang].lang);
      if (byLang.get('x-default') !== defaultPage) {
        problems.push(
          `${loc}: x-default (${String(byLang.get('x-default'))}) is not the default language's page (${String(defaultPage)})`,
        );
      }
      if (alternates.length !== byLang.size) problems.push(`${loc}: an hreflang is listed twice`);
    }

    expect(problems, problems.join('\n')).toEqual([]);
  });
});
