import { locales, timeZone, type Lang } from '../i18n/locales.ts';

/**
 * Date and time formatting for readers. Every date is shown in Asia/Bangkok whatever the
 * build machine's zone; Thai uses the Buddhist Era and Thai month names, as Thai
 * government news does ("23 กุมภาพันธ์ 2567", "09.00 น.").
 */

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
const timeFormats = new Map<Lang, Intl.DateTimeFormat>();

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
    f = new Intl.DateTimeFormat(locales[lang].intl, {
      hour: lang === 'th' ? '2-digit' : 'numeric',
      minute: '2-digit',
      // h23, not hour12: false, so midnight is "00.00 น." rather than "24.00 น.".
      hourCycle: lang === 'th' ? 'h23' : 'h12',
      timeZone,
    });
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
 * The clock time in the house style of each language:
 * Thai "09.00 น." (24-hour, dot separator), English "9:00 a.m.".
 */
export function formatTime(date: Date, lang: Lang): string {
  const parts = timeFormat(lang).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  if (lang === 'th') return `${part('hour')}.${part('minute')} น.`;
  const period = part('dayPeriod').toLowerCase().startsWith('p') ? 'p.m.' : 'a.m.';
  return `${part('hour')}:${part('minute')} ${period}`;
}

/** Date and time together: "23 กุมภาพันธ์ 2567 เวลา 09.00 น." / "23 February 2024, 9:00 a.m." */
export function formatDateTime(date: Date, lang: Lang): string {
  return lang === 'th'
    ? `${formatDate(date, lang)} เวลา ${formatTime(date, lang)}`
    : `${formatDate(date, lang)}, ${formatTime(date, lang)}`;
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
