import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/readerPage.ts';
import { buildWith, edit, removeFixtureBuilds, type FixtureBuild } from './support/fixtureBuild.ts';
import { at, langOfPath, pathIn, siteFile, sitemapPaths } from './support/site.ts';
import { startNginx } from '../src/tools/nginxServer.ts';
import { freePort } from './support/site.ts';
import { t } from '../src/i18n/dictionaries.ts';
import { langs, locales, type Lang } from '../src/i18n/locales.ts';

/*
 * The pages a Thai public-sector site carries (accessibility statement, privacy policy,
 * website policy, security policy): linked from every footer, in the site map and the
 * sitemap, out of the search index; their claims checked against the built site; the
 * municipality's facts taken from settings, and nothing said where a setting is unset.
 */

test.afterAll(removeFixtureBuilds);

const policies = ['accessibility', 'privacy', 'website-policy', 'security'];
const policyPath = (lang: Lang, slug: string) => pathIn(lang, `policies/${slug}/`);
const pages = sitemapPaths();
/** The 404 pages, the site's and each other language's, which the sitemap does not list. */
const notFoundFiles = langs.map((lang) => pathIn(lang, '404.html'));
const html = (path: string) => readFileSync(siteFile(path, 'index.html'), 'utf8');

test('every page links to the four policy pages of its language from its footer', () => {
  expect(pages.length, 'the sitemap lists the pages').toBeGreaterThan(20);
  // The 404 pages are no address of the sitemap: the site's, and each other language's.
  const built: [string, string][] = [
    ...pages.map((path): [string, string] => [path, html(path)]),
    ...notFoundFiles.map((path): [string, string] => [path, readFileSync(siteFile(path), 'utf8')]),
  ];
  for (const [path, page] of built) {
    const footer = /<footer[\s\S]*<\/footer>/.exec(page)?.[0] ?? '';
    const linked = [...footer.matchAll(/href="([^"]*\/policies\/[^"]*)"/g)].map(([, href]) => href);
    expect(linked, path).toEqual(policies.map((slug) => at(policyPath(langOfPath(path), slug))));
  }
});

test('menu and footer links mark the page the reader is on, and the menu the section of a page within it', () => {
  /** The addresses of a part's links whose aria-current is `value`. */
  const current = (part: string, value: string) =>
    [...part.matchAll(new RegExp(`<a href="([^"]*)"[^>]*aria-current="${value}"`, 'g'))].map(
      ([, href]) => href ?? '',
    );
  const parts = (path: string) => {
    const page = html(path);
    return {
      header: /<header[\s\S]*?<\/header>/.exec(page)?.[0] ?? '',
      footer: /<footer[\s\S]*<\/footer>/.exec(page)?.[0] ?? '',
    };
  };
  for (const path of pages) {
    const { header, footer } = parts(path);
    // "page" only on a link to this very page; "true" only on the section it is in.
    for (const href of [...current(header, 'page'), ...current(footer, 'page')])
      expect(href, path).toBe(at(path));
    for (const href of current(header, 'true'))
      expect(at(path).startsWith(href) && at(path) !== href, path).toBe(true);
  }
  for (const lang of langs) {
    const story = parts(pathIn(lang, 'news/smart-gender-launch/'));
    expect(current(story.header, 'true')).toEqual([at(pathIn(lang, 'news/'))]);
    expect(current(story.header, 'page')).toEqual([]);
    expect(current(parts(pathIn(lang, 'news/')).header, 'page')).toEqual([at(pathIn(lang, 'news/'))]);
    expect(current(parts(pathIn(lang, 'sitemap/')).footer, 'page')).toEqual([at(pathIn(lang, 'sitemap/'))]);
    expect(current(parts(policyPath(lang, 'privacy')).footer, 'page')).toEqual([
      at(policyPath(lang, 'privacy')),
    ]);
  }
});

test('each policy page is in both languages, in the sitemap and the site map page, and out of the search index', () => {
  for (const lang of langs) {
    const siteMapPage = html(pathIn(lang, 'sitemap/'));
    for (const slug of policies) {
      const path = policyPath(lang, slug);
      expect(pages, `${path} in the sitemap`).toContain(path);
      expect(siteMapPage, `${path} on the site map page`).toContain(`href="${at(path)}"`);
      const page = html(path);
      expect(page).toContain(`<html lang="${locales[lang].lang}"`);
      expect(page, 'not indexed for search').not.toContain('data-pagefind-body');
    }
  }
});

async function search(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: /คำค้นหา|Search terms/ });
  await box.fill(query);
  await box.press('Enter');
  await expect(page.getByRole('status')).not.toHaveText(/^(|กำลังค้นหา…|Searching…)$/);
  return page.locator('[data-search-results] h2');
}

test('a word found only on the policy pages finds nothing in search', async ({ readerPage: page }) => {
  // "PDPA" and "คุกกี้" (cookies) are on the privacy policy and nowhere in the news.
  for (const [lang, word] of [
    ['th', 'คุกกี้'],
    ['en', 'PDPA'],
  ] as const) {
    expect(html(policyPath(lang, 'privacy')), 'the word is on the page').toContain(word);
    await page.goto(at(pathIn(lang, 'search/')));
    await expect(await search(page, word)).toHaveCount(0);
    // The search works: a word on the policy pages and in the news finds the news alone.
    const both = lang === 'th' ? 'เทศบาล' : 'Khon';
    expect(html(policyPath(lang, 'website-policy')), 'the word is on a policy page').toContain(both);
    const found = await search(page, both);
    await expect(found.first()).toBeVisible();
    const links = await page
      .locator('[data-search-results] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((href) => href.includes('/policies/'))).toEqual([]);
  }
});

// Each page alone is loaded and checked for cookies, storage and requests to other sites in
// e2e/cdn.spec.ts, which opens every page anyway; here, the one feature that loads more.
test("the privacy policy's claims hold when searching: no cookie, no storage, no request to another site", async ({
  page,
  context,
}) => {
  const origin = new URL(test.info().project.use.baseURL ?? '').origin;
  const elsewhere: string[] = [];
  const cookieHeaders: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (['http:', 'https:'].includes(url.protocol) && url.origin !== origin) elsewhere.push(request.url());
  });
  page.on('response', (response) => {
    if (response.headers()['set-cookie']) cookieHeaders.push(response.url());
  });
  // A word of the news in each language: the region's name in a language added by the README's steps.
  const newsWords: Partial<Record<Lang, string>> = { th: 'ขอนแก่น', en: 'equality' };
  for (const lang of langs) {
    await page.goto(at(pathIn(lang, 'search/')));
    const found = await search(page, newsWords[lang] ?? t(lang, 'site.region'));
    await expect(found.first()).toBeVisible();
    await found.first().getByRole('link').click();
    await expect(page).toHaveURL(/\/news\/|\/programme\/|\/related\//);
  }
  expect(elsewhere, 'requests to another site').toEqual([]);
  expect(cookieHeaders, 'responses setting a cookie').toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length), 'stored on the device').toBe(
    0,
  );
});

test('no form sends what a reader types anywhere: the one form, search, asks its own page', () => {
  for (const path of pages) {
    for (const [form] of html(path).matchAll(/<form\b[^>]*>/g)) {
      expect(form, path).not.toMatch(/method="post"/i);
      expect(form, `${path}: a form with an action leaves the page`).not.toMatch(/action=/);
      expect(path, 'only the search page has a form').toMatch(/\/search\/$/);
    }
  }
});

test('with no contact or feedback setting, no page offers a made-up way to get help, and the check says which settings are missing', () => {
  for (const path of pages) expect(html(path), path).not.toContain('class="help"');
  const statement = html(policyPath('en', 'accessibility'));
  expect(statement).not.toContain('Reporting a problem');
  expect(html(policyPath('en', 'privacy'))).not.toMatch(/keeps these records for/);
  const unset = new Set([
    'CONTACT_EMAIL',
    'FEEDBACK_URL',
    'PRIVACY_EMAIL',
    'SERVER_LOG_DAYS',
    'POLICIES_REVIEWED',
  ]);
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !unset.has(name)));
  const check = spawnSync('node', ['src/tools/check.ts'], { env, encoding: 'utf8' });
  expect(check.status, check.stderr).toBe(0);
  expect(check.stdout).toMatch(
    /content\/policies\/en\/privacy\.md: warning: leaves out the sentences that need settings not set: SERVER_LOG_DAYS, PRIVACY_EMAIL, POLICIES_REVIEWED/,
  );
  expect(check.stdout).toMatch(
    /content\/policies\/th\/accessibility\.md: warning: .*CONTACT_EMAIL, FEEDBACK_URL/,
  );
});

const settings = {
  SITE_URL: 'https://www.example.go.th',
  CONTACT_EMAIL: 'smartgender@example.go.th',
  FEEDBACK_URL: 'https://example.go.th/feedback',
  PRIVACY_EMAIL: 'dpo@example.go.th',
  SERVER_LOG_DAYS: '90',
  POLICIES_REVIEWED: '2026-11-30',
  ACCESSIBILITY_TESTED: '2026-11-29',
};
/**
 * The help link's text as a reader sees it: written out for Thai and English, and for a
 * language added by the README's steps, its strings' text. Partial, so that such a language
 * leaves this file type-checking (and `npm run build` passing).
 */
const helpTexts: Partial<Record<Lang, string>> = {
  th: 'แจ้งปัญหาการใช้งานเว็บไซต์',
  en: 'Report a problem with this site',
};
const helpText = (lang: Lang): string => helpTexts[lang] ?? t(lang, 'footer.help');
/** A link to the site in the Thai launch story's text, for what a printed story shows. */
const storyLink = { text: 'เกี่ยวกับโครงการ', path: '/programme/' };
let withSettings: FixtureBuild | undefined;
const settingsBuild = () =>
  (withSettings ??= buildWith(
    (dir) =>
      edit(
        join(dir, 'news', 'th', 'smart-gender-launch.md'),
        /\s*$/,
        `\n\nอ่านต่อ: [${storyLink.text}](${storyLink.path})\n`,
      ),
    settings,
    { pagesOnly: true },
  ));

// One build with every setting given, which the tests below share: one after the other, in one worker.
test.describe('a deployment with its settings given', () => {
  test.describe.configure({ mode: 'serial' });

  test('with the settings given, the policies state them in each language, and help is one link in one place on every page', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const build = settingsBuild();
    expect(build.ok, build.output).toBe(true);
    const server = await startNginx(build.outDir, await freePort());
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/en/policies/privacy/`);
      const main = page.getByRole('main');
      await expect(main).toContainText('The host keeps these records for 90 days');
      await expect(main.getByRole('link', { name: settings.PRIVACY_EMAIL })).toHaveAttribute(
        'href',
        `mailto:${settings.PRIVACY_EMAIL}`,
      );
      await expect(main).toContainText('This policy was last reviewed on 30 November 2026.');
      await page.goto(`${server.origin}/policies/privacy/`);
      // Buddhist Era in Thai.
      await expect(page.getByRole('main')).toContainText('ทบทวนนโยบายนี้ครั้งล่าสุดเมื่อ 30 พฤศจิกายน 2569');
      await page.goto(`${server.origin}/en/policies/accessibility/`);
      await expect(page.getByRole('heading', { name: 'Reporting a problem' })).toBeVisible();
      await expect(page.getByRole('main').getByRole('link', { name: settings.FEEDBACK_URL })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(
        'The version of the site these checks were made for is dated 29 November 2026.',
      );

      // 3.2.6: the same help link, first in the footer after its two lines, on every page: seen
      // here on one page of each language, and read from every page the build wrote.
      for (const lang of langs) {
        await page.goto(`${server.origin}${pathIn(lang)}`);
        const help = page.getByRole('contentinfo').locator('a').first();
        await expect(help).toHaveText(helpText(lang));
        await expect(help).toHaveAttribute('href', settings.FEEDBACK_URL);
      }
      for (const path of [...pages, ...notFoundFiles]) {
        const file = path.endsWith('.html') ? [path] : [path, 'index.html'];
        const built = readFileSync(join(build.outDir, ...file), 'utf8');
        const footer = /<footer[\s\S]*<\/footer>/.exec(built)?.[0] ?? '';
        const first = /<a\b[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/.exec(footer);
        expect([first?.[1], first?.[2]], path).toEqual([settings.FEEDBACK_URL, helpText(langOfPath(path))]);
      }
    } finally {
      await page.close();
      await server.stop();
    }
  });

  test("printed, a link in a story's text to the site shows the whole address SITE_URL gives", () => {
    const build = settingsBuild();
    expect(build.ok, build.output).toBe(true);
    const page = readFileSync(join(build.outDir, 'news', 'smart-gender-launch', 'index.html'), 'utf8');
    // The story's own text: the menu links to the same page under the same name.
    const story = /<article[\s\S]*<\/article>/.exec(page)?.[0] ?? '';
    const link = new RegExp(`<a href="${storyLink.path}"[^>]*>${storyLink.text}</a>`).exec(story)?.[0];
    expect(link, 'the link in the story').toBeDefined();
    // global.css prints this after the link text, in place of the path.
    expect(link).toContain(`data-print-href="${settings.SITE_URL}${storyLink.path}"`);
  });
});

test('a malformed setting stops the check, so the build, naming the variable', () => {
  const check = spawnSync('node', ['src/tools/check.ts'], {
    env: { ...process.env, FEEDBACK_URL: 'http://example.go.th/feedback' },
    encoding: 'utf8',
  });
  expect(check.status).not.toBe(0);
  expect(check.stderr).toContain(
    'FEEDBACK_URL="http://example.go.th/feedback" is not a valid where readers report a problem (https)',
  );
});
