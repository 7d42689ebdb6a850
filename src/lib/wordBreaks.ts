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
 * Pagefind reads the marks only on pages in the languages it splits into words itself (Thai,
 * Chinese and Japanese, in Pagefind 1.x). On a page in Lao, Khmer or Burmese it removes them
 * and indexes each unspaced run as one word, so a search there finds a run by its first word
 * only; the results' check (`holdsQuery`) still compares such text as typed.
 */

const wordBreak = '\u200B';
/** A letter of a script written without spaces between words. */
export const unspacedScript =
  /[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
let segmenter: Intl.Segmenter | undefined;

/** `text` with a zero-width space between every two words that touch (in Thai, say). */
export function markWordBreaks(text: string): string {
  if (!unspacedScript.test(text)) return text;
  let out = '';
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  for (const { segment } of segmenter.segment(text)) {
    if (unspacedScript.test(out.at(-1) ?? '') && unspacedScript.test(segment.charAt(0))) out += wordBreak;
    out += segment;
  }
  return out;
}

/**
 * The same for every text node of one of our built pages. They carry no inline style or running
 * script (the CSP forbids them; JSON-LD, which the indexer skips, is the one inline script), so
 * text between tags is text; attributes are left alone.
 */
export function markWordBreaksInHtml(html: string): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${markWordBreaks(text)}<`);
}

/** Text from the index as the reader should see it: without the marks. */
export function withoutWordBreaks(text: string): string {
  return text.replaceAll(wordBreak, '');
}
