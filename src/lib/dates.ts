import { fill } from '../i18n/fill.ts';
import { locales, timeZone, type Lang } from '../i18n/locales.ts';

/**
 * Date and time formatting for readers. Every date is shown in Asia/Bangkok whatever the
 * build machine's zone; Thai uses the Buddhist Era and Thai month names, as Thai
 * government news does ("23 กุมภาพันธ์ 2567", "09.00 น.").
 */

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
const timeFormats = new Map<Lang, Intl.DateTimeFormat>();
/** The hour from 0 to 23 in Bangkok, to choose a morning or afternoon word. */
const hourOfDay = new Intl.DateTimeFormat('en', { hour: 'numeric', hourCycle: 'h23', timeZone });

function dateFormat(lang: Lang): Intl.DateTimeFormat {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang].intl, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    });
    dateFormats.set(lang, f);
  }
  return f;
}

function timeFormat(lang: Lang): Intl.DateTimeFormat {
  let f = timeFormats.get(lang);
  if (!f) {
    const { hour, hourCycle } = locales[lang].time;
    // An hour cycle, not hour12: h23 writes midnight as "00.00 น.", not "24.00 น.".
    f = new Intl.DateTimeFormat(locales[lang].intl, { hour, minute: '2-digit', hourCycle, timeZone });
    timeFormats.set(lang, f);
  }
  return f;
}

/**
 * The calendar date, e.g. `formatDate(d, 'th')` → "23 กุมภาพันธ์ 2567",
 * `formatDate(d, 'en')` → "23 February 2024".
 */
export function formatDate(date: Date, lang: Lang): string {
  return dateFormat(lang).format(date);
}

/**
 * The clock time in the house style of each language (the locale table's `time`):
 * Thai "09.00 น." (24-hour, dot separator), English "9:00 a.m.".
 */
export function formatTime(date: Date, lang: Lang): string {
  const { pattern, periods } = locales[lang].time;
  const parts = timeFormat(lang).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // The hour decides morning or afternoon: Intl's own period words vary by platform.
  const hour24 = Number(hourOfDay.format(date));
  const period = hour24 < 12 ? periods[0] : periods[1];
  return fill(pattern, { hour: part('hour'), minute: part('minute'), period }).trim();
}

/** Date and time together: "23 กุมภาพันธ์ 2567 เวลา 09.00 น." / "23 February 2024, 9:00 a.m." */
export function formatDateTime(date: Date, lang: Lang): string {
  return fill(locales[lang].dateTime, { date: formatDate(date, lang), time: formatTime(date, lang) });
}

/**
 * A moment as Bangkok's wall clock with +07:00, the form the content's date-times take.
 * @example bangkokIso(new Date('2026-12-02T14:00:00Z')) // "2026-12-02T21:00:00+07:00"
 */
export function bangkokIso(time: Date): string {
  return `${new Date(time.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

/**
 * A moment as Bangkok's clock shows it, to the minute, for messages to editors.
 * @example bangkokClock(new Date('2024-03-05T00:00:00Z')) // "2024-03-05 07:00"
 */
export function bangkokClock(time: Date): string {
  return bangkokIso(time).slice(0, 16).replace('T', ' ');
}

/** Parses an ISO 8601 date-time that carries its offset ("2024-02-23T09:00:00+07:00"). */
export function parseIsoWithOffset(value: string): Date {
  if (!/(?:[+-]\d{2}:\d{2}|Z)$/.test(value)) {
    throw new Error(`"${value}" has no time-zone offset; write it like 2024-02-23T09:00:00+07:00`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`"${value}" is not a valid date-time`);
  return date;
}
