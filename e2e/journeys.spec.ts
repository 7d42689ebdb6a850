import type { Locator, Page, Request, TestInfo } from '@playwright/test';
import { expect, test } from './support/readerPage.ts';
import { at, pathIn, urlIs } from './support/site.ts';
import { defaultLang, langs, locales, otherLangs, type Lang } from '../src/i18n/locales.ts';

/**
 * What a reader does on the site, in Thai and in English, on a desktop, on a 360 px phone
 * and with JavaScript turned off (the three Playwright projects). Paths below are
 * site-relative: `at()` adds the base path the site is served under.
 */

const launchSlug = 'smart-gender-launch';
const launchDatetime = '2024-02-23T09:00:00+07:00';

const copy = {
  th: {
    home: '/',
    article: `/news/${launchSlug}/`,
    search: '/search/',
    notFoundUrl: '/no-such-page/',
    skip: 'ข้ามไปยังเนื้อหาหลัก',
    menu: 'เมนู',
    mainMenu: 'เมนูหลัก',
    news: 'ข่าว',
    programme: 'เกี่ยวกับโครงการ',
    title: 'ขอนแก่น “SMART GENDER” ทุกเพศเท่าเทียม',
    dateTerm: 'วันและเวลา',
    date: '23 กุมภาพันธ์ 2567 เวลา 09.00 น.',
    venueTerm: 'สถานที่',
    venue: 'พิพิธภัณฑ์ธนารักษ์ จังหวัดขอนแก่น',
    calendar: 'เพิ่มลงปฏิทิน',
    sourceTerm: 'ที่มา',
    siteName: 'SMART GENDER ขอนแก่น',
    langNav: 'เปลี่ยนภาษา',
    related: 'เรื่องราวที่เกี่ยวข้อง',
    relatedTitle: 'ดวงเฮง! อดีต ผอ. กองช่างเทศบาล ถูกรางวัลที่ 1 รับ 30 ล้านบาท',
    municipalityTerm: 'เทศบาล',
    municipality: 'เทศบาลนครปากเกร็ด',
    knownOnly: 'หน้าต้นฉบับแสดงเพียงหัวข้อและข้อความตอนต้นของข่าวนี้ จึงแสดงได้เพียงเท่านี้',
    share: 'แชร์',
    shareDevice: 'แชร์…',
    copyLink: 'คัดลอกลิงก์',
    copied: 'คัดลอกลิงก์แล้ว',
    copyFailed: 'คัดลอกลิงก์ไม่สำเร็จ โปรดคัดลอกลิงก์นี้ด้วยตนเอง:',
    searchNeedsJs: 'การค้นหาต้องใช้ JavaScript',
    notFound: 'ไม่พบหน้าที่ต้องการ',
  },
  en: {
    home: '/en/',
    article: `/en/news/${launchSlug}/`,
    search: '/en/search/',
    notFoundUrl: '/en/no-such-page/',
    skip: 'Skip to main content',
    menu: 'Menu',
    mainMenu: 'Main menu',
    news: 'News',
    programme: 'About the programme',
    title: 'Khon Kaen “SMART GENDER”: every gender equal',
    dateTerm: 'Date and time',
    date: '23 February 2024, 9:00 a.m.',
    venueTerm: 'Venue',
    venue: 'Treasury Museum, Khon Kaen Province',
    calendar: 'Add to calendar',
    sourceTerm: 'Source',
    siteName: 'SMART GENDER Khon Kaen',
    langNav: 'Change language',
    related: 'Related stories',
    relatedTitle:
      'Lucky break! Former municipal public works director wins first prize, takes home 30 million baht',
    municipalityTerm: 'Municipality',
    municipality: 'Pak Kret City Municipality',
    knownOnly:
      'The original page shows only the headline and the opening words of this story, so that is all shown here.',
    share: 'Share',
    shareDevice: 'Share…',
    copyLink: 'Copy link',
    copied: 'Link copied',
    copyFailed: 'Could not copy the link. Copy it by hand:',
    searchNeedsJs: 'Search needs JavaScript',
    notFound: 'Page not found',
  },
} as const;

/** The languages whose real content and interface text the journeys read: Thai and English. */
type CopyLang = keyof typeof copy;
const copyLangs = Object.keys(copy) as CopyLang[];
const hasCopy = (lang: string): lang is CopyLang => Object.hasOwn(copy, lang);
/** The languages a reader of `lang` can switch to whose pages these journeys can read. */
const twins = (lang: CopyLang): CopyLang[] => otherLangs(lang).filter(hasCopy);
const isPhone = (testInfo: TestInfo) => testInfo.project.name === 'phone';
const jsOff = (testInfo: TestInfo) => testInfo.project.name === 'no-js';

/** On a phone nothing may stick out sideways: the page never scrolls horizontally. */
async function expectNoSideScroll(page: Page, testInfo: TestInfo) {
  if (!isPhone(testInfo)) return;
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${page.url()} scrolls sideways on a phone`).toBeLessThanOrEqual(clientWidth);
}

/** The main menu: on a phone it sits behind a "Menu" button; on a desktop it is always shown. */
async function mainMenu(page: Page, lang: CopyLang): Promise<Locator> {
  const summary = page.locator('summary', { hasText: copy[lang].menu });
  const nav = page.getByRole('navigation', { name: copy[lang].mainMenu });
  if (await summary.isVisible()) {
    await expect(nav, 'the menu starts closed behind its button').toBeHidden();
    await summary.click();
  }
  await expect(nav).toBeVisible();
  return nav;
}

/** The value next to a term in a definition list ("Venue: Treasury Museum"). */
function fact(page: Page, term: string): Locator {
  return page
    .locator('dl > div')
    .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) })
    .getByRole('definition');
}

for (const lang of copyLangs) {
  const t = copy[lang];

  // Promise: a reader finds the launch story from the home page, reads when and where it
  // happened, switches language without losing their place, and follows a related story.
  test.describe(`reading the news (${lang})`, () => {
    test(
      'home → menu → news → article → other language → related story',
      { tag: '@base' },
      async ({ readerPage: page }, testInfo) => {
        await page.goto(at(t.home));
        await expect(page.locator('html')).toHaveAttribute('lang', locales[lang].lang);
        await expectNoSideScroll(page, testInfo);

        const nav = await mainMenu(page, lang);
        await nav.getByRole('link', { name: t.news, exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: t.news, exact: true })).toBeVisible();
        await expectNoSideScroll(page, testInfo);

        await page.getByRole('link', { name: t.title, exact: true }).click();
        await expect(page).toHaveURL(urlIs(t.article));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
        await expect(fact(page, t.dateTerm)).toHaveText(t.date);
        await expect(fact(page, t.dateTerm).locator('time')).toHaveAttribute('datetime', launchDatetime);
        // The venue, and under it, lined up with it, the link that adds the event to a calendar.
        const [venue, calendar] = [fact(page, t.venueTerm).first(), fact(page, t.venueTerm).nth(1)];
        await expect(venue).toHaveText(t.venue);
        await expect(calendar.getByRole('link')).toHaveText(t.calendar);
        const [venueBox, calendarBox] = [await venue.boundingBox(), await calendar.boundingBox()];
        expect(calendarBox?.y, 'the calendar link is under the venue').toBeGreaterThanOrEqual(
          (venueBox?.y ?? Infinity) + (venueBox?.height ?? 0),
        );
        expect(calendarBox?.x, 'the calendar link lines up with the venue').toBe(venueBox?.x);
        await expectNoSideScroll(page, testInfo);

        // The switch shows each language under its own name.
        for (const [i, other] of twins(lang).entries()) {
          if (i > 0) await page.goto(at(t.article));
          const twin = copy[other];
          await page
            .getByRole('navigation', { name: t.langNav })
            .getByRole('link', { name: locales[other].label, exact: true })
            .click();
          await expect(page).toHaveURL(urlIs(twin.article));
          await expect(page.locator('html')).toHaveAttribute('lang', locales[other].lang);
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(twin.title);
          await expect(fact(page, twin.dateTerm)).toHaveText(twin.date);
          await expectNoSideScroll(page, testInfo);
        }

        await page.goto(at(t.article));
        await page
          .getByRole('region', { name: t.related, exact: true })
          .getByRole('link', { name: t.relatedTitle, exact: true })
          .click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.relatedTitle);
        await expect(fact(page, t.municipalityTerm)).toHaveText(t.municipality);
        // The source page gives this story's opening words only, and the page says so.
        await expect(page.getByRole('article')).toContainText(t.knownOnly);
        await expect(page.locator('html')).toHaveAttribute('lang', locales[lang].lang);
        await expectNoSideScroll(page, testInfo);
      },
    );

    test(
      'an unknown address answers 404 and says so in its language first, then in the others',
      { tag: '@base' },
      async ({ readerPage: page }, testInfo) => {
        const response = await page.goto(at(t.notFoundUrl));
        expect(response?.status()).toBe(404);
        // An address in this language's folder gets the page in this language.
        await expect(page.locator('html')).toHaveAttribute('lang', locales[lang].lang);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFound);
        // Each language's heading, in that language's part of the page (this language's
        // part is the page itself).
        for (const l of copyLangs) {
          await expect(
            page
              .locator(`[lang="${locales[l].lang}"]`)
              .getByRole('heading', { name: copy[l].notFound, exact: true }),
          ).toBeVisible();
        }
        await expectNoSideScroll(page, testInfo);
      },
    );

    test('the 404 page offers the other languages without calling them untranslated', async ({
      readerPage: page,
    }) => {
      // The 404 page is in this language, and offers each other language's home page.
      const others = otherLangs(lang);
      for (const [i, other] of others.entries()) {
        await page.goto(at(t.notFoundUrl));
        const switchLinks = page.getByRole('navigation', { name: t.langNav }).getByRole('link');
        if (i === 0) await expect(switchLinks).toHaveText(others.map((l) => locales[l].label));
        await switchLinks.nth(i).click();
        await expect(page).toHaveURL(urlIs(pathIn(other)));
      }
    });
  });

  // Promise: on a 360 px phone the article starts high on the screen and its facts read in order.
  test.describe(`on a phone (${lang})`, () => {
    test('the header keeps the name and the language switch on one row, and the facts go one to a line', async ({
      readerPage: page,
    }, testInfo) => {
      test.skip(!isPhone(testInfo), 'the layout of a 360 px screen');
      await page.goto(at(t.article));
      const name = page.getByRole('banner').getByRole('link', { name: t.siteName, exact: true });
      const nameBox = await name.boundingBox();
      for (const other of otherLangs(lang)) {
        const switchLink = page
          .getByRole('navigation', { name: t.langNav })
          .getByRole('link', { name: locales[other].label, exact: true });
        const switchBox = await switchLink.boundingBox();
        expect(nameBox && switchBox, 'the name and the language switch are shown').toBeTruthy();
        if (!nameBox || !switchBox) return;
        expect(switchBox.y, 'the language switch shares the name’s row').toBeLessThan(
          nameBox.y + nameBox.height,
        );
      }

      // Date, venue, the calendar link (under the venue it belongs to), the source.
      const facts = page.locator('article dl > div');
      await expect(facts.filter({ hasText: t.calendar })).toHaveCount(1);
      await expect(facts.filter({ hasText: t.sourceTerm })).toHaveCount(1);
      const boxes = await facts.evaluateAll((divs) =>
        divs.map((div) => div.getBoundingClientRect().toJSON() as DOMRect),
      );
      let above: DOMRect | undefined;
      for (const [i, box] of boxes.entries()) {
        if (above) {
          expect(box.top, `fact ${i + 1} starts below fact ${i}`).toBeGreaterThanOrEqual(above.bottom);
          expect(box.left, `fact ${i + 1} lines up with fact ${i}`).toBe(above.left);
        }
        above = box;
      }
    });
  });

  // Promise: a keyboard user can jump straight past the header to the page's content.
  test.describe(`skip link (${lang})`, () => {
    for (const path of [t.home, t.article]) {
      test(`is the first thing Tab reaches on ${path} and moves to the content`, async ({
        readerPage: page,
      }) => {
        await page.goto(at(path));
        await page.keyboard.press('Tab');
        const skip = page.getByRole('link', { name: t.skip, exact: true });
        await expect(skip).toBeFocused();
        await expect(skip).toHaveText(t.skip);
        await expect(skip).toBeInViewport();

        await page.keyboard.press('Enter');
        await expect(page).toHaveURL(/#main$/);
        await expect(page.getByRole('main')).toBeFocused();
      });
    }
  });

  // Promise: sharing the story works with plain links, and reading it tells no third party.
  test.describe(`sharing the article (${lang})`, () => {
    test('loading the article sends no request to another site', async ({
      readerPage: page,
      baseURL,
    }, testInfo) => {
      const origin = new URL(baseURL!).origin;
      const offsite: string[] = [];
      const record = (request: Request) => {
        const url = new URL(request.url());
        if (url.protocol !== 'data:' && url.origin !== origin) offsite.push(request.url());
      };
      page.on('request', record);
      await page.goto(at(t.article), { waitUntil: 'networkidle' });
      page.off('request', record);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
      expect(offsite, 'requests that left the site').toEqual([]);
      await expectNoSideScroll(page, testInfo);
    });

    test(
      'LINE, Facebook and X are plain links carrying the article address',
      { tag: '@base' },
      async ({ page, context }, testInfo) => {
        await page.goto(at(t.article));
        const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
        expect(canonical, 'the article has a canonical address').toBeTruthy();
        const encoded = encodeURIComponent(canonical!);

        const share = page.getByRole('region', { name: t.share, exact: true });
        const hosts = { LINE: 'social-plugins.line.me', Facebook: 'www.facebook.com', X: 'x.com' };
        for (const [network, host] of Object.entries(hosts)) {
          const link = share.getByRole('link', { name: new RegExp(`^${network}\\b`) });
          await expect(link).toBeVisible();
          const href = (await link.getAttribute('href'))!;
          expect(new URL(href).host, `${network} link host`).toBe(host);
          expect(href, `${network} link carries the article URL`).toContain(encoded);
        }

        // Following a link opens the network's share page with our address; the networks are
        // answered locally so no request leaves this machine.
        await context.route(/^https:\/\/(social-plugins\.line\.me|www\.facebook\.com|x\.com)\//, (route) =>
          route.fulfill({ status: 200, contentType: 'text/plain', body: 'share page stand-in' }),
        );
        const popupOpened = page.waitForEvent('popup');
        await share.getByRole('link', { name: /^LINE\b/ }).click();
        const popup = await popupOpened;
        await popup.waitForLoadState();
        expect(popup.url()).toBe(`https://social-plugins.line.me/lineit/share?url=${encoded}`);
        await popup.close();

        for (const name of [t.shareDevice, t.copyLink]) {
          const button = share.getByRole('button', { name, exact: true, includeHidden: true });
          if (jsOff(testInfo)) await expect(button, `"${name}" needs a script: not offered`).toBeHidden();
          else await expect(button).toBeVisible();
        }
      },
    );

    test('"Share…" opens the device’s share sheet with the article', async ({ page }, testInfo) => {
      test.skip(jsOff(testInfo), 'the share sheet needs JavaScript');
      // The browser's share sheet, as a phone offers it: it records what it was given.
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'share', {
          value: (data: ShareData) => {
            (window as unknown as { shared: ShareData }).shared = data;
            return Promise.resolve();
          },
        });
      });
      await page.goto(at(t.article));
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      const share = page.getByRole('region', { name: t.share, exact: true });
      await share.getByRole('button', { name: t.shareDevice }).click();
      expect(await page.evaluate(() => (window as unknown as { shared: ShareData }).shared)).toEqual({
        title: t.title,
        url: canonical,
      });
    });

    test('"Copy link" copies the address and says so, and "Share…" does the same without a share sheet', async ({
      page,
      context,
    }, testInfo) => {
      test.skip(jsOff(testInfo), 'copying needs JavaScript');
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.addInitScript(() => delete (Navigator.prototype as Partial<Navigator>).share);
      await page.goto(at(t.article));
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      const share = page.getByRole('region', { name: t.share, exact: true });
      // The status is there, empty, before the message arrives: a live region that appears
      // with its message is often not read out.
      await expect(share.getByRole('status')).toHaveCount(1);
      await expect(share.getByRole('status')).toHaveText('');
      for (const name of [t.copyLink, t.shareDevice]) {
        await page.evaluate(() => navigator.clipboard.writeText(''));
        await share.getByRole('button', { name, exact: true }).click();
        await expect(share.getByRole('status')).toHaveText(t.copied);
        expect(await page.evaluate(() => navigator.clipboard.readText()), name).toBe(canonical);
        await page.reload();
      }
    });

    test('where the browser will not copy, the address is shown to copy by hand', async ({
      page,
    }, testInfo) => {
      test.skip(jsOff(testInfo), 'copying needs JavaScript');
      await page.addInitScript(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
      });
      await page.goto(at(t.article));
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      const share = page.getByRole('region', { name: t.share, exact: true });
      await share.getByRole('button', { name: t.copyLink, exact: true }).click();
      await expect(share.getByRole('status')).toHaveText(`${t.copyFailed} ${String(canonical)}`);
    });
  });

  // Promise: search engines and link previews get the right title, description and twins.
  test.describe(`article head (${lang})`, { tag: '@base' }, () => {
    test('has a title, a description, an absolute canonical and hreflang twins', async ({
      readerPage: page,
    }) => {
      await page.goto(at(t.article));
      await expect(page).toHaveTitle(new RegExp(t.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S{10,}/);

      const head = await page.evaluate(() => ({
        canonical:
          document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.getAttribute('href') ?? null,
        alternates: Object.fromEntries(
          [...document.querySelectorAll<HTMLLinkElement>('link[rel="alternate"][hreflang]')].map((l) => [
            l.getAttribute('hreflang'),
            l.getAttribute('href'),
          ]),
        ) as Record<string, string>,
      }));

      expect(head.canonical, 'canonical link').toMatch(/^https?:\/\//);
      const canonical = new URL(head.canonical!);
      expect(canonical.pathname).toBe(at(t.article));

      const article = (l: Lang) => pathIn(l, `news/${launchSlug}/`);
      const expected: Record<string, string> = {
        ...Object.fromEntries(langs.map((l) => [locales[l].lang, article(l)])),
        'x-default': article(defaultLang),
      };
      expect(Object.keys(head.alternates).sort()).toEqual(Object.keys(expected).sort());
      for (const [hreflang, path] of Object.entries(expected)) {
        const href = head.alternates[hreflang]!;
        expect(href, `hreflang=${hreflang} is absolute`).toMatch(/^https?:\/\//);
        expect(new URL(href).origin, `hreflang=${hreflang} origin`).toBe(canonical.origin);
        expect(new URL(href).pathname, `hreflang=${hreflang} path`).toBe(at(path));
      }
      expect(head.alternates[locales[lang].lang], 'own-language alternate is the canonical').toBe(
        head.canonical,
      );
    });
  });

  // Promise: without JavaScript the search page says so and offers other ways to find things.
  test.describe(`search without JavaScript (${lang})`, () => {
    test('explains that search needs JavaScript and links to the news and the programme', async ({
      readerPage: page,
    }, testInfo) => {
      test.skip(!jsOff(testInfo), 'only meaningful with JavaScript turned off');
      await page.goto(at(t.search));
      const main = page.getByRole('main');
      await expect(main.getByText(t.searchNeedsJs)).toBeVisible();
      await expect(main.getByRole('link', { name: t.news, exact: true })).toHaveAttribute(
        'href',
        at(t.home + 'news/'),
      );
      await expect(main.getByRole('link', { name: t.programme, exact: true })).toHaveAttribute(
        'href',
        at(t.home + 'programme/'),
      );
      await main.getByRole('link', { name: t.programme, exact: true }).click();
      await expect(page).toHaveURL(urlIs(`${t.home}programme/`));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  });
}
