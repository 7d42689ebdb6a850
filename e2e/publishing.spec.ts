import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { at, sitemapPaths, siteFile } from './support/site.ts';

/* Search engines, link previews on LINE and Facebook, and calendar apps understand every
 * page in both languages, from facts in the content only. */

const pages = sitemapPaths();
const isEnglish = (path: string) => path.startsWith('/en/');

test('the build has a sitemap to check', () => {
  expect(pages.length).toBeGreaterThan(10);
});

for (const path of pages) {
  test(`${path}: link-preview tags and structured data`, async ({ page, request }) => {
    await page.goto(at(path));
    const meta = async (key: string) =>
      page.locator(`head meta[property="${key}"], head meta[name="${key}"]`).first().getAttribute('content');

    // Open Graph and Twitter card, absolute, matching the canonical address.
    const canonical = await page.locator('head link[rel="canonical"]').getAttribute('href');
    expect(await meta('og:url')).toBe(canonical);
    expect(await meta('og:title')).toBe(await page.title());
    expect((await meta('og:description'))?.length).toBeGreaterThan(10);
    expect(await meta('og:locale')).toBe(isEnglish(path) ? 'en_GB' : 'th_TH');
    expect(await meta('og:locale:alternate')).toBe(isEnglish(path) ? 'th_TH' : 'en_GB');
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
    const items = blocks.map((b) => JSON.parse(b) as Record<string, any>);
    for (const item of items) expect(item['@context']).toBe('https://schema.org');
    const crumbs = items.find((i) => i['@type'] === 'BreadcrumbList');
    if (path === '/' || path === '/en/') {
      expect(crumbs).toBeUndefined();
      const org = items.find((i) => i['@type'] === 'GovernmentOrganization')!;
      expect(org.name).toBe(isEnglish(path) ? 'Khon Kaen City Municipality' : 'เทศบาลนครขอนแก่น');
      const event = items.find((i) => i['@type'] === 'Event')!;
      expect(event.name).toContain('SMART GENDER');
      expect(event.startDate).toBe('2024-02-23T09:00:00+07:00');
    } else {
      expect(crumbs, 'inner pages have breadcrumbs').toBeTruthy();
      const list = crumbs!.itemListElement as { position: number; item: string; name: string }[];
      expect(list.map((c) => c.position)).toEqual(list.map((_, i) => i + 1));
      expect(new URL(list[0]!.item).pathname).toBe(at(isEnglish(path) ? '/en/' : '/'));
      expect(new URL(list.at(-1)!.item).pathname).toBe(at(path));
    }
  });
}

for (const lang of ['th', 'en'] as const) {
  const path = lang === 'en' ? '/en/news/smart-gender-launch/' : '/news/smart-gender-launch/';
  const title =
    lang === 'en' ? 'Khon Kaen “SMART GENDER”: every gender equal' : 'ขอนแก่น “SMART GENDER” ทุกเพศเท่าเทียม';
  const venue = lang === 'en' ? 'Treasury Museum, Khon Kaen Province' : 'พิพิธภัณฑ์ธนารักษ์ จังหวัดขอนแก่น';

  test(`the ${lang} article is a NewsArticle and an Event, with the right facts`, async ({ page }) => {
    await page.goto(at(path));
    const items = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((b) =>
      JSON.parse(b),
    );
    const article = items.find((i) => i['@type'] === 'NewsArticle');
    expect(article).toMatchObject({
      headline: title,
      datePublished: '2024-02-23T09:00:00+07:00',
      inLanguage: lang,
      author: { '@type': 'GovernmentOrganization' },
      publisher: { '@type': 'GovernmentOrganization' },
    });
    expect(article.image[0]).toMatch(new RegExp(`/og/${lang}\\.png$`));
    const event = items.find((i) => i['@type'] === 'Event');
    expect(event).toMatchObject({
      startDate: '2024-02-23T09:00:00+07:00',
      location: { '@type': 'Place', name: venue, address: { addressCountry: 'TH' } },
      organizer: { '@type': 'GovernmentOrganization' },
      inLanguage: lang,
    });
    expect(await page.locator('head meta[property="article:published_time"]').getAttribute('content')).toBe(
      '2024-02-23T09:00:00+07:00',
    );
  });

  test(`the ${lang} article offers the launch as a calendar file starting 09:00 Bangkok time`, async ({
    page,
    request,
  }) => {
    await page.goto(at(path));
    const link = page.getByRole('link', { name: lang === 'en' ? 'Add to calendar' : 'เพิ่มลงปฏิทิน' });
    await expect(link).toHaveAttribute('download', 'smart-gender-launch.ics');
    const response = await request.get((await link.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/calendar');
    const raw = await response.text();
    expect(raw).toMatch(/^BEGIN:VCALENDAR\r\n/);
    for (const line of raw.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    // Unfold, then read the properties.
    const props = Object.fromEntries(
      raw
        .replace(/\r\n /g, '')
        .split('\r\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf(':')).split(';')[0], l.slice(l.indexOf(':') + 1)]),
    );
    expect(props.VERSION).toBe('2.0');
    expect(props.DTSTART).toBe('20240223T020000Z');
    expect(props.SUMMARY).toBe(title);
    expect(props.LOCATION).toBe(venue.replace(/,/g, '\\,'));
    expect(new URL(props.URL!).pathname).toBe(at(path));
  });
}

test('the preview images carry the Thai and English site names (checked by eye in review)', () => {
  // Drawn by src/tools/og-image.ts in the site's font; a PNG header check guards the files.
  for (const lang of ['th', 'en']) {
    const png = readFileSync(siteFile(`og/${lang}.png`));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  }
});
