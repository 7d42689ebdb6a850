/**
 * An iCalendar file (RFC 5545) for an event, so a reader can add the launch to the calendar
 * app of their phone. Times are in UTC; no end time is given because the source gives none.
 */

export interface CalendarEvent {
  /** Stable identifier, e.g. "smart-gender-launch@www.example.go.th". */
  uid: string;
  /** ISO 8601 with offset. */
  start: string;
  /** When the information was written (for DTSTAMP; taken from the content so builds repeat). */
  stamp: string;
  summary: string;
  location?: string | undefined;
  description?: string | undefined;
  url: string;
  /** BCP 47 language of the text, e.g. "th". */
  lang: string;
}

/** "2024-02-23T09:00:00+07:00" → "20240223T020000Z". */
export function icsDate(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Escapes TEXT values: backslash, semicolon, comma and newlines. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets of UTF-8 (Thai characters are 3 octets each) without
 * splitting a character; continuation lines start with a space.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // the leading space counts on continuation lines
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The whole .ics file, CRLF line endings. */
export function calendarFile(e: CalendarEvent): string {
  const lang = `;LANGUAGE=${e.lang}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Khon Kaen City Municipality//SMART GENDER//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${icsDate(e.stamp)}`,
    `DTSTART:${icsDate(e.start)}`,
    `SUMMARY${lang}:${escapeText(e.summary)}`,
    ...(e.location ? [`LOCATION${lang}:${escapeText(e.location)}`] : []),
    ...(e.description ? [`DESCRIPTION${lang}:${escapeText(e.description)}`] : []),
    `URL:${e.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
