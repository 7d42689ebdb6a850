import type { APIContext } from 'astro';
import { absoluteUrl } from '../lib/urls.ts';

/** Every page may be crawled; the sitemap index lists them all, in both languages. */
export function GET({ site }: APIContext) {
  const sitemap = absoluteUrl(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sitemap-index.xml`, site!);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
