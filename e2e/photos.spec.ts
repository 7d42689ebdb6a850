import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { startNginx } from '../src/tools/nginxServer.ts';
import { photoLike } from '../src/tools/photoLike.ts';
import { buildWith, edit, removeFixtureBuilds, type FixtureBuild } from './support/fixtureBuild.ts';
import { axeViolations } from './support/axe.ts';
import { freePort } from './support/site.ts';

/*
 * A story with a cover photo. The real content has none (the source gives none), so the
 * fixture generates a photo-like image (noise, not a flat colour, which would compress to
 * nothing) and gives the Thai launch story a cover; its English twin keeps none.
 */

test.describe.configure({ mode: 'default', timeout: 180_000 });
test.afterAll(removeFixtureBuilds);

const story = 'smart-gender-launch';
const altTh = 'เยาวชนร่วมกิจกรรมเปิดโครงการ SMART GENDER ที่พิพิธภัณฑ์ธนารักษ์';
const original = { width: 1600, height: 1200 };
const related = 'chiang-mai-ev-street-cleaner';
const galleryAlt = 'ผู้เข้าร่วมฟังการบรรยายในห้องประชุม';
const altRelated = 'The electric street cleaner on a Chiang Mai road';
const bodyAlt = 'Participants listening in the museum meeting room';
const bodyCaption = 'In the meeting room';

let build: FixtureBuild | undefined;
async function withCover(): Promise<FixtureBuild> {
  if (build) return build;
  const photo = await photoLike(7, original.width, original.height);
  const hall = await sharp(photo).resize(1000).jpeg({ quality: 80 }).toBuffer();
  build = buildWith((dir) => {
    mkdirSync(join(dir, 'media', 'launch'), { recursive: true });
    writeFileSync(join(dir, 'media', 'launch', 'cover.jpg'), photo);
    edit(
      join(dir, 'news', 'th', `${story}.md`),
      /^venue:/m,
      `cover:\n  src: ../../media/launch/cover.jpg\n  alt: ${altTh}\n  caption: วันเปิดโครงการ\ngallery:\n  - src: ../../media/launch/cover.jpg\n    alt: ${galleryAlt}\n    credit: เทศบาลนครขอนแก่น\nvenue:`,
    );
    // A smaller photo in the English story's body (which has no cover), on a line of its own,
    // named in Thai as a Thai editor's files often are.
    writeFileSync(join(dir, 'media', 'launch', 'ห้องประชุม.jpg'), hall);
    const en = join(dir, 'news', 'en', `${story}.md`);
    writeFileSync(
      en,
      `${readFileSync(en, 'utf8').trimEnd()}\n\n![${bodyAlt}](../../media/launch/ห้องประชุม.jpg "${bodyCaption}")\n`,
    );
    edit(
      join(dir, 'related', 'en', `${related}.md`),
      /^municipality:/m,
      `cover:\n  src: ../../media/launch/cover.jpg\n  alt: ${altRelated}\nmunicipality:`,
    );
  });
  expect(build.ok, build.output).toBe(true);
  return build;
}

const pageOf = (b: FixtureBuild, path: string) => readFileSync(join(b.outDir, path, 'index.html'), 'utf8');
/** The file a URL of the build names (a server decodes the address: a Thai name is percent-encoded in it). */
const builtFile = (b: FixtureBuild, url: string) =>
  join(b.outDir, decodeURIComponent(new URL(url, 'http://x').pathname));

/** Whether an `<img>`'s `src` is the widest file of its own `srcset`. */
function fallbackIsWidest(img: string): boolean {
  const src = /\ssrc="([^"]+)"/.exec(img)?.[1];
  const candidates = (/\ssrcset="([^"]+)"/.exec(img)?.[1] ?? '').split(',').map((c) => c.trim().split(' '));
  const widest = candidates.sort((a, b) => parseInt(b[1] ?? '0') - parseInt(a[1] ?? '0'))[0]?.[0];
  return src !== undefined && src === widest;
}

test('the cover is a picture in AVIF and WebP with a JPEG fallback, sized for each screen, fetched first', async () => {
  const b = await withCover();
  const html = pageOf(b, `news/${story}`);
  const picture = /<picture[^>]*>[\s\S]*?<\/picture>/.exec(html)?.[0] ?? '';
  expect(html).toContain('<picture');
  expect(picture, 'the Thai story shows its cover').not.toBe('');
  expect(picture).toMatch(/<source[^>]*type="image\/avif"/);
  expect(picture).toMatch(/<source[^>]*type="image\/webp"/);
  const img = /<img[^>]*>/.exec(picture)?.[0] ?? '';
  expect(img).toContain(`alt="${altTh}"`);
  expect(img).toMatch(/src="[^"]+\.jpg"/);
  expect(img).toContain('loading="eager"');
  expect(img).toContain('fetchpriority="high"');
  const width = Number(/\swidth="(\d+)"/.exec(img)?.[1]);
  const height = Number(/\sheight="(\d+)"/.exec(img)?.[1]);
  expect(width / height).toBeCloseTo(original.width / original.height, 2);
  // The fallback is the widest copy offered, not one more full-size file made only for it.
  expect(fallbackIsWidest(img), 'the JPEG fallback is the widest of its srcset').toBe(true);
  expect(width).toBe(1440);
  const avif = /<source[^>]*type="image\/avif"[^>]*>/.exec(picture)?.[0] ?? '';
  const srcset = /srcset="([^"]+)"/.exec(avif)?.[1] ?? '';
  expect(srcset.split(',').map((c) => c.trim().split(' ')[1])).toEqual(['360w', '720w', '1080w', '1440w']);
  expect(avif).toContain('sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)"');
  expect(picture, 'no inline style the CSP would block').not.toContain('style=');
  expect(html).toMatch(/<figcaption[^>]*>วันเปิดโครงการ<\/figcaption>/);
});

test('the story with a cover is previewed with its own photo; its twin without one keeps the site card', async () => {
  const b = await withCover();
  const meta = (html: string, property: string) =>
    new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1];
  const th = pageOf(b, `news/${story}`);
  const image = meta(th, 'og:image') ?? '';
  expect(image).toMatch(/^https?:\/\/[^/]+\/_astro\/.+\.jpg$/);
  expect(meta(th, 'og:image:alt')).toBe(altTh);
  expect(meta(th, 'og:image:type')).toBe('image/jpeg');
  const { width, height, format } = await sharp(builtFile(b, image)).metadata();
  expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: 'jpeg' });
  // A photo in the body does not replace the site card: only a cover, chosen for it, does.
  expect(meta(pageOf(b, `en/news/${story}`), 'og:image')).toMatch(/\/og\/en\.png$/);
});

test("the article's structured data lists the cover in 16:9, 4:3 and 1:1, each as large as the original allows", async () => {
  const b = await withCover();
  const html = pageOf(b, `news/${story}`);
  const article = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
    .map(([, json]) => JSON.parse(json ?? '{}') as { '@type': string; image?: string[] })
    .find((d) => d['@type'] === 'NewsArticle');
  const images = article?.image ?? [];
  expect(images).toHaveLength(3);
  const sizes = await Promise.all(
    images.map(async (url) => {
      expect(url).toMatch(/^https?:\/\//);
      const { width, height } = await sharp(builtFile(b, url)).metadata();
      return { width, height };
    }),
  );
  expect(sizes).toEqual([
    { width: 1600, height: 900 },
    { width: 1600, height: 1200 },
    { width: 1200, height: 1200 },
  ]);
});

test("a feed item carries its story's photo by absolute address", async () => {
  const b = await withCover();
  const feed = readFileSync(join(b.outDir, 'rss.xml'), 'utf8');
  const img = /<img src="(https?:\/\/[^"]+\.jpg)" alt="([^"]*)">/.exec(
    feed.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"'),
  );
  expect(img?.[2]).toBe(altTh);
  const { width, format } = await sharp(builtFile(b, img?.[1] ?? '')).metadata();
  expect({ width, format }).toEqual({ width: 1200, format: 'jpeg' });
  expect(
    readFileSync(join(b.outDir, 'en', 'rss.xml'), 'utf8').match(/&lt;img /g),
    'the English story has no cover, only its body photo',
  ).toHaveLength(1);
});

test('a related story shows its cover too, and is previewed with it', async () => {
  const b = await withCover();
  const html = pageOf(b, `en/related/${related}`);
  expect(html).toMatch(new RegExp(`<img[^>]*alt="${altRelated}"[^>]*>`));
  expect(/<meta property="og:image:alt" content="([^"]*)"/.exec(html)?.[1]).toBe(altRelated);
  expect(pageOf(b, `related/${related}`), 'its Thai twin has no cover').not.toContain('<picture');
});

test('on a phone (360 px, twice the pixels) the article with its cover stays within 45 KiB and passes axe', async ({
  browser,
}) => {
  const b = await withCover();
  const server = await startNginx(b.outDir, await freePort());
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const sizes: Promise<{ url: string; type: string | undefined; bytes: number }>[] = [];
    page.on('requestfinished', (request) =>
      sizes.push(
        request.sizes().then(async (s) => ({
          url: request.url(),
          type: (await request.response())?.headers()['content-type'],
          bytes: s.responseBodySize,
        })),
      ),
    );
    await page.goto(`${server.origin}/news/${story}/`, { waitUntil: 'networkidle' });
    const all = await Promise.all(sizes);
    // The photo, its alt text and caption keep the page within WCAG 2.2 AA.
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
    const total = all.reduce((n, f) => n + f.bytes, 0);
    const listed = all.map((f) => `${f.url} ${f.type ?? ''} ${(f.bytes / 1024).toFixed(1)} KiB`).join('\n');
    const photos = all.filter((f) => /^image\/(?!svg)/.test(f.type ?? ''));
    expect(
      photos.map((f) => f.type),
      listed,
    ).toEqual(['image/avif']);
    // A 328 px wide slot (360 px less the margins) at twice the pixels: the 720 px copy.
    const avif = /<source[^>]*type="image\/avif"[^>]*>/.exec(pageOf(b, `news/${story}`))?.[0] ?? '';
    const copy720 = /srcset="[^"]*?([^\s",]+) 720w/.exec(avif)?.[1];
    expect(new URL(photos[0]?.url ?? '').pathname, listed).toBe(copy720);
    expect(total, `${(total / 1024).toFixed(1)} KiB:\n${listed}`).toBeLessThanOrEqual(45 * 1024);
  } finally {
    await server.stop();
  }
});

test('a photo on its own line of the body gets the same figure, lazily, and the feed carries it', async () => {
  const b = await withCover();
  const html = pageOf(b, `en/news/${story}`);
  const body = /<div class="body"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  const figure = /<figure[\s\S]*?<\/figure>/.exec(body)?.[0] ?? '';
  expect(figure, 'the body shows its photo as a figure').not.toBe('');
  expect(figure).toMatch(/<source[^>]*type="image\/avif"/);
  expect(figure).toMatch(/<source[^>]*type="image\/webp"/);
  const avif = /<source[^>]*type="image\/avif"[^>]*>/.exec(figure)?.[0] ?? '';
  // A 1000 px original: the phone widths, then the original's own.
  expect(
    /srcset="([^"]+)"/
      .exec(avif)?.[1]
      ?.split(',')
      .map((c) => c.trim().split(' ')[1]),
  ).toEqual(['360w', '720w', '1000w']);
  const img = /<img[^>]*>/.exec(figure)?.[0] ?? '';
  expect(img).toContain(`alt="${bodyAlt}"`);
  expect(img).toContain('loading="lazy"');
  expect(img).toMatch(/width="1000" height="750"/);
  expect(figure).toMatch(new RegExp(`<figcaption[^>]*>${bodyCaption}</figcaption>`));
  expect(body, 'no plain <img> outside the picture').not.toMatch(/<p><img/);

  const feed = readFileSync(join(b.outDir, 'en', 'rss.xml'), 'utf8')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"');
  const inFeed = new RegExp(
    `<img src="(https?://[^"]+\\.jpg)" alt="${bodyAlt}"><figcaption>${bodyCaption}</figcaption>`,
  ).exec(feed);
  expect(inFeed, 'the feed item shows the body photo by absolute address').not.toBeNull();
  const { width, format } = await sharp(builtFile(b, inFeed?.[1] ?? '')).metadata();
  expect({ width, format }).toEqual({ width: 1000, format: 'jpeg' });
});

test('story cards show the cover small and lazily; cards without one show none', async () => {
  const b = await withCover();
  const list = pageOf(b, 'news');
  const picture = /<picture[^>]*>[\s\S]*?<\/picture>/.exec(list)?.[0] ?? '';
  const avif = /<source[^>]*type="image\/avif"[^>]*>/.exec(picture)?.[0] ?? '';
  expect(
    /srcset="([^"]+)"/
      .exec(avif)?.[1]
      ?.split(',')
      .map((c) => c.trim().split(' ')[1]),
  ).toEqual(['96w', '192w']);
  expect(avif).toContain('sizes="6rem"');
  const img = /<img[^>]*>/.exec(picture)?.[0] ?? '';
  expect(img).toContain('loading="lazy"');
  expect(img).toContain(`alt="${altTh}"`);
  expect(img).toMatch(/width="192" height="144"/);
  expect(fallbackIsWidest(img), 'the JPEG fallback is the larger thumbnail, not the full photo').toBe(true);
  expect(pageOf(b, 'en/news'), 'the English story has no cover (a body photo is no thumbnail)').not.toContain(
    '<picture',
  );
});

test('the gallery is a plain list of figures after the text, each photo lazy', async () => {
  const b = await withCover();
  const html = pageOf(b, `news/${story}`);
  const gallery = /<section class="gallery"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  expect(gallery).toMatch(/<h2[^>]*>ภาพกิจกรรม<\/h2>/);
  const figures = gallery.match(/<figure[\s\S]*?<\/figure>/g) ?? [];
  expect(figures).toHaveLength(1);
  const img = /<img[^>]*>/.exec(figures[0] ?? '')?.[0] ?? '';
  expect(img).toContain(`alt="${galleryAlt}"`);
  expect(img).toContain('loading="lazy"');
  expect(figures[0]).toMatch(/<figcaption[^>]*>เทศบาลนครขอนแก่น<\/figcaption>/);
  expect(html.indexOf('class="gallery"')).toBeGreaterThan(html.indexOf('class="body"'));
});
