import { describe, expect, it } from 'vitest';
import { translationsMissing } from './cmsLabels.ts';

const thai = { title: 'หัวข้อ', description: 'สรุป', body: 'เนื้อหา' };

describe('translationsMissing', () => {
  it('lets every side written in full be saved', () => {
    expect(
      translationsMissing('th', { th: thai, en: { title: 'T', description: 'D', body: 'B' } }),
    ).toBeUndefined();
  });

  it('refuses a side left empty, naming its fields in Thai and English', () => {
    expect(translationsMissing('th', { th: thai, en: { title: '', description: ' ' } })).toBe(
      'ยังไม่ได้กรอก EN: หัวข้อ, สรุปสั้น ๆ, เนื้อหา แบบฟอร์มบันทึกทุกภาษาพร้อมกัน จึงต้องเขียนคำแปลให้ครบก่อน / ' +
        'Not filled in: EN: Headline, Summary for lists and previews, Text. The form saves every language together: write the translation in full first.',
    );
  });

  it('names only what a half-written side lacks, in every language that lacks it', () => {
    const message = translationsMissing('th', { th: thai, en: { title: 'T', description: 'D' }, lo: {} });
    expect(message).toContain('Not filled in: EN: Text; LO: Headline, Summary for lists and previews, Text.');
  });

  it('asks of a translation only the fields the main language has (a collection without a body)', () => {
    expect(
      translationsMissing('th', {
        th: { title: 'ก', description: 'ข' },
        en: { title: 'T', description: 'D' },
      }),
    ).toBeUndefined();
  });
});
