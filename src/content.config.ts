import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Content lives in `content/<collection>/<lang>/<slug>.md`. The folder gives the language,
 * the file name gives the slug, and a Thai entry and its English twin share the slug:
 * `content/news/th/launch.md` pairs with `content/news/en/launch.md`.
 * `CONTENT_DIR` points the build at another tree (the test fixtures use it).
 */
const contentDir = process.env.CONTENT_DIR ?? './content';

const markdownIn = (collection: string) => glob({ base: `${contentDir}/${collection}`, pattern: '*/*.md' });

/** A date-time written with its offset, kept as written so pages can show it in Bangkok time. */
const dateTime = z.string({ error: 'write a date-time in quotes, like "2024-02-23T09:00:00+07:00"' }).pipe(
  z.iso.datetime({
    offset: true,
    error: 'must be a date-time with its offset in quotes, like "2024-02-23T09:00:00+07:00"',
  }),
);

/** Fields every entry has, whatever its collection. */
const common = {
  /** Hidden from production builds while true. */
  draft: z.boolean().default(false),
  /**
   * Set on an entry whose twin in the other language is not written yet: the other
   * language then shows this text, marked as not yet translated, instead of failing the build.
   */
  awaitingTranslation: z.boolean().default(false),
};

const news = defineCollection({
  loader: markdownIn('news'),
  schema: z.strictObject({
    /** Headline as readers see it. */
    title: z.string().trim().min(1, 'the title is empty').max(120, 'keep the title to 120 characters'),
    /** One or two sentences for cards, search results and link previews. */
    description: z
      .string()
      .trim()
      .min(20, 'the description needs at least 20 characters')
      .max(200, 'keep the description to 200 characters: longer text is cut off in previews'),
    /** When the reported event took place, with its offset: "2024-02-23T09:00:00+07:00". */
    date: dateTime,
    /** When the story was first published, if known (the launch story's source does not say). */
    published: dateTime.optional(),
    /** Where the event took place. */
    venue: z.string().trim().min(1).optional(),
    /** Slugs of related stories (files in `content/related/<lang>/`), in display order. */
    related: z
      .array(
        z
          .string()
          .regex(
            /^[a-z0-9-]+$/,
            'a related story is named by its file name, like chiang-mai-ev-street-cleaner',
          ),
      )
      .default([]),
    ...common,
  }),
});

const objectives = defineCollection({
  loader: markdownIn('objectives'),
  schema: z.strictObject({
    /** The programme's name as a page heading. */
    title: z.string().trim().min(1).max(120),
    /** One or two sentences for the page's meta description. */
    description: z.string().trim().min(20).max(200),
    /** The programme's full official name. */
    officialName: z.string().trim().min(1),
    /** What the programme sets out to do, one item each. */
    objectives: z.array(z.string().trim().min(1)).min(1, 'list at least one objective'),
    /** Who the programme is for, one group each. */
    targetGroups: z.array(z.string().trim().min(1)).min(1, 'list at least one target group'),
    /** The city's vision statement, quoted as the municipality words it. */
    vision: z.string().trim().min(1),
    /** File name of the news story about the launch, for the home page's when and where. */
    launchStory: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'name the story by its file name, like smart-gender-launch'),
    ...common,
  }),
});

const related = defineCollection({
  loader: markdownIn('related'),
  schema: z.strictObject({
    /** Headline as the source page shows it. */
    title: z.string().trim().min(1).max(120),
    /** The opening words the source page shows, cut where the source cut them. */
    summary: z.string().trim().min(1).max(200),
    /** The municipality the story is about. */
    municipality: z.string().trim().min(1),
    /** When it happened or was published, only if known. */
    date: dateTime.optional(),
    /** Where the full story is published, only if known. */
    source: z.url().optional(),
    ...common,
  }),
});

export const collections = { news, objectives, related };
