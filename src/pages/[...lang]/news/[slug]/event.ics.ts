import type { APIContext } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { locales } from '../../../../i18n/locales.ts';
import { localizedPages } from '../../../../lib/content.ts';
import { calendarFile } from '../../../../lib/calendar.ts';
import type { LocalizedPage } from '../../../../lib/twins.ts';
import { absoluteUrl, langParam, localePath } from '../../../../lib/urls.ts';
import { entryPath } from '../../../../lib/routes.ts';

/** A calendar file for every news story that took place somewhere (has a venue). */
export async function getStaticPaths() {
  const pages = await localizedPages('news');
  return pages
    .filter((page) => page.entry.data.venue)
    .map((page) => ({ params: { lang: langParam(page.lang), slug: page.slug }, props: { page } }));
}

export function GET({ props, site }: APIContext<{ page: LocalizedPage<CollectionEntry<'news'>> }>) {
  const { page } = props;
  const { title, description, date, published, venue } = page.entry.data;
  const url = absoluteUrl(localePath(page.lang, entryPath('news', page.slug)), site);
  const body = calendarFile({
    uid: `${page.slug}@${new URL(url).hostname}`,
    start: date,
    stamp: published ?? date,
    summary: title,
    location: venue,
    description,
    url,
    lang: locales[page.contentLang].lang,
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
