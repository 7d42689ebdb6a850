import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import type { Lang } from '../i18n/locales.ts';
import { pairTwins, type LocalizedPage } from './twins.ts';
import { parseIsoWithOffset } from './dates.ts';
import { markdownBody } from './markdown.ts';
import { isPublished } from './publishing.ts';
import { resolveNames } from './references.ts';

/**
 * Every content query of the site: draft filtering, twin pairing and sorting happen here
 * once, and pages only ask for what they show.
 */

/** Drafts are shown while editing (`npm run dev`) and never in a production build. */
const showDrafts = import.meta.env.DEV;

const cache = new Map<CollectionKey, Promise<LocalizedPage<CollectionEntry<CollectionKey>>[]>>();

/** Every page of a collection in every language, computed once per build. */
export function localizedPages<C extends CollectionKey>(
  collection: C,
): Promise<LocalizedPage<CollectionEntry<C>>[]> {
  let pages = cache.get(collection);
  if (!pages) {
    pages = getCollection(collection, (e) => isPublished(e.data, collection, new Date(), showDrafts)).then(
      (entries) => pairTwins(entries),
    );
    cache.set(collection, pages);
  }
  return pages as Promise<LocalizedPage<CollectionEntry<C>>[]>;
}

/**
 * An entry's Markdown body, read from its file (the content store does not keep it: see
 * src/content.config.ts), as Astro's loader reads it (`markdownBody`). Builds run from the
 * project's folder, where the loader's file paths start.
 */
export function bodyOf(entry: { filePath?: string | undefined }): string {
  return entry.filePath ? markdownBody(readFileSync(entry.filePath, 'utf8')) : '';
}

/** The pages of a collection in one language. */
export async function pagesIn<C extends CollectionKey>(
  collection: C,
  lang: Lang,
): Promise<LocalizedPage<CollectionEntry<C>>[]> {
  return (await localizedPages(collection)).filter((p) => p.lang === lang);
}

/** Stories per page of the news list: lists paginate, so no page grows with the archive. */
export const newsPerPage = 10;

/** News in `lang`, newest first. */
export async function newsIn(lang: Lang) {
  const pages = await pagesIn('news', lang);
  return pages.sort((a, b) => newsDate(b).getTime() - newsDate(a).getTime() || a.slug.localeCompare(b.slug));
}

/** The date a news story is listed under: its publication date if known, else its event date. */
export function newsDate(page: LocalizedPage<CollectionEntry<'news'>>): Date {
  const { published, date } = page.entry.data;
  return parseIsoWithOffset(published ?? date);
}

/**
 * The related stories a news story names, in the story's order. A name with no story
 * fails the build, naming the file and the field.
 */
export async function relatedFor(page: LocalizedPage<CollectionEntry<'news'>>) {
  return resolveNames(page.entry.data.related, await pagesIn('related', page.lang), {
    file: page.entry.filePath ?? page.entry.id,
    field: 'related',
    folder: `content/related/${page.contentLang}`,
  });
}

/** The programme description (objectives, target groups, vision) in `lang`. */
export async function programmeIn(lang: Lang) {
  const [programme] = await pagesIn('objectives', lang);
  if (!programme) throw new Error(`content/objectives has no entry for ${lang}`);
  return programme;
}

/** The news story about the programme's launch, named by the programme's `launchStory`. */
export async function launchStoryFor(programme: LocalizedPage<CollectionEntry<'objectives'>>) {
  const [story] = resolveNames([programme.entry.data.launchStory], await pagesIn('news', programme.lang), {
    file: programme.entry.filePath ?? programme.entry.id,
    field: 'launchStory',
    folder: `content/news/${programme.contentLang}`,
  });
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- one name in, one page out (or a throw).
  return story!;
}

/**
 * The related stories in `lang`, in the order the programme's launch story names them (the
 * order of the original news page), then any it does not name, by file name.
 */
export async function relatedIn(lang: Lang) {
  const named = (await launchStoryFor(await programmeIn(lang))).entry.data.related;
  const rank = (slug: string) => {
    const i = named.indexOf(slug);
    return i === -1 ? named.length : i;
  };
  const stories = await pagesIn('related', lang);
  return stories.sort((a, b) => rank(a.slug) - rank(b.slug) || a.slug.localeCompare(b.slug));
}

/** The policy pages in `lang`, in their footer order. */
export async function policiesIn(lang: Lang) {
  const pages = await pagesIn('policies', lang);
  return pages.sort((a, b) => a.entry.data.order - b.entry.data.order || a.slug.localeCompare(b.slug));
}
