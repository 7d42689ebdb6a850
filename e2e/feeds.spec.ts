import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { expect, test } from './support/readerPage.ts';
import { handlers } from '../src/scripts/handlers.ts';
import { buildWith, removeFixtureBuilds, type FixtureBuild } from './support/fixtureBuild.ts';
import { absoluteUrlOf, at, langOfPath, pathIn, siteFile, sitePath, urlIs } from './support/site.ts';
import { langs, locales } from '../src/i18n/locales.ts';

/* Feed readers, search engines and crawlers understand the site in both languages, and
 * nothing an editor writes can put script into a page or a feed. */

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const read = (file: string) => readFileSync(siteFile(file), 'utf8');
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
interface SitemapIndex {
  sitemapindex: { sitemap?: { loc: string } | { loc: string }[] };
}
interface SitemapUrl {
  loc: string;
  lastmod?: string;
  'xhtml:link'?: { '@hreflang': string; '@href': string } | { '@hreflang': string; '@href': string }[];
}
interface UrlSet {
  urlset: { url?: SitemapUrl | SitemapUrl[] };
}
const sitemapUrls = (): SitemapUrl[] => {
  const index = xml.parse(read('sitemap-index.xml')) as SitemapIndex;
  return list(index.sitemapindex.sitemap).flatMap((s) =>
    list((xml.parse(read(sitePath(s.loc))) as UrlSet).urlset.url),
  );
};

/** An RSS item: its child elements by name (title, link, pubDate, content:encoded…). */
type RssItem = Record<string, string>;
interface RssDocument {
  rss: {
    '@version': string;
    channel: {
      language: string;
      link: string;
      'atom:link': { '@href': string };
      item?: RssItem | RssItem[];
    };
  };
}

const feeds = (
  [
    { lang: 'th', title: 'ขอนแก่น “SMART GENDER” ทุกเพศเท่าเทียม', body: 'พิพิธภัณฑ์ธนารักษ์' },
    { lang: 'en', title: 'Khon Kaen “SMART GENDER”: every gender equal', body: 'Treasury Museum' },
  ] as const
).map((feed) => ({ ...feed, file: pathIn(feed.lang, 'rss.xml'), prefix: pathIn(feed.lang) }));

test.describe('RSS feeds', { tag: '@base' }, () => {
  for (const feed of feeds) {
    test(`${feed.file} is RSS 2.0 in ${feed.lang} with the full article`, () => {
      const { rss } = xml.parse(read(feed.file)) as RssDocument;
      expect(rss['@version']).toBe('2.0');
      const channel = rss.channel;
      expect(channel.language).toBe(locales[feed.lang].lang);
      expect(new URL(channel.link).pathname).toBe(at(feed.prefix));
      expect(channel['atom:link']['@href']).toMatch(absoluteUrlOf(feed.file));
      const items = list(channel.item);
      const launch = items.find((i) => i.title === feed.title)!;
      expect(launch, 'the launch story is in the feed').toBeTruthy();
      expect(launch.link).toMatch(absoluteUrlOf(`${feed.prefix}news/smart-gender-launch/`));
      // Its source gives the event's date, not the story's publication (e2e/editorial.spec.ts
      // checks a story whose publication date is known).
      expect(launch.pubDate).toBeUndefined();
      expect(launch['content:encoded']).toContain(feed.body);
      expect(launch['content:encoded']).not.toMatch(/<script|javascript:/i);
      // Every link in the content is absolute: a feed is read away from the site.
      for (const [, href] of launch['content:encoded']!.matchAll(/(?:href|src)="([^"]*)"/g)) {
        expect(href).toMatch(/^(https?:|mailto:)/);
      }
    });
  }

  test('every page announces the feed of its own language', async ({ readerPage: page }) => {
    const paths = sitemapUrls().map(({ loc }) => sitePath(loc));
    expect(paths.length).toBeGreaterThan(10);
    // Each page's head as the browser parses it, read in the page by fetch and DOMParser:
    // the same head a visit would give, without rendering every page.
    await page.goto(at('/'));
    const feeds = await page.evaluate(
      (urls) =>
        Promise.all(
          urls.map(async (url) => {
            const html = await (await fetch(url)).text();
            const head = new DOMParser().parseFromString(html, 'text/html').head;
            return [...head.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')].map(
              (link) => link.getAttribute('href') ?? '',
            );
          }),
        ),
      paths.map((path) => at(path)),
    );
    for (const [i, path] of paths.entries()) {
      expect(feeds[i], path).toHaveLength(1);
      const href = new URL(feeds[i]![0]!);
      expect(href.pathname, path).toBe(at(pathIn(langOfPath(path), 'rss.xml')));
    }
    for (const feed of new Set(feeds.flat().map((href) => new URL(href).pathname))) {
      const response = await page.request.get(feed);
      expect(response.status(), feed).toBe(200);
    }
  });
});

test.describe('sitemaps and robots.txt', { tag: '@base' }, () => {
  test('robots.txt points at the sitemap index', () => {
    const line = read('robots.txt')
      .split('\n')
      .find((l) => l.startsWith('Sitemap: '))!;
    expect(new URL(line.slice('Sitemap: '.length)).pathname).toBe(at('/sitemap-index.xml'));
  });

  test('the sitemap lists pages only, each translated page with its alternates and x-default', () => {
    const urls = sitemapUrls();
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      const path = sitePath(url.loc);
      expect(path, 'only pages are listed').toMatch(/\/$/);
      const links = list(url['xhtml:link']);
      expect(links.map((l) => l['@hreflang']).sort(), path).toEqual(
        [...langs.map((l) => locales[l].lang), 'x-default'].sort(),
      );
      const own = links.find((l) => l['@hreflang'] === locales[langOfPath(path)].lang)!;
      expect(own['@href']).toBe(url.loc);
    }
  });

  test('a page carries no date its content is not known to have changed on', () => {
    // The launch story's source gives its event's date, not its publication's (a story whose
    // publication date is known has it: e2e/editorial.spec.ts); lists have none.
    const urls = sitemapUrls();
    const article = urls.find((u) => u.loc.endsWith('/en/news/smart-gender-launch/'));
    expect(article).toBeTruthy();
    expect(urls.filter((u) => u.lastmod !== undefined)).toEqual([]);
  });
});

test.describe('site map page', { tag: '@base' }, () => {
  for (const { lang, heading } of [
    { lang: 'th', heading: 'แผนผังเว็บไซต์' },
    { lang: 'en', heading: 'Site map' },
  ] as const) {
    const path = pathIn(lang, 'sitemap/');
    test(`${path} links every page of the ${lang} site`, async ({ readerPage: page }) => {
      await page.goto(at(path));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      const linked = new Set(
        await page
          .getByRole('main')
          .locator('a')
          .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname)),
      );
      const ofLang = sitemapUrls()
        .map((u) => new URL(u.loc).pathname)
        .filter((p) => langOfPath(sitePath(p)) === lang && p !== at(path));
      expect(ofLang.filter((p) => !linked.has(p))).toEqual([]);
      // Reached from the footer of every page.
      await page.goto(at(pathIn(lang, 'news/smart-gender-launch/')));
      await page.getByRole('contentinfo').getByRole('link', { name: heading }).click();
      await expect(page).toHaveURL(urlIs(path));
    });
  }
});

/** A link to a page of the site, as an editor writes it: the page's path on the site. */
const siteLinks: Record<string, { text: string; path: string }> = {
  th: { text: 'อ่านเกี่ยวกับโครงการ', path: '/programme/' },
  en: { text: 'About the programme', path: '/en/programme/' },
};
const hostileBase = '/smart-gender/';

const hostile = [
  'ข้อความ <script>alert("body")</script> ต่อ',
  '',
  '<img src="x" onerror="alert(\'img\')">',
  '',
  '[คลิก](javascript:alert("link")) <a href="#" onclick="alert(\'a\')">a</a>',
  '',
  '<iframe src="https://evil.example/"></iframe>',
].join('\n');

/** A body given to a related story, which the real one lacks (the source shows its opening only). */
const relatedBody = 'เนื้อหาเต็มของข่าวนี้ที่บรรณาธิการเพิ่มเข้ามา';

/**
 * The real content with hostile Markdown in the launch story and a related story's summary
 * (and a body of its own), and a link to a page of the site in the story, built for a folder
 * of its host.
 */
let hostileBuild: FixtureBuild | undefined;
function editorsMarkdown(): FixtureBuild {
  hostileBuild ??= buildWith(
    (dir) => {
      for (const lang of langs) {
        const file = join(dir, 'news', lang, 'smart-gender-launch.md');
        const link = siteLinks[lang];
        appendFileSync(file, `\n${hostile}\n${link ? `\n[${link.text}](${link.path})\n` : ''}`);
        const related = join(dir, 'related', lang, 'chiang-mai-ev-street-cleaner.md');
        const text = readFileSync(related, 'utf8');
        writeFileSync(
          related,
          `${text.replace(
            /^summary: .*$/m,
            'summary: "*สรุป* <script>alert(1)</script> [x](javascript:alert(2))"',
          )}\n${relatedBody}\n`,
        );
      }
    },
    { BASE_PATH: hostileBase },
    { pagesOnly: true },
  );
  return hostileBuild;
}

test.describe('hostile Markdown', () => {
  // One worker runs these in order, so they share one fixture build.
  test.describe.configure({ mode: 'default' });
  test.afterAll(removeFixtureBuilds);
  test.setTimeout(120_000);

  test('raw HTML, event handlers and javascript: links never reach a page or a feed', async ({ page }) => {
    const build = editorsMarkdown();
    expect(build.ok, build.output).toBe(true);

    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // Look at every built page as a browser parses it: no script, handler, frame or
    // javascript: link of the editor's may exist, whatever text shows.
    const pages = readdirSync(build.outDir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.html'));
    for (const file of pages) {
      await page.goto(pathToFileURL(join(build.outDir, file)).href);
      const found = await page.evaluate(
        (ours) => [
          ...[...document.scripts].filter((s) => s.textContent.includes('alert')).map((s) => s.outerHTML),
          ...[...document.querySelectorAll('iframe, [href^="javascript:" i], [src^="javascript:" i]')].map(
            (e) => e.outerHTML,
          ),
          // Event handlers other than the site's own (src/scripts/handlers.ts).
          ...[...document.querySelectorAll('*')]
            .filter((e) => [...e.attributes].some((a) => a.name.startsWith('on') && !ours.includes(a.value)))
            .map((e) => e.outerHTML),
        ],
        handlers,
      );
      expect(found, file).toEqual([]);
    }
    const executable = /<script>alert|<iframe|<[a-z][^>]*\son(error|click)=|href="javascript:/i;
    for (const file of langs.map((lang) => pathIn(lang, 'rss.xml'))) {
      // The feed's HTML, once the XML is decoded, is what a feed reader would render.
      const items = list(
        (xml.parse(readFileSync(join(build.outDir, file), 'utf8')) as RssDocument).rss.channel.item,
      );
      for (const item of items) expect(item['content:encoded'], file).not.toMatch(executable);
      expect(
        items.some((i) => i['content:encoded']!.includes('&lt;script&gt;')),
        'shown as text',
      ).toBe(true);
    }

    for (const path of langs.map((lang) => pathIn(lang, 'news/smart-gender-launch/'))) {
      await page.goto(pathToFileURL(join(build.outDir, path, 'index.html')).href);
      // The editor's raw HTML shows as text, so the mistake is visible rather than silent.
      await expect(page.getByRole('article')).toContainText('ข้อความ <script>alert("body")</script> ต่อ');
    }
    await page.goto(
      pathToFileURL(join(build.outDir, 'related/chiang-mai-ev-street-cleaner/index.html')).href,
    );
    await expect(page.getByRole('article').locator('blockquote em')).toHaveText('สรุป');
    // Its body, read from its file, in place of the note that only the opening is known.
    await expect(page.getByRole('article')).toContainText(relatedBody);
    await expect(page.getByRole('article')).not.toContainText('หน้าต้นฉบับแสดงเพียง');
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  // An editor links to a page by its path on the site, which `npm run check` resolves; a site
  // served from a folder of its host must still lead there.
  test('an editor’s link to a page of the site leads there from a folder of the host, on the page and in the feed', async ({
    page,
  }) => {
    const build = editorsMarkdown();
    expect(build.ok, build.output).toBe(true);
    for (const lang of langs) {
      const link = siteLinks[lang];
      if (!link) continue;
      await page.goto(
        pathToFileURL(join(build.outDir, pathIn(lang, 'news/smart-gender-launch/'), 'index.html')).href,
      );
      await expect(page.getByRole('article').getByRole('link', { name: link.text })).toHaveAttribute(
        'href',
        `${hostileBase}${link.path.slice(1)}`,
      );
      const feed = pathIn(lang, 'rss.xml');
      const items = list(
        (xml.parse(readFileSync(join(build.outDir, feed), 'utf8')) as RssDocument).rss.channel.item,
      );
      const launch = items.find((i) => i['content:encoded']?.includes(link.text));
      expect(launch?.['content:encoded'], feed).toMatch(
        new RegExp(`href="https?://[^"/]+${hostileBase}${link.path.slice(1)}"`),
      );
    }
  });
});
