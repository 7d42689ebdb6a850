import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sitemap, { type SitemapItem } from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { normaliseBase } from '../config/deploy.ts';
import { cmsFolder } from '../config/headers.ts';
import { notFoundRoutes } from './notFoundPages.ts';

/** An alternate-language link as a page declares it in its `<head>`. */
export interface Alternate {
  lang: string;
  url: string;
}

/**
 * Reads the `<link rel="alternate" hreflang>` tags of a built page. The page head is the
 * one place that knows which translations are real, so the sitemap copies it rather than
 * guessing from URLs (a fallback page awaiting translation has no alternates).
 */
export function alternatesFromHtml(html: string): Alternate[] {
  const head = html.split('</head>')[0] ?? '';
  const out: Alternate[] = [];
  for (const [tag] of head.matchAll(/<link\b[^>]*>/g)) {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const lang = attr('hreflang');
    const href = attr('href');
    if (attr('rel') === 'alternate' && lang && href) {
      out.push({ lang, url: href.replaceAll('&amp;', '&') });
    }
  }
  return out;
}

/**
 * When a page's content last changed, from its `article:published_time` meta tag: a story
 * whose publication date is known carries it; lists, and a story known only by its event's
 * date, do not (a story edited later keeps its published date).
 */
export function lastmodFromHtml(html: string): string | undefined {
  const head = html.split('</head>')[0] ?? '';
  const tag = /<meta\b[^>]*property="article:published_time"[^>]*>/.exec(head)?.[0];
  const content = tag?.match(/\scontent="([^"]*)"/)?.[1];
  return content && !Number.isNaN(Date.parse(content)) ? new Date(content).toISOString() : undefined;
}

/** The built HTML file of a page URL, for a site served from `base`. */
export function pageFile(url: string, outDir: string, base: string): string {
  const path = decodeURIComponent(new URL(url).pathname);
  const inSite = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  return `${outDir.replace(/\/$/, '')}/${inSite}${inSite === '' || inSite.endsWith('/') ? 'index.html' : ''}`;
}

/** A sitemap entry with the page's own hreflang alternates (x-default included) and lastmod. */
export function withAlternates(item: SitemapItem, alternates: Alternate[], lastmod?: string): SitemapItem {
  // A new array each time: @astrojs/sitemap shares `links` between alternates.
  const links = alternates.length > 1 ? alternates.map((a) => ({ ...a })) : [];
  return lastmod ? { ...item, links, lastmod } : { ...item, links };
}

/** The sitemap entry of a built page, from what its head says. */
export function fromPage(item: SitemapItem, html: string): SitemapItem {
  return withAlternates(item, alternatesFromHtml(html), lastmodFromHtml(html));
}

/** @astrojs/sitemap, with hreflang alternates taken from each built page. */
export default function siteSitemap(): AstroIntegration {
  let outDir = '';
  let base = '/';
  /** Pages no sitemap lists, by path: the browser editor's and the 404 pages. */
  let unlisted = new Set<string>();
  return {
    name: 'smart-gender:sitemap',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          integrations: [
            sitemap({
              // Pages only: feeds, calendar files and robots.txt are not pages, the browser
              // editor is for editors, not readers, and a 404 page is for no address at all.
              filter: (url) => url.endsWith('/') && !unlisted.has(new URL(url).pathname),
              serialize: (item) => fromPage(item, readFileSync(pageFile(item.url, outDir, base), 'utf8')),
            }),
          ],
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = normaliseBase(config.base);
        unlisted = new Set([`${base}${cmsFolder}`, ...notFoundRoutes(base)]);
      },
    },
  };
}
