import { defaults, normaliseBase } from '../config/deploy.ts';
import { defaultLang, langs, locales, type Lang } from '../i18n/locales.ts';

/**
 * URL helpers. Every internal link goes through `localePath`, so the language prefix and
 * the deployment's base path are decided in one place.
 */

/**
 * The base path the site is built for, e.g. "/smart-gender/" ("/" at the root of its host).
 * Under plain Node (the tools in src/tools) there is no import.meta.env: Vite sets it.
 */
export const siteBase: string = (import.meta.env as ImportMetaEnv | undefined)?.BASE_URL ?? '/';

/**
 * The site-relative path of `path` in `lang`, with a trailing slash for pages.
 * @example localePath('th', 'news/launch') // "/news/launch/"
 * @example localePath('en', 'news/launch') // "/en/news/launch/"
 * @example localePath('en', 'rss.xml')     // "/en/rss.xml" (files keep their name)
 */
export function localePath(lang: Lang, path = '', base = siteBase): string {
  const prefix = lang === defaultLang ? '' : `${lang}/`;
  const clean = path.replace(/^\/+/, '');
  const isFile = /\.[a-z0-9]+$/i.test(clean);
  const joined = `${normaliseBase(base)}${prefix}${clean}`;
  return isFile || joined.endsWith('/') ? joined : `${joined}/`;
}

/**
 * An absolute URL for a site-relative path, for canonical, hreflang and share links.
 * `site` is `Astro.site`, which Astro types as optional; astro.config.mjs always sets it.
 */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (site === undefined) throw new Error('absoluteUrl: no site address (astro.config.mjs sets `site`)');
  return new URL(path, site).href;
}

/**
 * The site's address when the deployment gives one (`SITE_URL`), for what must name the real
 * host (a printed link); undefined while it is the stand-in a build uses without it.
 * @example knownSite(new URL('https://www.example.go.th/')) // "https://www.example.go.th/"
 * @example knownSite(new URL('http://localhost:4321/'))     // undefined
 */
export function knownSite(site: URL | undefined): string | undefined {
  return site && site.href !== new URL(defaults.SITE_URL).href ? site.href : undefined;
}

/**
 * The site-relative path of the link-preview image of `lang` (`public/og/<lang>.png`,
 * drawn by `npm run og-image`), under the base path.
 * @example previewImagePath('en') // "/og/en.png"
 */
export function previewImagePath(lang: Lang, base = siteBase): string {
  return assetPath(`og/${lang}.png`, base);
}

/**
 * The site-relative path, under the base path, of a file that is the same in every language,
 * or of a path that already names its language (an editor's link, `/en/programme/`).
 * @example assetPath('favicon.svg', '/smart-gender/') // "/smart-gender/favicon.svg"
 */
export function assetPath(file: string, base = siteBase): string {
  return `${normaliseBase(base)}${file.replace(/^\/+/, '')}`;
}

/** The `[...lang]` route parameter for a language: none for the default language. */
export function langParam(lang: Lang): string | undefined {
  return lang === defaultLang ? undefined : lang;
}

/** `getStaticPaths` entries for a page that exists in every language. */
export function everyLangPaths() {
  return langs.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}

/**
 * A language's name written in another language, from the platform's own data.
 * @example languageName('en', 'th') // "อังกฤษ"
 */
export function languageName(of: Lang, inLang: Lang): string {
  return new Intl.DisplayNames([locales[inLang].intl], { type: 'language' }).of(locales[of].lang) ?? of;
}

/**
 * The same page's path in every language.
 * @example pathsFor('news/') // { th: '/news/', en: '/en/news/' }
 */
export function pathsFor(path: string, base = siteBase): Record<Lang, string> {
  return Object.fromEntries(langs.map((l) => [l, localePath(l, path, base)])) as Record<Lang, string>;
}
