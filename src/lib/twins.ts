import { isLang, langs, type Lang } from '../i18n/locales.ts';

/** The part of a content entry that pairing needs. */
export interface PairableEntry {
  /** `<lang>/<slug>`, as the glob loader names `content/<collection>/<lang>/<slug>.md`. */
  id: string;
  filePath?: string | undefined;
  data: { awaitingTranslation: boolean; draft: boolean };
}

/** One page of a collection in one language. */
export interface LocalizedPage<E> {
  slug: string;
  /** The language of the page (its URL and interface). */
  lang: Lang;
  /** The entry shown: the page's own, or the original awaiting translation. */
  entry: E;
  /** The language the shown text is written in; differs from `lang` on a fallback page. */
  contentLang: Lang;
  /** Languages that have a real translation of this entry (for hreflang and the switch). */
  translations: Lang[];
}

/** A language without its twin of an entry, and no original awaiting translation to show instead. */
export interface MissingTwin<E> {
  /** The entry the problem is reported on: the first language (in the locale table) that has one. */
  entry: E;
  /** That entry's file, e.g. content/news/th/launch.md. */
  file: string;
  /** The language that has no page. */
  lang: Lang;
  /** The file that would be its twin, e.g. content/news/en/launch.md. */
  missingFile: string;
}

/** Splits an entry id into language and slug; throws a readable error for a misplaced file. */
export function parseEntryId(id: string, filePath = id): { lang: Lang; slug: string } {
  const [lang, ...rest] = id.split('/');
  if (!isLang(lang) || rest.length === 0) {
    throw new Error(
      `${filePath}: content files belong in a language folder (${langs.join(' or ')}), like content/news/th/my-story.md`,
    );
  }
  return { lang, slug: rest.join('/') };
}

/**
 * Groups entries into twins by slug and decides every page of every language, without
 * failing: a missing twin is returned as a problem, so `npm run check` can report it beside
 * every other mistake while the build (`pairTwins`) stops on it. An entry marked
 * `awaitingTranslation` gives the languages it lacks a fallback page showing its text.
 *
 * @example pairEntries([th/launch]).missing // [{ file: '…/th/launch.md', lang: 'en', missingFile: '…/en/launch.md' }]
 */
export function pairEntries<E extends PairableEntry>(
  entries: readonly E[],
): { pages: LocalizedPage<E>[]; missing: MissingTwin<E>[] } {
  const bySlug = new Map<string, Partial<Record<Lang, E>>>();
  for (const entry of entries) {
    const { lang, slug } = parseEntryId(entry.id, entry.filePath);
    const twins = bySlug.get(slug) ?? {};
    twins[lang] = entry;
    bySlug.set(slug, twins);
  }

  const missing: MissingTwin<E>[] = [];
  const pages: LocalizedPage<E>[] = [];
  for (const [slug, twins] of bySlug) {
    const translations = langs.filter((l) => twins[l]);
    const original = langs.map((l) => twins[l]).find((e) => e?.data.awaitingTranslation);
    for (const lang of langs) {
      const own = twins[lang];
      if (own) {
        pages.push({ slug, lang, entry: own, contentLang: lang, translations });
      } else if (original) {
        const contentLang = parseEntryId(original.id).lang;
        pages.push({ slug, lang, entry: original, contentLang, translations });
      } else {
        /* eslint-disable @typescript-eslint/no-non-null-assertion -- a slug is in bySlug because a file has it. */
        const presentLang = translations[0]!;
        const present = twins[presentLang]!;
        /* eslint-enable @typescript-eslint/no-non-null-assertion */
        const file = present.filePath ?? present.id;
        missing.push({
          entry: present,
          file,
          lang,
          missingFile: file.replace(`/${presentLang}/`, `/${lang}/`),
        });
      }
    }
  }
  return { pages, missing };
}

/**
 * The build's pairing: every page of every language, or an error naming each file whose
 * twin is missing and the fix (`pairEntries` decides; this only refuses to go on).
 *
 * @example pairTwins([th/launch, en/launch]) // two pages, each listing both translations
 */
export function pairTwins<E extends PairableEntry>(entries: readonly E[]): LocalizedPage<E>[] {
  const { pages, missing } = pairEntries(entries);
  if (missing.length) {
    const problems = missing.map(
      (m) =>
        `${m.file}: has no ${m.lang} twin. Add ${m.missingFile} with the same file name, or set "awaitingTranslation: true" in ${m.file}.`,
    );
    throw new Error(`Content is missing translations:\n${problems.join('\n')}`);
  }
  return pages;
}
