import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { lockBuilds } from '../src/tools/buildLock.ts';
import { startNginx } from '../src/tools/nginxServer.ts';
import { fileDigests } from './support/fileDigests.ts';
import { buildWith, edit, removeFixtureBuilds, type FixtureBuild } from './support/fixtureBuild.ts';
import { at, freePort, pathIn, siteRoot } from './support/site.ts';
import { t } from '../src/i18n/dictionaries.ts';
import { defaultLang, langs, locales, otherLangs, type Lang } from '../src/i18n/locales.ts';

/* An editor's draft is previewable but never published, new entries start valid, a story
 * awaiting translation is shown marked, lists paginate, settings reach the page, and a
 * failed build never replaces a working site. */

// One worker runs the file's tests in order, so they share one fixture build.
test.describe.configure({ mode: 'default', timeout: 180_000 });
test.afterAll(removeFixtureBuilds);

const word = 'ฉบับร่างลับเฉพาะ';
const draft = (lang: string) => `---
title: ${lang === 'th' ? `ข่าวร่าง ${word}` : `Draft story ${word}`}
description: A draft that must not be published anywhere until it is ready.
date: "2024-01-10T10:00:00+07:00"
draft: true
---

${word} ${lang === 'th' ? 'เนื้อหาฉบับร่าง' : 'draft text'}
`;

function addDraft(dir: string) {
  for (const lang of langs) writeFileSync(join(dir, 'news', lang, 'secret-draft.md'), draft(lang));
}

/** A story dated ahead, which waits for its date (`npm run dev` shows it, marked). */
function addScheduled(dir: string) {
  for (const lang of langs)
    writeFileSync(
      join(dir, 'news', lang, 'walk-ahead.md'),
      `---\ntitle: ${lang === 'th' ? 'เดินรณรงค์ในอนาคต' : 'A walk ahead'}\ndescription: A walk for equality of every gender, dated years ahead.\ndate: "2099-02-23T09:00:00+07:00"\n---\n\nText.\n`,
    );
}

/** A related story written in Thai whose translations (English, and any other) are not written yet. */
const untranslated = 'chiang-mai-ev-street-cleaner';
/** A news story of the editor's week (below) whose publication is known: later on its event's day. */
const publishedNews = { slug: 'story-11', published: '2023-01-11T16:30:00+07:00' };

/** A news story of the editor's week (below) whose translations are not written yet either. */
const untranslatedNews = 'story-12';
/** The programme (home and programme pages), its translations not written yet either. */
const programme = 'smart-gender';
/** The alt text of the untranslated news story's one gallery photo. */
const galleryAlt = 'เวทีกิจกรรมในห้องประชุม';
const contactEmail = 'smart-gender@example.test';

/**
 * An editor's week in one build of a copy of the real content: a draft, twelve more stories
 * (a second page of news), one with its publication date, the last of them (with a gallery), a
 * related story and the programme awaiting translation, and a contact address set.
 */
let editorsBuild: FixtureBuild | undefined;
function editorsWeek(): FixtureBuild {
  editorsBuild ??= buildWith(
    (dir) => {
      addDraft(dir);
      for (const lang of langs) {
        for (let i = 1; i <= 12; i++) {
          writeFileSync(
            join(dir, 'news', lang, `story-${i}.md`),
            `---\ntitle: Story ${i}\ndescription: A short story written to fill a second page of the news list.\ndate: "2023-01-${String(i).padStart(2, '0')}T09:00:00+07:00"\n---\n\nText ${i}.\n`,
          );
        }
      }
      for (const lang of langs)
        edit(
          join(dir, 'news', lang, `${publishedNews.slug}.md`),
          /^---\n/,
          `---\npublished: "${publishedNews.published}"\n`,
        );
      for (const lang of otherLangs('th')) {
        unlinkSync(join(dir, 'related', lang, `${untranslated}.md`));
        unlinkSync(join(dir, 'news', lang, `${untranslatedNews}.md`));
        unlinkSync(join(dir, 'objectives', lang, `${programme}.md`));
      }
      mkdirSync(join(dir, 'media', 'week'), { recursive: true });
      cpSync('public/og/th.png', join(dir, 'media', 'week', 'stage.png'));
      edit(join(dir, 'related', 'th', `${untranslated}.md`), /^---\n/, '---\nawaitingTranslation: true\n');
      edit(
        join(dir, 'news', 'th', `${untranslatedNews}.md`),
        /^---\n/,
        `---\nawaitingTranslation: true\ngallery:\n  - src: ../../media/week/stage.png\n    alt: ${galleryAlt}\n`,
      );
      edit(join(dir, 'objectives', 'th', `${programme}.md`), /^---\n/, '---\nawaitingTranslation: true\n');
    },
    { CONTACT_EMAIL: contactEmail },
  );
  return editorsBuild;
}

test('a draft is in no page, sitemap, feed or search index of a production build', () => {
  const build = editorsWeek();
  expect(build.ok, build.output).toBe(true);
  for (const lang of langs) {
    expect(existsSync(join(build.outDir, pathIn(lang, 'news/secret-draft/'))), lang).toBe(false);
  }
  for (const f of readdirSync(build.outDir, { recursive: true }).map(String)) {
    const path = join(build.outDir, f);
    if (/\.(html|xml|txt|json)$/.test(f)) expect(readFileSync(path, 'utf8'), f).not.toContain(word);
    if (f.endsWith('.pf_fragment')) expect(gunzipSync(readFileSync(path)).toString(), f).not.toContain(word);
  }
  // The real story is still there, so the check above looked at a real index.
  const fragments = readdirSync(join(build.outDir, 'pagefind', 'fragment'));
  expect(
    fragments.some((f) =>
      gunzipSync(readFileSync(join(build.outDir, 'pagefind', 'fragment', f)))
        .toString()
        .includes('SMART GENDER'),
    ),
  ).toBe(true);
});

test('a draft shows in npm run dev with a DRAFT banner, and a story dated ahead with its date', async ({
  page,
}) => {
  const work = mkdtempSync(join(tmpdir(), 'smart-gender-dev-'));
  cpSync('content', join(work, 'content'), { recursive: true });
  addDraft(join(work, 'content'));
  addScheduled(join(work, 'content'));
  const port = await freePort();
  // The dev server writes the project's .astro/ as a build does (src/tools/buildLock.ts).
  const unlock = lockBuilds();
  const dev = spawn('astro', ['dev', '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, CONTENT_DIR: join(work, 'content'), ASTRO_CACHE_DIR: join(work, 'cache') },
    stdio: 'ignore',
    detached: true,
  });
  try {
    await expect(async () => {
      // The dev server takes BASE_PATH from the environment too, as the build does.
      const response = await page.request.get(`http://127.0.0.1:${port}${at('/en/news/secret-draft/')}`);
      expect(response.status()).toBe(200);
    }).toPass({ timeout: 60_000 });
    await page.goto(`http://127.0.0.1:${port}${at('/en/news/secret-draft/')}`);
    await expect(page.getByRole('note').filter({ hasText: 'DRAFT' })).toContainText(
      'DRAFT: this page is not published',
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Draft story ${word}`);
    await page.goto(`http://127.0.0.1:${port}${at('/news/secret-draft/')}`);
    await expect(page.getByRole('note').filter({ hasText: 'DRAFT' })).toContainText('ฉบับร่าง (DRAFT)');
    // Dated ahead: shown here, with when it will be published, in each language's own form.
    await page.goto(`http://127.0.0.1:${port}${at('/en/news/walk-ahead/')}`);
    await expect(page.getByRole('note')).toHaveText(
      'SCHEDULED: this story appears on the live site from 23 February 2099, 9:00 a.m., at the first build of the site after then',
    );
    await page.goto(`http://127.0.0.1:${port}${at('/news/walk-ahead/')}`);
    await expect(page.getByRole('note')).toHaveText(
      'ตั้งเวลาเผยแพร่ไว้: ข่าวนี้จะอยู่ในเว็บไซต์จริงตั้งแต่ 23 กุมภาพันธ์ 2642 เวลา 09.00 น. เมื่อสร้างเว็บไซต์ใหม่หลังเวลานั้น',
    );
  } finally {
    process.kill(-dev.pid!, 'SIGTERM');
    unlock();
    rmSync(work, { recursive: true, force: true });
  }
});

test('npm run new makes Thai and English files that pass the checks, and refuses an existing slug', () => {
  const work = mkdtempSync(join(tmpdir(), 'smart-gender-new-'));
  try {
    cpSync('content', join(work, 'content'), { recursive: true });
    const env = { ...process.env, CONTENT_DIR: join(work, 'content') };
    const made = spawnSync('node', ['src/tools/new.ts', 'news', 'city-pride-walk'], {
      env,
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    for (const lang of langs) {
      const file = readFileSync(join(work, 'content', 'news', lang, 'city-pride-walk.md'), 'utf8');
      for (const field of ['title', 'description', 'date', 'venue', 'related', 'draft'])
        expect(file).toMatch(new RegExp(`^${field}:`, 'm'));
      expect(file).toMatch(/^# .* \/ /m); // every field is explained, in both languages
    }
    const check = spawnSync('node', ['src/tools/check.ts'], { env, encoding: 'utf8' });
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    // A draft, so no error yet; but "ready to publish" is not "this draft is ready": it says
    // which of its fields still hold the template's words.
    for (const lang of langs) {
      expect(check.stdout).toMatch(
        new RegExp(
          `news/${lang}/city-pride-walk\\.md: warning: is a draft still holding the template's words \\(title, description, venue, body\\)`,
        ),
      );
    }
    const again = spawnSync('node', ['src/tools/new.ts', 'news', 'city-pride-walk'], {
      env,
      encoding: 'utf8',
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('city-pride-walk.md already exists');
    const bad = spawnSync('node', ['src/tools/new.ts', 'news', 'City Walk'], { env, encoding: 'utf8' });
    expect(bad.status).toBe(2);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('npm run new takes photos: the first is the cover, the rest the gallery, and the check refuses to publish their template alt text', async () => {
  const work = mkdtempSync(join(tmpdir(), 'smart-gender-new-photo-'));
  try {
    cpSync('content', join(work, 'content'), { recursive: true });
    const walk = join(work, 'Walk Photo.JPG');
    const stage = join(work, 'stage.png');
    await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#884422' } })
      .jpeg()
      .toFile(walk);
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#224488' } })
      .png()
      .toFile(stage);
    const env = { ...process.env, CONTENT_DIR: join(work, 'content') };
    const run = (...args: string[]) =>
      spawnSync('node', ['src/tools/new.ts', ...args], { env, encoding: 'utf8' });

    const missing = run('news', 'city-pride-walk', '--photo', join(work, 'nowhere.jpg'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nowhere.jpg: no such photo');
    expect(existsSync(join(work, 'content', 'news', 'th', 'city-pride-walk.md')), 'nothing half made').toBe(
      false,
    );

    const made = run('news', 'city-pride-walk', '--photo', walk, '--photo', stage);
    expect(made.status, made.stderr).toBe(0);
    // Copied once for both languages, under names that need no quoting.
    expect(readdirSync(join(work, 'content', 'media', 'city-pride-walk')).sort()).toEqual([
      'stage.png',
      'walk-photo.jpg',
    ]);
    const th = readFileSync(join(work, 'content', 'news', 'th', 'city-pride-walk.md'), 'utf8');
    expect(th).toContain(
      'cover:\n  src: ../../media/city-pride-walk/walk-photo.jpg\n  alt: บรรยายสิ่งที่เห็นในรูป',
    );
    expect(th).toContain(
      'gallery:\n  - src: ../../media/city-pride-walk/stage.png\n    alt: บรรยายสิ่งที่เห็นในรูป',
    );
    const en = readFileSync(join(work, 'content', 'news', 'en', 'city-pride-walk.md'), 'utf8');
    expect(en).toContain('alt: Describe what the photo shows');

    const draft = spawnSync('node', ['src/tools/check.ts'], { env, encoding: 'utf8' });
    expect(draft.status, `${draft.stdout}${draft.stderr}`).toBe(0);
    // Published as made, the template's words would reach readers: the check says where.
    for (const lang of langs) {
      const file = join(work, 'content', 'news', lang, 'city-pride-walk.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('draft: true\n', ''));
    }
    const published = spawnSync('node', ['src/tools/check.ts'], { env, encoding: 'utf8' });
    expect(published.status).toBe(1);
    expect(published.stderr).toMatch(
      /news\/th\/city-pride-walk\.md:\d+: error: cover\.alt: still says "บรรยายสิ่งที่เห็นในรูป", the template's words/,
    );
    expect(published.stderr).toMatch(
      /news\/en\/city-pride-walk\.md:\d+: error: gallery\.0\.alt: still says "Describe what the photo shows"/,
    );
    expect(published.stderr).toMatch(
      /news\/en\/city-pride-walk\.md:\d+: error: title: still says "Headline"/,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('npm run check fails with one line per problem, and the translation report shows each entry', () => {
  const work = mkdtempSync(join(tmpdir(), 'smart-gender-cli-'));
  try {
    cpSync('content', join(work, 'content'), { recursive: true });
    rmSync(join(work, 'content', 'related', 'en', 'chiang-mai-ev-street-cleaner.md'));
    // The English programme last changed two days before its Thai source (the folder is in no
    // git repository, so the files' own times count).
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(join(work, 'content', 'objectives', 'en', 'smart-gender.md'), twoDaysAgo, twoDaysAgo);
    // A Thai policy page with a quote never closed: there, but unreadable.
    edit(join(work, 'content', 'policies', 'th', 'security.md'), /^title: (.*)$/m, 'title: "$1');
    const env = { ...process.env, CONTENT_DIR: join(work, 'content') };
    const check = spawnSync('node', ['src/tools/check.ts'], { env, encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/related\/th\/chiang-mai-ev-street-cleaner\.md: error: has no en twin/);
    const report = spawnSync('node', ['src/tools/translations.ts'], { env, encoding: 'utf8' });
    expect(report.stdout).toMatch(/related\/chiang-mai-ev-street-cleaner\s+translated\s+MISSING/);
    expect(report.stdout).toMatch(/^policies\/security\s+ERROR \(see npm run check\)\s+translated$/m);
    expect(check.stderr).toMatch(/policies\/th\/security\.md:2: error: title: YAML syntax error/);
    expect(report.stdout).toMatch(/^news\/smart-gender-launch(\s+translated)+$/m);
    // What npm run check warns of, the report marks.
    expect(check.stdout).toMatch(/objectives\/en\/smart-gender\.md: warning: may be outdated/);
    expect(report.stdout).toMatch(/^objectives\/smart-gender\s+translated\s+translated, may be outdated/m);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('a failed build leaves the previous dist/ byte-identical, and the one before it', () => {
  // dist/ here is the build under test (SITE_DIR): dist-base/ in the base-path run.
  const work = mkdtempSync(join(tmpdir(), 'smart-gender-swap-'));
  try {
    const out = join(work, 'dist');
    cpSync(siteRoot, out, { recursive: true });
    const before = fileDigests(out);
    // The build before it, kept to put back by hand: a failed build keeps it too.
    mkdirSync(`${out}.previous`);
    cpSync(join(siteRoot, 'index.html'), join(`${out}.previous`, 'index.html'));
    const previous = fileDigests(`${out}.previous`);
    const content = join(work, 'content');
    cpSync('content', content, { recursive: true });
    // A content error stops the build at the check; a bad site address stops Astro itself.
    writeFileSync(join(content, 'news', 'en', 'smart-gender-launch.md'), '---\ntitel: x\n---\n');
    const failedCheck = spawnSync('node', ['src/tools/build.ts'], {
      env: { ...process.env, OUT_DIR: out, CONTENT_DIR: content },
      encoding: 'utf8',
    });
    expect(failedCheck.status).toBe(1);
    expect(failedCheck.stderr).toContain('The previous');
    const failedBuild = spawnSync('node', ['src/tools/build.ts'], {
      env: { ...process.env, OUT_DIR: out, SITE_URL: 'not a url', ASTRO_CACHE_DIR: join(work, 'cache') },
      encoding: 'utf8',
    });
    expect(failedBuild.status).toBe(1);
    expect(fileDigests(out)).toEqual(before);
    expect(fileDigests(`${out}.previous`)).toEqual(previous);
    expect(existsSync(`${out}.building`)).toBe(false);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('a story says when it was published only where that is known: the event date is not its publication date', async ({
  page,
}) => {
  const build = editorsWeek();
  expect(build.ok, build.output).toBe(true);
  const file = (path: string) => readFileSync(join(build.outDir, path), 'utf8');
  const feed = (lang: Lang) => file(pathIn(lang, 'rss.xml'));
  /** The RSS item of a story, from its link to the one after it. */
  const item = (lang: Lang, slug: string) =>
    feed(lang)
      .split('<item>')
      .find((i) => i.includes(`${at(pathIn(lang, `news/${slug}/`))}</link>`));
  const sitemap = readdirSync(build.outDir)
    .filter((f) => /^sitemap-\d+\.xml$/.test(f))
    .map(file)
    .join('');
  /** A sitemap entry of a page, from its address to the end of the entry. */
  const entry = (path: string) => sitemap.split('<url>').find((u) => u.includes(`${at(path)}</loc>`));
  for (const lang of langs) {
    const known = pathIn(lang, `news/${publishedNews.slug}/`);
    await page.goto(pathToFileURL(join(build.outDir, known, 'index.html')).href);
    const [article] = (await page.locator('script[type="application/ld+json"]').allTextContents())
      .map((text) => JSON.parse(text) as { '@type': string; datePublished?: string; dateModified?: string })
      .filter((data) => data['@type'] === 'NewsArticle');
    expect(article, lang).toMatchObject({
      datePublished: publishedNews.published,
      dateModified: publishedNews.published,
    });
    await expect(page.locator('head meta[property="article:published_time"]')).toHaveAttribute(
      'content',
      publishedNews.published,
    );
    await expect(page.locator('article dl')).toContainText(t(lang, 'date.published'));
    expect(item(lang, publishedNews.slug), lang).toContain(
      '<pubDate>Wed, 11 Jan 2023 09:30:00 GMT</pubDate>',
    );
    expect(entry(known), lang).toContain('<lastmod>2023-01-11T09:30:00.000Z</lastmod>');

    // The launch story's source gives the event's date and time, not when the story was published.
    const launch = pathIn(lang, 'news/smart-gender-launch/');
    await page.goto(pathToFileURL(join(build.outDir, launch, 'index.html')).href);
    const launchData = (await page.locator('script[type="application/ld+json"]').allTextContents()).join('');
    expect(launchData, lang).toContain('"NewsArticle"');
    expect(launchData, lang).not.toMatch(/datePublished|dateModified/);
    await expect(page.locator('head meta[property="article:published_time"]')).toHaveCount(0);
    await expect(page.locator('article dl')).not.toContainText(t(lang, 'date.published'));
    expect(item(lang, 'smart-gender-launch'), lang).toBeTruthy();
    expect(item(lang, 'smart-gender-launch'), lang).not.toContain('<pubDate>');
    expect(entry(launch), lang).toBeTruthy();
    expect(entry(launch), lang).not.toContain('<lastmod>');
  }
});

test('news lists paginate, so no page grows with the archive', async ({ page }) => {
  const build = editorsWeek();
  expect(build.ok, build.output).toBe(true);
  for (const [lang, next, prev, pageOf] of [
    ['th', 'หน้าถัดไป', 'หน้าก่อน', 'หน้า 2 จาก 2'],
    ['en', 'Next page', 'Previous page', 'Page 2 of 2'],
  ] as const) {
    const [list, second] = [pathIn(lang, 'news/'), pathIn(lang, 'news/2/')];
    await page.goto(pathToFileURL(join(build.outDir, list, 'index.html')).href);
    await expect(page.locator('.cards > li')).toHaveCount(10);
    await expect(page.getByRole('link', { name: next })).toHaveAttribute('href', at(second));
    await page.goto(pathToFileURL(join(build.outDir, second, 'index.html')).href);
    await expect(page.locator('.cards > li')).toHaveCount(3);
    await expect(page.getByRole('link', { name: prev })).toHaveAttribute('href', at(list));
    await expect(page.getByRole('navigation', { name: /เลขหน้า|Pages/ })).toContainText(pageOf);
    // The site map links each list page, not every story.
    await page.goto(pathToFileURL(join(build.outDir, pathIn(lang, 'sitemap/'), 'index.html')).href);
    await expect(page.getByRole('main').locator(`a[href="${at(second)}"]`)).toHaveCount(1);
  }
});

test('a programme awaiting translation: the home and programme pages say so, with their own words in English and the facts marked Thai', async ({
  page,
}) => {
  const build = editorsWeek();
  expect(build.ok, build.output).toBe(true);
  await page.goto(pathToFileURL(join(build.outDir, 'en', 'index.html')).href);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(
    page.getByText(
      'This content has not yet been translated into English, so the original Thai text is shown.',
    ),
  ).toBeVisible();
  const facts = page.getByRole('main').locator('dl');
  // The labels and the launch's date in the page's language (no mark of their own).
  await expect(facts.getByRole('term')).toHaveText(['What it is', 'When', 'Where', 'Who it is for']);
  const fact = (n: number) => facts.getByRole('definition').nth(n);
  const [what, when, where, who] = [fact(0), fact(1), fact(2), fact(3)];
  await expect(when).not.toHaveAttribute('lang', /./);
  await expect(when).toHaveText('23 February 2024, 9:00 a.m.');
  // The programme's facts in Thai, and the venue in the launch story's own language (English).
  await expect(what).toHaveAttribute('lang', 'th');
  await expect(what).toContainText('การส่งเสริมความเท่าเทียมทางเพศ');
  await expect(who).toHaveAttribute('lang', 'th');
  await expect(where).not.toHaveAttribute('lang', /./);
  const objectives = page.getByRole('region', { name: 'Objectives' });
  await expect(objectives.getByRole('heading', { level: 2 })).not.toHaveAttribute('lang', /./);
  await expect(objectives.getByRole('list')).toHaveAttribute('lang', 'th');
  await expect(objectives.getByRole('listitem').first()).toHaveText(
    'เพื่อเป็นพื้นที่แลกเปลี่ยนเรียนรู้ในความเท่าเทียมทางเพศ',
  );
  // The programme page: the Thai text, under the page's own English headings.
  await page.goto(pathToFileURL(join(build.outDir, 'en', 'programme', 'index.html')).href);
  const article = page.getByRole('article');
  await expect(article).toHaveAttribute('lang', 'th');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText('โครงการ SMART GENDER');
  // Its link preview is the Thai text: Thai is its locale, and no translation is an alternate.
  await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', locales.th.og);
  await expect(page.locator('meta[property="og:locale:alternate"]')).toHaveCount(0);
  const headings = article.getByRole('heading', { level: 2 });
  await expect(headings).toHaveText(['Objectives', 'Target groups', 'Vision of Khon Kaen City Municipality']);
  for (const heading of await headings.all()) await expect(heading).toHaveAttribute('lang', 'en');
  // The Thai pages are the original: no notice, nothing marked as another language.
  for (const path of ['index.html', join('programme', 'index.html')]) {
    await page.goto(pathToFileURL(join(build.outDir, path)).href);
    await expect(page.getByRole('note')).toHaveCount(0);
    await expect(page.getByRole('main').locator('[lang]')).toHaveCount(0);
  }
});

test('the English search finds a story awaiting translation by any of its Thai words, its title and excerpt marked Thai', async ({
  page,
}) => {
  const build = editorsWeek();
  expect(build.ok, build.output).toBe(true);
  const server = await startNginx(build.outDir, await freePort());
  try {
    await page.goto(`${server.origin}/en/search/?q=${encodeURIComponent('เชียงใหม่')}`);
    const title = 'นครเชียงใหม่ เปิดตัว! รถฉีดน้ำทำความสะอาด EV';
    const result = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
    await expect(result.getByRole('heading', { level: 2 })).toHaveAttribute('lang', 'th');
    const [kind, text] = [result.locator('p').first(), result.locator('p').last()];
    await expect(kind).toHaveText(t('en', 'search.kind.related'));
    await expect(kind).not.toHaveAttribute('lang', /./);
    await expect(text).toHaveAttribute('lang', 'th');
    await expect(text.locator('mark').first()).toHaveText('เชียงใหม่');
    await expect(text).not.toContainText('`');
    // Words typed together, as Thai is written, are found together.
    await page.goto(`${server.origin}/en/search/?q=${encodeURIComponent('ฉีดน้ำทำความสะอาด')}`);
    await expect(page.locator('[data-search-results] a')).toHaveText([title]);
    // "ใหม่" (new) is on that page only inside the name เชียงใหม่, not as a word: nothing found.
    await page.goto(`${server.origin}/en/search/?q=${encodeURIComponent('ใหม่')}`);
    await expect(page.locator('[data-search-other]')).toBeVisible();
    await expect(page.locator('[data-search-results] a')).toHaveCount(0);
    // A result in the page's own language (the launch story's venue) has no mark of its own.
    await page.goto(`${server.origin}/en/search/?q=Treasury`);
    const results = page.locator('[data-search-results] > li');
    await expect(results.first()).toBeVisible();
    await expect(results.locator('[lang]')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('the footer shows a contact address only when CONTACT_EMAIL is set', async ({ page }) => {
  // The real build has none: the source page's address is unknown.
  await page.goto(pathToFileURL(join(siteRoot, 'index.html')).href);
  await expect(page.getByRole('contentinfo').locator('a[href^="mailto:"]')).toHaveCount(0);
  const build = editorsWeek();
  expect(build.ok, build.output).toBe(true);
  for (const [lang, label] of [
    ['th', 'ติดต่อเรา'],
    ['en', 'Contact us'],
  ] as const) {
    await page.goto(pathToFileURL(join(build.outDir, pathIn(lang), 'index.html')).href);
    const footer = page.getByRole('contentinfo');
    await expect(footer).toContainText(label);
    await expect(footer.getByRole('link', { name: contactEmail })).toHaveAttribute(
      'href',
      `mailto:${contactEmail}`,
    );
  }
});

test('a story awaiting translation is shown in Thai on the English site, marked as such', async ({
  page,
}) => {
  const build = editorsWeek();
  expect(build.ok, build.output).toBe(true);

  await page.goto(pathToFileURL(join(build.outDir, 'en', 'related', untranslated, 'index.html')).href);
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
  // Its link preview (title and description) is the Thai text, and names Thai as its locale.
  const ogLocale = page.locator('meta[property="og:locale"]');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /^นครเชียงใหม่/);
  await expect(ogLocale).toHaveAttribute('content', locales.th.og);
  // Inside it, the page's own English words are marked English again, and the Thai facts Thai,
  // so a screen reader speaks each in its language.
  const facts = article.locator('dl');
  await expect(facts).toHaveAttribute('lang', 'en');
  await expect(facts.getByRole('term').first()).toHaveText('Municipality');
  await expect(facts.getByRole('definition').first()).toHaveAttribute('lang', 'th');
  await expect(facts.getByRole('definition').first()).toHaveText('เทศบาลนครเชียงใหม่');
  await expect(article.getByRole('heading', { level: 2, name: 'Opening of the story' })).toHaveAttribute(
    'lang',
    'en',
  );
  await expect(article.getByText(/^The original page shows only the headline/)).toHaveAttribute('lang', 'en');
  // A news story the same way: its date and its label in English, inside the Thai story.
  await page.goto(pathToFileURL(join(build.outDir, 'en', 'news', untranslatedNews, 'index.html')).href);
  const story = page.getByRole('article');
  await expect(story).toHaveAttribute('lang', 'th');
  await expect(ogLocale).toHaveAttribute('content', locales.th.og);
  await expect(story.locator('dl')).toHaveAttribute('lang', 'en');
  await expect(story.getByRole('term').first()).toHaveText('Date and time');
  await expect(story.getByRole('definition').first()).toHaveText('12 January 2023, 9:00 a.m.');
  // Its gallery's heading is the page's word too; the photo's description stays the original's.
  const gallery = story.getByRole('region', { name: 'Photos' });
  await expect(gallery.getByRole('heading', { level: 2 })).toHaveAttribute('lang', 'en');
  await expect(gallery.getByRole('img', { name: galleryAlt })).toHaveCount(1);
  await expect(gallery.locator('[lang]')).toHaveCount(1);
  // Not a translation, so no hreflang pair is claimed, on either page or in the sitemap.
  await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(0);
  // In the news list, its card is marked Thai, and the date on it English.
  await page.goto(pathToFileURL(join(build.outDir, 'en', 'news', 'index.html')).href);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Story 12' }) });
  await expect(card).toHaveAttribute('lang', 'th');
  await expect(card.locator('time')).toHaveText('12 January 2023');
  await expect(card.locator('p', { has: page.locator('time') })).toHaveAttribute('lang', 'en');

  await page.goto(pathToFileURL(join(build.outDir, 'related', untranslated, 'index.html')).href);
  await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(0);
  // Each other language is offered, each under its name and marked as not yet translated.
  const switchLinks = page.getByRole('navigation', { name: 'เปลี่ยนภาษา' }).getByRole('link');
  await expect(switchLinks).toHaveText(
    otherLangs(defaultLang).map((l) => `${locales[l].label} ${t(l, 'lang.fallbackLink')}`),
  );
  await expect(switchLinks.and(page.locator('[hreflang="en"]'))).toHaveText('English (not yet translated)');

  const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
  const entry = new RegExp(`<url><loc>[^<]*/en/related/${untranslated}/</loc>.*?</url>`).exec(sitemap)?.[0];
  expect(entry).toBeTruthy();
  expect(entry).not.toContain('hreflang');
});
