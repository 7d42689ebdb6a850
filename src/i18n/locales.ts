/**
 * The site's languages, declared once. Routes, links, `lang` and `dir` attributes, dates,
 * fonts, link previews, the sitemap, the feeds and the search index all derive from this
 * table. Adding a language is a row here, its interface strings in
 * `src/i18n/strings/<code>.ts` (found by the row's code) and its content in
 * `content/<collection>/<code>/`: see "Adding a language" in the README.
 */
export const locales = {
  th: {
    /** BCP 47 tag for `<html lang>`, `hreflang` and the page's search index (one per language). */
    lang: 'th',
    /** The language's own name, in its own script, shown in the language switch. */
    label: 'ไทย',
    /** Writing direction of the language, for `<html dir>`. */
    dir: 'ltr',
    /** Locale passed to `Intl` (Thai uses the Buddhist calendar by default). */
    intl: 'th-TH',
    /**
     * How a clock time is written: Intl's hour style and cycle, then the pattern its parts
     * go into ({hour}, {minute}, {period}: the morning or afternoon word from `periods`).
     */
    time: { hour: '2-digit', hourCycle: 'h23', pattern: '{hour}.{minute} น.', periods: ['', ''] },
    /** How a date and its time are written together. */
    dateTime: '{date} เวลา {time}',
    /**
     * The web-font subset its text is set in (declared in src/styles/fonts.css and preloaded
     * on its pages, as its body text is the largest paint), or none to use the phone's own font.
     */
    font: 'thai',
    /** Open Graph locale. */
    og: 'th_TH',
    /**
     * Whether the language ends a sentence with a full stop. Thai ends one with a space, so
     * its search excerpts must not get the full stop the indexer puts between a page's blocks
     * (headings, paragraphs, list items) for languages that do.
     */
    fullStop: false,
  },
  en: {
    lang: 'en',
    label: 'English',
    dir: 'ltr',
    intl: 'en-GB',
    time: {
      hour: 'numeric',
      hourCycle: 'h12',
      pattern: '{hour}:{minute} {period}',
      periods: ['a.m.', 'p.m.'],
    },
    dateTime: '{date}, {time}',
    font: undefined,
    og: 'en_GB',
    fullStop: true,
  },
} as const satisfies Record<string, Locale>;

/** What a row of the table holds. */
export interface Locale {
  lang: string;
  label: string;
  dir: 'ltr' | 'rtl';
  intl: string;
  time: {
    hour: 'numeric' | '2-digit';
    hourCycle: 'h11' | 'h12' | 'h23' | 'h24';
    pattern: string;
    periods: readonly [am: string, pm: string];
  };
  dateTime: string;
  font: FontSubset | undefined;
  og: string;
  fullStop: boolean;
}

/** The web-font subsets the site ships (src/styles/fonts.css). */
export type FontSubset = 'thai';

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

/**
 * The `lang` attribute for text written in `textLang` on a page in `pageLang`: none when they
 * are the same (the page's own `lang` applies), else the text's tag. A page waiting for its
 * translation shows the original's text, and screen readers and fonts must know it.
 * @example textLangAttr('th', 'en') // "th"
 */
export function textLangAttr(textLang: Lang, pageLang: Lang): string | undefined {
  return textLang === pageLang ? undefined : locales[textLang].lang;
}

/** The time zone every date on the site is shown in. */
export const timeZone = 'Asia/Bangkok';
