import type { APIContext } from 'astro';
import { absoluteUrl, assetPath } from '../lib/urls.ts';

/** Every page may be crawled; the sitemap index lists them all, in both languages. */
export function GET({ site }: APIContext) {
  const sitemap = absoluteUrl(assetPath('sitemap-index.xml'), site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
