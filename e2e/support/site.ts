import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseBase } from '../../src/config/deploy.ts';
import { defaultLang, isLang, type Lang } from '../../src/i18n/locales.ts';
import { localePath } from '../../src/lib/urls.ts';

/**
 * Where the site under test lives, so every spec runs unchanged at the root of a host
 * and under a base path. `npm test` runs the suite against `dist/` served at `/`, and its
 * `@base` tests against `dist-base/`, built and served with `BASE_PATH=/smart-gender/`.
 *
 * Specs name pages by their site-relative path ("/en/news/"), and turn it into the served
 * path with `at()`; paths read from the site (links, sitemap <loc>s, page URLs) go back to
 * site-relative with `sitePath()`.
 */

/** The path the site is served under, with slashes at both ends: "/" or "/smart-gender/". */
export const base = normaliseBase(process.env.BASE_PATH);

/** The build under test, as given (SITE_DIR, else "dist"). */
export const siteDir = process.env.SITE_DIR || 'dist';

/** The build under test as an absolute path (relative SITE_DIR is taken from the project root). */
export const siteRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)), siteDir);

/** An absolute path to a file of the build under test: `siteFile('en/rss.xml')`. */
export const siteFile = (...parts: string[]) => resolve(siteRoot, ...parts.map((p) => p.replace(/^\//, '')));

/**
 * The served path of a site-relative path (query and fragment kept).
 * @example at('/en/news/') // "/smart-gender/en/news/" under BASE_PATH=/smart-gender/, else "/en/news/"
 */
export function at(path: string): string {
  return `${base}${path.replace(/^\/+/, '')}`;
}

/** Whether a served path (or URL) is inside the base path. */
export function isUnderBase(urlOrPath: string | URL): boolean {
  const { pathname } = new URL(urlOrPath, 'http://site.invalid');
  return pathname.startsWith(base) || `${pathname}/` === base;
}

/**
 * The site-relative path of a URL or served path: origin and base stripped, query and
 * fragment kept. Throws when the path is outside the base: nothing of the site lives there.
 * @example sitePath('http://localhost:4321/smart-gender/en/news/?q=x') // "/en/news/?q=x"
 */
export function sitePath(urlOrPath: string | URL): string {
  const url = new URL(urlOrPath, 'http://site.invalid');
  if (!isUnderBase(url)) throw new Error(`${url.pathname} is outside the base path ${base}`);
  return `/${url.pathname.slice(base.length)}${url.search}${url.hash}`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A whole-URL pattern for `expect(page).toHaveURL()`: any origin, then exactly the served
 * path of `path` (with its query, if given).
 * @example await expect(page).toHaveURL(urlIs('/en/search/?q=equality'))
 */
export function urlIs(path: string): RegExp {
  return new RegExp(`^[a-z]+://[^/]+${escape(at(path))}$`);
}

/** A pattern for absolute URLs on any origin at the served path of `path`, e.g. in feeds. */
export function absoluteUrlOf(path: string): RegExp {
  return new RegExp(`^https?://[^/]+${escape(at(path))}$`);
}

/** The `<loc>` values of a sitemap file of the build under test (XML entities decoded). */
export function locsIn(file: string): string[] {
  const xml = readFileSync(siteFile(file), 'utf8');
  return [...xml.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)].map(([, loc]) =>
    loc!
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&'),
  );
}

/**
 * Site-relative paths of every page the built sitemaps list, read at module load so each
 * page can get its own test; [] when there is no build (a test should say so). URLs outside
 * the base path are left out here: the a11y and feeds specs fail on them.
 */
export function sitemapPaths(): string[] {
  if (!existsSync(siteFile('sitemap-index.xml'))) return [];
  return locsIn('sitemap-index.xml')
    .filter((loc) => isUnderBase(loc))
    .flatMap((sitemap) => locsIn(sitePath(sitemap)))
    .filter((loc) => isUnderBase(loc))
    .map((loc) => sitePath(loc));
}

/**
 * The language of a site-relative page path: its first folder when that is a language code,
 * else the default language, which is served at the root.
 * @example langOfPath('/en/news/') // "en"
 * @example langOfPath('/news/')    // "th"
 */
export function langOfPath(path: string): Lang {
  const first = path.split('/')[1];
  return isLang(first) ? first : defaultLang;
}

/**
 * The site-relative path of `path` in `lang`, by the site's own rule (`localePath`, without
 * the base path, which `at()` adds).
 * @example pathIn('en', 'news/') // "/en/news/"
 * @example pathIn('th')          // "/"
 */
export function pathIn(lang: Lang, path = ''): string {
  return localePath(lang, path, '/');
}

export { freePort } from '../../src/tools/freePort.ts';
