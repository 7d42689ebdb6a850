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
 * `text` folded one character at a time for comparison (NFKD, lower case; a Greek final sigma,
 * which lower-casing one letter alone never gives, as a sigma).
 */
function fold(text: string): string {
  let out = '';
  for (const char of text) out += char.normalize('NFKD').toLocaleLowerCase();
  return out.replaceAll('ς', 'σ');
}

/**
 * `text` folded as `fold` does, with where in `text` each folded unit comes from (and, last,
 * the length of `text`): a match in the folded text is shown as the page wrote it.
 */
function folding(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let at = 0;
  for (const char of text) {
    const f = fold(char);
    folded += f;
    from.push(...Array<number>(f.length).fill(at));
    at += char.length;
  }
  from.push(text.length);
  return { folded, from };
}

/** The browser's word breaker, made once (Intl.Segmenter knows Thai, Lao and Khmer words by dictionary). */
let words: Intl.Segmenter | undefined;

/** Where a word may begin or end near `at` in `text` (within `reach` either side). */
function wordEdges(text: string, at: number, reach = 24): number[] {
  const from = Math.max(0, at - reach);
  words ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return [...words.segment(text.slice(from, at + reach))].map(({ index }) => from + index);
}

/**
 * An excerpt's window moved to whole words: its start forward to the next word's start (not
 * past the first match at `first`), its end back to the last word's end (not before the first
 * match's end, `firstEnd`), and off the spaces at either side. Where the browser has no word
 * breaker (older browsers lack Intl.Segmenter), it still never cuts a syllable's letters
 * apart where the cut is plain to see: not before a mark or a vowel written after its
 * consonant (Thai ั ิ ่ ะ า ำ, Lao likewise), not after a vowel written before it (Thai เ แ โ ใ ไ,
 * Lao likewise), nor within a pair of UTF-16 units.
 */
function wholeWords(
  text: string,
  start: number,
  end: number,
  first: number,
  firstEnd: number,
): [number, number] {
  if (typeof Intl.Segmenter === 'function') {
    if (start > 0) start = wordEdges(text, start).find((e) => e >= start && e <= first) ?? start;
    if (end < text.length) end = wordEdges(text, end).findLast((e) => e <= end && e >= firstEnd) ?? end;
  }
  const follows = (i: number) =>
    /^[\p{M}\u0E30-\u0E3A\u0E45\u0EB0-\u0EBC\uDC00-\uDFFF]/u.test(text.slice(i, i + 1));
  const leads = (i: number) => /^[\u0E40-\u0E44\u0EC0-\u0EC4]/.test(text.slice(i, i + 1));
  while (
    start < first &&
    start < text.length &&
    (/\s/.test(text.charAt(start)) || (start > 0 && (follows(start) || leads(start - 1))))
  )
    start++;
  while (
    end > firstEnd &&
    (/\s/.test(text.charAt(end - 1)) || (end < text.length && (follows(end) || leads(end - 1))))
  )
    end--;
  return [start, end];
}

/**
 * A short excerpt of `pageText` around the first match of the query, with every occurrence
 * of each query part marked. Returned as parts so the page can render it without HTML. The
 * text is compared folded (so "ำ" typed as nikhahit + sara aa matches sara am, and Lao "ໝ" as
 * "ຫມ") but shown as the page has it.
 * @example excerpt('ทุกเพศเท่าเทียม', 'เท่าเทียม') // [{text:'ทุกเพศ',mark:false},{text:'เท่าเทียม',mark:true}]
 */
export function excerpt(pageText: string, query: string, length = 160): ExcerptPart[] {
  const text = pageText.replace(invisible, '').replace(/\s+/g, ' ').trim();
  const { folded, from } = folding(text);
  const parts = queryParts(query)
    .map((p) => (folded.includes(fold(p)) ? p : latinRoot(p)))
    .map((plain) => ({ plain, folded: fold(plain) }));
  /** Where in `text` the folded units from `f` on begin, and where those up to `f` end. */
  const startOf = (f: number) => from[f] ?? text.length;
  const endOf = (f: number) => {
    let k = f;
    // A match that ends inside a character's folded form takes the whole character.
    while (k > 0 && k < folded.length && from[k] === from[k - 1]) k++;
    return startOf(k);
  };
  /**
   * The first match of `part` from folded unit `f` on that holds the query part as the results'
   * check reads it: folded one letter at a time, 하 is the start of 한, which does not hold it.
   */
  const nextHit = (part: { plain: string; folded: string }, f: number) => {
    for (let at = folded.indexOf(part.folded, f); at >= 0; at = folded.indexOf(part.folded, at + 1))
      if (normalize(text.slice(startOf(at), endOf(at + part.folded.length))).includes(part.plain)) return at;
    return -1;
  };
  const hits = parts.map((p) => ({ at: nextHit(p, 0), length: p.folded.length })).filter((h) => h.at >= 0);
  const firstHit = Math.min(...hits.map((h) => h.at), folded.length);
  const first = startOf(firstHit);
  // The window reaches at least to the end of the first match, however long the query.
  const firstEnd =
    first === text.length
      ? 0
      : Math.max(first, ...hits.filter((h) => h.at === firstHit).map((h) => endOf(h.at + h.length)));
  // Without a match (the title held the query), the text's opening.
  const opening = first === text.length ? 0 : Math.max(0, first - Math.floor(length / 3));
  const [start, end] = wholeWords(
    text,
    opening,
    Math.max(firstEnd, Math.min(text.length, opening + length)),
    first,
    firstEnd,
  );

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
    const fi = from.findIndex((at) => at >= i);
    const hit = parts
      .map((p) => ({ p: p.folded, at: nextHit(p, fi) }))
      .filter(({ at }) => at >= 0 && startOf(at) < end)
      .sort((a, b) => a.at - b.at || b.p.length - a.p.length)[0];
    if (!hit) {
      push(text.slice(i, end), false);
      break;
    }
    const hitStart = startOf(hit.at);
    push(text.slice(i, hitStart), false);
    const stop = Math.min(endOf(hit.at + hit.p.length), end);
    push(text.slice(hitStart, stop), true);
    i = stop;
  }
  if (end < text.length) push('…', false);
  return out;
}
