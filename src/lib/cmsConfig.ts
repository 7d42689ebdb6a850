import { z } from 'astro/zod';
import { defaultLang, langs } from '../i18n/locales.ts';
import { fieldHints, fieldLabels, type TranslatedField } from './cmsLabels.ts';
import { collectionSchemas, needsBody, references, type CollectionName } from './schemas.ts';

/**
 * The browser editor's configuration (Decap CMS, served at /admin/), made from the content
 * schemas and the locale table, so the form asks what the build asks: the same fields, the
 * same required ones, the same length limits, relations where a field names other entries.
 * What a form cannot express (a twin's existence, a date's future) `npm run check` still
 * checks in CI before anything is built.
 */

/** A Decap CMS field, as its configuration file states it. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  i18n?: boolean | 'duplicate';
  default?: unknown;
  pattern?: [string, string];
  hint?: string;
  [option: string]: unknown;
}

export const collectionLabels: Record<CollectionName, [th: string, en: string]> = {
  news: ['ข่าว', 'News'],
  objectives: ['ข้อมูลโครงการ', 'Programme'],
  related: ['เรื่องราวที่เกี่ยวข้อง', 'Related stories'],
  policies: ['หน้านโยบาย', 'Policy pages'],
};

const label = ([th, en]: [string, string]) => `${th} · ${en}`;

/** JSON Schema of one property, as Zod writes it. */
interface Property {
  type?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  widget?: string;
  default?: unknown;
  items?: Property;
  properties?: Record<string, Property>;
  required?: string[];
}

/** A length limit as the form checks it: the same characters the schema counts. */
export function lengthPattern(
  min: number | undefined,
  max: number | undefined,
): [string, string] | undefined {
  if (!max && (min ?? 0) <= 1) return undefined;
  const from = min ?? 0;
  const message = max
    ? `${String(from)}–${String(max)} ตัวอักษร / characters`
    : `อย่างน้อย ${String(from)} ตัวอักษร / at least ${String(from)} characters`;
  return [`^[\\s\\S]{${String(from)},${max ? String(max) : ''}}$`, message];
}

/** Fields that hold text in the entry's language are translated; the rest are copied. */
const translated = (p: Property) => p.type === 'string' && p.widget !== 'image' && p.widget !== 'datetime';

function field(name: string, p: Property, required: boolean, relation: CollectionName | undefined): CmsField {
  const base = { name, label: label(fieldLabels[name] ?? [name, name]), required };
  if (relation) {
    // A field naming other entries: picked from a list of them, by file name.
    return {
      ...base,
      widget: 'relation',
      collection: relation,
      value_field: '{{slug}}',
      search_fields: ['title'],
      display_fields: ['title'],
      multiple: p.type === 'array',
      ...(p.type === 'array' ? { default: [] } : {}),
      i18n: 'duplicate',
    };
  }
  if (p.widget === 'image') return { ...base, widget: 'image', i18n: 'duplicate' };
  if (p.widget === 'datetime') {
    // The time typed is Bangkok's, saved with +07:00 whatever the editor's own time zone. A
    // year from 2400 is a Buddhist Era one, which the schema refuses (src/lib/schemas.ts).
    return {
      ...base,
      widget: 'datetime',
      format: 'YYYY-MM-DDTHH:mm:ss[+07:00]',
      pattern: [
        '^([01]\\d{3}|2[0-3]\\d{2})-',
        'ใช้ปี ค.ศ. เช่น 2024 ไม่ใช่ 2567 / a Christian Era year, like 2024, not 2567',
      ],
      i18n: 'duplicate',
    };
  }
  if (p.type === 'boolean')
    return {
      ...base,
      widget: 'boolean',
      default: p.default ?? false,
      i18n: 'duplicate',
      // The form saves every language together (src/cms/setup.ts): it says where the flag helps.
      ...(name === 'awaitingTranslation' && {
        hint:
          'แบบฟอร์มบันทึกทุกภาษาพร้อมกัน ข่าวภาษาไทยที่ยังไม่มีคำแปลเผยแพร่ทางไฟล์ภาษาไทย (docs/editing.th.md) / ' +
          'The form saves every language together: a story in Thai alone is published through its Thai file (docs/editing.en.md)',
      }),
    };
  if (p.type === 'integer' || p.type === 'number') {
    return {
      ...base,
      widget: 'number',
      value_type: p.type === 'integer' ? 'int' : 'float',
      i18n: 'duplicate',
    };
  }
  if (p.type === 'object') {
    // Objects and lists can only be translated whole; their photo file is the same in every
    // language. An optional object's own required fields cannot be required by the form
    // (it would ask for them when there is no photo at all): the save checks them instead
    // (src/cms/setup.ts), and the hint says so where the label says "optional" (the photo
    // file itself needs none).
    const [th, en] = fieldLabels[name] ?? [name, name];
    const needed = `ต้องกรอกเมื่อใส่${th} / Needed once there is a ${en.toLowerCase()}`;
    const inner = fieldsOf(p, {}).map((f) =>
      required || f.required === false
        ? f
        : { ...f, required: false, ...(f.widget !== 'image' && { hint: needed }) },
    );
    return { ...base, widget: 'object', i18n: true, fields: inner };
  }
  if (p.type === 'array' && p.items?.type === 'object') {
    return { ...base, widget: 'list', i18n: true, default: [], fields: fieldsOf(p.items, {}) };
  }
  if (p.type === 'array') {
    return {
      ...base,
      widget: 'list',
      i18n: true,
      ...(p.minItems ? { min: p.minItems } : {}),
      field: field(name, p.items ?? {}, true, undefined),
    };
  }
  const pattern = lengthPattern(p.minLength, p.maxLength);
  return {
    ...base,
    widget: (p.maxLength ?? 0) > 150 ? 'text' : 'string',
    i18n: translated(p),
    ...(pattern ? { pattern } : {}),
    ...(p.format === 'uri'
      ? { pattern: ['^https?://\\S+$', 'ที่อยู่เว็บเต็ม / a full web address, https://…'] }
      : {}),
  };
}

/**
 * Fields the form leaves out, and keeps in the files as they are. `translationChecked` is
 * written on a translation alone (when a translator last found it still matching the Thai),
 * and the form's fields are either each language's own or copied from Thai to the others.
 */
export const notInForm: ReadonlySet<string> = new Set(['translationChecked']);

function fieldsOf(schema: Property, relations: Partial<Record<string, CollectionName>>): CmsField[] {
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => !notInForm.has(name))
    .map(([name, p]) => field(name, p, schema.required?.includes(name) ?? false, relations[name]));
}

/** The schemas as the form sees them: images and date-times marked for their widgets. */
const schemas = collectionSchemas({ image: () => z.string().meta({ widget: 'image' }) });

/** A collection's schema as JSON Schema, which the form is made from. */
const jsonOf = (collection: CollectionName) =>
  z.toJSONSchema(schemas[collection], { io: 'input', unrepresentable: 'any' }) as Property;

/** Each collection's fields, in the schema's order, then the text. */
export function cmsFields(collection: CollectionName): CmsField[] {
  const hints = fieldHints[collection] ?? {};
  return [
    ...fieldsOf(jsonOf(collection), references[collection]).map((f) => {
      const hint = hints[f.name];
      return hint ? { ...f, hint } : f;
    }),
    {
      name: 'body',
      label: label(fieldLabels.body ?? ['', '']),
      widget: 'markdown',
      required: needsBody[collection],
      i18n: true,
    },
  ];
}

/**
 * Each collection's translated fields (not copied from the default language) that the form
 * would check: required, or with a pattern (a length, a web address). The form checks them
 * on the default language's side only; src/cms/setup.ts checks the others' before a save.
 * A photo field (a cover, a list of photos) comes with what each photo must hold, as the
 * schema has it, which the form checks on no side for a cover, and on the default side only
 * for a list of photos.
 */
export function translatedChecks(): Record<CollectionName, TranslatedField[]> {
  const checked = (field: CmsField) => field.required !== false || field.pattern !== undefined;
  const check = (field: CmsField): TranslatedField => ({
    name: field.name,
    required: field.required !== false,
    ...(field.pattern && { pattern: field.pattern }),
  });
  return Object.fromEntries(
    (Object.keys(schemas) as CollectionName[]).map((collection) => {
      const properties = jsonOf(collection).properties ?? {};
      const checks = cmsFields(collection).flatMap((field): TranslatedField[] => {
        if (field.i18n !== true) return [];
        const p = properties[field.name];
        const photo = p?.type === 'object' ? p : p?.items?.type === 'object' ? p.items : undefined;
        // A photo's text left after its file was taken out: the file, or no text at all.
        const part = (f: CmsField): TranslatedField => ({
          ...check(f),
          ...(f.widget === 'image' && { orElse: ['หรือลบข้อความของรูปนี้', 'or clear the rest of this photo'] }),
        });
        if (photo) return [{ ...check(field), parts: fieldsOf(photo, {}).filter(checked).map(part) }];
        return checked(field) ? [check(field)] : [];
      });
      return [collection, checks];
    }),
  ) as Record<CollectionName, TranslatedField[]>;
}

/** Where the site's backend settings point the editor (see src/config/cms.ts). */
export interface CmsBackend {
  /** Decap's `backend` block; with `local`, decap-server on the editor's machine answers. */
  backend: Record<string, string>;
  local: boolean;
}

/** The whole configuration, as `/admin/config.yml` serves it (JSON is YAML). */
export function cmsConfig({ backend, local }: CmsBackend, siteUrl: string) {
  const collections = (Object.keys(collectionLabels) as CollectionName[]).map((name) => ({
    name,
    label: label(collectionLabels[name]),
    folder: `content/${name}`,
    // New files for stories only: the programme and the policy pages are edited, not added.
    create: name === 'news' || name === 'related',
    i18n: true,
    format: 'frontmatter-site',
    extension: 'md',
    // A Latin file name, written by the editor or made from the English headline
    // (src/cms/setup.ts); it names the file and is not kept in it.
    slug: '{{fields.fileName}}',
    identifier_field: 'title',
    summary: '{{title}}',
    media_folder: '/content/media',
    public_folder: '../../media',
    fields: [
      {
        name: 'fileName',
        label: label(fieldLabels.fileName ?? ['', '']),
        widget: 'string',
        required: false,
        i18n: 'duplicate',
        hint: 'a-z 0-9 - · เว้นว่างไว้เพื่อสร้างจากหัวข้อภาษาอังกฤษ / leave empty to make it from the English headline',
        pattern: ['^[a-z0-9]+(?:-[a-z0-9]+)*$', 'a-z 0-9 - เท่านั้น / only'],
      },
      ...cmsFields(name),
    ],
  }));
  return {
    ...(local ? { local_backend: true } : {}),
    backend,
    site_url: siteUrl,
    // The editor's own buttons and messages, in the site's default language.
    locale: defaultLang,
    publish_mode: 'simple',
    media_folder: 'content/media',
    public_folder: '../../media',
    i18n: { structure: 'multiple_folders', locales: [...langs], default_locale: defaultLang },
    collections,
  };
}
