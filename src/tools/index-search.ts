/**
 * `node src/tools/index-search.ts [dir]`: builds the search index of a built site (default
 * `dist/`) into `<dir>/pagefind/` only; the index is never committed. `npm run build` runs it
 * once `astro build` has exited, so Astro's memory is given back before Pagefind takes its own.
 *
 * Pagefind makes one index per `<html lang>`, and only the `data-pagefind-body` part of content
 * pages is indexed, so menus and footers are not: only that part is handed over (see
 * `indexedPart.ts`), with its Thai word boundaries marked (see `wordBreaks.ts`). Memory is what
 * limits a large site, so each language is indexed by its own Pagefind process, one after the
 * other (the peak is one language's index, not both). The passes share one bundle; their
 * `pagefind-entry.json` language lists are joined at the end. Any indexing error is thrown: a
 * site whose search silently misses pages is broken.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { indexMark, indexedPart } from '../lib/indexedPart.ts';
import { markThaiWordBreaksInHtml } from '../lib/wordBreaks.ts';

/** Pages in flight to the indexer at once: it parses them one by one, so more only hold memory. */
const batch = 64;

interface Entry {
  languages: Record<string, { page_count: number }>;
}

/** Indexes `site` and returns a one-line summary ("search index: 6 th, 6 en pages"). */
async function indexSearch(site: string): Promise<string> {
  const bundle = join(site, 'pagefind');
  const entryFile = join(bundle, 'pagefind-entry.json');
  // Each page's language, and whether it has a part to index. Only flags are kept, not text:
  // holding ten thousand pages' text here would cost more memory than reading them twice.
  const byLang = new Map<string, { file: string; marked: boolean }[]>();
  for (const file of readdirSync(site, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(join(site, file), 'utf8');
    const lang = /<html[^>]*\slang="([^"]+)"/.exec(html.slice(0, 300))?.[1] ?? '';
    const pages = byLang.get(lang) ?? [];
    pages.push({ file: file.replaceAll('\\', '/'), marked: indexMark.test(html) });
    byLang.set(lang, pages);
  }
  let entry: Entry | undefined;
  try {
    for (const pages of byLang.values()) {
      // Every language has marked pages (news, programme, related stories); a page without
      // the mark (lists, home, search) is one Pagefind would skip, so it is not handed over.
      const files = pages.filter((p) => p.marked);
      if (files.length === 0) continue;
      const content = (file: string) =>
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a marked page has an indexed part.
        markThaiWordBreaksInHtml(indexedPart(readFileSync(join(site, file), 'utf8'))!);
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(errors.join('\n'));
      for (let i = 0; i < files.length; i += batch) {
        const added = await Promise.all(
          files.slice(i, i + batch).map(({ file }) =>
            index.addHTMLFile({
              url: `/${file.replace(/(^|\/)index\.html$/, '$1')}`,
              content: content(file),
            }),
          ),
        );
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- added[n] is the result for files[i + n].
        const failed = added.flatMap((a, n) => a.errors.map((e) => `${files[i + n]!.file}: ${e}`));
        if (failed.length) throw new Error(failed.join('\n'));
      }
      const written = await index.writeFiles({ outputPath: bundle });
      if (written.errors.length) throw new Error(written.errors.join('\n'));
      // A new process for the next language, so this one's memory is given back.
      await pagefind.close();
      const pass = JSON.parse(readFileSync(entryFile, 'utf8')) as Entry;
      entry = { ...pass, languages: { ...entry?.languages, ...pass.languages } };
    }
  } finally {
    await pagefind.close();
  }
  if (!entry) throw new Error(`${site} holds no pages`);
  writeFileSync(entryFile, JSON.stringify(entry));
  const counts = Object.entries(entry.languages).map(([lang, l]) => `${l.page_count} ${lang}`);
  return `search index: ${counts.join(', ')} pages`;
}

try {
  console.log(await indexSearch(resolve(process.argv[2] ?? 'dist')));
} catch (error) {
  console.error(`Search indexing failed: ${(error as Error).message}`);
  process.exit(1);
}
