import { describe, expect, it } from 'vitest';
import {
  bangkokClock,
  bangkokIso,
  formatDate,
  formatDateTime,
  formatTime,
  parseIsoWithOffset,
} from './dates.ts';

const launch = parseIsoWithOffset('2024-02-23T09:00:00+07:00');

describe('dates shown to readers', () => {
  it('writes Thai dates in the Buddhist Era with Thai month names', () => {
    expect(formatDate(launch, 'th')).toBe('23 กุมภาพันธ์ 2567');
    expect(formatTime(launch, 'th')).toBe('09.00 น.');
    expect(formatDateTime(launch, 'th')).toBe('23 กุมภาพันธ์ 2567 เวลา 09.00 น.');
  });

  it('writes English dates day-first with a.m. and p.m.', () => {
    expect(formatDateTime(launch, 'en')).toBe('23 February 2024, 9:00 a.m.');
    expect(formatTime(parseIsoWithOffset('2024-02-23T15:05:00+07:00'), 'en')).toBe('3:05 p.m.');
    expect(formatTime(parseIsoWithOffset('2024-02-23T12:00:00+07:00'), 'en')).toBe('12:00 p.m.');
  });

  it('shows Bangkok time whatever zone the date was written in', () => {
    // 17:30 UTC on 22 Feb is 00:30 on 23 Feb in Bangkok.
    const late = parseIsoWithOffset('2024-02-22T17:30:00Z');
    expect(formatDate(late, 'th')).toBe('23 กุมภาพันธ์ 2567');
    expect(formatTime(late, 'th')).toBe('00.30 น.');
    expect(formatDateTime(late, 'en')).toBe('23 February 2024, 12:30 a.m.');
  });

  it('refuses a date-time without an offset, saying how to write it', () => {
    expect(() => parseIsoWithOffset('2024-02-23T09:00:00')).toThrow(/no time-zone offset.*\+07:00/);
    expect(() => parseIsoWithOffset('2024-13-45T09:00:00+07:00')).toThrow(/not a valid date-time/);
  });
});

describe('date-times written into content', () => {
  it("writes a moment as Bangkok's wall clock with +07:00, across the date line", () => {
    expect(bangkokIso(new Date('2026-12-02T14:00:00Z'))).toBe('2026-12-02T21:00:00+07:00');
    expect(bangkokIso(new Date('2026-12-31T18:30:05Z'))).toBe('2027-01-01T01:30:05+07:00');
    expect(bangkokClock(new Date('2026-12-31T18:30:05Z'))).toBe('2027-01-01 01:30');
    // Read back, it is the same moment.
    expect(parseIsoWithOffset(bangkokIso(new Date('2024-02-23T02:00:00Z'))).toISOString()).toBe(
      '2024-02-23T02:00:00.000Z',
    );
  });
});
