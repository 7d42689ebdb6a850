import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import { at, base, isUnderBase, siteDir, siteRoot, sitePath } from './support/site.ts';
import { defaultLang, locales, otherLangs } from '../src/i18n/locales.ts';

/**
 * A link check over the built files in dist/ (SITE_DIR), served by nothing: each HTML file
 * is parsed with the browser's own HTML parser (DOMParser, which loads and runs nothing),
 * and every link is resolved against the URL the page is served at (under the base path)
 * and looked up on disk.
 */

const dist = `${siteRoot}/`;

/** Networks the share buttons link to: the only other sites a page may link to. */
const allowedExternalHosts = new Set(['social-plugins.line.me', 'www.facebook.com', 'x.com']);
/** Languages served under a /<code>/ prefix; the default language (Thai) is at the root. */
const prefixedLangs: string[] = otherLangs(defaultLang);

interface Link {
  tag: string;
  attr: 'href' | 'src';
  value: string;
  hreflang: string | null;
}

interface ParsedPage {
  /** Path of the file inside dist/, e.g. "en/news/index.html". */
  file: string;
  /** Site-relative path of the page, e.g. "/en/news/". */
  path: string;
  /** URL path the file is served at, under the base path, e.g. "/smart-gender/en/news/". */
  served: string;
  lang: string;
  ids: string[];
  links: Link[];
  canonical: string | null;
}

function htmlFiles(dir = ''): string[] {
  return readdirSync(`${dist}${dir}`, { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}${entry.name}`;
    if (entry.isDirectory()) return htmlFiles(`${rel}/`);
    return rel.endsWith('.html') ? [rel] : [];
  });
}

/** "index.html" → "/", "en/news/index.html" → "/en/news/", "404.html" → "/404.html". */
const urlPathOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** The file in dist/ a served path is served from, or undefined if there is none. */
function fileFor(pathname: string): string | undefined {
  if (!isUnderBase(pathname)) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(sitePath(pathname)).replace(/^\//, '');
  } catch {
    return undefined;
  }
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const full = `${dist}${rel}`;
  return existsSync(full) && statSync(full).isFile() ? rel : undefined;
}

/** Parses every built page once, in one browser page, with nothing loaded or run. */
async function parseSite(browser: Browser): Promise<ParsedPage[]> {
  const page = await browser.newPage();
  try {
    const pages: ParsedPage[] = [];
    for (const file of htmlFiles()) {
      const html = readFileSync(`${dist}${file}`, 'utf8');
      const parsed = await page.evaluate((html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const links = [...doc.querySelectorAll('a[href], area[href], link[href], [src]')].map((el) => {
          const attr: 'href' | 'src' =
            el.hasAttribute('href') && ['a', 'area', 'link'].includes(el.localName) ? 'href' : 'src';
          return {
            tag: el.localName,
            attr,
            value: el.getAttribute(attr) ?? '',
            hreflang: el.getAttribute('hreflang'),
          };
        });
        return {
          lang: doc.documentElement.getAttribute('lang') ?? '',
          ids: [...doc.querySelectorAll('[id]')].map((el) => el.id),
          links,
          canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
        };
      }, html);
      pages.push({ file, path: urlPathOf(file), served: at(urlPathOf(file)), ...parsed });
    }
    return pages;
  } finally {
    await page.close();
  }
}

/** The site's own origin, as the home page's canonical link names it (relative links resolve there). */
function siteOrigin(pages: ParsedPage[]): string {
  const home = pages.find((p) => p.file === 'index.html');
  expect(home?.canonical, 'the home page names its canonical URL').toBeTruthy();
  return new URL(home!.canonical!).origin;
}

const describe = (page: ParsedPage, link: Link) => `${page.path}: <${link.tag} ${link.attr}="${link.value}">`;

// Promise: no link on the site leads to a missing page, file or anchor.
test.describe('links in the built site', { tag: '@base' }, () => {
  test.beforeAll(() => {
    expect(existsSync(`${dist}index.html`), `${siteDir}/ is missing: run \`npm run build\` first`).toBe(true);
  });

  test('every internal link resolves to a file in dist/, and every #fragment to an id there', async ({
    browser,
  }) => {
    const pages = await parseSite(browser);
    const origin = siteOrigin(pages);
    const byFile = new Map(pages.map((p) => [p.file, p]));
    const broken: string[] = [];

    for (const page of pages) {
      for (const link of page.links) {
        const url = new URL(link.value, `${origin}${page.served}`);
        if (url.origin !== origin) continue;
        const target = fileFor(url.pathname);
        if (!target) {
          broken.push(`${describe(page, link)} → no file in ${siteDir}/ for ${url.pathname}`);
          continue;
        }
        const fragment = url.hash.slice(1);
        if (!fragment) continue;
        const targetPage = byFile.get(target);
        const id = decodeURIComponent(fragment);
        if (!targetPage)
          broken.push(`${describe(page, link)} → #${id} points into ${target}, which is not a page`);
        else if (!targetPage.ids.includes(id))
          broken.push(`${describe(page, link)} → ${target} has no id="${id}"`);
      }
    }

    expect(broken, `broken links:\n${broken.join('\n')}`).toEqual([]);
  });

  // Promise: served under a base path (a folder of a municipal host), the site never links
  // out of its folder into the host's other pages, nor to the host's root.
  test('no internal link escapes the base path', async ({ browser }) => {
    const pages = await parseSite(browser);
    const origin = siteOrigin(pages);
    const escaping: string[] = [];

    for (const page of pages) {
      for (const link of page.links) {
        const url = new URL(link.value, `${origin}${page.served}`);
        if (url.origin === origin && !isUnderBase(url))
          escaping.push(`${describe(page, link)} → ${url.pathname} is outside ${base}`);
      }
    }

    expect(escaping, `links that leave the base path ${base}:\n${escaping.join('\n')}`).toEqual([]);
  });

  test('the only links off the site are share links and mailto:', async ({ browser }) => {
    const pages = await parseSite(browser);
    const origin = siteOrigin(pages);
    const offending: string[] = [];

    for (const page of pages) {
      for (const link of page.links) {
        const url = new URL(link.value, `${origin}${page.served}`);
        if (url.origin === origin || url.protocol === 'mailto:') continue;
        const isShare = link.tag === 'a' && url.protocol === 'https:' && allowedExternalHosts.has(url.host);
        if (!isShare)
          offending.push(`${describe(page, link)} → leaves the site (${url.protocol}//${url.host})`);
      }
    }

    expect(offending, `links to other sites:\n${offending.join('\n')}`).toEqual([]);
  });

  // Promise: a reader who chose a language is never sent into the other one by accident.
  test('pages link within their own language', async ({ browser }) => {
    const pages = await parseSite(browser);
    const origin = siteOrigin(pages);
    const crossing: string[] = [];
    // Only pages have a language: built assets (/_astro/, the sitemap, search index files…) are shared.
    const isPage = (pathname: string) => pathname.endsWith('/') || pathname.endsWith('.html');
    const isAsset = (pathname: string) =>
      !isPage(pathname) || pathname.startsWith('/_astro/') || /^\/sitemap[^/]*\.xml$/.test(pathname);
    const prefixOf = (pathname: string) =>
      prefixedLangs.find((l) => pathname === `/${l}/` || pathname.startsWith(`/${l}/`));

    for (const page of pages) {
      // The 404 pages speak every language on purpose: a host serves them for any address.
      if (/(^|\/)404\.html$/.test(page.file)) continue;
      const pagePrefix = prefixedLangs.includes(page.lang) ? page.lang : undefined;
      if (page.lang !== locales[defaultLang].lang && !pagePrefix)
        crossing.push(`${page.path}: <html lang="${page.lang}"> is not a site language`);
      if (prefixOf(page.path) !== pagePrefix)
        crossing.push(
          `${page.path}: served under ${prefixOf(page.path) ?? 'the root'} but <html lang="${page.lang}">`,
        );
      for (const link of page.links) {
        // Links to the other language are the language switch's and the head's hreflang links.
        if (link.hreflang !== null) continue;
        const url = new URL(link.value, `${origin}${page.served}`);
        // A link outside the base path fails the test above; it has no language here.
        if (url.origin !== origin || !isUnderBase(url) || isAsset(sitePath(url.pathname))) continue;
        const linkPrefix = prefixOf(sitePath(url.pathname));
        if (linkPrefix !== pagePrefix) {
          crossing.push(
            `${describe(page, link)} → a page in ${linkPrefix ?? defaultLang} from a page in lang="${page.lang}"`,
          );
        }
      }
    }

    expect(crossing, `links into the other language:\n${crossing.join('\n')}`).toEqual([]);
  });
});

// The related stories are those shown beside the launch story on the original news page: the
// list of them keeps that page's order, which the launch story's `related` field records.
test('the related stories page and the site map list them in the launch story’s order', async ({ page }) => {
  for (const prefix of ['', '/en']) {
    await page.goto(at(`${prefix}/news/smart-gender-launch/`));
    const order = await page
      .getByRole('region', { name: /^(เรื่องราวที่เกี่ยวข้อง|Related stories)$/ })
      .getByRole('heading', { level: 3 })
      .allTextContents();
    expect(order, `${prefix}/news/smart-gender-launch/`).toHaveLength(4);
    await page.goto(at(`${prefix}/related/`));
    expect(await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()).toEqual(order);
    await page.goto(at(`${prefix}/sitemap/`));
    const listed = await page
      .getByRole('main')
      .locator('a[href*="/related/"]:not([href$="/related/"])')
      .allTextContents();
    expect(listed, `${prefix}/sitemap/`).toEqual(order);
  }
});
