// @ts-check
import { defineConfig } from 'astro/config';
import { defaultLang, langs } from './src/i18n/locales.ts';
import siteSitemap from './src/integrations/sitemap.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  i18n: {
    locales: langs,
    defaultLocale: defaultLang,
    routing: { prefixDefaultLocale: false },
  },
  integrations: [siteSitemap()],
});
