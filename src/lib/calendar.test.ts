import { describe, expect, it } from 'vitest';
import { calendarFile, escapeText, foldLine, icsDate } from './calendar.ts';

const launch = {
  uid: 'smart-gender-launch@www.example.go.th',
  start: '2024-02-23T09:00:00+07:00',
  stamp: '2024-02-23T09:00:00+07:00',
  summary: 'ขอนแก่น “SMART GENDER” ทุกเพศเท่าเทียม',
  location: 'พิพิธภัณฑ์ธนารักษ์ จังหวัดขอนแก่น',
  description:
    'เทศบาลนครขอนแก่นเปิดโครงการ SMART GENDER ส่งเสริมความเท่าเทียมทางเพศ, สำหรับกลุ่มเด็กและเยาวชน; ที่พิพิธภัณฑ์ธนารักษ์',
  url: 'https://www.example.go.th/news/smart-gender-launch/',
  lang: 'th',
};

/** Undoes folding, as a calendar app reads the file. */
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('calendar file', () => {
  it('starts at 09:00 Bangkok time, written in UTC', () => {
    expect(icsDate('2024-02-23T09:00:00+07:00')).toBe('20240223T020000Z');
    expect(unfold(calendarFile(launch))).toContain('\r\nDTSTART:20240223T020000Z\r\n');
  });

  it('has the parts RFC 5545 requires, with CRLF line ends', () => {
    const text = calendarFile(launch);
    for (const line of [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:smart-gender-launch@www.example.go.th',
      'DTSTAMP:20240223T020000Z',
      'END:VEVENT',
      'END:VCALENDAR',
    ]) {
      expect(text).toContain(`${line}\r\n`);
    }
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('escapes text and keeps Thai intact', () => {
    expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
    expect(escapeText('line 1\r\nline 2\rline 3')).toBe('line 1\\nline 2\\nline 3');
    expect(unfold(calendarFile(launch))).toContain('SUMMARY;LANGUAGE=th:ขอนแก่น “SMART GENDER” ทุกเพศเท่าเทียม');
  });

  it('folds lines at 75 octets without splitting a Thai character', () => {
    const text = calendarFile(launch);
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const folded = foldLine(`DESCRIPTION:${'ก'.repeat(60)}`);
    expect(folded.split('\r\n ').join('')).toBe(`DESCRIPTION:${'ก'.repeat(60)}`);
    expect(folded).not.toContain('\uFFFD');
  });

  it('breaks before a Thai character that would cross the 75th octet', () => {
    // 13 ASCII octets, then 3-octet characters: 13 + 20 × 3 = 73, and a 21st would make 76.
    const [first, ...rest] = foldLine(`DESCRIPTION:a${'ก'.repeat(40)}`).split('\r\n');
    const octets = (s: string) => new TextEncoder().encode(s).length;
    expect(octets(first!)).toBe(73);
    for (const line of rest) {
      expect(line.startsWith(' ')).toBe(true);
      expect(octets(line)).toBeLessThanOrEqual(75);
    }
  });
});
