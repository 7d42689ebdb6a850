import { describe, expect, it } from 'vitest';
import { translationsMissing } from './cmsLabels.ts';

const news = ['title', 'description', 'body'];
const thai = { title: 'หัวข้อ', description: 'สรุป', body: 'เนื้อหา' };
/** A list as Decap holds it: an Immutable.js collection, read with toJS(). */
const list = (...items: string[]) => ({ toJS: () => items });

describe('translationsMissing', () => {
  it('lets every side written in full be saved', () => {
    expect(
      translationsMissing('th', { th: thai, en: { title: 'T', description: 'D', body: 'B' } }, news),
    ).toBeUndefined();
  });

  it('refuses a side left empty, naming its fields in Thai and English', () => {
    expect(translationsMissing('th', { th: thai, en: { title: '', description: ' ' } }, news)).toBe(
      'ยังไม่ได้กรอก EN: หัวข้อ, สรุปสั้น ๆ, เนื้อหา แบบฟอร์มบันทึกทุกภาษาพร้อมกัน จึงต้องเขียนคำแปลให้ครบก่อน / ' +
        'Not filled in: EN: Headline, Summary for lists and previews, Text. The form saves every language together: write the translation in full first.',
    );
  });

  it('names only what a half-written side lacks, in every language that lacks it', () => {
    const message = translationsMissing(
      'th',
      { th: thai, en: { title: 'T', description: 'D' }, lo: {} },
      news,
    );
    expect(message).toContain('Not filled in: EN: Text; LO: Headline, Summary for lists and previews, Text.');
  });

  it("checks each collection's own required fields: a related story's summary and municipality", () => {
    const related = ['title', 'summary', 'municipality'];
    const th = { title: 'เรื่อง', summary: 'ข้อความตอนต้น', municipality: 'เทศบาลนครเชียงใหม่' };
    expect(translationsMissing('th', { th, en: { title: 'A story' } }, related)).toContain(
      'Not filled in: EN: Opening words of the story, Municipality.',
    );
  });

  it("reads Decap's lists: an empty list is not filled in, a list with text is", () => {
    const programme = ['objectives'];
    const th = { objectives: list('เพื่อเป็นพื้นที่แลกเปลี่ยนเรียนรู้') };
    expect(translationsMissing('th', { th, en: { objectives: list('') } }, programme)).toContain(
      'EN: Objectives',
    );
    expect(
      translationsMissing('th', { th, en: { objectives: list('To provide a space') } }, programme),
    ).toBeUndefined();
  });

  it('asks of a translation only the fields the main language has', () => {
    expect(
      translationsMissing(
        'th',
        { th: { title: 'ก', description: 'ข' }, en: { title: 'T', description: 'D' } },
        news,
      ),
    ).toBeUndefined();
  });
});
