/**
 * The site's languages, declared once. Routes, links, `lang` attributes, date formats,
 * the sitemap and the search index all derive from this table: adding a language means
 * adding a row here, a dictionary in `src/i18n/` and the content.
 */
export const locales = {
  th: {
    /** BCP 47 tag used for `<html lang>`, `hreflang` and search indexes. */
    lang: 'th',
    /** The language's own name, shown in the language switch. */
    label: 'ไทย',
    /** Locale passed to `Intl` (Thai uses the Buddhist calendar by default). */
    intl: 'th-TH',
    /** Open Graph locale. */
    og: 'th_TH',
  },
  en: {
    lang: 'en',
    label: 'English',
    intl: 'en-GB',
    og: 'en_GB',
  },
} as const;

export type Lang = keyof typeof locales;

/** Thai is served at the site root; other languages under `/<code>/`. */
export const defaultLang: Lang = 'th';

export const langs = Object.keys(locales) as Lang[];

/** Narrows an arbitrary string (a route param, a folder name) to a known language. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && Object.hasOwn(locales, value);
}

/** The other languages than `lang`, in declaration order. */
export function otherLangs(lang: Lang): Lang[] {
  return langs.filter((l) => l !== lang);
}

/** The time zone every date on the site is shown in. */
export const timeZone = 'Asia/Bangkok';
