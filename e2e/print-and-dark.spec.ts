import type { Page } from '@playwright/test';
import { expect, test } from './support/readerPage.ts';
import { at } from './support/site.ts';

/*
 * The announcement printed for a notice board, and the site read at night in dark mode.
 */

const article = '/news/smart-gender-launch/';

test('printed, the article keeps its title, date, venue and text, and shows where each link leads; menus, share buttons and link lists are left out', async ({
  readerPage: page,
}) => {
  await page.goto(at(article));
  // The real story links nowhere in its text: give it one link away and two to the site, as
  // its Markdown gives them with the site's address set (SITE_URL) and without.
  await page.evaluate(() => {
    const body = document.querySelector('article .body');
    body?.insertAdjacentHTML(
      'beforeend',
      '<p><a href="https://www.example.go.th/smart-gender">away</a> <a href="/programme/">here</a> ' +
        '<a href="/en/programme/" data-print-href="https://www.example.go.th/en/programme/">there</a></p>',
    );
  });
  try {
    await page.emulateMedia({ media: 'print' });
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('ขอนแก่น “SMART GENDER” ทุกเพศเท่าเทียม');
    await expect(main).toContainText('23 กุมภาพันธ์ 2567');
    await expect(main).toContainText('พิพิธภัณฑ์ธนารักษ์');
    await expect(page.locator('article .body p').first()).toBeVisible();
    const after = (href: string) =>
      page.locator(`article a[href="${href}"]`).evaluate((a) => getComputedStyle(a, '::after').content);
    expect(await after('https://www.example.go.th/smart-gender')).toBe(
      '" (https://www.example.go.th/smart-gender)"',
    );
    expect(await after('/programme/')).toBe('" (/programme/)"');
    expect(await after('/en/programme/')).toBe('" (https://www.example.go.th/en/programme/)"');

    for (const name of [/เมนูหลัก|Main menu/, /เปลี่ยนภาษา|Language/, /นโยบายของเว็บไซต์/]) {
      await expect(page.getByRole('navigation', { name }), String(name)).toBeHidden();
    }
    await expect(page.getByRole('region', { name: /แชร์/ })).toBeHidden();
    await expect(page.getByRole('contentinfo').getByRole('link', { name: /แผนผังเว็บไซต์/ })).toBeHidden();
    // A download of the event for a calendar means nothing on paper.
    await expect(main.locator('a[download]')).toBeHidden();
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});

async function colours(page: Page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { background: style.backgroundColor, text: style.color };
  });
}

test('in dark mode the page is light text on a dark ground, with the same files as in light mode', async ({
  browser,
}) => {
  const files: Record<string, string[]> = {};
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme, baseURL: test.info().project.use.baseURL ?? '' });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('requestfinished', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(at(article), { waitUntil: 'networkidle' });
    files[colorScheme] = fetched.sort();
    const { background, text } = await colours(page);
    if (colorScheme === 'dark') {
      expect(background).toBe('rgb(22, 20, 28)');
      expect(text).toBe('rgb(236, 235, 243)');
    } else {
      expect(background).toBe('rgb(255, 255, 255)');
    }
    await context.close();
  }
  // Only the colours change, so dark mode costs nothing more (axe checks its contrast).
  expect(files.dark).toEqual(files.light);
});
