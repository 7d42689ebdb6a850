import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { defaultLang, otherLangs, type Lang } from '../i18n/locales.ts';
import { localePath } from '../lib/urls.ts';

/**
 * Where Astro writes a language's 404 page (src/pages/[...lang]/404.astro), and where hosts
 * look for it: Cloudflare Pages serves the `404.html` nearest the unknown address, and
 * deploy/nginx's files the one in its language's folder. Astro names only the site's own
 * 404 page `404.html`, and writes any other as a folder's index page.
 * @example notFoundMove('en') // { from: "en/404/index.html", to: "en/404.html" }
 */
export function notFoundMove(lang: Lang): { from: string; to: string } {
  const folder = localePath(lang, '', '/').slice(1);
  return { from: `${folder}404/index.html`, to: `${folder}404.html` };
}

/** The addresses Astro gives the other languages' 404 pages, which no sitemap may list. */
export const notFoundRoutes = (base: string): string[] =>
  otherLangs(defaultLang).map((lang) => localePath(lang, '404/', base));

/** Moves each other language's 404 page to `<lang>/404.html` once Astro has written the site. */
export default function notFoundPages(): AstroIntegration {
  return {
    name: 'smart-gender:not-found-pages',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        for (const lang of otherLangs(defaultLang)) {
          const { from, to } = notFoundMove(lang);
          renameSync(join(out, from), join(out, to));
          // The folder, with anything written beside the page (the build's compressed copies).
          rmSync(join(out, from, '..'), { recursive: true, force: true });
        }
      },
    },
  };
}
