import { describe, expect, it } from 'vitest';
import { checkHelpers, newsSchema as newsSchemaFor, references, schemas } from './schemas.ts';

const newsSchema = newsSchemaFor(checkHelpers);

/*
 * What an editor reads when a news story's front matter is wrong: the field, what is wrong
 * and how to fix it, in English and Thai. The build prints these beside the file's name
 * (e2e/content-errors.spec.ts builds one such mistake to show it).
 */

const story = {
  title: 'Khon Kaen launches SMART GENDER',
  description: 'The city launches a programme for gender equality and equity in Khon Kaen.',
  date: '2024-02-23T09:00:00+07:00',
  venue: 'Khon Kaen City Municipality',
  related: ['chiang-mai-ev-street-cleaner'],
};

/** The schema's messages for a story, as "field: message". */
function problems(data: Record<string, unknown>): string[] {
  const result = newsSchema.safeParse(data);
  return result.success
    ? []
    : result.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`);
}

describe('news front matter', () => {
  it('accepts a well-formed story', () => {
    expect(problems(story)).toEqual([]);
  });

  it('refuses a date without its offset, saying how to write it', () => {
    expect(problems({ ...story, date: '23 กุมภาพันธ์ 2567' })).toEqual([
      'date: must be a date-time with its offset, like "2024-02-23T09:00:00+07:00" (Christian Era year) / ต้องเป็นวันเวลาพร้อมเขตเวลา เช่น "2024-02-23T09:00:00+07:00" (ปี ค.ศ.)',
    ]);
    expect(problems({ ...story, date: '2024-02-23T09:00:00' })[0]).toMatch(
      /^date: must be a date-time with its offset/,
    );
  });

  it('refuses a Buddhist Era year, which would schedule the story 543 years ahead, giving the Christian Era one', () => {
    expect(problems({ ...story, date: '2567-02-23T09:00:00+07:00' })).toEqual([
      'date: 2567 is a Buddhist Era year: write the year in the Christian Era, 2024 / 2567 เป็นปี พ.ศ. ให้ใช้ปี ค.ศ. คือ 2024',
    ]);
    expect(problems({ ...story, published: '2567-02-23T09:00:00+07:00' })[0]).toMatch(
      /^published: 2567 is a Buddhist Era year/,
    );
    expect(problems({ ...story, date: '2399-12-31T23:59:59+07:00' })).toEqual([]);
  });

  it('refuses an unquoted date, which YAML reads as a date rather than as text', () => {
    expect(problems({ ...story, date: new Date('2024-02-23T02:00:00Z') })).toEqual([
      'date: write the date-time in quotes, like "2024-02-23T09:00:00+07:00" / ใส่วันเวลาในเครื่องหมายคำพูด เช่น "2024-02-23T09:00:00+07:00"',
    ]);
  });

  it('refuses a description over 200 characters, naming the limit and why', () => {
    expect(problems({ ...story, description: 'Too long. '.repeat(30) })).toEqual([
      'description: keep it to 200 characters: longer text is cut off in link previews / ยาวได้ไม่เกิน 200 ตัวอักษร เพราะข้อความที่ยาวกว่านี้จะถูกตัดในตัวอย่างลิงก์',
    ]);
  });

  it('refuses a misspelt field instead of ignoring it', () => {
    const { venue, ...rest } = story;
    expect(problems({ ...rest, venu: venue })).toEqual(['(entry): Unrecognized key: "venu"']);
  });

  it('asks for a missing title in both languages', () => {
    expect(problems({ ...story, title: undefined })).toEqual([
      'title: required: add this field / ยังไม่มีช่องนี้: เพิ่มช่องนี้ในส่วนหัว',
    ]);
  });
});

describe('references', () => {
  it('names fields that exist, each naming a collection', () => {
    for (const [collection, fields] of Object.entries(references)) {
      for (const [field, target] of Object.entries(fields)) {
        expect(Object.keys(schemas[collection as keyof typeof schemas].shape)).toContain(field);
        expect(Object.keys(schemas)).toContain(target);
      }
    }
  });
});
