import { site } from '../config/site.ts';
import { t } from '../i18n/dictionaries.ts';
import { langs, locales, type Lang } from '../i18n/locales.ts';
import { organizationIn, type EventFacts, type Organization } from './structuredData.ts';

/**
 * Facts the pages state about the municipality and the events its stories report, worked
 * out once here so the home page and a story page say the same thing.
 */

/** The municipality as a page in `lang` names it: in that language, the others as alternates. */
export function publisherIn(lang: Lang): Organization {
  const names = Object.fromEntries(langs.map((l) => [l, t(l, 'site.organization')])) as Record<Lang, string>;
  return organizationIn(names, lang, site.contactEmail);
}

/** The part of a news story (a localized page) its event is made from. */
export interface StoryForEvent {
  slug: string;
  lang: Lang;
  /** The language the story's text is written in (the original on a fallback page). */
  contentLang: Lang;
  entry: { data: { title: string; description: string; date: string; venue?: string | undefined } };
}

/**
 * The event a story reports, for schema.org data: only when the story names a venue. The
 * launch story's event is the programme itself, so it goes by the programme's official
 * name. The province is given only where the venue's own text names it.
 * @example storyEvent(launchStory, programme, 'https://…/news/launch/')
 *   // { name: 'โครงการส่งเสริม…', venue: 'พิพิธภัณฑ์ธนารักษ์ จังหวัดขอนแก่น', region: 'ขอนแก่น', … }
 */
export function storyEvent(
  story: StoryForEvent,
  programme: { officialName: string; launchStory: string },
  url: string,
): EventFacts | undefined {
  const { title, description, date, venue } = story.entry.data;
  if (!venue) return undefined;
  const region = t(story.contentLang, 'site.region');
  return {
    url,
    name: programme.launchStory === story.slug ? programme.officialName : title,
    description,
    startDate: date,
    venue,
    region: venue.includes(region) ? region : undefined,
    inLanguage: locales[story.contentLang].lang,
    organization: publisherIn(story.lang),
  };
}
