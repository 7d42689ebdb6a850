import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { APIResponse, Page } from '@playwright/test';
import { expect, test } from './support/readerPage.ts';
import {
  at,
  base,
  isUnderBase,
  langOfPath,
  siteDir,
  siteFile,
  sitemapPaths,
  sitePath,
  siteRoot,
} from './support/site.ts';
import { t } from '../src/i18n/dictionaries.ts';
import { locales } from '../src/i18n/locales.ts';
import { fileDigests } from './support/fileDigests.ts';
import { buildWith, removeFixtureBuilds } from './support/fixtureBuild.ts';

test.afterAll(removeFixtureBuilds);

/*
 * Ready for any CDN: the site is served as a CDN serves it (under its base path, with the
 * `_headers` rules applied, the 404 page of the address's language folder for anything
 * unknown, as nginx and Cloudflare Pages serve it, no redirects), and every page
 * works there under the strict Content-Security-Policy without calling any other host.
 * The build is reproducible, so a CDN only ever receives files whose content changed.
 */

const pagePaths = sitemapPaths();
const notFoundPath = '/no-such-page/';

/** What a page did while it loaded: CSP violations, requests off the site, failed requests. */
interface Watch {
  violations: string[];
  offsite: string[];
  failed: string[];
}

/**
 * Watches a page from before its first script runs: `securitypolicyviolation` events (the
 * init script runs in every document, whatever the CSP says), console messages naming the
 * Content Security Policy (page and workers), and every request of the browser context
 * (page, workers, fetches of the search index).
 */
async function watch(page: Page, origin: string): Promise<Watch> {
  const fresh: Watch = { violations: [], offsite: [], failed: [] };
  // A page kept across tests (readerPage) is watched once; each test gets a fresh record.
  const kept = watched.get(page);
  if (kept) {
    kept.current = fresh;
    return fresh;
  }
  const sink = { current: fresh };
  watched.set(page, sink);
  const w = {
    violations: { push: (v: string) => sink.current.violations.push(v) },
    offsite: { push: (v: string) => sink.current.offsite.push(v) },
    failed: { push: (v: string) => sink.current.failed.push(v) },
  };
  await page.exposeFunction('__reportCspViolation', (v: string) => w.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation(v: string): void }).__reportCspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`,
      );
    });
  });
  const onConsole = (text: string) => {
    if (/Content[- ]Security[- ]Policy/i.test(text)) w.violations.push(`console: ${text}`);
  };
  page.on('console', (m) => {
    onConsole(m.text());
  });
  page.on('worker', (worker) =>
    worker.on('console', (m) => {
      onConsole(m.text());
    }),
  );
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin) w.offsite.push(`${request.url()} (another origin)`);
    else if (!isUnderBase(url)) w.offsite.push(`${request.url()} (outside ${base})`);
  });
  page.context().on('requestfailed', (request) => {
    w.failed.push(`${request.url()}: ${String(request.failure()?.errorText)}`);
  });
  page.context().on('response', (response) => {
    const isDocument = response.request().isNavigationRequest();
    if (!isDocument && response.status() >= 400)
      w.failed.push(`${response.url()}: HTTP ${response.status()}`);
  });
  return fresh;
}

const watched = new WeakMap<Page, { current: Watch }>();

function expectClean(w: Watch, what: string) {
  expect(w.violations, `CSP violations on ${what}:\n${w.violations.join('\n')}`).toEqual([]);
  expect(w.offsite, `requests of ${what} that left the site:\n${w.offsite.join('\n')}`).toEqual([]);
  expect(w.failed, `requests of ${what} that failed:\n${w.failed.join('\n')}`).toEqual([]);
}

/** Serves the page at `path` with its HTML changed by `edit`, as an injection would change it. */
async function serveAltered(page: Page, path: string, edit: (html: string) => string) {
  await page.route(
    (url) => url.pathname === at(path),
    async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      delete headers['content-encoding'];
      delete headers['content-length'];
      await route.fulfill({ status: response.status(), headers, body: edit(await response.text()) });
    },
  );
}

/** Waits for the search to answer and show at least one result. */
async function expectResults(page: Page) {
  await expect(page.locator('[data-search-results] h2').first()).toBeVisible({ timeout: 15_000 });
}

// Promise: under the CDN's strict policy, nothing on any page is blocked and no page calls
// another host (no fonts, scripts or analytics from elsewhere).
test.describe('every page under the CDN headers', () => {
  test('the build is there to test', () => {
    expect(existsSync(siteFile('index.html')), `${siteDir}/ is missing: run \`npm run build\` first`).toBe(
      true,
    );
    expect(pagePaths.length, 'pages in the sitemap').toBeGreaterThan(0);
  });

  for (const path of pagePaths) {
    test(`${path}: no CSP violation, no request off the site, nothing stored`, async ({
      readerPage: page,
      baseURL,
    }) => {
      const w = await watch(page, new URL(baseURL!).origin);
      const response = await page.goto(at(path), { waitUntil: 'networkidle' });
      expect(response?.status(), at(path)).toBe(200);
      expectClean(w, path);
      // What the privacy policy promises of every page (e2e/policies.spec.ts checks search).
      expect(response?.headers()['set-cookie'], 'a cookie set by the server').toBeUndefined();
      expect(await page.context().cookies(), 'cookies').toEqual([]);
      const stored = await page.evaluate(() => localStorage.length + sessionStorage.length);
      expect(stored, 'items stored on the device').toBe(0);
    });
  }

  for (const { path, lang } of [
    { path: '/search/?q=ขอนแก่น', lang: 'th' },
    { path: '/en/search/?q=equality', lang: 'en' },
  ]) {
    test(
      `${path}: a search runs with no CSP violation and no request off the site`,
      { tag: '@base' },
      async ({ page, baseURL }) => {
        const w = await watch(page, new URL(baseURL!).origin);
        await page.goto(at(path));
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expectResults(page);
        // The search engine (WebAssembly, worker, index chunks, fragments) has all loaded.
        await page.waitForLoadState('networkidle');
        expectClean(w, path);
      },
    );
  }

  test(`the 404 page: no CSP violation, no request off the site`, async ({ page, baseURL }) => {
    const w = await watch(page, new URL(baseURL!).origin);
    const response = await page.goto(at(notFoundPath), { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(404);
    expectClean(w, notFoundPath);
  });

  test('the site’s own event handlers run under the policy', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const w = await watch(page, new URL(baseURL!).origin);
    await page.goto(at('/en/news/smart-gender-launch/'), { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    // Headless Chromium has no share sheet: "Share…" copies the link, saying so again.
    await page.evaluate(() => (document.querySelector('[data-share-status]')!.textContent = ''));
    await page.getByRole('button', { name: 'Share…', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    expectClean(w, 'the article and its handlers');
  });

  // 'unsafe-hashes' allows the handlers' exact texts only: a handler changed by one letter,
  // as an injected one would be, does not run.
  test('an event handler the policy does not know is blocked', async ({ page, baseURL }) => {
    const w = await watch(page, new URL(baseURL!).origin);
    const article = '/en/news/smart-gender-launch/';
    await serveAltered(page, article, (html) =>
      html.replace(
        '<button type="button" onclick="',
        '<button type="button" onclick="document.title=\'handler ran\';',
      ),
    );
    await page.goto(at(article), { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Share…', exact: true }).click();
    await expect.poll(() => w.violations.some((v) => v.includes('script-src'))).toBe(true);
    expect(await page.title()).not.toBe('handler ran');
    await expect(page.getByRole('status')).toHaveText('');
  });

  // Proof that the watch above would see a violation: the same page with an inline script
  // and an inline style slipped in must be reported.
  test('the CSP watch reports inline code the policy blocks', async ({ page, baseURL }) => {
    const w = await watch(page, new URL(baseURL!).origin);
    await serveAltered(page, '/', (html) =>
      html.replace(
        '</head>',
        '<style>body{outline:1px solid red}</style><script>document.title="inline ran"</script></head>',
      ),
    );
    await page.goto(at('/'), { waitUntil: 'networkidle' });
    expect(await page.title()).not.toBe('inline ran');
    expect(
      w.violations.some((v) => v.includes('script-src')),
      w.violations.join('\n'),
    ).toBe(true);
    expect(
      w.violations.some((v) => v.includes('style-src')),
      w.violations.join('\n'),
    ).toBe(true);
  });
});

/** Header value, failing clearly when the header is missing. */
function header(response: APIResponse, name: string): string {
  const value = response.headers()[name.toLowerCase()];
  expect(value, `${response.url()} has no ${name} header`).toBeTruthy();
  return value!;
}

// Promise: the host sends the security headers with every response, caches fingerprinted
// files for a year and makes browsers revalidate everything else, so a new build shows at once.
test.describe('response headers', { tag: '@base' }, () => {
  test('a page carries the security headers', async ({ request }) => {
    for (const path of ['/', '/en/news/smart-gender-launch/', notFoundPath]) {
      const response = await request.get(at(path));
      const csp = header(response, 'Content-Security-Policy');
      expect(csp, `${path}: CSP`).not.toContain("'unsafe-inline'");
      expect(csp, `${path}: CSP`).not.toContain("'unsafe-eval'");
      expect(csp, `${path}: CSP`).toMatch(/(^|;)\s*default-src 'self'\s*(;|$)/);
      expect(csp, `${path}: CSP`).toMatch(/(^|;)\s*frame-ancestors 'none'\s*(;|$)/);
      expect(header(response, 'Strict-Transport-Security'), path).toMatch(/max-age=\d{7,}/);
      expect(header(response, 'X-Content-Type-Options'), path).toBe('nosniff');
      expect(header(response, 'Referrer-Policy'), path).toBeTruthy();
      expect(header(response, 'Permissions-Policy'), path).toMatch(/camera=\(\)/);
    }
  });

  test('fingerprinted assets are cached for a year, immutable', async ({ page, request }) => {
    await page.goto(at('/'));
    const stylesheets = await page
      .locator('link[rel="stylesheet"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    const css = stylesheets
      .map((href) => new URL(href).pathname)
      .filter((p) => /\/_astro\/[^/]+\.css$/.test(p));
    expect(css.length, 'the home page links a fingerprinted stylesheet in _astro/').toBeGreaterThan(0);
    const fragment = readdirSync(siteFile('pagefind/fragment'))[0];
    expect(fragment, 'a search fragment is built').toBeTruthy();
    for (const path of [...css, at(`/pagefind/fragment/${fragment!}`)]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(header(response, 'Cache-Control'), path).toBe('public, max-age=31536000, immutable');
    }
  });

  test('pages, feeds, sitemaps and the search entry are revalidated', async ({ request }) => {
    for (const path of [
      '/',
      '/en/news/',
      '/rss.xml',
      '/en/rss.xml',
      '/sitemap-index.xml',
      '/robots.txt',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.js',
    ]) {
      const response = await request.get(at(path));
      expect(response.status(), path).toBe(200);
      const cacheControl = header(response, 'Cache-Control');
      expect(cacheControl, path).toContain('must-revalidate');
      expect(cacheControl, path).not.toContain('immutable');
    }
  });
});

// Promise: whatever unknown address a reader follows inside the site's folder, the 404 page
// of its language folder (no redirect) answers with status 404 and a working page, in the
// language of the folder the address is in first, then in the other: its stylesheet, script and
// links do not depend on the address it is shown at.
test.describe('unknown addresses under the base path', { tag: '@base' }, () => {
  for (const path of [
    '/no-such-page/',
    '/en/no-such-page/',
    '/news/no-such-story/',
    '/en/news/smart-gender-launch/extra/',
    '/a/b/c/d/',
    '/no-such-file.html',
    '/en/nothing?q=1',
  ]) {
    test(`${path} is the 404 page of its language, fully working`, async ({
      readerPage: page,
      baseURL,
      request,
    }) => {
      const w = await watch(page, new URL(baseURL!).origin);
      const response = await page.goto(at(path), { waitUntil: 'networkidle' });
      expect(response?.status(), at(path)).toBe(404);
      expect(response?.headers()['content-type']).toMatch(/^text\/html/);
      expect(response?.url(), 'no redirect').toBe(new URL(at(path), baseURL).href);
      await expect(page.getByRole('heading', { name: 'ไม่พบหน้าที่ต้องการ', exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Page not found', exact: true })).toBeVisible();
      const lang = langOfPath(path);
      await expect(page.locator('html')).toHaveAttribute('lang', locales[lang].lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(lang, 'notFound.title'));
      expectClean(w, path);

      // The stylesheet loaded and applies, at this depth too.
      const rules = await page.evaluate(() =>
        [...document.styleSheets].map((s) => ({ href: s.href, rules: s.cssRules.length })),
      );
      expect(rules.length, 'stylesheets').toBeGreaterThan(0);
      for (const r of rules) expect(r.rules, `${String(r.href)} has rules`).toBeGreaterThan(0);

      // Every link on it leads to a real page of the site, inside the base path.
      const hrefs = await page
        .locator('a[href]:not([href^="#"])')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== new URL(baseURL!).origin) continue;
        expect(isUnderBase(url), `${href} is inside ${base}`).toBe(true);
        const target = await request.get(url.pathname, { maxRedirects: 0 });
        expect(target.status(), `${sitePath(url)} from the 404 page at ${path}`).toBe(200);
      }
    });
  }
});

/** Where two text files first differ, with some context, to tell a timestamp from a random id. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const excerpt = (buf: Buffer) =>
    JSON.stringify(buf.subarray(Math.max(0, i - 60), i + 60).toString('latin1'));
  return `byte ${i}: ${excerpt(a)} vs ${excerpt(b)}`;
}

// Promise: building the same sources twice gives the same bytes, so a CDN upload or cache
// purge touches only what really changed, and a build can be checked against another.
test('a second build of the same sources, search index included, is byte-identical', () => {
  test.setTimeout(300_000);
  // Its own copy of the content (fresh file times), cache and output folder, as a second
  // checkout on another machine would have, compared with the build under test.
  const build = buildWith(() => {
    // No change: the same sources.
  });
  expect(build.ok, build.output).toBe(true);
  const [a, b] = [siteRoot, build.outDir].map(fileDigests) as [Map<string, string>, Map<string, string>];
  expect(a.size, 'files in the build').toBeGreaterThan(10);
  const differences: string[] = [];
  for (const [file, hash] of a) {
    if (!b.has(file)) differences.push(`${file}: only in the build under test`);
    else if (b.get(file) !== hash)
      differences.push(
        `${file}: differs at ${firstDifference(readFileSync(join(siteRoot, file)), readFileSync(join(build.outDir, file)))}`,
      );
  }
  for (const file of b.keys()) if (!a.has(file)) differences.push(`${file}: only in the second build`);
  expect(
    differences,
    `the two builds differ in ${differences.length} files:\n${differences.join('\n')}`,
  ).toEqual([]);
});

// Promise: a server that sends the build's .br or .gz copy of a file sends that file as
// built. The pages' copies are made while Astro is still writing them
// (src/tools/precompress.ts, `--alongside`), so a page written again after its copies were
// made must have had them made again.
test('every compressed copy in the build decodes to the file beside it', () => {
  const copies = [...fileDigests(siteRoot).keys()].filter((file) => /\.(br|gz)$/.test(file));
  expect(copies.length, 'compressed copies in the build').toBeGreaterThan(40);
  const wrong = copies.filter((copy) => {
    const unpack = copy.endsWith('.br') ? brotliDecompressSync : gunzipSync;
    return !unpack(readFileSync(join(siteRoot, copy))).equals(
      readFileSync(join(siteRoot, copy.slice(0, -3))),
    );
  });
  expect(wrong, 'copies that do not decode to their file').toEqual([]);
});
