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
 * unspaced run as one word, found only by the words that begin it. There the words are marked
 * with a backtick instead (`wordMarkFor`): Pagefind indexes the pieces of a word split by ASCII
 * punctuation too, so each word is found (ranked lower than a word standing alone: a piece
 * gets its share of the run's weight), and keeps the backtick in the page's text, which the
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
/** Whether text ends, or starts, with such a letter (a whole character, astral ones too). */
const endsUnspaced = new RegExp(`${unspacedScript.source}$`, 'u');
const startsUnspaced = new RegExp(`^${unspacedScript.source}`, 'u');

/**
 * The mark between words for a page that Pagefind indexes in `lang` (its `<html lang>`): a
 * zero-width space where Pagefind splits the language into words itself, else a backtick.
 */
export function wordMarkFor(lang: string): string {
  return pagefindSplits.has(lang.toLowerCase().split('-')[0] ?? '') ? wordBreak : splitMark;
}

/** Where in `text` two words of unspaced text touch: the offsets of the second words. */
function breakOffsets(text: string): number[] {
  const offsets: number[] = [];
  if (!unspacedScript.test(text)) return offsets;
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  for (const { segment, index } of segmenter.segment(text)) {
    if (
      index > 0 &&
      endsUnspaced.test(text.slice(Math.max(0, index - 2), index)) &&
      startsUnspaced.test(segment)
    )
      offsets.push(index);
  }
  return offsets;
}

/** `text` with `mark` put at each of `offsets` (ascending). */
function withMarks(text: string, offsets: number[], mark: string): string {
  let out = '';
  let from = 0;
  for (const at of offsets) {
    out += text.slice(from, at) + mark;
    from = at;
  }
  return out + text.slice(from);
}

/** `text` with `mark` (a zero-width space unless said) between every two words that touch (in Thai, say). */
export function markWordBreaks(text: string, mark = wordBreak): string {
  return withMarks(text, breakOffsets(text), mark);
}

/**
 * Tags after which Pagefind puts a space (`SENTENCE_SELECTORS` in its parser, and a line break),
 * and those of the head: the text on either side of one is never one word. Across any other tag (a link, bold
 * text, a term and its description) Pagefind joins the text as it comes.
 */
const separating = /^<\/?(?:h[1-6]|p|td|div|ul|li|article|section|br|html|head|title|body)\b/i;

/**
 * The same for the text of one of our built pages, with each run of text that Pagefind reads
 * as one (across a link or bold text: `นคร<strong>เชียงใหม่</strong>`) split as a whole, so a
 * word beside such a tag is marked too. The pages carry no inline style or running script (the
 * CSP forbids them; JSON-LD, which the indexer skips, is the one inline script), so text
 * between tags is text; attributes are left alone.
 */
export function markWordBreaksInHtml(html: string, mark = wordBreak): string {
  // Text at the even places, tags at the odd ones (a quoted attribute may hold a ">").
  const tokens = html.split(/(<(?:[^>"']|"[^"]*"|'[^']*')*>)/);
  let run: number[] = [];
  const markRun = () => {
    const offsets = breakOffsets(run.map((i) => tokens[i]).join(''));
    let start = 0;
    for (const i of run) {
      const text = tokens[i] ?? '';
      const end = start + text.length;
      // A break where two texts meet goes at the end of the first.
      const here = offsets.filter((at) => at > start && at <= end).map((at) => at - start);
      tokens[i] = withMarks(text, here, mark);
      start = end;
    }
    run = [];
  };
  for (const [i, token] of tokens.entries()) {
    if (i % 2 === 0) {
      if (token) run.push(i);
    } else if (separating.test(token)) markRun();
  }
  markRun();
  return tokens.join('');
}

/**
 * A backtick between two letters of a script written without spaces: a mark, not text. (The
 * letter before it is matched and put back, not looked behind for: Safari before 16.4, the
 * last on iPhones that stopped at iOS 15, does not know lookbehind, and the search page's
 * script would not load.)
 */
const splitMarks = new RegExp(`(${unspacedScript.source})${splitMark}(?=${unspacedScript.source})`, 'gu');

/** Text from the index as the reader should see it: without either mark. */
export function withoutWordBreaks(text: string): string {
  return text.replaceAll(wordBreak, '').replace(splitMarks, '$1');
}
