import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { buildWith, edit, removeFixtureBuilds } from './support/fixtureBuild.ts';

/*
 * Editors' mistakes stop the build with a message naming the file and the field, and a
 * story awaiting translation is shown in its original language with a notice. Each case
 * copies the real content, changes one thing, and builds it into a scratch folder.
 */

test.describe.configure({ mode: 'parallel', timeout: 120_000 });

test.afterAll(removeFixtureBuilds);

const article = (dir: string, lang: string) => join(dir, 'news', lang, 'smart-gender-launch.md');

test('a date without its offset fails the build naming the file and the field', () => {
  const build = buildWith((dir) => edit(article(dir, 'th'), /^date: .*$/m, 'date: "23 กุมภาพันธ์ 2567"'));
  expect(build.ok).toBe(false);
  expect(build.output).toContain('news/th/smart-gender-launch.md');
  expect(build.output).toMatch(/date: must be a date-time with its offset/);
});

test('a description over its limit fails the build naming the field and the limit', () => {
  const build = buildWith((dir) =>
    edit(article(dir, 'en'), /^description: .*$/m, `description: ${'Too long. '.repeat(30)}`),
  );
  expect(build.ok).toBe(false);
  expect(build.output).toContain('news/en/smart-gender-launch.md');
  expect(build.output).toMatch(/description: keep it to 200 characters/);
});

test('a misspelt field name fails the build instead of being ignored', () => {
  const build = buildWith((dir) => edit(article(dir, 'en'), /^venue:/m, 'venu:'));
  expect(build.ok).toBe(false);
  expect(build.output).toContain('news/en/smart-gender-launch.md');
  expect(build.output).toContain('Unrecognized key: "venu"');
});

test('a related story that does not exist fails the build naming the file and the field', () => {
  const build = buildWith((dir) =>
    edit(article(dir, 'th'), /- chiang-mai-ev-street-cleaner/, '- chiang-mai-ev'),
  );
  expect(build.ok).toBe(false);
  expect(build.output).toMatch(/news\/th\/smart-gender-launch\.md: field "related" names "chiang-mai-ev"/);
});

test('an entry without its twin fails the build, saying how to fix it', () => {
  const build = buildWith((dir) => unlinkSync(join(dir, 'related', 'en', 'chiang-mai-ev-street-cleaner.md')));
  expect(build.ok).toBe(false);
  expect(build.output).toMatch(
    /related\/th\/chiang-mai-ev-street-cleaner\.md: has no en twin\. Add .*related\/en\/chiang-mai-ev-street-cleaner\.md/,
  );
  expect(build.output).toContain('awaitingTranslation: true');
});

test('a story awaiting translation is shown in Thai on the English site, marked as such', async ({
  page,
}) => {
  const slug = 'chiang-mai-ev-street-cleaner';
  const build = buildWith((dir) => {
    unlinkSync(join(dir, 'related', 'en', `${slug}.md`));
    edit(join(dir, 'related', 'th', `${slug}.md`), /^---\n/, '---\nawaitingTranslation: true\n');
  });
  expect(build.ok, build.output).toBe(true);

  await page.goto(pathToFileURL(join(build.outDir, 'en', 'related', slug, 'index.html')).href);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(
    page.getByText(
      'This content has not yet been translated into English, so the original Thai text is shown.',
    ),
  ).toBeVisible();
  const article = page.getByRole('article');
  await expect(article).toHaveAttribute('lang', 'th');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(
    'นครเชียงใหม่ เปิดตัว! รถฉีดน้ำทำความสะอาด EV',
  );
  // Not a translation, so no hreflang pair is claimed, on either page or in the sitemap.
  await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(0);

  await page.goto(pathToFileURL(join(build.outDir, 'related', slug, 'index.html')).href);
  await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'เปลี่ยนภาษา' }).getByRole('link')).toHaveText(
    'English (not yet translated)',
  );

  const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
  const entry = sitemap.match(new RegExp(`<url><loc>[^<]*/en/related/${slug}/</loc>.*?</url>`))?.[0];
  expect(entry).toBeTruthy();
  expect(entry).not.toContain('hreflang');
});
