/** The opening tag of the element Pagefind indexes; a page without it has nothing to index. */
export const indexMark = /<([a-z][a-z0-9-]*)\s[^>]*\bdata-pagefind-body\b[^>]*>/i;

/** Each description term ended with a colon (unless it ends in punctuation) and a space. */
function separateTerms(html: string): string {
  return html.replace(/([:?!.])?\s*<\/dt>/gi, (_, stop: string | undefined) => `${stop ?? ':'} </dt>`);
}

/**
 * The language of the indexed element's text: its own `lang` (a page waiting for its
 * translation shows the original's text), else the page's.
 */
export function indexedLang(part: string): string | undefined {
  const open = indexMark.exec(part)?.[0] ?? '';
  return (/\slang="([^"]+)"/.exec(open) ?? /<html\b[^>]*\slang="([^"]+)"/i.exec(part))?.[1];
}

/**
 * The `data-pagefind-meta` of an indexed element, which carries `lang` where its text is not
 * in the page's language (a story awaiting translation): that language as `textLang`, so that
 * the search page marks the result's title and excerpt in it, and the date shown under the
 * result. Pagefind takes everything after the first colon as the last key's value (a date's
 * comma included), so `textLang` is read from the element's `lang`, and the date comes last.
 */
export function searchMeta(textLang: string | undefined, date?: string): string | undefined {
  const keys = [...(textLang ? ['textLang[lang]'] : []), ...(date ? [`date:${date}`] : [])];
  return keys.length > 0 ? keys.join(', ') : undefined;
}

/**
 * What the search indexer needs of a built page: its `<html>` tag (for `lang`), its title and
 * the element marked `data-pagefind-body`. Once any page has that mark, Pagefind indexes nothing
 * else, so handing it only this part (a fifth of an article page) spares it parsing the header,
 * menus, footer and head of every page. Pages without the mark (lists, home, search) give
 * `undefined`: Pagefind would skip them anyway. Each term of a description list (a related
 * story's "Municipality", "Published") is followed by a colon, unless it ends in punctuation,
 * and a space: Pagefind separates only headings, paragraphs, list items, table cells and a few
 * containers, and would run the label into its value ("MunicipalityChiang Mai…").
 */
export function indexedPart(html: string): string | undefined {
  const open = indexMark.exec(html);
  if (!open) return undefined;
  const tag = open[1] ?? '';
  // The element ends at the close tag that balances it (the same tag may nest inside).
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = open.index;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth > 0) continue;
    const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
    const title = /<title\b[^>]*>[\s\S]*?<\/title>/i.exec(html)?.[0] ?? '';
    const body = separateTerms(html.slice(open.index, m.index + m[0].length));
    return `<!DOCTYPE html>${htmlTag}<head>${title}</head><body>${body}</body></html>`;
  }
  // Unbalanced markup: hand over the whole page rather than guess where the part ends.
  return separateTerms(html);
}

/**
 * The block elements the indexer ends with a full stop unless their text already ends in
 * punctuation (Pagefind's list), with the inline elements that may close just before them.
 */
const blockEnds =
  /((?:<\/(?:a|abbr|b|cite|code|em|i|q|s|small|span|strong|sub|sup|time)>)*<\/(?:h[1-6]|p|td|div|ul|li|article|section)>)/gi;

/**
 * A page in a language written without full stops (Thai), as the indexer must read it: each
 * block's text ends with a space, which HTML shows as nothing and the indexer takes for the
 * end of a sentence. Without it, its search excerpts would read "ทุกเพศเท่าเทียม. เมื่อวันที่…",
 * an English full stop where Thai has a space.
 */
export function withoutAddedFullStops(html: string): string {
  return html.replace(blockEnds, ' $1');
}
