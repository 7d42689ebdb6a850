import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { newsSchema, objectivesSchema, relatedSchema } from './lib/schemas.ts';

/**
 * Content lives in `content/<collection>/<lang>/<slug>.md`. The folder gives the language,
 * the file name gives the slug, and a Thai entry and its English twin share the slug:
 * `content/news/th/launch.md` pairs with `content/news/en/launch.md`.
 * `CONTENT_DIR` points the build at another tree (the test fixtures use it). The schemas
 * live in `src/lib/schemas.ts`, shared with `npm run check`: they are functions of Astro's
 * helpers (`image()`), which the check replaces with stand-ins. Photos live once for every
 * language in `content/media/`.
 */
const contentDir = process.env.CONTENT_DIR ?? './content';

const markdownIn = (collection: string) => glob({ base: `${contentDir}/${collection}`, pattern: '*/*.md' });

const news = defineCollection({ loader: markdownIn('news'), schema: ({ image }) => newsSchema({ image }) });
const objectives = defineCollection({ loader: markdownIn('objectives'), schema: objectivesSchema });
const related = defineCollection({
  loader: markdownIn('related'),
  schema: ({ image }) => relatedSchema({ image }),
});

export const collections = { news, objectives, related };
