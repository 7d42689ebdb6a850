import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cmsCsp, csp } from '../src/config/headers.ts';
import { localServer } from '../src/config/cms.ts';
import { buildSteps } from '../src/tools/buildSteps.ts';
import { photoLike } from '../src/tools/photoLike.ts';
import { startNginx, type RunningServer } from '../src/tools/nginxServer.ts';
import { startWrangler } from '../src/tools/wranglerServer.ts';
import { lockBuilds } from '../src/tools/buildLock.ts';
import { buildWith, removeFixtureBuilds, scratchOutDir } from './support/fixtureBuild.ts';
import { freePort } from './support/site.ts';

/*
 * The browser editor at /admin/ (Decap CMS), as an editor meets it: the site built with
 * CMS_BACKEND=local and served by nginx with the repository's file, decap-server writing real
 * files into a copy of the content, and a browser in New York, not Bangkok. What the form
 * saves must pass `npm run check` and build into a pair of pages.
 */

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let work = '';
/** The site built with the editor, and nginx serving it. */
let siteDir = '';
let server: RunningServer | undefined;
let decap: ChildProcess | undefined;

/** Resolves once something listens on `port` at localhost. */
async function listening(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        done(true);
      }).on('error', () => {
        done(false);
      });
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on ${String(port)}`);
}

test.beforeAll(async ({ browser }) => {
  // A build, two servers and Decap's start: more than a hook's default 30 s on a busy machine.
  test.setTimeout(180_000);
  work = mkdtempSync(join(tmpdir(), 'smart-gender-cms-'));
  cpSync('content', join(work, 'content'), { recursive: true });
  const site = buildWith(() => undefined, { CMS_BACKEND: 'local' }, { pagesOnly: true });
  expect(site.ok, site.output).toBe(true);
  siteDir = site.outDir;
  server = await startNginx(siteDir, await freePort());
  // decap-server: the editor's local backend, reading and writing the copy.
  decap = spawn('node_modules/.bin/decap-server', [], {
    env: { ...process.env, GIT_REPO_DIRECTORY: work, PORT: new URL(localServer).port, LOG_LEVEL: 'error' },
    stdio: 'ignore',
    detached: true,
  });
  await listening(Number(new URL(localServer).port));
  const context = await browser.newContext({
    timezoneId: 'America/New_York',
    viewport: { width: 1400, height: 1000 },
  });
  // On a retry Playwright traces this context too (it comes from the `browser` fixture).
  editor = await signIn(await context.newPage());
});

test.afterAll(async () => {
  await editor?.page.context().close();
  if (decap?.pid) process.kill(-decap.pid, 'SIGTERM');
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
  removeFixtureBuilds();
});

/**
 * The editor's page, in New York, signed in once for the tests below: starting Decap costs
 * more than any of them, so they share it (they run in order). It records every request to
 * another site and every CSP violation.
 */
let editor: { page: Page; elsewhere: string[] } | undefined;

async function signIn(page: Page) {
  page.setDefaultTimeout(30_000);
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/^https?:$/.test(url.protocol) && url.origin !== server?.origin && url.origin !== localServer)
      elsewhere.push(request.url());
  });
  // Leaving a form that was not saved asks first, and the editor says yes: Decap asks with
  // window.confirm when the address changes inside the editor (which Chromium 156 closes, as
  // declined, before a handler of the dialog can answer it: the form then stays, with the
  // last test's text), and through the page's unload when the page is left.
  page.on('dialog', (dialog) => {
    dialog.accept().catch(() => undefined);
  });
  await page.addInitScript(() => {
    window.confirm = () => true;
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${server?.origin ?? ''}/admin/`);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL(/#\/collections\//, { timeout: 60_000 });
  return { page, elsewhere };
}

/** A new, empty story in the signed-in editor. */
async function newStory(): Promise<Page> {
  if (!editor) throw new Error('the editor was not signed in (beforeAll)');
  const { page } = editor;
  // Through the list, so the editor drops what an earlier test left in its form.
  await page.goto(`${server?.origin ?? ''}/admin/#/collections/news`);
  await page.waitForURL(/#\/collections\/news$/);
  // The button the editing guides name.
  await page.getByText('＋ ข่าว · News', { exact: true }).click();
  await page.getByRole('button', { name: /กำลังเขียนด้วยภาษา TH/ }).waitFor();
  return page;
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** The side-by-side form: Thai on the left, English on the right, each field named in both. */
const pane = (page: Page, side: 0 | 1) => (label: string) =>
  page.getByLabel(label, { exact: true }).nth(side);

async function publish(page: Page) {
  await page.getByRole('button', { name: 'เผยแพร่', exact: true }).click();
  await page.getByText('เผยแพร่ตอนนี้', { exact: true }).click();
}

const newsFile = (lang: string, slug: string) => join(work, 'content', 'news', lang, `${slug}.md`);
/** Whether a file is there whole: decap-server writes a story's files one after the other. */
const whole = (file: string, end: string) =>
  existsSync(file) && readFileSync(file, 'utf8').trimEnd().endsWith(end);
const slug = 'city-opens-a-new-community-hall';
const relatedTh = 'นครเชียงใหม่ เปิดตัว! รถฉีดน้ำทำความสะอาด EV';

/** The form's fields, each labelled in Thai and English. */
const label = {
  title: 'หัวข้อ · Headline',
  description: 'สรุปสั้น ๆ · Summary for lists and previews',
  date: 'วันเวลาที่จัดงาน (เวลาประเทศไทย) · Date and time of the event (Thailand time)',
  venue: 'สถานที่ · Venue (ทางเลือก)',
} as const;

/** Gives the story its file name, in Latin letters. */
const nameFile = (page: Page, name: string) =>
  page
    .getByLabel(/^ชื่อไฟล์ \(อักษรอังกฤษ\)/)
    .first()
    .fill(name);

/** Types `text` as one side's story text: 0 the Thai side, 1 the English one. */
async function typeText(page: Page, side: 0 | 1, text: string) {
  await page.locator('[data-slate-editor="true"]').nth(side).click();
  await page.keyboard.type(text);
}

/** That a refused save wrote neither language's file of `story`. */
async function expectNothingWritten(page: Page, story: string) {
  await page.waitForTimeout(1000);
  for (const lang of ['th', 'en']) expect(existsSync(newsFile(lang, story)), lang).toBe(false);
}

/** Waits until both files of `story` are there whole, each down to its last line. */
async function expectBothWritten(story: string, thEnd: string, enEnd: string) {
  await expect
    .poll(() => whole(newsFile('th', story), thEnd) && whole(newsFile('en', story), enEnd), {
      timeout: 30_000,
    })
    .toBe(true);
}

/** That `npm run check` passes on the content the editor wrote. */
function expectCheckPasses() {
  const check = spawnSync('node', ['src/tools/check.ts'], {
    env: { ...process.env, CONTENT_DIR: join(work, 'content') },
    encoding: 'utf8',
  });
  expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
}

test('a required field left empty cannot be saved', async () => {
  const page = await newStory();
  const before = readdirSync(join(work, 'content', 'news', 'th')).sort();
  const th = pane(page, 0);
  await th(label.description).fill('ข่าวที่ยังไม่มีหัวข้อ เขียนไว้เพื่อทดสอบว่าบันทึกไม่ได้');
  await th(label.date).fill('2026-12-03T10:00');
  await pane(page, 1)(label.title).fill('A story without a Thai headline');
  await publish(page);
  await expect(page.locator('[class*="ControlErrorsList"]').first()).toBeVisible();
  await page.waitForTimeout(1000);
  expect(readdirSync(join(work, 'content', 'news', 'th')).sort(), 'no file written').toEqual(before);
});

test('a date written with a Buddhist Era year is refused in the form, which asks for the Christian Era one', async () => {
  const page = await newStory();
  const before = readdirSync(join(work, 'content', 'news', 'th')).sort();
  const [th, en] = [pane(page, 0), pane(page, 1)];
  await th(label.title).fill('ข่าวที่ลงปีเป็นพุทธศักราช');
  await th(label.description).fill('ข่าวที่ลงปีเป็นพุทธศักราช ซึ่งจะรอเผยแพร่ไปอีก 543 ปี');
  // 3 December 2567 as Thais count the years: a valid date, 543 years ahead.
  await th(label.date).fill('2567-12-03T10:00');
  await en(label.title).fill('A story dated in the Buddhist Era');
  await en(label.description).fill('A story dated in the Buddhist Era, which would wait 543 years.');
  await publish(page);
  await expect(page.getByText('a Christian Era year, like 2024, not 2567').first()).toBeVisible();
  await page.waitForTimeout(1000);
  expect(readdirSync(join(work, 'content', 'news', 'th')).sort(), 'no file written').toEqual(before);
});

test('a story whose English side is left empty is refused with the fields to fill, and saved once they are', async () => {
  const page = await newStory();
  const [th, en] = [pane(page, 0), pane(page, 1)];
  const story = 'story-in-two-steps';
  await th(label.title).fill('ข่าวที่เขียนภาษาไทยก่อน');
  await th(label.description).fill('ข่าวที่เขียนเป็นภาษาไทยก่อน แล้วจึงเขียนคำแปลภาษาอังกฤษ');
  await th(label.date).fill('2026-12-03T10:00');
  await nameFile(page, story);
  await typeText(page, 0, 'เนื้อข่าวภาษาไทย');
  await publish(page);
  // Decap checks the Thai side only; an English file without a headline would stop the build.
  await expect(
    page.getByText(/Not filled in or not as required: EN: Headline, Summary for lists and previews, Text\./),
  ).toBeVisible();
  await expectNothingWritten(page, story);

  // Nothing typed was lost: the English side filled in, the same form saves both.
  await en(label.title).fill('A story written in Thai first');
  await en(label.description).fill('A story written in Thai first, then translated into English.');
  await typeText(page, 1, 'The story in English.');
  await publish(page);
  await expectBothWritten(story, 'เนื้อข่าวภาษาไทย', 'The story in English.');
  expectCheckPasses();
});

test('a headline of spaces alone is refused, and a stray space in an optional field is left out of the file', async () => {
  const page = await newStory();
  const [th, en] = [pane(page, 0), pane(page, 1)];
  const story = 'story-with-stray-spaces';
  // Decap takes spaces alone for a written headline; the schema, which trims text, does not.
  await th(label.title).fill('   ');
  await th(label.description).fill('ข่าวที่หัวข้อมีแต่ช่องว่าง และช่องสถานที่มีช่องว่างหนึ่งช่อง');
  await th(label.date).fill('2026-12-03T10:00');
  await th(label.venue).fill(' ');
  await nameFile(page, story);
  await typeText(page, 0, 'เนื้อข่าวภาษาไทย');
  await en(label.title).fill('A story with stray spaces');
  await en(label.description).fill(
    'A story whose Thai headline was spaces alone, with a space in its venue.',
  );
  await typeText(page, 1, 'The story in English.');
  await publish(page);
  await expect(page.getByText(/Not filled in or not as required: TH: Headline\./)).toBeVisible();
  await expectNothingWritten(page, story);

  await th(label.title).fill('ข่าวที่เคยมีช่องว่างเกิน');
  await publish(page);
  await expectBothWritten(story, 'เนื้อข่าวภาษาไทย', 'The story in English.');
  expect(readFileSync(newsFile('th', story), 'utf8')).not.toContain('venue');
  expectCheckPasses();
});

test('an editor writes a story in Thai and English at /admin/; the files pass the check and build into a pair of pages', async () => {
  const page = await newStory();
  const th = pane(page, 0);
  const en = pane(page, 1);
  await th(label.title).fill('เทศบาลเปิดศาลาประชาคมแห่งใหม่');
  await th(label.description).fill('เทศบาลนครขอนแก่นเปิดศาลาประชาคมแห่งใหม่ให้ประชาชนใช้งานได้ตั้งแต่วันนี้');
  // Nine in the morning as typed, in Bangkok, although this browser is in New York.
  await th(label.date).fill('2026-12-02T09:00');
  await th(label.venue).fill('ศาลาว่าการเทศบาลนครขอนแก่น');
  const related = th('เรื่องราวที่เกี่ยวข้อง · Related stories (ทางเลือก)');
  await related.click();
  await related.pressSequentially('เชียงใหม่');
  await page.getByRole('option', { name: relatedTh }).click();
  // A cover photo, uploaded through the form's media library into content/media/.
  const photo = join(work, 'community-hall.jpg');
  writeFileSync(photo, await photoLike(3));
  await page.getByRole('button', { name: 'เลือกรูปภาพ', exact: true }).first().click();
  await page.locator('input[type=file]').setInputFiles(photo);
  await page.getByRole('button', { name: 'เลือกข้อมูลที่ถูกเลือก' }).click();
  const alt = 'คำบรรยายรูป (สิ่งที่เห็นในรูป) · Alt text (what the photo shows) (ทางเลือก)';
  await typeText(page, 0, 'เนื้อข่าวภาษาไทย');

  await en(label.title).fill('City opens a new community hall');
  await en(label.description).fill(
    'Khon Kaen City Municipality opened a new community hall for residents today.',
  );
  await en(label.venue).fill('Khon Kaen City Hall');
  await en(alt).fill('Residents in the new community hall');
  await typeText(page, 1, 'The story in English.');
  // The form marks a photo's alt text optional (there may be no photo); the build would stop
  // at a cover without it. The save is refused, naming it, and nothing is written.
  await publish(page);
  await expect(
    page.getByText(/Not filled in or not as required: TH: Cover photo › Alt text \(what the photo shows\)\./),
  ).toBeVisible();
  await expectNothingWritten(page, slug);
  await th(alt).fill('ประชาชนในศาลาประชาคมแห่งใหม่');
  await publish(page);

  // The file name comes from the English headline; both languages are written, and the photo
  // once for both. decap-server writes the three one after the other, and not at once: wait
  // until each is there whole (the photo as uploaded, each story down to its last line).
  const savedPhoto = join(work, 'content', 'media', 'community-hall.jpg');
  await expect
    .poll(
      () =>
        whole(newsFile('th', slug), 'เนื้อข่าวภาษาไทย') &&
        whole(newsFile('en', slug), 'The story in English.') &&
        existsSync(savedPhoto) &&
        statSync(savedPhoto).size === statSync(photo).size,
      { timeout: 30_000 },
    )
    .toBe(true);
  const thText = readFileSync(newsFile('th', slug), 'utf8');
  const enText = readFileSync(newsFile('en', slug), 'utf8');
  for (const text of [thText, enText]) {
    expect(text).toContain('date: "2026-12-02T09:00:00+07:00"\n');
    expect(text).toContain('related:\n  - chiang-mai-ev-street-cleaner\n');
    expect(text, 'no empty fields, no file name').not.toMatch(/null|fileName|draft/);
  }
  expect(thText).toContain('title: เทศบาลเปิดศาลาประชาคมแห่งใหม่\n');
  // The photo, named from the story, with alt text in each language.
  expect(thText).toContain(
    'cover:\n  src: ../../media/community-hall.jpg\n  alt: ประชาชนในศาลาประชาคมแห่งใหม่\n',
  );
  expect(enText).toContain(
    'cover:\n  src: ../../media/community-hall.jpg\n  alt: Residents in the new community hall\n',
  );
  expect(thText).toMatch(/---\n\nเนื้อข่าวภาษาไทย\n$/);
  expect(enText).toContain('title: City opens a new community hall\n');

  expectCheckPasses();
  const env = { ...process.env, CONTENT_DIR: join(work, 'content') };

  const out = scratchOutDir();
  const unlock = lockBuilds();
  try {
    // The pages alone: the search index and compressed copies are not what this checks.
    for (const [command, args] of buildSteps(out).slice(0, 1)) {
      const step = spawnSync(command, args, {
        env: { ...env, ASTRO_CACHE_DIR: join(work, 'cache') },
        encoding: 'utf8',
      });
      expect(step.status, `${step.stdout}${step.stderr}`).toBe(0);
    }
  } finally {
    unlock();
  }
  const pageTh = readFileSync(join(out, 'news', slug, 'index.html'), 'utf8');
  const pageEn = readFileSync(join(out, 'en', 'news', slug, 'index.html'), 'utf8');
  expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(pageTh)?.[1]).toBe('เทศบาลเปิดศาลาประชาคมแห่งใหม่');
  expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(pageEn)?.[1]).toBe('City opens a new community hall');
  expect(pageEn).toMatch(/<picture[^>]*>[\s\S]*?alt="Residents in the new community hall"/);
  expect(pageTh).toMatch(new RegExp(`<link rel="alternate" hreflang="en" href="[^"]*/en/news/${slug}/"`));
  expect(pageEn).toMatch(new RegExp(`<link rel="alternate" hreflang="th" href="[^"]*/news/${slug}/"`));

  expect(editor?.elsewhere, 'requests to other sites').toEqual([]);
  expect(await violations(page), 'CSP violations').toEqual([]);
});

test('an existing story edited at /admin/ keeps what the form does not show: the time its translation was found still matching', async () => {
  if (!editor) throw new Error('the editor was not signed in (beforeAll)');
  const { page } = editor;
  const story = 'smart-gender-launch';
  const checked = 'translationChecked: "2024-03-01T10:00:00+07:00"\n';
  const enFile = newsFile('en', story);
  writeFileSync(enFile, readFileSync(enFile, 'utf8').replace(/^---\n/, `---\n${checked}`));
  await page.goto(`${server?.origin ?? ''}/admin/#/collections/news`);
  await page.waitForURL(/#\/collections\/news$/);
  await page.goto(`${server?.origin ?? ''}/admin/#/collections/news/entries/${story}`);
  const th = pane(page, 0);
  const en = pane(page, 1);
  await expect(en(label.venue)).toHaveValue('Treasury Museum, Khon Kaen Province');
  // Both sides changed, so both files are written anew.
  await th(label.venue).fill('พิพิธภัณฑ์ธนารักษ์ จังหวัดขอนแก่น ห้องประชุมชั้น 1');
  await en(label.venue).fill('Treasury Museum, Khon Kaen Province, first-floor hall');
  await publish(page);
  await expect
    .poll(
      () =>
        readFileSync(enFile, 'utf8').includes('venue: Treasury Museum, Khon Kaen Province, first-floor hall'),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  const thFile = newsFile('th', story);
  await expect
    .poll(
      () => whole(thFile, 'สร้างสังคมแห่งความสุข”') && readFileSync(thFile, 'utf8').includes('ห้องประชุมชั้น 1'),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  expect(readFileSync(enFile, 'utf8')).toContain(checked);
  expect(readFileSync(thFile, 'utf8')).not.toContain('translationChecked');
  expectCheckPasses();
});

test('/admin/ has its own policy, is kept out of search engines, and every public page keeps the site policy, on nginx and on Cloudflare Pages', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const pages = await startWrangler(siteDir, await freePort());
  try {
    for (const [host, origin] of [
      ['nginx', server?.origin ?? ''],
      ['wrangler pages dev', pages.origin],
    ] as const) {
      const admin = await request.get(`${origin}/admin/`);
      expect(admin.headers()['content-security-policy'], host).toBe(cmsCsp([localServer]));
      expect(admin.headers()['x-robots-tag'], host).toBe('noindex');
      expect(await admin.text(), host).toContain('<meta name="robots" content="noindex">');
      for (const path of ['/', '/news/smart-gender-launch/', '/en/search/']) {
        const policy = (await request.get(`${origin}${path}`)).headers()['content-security-policy'];
        expect(policy, `${host} ${path}`).toBe(csp);
      }
      const sitemap = await request.get(`${origin}/sitemap-0.xml`);
      expect(await sitemap.text(), host).not.toContain('/admin/');
    }
  } finally {
    await pages.stop();
  }
});
