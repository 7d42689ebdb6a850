import yaml from 'js-yaml';
import { bangkokIso } from './dates.ts';

/**
 * How the browser editor reads and writes a content file (registered as the format
 * `frontmatter-site` in src/cms/setup.ts): the front matter as the schemas want it. Decap's
 * own writer leaves date-times unquoted (YAML would read them as dates, the schema wants
 * text), writes `null` for fields a file lacked, and folds long lines; this one does none of
 * that, keeps the fields in the form's order, and leaves out the file name, which only names
 * the file.
 */

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/**
 * A date-time as Bangkok's wall clock with +07:00, the form the content uses; a value
 * already in that form is kept as it is.
 * @example toBangkok('2026-12-02T09:00:00-05:00') // "2026-12-02T21:00:00+07:00"
 */
export function toBangkok(value: unknown): unknown {
  if (typeof value !== 'string' || /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/.test(value)) return value;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return value;
  return bangkokIso(time);
}

/**
 * A file name from a headline in Latin letters: lower case, digits and hyphens.
 * @example latinSlug('Khon Kaen opens a “SMART GENDER” centre!') // "khon-kaen-opens-a-smart-gender-centre"
 */
export function latinSlug(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Whether every letter of `text` is a Latin one (an English headline), and it has some. */
function inLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length > 0 && letters.every((l) => /\p{sc=Latin}/u.test(l));
}

/**
 * A new entry's file name: from the first of its headlines (one per language) written in
 * Latin letters alone (the English one, on this site), or, with none yet, from the moment it
 * is saved in Bangkok (never empty: the file would have no name). A Thai headline is passed
 * over even when it holds a Latin name, which alone would make a short name that others share.
 * @example fileNameFor(['เดินเมือง', 'City walk'], now) // "city-walk"
 * @example fileNameFor(['ขอนแก่น “SMART GENDER”', ''], new Date('2026-12-02T02:30:00Z')) // "story-2026-12-02-0930"
 */
export function fileNameFor(titles: readonly unknown[], now: Date): string {
  const latin = titles.find((title): title is string => typeof title === 'string' && inLatin(title));
  const fromTitle = latinSlug(latin ?? '');
  if (fromTitle) return fromTitle;
  const bangkok = bangkokIso(now);
  return `story-${bangkok.slice(0, 10)}-${bangkok.slice(11, 13)}${bangkok.slice(14, 16)}`;
}

/** A content file as the form's data: front matter fields and `body`. */
export function fromFile(content: string): Record<string, unknown> {
  const match = frontMatter.exec(content);
  if (!match) return { body: content };
  // The core schema keeps date-times as the text they are.
  const data = (yaml.load(match[1] ?? '', { schema: yaml.CORE_SCHEMA }) ?? {}) as Record<string, unknown>;
  return { ...data, body: (match[2] ?? '').replace(/^\r?\n/, '') };
}

// Text of spaces alone counts as empty: a stray space left in an optional field would
// otherwise be saved, and the schema, which trims text, would stop the build at it.
const empty = (v: unknown) =>
  v === null ||
  v === undefined ||
  (typeof v === 'string' && v.trim() === '') ||
  v === false ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && Object.keys(v).length === 0);

/** A value without the empty fields the form leaves in it (null, '', '  ', false, [], {}), at any depth. */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean).filter((v) => !empty(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]): [string, unknown] => [k, clean(v)])
        .filter(([, v]) => !empty(v)),
    );
  }
  return value;
}

/** The form's data as a content file, fields in the form's order (`order`). */
export function toFile(data: Record<string, unknown>, order: readonly string[] = []): string {
  const { body = '', fileName: _fileName, ...fields } = data;
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const kept = Object.entries(clean(fields) as Record<string, unknown>)
    .map(([k, v]): [string, unknown] => [k, k === 'date' || k === 'published' ? toBangkok(v) : v])
    .sort(([a], [b]) => rank(a) - rank(b));
  // js-yaml's default schema knows timestamps, so it quotes text that looks like one.
  const yamlText = yaml.dump(Object.fromEntries(kept), { lineWidth: -1, quotingType: '"' });
  return `---\n${yamlText}---\n\n${String(body).trim()}\n`;
}
