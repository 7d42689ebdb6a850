import { readFileSync } from 'node:fs';
import { defineCollection, type SchemaContext } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { bodyImages, markdownBody } from './lib/markdown.ts';
import { newsSchema, objectivesSchema, policiesSchema, relatedSchema } from './lib/schemas.ts';

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

/**
 * Markdown files, each with the photos its body shows on lines of their own added as
 * `bodyPhotos`, so Astro's `image()` finds and measures them from the entry's folder as it
 * does a cover, and pages give them the same responsive figure (`src/lib/photos.ts`).
 *
 * The site renders a body itself, from its Markdown (`src/components/Body.astro`, the feeds),
 * and never asks Astro to (`render()`), so the store keeps neither the HTML Astro renders for
 * each entry (nor the images it found in it, `assetImports`) nor the Markdown: a page reads
 * the bodies it shows from their files (`bodyOf` in src/lib/content.ts). Astro bundles its
 * whole store into the build, and at 5,000 stories per language that HTML was 45 % of it and
 * the Markdown most of the rest, slowing every build's bundling and loading (a next build's
 * `astro build`: 38 s with both, 30 s without the HTML, 25 s without either). Nor does the
 * loader render an entry it reads (`deferRender`: 4 s of a first build at that size); the
 * store is not told so (`deferredRender`), or Astro would bundle every Markdown file as a
 * module of its own, to render it for a page that never asks.
 */
function markdownIn(collection: string): Loader {
  const files = glob({
    base: `${contentDir}/${collection}`,
    pattern: '*/*.md',
    retainBody: false,
    deferRender: true,
  });
  return {
    name: 'markdown-with-photos',
    load: (context) =>
      files.load({
        ...context,
        store: {
          ...context.store,
          set: ({ rendered: _html, assetImports: _itsImages, deferredRender: _later, ...entry }) =>
            context.store.set(entry),
        },
        parseData: (entry) => {
          // Read again, as the loader gives its schema the front matter only.
          const bodyPhotos = bodyImages(markdownBody(readFileSync(entry.filePath ?? '', 'utf8')))
            .filter((image) => image.alone)
            .map((image) => image.src);
          return context.parseData({ ...entry, data: { ...entry.data, bodyPhotos } });
        },
      }),
  };
}

/** The photos of an entry's body, measured (added by the loader above, never written). */
const bodyPhotos = ({ image }: SchemaContext) => ({ bodyPhotos: z.array(image()).default([]) });

const news = defineCollection({
  loader: markdownIn('news'),
  schema: (helpers) => newsSchema(helpers).extend(bodyPhotos(helpers)),
});
const objectives = defineCollection({
  loader: markdownIn('objectives'),
  schema: (helpers) => objectivesSchema.extend(bodyPhotos(helpers)),
});
const related = defineCollection({
  loader: markdownIn('related'),
  schema: (helpers) => relatedSchema(helpers).extend(bodyPhotos(helpers)),
});

const policies = defineCollection({
  loader: markdownIn('policies'),
  schema: (helpers) => policiesSchema.extend(bodyPhotos(helpers)),
});

export const collections = { news, objectives, related, policies };
