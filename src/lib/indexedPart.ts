/** The opening tag of the element Pagefind indexes; a page without it has nothing to index. */
export const indexMark = /<([a-z][a-z0-9-]*)\s[^>]*\bdata-pagefind-body\b[^>]*>/i;

/**
 * What the search indexer needs of a built page: its `<html>` tag (for `lang`), its title and
 * the element marked `data-pagefind-body`. Once any page has that mark, Pagefind indexes nothing
 * else, so handing it only this part (a fifth of an article page) spares it parsing the header,
 * menus, footer and head of every page. Pages without the mark (lists, home, search) give
 * `undefined`: Pagefind would skip them anyway.
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
    const body = html.slice(open.index, m.index + m[0].length);
    return `<!DOCTYPE html>${htmlTag}<head>${title}</head><body>${body}</body></html>`;
  }
  // Unbalanced markup: hand over the whole page rather than guess where the part ends.
  return html;
}
