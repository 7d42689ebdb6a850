import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { t } from '../../i18n/dictionaries.ts';
import { locales, type Lang } from '../../i18n/locales.ts';
import { bodyOf, newsIn } from '../../lib/content.ts';
import { parseIsoWithOffset } from '../../lib/dates.ts';
import { markdownBlocks } from '../../lib/markdown.ts';
import { feedFigureOf } from '../../lib/coverImages.ts';
import { withFiles } from '../../lib/photos.ts';
import { absoluteUrl, everyLangPaths, localePath } from '../../lib/urls.ts';
import { entryPath } from '../../lib/routes.ts';

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
        const link = absoluteUrl(localePath(lang, entryPath('news', story.slug)), site);
        const { cover, bodyPhotos, published } = story.entry.data;
        // Feed readers show the story's photo above its text, and the body's photos where
        // they stand, by absolute address.
        const blocks = withFiles(markdownBlocks(bodyOf(story.entry), link), bodyPhotos, story.slug);
        const body = await Promise.all(
          blocks.map(async (block) => ('html' in block ? block.html : feedFigureOf(block.photo, site))),
        );
        return {
          title: story.entry.data.title,
          description: story.entry.data.description,
          link,
          // Only a known publication date: the event date is not one (src/lib/schemas.ts).
          ...(published && { pubDate: parseIsoWithOffset(published) }),
          content: [cover ? await feedFigureOf(cover, site) : '', ...body].join(''),
        };
      }),
    ),
  });
}
