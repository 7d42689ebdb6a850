import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test, expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import {
  headersFor,
  immutable,
  parseHeadersFile,
  revalidate,
  securityHeadersAt,
} from '../../src/config/headers.ts';
import { t } from '../../src/i18n/dictionaries.ts';
import { langs, locales } from '../../src/i18n/locales.ts';
import { at, base, freePort, langOfPath, pathIn, siteFile, sitemapPaths, siteRoot } from './site.ts';

/*
 * The same checks for every real server the site is deployed on: what a reader's browser
 * receives from it (status codes, security headers, caching, content types, compression)
 * for the build under test, asked over HTTP, and one reading, sharing and searching session in
 * the browser under the policy the server sends. The fuller browser checks (every page, the
 * 404 page's links, handlers the policy must block) are in cdn.spec.ts, through nginx.
 */

/** A server as the tests start it: its name in messages, and how it serves a build. */
export interface Host {
  name: string;
  start(dir: string, port: number, base: string): Promise<{ origin: string; stop(): unknown }>;
  /**
   * The host reads the build's `_headers` and sends a Cache-Control of its own where the
   * rules state none, so its responses alone cannot show that the build states it: the
   * rules are read as the host applies them (Cloudflare Pages' order, detach and join).
   */
  readsHeadersFile: boolean;
  /** The encodings the host may answer `Accept-Encoding: br` with. */
  brotliAnswers: string[];
}

/** Every value a response carries for a header, one per header line (names are case-blind). */
function values(response: APIResponse, name: string): string[] {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === name.toLowerCase())
    .map((h) => h.value);
}

/** "is missing" or what the header lines are, for a message. */
function shown(found: string[]): string {
  return found.length === 0 ? 'is missing' : `is ${found.map((v) => JSON.stringify(v)).join(' + ')}`;
}

/** A file of the build, found on disk: the first in `folder` whose name matches `pattern`. */
function builtFile(folder: string, pattern: RegExp): string {
  const name = readdirSync(siteFile(folder))
    .filter((f) => pattern.test(f) && !/\.(br|gz)$/.test(f))
    .sort()[0];
  if (!name) throw new Error(`the build has no file matching ${String(pattern)} in ${folder}/`);
  return `/${folder}/${name}`;
}

/** A story's calendar file in the build (`/news/<story>/event.ics`). */
function eventFile(): string {
  const story = readdirSync(siteFile('news')).find((name) => existsSync(siteFile('news', name, 'event.ics')));
  if (!story) throw new Error('the build has no news/*/event.ics');
  return `/news/${story}/event.ics`;
}

/** Checks collected per test, so one run names every path that differs, not just the first. */
class Findings {
  readonly list: string[] = [];
  constructor(private readonly host: string) {}
  /** A finding about a site-relative path (named by its served path). */
  add(path: string, what: string) {
    this.addServed(at(path), what);
  }
  addServed(servedPath: string, what: string) {
    this.list.push(`${this.host} ${servedPath}: ${what}`);
  }
  expectNone(what: string) {
    expect(this.list.length, `${what}:\n${this.list.join('\n')}`).toBe(0);
  }
}

/** Declares the checks for one server; the spec calls it once per server. */
export function describeHost(host: Host) {
  test.describe(`${host.name} serves the build`, { tag: '@base' }, () => {
    // One server per worker: the group's tests run in order in one worker (a failure does not
    // skip the rest), and the other server's group can run beside it.
    test.describe.configure({ mode: 'default', timeout: 60_000 });

    let origin = '';
    let stop: () => unknown = () => undefined;
    test.beforeAll(async () => {
      const server = await host.start(siteRoot, await freePort(), base);
      origin = server.origin;
      stop = () => server.stop();
    });
    test.afterAll(async () => {
      await stop();
    });

    const get = (request: APIRequestContext, path: string, headers: Record<string, string> = {}) =>
      request.get(`${origin}${at(path)}`, { maxRedirects: 0, headers });

    /** The Cache-Control of a response, and what the build's own rules state for its path. */
    const rules = () => parseHeadersFile(readFileSync(siteFile('_headers'), 'utf8'));
    function checkCache(found: Findings, path: string, response: APIResponse, expected: string) {
      const sent = values(response, 'Cache-Control');
      if (sent.length !== 1 || sent[0] !== expected)
        found.add(path, `Cache-Control ${shown(sent)}, the build says ${JSON.stringify(expected)}`);
      if (host.readsHeadersFile) {
        const stated = headersFor(at(path), rules())['Cache-Control'];
        if (stated !== expected)
          found.add(
            path,
            `the build's _headers states ${stated === undefined ? 'no Cache-Control (the host’s default applies)' : `Cache-Control ${JSON.stringify(stated)}`}, not ${JSON.stringify(expected)}`,
          );
      }
    }

    function checkSecurityHeaders(found: Findings, path: string, response: APIResponse) {
      for (const [name, value] of Object.entries(securityHeadersAt(base))) {
        const sent = values(response, name);
        if (sent.length !== 1 || sent[0] !== value)
          found.add(path, `${name} ${shown(sent)}, expected ${value}`);
      }
    }

    function checkStatus(found: Findings, path: string, response: APIResponse, status: number) {
      if (response.status() !== status) found.add(path, `status ${response.status()}, expected ${status}`);
    }

    function checkType(found: Findings, path: string, response: APIResponse, type: RegExp) {
      const sent = values(response, 'Content-Type');
      if (sent.length !== 1 || !type.test(sent[0]!))
        found.add(path, `Content-Type ${shown(sent)}, expected ${String(type)}`);
    }

    test('every page of the sitemap: 200, HTML, the security headers, revalidated', async ({ request }) => {
      const pages = sitemapPaths();
      expect(pages.length, `pages in the sitemap of ${siteRoot}: run npm run build first`).toBeGreaterThan(0);
      const found = new Findings(host.name);
      for (const path of pages) {
        const response = await get(request, path);
        checkStatus(found, path, response, 200);
        checkType(found, path, response, /^text\/html(;|$)/);
        checkSecurityHeaders(found, path, response);
        checkCache(found, path, response, revalidate);
      }
      found.expectNone(`pages that ${host.name} serves otherwise than the build says`);
    });

    test('a folder without its slash is sent on to the slash form', async ({ request }) => {
      const found = new Findings(host.name);
      // Served paths: under a base path, the site's own folder without its slash too.
      const folders = ['/en', '/news', '/en/news'].map((path) => at(path));
      if (base !== '/') folders.push(base.slice(0, -1));
      for (const folder of folders) {
        const response = await request.get(`${origin}${folder}`, { maxRedirects: 0 });
        if (![301, 308].includes(response.status()))
          found.addServed(folder, `status ${response.status()}, expected a permanent redirect (301 or 308)`);
        const location = values(response, 'Location');
        if (location.length !== 1 || !location[0]!.endsWith(`${folder}/`))
          found.addServed(folder, `Location ${shown(location)}, expected one ending in ${folder}/`);
      }
      found.expectNone(`folders ${host.name} does not redirect to their slash form`);
    });

    test("unknown addresses: the 404 page of the address's language, with status 404 and the security headers", async ({
      request,
    }) => {
      const found = new Findings(host.name);
      const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const heading = (title: string, level = '[1-6]') =>
        new RegExp(`<h${level}[^>]*>\\s*${escape(title)}\\s*</h${level}>`);
      const unknown = langs.flatMap((lang) => [pathIn(lang, 'no-such-page/'), pathIn(lang, 'news/a/b/')]);
      for (const path of [...unknown, '/no-such-file.html']) {
        const response = await get(request, path);
        checkStatus(found, path, response, 404);
        checkType(found, path, response, /^text\/html(;|$)/);
        checkSecurityHeaders(found, path, response);
        const html = await response.text();
        // In the language of the folder the address is in (the default one outside any), first.
        const lang = langOfPath(path);
        const htmlLang = /<html\b[^>]*\slang="([^"]*)"/.exec(html)?.[1];
        if (htmlLang !== locales[lang].lang)
          found.add(path, `<html lang="${String(htmlLang)}">, expected "${locales[lang].lang}"`);
        if (!heading(t(lang, 'notFound.title'), '1').test(html))
          found.add(path, `no <h1> "${t(lang, 'notFound.title')}": not the ${lang} 404 page`);
        for (const title of langs.map((other) => t(other, 'notFound.title')))
          if (!heading(title).test(html)) found.add(path, `no heading "${title}": not the site's 404 page`);
      }
      found.expectNone(`unknown addresses ${host.name} does not answer with the 404 page`);
    });

    test("dist/_headers, the host's list of headers (Cloudflare Pages, Netlify), is not served", async ({
      request,
    }) => {
      // Cloudflare Pages takes the file from the top of the folder it serves; under a base path
      // the copy in the site's folder is served like any file, and holds nothing that every
      // response does not send anyway.
      test.skip(host.readsHeadersFile && base !== '/', 'Pages serves the site folder as it is');
      const response = await get(request, '/_headers');
      // nginx answers with the 404 page; wrangler pages dev with an error of its own.
      expect(response.status(), host.name).toBeGreaterThanOrEqual(400);
      expect(await response.text(), host.name).not.toContain('Content-Security-Policy:');
    });

    test('fingerprinted files are cached for a year, immutable', async ({ request }) => {
      const found = new Findings(host.name);
      const files = [
        builtFile('_astro', /\.css$/),
        builtFile('_astro', /\.js$/),
        builtFile('_astro', /\.woff2$/),
        builtFile('pagefind/index', /\.pf_index$/),
        builtFile('pagefind/fragment', /\.pf_fragment$/),
        builtFile('pagefind/filter', /\.pf_filter$/),
      ];
      for (const path of files) {
        const response = await get(request, path);
        checkStatus(found, path, response, 200);
        checkCache(found, path, response, immutable);
      }
      found.expectNone(`fingerprinted files ${host.name} does not mark immutable`);
    });

    test('feeds, sitemaps, calendar files and the search entry are revalidated', async ({ request }) => {
      const found = new Findings(host.name);
      for (const path of [
        '/rss.xml',
        '/en/rss.xml',
        '/sitemap-index.xml',
        '/robots.txt',
        eventFile(),
        '/pagefind/pagefind.js',
        '/pagefind/pagefind-entry.json',
      ]) {
        const response = await get(request, path);
        checkStatus(found, path, response, 200);
        checkCache(found, path, response, revalidate);
      }
      found.expectNone(`files ${host.name} does not revalidate`);
    });

    test('content types: calendar, XML, fonts and the search index', async ({ request }) => {
      const found = new Findings(host.name);
      const octets = /^application\/octet-stream$/;
      const types: [path: string, type: RegExp][] = [
        [eventFile(), /^text\/calendar(;|$)/],
        ['/rss.xml', /^(application|text)\/(rss\+)?xml(;|$)/],
        ['/sitemap-index.xml', /^(application|text)\/xml(;|$)/],
        [builtFile('_astro', /\.woff2$/), /^font\/woff2$/],
        // Pagefind's index files are compressed data its script unpacks itself.
        [builtFile('pagefind/fragment', /\.pf_fragment$/), octets],
        [builtFile('pagefind/index', /\.pf_index$/), octets],
        [builtFile('pagefind', /\.pf_meta$/), octets],
        [builtFile('pagefind', /^wasm\..*\.pagefind$/), octets],
      ];
      for (const [path, type] of types) {
        const response = await get(request, path);
        checkStatus(found, path, response, 200);
        checkType(found, path, response, type);
      }
      found.expectNone(`files ${host.name} sends with another type`);
    });

    test('pages come compressed, and decode to the built file', async ({ request }) => {
      const found = new Findings(host.name);
      for (const path of ['/', '/en/']) {
        const built = readFileSync(siteFile(path, 'index.html'));
        const asks: [accept: string, answers: string[]][] = [
          ['br', host.brotliAnswers],
          ['gzip', ['gzip']],
        ];
        for (const [accept, answers] of asks) {
          const response = await get(request, path, { 'Accept-Encoding': accept });
          checkStatus(found, path, response, 200);
          const encoding = values(response, 'Content-Encoding');
          if (encoding.length !== 1 || !answers.includes(encoding[0]!))
            found.add(
              path,
              `asked for ${accept}: Content-Encoding ${shown(encoding)}, expected ${answers.join(' or ')}`,
            );
          if (!(await response.body()).equals(built))
            found.add(
              path,
              `asked for ${accept}: the decoded body differs from ${siteFile(path, 'index.html')}`,
            );
        }
      }
      found.expectNone(`pages ${host.name} does not send compressed as they were built`);
    });

    // The policy this server sends (with frame-ancestors, which a <meta> cannot carry) is the
    // one the browser enforces: reading, sharing and searching must not trip it.
    test('reading, sharing and searching under its CSP: no violation, nothing fetched elsewhere', async ({
      page,
      context,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const violations: string[] = [];
      const offsite: string[] = [];
      await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
      await page.addInitScript(() => {
        const report = (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation;
        document.addEventListener('securitypolicyviolation', (e) => {
          report(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      page.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
      });
      context.on('request', (r) => {
        if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) offsite.push(r.url());
      });
      await page.goto(`${origin}${at('/en/news/smart-gender-launch/')}`, { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: 'Copy link', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
      await page.goto(`${origin}${at('/search/?q=ขอนแก่น')}`, { waitUntil: 'networkidle' });
      await expect(page.locator('[data-search-results] li').first()).toBeVisible();
      expect(violations, `${host.name}: CSP violations`).toEqual([]);
      expect(offsite, `${host.name}: requests off the site`).toEqual([]);
    });
  });
}
