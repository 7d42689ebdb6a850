import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Indexes the built site with Pagefind after every production build, into `dist/pagefind/`
 * only: the index is never committed. Pagefind makes one index per `<html lang>`, and only
 * the `data-pagefind-body` part of content pages is indexed, so menus and footers are not.
 * Any indexing error fails the build: a site whose search silently misses pages is broken.
 */
export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'smart-gender:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(added.errors.join('\n'));
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          if (written.errors.length) throw new Error(written.errors.join('\n'));
          logger.info(`indexed ${added.page_count} pages for search`);
        } catch (error) {
          throw new Error(`Search indexing failed: ${(error as Error).message}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
