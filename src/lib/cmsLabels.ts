/**
 * The form's field labels, apart from the rest of the CMS configuration (src/lib/cmsConfig.ts)
 * so that the editor's own script (src/cms/setup.ts) can name fields without the schemas.
 */

/** What each field is called in the form, in Thai then English (editors read both). */
export const fieldLabels: Record<string, [th: string, en: string]> = {
  title: ['หัวข้อ', 'Headline'],
  description: ['สรุปสั้น ๆ', 'Summary for lists and previews'],
  date: ['วันเวลาที่จัดงาน (เวลาประเทศไทย)', 'Date and time of the event (Thailand time)'],
  published: ['วันเวลาที่เผยแพร่ (เวลาประเทศไทย)', 'Published (Thailand time)'],
  venue: ['สถานที่', 'Venue'],
  publication: ['สื่อที่เผยแพร่ข่าวต้นฉบับ (ถ้ามี)', 'Publication the story comes from (if any)'],
  related: ['เรื่องราวที่เกี่ยวข้อง', 'Related stories'],
  cover: ['รูปปก', 'Cover photo'],
  gallery: ['รูปเพิ่มเติม', 'More photos'],
  src: ['ไฟล์รูป', 'Photo file'],
  alt: ['คำบรรยายรูป (สิ่งที่เห็นในรูป)', 'Alt text (what the photo shows)'],
  caption: ['คำอธิบายใต้ภาพ', 'Caption'],
  credit: ['ผู้ถ่ายภาพ', 'Credit'],
  draft: ['ฉบับร่าง (ยังไม่เผยแพร่)', 'Draft (not published)'],
  awaitingTranslation: ['รอแปล', 'Awaiting translation'],
  officialName: ['ชื่อโครงการอย่างเป็นทางการ', 'Official name'],
  objectives: ['วัตถุประสงค์', 'Objectives'],
  targetGroups: ['กลุ่มเป้าหมาย', 'Target groups'],
  vision: ['วิสัยทัศน์', 'Vision'],
  launchStory: ['ข่าวเปิดโครงการ', 'Launch story'],
  summary: ['ข้อความตอนต้นของข่าว', 'Opening words of the story'],
  municipality: ['เทศบาล', 'Municipality'],
  source: ['ที่อยู่ของต้นฉบับ', 'Address of the source'],
  order: ['ลำดับในส่วนท้ายหน้า', 'Place in the footer'],
  body: ['เนื้อหา', 'Text'],
  fileName: ['ชื่อไฟล์ (อักษรอังกฤษ)', 'File name (Latin letters)'],
};

/**
 * What a field's hint says under it in the form, by collection, in Thai then English, where
 * its label cannot say enough. Only news waits for its date (src/lib/publishing.ts).
 */
export const fieldHints: Partial<Record<string, Record<string, string>>> = {
  news: {
    date:
      'ข่าวที่ลงวันที่ในอนาคตจะรอเผยแพร่จนถึงวันนั้น เว้นแต่ใส่วันเวลาที่เผยแพร่ด้านล่าง / ' +
      'A story dated in the future waits for that date, unless Published (below) is set',
    published:
      'ใส่เมื่อข่าวประกาศงานที่จะจัดขึ้น เพื่อเผยแพร่ตั้งแต่เวลานี้ / ' +
      'Set it when the story announces an event still to come, to publish it from this time',
  },
};

/**
 * A translated field the form checks: required, or held to a pattern ([regex, message]); for
 * a photo, or a list of them, what each one given must hold (`parts`).
 */
export interface TranslatedField {
  name: string;
  required: boolean;
  pattern?: [string, string] | undefined;
  parts?: TranslatedField[] | undefined;
  /** What else will do when it is missing, in Thai and English. */
  orElse?: [th: string, en: string] | undefined;
}

/** A form value as plain data: Decap's values are Immutable.js collections. */
const plain = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && 'toJS' in value && typeof value.toJS === 'function'
    ? (value.toJS as () => unknown)()
    : value;

/** Whether a form value holds something: text, a list with text in every item, an object with text. */
function filled(value: unknown): boolean {
  const v = plain(value);
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0 && v.every(filled);
  if (v !== null && typeof v === 'object') return Object.values(v).some(filled);
  return v !== undefined && v !== null;
}

const unfit = (f: TranslatedField, value: unknown) => {
  const v = plain(value);
  return (
    f.pattern !== undefined && typeof v === 'string' && v.trim() !== '' && !new RegExp(f.pattern[0]).test(v)
  );
};

/** A field found wanting: where it is (a photo's part: [photo, number in its list, part]) and why. */
interface Problem {
  path: [name: string, item?: number | undefined, part?: string | undefined];
  field: TranslatedField;
  missing: boolean;
}

/**
 * What the photos of one side lack: every photo given, as a cover or in a list, needs each
 * required part (its alt text) and must hold its parts to their patterns. The form cannot
 * require a part of a photo that may be left out altogether (it would ask for alt text when
 * there is no photo), and the build stops at a photo without it.
 */
function photoProblems(
  side: Record<string, unknown> | undefined,
  fields: readonly TranslatedField[],
): Problem[] {
  return fields.flatMap((f) => {
    const value = plain(side?.[f.name]);
    const items = Array.isArray(value) ? (value as unknown[]) : [value];
    return items.flatMap((item, i): Problem[] => {
      const photo = plain(item) as Record<string, unknown> | undefined;
      if (!f.parts || !filled(photo)) return [];
      const at = Array.isArray(value) ? i + 1 : undefined;
      return f.parts.flatMap((part): Problem[] =>
        (part.required && !filled(photo?.[part.name])) || unfit(part, photo?.[part.name])
          ? [{ path: [f.name, at, part.name], field: part, missing: !filled(photo?.[part.name]) }]
          : [],
      );
    });
  });
}

/**
 * Why an entry cannot be saved as it stands, in Thai and English, or undefined.
 * Decap checks the default language's side only (required fields, patterns), and writes a
 * file for every other side that holds anything (its copied fields at least), so a side left
 * empty, half written or too long would be saved as a file the build stops at. Each other
 * side needs each required field of `fields` that the default side has, and whatever it
 * writes in a field with a pattern must match it. (A save event can change only the entry's
 * data, not its translations, so an empty side cannot be left unwritten.) On the default
 * side, a required field of spaces alone, which Decap takes for written, is refused too. On
 * every side, each photo given needs its alt text (`photoProblems`).
 * @example saveProblems('th', { th: { title: 'ก' }, en: {} }, [{ name: 'title', required: true }]) // "ยังไม่ได้กรอก… EN: หัวข้อ …"
 */
export function saveProblems(
  defaultLang: string,
  sides: Record<string, Record<string, unknown> | undefined>,
  fields: readonly TranslatedField[],
): string | undefined {
  const own = sides[defaultLang] ?? {};
  const needed = fields.filter((f) => f.required && filled(own[f.name]));
  const problems = Object.entries(sides)
    .map(([lang, side]) => ({
      lang,
      problems: [
        ...(lang === defaultLang
          ? // Decap holds these to "required" itself, but takes text of spaces alone for some.
            fields
              .filter((f) => f.required && typeof side?.[f.name] === 'string' && !filled(side[f.name]))
              .map((f): Problem => ({ path: [f.name], field: f, missing: true }))
          : [
              ...needed
                .filter((f) => !filled(side?.[f.name]))
                .map((f): Problem => ({ path: [f.name], field: f, missing: true })),
              ...fields
                .filter((f) => unfit(f, side?.[f.name]))
                .map((f): Problem => ({ path: [f.name], field: f, missing: false })),
            ]),
        ...photoProblems(side, fields),
      ],
    }))
    .filter(({ problems }) => problems.length > 0);
  if (problems.length === 0) return undefined;
  const label = (name: string, i: 0 | 1) => fieldLabels[name]?.[i] ?? name;
  const place = ([name, item, part]: Problem['path'], i: 0 | 1) =>
    [
      item === undefined ? label(name, i) : `${label(name, i)} ${String(item)}`,
      ...(part ? [label(part, i)] : []),
    ].join(' › ');
  const named = (i: 0 | 1) =>
    problems
      .map(
        ({ lang, problems }) =>
          `${lang.toUpperCase()}: ${problems
            .map((p) => {
              const why = p.missing ? p.field.orElse?.[i] : p.field.pattern?.[1];
              return why ? `${place(p.path, i)} (${why})` : place(p.path, i);
            })
            .join(', ')}`,
      )
      .join('; ');
  // Said where a language other than the default one lacks something.
  const together = problems.some(({ lang }) => lang !== defaultLang);
  return (
    `ยังไม่ได้กรอกหรือกรอกไม่ตรงเงื่อนไข ${named(0)}${together ? ' แบบฟอร์มบันทึกทุกภาษาพร้อมกัน จึงต้องเขียนคำแปลให้ครบก่อน' : ''} / ` +
    `Not filled in or not as required: ${named(1)}.${together ? ' The form saves every language together: write the translation in full first.' : ''}`
  );
}
