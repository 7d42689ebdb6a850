// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import sharp from 'sharp';
import { deployment } from './src/config/deploy.ts';
import { loadSettingsFile } from './src/config/env.ts';
import { defaultLang, langs } from './src/i18n/locales.ts';
import siteSitemap from './src/integrations/sitemap.ts';
import headers from './src/integrations/headers.ts';
import cms from './src/integrations/cms.ts';
import notFoundPages from './src/integrations/notFoundPages.ts';

// Settings (SITE_URL, BASE_PATH, CONTACT_EMAIL, CMS_BACKEND…): the environment, then `.env`.
loadSettingsFile();
const { site, base } = deployment(process.env);

// Each photo on two threads. On glibc Linux (Debian's, as on our servers and in CI) sharp makes
// it on one, for servers that run for weeks; Astro makes one photo per core at a time, one
// original after another, so on two cores a build's last photo had one while the other waited
// (at 5,000 stories per language, 4 s of 12). An AVIF file made on two threads takes half the
// time. Two on every machine, not one per core: an AVIF file's bytes depend on the count, and
// a laptop and a build server must make the same site.
sharp.concurrency(2);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Builds of test fixtures keep their content cache apart from the real site's.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  i18n: {
    locales: langs,
    defaultLocale: defaultLang,
    routing: { prefixDefaultLocale: false },
  },
  build: {
    // No inline script or style, so one static Content-Security-Policy fits every page; one
    // stylesheet for the whole site (a few KB), cached across pages.
    inlineStylesheets: 'never',
    // Eight pages in progress at once, not one: Astro waits for each page's file to be written
    // before it renders the next, and the writing happens off its thread, which idled for 4 of
    // the 20 s the pages took at 5,000 stories per language. With eight, the pages took 16 to 18 s
    // against 19 to 24 s, with the same files and 0.05 GiB more memory.
    concurrency: 8,
  },
  // A photo's colour at half resolution, as a camera's JPEG holds it: sharp's AVIF default
  // keeps it whole (4:4:4), storing detail the photo never had. A story photo's AVIF copies
  // are then about a tenth smaller and a fifth faster to make.
  // Effort 3, not sharp's 4: on five real photos at this site's widths (360 to 1440 px), the
  // AVIF copies took 8.3 processor-seconds against 33.4, for 3 % more bytes at the same
  // quality setting (SSIM 0.961 against 0.963). AVIF was four fifths of a photo's cost, so a
  // build with new photos makes them about three times as fast. (The benchmark's generated
  // photo, smooth shapes under fine grain, overstates the bytes: 2.2 times at 1440 px.)
  image: { service: sharpImageService({ avif: { chromaSubsampling: '4:2:0', effort: 3 } }) },
  vite: {
    // The type check of `npm run build` runs beside Astro's build in a copy of the project
    // that shares its node_modules, where Vite keeps its cache: each found the other's settings
    // there and made its dependency bundles again. The check keeps its cache in its copy.
    ...(process.env.VITE_CACHE_DIR && { cacheDir: process.env.VITE_CACHE_DIR }),
    build: { assetsInlineLimit: 0, cssCodeSplit: false },
  },
  // The search index is built by `npm run build` once Astro has exited (src/tools/index-search.ts).
  integrations: [siteSitemap(), headers(), cms(), notFoundPages()],
});
