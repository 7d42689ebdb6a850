import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/readerPage.ts';
import { at, langOfPath, pathIn, siteFile, sitemapPaths } from './support/site.ts';
import { t } from '../src/i18n/dictionaries.ts';
import { langs, locales, otherLangs } from '../src/i18n/locales.ts';

/* Search engines, link previews on LINE and Facebook, and calendar apps understand every
 * page in both languages, from facts in the content only. */

const pages = sitemapPaths();
/** The site's language tags, and the municipality's and its region's names in each language. */
const langTags = langs.map((l) => locales[l].lang);
const municipalityNames = langs.map((l) => t(l, 'site.organization'));
const regionNames = langs.map((l) => t(l, 'site.region'));
const launchStart = '2024-02-23T09:00:00+07:00';
const absolute = /^https?:\/\/[^/]+\//;
const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;

/** A JSON-LD node, with the properties these tests read; any of them may be missing until checked. */
interface Item {
  '@context'?: string;
  '@type'?: string;
  name?: string;
  // NewsArticle
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  author?: Item;
  publisher?: Item;
  image?: string | string[];
  inLanguage?: string;
  mainEntityOfPage?: string;
  // Event
  startDate?: string;
  location?: {
    '@type'?: string;
    name?: string;
    address?: { '@type'?: string; addressCountry?: string; addressRegion?: string };
  };
  organizer?: Item;
  eventStatus?: string;
  eventAttendanceMode?: string;
  url?: string;
  // BreadcrumbList, and each ListItem in it
  itemListElement?: Item[];
  position?: number;
  item?: string;
}

/** The municipality, wherever it appears: its names, and nothing the source does not give. */
function expectMunicipality(org: Item | undefined, where: string) {
  expect(org?.['@type'], where).toBe('GovernmentOrganization');
  expect(municipalityNames, where).toContain(org!.name);
  for (const key of Object.keys(org!)) {
    expect(['@context', '@type', 'name', 'alternateName', 'email'], `${where}: ${key}`).toContain(key);
  }
}

/** What each schema.org type needs for search engines to use it. */
function expectRequired(item: Item, path: string) {
  const where = `${path}: ${String(item['@type'])}`;
  expect(item['@context'], where).toBe('https://schema.org');
  switch (item['@type']) {
    case 'NewsArticle':
      expect(item.headline, where).toBeTruthy();
      // Only a known publication date is given (e2e/editorial.spec.ts); the launch story has none.
      if (item.datePublished !== undefined) {
        expect(item.datePublished, where).toMatch(withOffset);
        expect(item.dateModified, where).toMatch(withOffset);
      } else expect(item.dateModified, where).toBeUndefined();
      // Written by the publication the story names, else by the municipality; published by it.
      if (item.author?.['@type'] === 'NewsMediaOrganization') expect(item.author.name, where).toBeTruthy();
      else expectMunicipality(item.author, `${where} author`);
      expectMunicipality(item.publisher, `${where} publisher`);
      expect([item.image].flat()[0], where).toMatch(absolute);
      expect(langTags, where).toContain(item.inLanguage);
      expect(item.mainEntityOfPage, where).toMatch(absolute);
      break;
    case 'Event':
      expect(item.name, where).toContain('SMART GENDER');
      expect(item.startDate, where).toBe(launchStart);
      expect(item.location?.['@type'], where).toBe('Place');
      expect(item.location!.name, where).toBeTruthy();
      expect(item.location!.address, where).toMatchObject({ '@type': 'PostalAddress', addressCountry: 'TH' });
      expect(regionNames, where).toContain(item.location!.address!.addressRegion);
      expectMunicipality(item.organizer, `${where} organizer`);
      expect(item.eventStatus, where).toBe('https://schema.org/EventScheduled');
      expect(item.eventAttendanceMode, where).toBe('https://schema.org/OfflineEventAttendanceMode');
      expect(item.url, where).toMatch(absolute);
      break;
    case 'BreadcrumbList': {
      const list = item.itemListElement!;
      expect(list.length, where).toBeGreaterThan(1);
      list.forEach((crumb, i) => {
        expect(crumb, where).toMatchObject({ '@type': 'ListItem', position: i + 1 });
        expect(crumb.name, where).toBeTruthy();
        expect(crumb.item, where).toMatch(absolute);
      });
      break;
    }
    case 'GovernmentOrganization':
      expectMunicipality(item, where);
      break;
    default:
      throw new Error(`${where}: a type this test does not know; add its required properties`);
  }
}

test('the build has a sitemap to check', () => {
  expect(pages.length).toBeGreaterThan(10);
});

for (const path of pages) {
  test(
    `${path}: link-preview tags and structured data`,
    { tag: '@base' },
    async ({ readerPage: page, request }) => {
      const lang = langOfPath(path);
      await page.goto(at(path));
      const meta = async (key: string) =>
        page
          .locator(`head meta[property="${key}"], head meta[name="${key}"]`)
          .first()
          .getAttribute('content');

      // Open Graph and Twitter card, absolute, matching the canonical address.
      const canonical = await page.locator('head link[rel="canonical"]').getAttribute('href');
      expect(await meta('og:url')).toBe(canonical);
      expect(await meta('og:title')).toBe(await page.title());
      expect((await meta('og:description'))?.length).toBeGreaterThan(10);
      expect(await meta('og:locale')).toBe(locales[lang].og);
      expect(
        await page
          .locator('head meta[property="og:locale:alternate"]')
          .evaluateAll((metas) => metas.map((m) => m.getAttribute('content'))),
      ).toEqual(otherLangs(lang).map((l) => locales[l].og));
      expect(await meta('og:type')).toBe(
        /\/news\/[a-z0-9-]+\/$/.test(path) && !/\/news\/\d+\/$/.test(path) ? 'article' : 'website',
      );
      const image = (await meta('og:image'))!;
      expect(image).toMatch(/^https?:\/\//);
      expect(await meta('og:image:width')).toBe('1200');
      expect(await meta('og:image:height')).toBe('630');
      expect((await meta('og:image:alt'))?.length).toBeGreaterThan(10);
      expect(await meta('twitter:card')).toBe('summary_large_image');
      expect(await meta('twitter:image')).toBe(image);
      // The image is served by the site itself.
      const png = await request.get(new URL(image).pathname);
      expect(png.status()).toBe(200);
      expect(png.headers()['content-type']).toBe('image/png');

      // Every JSON-LD block parses and has what its type requires.
      const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      const items = blocks.map((b) => JSON.parse(b) as Item);
      for (const item of items) expectRequired(item, path);
      const crumbs = items.find((i) => i['@type'] === 'BreadcrumbList');
      if (path === pathIn(lang)) {
        expect(crumbs).toBeUndefined();
        const org = items.find((i) => i['@type'] === 'GovernmentOrganization')!;
        expect(org.name).toBe(t(lang, 'site.organization'));
        const event = items.find((i) => i['@type'] === 'Event')!;
        expect(event.startDate).toBe(launchStart);
        // The launch goes by the programme's official name, as the programme page gives it.
        expect(event.name).toBe(await officialName(request, pathIn(lang, 'programme/')));
      } else {
        expect(crumbs, 'inner pages have breadcrumbs').toBeTruthy();
        const list = crumbs!.itemListElement as { position: number; item: string; name: string }[];
        expect(list.map((c) => c.position)).toEqual(list.map((_, i) => i + 1));
        expect(list[0]!.name).toBe(t(lang, 'nav.home'));
        expect(new URL(list[0]!.item).pathname).toBe(at(pathIn(lang)));
        expect(new URL(list.at(-1)!.item).pathname).toBe(at(path));
        for (const c of list) expect(new URL(c.item).origin).toBe(new URL(canonical!).origin);
      }
    },
  );
}

// A host serves the 404 page at whatever address was asked for, so it names none of its own.
for (const path of ['/no-such-page/', '/en/no-such-page/']) {
  test(`the 404 page names no address of its own: no canonical, no hreflang, no og:url (${path})`, async ({
    readerPage: page,
  }) => {
    const response = await page.goto(at(path));
    expect(response?.status()).toBe(404);
    await expect(page.locator('head meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    await expect(page.locator('head link[rel="canonical"]')).toHaveCount(0);
    await expect(page.locator('head link[hreflang]')).toHaveCount(0);
    await expect(page.locator('head meta[property="og:url"]')).toHaveCount(0);
    // The rest of the link preview is there.
    await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute('content', /.+/);
  });
}

/** The programme's official name, as its page shows it. */
async function officialName(request: APIRequestContext, path: string): Promise<string> {
  const html = await (await request.get(at(path))).text();
  const text = /<p class="official"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];
  expect(text, `${path} shows the official name`).toBeTruthy();
  return text!.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}

for (const lang of ['th', 'en'] as const) {
  const path = pathIn(lang, 'news/smart-gender-launch/');
  const title =
    lang === 'en' ? 'Khon Kaen “SMART GENDER”: every gender equal' : 'ขอนแก่น “SMART GENDER” ทุกเพศเท่าเทียม';
  const venue = lang === 'en' ? 'Treasury Museum, Khon Kaen Province' : 'พิพิธภัณฑ์ธนารักษ์ จังหวัดขอนแก่น';

  test(
    `the ${lang} article is a NewsArticle and an Event, with the right facts`,
    { tag: '@base' },
    async ({ page, request }) => {
      await page.goto(at(path));
      const items = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
        (b) => JSON.parse(b) as Item,
      );
      const article = items.find((i) => i['@type'] === 'NewsArticle');
      expect(article).toMatchObject({
        headline: title,
        inLanguage: lang,
        publisher: {
          '@type': 'GovernmentOrganization',
          name: lang === 'en' ? 'Khon Kaen City Municipality' : 'เทศบาลนครขอนแก่น',
        },
      });
      // The author is the publication the story names, shown with it, in the page's language.
      const publication = lang === 'en' ? 'Local Leader Magazine Online' : 'นิตยสารผู้นำท้องถิ่นออนไลน์';
      expect(article!.author).toEqual({ '@type': 'NewsMediaOrganization', name: publication });
      await expect(page.locator('article dl')).toContainText(
        `${lang === 'en' ? 'Source' : 'ที่มา'}${publication}`,
      );
      expect(article!.image![0]).toMatch(new RegExp(`/og/${lang}\\.png$`));
      const event = items.find((i) => i['@type'] === 'Event');
      expect(event).toMatchObject({
        startDate: '2024-02-23T09:00:00+07:00',
        location: { '@type': 'Place', name: venue, address: { addressCountry: 'TH' } },
        organizer: { '@type': 'GovernmentOrganization' },
        inLanguage: lang,
      });
      expect(event!.name).toBe(await officialName(request, pathIn(lang, 'programme/')));
      // The source gives the event's date and time, not when the story was published.
      expect(article!.datePublished).toBeUndefined();
      await expect(page.locator('head meta[property="article:published_time"]')).toHaveCount(0);
    },
  );

  test(
    `the ${lang} article offers the launch as a calendar file starting 09:00 Bangkok time`,
    { tag: '@base' },
    async ({ page, request }) => {
      await page.goto(at(path));
      const link = page.getByRole('link', { name: lang === 'en' ? 'Add to calendar' : 'เพิ่มลงปฏิทิน' });
      await expect(link).toHaveAttribute('download', 'smart-gender-launch.ics');
      const response = await request.get((await link.getAttribute('href'))!);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
      const raw = await response.text();
      expect(raw).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(raw).toMatch(/\r\nEND:VCALENDAR\r\n$/);
      // CRLF only: no bare CR or LF anywhere.
      expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of raw.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      // Unfold, then read the properties.
      const props = Object.fromEntries(
        raw
          .replace(/\r\n /g, '')
          .split('\r\n')
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf(':')).split(';')[0]!, l.slice(l.indexOf(':') + 1)] as const),
      );
      expect(props.VERSION).toBe('2.0');
      expect(props.METHOD).toBe('PUBLISH');
      expect(props.UID).toMatch(/^smart-gender-launch@[^@\s]+$/);
      expect(props.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
      expect(props.DTSTART).toBe('20240223T020000Z');
      expect(props.DTEND).toBeUndefined();
      expect(props.SUMMARY).toBe(title);
      expect(props.LOCATION).toBe(venue.replace(/,/g, '\\,'));
      expect(new URL(props.URL!).pathname).toBe(at(path));
    },
  );
}

test('the preview images carry the Thai and English site names (checked by eye in review)', () => {
  // Drawn by src/tools/og-image.ts in the site's font; a PNG header check guards the files.
  for (const lang of langs) {
    const png = readFileSync(siteFile(`og/${lang}.png`));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  }
});
