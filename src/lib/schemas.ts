import { z } from 'astro/zod';

/**
 * The front matter of every collection: one schema each, shared by the build
 * (`src/content.config.ts`) and by `npm run check`. Every message says what is wrong and
 * how to fix it, in English and in Thai, because editors read both.
 */

/** A message in both languages: "English / ไทย". */
export const say = (en: string, th: string) => `${en} / ${th}`;

/** A required line of text, with limits where readers would suffer. */
function text(limits: { min?: number; max?: number; why?: [string, string] } = {}) {
  const { min = 1, max, why } = limits;
  let schema = z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? say('required: add this field', 'ยังไม่มีช่องนี้: เพิ่มช่องนี้ในส่วนหัว')
          : say('must be text', 'ต้องเป็นข้อความ'),
    })
    .trim()
    .min(
      min,
      min === 1
        ? say('is empty: write something', 'ว่างอยู่: ใส่ข้อความ')
        : say(`needs at least ${min} characters`, `ต้องยาวอย่างน้อย ${min} ตัวอักษร`),
    );
  if (max) {
    schema = schema.max(
      max,
      say(
        `keep it to ${max} characters${why ? `: ${why[0]}` : ''}`,
        `ยาวได้ไม่เกิน ${max} ตัวอักษร${why ? ` เพราะ${why[1]}` : ''}`,
      ),
    );
  }
  return schema;
}

/** Years from here on are taken for Buddhist Era years (below). */
const buddhistEraFrom = 2400;

/** A date-time written with its offset, kept as written so pages can show it in Bangkok time. */
const dateTime = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? say(
            'required: add a date-time like "2024-02-23T09:00:00+07:00"',
            'ต้องมีวันเวลา เช่น "2024-02-23T09:00:00+07:00"',
          )
        : say(
            'write the date-time in quotes, like "2024-02-23T09:00:00+07:00"',
            'ใส่วันเวลาในเครื่องหมายคำพูด เช่น "2024-02-23T09:00:00+07:00"',
          ),
  })
  .pipe(
    z.iso.datetime({
      offset: true,
      error: say(
        'must be a date-time with its offset, like "2024-02-23T09:00:00+07:00" (Christian Era year)',
        'ต้องเป็นวันเวลาพร้อมเขตเวลา เช่น "2024-02-23T09:00:00+07:00" (ปี ค.ศ.)',
      ),
    }),
  )
  // A Thai editor may write the year as Thais count it (2567 for 2024). That is a valid date
  // 543 years ahead, and the story would wait for it, scheduled, with no error. No story of
  // this site is dated 2400 or later in the Christian Era; every Buddhist Era year of one is.
  .refine(
    (value) => {
      const year = /^(\d{4})-/.exec(value)?.[1];
      return year === undefined || Number(year) < buddhistEraFrom;
    },
    {
      error: (issue) => {
        const year = Number(String(issue.input).slice(0, 4));
        return say(
          `${year} is a Buddhist Era year: write the year in the Christian Era, ${year - 543}`,
          `${year} เป็นปี พ.ศ. ให้ใช้ปี ค.ศ. คือ ${year - 543}`,
        );
      },
    },
  )
  // The browser editor (src/lib/cmsConfig.ts) offers a date-and-time picker for it.
  .meta({ widget: 'datetime' });

/** A file name of another entry: lower-case letters, digits and hyphens. */
const slug = z
  .string()
  .regex(
    /^[a-z0-9-]+$/,
    say(
      'name the entry by its file name without .md, like chiang-mai-ev-street-cleaner',
      'ใช้ชื่อไฟล์โดยไม่มี .md เช่น chiang-mai-ev-street-cleaner',
    ),
  );

const flag = z.boolean({ error: say('must be true or false', 'ต้องเป็น true หรือ false') });

/** Fields every entry has, whatever its collection. */
const common = {
  /** Hidden from production builds while true; shown with a DRAFT banner in `npm run dev`. */
  draft: flag.default(false),
  /**
   * Set on an entry whose twin in the other language is not written yet: the other
   * language then shows this text, marked as not yet translated, instead of failing the build.
   */
  awaitingTranslation: flag.default(false),
  /**
   * On a translation: when a translator last found it still matching its source. Writing it is
   * the change that makes the translation current for `npm run check` (which compares when
   * each file last changed) after a change to the source that needed none in the translation,
   * such as a typo fixed in the Thai; the value records when.
   */
  translationChecked: dateTime.optional(),
};

const list = (item: z.ZodType<string>, what: [string, string]) =>
  z
    .array(item, { error: say(`must be a list of ${what[0]}`, `ต้องเป็นรายการ${what[1]}`) })
    .min(1, say(`list at least one ${what[0]}`, `ใส่${what[1]}อย่างน้อยหนึ่งรายการ`));

/**
 * The schema helpers Astro hands a collection's schema (`src/content.config.ts`). The schemas
 * are functions of them, so `npm run check` (and anything else outside Astro) reads the same
 * definitions with stand-ins: `checkHelpers` below.
 */
export interface SchemaHelpers<I extends z.ZodType = z.ZodType> {
  /** Astro's `image()`: an image file, by its path from the entry, measured at build. */
  image: () => I;
}

/**
 * A photo's text, in the entry's language. Astro calls a collection's schema function once
 * per entry (its `image()` resolves paths from that entry), so every field that does not
 * depend on it is built once, here, and only the objects holding `image()` are built per
 * entry: at 5,000 stories per language, building them all anew took 2 s of every first build.
 */
const photoText = {
  /** What the photo shows, for readers who cannot see it. */
  alt: text({
    max: 250,
    why: ['screen readers read it out whole', 'โปรแกรมอ่านหน้าจออ่านออกเสียงทั้งหมด'],
  }),
  /** A caption shown under the photo. */
  caption: text({ max: 300 }).optional(),
  /** Who took the photo, shown with the caption. */
  credit: text({ max: 120 }).optional(),
};

/**
 * A photo of a story: the file, kept once for every language under `content/media/` and
 * named by its path from the entry (`../../media/launch/cover.jpg`), and text in the entry's
 * language.
 */
const photo = <I extends z.ZodType>(image: () => I) =>
  z.strictObject(
    {
      /** The image file, by its path from this entry. */
      src: image(),
      ...photoText,
    },
    {
      // A path written straight after the field's name (`cover: ../../media/a.jpg`).
      error: (issue) =>
        issue.code === 'invalid_type'
          ? say(
              'must be a photo: its path as "src:" and what it shows as "alt:", each on a line of its own below, indented',
              'ต้องเป็นรูป: ใส่ที่อยู่ของรูปใน "src:" และคำบรรยายใน "alt:" บรรทัดละช่อง ย่อหน้าเข้าไปใต้ชื่อช่องนี้',
            )
          : undefined,
    },
  );

/** A story's photos: the one at its top and those after its text. */
const photos = <I extends z.ZodType>(image: () => I) => ({
  /** The story's photo: shown at the top, in lists and in link previews. */
  cover: photo(image).optional(),
  /** More photos, shown after the text in this order. */
  gallery: z
    .array(photo(image), {
      error: say(
        'must be a list of photos, each starting with "- src:" on a line of its own',
        'ต้องเป็นรายการรูป แต่ละรูปขึ้นต้นด้วย "- src:" บรรทัดละรูป',
      ),
    })
    .default([]),
});

/** A news story's fields other than its photos (built once: see `photoText`). */
const newsFields = {
  /** Headline as readers see it. */
  title: text({ max: 120, why: ['longer titles are cut off in lists', 'หัวข้อที่ยาวกว่านี้จะถูกตัดในรายการ'] }),
  /** One or two sentences for cards, search results and link previews. */
  description: text({
    min: 20,
    max: 200,
    why: ['longer text is cut off in link previews', 'ข้อความที่ยาวกว่านี้จะถูกตัดในตัวอย่างลิงก์'],
  }),
  /** When the reported event took place, with its offset: "2024-02-23T09:00:00+07:00". */
  date: dateTime,
  /** When the story was first published, if known (the launch story's source does not say). */
  published: dateTime.optional(),
  /** Where the event took place. */
  venue: text().optional(),
  /**
   * The news publication the story's text comes from, named in the story's language: shown
   * with the story and named as its author. Without it, the municipality is the author.
   */
  publication: text({ max: 120 }).optional(),
  /** File names of related stories (in `content/related/<lang>/`), in display order. */
  related: z
    .array(slug, {
      error: say(
        'must be a list of file names, each on a line of its own starting with "- ", or [] for none',
        'ต้องเป็นรายการชื่อไฟล์ บรรทัดละชื่อ ขึ้นต้นด้วย "- " หรือ [] ถ้าไม่มี',
      ),
    })
    .default([]),
};

export const newsSchema = <I extends z.ZodType>({ image }: SchemaHelpers<I>) =>
  z.strictObject({ ...newsFields, ...photos(image), ...common });

export const objectivesSchema = z.strictObject({
  /** The programme's name as a page heading. */
  title: text({ max: 120 }),
  /** One or two sentences for the page's meta description. */
  description: text({ min: 20, max: 200 }),
  /** The programme's full official name. */
  officialName: text(),
  /** What the programme sets out to do, one item each (Markdown allowed). */
  objectives: list(text(), ['objective', 'วัตถุประสงค์']),
  /** Who the programme is for, one group each (Markdown allowed). */
  targetGroups: list(text(), ['target group', 'กลุ่มเป้าหมาย']),
  /** The city's vision statement, quoted as the municipality words it. */
  vision: text(),
  /** File name of the news story about the launch, for the home page's when and where. */
  launchStory: slug,
  ...common,
});

/** A related story's fields other than its photos (built once: see `photoText`). */
const relatedFields = {
  /** Headline as the source page shows it. */
  title: text({ max: 120 }),
  /** The opening words the source page shows, cut where the source cut them (Markdown allowed). */
  summary: text({ max: 200 }),
  /** The municipality the story is about. */
  municipality: text(),
  /** When it happened or was published, only if known. */
  date: dateTime.optional(),
  /** Where the full story is published, only if known. */
  source: z
    .url({ error: say('must be a full web address, like https://…', 'ต้องเป็นที่อยู่เว็บเต็ม เช่น https://…') })
    .optional(),
};

export const relatedSchema = <I extends z.ZodType>({ image }: SchemaHelpers<I>) =>
  z.strictObject({ ...relatedFields, ...photos(image), ...common });

/**
 * The pages a Thai public-sector site carries (accessibility statement, privacy policy,
 * website policy, security policy), linked from every footer in `order`. Their text may
 * name settings in braces, like `{contactEmail}` (`src/lib/policies.ts`).
 */
export const policiesSchema = z.strictObject({
  /** The page's heading and its link text in the footer. */
  title: text({ max: 80 }),
  /** One or two sentences for the page's meta description. */
  description: text({ min: 20, max: 200 }),
  /** Its place among the footer's policy links, smallest first. */
  order: z.number({ error: say('must be a number, like 1', 'ต้องเป็นตัวเลข เช่น 1') }).int(),
  ...common,
});

/** Each collection's schema, by the folder name under `content/`, for the given helpers. */
export function collectionSchemas<I extends z.ZodType>(helpers: SchemaHelpers<I>) {
  return {
    news: newsSchema(helpers),
    objectives: objectivesSchema,
    related: relatedSchema(helpers),
    policies: policiesSchema,
  } as const;
}

/**
 * Outside Astro an image is its path, which must name an image file; the content check then
 * finds the file from the entry's folder (Astro's `image()` does both at build).
 */
export const checkHelpers: SchemaHelpers<z.ZodString> = {
  image: () =>
    z
      .string({ error: say('must be the path of an image file', 'ต้องเป็นที่อยู่ของไฟล์รูป') })
      .regex(
        /\.(jpe?g|png|webp|avif|tiff?)$/i,
        say(
          'must be a JPEG, PNG, WebP, AVIF or TIFF file, like ../../media/launch/cover.jpg',
          'ต้องเป็นไฟล์ JPEG, PNG, WebP, AVIF หรือ TIFF เช่น ../../media/launch/cover.jpg',
        ),
      ),
};

/** The schemas as `npm run check` reads them. */
export const schemas = collectionSchemas(checkHelpers);
export type CollectionName = keyof typeof schemas;

/** Collections whose entries must have a body. */
export const needsBody: Record<CollectionName, boolean> = {
  news: true,
  objectives: true,
  related: false,
  policies: true,
};

/**
 * Fields that name other entries by file name, and the collection whose files they name
 * (in the entry's own language folder, fallback pages included): `npm run check` reports a
 * name with no entry, as the build would (`resolveNames` in `references.ts`).
 */
export const references: Record<CollectionName, Partial<Record<string, CollectionName>>> = {
  news: { related: 'related' },
  objectives: { launchStory: 'news' },
  related: {},
  policies: {},
};
