/**
 * Thai is written without spaces between words, as are Lao, Khmer, Burmese, Chinese and
 * Japanese. Pagefind can split Thai into words itself, but its indexer then holds about a fifth
 * more memory for the same pages (over 2 GiB for the Thai index alone at 5,000 articles per
 * language). So the copy of each page handed to the indexer marks the word boundaries of such
 * text with a zero-width space (U+200B), found with the same `Intl.Segmenter` the browser uses
 * to split the reader's query. Pagefind supports text delimited this way and removes the marks
 * from page text, but not from titles; the search page removes those. The served page is
 * untouched.
 *
 * Which text is marked follows its script, not the page's language: `Intl.Segmenter` finds
 * the words of these scripts from a dictionary chosen by script, whatever locale it is given.
 * Pagefind reads zero-width spaces only on pages in the languages it splits into words itself
 * (Thai, Chinese and Japanese, in Pagefind 1.x): elsewhere (a Lao, Khmer or Burmese page, or a
 * Thai story awaiting translation on the English site) it removes them and indexes each
 * unspaced run as one word, found by its first word only. There the words are marked with a
 * backtick instead (`wordMarkFor`): Pagefind indexes the pieces of a word split by ASCII
 * punctuation too, so each word is found, and keeps the backtick in the page's text, which the
 * search page removes (`withoutWordBreaks`).
 */

const wordBreak = '\u200B';
const splitMark = '`';
/** The languages Pagefind splits into words itself (`should_segment` in its indexer). */
const pagefindSplits = new Set(['th', 'zh', 'ja']);
/** A letter of a script written without spaces between words. */
export const unspacedScript =
  /[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
let segmenter: Intl.Segmenter | undefined;

/**
 * The mark between words for a page that Pagefind indexes in `lang` (its `<html lang>`): a
 * zero-width space where Pagefind splits the language into words itself, else a backtick.
 */
export function wordMarkFor(lang: string): string {
  return pagefindSplits.has(lang.toLowerCase().split('-')[0] ?? '') ? wordBreak : splitMark;
}

/** `text` with `mark` (a zero-width space unless said) between every two words that touch (in Thai, say). */
export function markWordBreaks(text: string, mark = wordBreak): string {
  if (!unspacedScript.test(text)) return text;
  let out = '';
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  for (const { segment } of segmenter.segment(text)) {
    if (unspacedScript.test(out.at(-1) ?? '') && unspacedScript.test(segment.charAt(0))) out += mark;
    out += segment;
  }
  return out;
}

/**
 * The same for every text node of one of our built pages. They carry no inline style or running
 * script (the CSP forbids them; JSON-LD, which the indexer skips, is the one inline script), so
 * text between tags is text; attributes are left alone.
 */
export function markWordBreaksInHtml(html: string, mark = wordBreak): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${markWordBreaks(text, mark)}<`);
}

/** A backtick between two letters of a script written without spaces: a mark, not text. */
const splitMarks = new RegExp(`(?<=${unspacedScript.source})${splitMark}(?=${unspacedScript.source})`, 'gu');

/** Text from the index as the reader should see it: without either mark. */
export function withoutWordBreaks(text: string): string {
  return text.replaceAll(wordBreak, '').replace(splitMarks, '');
}
