// @ts-check
import { defineConfig } from 'astro/config';
import { defaultLang, langs } from './src/i18n/locales.ts';
import siteSitemap from './src/integrations/sitemap.ts';
import pagefindIndex from './src/integrations/pagefind.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  // Builds of test fixtures keep their content cache apart from the real site's.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  i18n: {
    locales: langs,
    defaultLocale: defaultLang,
    routing: { prefixDefaultLocale: false },
  },
  integrations: [siteSitemap(), pagefindIndex()],
});
