import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { markThaiWordBreaksInHtml } from '../lib/wordBreaks.ts';

/** Pages in flight to the indexer at once: it parses them one by one, so more only hold memory. */
const batch = 64;

interface Entry {
  languages: Record<string, { page_count: number }>;
}

/**
 * Indexes the built site with Pagefind after every production build, into `dist/pagefind/`
 * only: the index is never committed. Pagefind makes one index per `<html lang>`, and only
 * the `data-pagefind-body` part of content pages is indexed, so menus and footers are not.
 *
 * Memory is what limits a large site, so each language is indexed by its own Pagefind
 * process, one after the other (the peak is one language's index, not both), and each page
 * is handed over with its Thai word boundaries marked (see `wordBreaks.ts`). The passes
 * share one bundle; their `pagefind-entry.json` language lists are joined at the end.
 * Any indexing error fails the build: a site whose search silently misses pages is broken.
 */
export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'smart-gender:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const site = fileURLToPath(dir);
        const bundle = join(site, 'pagefind');
        const entryFile = join(bundle, 'pagefind-entry.json');
        const byLang = new Map<string, string[]>();
        for (const file of readdirSync(site, { recursive: true, encoding: 'utf8' })) {
          if (!file.endsWith('.html')) continue;
          const head = readFileSync(join(site, file), 'utf8').slice(0, 300);
          const lang = /<html[^>]*\slang="([^"]+)"/.exec(head)?.[1] ?? '';
          if (!byLang.has(lang)) byLang.set(lang, []);
          byLang.get(lang)!.push(file.replaceAll('\\', '/'));
        }
        let entry: Entry | undefined;
        try {
          for (const files of byLang.values()) {
            const { index, errors } = await pagefind.createIndex({});
            if (!index) throw new Error(errors.join('\n'));
            for (let i = 0; i < files.length; i += batch) {
              const added = await Promise.all(
                files.slice(i, i + batch).map((file) =>
                  index.addHTMLFile({
                    url: `/${file.replace(/(^|\/)index\.html$/, '$1')}`,
                    content: markThaiWordBreaksInHtml(readFileSync(join(site, file), 'utf8')),
                  }),
                ),
              );
              const failed = added.flatMap((a, n) => a.errors.map((e) => `${files[i + n]}: ${e}`));
              if (failed.length) throw new Error(failed.join('\n'));
            }
            const written = await index.writeFiles({ outputPath: bundle });
            if (written.errors.length) throw new Error(written.errors.join('\n'));
            // A new process for the next language, so this one's memory is given back.
            await pagefind.close();
            const pass = JSON.parse(readFileSync(entryFile, 'utf8')) as Entry;
            entry = { ...pass, languages: { ...entry?.languages, ...pass.languages } };
          }
          if (!entry) throw new Error('the build made no pages');
          writeFileSync(entryFile, JSON.stringify(entry));
          const counts = Object.entries(entry.languages).map(([lang, l]) => `${l.page_count} ${lang}`);
          logger.info(`search index: ${counts.join(', ')} pages`);
        } catch (error) {
          throw new Error(`Search indexing failed: ${(error as Error).message}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
