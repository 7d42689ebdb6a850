/**
 * Thai is written without spaces between words. Pagefind can split it into words itself, but
 * its indexer then holds about a fifth more memory for the same pages (over 2 GiB for the Thai
 * index alone at 5,000 articles per language). So the copy of each page handed to the indexer
 * marks Thai word boundaries with a zero-width space (U+200B), found with the same
 * `Intl.Segmenter` the browser uses to split the reader's query. Pagefind supports text
 * delimited this way and removes the marks from page text, but not from titles; the search
 * page removes those. The served page is untouched.
 */

const wordBreak = '\u200B';
const thai = /[\u0E00-\u0E7F]/;
let segmenter: Intl.Segmenter | undefined;

/** `text` with a zero-width space between every two Thai words that touch. */
export function markThaiWordBreaks(text: string): string {
  if (!thai.test(text)) return text;
  let out = '';
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  for (const { segment } of segmenter.segment(text)) {
    if (thai.test(out.at(-1) ?? '') && thai.test(segment.charAt(0))) out += wordBreak;
    out += segment;
  }
  return out;
}

/**
 * The same for every text node of one of our built pages. They carry no inline style or running
 * script (the CSP forbids them; JSON-LD, which the indexer skips, is the one inline script), so
 * text between tags is text; attributes are left alone.
 */
export function markThaiWordBreaksInHtml(html: string): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${markThaiWordBreaks(text)}<`);
}

/** Text from the index as the reader should see it: without the marks. */
export function withoutWordBreaks(text: string): string {
  return text.replaceAll(wordBreak, '');
}
