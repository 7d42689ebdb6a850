import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe.ts';
import { expect, test } from './support/readerPage.ts';
import { at, isUnderBase, langOfPath, siteFile, siteRoot, sitePath, urlIs } from './support/site.ts';

/* Search finds pages in the reader's language, for Thai words inside unspaced Thai text,
 * and never returns pages for words that are not on them. */

const articleTh = 'ขอนแก่น “SMART GENDER” ทุกเพศเท่าเทียม';
const articleEn = 'Khon Kaen “SMART GENDER”: every gender equal';

async function search(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: /คำค้นหา|Search terms/ });
  await box.fill(query);
  await box.press('Enter');
  const status = page.getByRole('status');
  await expect(status).not.toHaveText(/^(|กำลังค้นหา…|Searching…)$/);
  return page.locator('[data-search-results] h2');
}

/** Every text of every built HTML page, to prove an "absent" word really is absent. */
function siteText(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && e.name !== 'pagefind') walk(join(dir, e.name));
      else if (e.name.endsWith('.html')) files.push(readFileSync(join(dir, e.name), 'utf8'));
    }
  };
  walk(siteRoot);
  return files.join('\n').normalize('NFKC');
}

test.describe('Thai search', () => {
  for (const word of ['เท่าเทียม', 'ขอนแก่น', 'เยาวชน']) {
    // One word is enough to show the index is found under a base path.
    test(
      `"${word}" inside unspaced text finds the article`,
      word === 'เท่าเทียม' ? { tag: '@base' } : {},
      async ({ readerPage: page }) => {
        await page.goto(at('/search/'));
        const titles = await search(page, word);
        await expect(titles.filter({ hasText: articleTh })).toHaveCount(1);
        const result = page.locator('[data-search-results] li').filter({ hasText: articleTh });
        await expect(result.locator('mark').first()).toHaveText(word);
        await expect(result).toContainText('ข่าว · 23 กุมภาพันธ์ 2567 เวลา 09.00 น.');
        // The index marks Thai word boundaries with zero-width spaces; a reader copying a
        // title or excerpt must get the text as the page has it.
        const shown = await result.evaluate((li) => li.textContent);
        expect(shown).toContain(articleTh);
        expect(shown).not.toMatch(/\u200B/);
        // Thai ends a sentence with a space: no English full stop between the title and the text.
        expect(shown).not.toContain('ทุกเพศเท่าเทียม.');
      },
    );
  }

  test('an excerpt starts and ends on whole Thai words, never on a vowel or tone mark', async ({
    readerPage: page,
  }) => {
    await page.goto(at('/search/'));
    // "LGBTQ" sits mid-paragraph in Thai text: the excerpt is cut on both sides.
    const titles = await search(page, 'LGBTQ');
    await expect(titles.filter({ hasText: articleTh })).toHaveCount(1);
    const result = page.locator('[data-search-results] li').filter({ hasText: articleTh });
    const shown = (await result.locator('p').last().textContent()) ?? '';
    expect(shown).toMatch(/^….*…$/s);
    const inner = shown.slice(1, -1);
    const body = readFileSync('content/news/th/smart-gender-launch.md', 'utf8').replace(/\s+/g, ' ');
    const at_ = body.indexOf(inner);
    expect(at_, shown).toBeGreaterThan(0);
    const words = await page.evaluate(
      ([text, from, to]) =>
        [...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)]
          .map((s) => s.index)
          .filter((i) => i === from || i === to).length,
      [body, at_, at_ + inner.length] as const,
    );
    expect(words, `${shown}: both ends on a word boundary`).toBe(2);
  });

  test('every word of the Thai article finds the article', async ({ readerPage: page }) => {
    test.setTimeout(180_000);
    const body = readFileSync('content/news/th/smart-gender-launch.md', 'utf8')
      .split('---')
      .slice(2)
      .join('---');
    await page.goto(at('/search/'));
    const words: string[] = await page.evaluate((text) => {
      const seg = new Intl.Segmenter('th', { granularity: 'word' });
      return [...new Set([...seg.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment))];
    }, body);
    expect(words.length).toBeGreaterThan(100);
    // The searches run inside the page, through the page's own form, one after another: the
    // same code path as a reader's, without a round trip from the test for every word.
    const missed = await page.evaluate(
      async ({ words, title }) => {
        const form = document.querySelector<HTMLFormElement>('form[role="search"]')!;
        const input = form.querySelector('input')!;
        const status = document.querySelector('[data-search-status]')!;
        const loading = (
          JSON.parse(document.querySelector<HTMLElement>('[data-search]')!.dataset.strings!) as {
            loading: string;
          }
        ).loading;
        const missed: string[] = [];
        for (const word of words) {
          const settled = new Promise<void>((done) => {
            const watch = new MutationObserver(() => {
              if (status.textContent && status.textContent !== loading) {
                watch.disconnect();
                done();
              }
            });
            watch.observe(status, { childList: true, characterData: true, subtree: true });
          });
          input.value = word;
          form.requestSubmit();
          await settled;
          const titles = [...document.querySelectorAll('[data-search-results] h2')].map((h) => h.textContent);
          if (!titles.some((t) => t.includes(title))) missed.push(word);
        }
        return missed;
      },
      { words, title: articleTh },
    );
    expect(missed, `words of the article that did not find it`).toEqual([]);
  });

  const absent = [
    'ทุเรียน',
    'มะม่วง',
    'ฟุตบอล',
    'โรงพยาบาล',
    'ภูเขา',
    'ทะเลสาบ',
    'รถไฟฟ้า',
    'กาแฟ',
    'ดนตรี',
    'คอมพิวเตอร์',
    'เท่าเทียน',
    'ขอนแก้ว',
    'เยาวราช',
  ];

  test('Thai words that are on no page return nothing', async ({ readerPage: page }) => {
    const text = siteText();
    for (const word of absent)
      expect(text, `"${word}" is on a page, so it cannot test precision`).not.toContain(word);
    await page.goto(at('/search/'));
    for (const word of absent) {
      const titles = await search(page, word);
      await expect(titles, `"${word}" returned pages`).toHaveCount(0);
      await expect(page.getByRole('status')).toHaveText(
        `ไม่พบคำว่า “${word}” ในข่าว ข้อมูลโครงการ หรือเรื่องราวที่เกี่ยวข้อง`,
      );
    }
  });

  test(
    'no results offer the same query in English, which finds it there',
    { tag: '@base' },
    async ({ readerPage: page }) => {
      await page.goto(at('/search/'));
      await search(page, 'equality');
      await expect(page.getByRole('status')).toHaveText(
        'ไม่พบคำว่า “equality” ในข่าว ข้อมูลโครงการ หรือเรื่องราวที่เกี่ยวข้อง',
      );
      // And the ways to browse instead: the news list and the site map.
      const main = page.getByRole('main');
      await expect(main.getByRole('link', { name: 'ข่าว', exact: true })).toHaveAttribute(
        'href',
        at('/news/'),
      );
      await expect(main.getByRole('link', { name: 'แผนผังเว็บไซต์', exact: true })).toHaveAttribute(
        'href',
        at('/sitemap/'),
      );
      await page.getByRole('link', { name: 'ค้นหา “equality” ในหน้าภาษาอังกฤษ' }).click();
      await expect(page).toHaveURL(urlIs('/en/search/?q=equality'));
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('[data-search-results] h2').filter({ hasText: articleEn })).toHaveCount(1);
    },
  );
});

test.describe('English search', () => {
  for (const query of ['equality', 'Khon Kaen', 'equalities']) {
    test(`"${query}" finds the article`, async ({ readerPage: page }) => {
      await page.goto(at('/en/search/'));
      const titles = await search(page, query);
      await expect(titles.filter({ hasText: articleEn })).toHaveCount(1);
      await expect(page.getByRole('status')).toHaveText(/^\d+ pages? contains? “/);
    });
  }

  test(
    'only English pages are returned, and results link to them',
    { tag: '@base' },
    async ({ readerPage: page }) => {
      await page.goto(at('/en/search/?q=SMART'));
      const links = page.locator('[data-search-results] h2 a');
      await expect(links.first()).toBeVisible();
      for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))) {
        expect(isUnderBase(href), `${href} is under the base path`).toBe(true);
        expect(langOfPath(sitePath(href)), href).toBe('en');
      }
      await links.filter({ hasText: articleEn }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(articleEn);
    },
  );

  test('words that are on no page return nothing', async ({ readerPage: page }) => {
    await page.goto(at('/en/search/'));
    for (const word of ['durian', 'bangkok', 'football']) {
      await expect(await search(page, word)).toHaveCount(0);
      await expect(page.getByRole('status')).toHaveText(
        `“${word}” is not in the news, the programme or the related stories`,
      );
    }
  });
});

test.describe('search page behaviour', () => {
  test(
    'the query is kept in the URL and the back button returns to the previous search',
    { tag: '@base' },
    async ({ page }) => {
      await page.goto(at('/search/?q=ขอนแก่น'));
      await expect(page.getByRole('searchbox')).toHaveValue('ขอนแก่น');
      await expect(page.locator('[data-search-results] h2').first()).toBeVisible();
      await search(page, 'เชียงใหม่');
      await expect(page).toHaveURL(
        new RegExp(`${at('/search/')}\\?q=%E0%B9%80%E0%B8%8A%E0%B8%B5%E0%B8%A2%E0%B8%87`),
      );
      await expect(page.locator('[data-search-results] h2')).toHaveText([
        'นครเชียงใหม่ เปิดตัว! รถฉีดน้ำทำความสะอาด EV',
      ]);
      await page.goBack();
      await expect(page.getByRole('searchbox')).toHaveValue('ขอนแก่น');
      await expect(page.locator('[data-search-results] h2').filter({ hasText: articleTh })).toHaveCount(1);
    },
  );

  test('Back returns to the previous search even when the reader paused before pressing Enter', async ({
    page,
  }) => {
    await page.goto(at('/search/?q=ขอนแก่น'));
    await expect(page.locator('[data-search-results] h2').first()).toBeVisible();
    const box = page.getByRole('searchbox');
    await box.fill('เชียงใหม่');
    // Typing alone updates the address (and the results) before Enter is pressed.
    await expect(page).toHaveURL(/\?q=%E0%B9%80%E0%B8%8A%E0%B8%B5%E0%B8%A2%E0%B8%87/);
    await expect(page.locator('[data-search-results] h2')).toHaveText([
      'นครเชียงใหม่ เปิดตัว! รถฉีดน้ำทำความสะอาด EV',
    ]);
    await box.press('Enter');
    await page.goBack();
    await expect(box).toHaveValue('ขอนแก่น');
    await expect(page.locator('[data-search-results] h2').filter({ hasText: articleTh })).toHaveCount(1);
    await page.goForward();
    await expect(box).toHaveValue('เชียงใหม่');
  });

  test('a screen reader hears the status once the reader stops typing, and at once after Enter', async ({
    page,
  }) => {
    await page.goto(at('/search/'));
    // Every text the visible status line and the live region take, in order.
    await page.evaluate(() => {
      const record = (element: Element, texts: string[]) => {
        new MutationObserver(() => texts.push(element.textContent)).observe(element, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      };
      const w = window as unknown as { shown: string[]; heard: string[] };
      w.shown = [];
      w.heard = [];
      record(document.querySelector('[data-search-status]')!, w.shown);
      record(document.querySelector('[role="status"]')!, w.heard);
    });
    const texts = () =>
      page.evaluate(() => {
        const { shown, heard } = window as unknown as { shown: string[]; heard: string[] };
        return { shown, heard };
      });
    const box = page.getByRole('searchbox');
    const live = page.getByRole('status');
    // A key every 300 ms, slower than the search's own pause (150 ms): each key searches.
    await box.pressSequentially('ขอนแก่น', { delay: 300 });
    await expect(live).toHaveText(/^พบ \d+ หน้าที่มีคำว่า “ขอนแก่น”$/);
    const typed = await texts();
    expect(new Set(typed.shown).size, typed.shown.join(' | ')).toBeGreaterThan(2);
    expect(typed.heard, 'what a screen reader heard while the reader typed').toEqual([
      await live.textContent(),
    ]);
    // Enter answers at once: the live region says what the page shows as the results appear.
    await box.fill('เยาวชน');
    await box.press('Enter');
    await expect(page.locator('[data-search-results] h2').first()).toBeVisible();
    expect(await live.textContent()).toBe(await page.locator('[data-search-status]').textContent());
    await expect(live).toHaveText(/^พบ \d+ หน้าที่มีคำว่า “เยาวชน”$/);
  });

  // WCAG 2.1.4: a shortcut of one character must be one the reader can turn off or remap, and
  // on the Thai Kedmanee keyboard "/" is the unshifted 2 key. The search link is in the menu.
  test('no one-key shortcut: "/" typed on a page leaves the reader where they are', async ({
    readerPage: page,
  }) => {
    await page.goto(at('/news/smart-gender-launch/'));
    await page.locator('h1').click();
    // A navigation the keys started would come after they were pressed: wait a second for one.
    const navigated = page.waitForEvent('framenavigated', { timeout: 1000 }).then(
      () => true,
      () => false,
    );
    await page.keyboard.press('/');
    await page.keyboard.press('2');
    expect(await navigated, 'a key press left the page').toBe(false);
    await expect(page).toHaveURL(urlIs('/news/smart-gender-launch/'));
  });

  test(
    'a missing search index shows a clear message, not a blank page',
    { tag: '@base' },
    async ({ page }) => {
      await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(at('/en/search/?q=equality'));
      await expect(page.getByRole('status')).toHaveText(
        /Search is unavailable: the search index could not be loaded/,
      );
      // The news list it points to is there, and the same search elsewhere (which would fail
      // the same way) is not offered.
      const main = page.getByRole('main');
      await expect(main.getByRole('link', { name: 'News', exact: true })).toBeVisible();
      await expect(main.getByRole('link', { name: 'Site map', exact: true })).toBeVisible();
      await expect(main.getByRole('link', { name: /^Search for/ })).toBeHidden();
    },
  );

  test('with results shown, the page passes axe (WCAG 2.2 AA)', async ({ readerPage: page }) => {
    await page.goto(at('/search/?q=ขอนแก่น'));
    await expect(page.locator('[data-search-results] h2').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the page says search needs JavaScript and offers the news and programme pages', async ({
      page,
    }) => {
      await page.goto(at('/en/search/'));
      await expect(page.getByText('Search needs JavaScript.')).toBeVisible();
      await expect(page.getByRole('searchbox')).toBeHidden();
      await page.getByRole('main').getByRole('link', { name: 'About the programme' }).click();
      await expect(page).toHaveURL(urlIs('/en/programme/'));
    });
  });
});

test('the site’s scripts use no lookbehind in a regular expression, which Safari before 16.4 (on iPhones left at iOS 15) cannot read, and would not run search', () => {
  const scripts = readdirSync(siteFile('_astro')).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const file of scripts)
    expect(readFileSync(siteFile('_astro', file), 'utf8'), file).not.toMatch(/\(\?<[=!]/);
});
