import { describe, expect, it } from 'vitest';
import { saveProblems, type TranslatedField } from './cmsLabels.ts';

const news: TranslatedField[] = [
  { name: 'title', required: true, pattern: ['^[\\s\\S]{1,120}$', '1–120 ตัวอักษร / characters'] },
  { name: 'description', required: true, pattern: ['^[\\s\\S]{20,200}$', '20–200 ตัวอักษร / characters'] },
  { name: 'publication', required: false, pattern: ['^[\\s\\S]{1,120}$', '1–120 ตัวอักษร / characters'] },
  { name: 'body', required: true },
];
const thai = { title: 'หัวข้อ', description: 'สรุปข่าวที่ยาวพอสำหรับหน้ารายการ', body: 'เนื้อหา' };
const english = { title: 'Headline', description: 'A summary long enough for the list.', body: 'Text' };
/** A list as Decap holds it: an Immutable.js collection, read with toJS(). */
const list = (...items: string[]) => ({ toJS: () => items });

describe('saveProblems', () => {
  it('lets every side written in full be saved', () => {
    expect(saveProblems('th', { th: thai, en: english }, news)).toBeUndefined();
  });

  it('refuses a side left empty, naming its fields in Thai and English', () => {
    expect(saveProblems('th', { th: thai, en: { title: '', description: ' ' } }, news)).toBe(
      'ยังไม่ได้กรอกหรือกรอกไม่ตรงเงื่อนไข EN: หัวข้อ, สรุปสั้น ๆ, เนื้อหา แบบฟอร์มบันทึกทุกภาษาพร้อมกัน จึงต้องเขียนคำแปลให้ครบก่อน / ' +
        'Not filled in or not as required: EN: Headline, Summary for lists and previews, Text. The form saves every language together: write the translation in full first.',
    );
  });

  it('names only what a half-written side lacks, in every language that lacks it', () => {
    const message = saveProblems('th', { th: thai, en: { ...english, body: '' }, lo: {} }, news);
    expect(message).toContain(
      'Not filled in or not as required: EN: Text; LO: Headline, Summary for lists and previews, Text.',
    );
  });

  it('holds what a side writes to its pattern, as the form does for the main language', () => {
    const message = saveProblems(
      'th',
      { th: thai, en: { ...english, description: 'Too short.', publication: 'x'.repeat(121) } },
      news,
    );
    expect(message).toContain(
      'EN: Summary for lists and previews (20–200 ตัวอักษร / characters), Publication the story comes from (if any) (1–120 ตัวอักษร / characters).',
    );
    // An optional field left empty is not held to its pattern.
    expect(saveProblems('th', { th: thai, en: { ...english, publication: '' } }, news)).toBeUndefined();
  });

  it("checks each collection's own required fields: a related story's summary and municipality", () => {
    const related = ['title', 'summary', 'municipality'].map((name) => ({ name, required: true }));
    const th = { title: 'เรื่อง', summary: 'ข้อความตอนต้น', municipality: 'เทศบาลนครเชียงใหม่' };
    expect(saveProblems('th', { th, en: { title: 'A story' } }, related)).toContain(
      'EN: Opening words of the story, Municipality.',
    );
  });

  it("reads Decap's lists: every item must be written", () => {
    const programme = [{ name: 'objectives', required: true }];
    const th = { objectives: list('เพื่อเป็นพื้นที่แลกเปลี่ยนเรียนรู้', 'ส่งเสริมศักยภาพ') };
    for (const en of [list(), list(''), list('To provide a space', '')])
      expect(saveProblems('th', { th, en: { objectives: en } }, programme)).toContain('EN: Objectives');
    expect(
      saveProblems('th', { th, en: { objectives: list('To provide a space', 'To promote') } }, programme),
    ).toBeUndefined();
  });

  const photoParts: TranslatedField[] = [
    { name: 'src', required: true, orElse: ['หรือลบข้อความของรูปนี้', 'or clear the rest of this photo'] },
    { name: 'alt', required: true, pattern: ['^[\\s\\S]{1,250}$', '1–250 ตัวอักษร / characters'] },
    { name: 'caption', required: false },
  ];
  const withPhotos: TranslatedField[] = [
    ...news,
    { name: 'cover', required: false, parts: photoParts },
    { name: 'gallery', required: false, parts: photoParts },
  ];
  /** A photo as Decap holds it: an Immutable.js map, read with toJS(). */
  const photo = (fields: Record<string, string>) => ({ toJS: () => fields });
  const cover = { src: '../../media/hall.jpg', alt: 'ศาลาประชาคม' };

  it('refuses a cover photo without alt text on any side, the main language too, which the form lets through', () => {
    const th = { ...thai, cover: photo({ src: cover.src }) };
    expect(
      saveProblems('th', { th, en: { ...english, cover: photo({ ...cover, alt: 'A hall' }) } }, withPhotos),
    ).toBe(
      'ยังไม่ได้กรอกหรือกรอกไม่ตรงเงื่อนไข TH: รูปปก › คำบรรยายรูป (สิ่งที่เห็นในรูป) / ' +
        'Not filled in or not as required: TH: Cover photo › Alt text (what the photo shows).',
    );
    expect(
      saveProblems(
        'th',
        { th: { ...thai, cover: photo(cover) }, en: { ...english, cover: photo({ src: cover.src }) } },
        withPhotos,
      ),
    ).toContain('EN: Cover photo › Alt text (what the photo shows). The form saves every language together');
  });

  it('says what to do with the text of a photo whose file was taken out: the file, or no text', () => {
    const th = { ...thai, cover: photo({ src: '', alt: 'ศาลาประชาคม' }) };
    expect(saveProblems('th', { th, en: english }, withPhotos)).toContain(
      'TH: Cover photo › Photo file (or clear the rest of this photo).',
    );
  });

  it('names each photo of a list that lacks its alt text or its file, and holds its text to the pattern', () => {
    const gallery = { toJS: () => [cover, { src: cover.src, alt: '' }, { alt: 'x'.repeat(251) }] };
    expect(saveProblems('th', { th: { ...thai, gallery }, en: english }, withPhotos)).toContain(
      'TH: More photos 2 › Alt text (what the photo shows), More photos 3 › Photo file (or clear the rest of this photo), More photos 3 › Alt text (what the photo shows) (1–250 ตัวอักษร / characters).',
    );
  });

  it('lets a story without photos, or with every photo described, be saved', () => {
    expect(
      saveProblems('th', { th: { ...thai, cover: photo({}) }, en: english }, withPhotos),
    ).toBeUndefined();
    // Decap leaves an untouched cover undefined, and a removed photo's file empty.
    expect(saveProblems('th', { th: thai, en: english }, withPhotos)).toBeUndefined();
    expect(
      saveProblems('th', { th: { ...thai, cover: photo({ src: '' }) }, en: english }, withPhotos),
    ).toBeUndefined();
    expect(
      saveProblems(
        'th',
        {
          th: { ...thai, cover: photo(cover), gallery: { toJS: () => [cover] } },
          en: { ...english, cover: photo({ ...cover, alt: 'A hall' }) },
        },
        withPhotos,
      ),
    ).toBeUndefined();
  });

  it('refuses a required field of spaces alone on the main side, which Decap takes for written', () => {
    expect(saveProblems('th', { th: { ...thai, title: '   ' }, en: english }, news)).toBe(
      'ยังไม่ได้กรอกหรือกรอกไม่ตรงเงื่อนไข TH: หัวข้อ / Not filled in or not as required: TH: Headline.',
    );
  });

  it('asks of a translation only the required fields the main language has', () => {
    expect(
      saveProblems(
        'th',
        { th: { title: 'ก', description: 'ข'.repeat(20) }, en: { title: 'T', description: 'D'.repeat(20) } },
        news,
      ),
    ).toBeUndefined();
  });
});
