import type { Page, Request } from '@playwright/test';
import { expect, test } from './support/readerPage.ts';
import { at, sitemapPaths } from './support/site.ts';

/* A reader on a cheap phone gets the Thai article in a few small requests, and no page but
 * search runs any script before the reader acts. Sizes are deterministic, so these are
 * tests; timings live in the benchmark (npm run bench, BENCHMARKS.md). */

interface Fetched {
  url: URL;
  type: string;
  /** Body bytes as the server sent them (gzip for text, as a CDN serves it). */
  bytes: number;
}

/** Records what the page fetches from now on; call the result to stop and get the list. */
function recordFetches(page: Page): () => Promise<Fetched[]> {
  const fetched: Promise<Fetched>[] = [];
  const record = (request: Request) =>
    fetched.push(
      request.sizes().then((s) => ({
        url: new URL(request.url()),
        type: request.resourceType(),
        bytes: s.responseBodySize,
      })),
    );
  page.on('requestfinished', record);
  return () => {
    page.off('requestfinished', record);
    return Promise.all(fetched);
  };
}

/** Everything a fresh visit to `path` fetches until the network is quiet. */
async function firstView(page: Page, path: string): Promise<Fetched[]> {
  const fetched = recordFetches(page);
  await page.goto(at(path), { waitUntil: 'networkidle' });
  return fetched();
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const list = (all: Fetched[]) => all.map((f) => `${f.type} ${f.url.pathname} ${kib(f.bytes)}`).join('\n');

test('the Thai article arrives in at most 6 requests and 29 KiB', async ({ page }) => {
  const all = await firstView(page, '/news/smart-gender-launch/');
  const total = all.reduce((n, f) => n + f.bytes, 0);
  expect(all.length, list(all)).toBeLessThanOrEqual(6);
  expect(total, `${kib(total)}:\n${list(all)}`).toBeLessThanOrEqual(29 * 1024);
});

test('fonts are self-hosted woff2 subsets, only the Thai script and the weights in use', async ({ page }) => {
  const fonts = (await firstView(page, '/news/smart-gender-launch/')).filter((f) => f.type === 'font');
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts)
    expect(font.url.pathname).toMatch(/\/_astro\/sarabun-thai-(400|700)-normal\.[\w-]+\.woff2$/);
});

// English pages have no Thai text to set, so they fetch no font at all.
test('an English page fetches no Thai font', async ({ page }) => {
  const fonts = (await firstView(page, '/en/programme/')).filter((f) => f.type === 'font');
  expect(fonts.map((f) => f.url.pathname)).toEqual([]);
});

for (const path of sitemapPaths().filter((p) => !p.endsWith('/search/'))) {
  // One kept page visits each page in turn: a script would still be compiled, cached or not,
  // and coverage sees every one.
  test(`${path}: no script runs before the reader does anything`, async ({ readerPage: page }) => {
    // Coverage sees every script the page compiles, inline event handlers included (they
    // carry the page's address); Playwright's own scripts are anonymous and left out.
    await page.coverage.startJSCoverage({ resetOnNavigation: false });
    const all = await firstView(page, path);
    const ran = await page.coverage.stopJSCoverage();
    expect(
      all.filter((f) => f.type === 'script'),
      list(all),
    ).toEqual([]);
    expect(ran.map((s) => `${s.url}: ${String(s.source?.slice(0, 80))}`)).toEqual([]);
  });
}

test('a share button’s handler runs only once the reader presses it, and nothing is fetched for it', async ({
  page,
}) => {
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  await firstView(page, '/en/news/smart-gender-launch/');
  const fetched = recordFetches(page);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  // Playwright asks for a script's source when the browser reports the script; one more round
  // trip lets that answer in before coverage stops (under load it once came after).
  await page.evaluate(() => 0);
  const ran = await page.coverage.stopJSCoverage();
  // The handler ran once pressed: the test above would have seen it had it run on load.
  expect(ran.map((s) => s.source)).toEqual([expect.stringContaining('[data-share-status]')]);
  // The tab's icon is fetched when the browser gets round to it, click or no click.
  const forCopy = (await fetched()).filter((f) => !f.url.pathname.endsWith('/favicon.svg'));
  expect(forCopy.map((f) => f.url.pathname)).toEqual([]);
});

test('the search engine loads only when the reader opens search', async ({ page }) => {
  const opened = await firstView(page, '/search/');
  expect(
    opened.some((f) => f.url.pathname.endsWith('/pagefind/pagefind.js')),
    list(opened),
  ).toBe(false);
  const later: Promise<string>[] = [];
  page.on('requestfinished', (r) => later.push(Promise.resolve(new URL(r.url()).pathname)));
  await page.getByRole('searchbox').focus();
  await expect
    .poll(async () => (await Promise.all(later)).some((p) => p.endsWith('/pagefind/pagefind.js')))
    .toBe(true);
});

test('a first Thai search fetches Pagefind’s engine, the Thai index and little else', async ({ page }) => {
  await firstView(page, '/search/');
  const fetched = recordFetches(page);
  const box = page.getByRole('searchbox');
  await box.fill('ขอนแก่น');
  await box.press('Enter');
  await expect(page.locator('[data-search-results] h2').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const search = (await fetched()).filter((f) => f.url.pathname.includes('/pagefind/'));
  const name = (f: Fetched) => f.url.pathname.replace(/^.*\/pagefind\//, '');
  // Pagefind's engine: its script and the WebAssembly for languages without a stemmer
  // (67 KiB together, the floor of any Pagefind search); no worker, no UI bundle.
  const engine = search.filter((f) => ['pagefind.js', 'wasm.unknown.pagefind'].includes(name(f)));
  expect(engine, list(search)).toHaveLength(2);
  // The rest is the Thai index only: no English chunk, no other bundle.
  const index = search.filter((f) => !engine.includes(f));
  for (const f of index) {
    expect(name(f), list(search)).toMatch(
      /^(pagefind-entry\.json|pagefind\.th_\w+\.pf_meta|(index|fragment|filter)\/th_\w+\.pf_\w+)$/,
    );
  }
  const indexBytes = index.reduce((sum, f) => sum + f.bytes, 0);
  expect(indexBytes, `${kib(indexBytes)}:\n${list(index)}`).toBeLessThanOrEqual(16 * 1024);
});
