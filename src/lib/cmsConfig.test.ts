import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { cmsConfig, cmsFields, notInForm, translatedChecks, type CmsField } from './cmsConfig.ts';
import { fieldLabels } from './cmsLabels.ts';
import { checkHelpers, collectionSchemas, type CollectionName } from './schemas.ts';

/*
 * The form must ask what the build asks. Each check below asks the schema itself (does it
 * accept this entry?) and the generated form (does it require the field, does its pattern
 * accept the text?), and wants the same answer: not a snapshot of the generator's output.
 */

const schemas = collectionSchemas(checkHelpers);

/** A valid entry of each collection: a real content file's front matter. */
const samples: Record<CollectionName, string> = {
  news: 'content/news/en/smart-gender-launch.md',
  objectives: 'content/objectives/en/smart-gender.md',
  related: 'content/related/en/chiang-mai-ev-street-cleaner.md',
  policies: 'content/policies/en/privacy.md',
};
const sample = (c: CollectionName) =>
  yaml.load(readFileSync(samples[c], 'utf8').split(/^---$/m)[1] ?? '', {
    schema: yaml.CORE_SCHEMA,
  }) as Record<string, unknown>;
const accepts = (c: CollectionName, data: Record<string, unknown>) => schemas[c].safeParse(data).success;
const collections = Object.keys(samples) as CollectionName[];

describe('the editor form, against the schemas', () => {
  for (const c of collections) {
    const fields = cmsFields(c).filter((f) => f.name !== 'body');

    it(`${c}: asks for exactly the schema's fields, but those written on a translation alone`, () => {
      expect(accepts(c, sample(c)), 'the sample is valid').toBe(true);
      const shown = Object.keys(schemas[c].shape).filter((name) => !notInForm.has(name));
      expect(fields.map((f) => f.name).sort()).toEqual(shown.sort());
      // What a translator writes by hand is in the schema, and not in the form.
      expect(Object.keys(schemas[c].shape)).toContain('translationChecked');
      expect(fields.map((f) => f.name)).not.toContain('translationChecked');
      // Each field is named for editors in Thai and English, not by its key.
      for (const f of fields) expect(fieldLabels, `${c}.${f.name}`).toHaveProperty(f.name);
    });

    it(`${c}: requires exactly the fields the schema cannot do without`, () => {
      for (const f of fields) {
        const { [f.name]: _left, ...without } = sample(c);
        expect(f.required, `${c}.${f.name}`).toBe(!accepts(c, without));
      }
    });

    it(`${c}: its length patterns accept exactly the lengths the schema accepts`, () => {
      const limited = fields.filter((f): f is CmsField & { pattern: [string, string] } => Boolean(f.pattern));
      for (const f of limited) {
        const pattern = new RegExp(f.pattern[0]);
        for (let n = 0; n <= 260; n++) {
          const text = 'ก'.repeat(n);
          const schemaSays = accepts(c, { ...sample(c), [f.name]: text });
          // A pattern cannot say "required": an empty optional field is simply left out.
          if (n === 0 && !f.required) continue;
          expect(pattern.test(text), `${c}.${f.name} at ${String(n)} characters`).toBe(schemaSays);
        }
      }
    });
  }

  it('saves date-times in the form the schema takes, and names other entries by relation', () => {
    const news = cmsFields('news');
    const date = news.find((f) => f.name === 'date');
    expect(date?.widget).toBe('datetime');
    // A story dated ahead waits for its date: the form says so, and which field publishes it now.
    expect(date?.hint).toMatch(/waits for that date, unless Published .* is set/);
    expect(news.find((f) => f.name === 'published')?.hint).toMatch(/announces an event still to come/);
    // A related story does not wait for its date, and has no Published field.
    expect(cmsFields('related').find((f) => f.name === 'date')?.hint).toBeUndefined();
    // What the widget writes for 09:00 typed, in any time zone (see src/lib/cmsFormat.ts).
    expect(accepts('news', { ...sample('news'), date: '2026-12-02T09:00:00+07:00' })).toBe(true);
    expect(news.find((f) => f.name === 'related')).toMatchObject({
      widget: 'relation',
      collection: 'related',
      multiple: true,
    });
    expect(cmsFields('objectives').find((f) => f.name === 'launchStory')).toMatchObject({
      widget: 'relation',
      collection: 'news',
      multiple: false,
    });
    // A gallery photo's file and alt text are required; a cover's are asked by the save
    // (src/cms/setup.ts), since the form cannot require them only when a cover is given.
    expect(news.find((f) => f.name === 'gallery')?.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'src', widget: 'image', required: true }),
        expect.objectContaining({ name: 'alt', required: true }),
      ]),
    );
  });

  it('refuses in the form exactly the date years the schema takes for Buddhist Era ones', () => {
    for (const c of collections)
      for (const f of cmsFields(c).filter((field) => field.widget === 'datetime')) {
        const pattern = new RegExp(f.pattern?.[0] ?? '');
        for (const year of [1999, 2024, 2399, 2400, 2567, 2999]) {
          const date = `${String(year)}-02-23T09:00:00+07:00`;
          expect(pattern.test(date), `${c}.${f.name} in ${String(year)}`).toBe(
            accepts(c, { ...sample(c), [f.name]: date }),
          );
        }
      }
  });

  it('edits every language of the locale table, each in its own folder', () => {
    const config = cmsConfig({ backend: { name: 'git-gateway' }, local: true }, 'https://example.go.th/');
    expect(config.i18n).toEqual({
      structure: 'multiple_folders',
      locales: ['th', 'en'],
      default_locale: 'th',
    });
    // The editor's own interface speaks the default language too.
    expect(config.locale).toBe('th');
    expect(config.local_backend).toBe(true);
    expect(config.collections.map((c) => [c.name, c.folder, c.create])).toEqual([
      ['news', 'content/news', true],
      ['objectives', 'content/objectives', false],
      ['related', 'content/related', true],
      ['policies', 'content/policies', false],
    ]);
  });
});

describe('translatedChecks', () => {
  it('lists the fields each language must fill in itself, with their patterns, not those copied from Thai', () => {
    const checks = translatedChecks();
    const required = (c: keyof typeof checks) => checks[c].filter((f) => f.required).map((f) => f.name);
    expect(required('news')).toEqual(['title', 'description', 'body']);
    expect(required('related')).toEqual(['title', 'summary', 'municipality']);
    expect(required('objectives')).toEqual(
      expect.arrayContaining(['title', 'officialName', 'objectives', 'targetGroups', 'vision', 'body']),
    );
    // Optional, but held to a pattern where written: a story's publication, a related story's source.
    expect(checks.news.find((f) => f.name === 'publication')).toEqual({
      name: 'publication',
      required: false,
      pattern: ['^[\\s\\S]{1,120}$', '1–120 ตัวอักษร / characters'],
    });
    expect(checks.news.find((f) => f.name === 'description')?.pattern?.[0]).toBe('^[\\s\\S]{20,200}$');
    // Copied from the default language (dates, links, flags): never asked for.
    for (const list of Object.values(checks))
      for (const name of ['date', 'launchStory', 'related', 'draft', 'awaitingTranslation'])
        expect(list.map((f) => f.name)).not.toContain(name);
  });

  it('gives each photo field what a photo must hold, as the schema has it: a file and alt text', () => {
    const news = translatedChecks().news;
    for (const name of ['cover', 'gallery']) {
      const photo = news.find((f) => f.name === name);
      expect(photo?.required, name).toBe(false);
      expect(
        photo?.parts?.filter((p) => p.required).map((p) => p.name),
        name,
      ).toEqual(['src', 'alt']);
      expect(photo?.parts?.find((p) => p.name === 'alt')?.pattern?.[0], name).toBe('^[\\s\\S]{1,250}$');
    }
    // The schema agrees: a cover without alt text is refused.
    const story = sample('news');
    expect(accepts('news', { ...story, cover: { src: 'x.jpg', alt: 'A hall' } })).toBe(true);
    expect(accepts('news', { ...story, cover: { src: 'x.jpg' } })).toBe(false);
  });

  it("says under the cover's alt text, which the form must mark optional, that a cover needs it", () => {
    const cover = cmsFields('news').find((f) => f.name === 'cover');
    const alt = (cover?.fields as CmsField[] | undefined)?.find((f) => f.name === 'alt');
    expect(alt?.required).toBe(false);
    expect(alt?.hint).toBe('ต้องกรอกเมื่อใส่รูปปก / Needed once there is a cover photo');
    // None of the cover's fields is required by the form: a story may have no cover.
    expect((cover?.fields as CmsField[]).filter((f) => f.required !== false)).toEqual([]);
  });
});
