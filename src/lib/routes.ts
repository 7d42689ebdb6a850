import type { UIKey } from '../i18n/dictionaries.ts';
import { defaultLang, isLang, type Lang } from '../i18n/locales.ts';

/**
 * The site's routes, written once: the header's menu and the site-map page list the
 * sections, and the content check resolves an editor's internal links against them.
 * Paths are relative to a language's root (`localePath` adds the language and base path).
 */
export const sections: readonly { path: string; label: UIKey }[] = [
  { path: '', label: 'nav.home' },
  { path: 'news/', label: 'nav.news' },
  { path: 'programme/', label: 'nav.programme' },
  { path: 'related/', label: 'nav.related' },
  { path: 'search/', label: 'nav.search' },
];

/** Pages that are not sections but can be linked: the site map and the feed. */
const otherPages = ['sitemap/', 'rss.xml'];

/**
 * Folders whose pages are content entries, by the collection they show (as the folders of
 * `src/pages/[...lang]/` are named).
 */
const entryFolders = { news: 'news', related: 'related', policies: 'policies' } as const;
export type EntryCollection = keyof typeof entryFolders;

/**
 * The page of entry `slug` of a collection, relative to a language's root.
 * @example entryPath('news', 'smart-gender-launch') // "news/smart-gender-launch/"
 */
export function entryPath(collection: EntryCollection, slug: string): string {
  return `${entryFolders[collection]}/${slug}/`;
}

/**
 * Page `n` (from 1) of the news list, relative to a language's root: the first is the
 * section itself.
 * @example newsListPath(1) // "news/"
 * @example newsListPath(2) // "news/2/"
 */
export function newsListPath(n: number): string {
  return n > 1 ? `${entryFolders.news}/${n}/` : `${entryFolders.news}/`;
}

/** Whether `slug` names a page of the news list (`news/2/`) rather than a story. */
const isListPage = (slug: string) => /^\d+$/.test(slug);

/**
 * The language of the page a site-relative link leads to, or undefined when the site has
 * no such page. `hasEntry` says whether a collection has a page `slug` in `lang`
 * (fallback pages of entries awaiting translation included).
 * @example routeLang('/en/news/launch/', has) // "en" when has('news', 'en', 'launch')
 * @example routeLang('/news/2/', has)         // "th": a page of the news list
 */
export function routeLang(
  path: string,
  hasEntry: (collection: EntryCollection, lang: Lang, slug: string) => boolean,
): Lang | undefined {
  const parts = path.split(/[?#]/)[0]?.split('/').filter(Boolean) ?? [];
  const first = parts[0];
  const lang = isLang(first) && first !== defaultLang ? first : defaultLang;
  if (lang !== defaultLang) parts.shift();
  const [section = '', slug, ...rest] = parts;
  if (rest.length) return undefined;
  if (!slug) {
    const page = section === '' || section.includes('.') ? section : `${section}/`;
    return sections.some((s) => s.path === page) || otherPages.includes(page) ? lang : undefined;
  }
  if (section === entryFolders.news && isListPage(slug)) return lang;
  const collection = Object.entries(entryFolders).find(([, folder]) => folder === section)?.[0] as
    EntryCollection | undefined;
  return collection && hasEntry(collection, lang, slug) ? lang : undefined;
}
