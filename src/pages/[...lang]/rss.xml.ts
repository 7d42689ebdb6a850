import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { t } from '../../i18n/dictionaries.ts';
import { locales, type Lang } from '../../i18n/locales.ts';
import { newsDate, newsIn } from '../../lib/content.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { feedImageOf } from '../../lib/coverImages.ts';

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
import { absoluteUrl, everyLangPaths, localePath } from '../../lib/urls.ts';

export const getStaticPaths = everyLangPaths;

/** How many of the newest stories a feed carries: readers poll it, so it stays small. */
const feedLength = 50;

/** RSS 2.0 feed of the news in one language, with each story's full text. */
export async function GET({ props, site }: APIContext<{ lang: Lang }>) {
  const { lang } = props;
  const stories = (await newsIn(lang)).slice(0, feedLength);
  const self = absoluteUrl(localePath(lang, 'rss.xml'), site);
  return rss({
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    title: t(lang, 'site.name'),
    description: t(lang, 'site.description'),
    site: absoluteUrl(localePath(lang), site),
    customData: `<language>${locales[lang].lang}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
    items: await Promise.all(
      stories.map(async (story) => {
        const link = absoluteUrl(localePath(lang, `news/${story.slug}/`), site);
        const { cover } = story.entry.data;
        // Feed readers show the story's photo above its text, by absolute address.
        const photo = cover
          ? `<figure><img src="${escapeAttribute(await feedImageOf(cover, site))}" alt="${escapeAttribute(cover.alt)}"></figure>`
          : '';
        return {
          title: story.entry.data.title,
          description: story.entry.data.description,
          link,
          pubDate: newsDate(story),
          content: `${photo}${renderMarkdown(story.entry.body ?? '', link)}`,
        };
      }),
    ),
  });
}
