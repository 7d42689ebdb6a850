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
 * Groups entries into twins by slug and decides every page of every language.
 * An entry whose twin is missing fails with a message naming the file and the fix,
 * unless it is marked `awaitingTranslation`: then the other languages get a fallback page
 * that shows the original text.
 *
 * @example pairTwins([th/launch, en/launch]) // two pages, each listing both translations
 */
export function pairTwins<E extends PairableEntry>(entries: E[]): LocalizedPage<E>[] {
  const bySlug = new Map<string, Partial<Record<Lang, E>>>();
  for (const entry of entries) {
    const { lang, slug } = parseEntryId(entry.id, entry.filePath);
    const twins = bySlug.get(slug) ?? {};
    twins[lang] = entry;
    bySlug.set(slug, twins);
  }

  const problems: string[] = [];
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
        const missing = file.replace(`/${presentLang}/`, `/${lang}/`);
        problems.push(
          `${file}: has no ${lang} twin. Add ${missing} with the same file name, or set "awaitingTranslation: true" in ${file}.`,
        );
      }
    }
  }
  if (problems.length) throw new Error(`Content is missing translations:\n${problems.join('\n')}`);
  return pages;
}
