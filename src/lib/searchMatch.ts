/**
 * Precision for search results. Pagefind drops query words it cannot find and falls back to
 * prefixes and short Thai pieces, so on its own it returns pages for Thai words that are on
 * no page. A result is shown only when the page really holds what the reader typed: every
 * space-separated part of the query, compared after Unicode normalisation.
 */
import { unspacedScript } from './wordBreaks.ts';

const invisible = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * Folds text for comparison: NFKC (so "ำ" typed as nikhahit + sara aa matches sara am),
 * lower case, no invisible characters, single spaces.
 */
export function normalize(text: string): string {
  return text.normalize('NFKC').replace(invisible, '').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/** The parts of a query a page must hold: split on spaces, normalised, without duplicates. */
export function queryParts(query: string): string[] {
  return [...new Set(normalize(query).split(' ').filter(Boolean))];
}

/**
 * The root of an English word that Pagefind's stemmer would match on, kept conservative:
 * "equality" → "equal", "stories" → "stor", "programmes" → "programm".
 */
export function latinRoot(word: string): string {
  const root = word.replace(/(?:ities|ity|ies|ing|ed|es|ly|s)$/u, '');
  return root.length >= 3 ? root : word;
}

/**
 * Whether `pageText` holds `query`. Thai parts (and any part in a script written without
 * spaces: Lao, Khmer, Chinese…) must occur as typed; Latin parts may differ in their ending,
 * as stemming allows, but must still begin a word on the page.
 */
export function holdsQuery(pageText: string, query: string): boolean {
  const parts = queryParts(query);
  if (parts.length === 0) return false;
  const text = normalize(pageText);
  return parts.every((part) => {
    if (unspacedScript.test(part)) return text.includes(part);
    const wordStart = (s: string) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(s)}`, 'u').test(text);
    return wordStart(part) || wordStart(latinRoot(part));
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A piece of an excerpt: plain text, or a match to highlight. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * A short excerpt of `pageText` around the first match of the query, with every occurrence
 * of each query part marked. Returned as parts so the page can render it without HTML.
 * @example excerpt('ทุกเพศเท่าเทียม', 'เท่าเทียม') // [{text:'ทุกเพศ',mark:false},{text:'เท่าเทียม',mark:true}]
 */
export function excerpt(pageText: string, query: string, length = 160): ExcerptPart[] {
  const text = pageText.normalize('NFKC').replace(invisible, '').replace(/\s+/g, ' ').trim();
  const lower = text.toLocaleLowerCase();
  const parts = queryParts(query).map((p) => (lower.includes(p) ? p : latinRoot(p)));
  const first = Math.min(...parts.map((p) => lower.indexOf(p)).filter((i) => i >= 0), text.length);
  const start = first === text.length ? 0 : Math.max(0, first - Math.floor(length / 3));
  const end = Math.min(text.length, start + length);

  const out: ExcerptPart[] = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = out.at(-1);
    if (last?.mark === mark) last.text += t;
    else out.push({ text: t, mark });
  };
  if (start > 0) push('…', false);
  let i = start;
  while (i < end) {
    const hit = parts
      .map((p) => ({ p, at: lower.indexOf(p, i) }))
      .filter(({ at }) => at >= 0 && at < end)
      .sort((a, b) => a.at - b.at || b.p.length - a.p.length)[0];
    if (!hit) {
      push(text.slice(i, end), false);
      break;
    }
    push(text.slice(i, hit.at), false);
    const stop = Math.min(hit.at + hit.p.length, end);
    push(text.slice(hit.at, stop), true);
    i = stop;
  }
  if (end < text.length) push('…', false);
  return out;
}
