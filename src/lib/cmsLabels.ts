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

/** A language's side of the form: the text fields every translation must have. */
export interface Side {
  title?: unknown;
  description?: unknown;
  body?: unknown;
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/**
 * Why an entry cannot be saved as its translations stand, in Thai and English, or undefined.
 * Decap checks the required fields of the default language's side only, and writes a file
 * for every other side that holds anything (its copied fields at least), so a side left
 * empty or half written would be saved as a file without a headline, and the build would
 * stop. Each other side needs the text fields the default side has. (A save event can change
 * only the entry's data, not its translations, so an empty side cannot be left unwritten.)
 * @example translationsMissing('th', { th: { title: 'ก', description: 'ข' }, en: { title: 'T' } }) // "ยังไม่ได้กรอก EN: สรุปสั้น ๆ …"
 */
export function translationsMissing(
  defaultLang: string,
  sides: Record<string, Side | undefined>,
): string | undefined {
  const own = sides[defaultLang] ?? {};
  const needed = (['title', 'description', 'body'] as const).filter((f) => !blank(own[f]));
  const problems = Object.entries(sides)
    .filter(([lang]) => lang !== defaultLang)
    .map(([lang, side]): [string, string[]] => [lang, needed.filter((f) => blank(side?.[f]))])
    .filter(([, missing]) => missing.length > 0);
  if (problems.length === 0) return undefined;
  const named = (i: 0 | 1) =>
    problems
      .map(
        ([lang, fields]) =>
          `${lang.toUpperCase()}: ${fields.map((f) => fieldLabels[f]?.[i] ?? f).join(', ')}`,
      )
      .join('; ');
  return (
    `ยังไม่ได้กรอก ${named(0)} แบบฟอร์มบันทึกทุกภาษาพร้อมกัน จึงต้องเขียนคำแปลให้ครบก่อน / ` +
    `Not filled in: ${named(1)}. The form saves every language together: write the translation in full first.`
  );
}
