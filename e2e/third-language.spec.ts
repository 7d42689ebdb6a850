import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { t } from '../src/i18n/dictionaries.ts';
import { startNginx, type RunningServer } from '../src/tools/nginxServer.ts';
import { freePort } from './support/site.ts';
import { aboutPage, copyEnv, copyWithLao, lao } from './support/thirdLanguage.ts';

/*
 * A third language by configuration alone (e2e/support/thirdLanguage.ts): a copy of the
 * project given exactly the README's three steps for Lao. Its `npm run build` must then give
 * Lao everything the two languages have: routes, `lang`, hreflang in pages and sitemap, the
 * feed, the search index, the language switch, the 404 page and the no-results links.
 *
 * `npm test` makes the copy and type-checks it before the browser tests, its one type check,
 * and names it in LAO_COPY; the build here then leaves that check out. Run alone, this spec
 * makes a copy of its own and builds it with the type check.
 */

test.describe.configure({ mode: 'serial', timeout: 240_000 });

const story = 'smart-gender-launch';
const given = process.env.LAO_COPY;

let project = '';
let server: RunningServer | undefined;
let origin = '';
let output = '';

test.beforeAll(async () => {
  // A whole `npm run build`: a minute or more while other specs run.
  test.setTimeout(240_000);
  project = given ?? copyWithLao();
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: project,
    env: { ...copyEnv(project), ...(given && { SKIP_TYPE_CHECK: '1' }) },
    encoding: 'utf8',
  });
  output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
  expect(result.status, output).toBe(0);
  server = await startNginx(join(project, 'dist'), await freePort());
  origin = server.origin;
});

test.afterAll(async () => {
  await server?.stop();
  // A copy npm test made is npm test's to remove.
  if (project && !given) rmSync(project, { recursive: true, force: true });
});

const html = async (page: Page, path: string) => {
  const response = await page.request.get(`${origin}${path}`);
  expect(response.status(), path).toBe(200);
  return response.text();
};

test('every page has a Lao route with lang="lo"', async ({ page }) => {
  const paths = ['', 'news/', `news/${story}/`, 'programme/', 'related/', 'search/', 'sitemap/'];
  for (const path of paths) {
    expect(await html(page, `/lo/${path}`), `/lo/${path}`).toContain('<html lang="lo" dir="ltr">');
  }
  // Dates are written by the row's Intl locale.
  const date = new Intl.DateTimeFormat('lo-LA', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Bangkok',
  }).format(new Date('2024-02-23T09:00:00+07:00'));
  await page.goto(`${origin}/lo/news/${story}/`);
  await expect(page.locator('article')).toContainText(`${date} 9:00`);
});

test('pages and the sitemap name the Lao page among the alternates', async ({ page }) => {
  for (const path of [`/news/${story}/`, `/en/news/${story}/`, `/lo/news/${story}/`]) {
    await page.goto(`${origin}${path}`);
    const alternates = await page
      .locator('link[rel="alternate"][hreflang]')
      .evaluateAll((links) =>
        links.map(
          (l) => `${l.getAttribute('hreflang') ?? ''} ${new URL(l.getAttribute('href') ?? '').pathname}`,
        ),
      );
    expect(alternates.sort(), path).toEqual(
      [
        `en /en/news/${story}/`,
        `lo /lo/news/${story}/`,
        `th /news/${story}/`,
        `x-default /news/${story}/`,
      ].sort(),
    );
    await expect(page.locator('meta[property="og:locale:alternate"][content="lo_LA"]')).toHaveCount(
      path.startsWith('/lo/') ? 0 : 1,
    );
  }
  const sitemap = readFileSync(join(project, 'dist/sitemap-0.xml'), 'utf8');
  expect(sitemap).toContain(`/lo/news/${story}/</loc>`);
  expect(sitemap).toMatch(new RegExp(`hreflang="lo" href="[^"]*/lo/news/${story}/"`));
});

test('Lao has its own feed, linked from its pages', async ({ page }) => {
  const feed = await html(page, '/lo/rss.xml');
  expect(feed).toContain('<language>lo</language>');
  expect(feed).toMatch(new RegExp(`<link>[^<]*/lo/news/${story}/</link>`));
  await page.goto(`${origin}/lo/`);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    'href',
    /\/lo\/rss\.xml$/,
  );
});

test('Lao has its own search index, and a search finds Lao pages', async ({ page }) => {
  const entry = JSON.parse(readFileSync(join(project, 'dist/pagefind/pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  expect(Object.keys(entry.languages).sort()).toEqual(['en', 'lo', 'th']);
  expect(entry.languages.lo?.page_count).toBe(entry.languages.en?.page_count);
  await page.goto(`${origin}/lo/search/?q=equality`);
  const results = page.locator('[data-search-results] a');
  await expect(results.first()).toBeVisible();
  for (const href of await results.evaluateAll((links) => links.map((l) => l.getAttribute('href')))) {
    expect(href).toMatch(/^\/lo\//);
  }
});

test('a search in Lao script finds the Lao page by a word inside its unspaced text, and a word on no page finds none', async ({
  page,
}) => {
  await page.goto(`${origin}/lo/search/?q=${encodeURIComponent(lao.word)}`);
  const results = page.locator('[data-search-results] a');
  await expect(results).toHaveCount(1);
  await expect(results).toHaveAttribute('href', `/lo/news/${story}/`);
  // The excerpt shows the sentence as written: without the index's word marks, its letters
  // unchanged (ໝ is one letter, though compared as ຫ + ມ).
  await expect(page.locator('[data-search-results] p').last()).toContainText(lao.sentence);
  // Vientiane: on no page of the site.
  await page.goto(`${origin}/lo/search/?q=${encodeURIComponent('ວຽງຈັນ')}`);
  await expect(page.locator('[data-search-other]')).toBeVisible();
  await expect(results).toHaveCount(0);
});

test('the language switch offers every other language, Lao written in Lao', async ({ page }) => {
  await page.goto(`${origin}/en/news/${story}/`);
  const toLao = page.getByRole('link', { name: lao.label, exact: true });
  await expect(toLao).toHaveAttribute('lang', 'lo');
  await toLao.click();
  await expect(page).toHaveURL(`${origin}/lo/news/${story}/`);
  const switchNav = page.locator('nav.langs');
  await expect(switchNav.getByRole('link', { name: 'ไทย' })).toHaveAttribute('href', `/news/${story}/`);
  await expect(switchNav.getByRole('link', { name: 'English' })).toHaveAttribute(
    'href',
    `/en/news/${story}/`,
  );
});

test('an unknown address in Lao gets the 404 page in Lao; the others offer Lao', async ({ page }) => {
  const response = await page.goto(`${origin}/lo/no-such-page/`);
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'lo');
  // Lao's strings are a copy of the English ones (e2e/support/thirdLanguage.ts).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'notFound.title'));
  for (const other of ['th', 'en'])
    await expect(page.locator(`section[lang="${other}"]`).getByRole('heading', { level: 2 })).toBeVisible();
  // The site's 404 page, and the other language's, offer Lao in a part of their own.
  for (const path of ['/no-such-page/', '/en/no-such-page/']) {
    await page.goto(`${origin}${path}`);
    const section = page.locator('section[lang="lo"]');
    await expect(section.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(section.getByRole('link')).toHaveAttribute('href', '/lo/');
  }
});

// The README's three steps for a page, given to the same copy (e2e/support/thirdLanguage.ts).
test("a page added by the README's three steps is in every language, the menu, the site map and the sitemap", async ({
  page,
}) => {
  const titles = { th: aboutPage.title.th, en: aboutPage.title.en, lo: aboutPage.title.en };
  for (const [lang, title] of Object.entries(titles)) {
    const prefix = lang === 'th' ? '/' : `/${lang}/`;
    const path = `${prefix}${aboutPage.path}`;
    const response = await page.goto(`${origin}${path}`);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    // In the menu of every page of its language, and on its site map.
    await page.goto(`${origin}${prefix}`);
    await expect(page.getByRole('banner').getByRole('link', { name: title, exact: true })).toHaveAttribute(
      'href',
      path,
    );
    await page.goto(`${origin}${prefix}sitemap/`);
    await expect(page.getByRole('main').getByRole('link', { name: title, exact: true })).toHaveAttribute(
      'href',
      path,
    );
  }
  const sitemap = readFileSync(join(project, 'dist/sitemap-0.xml'), 'utf8');
  expect(sitemap).toMatch(new RegExp(`<loc>[^<]*/lo/${aboutPage.path}</loc>`));
  expect(sitemap).toMatch(new RegExp(`hreflang="en" href="[^"]*/en/${aboutPage.path}"`));
  // The Lao story's link to it passed the build's content check, which knows it from the route table.
  expect(await html(page, `/lo/news/${story}/`)).toContain(`href="/lo/${aboutPage.path}"`);
});

test('a search with no result offers the same search in each other language', async ({ page }) => {
  await page.goto(`${origin}/lo/search/?q=zzqxv`);
  const elsewhere = page.locator('[data-search-other]');
  await expect(elsewhere).toBeVisible();
  const hrefs = await elsewhere
    .getByRole('link')
    .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
  expect(
    hrefs.map((h) => new URL(h ?? '', origin).pathname + new URL(h ?? '', origin).search).sort(),
  ).toEqual(['/en/search/?q=zzqxv', '/search/?q=zzqxv'].sort());
});

// The suite's one whole `npm run build` that succeeds, so also where its last words are seen.
test('npm run build ends by saying that full addresses name this machine while SITE_URL is unset', () => {
  expect(output).toContain(
    'SITE_URL is not set: share links, link previews, feeds, the sitemap and calendar files name http://localhost:4321',
  );
  expect(output).toContain('ยังไม่ได้ตั้ง SITE_URL');
});
