import type { Page } from '@playwright/test';
import { expect, test } from './support/readerPage.ts';
import { at, langOfPath, siteDir, sitemapPaths } from './support/site.ts';

/**
 * WCAG 2.2 AA checks that axe does not make, on one page of every type in every language
 * and on the 404 page: reflow at 320 px (1.4.10), text spacing (1.4.12), target size
 * (2.5.8), a visible focus that nothing hides (2.4.7, 2.4.11), 200 % zoom (1.4.4) and text
 * at 200 % on a phone (1.4.4, as a reader's larger text setting gives it).
 *
 * A page's type is its shape, not a list kept here: its language, its first folder and
 * whether it is one entry of that folder ("/news/2/", a numbered page of the list, is the
 * list). A page added later (a policy page, a new section) is tested as its own type.
 */

/**
 * The shape of a site-relative page path.
 * @example pageType('/en/news/launch/') // "en /news/…/"
 * @example pageType('/news/2/')         // "th /news/"
 */
function pageType(path: string): string {
  const lang = langOfPath(path);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === lang) parts.shift();
  const [section, entry] = parts;
  const isEntry = entry !== undefined && !/^\d+$/.test(entry);
  return `${lang} /${section ? `${section}/` : ''}${isEntry ? '…/' : ''}`;
}

/** The first page of each type, in sitemap order. */
const pages = new Map<string, string>();
for (const path of sitemapPaths()) if (!pages.has(pageType(path))) pages.set(pageType(path), path);

/**
 * The desktop window (1280 × 720) at 400 % and at 200 % zoom. A browser zooms by shrinking
 * the layout viewport in CSS px; a higher device pixel ratio would change no layout.
 */
const zoomed = [
  { check: 'reflow at 320 px (1.4.10)', width: 320, height: 180 },
  { check: '200 % zoom (1.4.4)', width: 640, height: 360 },
] as const;

/** WCAG's text-spacing values, as a reader's own stylesheet would force them. */
const textSpacing = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

/** A phone's screen, and its reader's text at twice its size (the browser's text setting). */
const phone = { width: 360, height: 740 };
const largeText = 'html { font-size: 200% !important; }';
/**
 * With text this large, what a reader loses is what runs off the side of the screen or is cut
 * off. A box whose content only runs past its foot is a link's padding (added for its target
 * size, invisible) reaching past a heading's last line, as it does a little at any size.
 */
const sideways = (problem: string) => {
  const size = / spills its content \((\d+) × \d+ px in (\d+) × \d+\)$/.exec(problem);
  return !size || Number(size[1]) > Number(size[2]) + 1;
};

/**
 * Tab presses sent at once after the first guess, and at most in all: focus that has not
 * come back round by then is stuck in a loop.
 */
const tabBatch = 25;
const maxTabs = 300;

/** The checks that run inside the page (put there by `installChecks`). */
interface PageChecks {
  /** Sideways scrolling, elements cut off at the viewport's sides, clipped or spilling text. */
  layoutProblems(): string[];
  /** Targets below 24 × 24 px that are not in running text. */
  smallTargets(): string[];
  /** Elements that cannot be clicked: hidden, or covered where a click would land. */
  unclickable(selector: string): string[];
  /**
   * Where a reader would click each shown element matching `selector` (scrolled into view),
   * and the language a link says it leads to.
   */
  clickPoints(selector: string): { x: number; y: number; name: string; hreflang: string | null }[];
  /** Every piece of text a reader can see (screen-reader-only text left out). */
  visibleTexts(): string[];
  /**
   * Checks each element as it gets focus by `keys`, until focus comes back round; returns
   * how many stops the page seems to have.
   */
  watchFocus(keys: string): number;
  /** What the watch has found so far. */
  focusSeen(): { stops: number; done: boolean; problems: string[] };
  /** Whether anything stays put while the page scrolls (fixed or sticky). */
  pinnedElements(): boolean;
  /** Applies WCAG's text spacing (`css`), or takes it away (undefined). */
  spaceText(css: string | undefined): void;
}

declare global {
  interface Window {
    wcag?: PageChecks;
  }
}

/**
 * Puts the checks in the page. Playwright sends only this function's source to the page,
 * so every helper lives inside it.
 */
function installChecks() {
  const text = (el: Element) => el.textContent.replace(/\s+/g, ' ').trim();

  /** A name a reader of a failure can find: landmark, tag, id or classes, and text. */
  const describe = (el: Element) => {
    const landmark = el.closest('header, nav, main, footer')?.localName;
    const where = landmark && landmark !== el.localName ? `${landmark} ` : '';
    const id = el.id ? `#${el.id}` : '';
    const classes = !id && el.classList.length ? `.${[...el.classList].join('.')}` : '';
    // innerText keeps the breaks between blocks; a hidden element has none, so its textContent.
    const words = (el instanceof HTMLElement ? el.innerText : '').replace(/\s+/g, ' ').trim() || text(el);
    const named = el === document.body || el === document.documentElement ? '' : words.slice(0, 40);
    return `${where}${el.localName}${id}${classes}${named ? ` "${named}"` : ''}`;
  };

  /** Drawn and visible; the 1 px box of screen-reader-only text does not count. */
  const isShown = (el: Element) => {
    const drawn = el.checkVisibility({
      opacityProperty: true,
      visibilityProperty: true,
      contentVisibilityAuto: true,
    });
    const { width, height } = el.getBoundingClientRect();
    return drawn && (width > 1 || height > 1);
  };

  const isInline = (el: Element) => getComputedStyle(el).display === 'inline';
  const round = (n: number) => Math.round(n);

  /** Why a reader cannot see or reach an element in the viewport as it stands, if they cannot. */
  const outOfSight = (el: Element) => {
    const box = el.getClientRects()[0] ?? el.getBoundingClientRect();
    const { clientWidth, clientHeight } = document.documentElement;
    if (box.top < -1 || box.left < -1 || box.bottom > clientHeight + 1 || box.right > clientWidth + 1)
      return `is outside the viewport (${round(box.left)}, ${round(box.top)} to ${round(box.right)}, ${round(box.bottom)})`;
    // What a click in its middle would reach.
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit && (hit === el || el.contains(hit))
      ? undefined
      : `is covered by ${hit ? describe(hit) : 'nothing'}`;
  };

  /** The text of a clipping element that falls outside its box (glyphs above and below the line included). */
  const clippedText = (el: Element) => {
    const box = el.getBoundingClientRect();
    const left = box.left + el.clientLeft;
    const top = box.top + el.clientTop;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = node.textContent?.trim();
      if (!words) continue;
      range.selectNodeContents(node);
      const cut = [...range.getClientRects()].some(
        (r) =>
          r.width > 0 &&
          (r.left < left - 1 ||
            r.top < top - 1 ||
            r.right > left + el.clientWidth + 1 ||
            r.bottom > top + el.clientHeight + 1),
      );
      if (cut) return words.slice(0, 40);
    }
    return undefined;
  };

  const layoutProblems = () => {
    const found: { el: Element; problem: string; spills?: boolean }[] = [];
    const root = document.documentElement;
    const viewport = root.clientWidth;
    if (root.scrollWidth > viewport)
      found.push({
        el: root,
        problem: `the page is ${root.scrollWidth} px wide in a ${viewport} px viewport`,
      });
    for (const el of document.body.querySelectorAll('*')) {
      if (!isShown(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.left < -1 || box.right > viewport + 1) {
        found.push({
          el,
          problem: `${describe(el)} is cut off at the side (${round(box.left)} to ${round(box.right)} px)`,
        });
        continue;
      }
      // Inline boxes have no scroll size; a replaced element's content is not text.
      if (isInline(el) || el instanceof HTMLImageElement || el instanceof HTMLInputElement) continue;
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      // Content larger than its box is cut off (overflow hidden or clip) or runs over what
      // follows (a fixed size and overflow visible).
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
        const size = `${el.scrollWidth} × ${el.scrollHeight} px in ${el.clientWidth} × ${el.clientHeight}`;
        found.push(
          clips
            ? { el, problem: `${describe(el)} cuts off its content (${size})` }
            : { el, problem: `${describe(el)} spills its content (${size})`, spills: true },
        );
        continue;
      }
      // Scroll sizes leave out what sticks out above the box (Thai vowels and tone marks over
      // a tight first line); the text's own boxes hold it.
      const cut = clips ? clippedText(el) : undefined;
      if (cut) found.push({ el, problem: `${describe(el)} cuts off "${cut}"` });
    }
    // Every box round an element too wide spills too: name the element, not its ancestors.
    return found
      .filter(({ el, spills }) => !spills || !found.some((other) => other.el !== el && el.contains(other.el)))
      .map(({ problem }) => problem);
  };

  /** A link in a sentence: inline, with other words in the same block (WCAG's inline exception). */
  const inRunningText = (el: Element) => {
    if (!isInline(el)) return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    return Boolean(block && /[\p{L}\p{N}]/u.test(text(block).replace(text(el), '')));
  };

  const targetSelector =
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';

  const smallTargets = () => {
    const targets = [...document.querySelectorAll(targetSelector)].filter(isShown);
    // A target broken over two lines is one target: one of its boxes must hold 24 × 24.
    const holds24 = (el: Element) => [...el.getClientRects()].some((r) => r.width >= 24 && r.height >= 24);
    const small = new Set(targets.filter((el) => !inRunningText(el) && !holds24(el)));
    // Strict: WCAG's spacing exception is not relied on; every such target holds 24 × 24.
    return [...small].map((el) => {
      const r = el.getBoundingClientRect();
      return `${describe(el)} is ${round(r.width)} × ${round(r.height)} px`;
    });
  };

  const unclickable = (selector: string) =>
    [...document.querySelectorAll(selector)].flatMap((el) => {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      if (!isShown(el)) return [`${describe(el)} is not shown`];
      const hidden = outOfSight(el);
      return hidden ? [`${describe(el)} ${hidden}`] : [];
    });

  const clickPoints = (selector: string) =>
    [...document.querySelectorAll(selector)].filter(isShown).map((el) => {
      el.scrollIntoView({ block: 'nearest' });
      const box = el.getClientRects()[0] ?? el.getBoundingClientRect();
      const hreflang = el.getAttribute('hreflang');
      return { x: box.left + box.width / 2, y: box.top + box.height / 2, name: describe(el), hreflang };
    });

  const visibleTexts = () => {
    const texts = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = node.textContent?.replace(/\s+/g, ' ').trim();
      if (!words || !node.parentElement || !isShown(node.parentElement)) continue;
      range.selectNodeContents(node);
      if ([...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) texts.add(words);
    }
    return [...texts];
  };

  const ring = (el: Element) => {
    const s = getComputedStyle(el);
    return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} / ${s.boxShadow}`;
  };
  const unfocused = new Map<Element, string>();
  const seen = new Set<Element>();
  let focus = { watching: '', stops: 0, done: false, problems: [] as string[] };
  // Checked as focus arrives: the browser has scrolled the element into view by then, and
  // the test can send many Tab presses in one call.
  document.addEventListener('focusin', ({ target }) => {
    if (!focus.watching || focus.done || !(target instanceof Element)) return;
    if (seen.has(target)) {
      focus.done = true;
      return;
    }
    seen.add(target);
    focus.stops++;
    const style = getComputedStyle(target);
    const outlined =
      style.outlineStyle !== 'none' &&
      parseFloat(style.outlineWidth) > 0 &&
      !/^(transparent|rgba\(.*, 0\))$/.test(style.outlineColor);
    if (!outlined && style.boxShadow === 'none')
      focus.problems.push(`${describe(target)} shows no focus indicator`);
    else if (unfocused.get(target) === ring(target))
      focus.problems.push(`${describe(target)} looks the same focused and unfocused`);
    const hidden = outOfSight(target);
    if (hidden) focus.problems.push(`${describe(target)} ${hidden} when focused by ${focus.watching}`);
  });
  const watchFocus = (keys: string) => {
    if (!unfocused.size) for (const el of document.querySelectorAll('*')) unfocused.set(el, ring(el));
    seen.clear();
    focus = { watching: keys, stops: 0, done: false, problems: [] };
    return [...document.querySelectorAll(targetSelector)].filter(isShown).length;
  };
  /** Whether anything stays put while the page scrolls, and so could cover what comes into view. */
  const pinnedElements = () =>
    [...document.body.querySelectorAll('*')].some(
      (el) => ['fixed', 'sticky'].includes(getComputedStyle(el).position) && isShown(el),
    );

  // A constructed stylesheet, not a <style>: the pages' Content-Security-Policy refuses inline styles.
  const spacing = new CSSStyleSheet();
  const spaceText = (css: string | undefined) => {
    spacing.replaceSync(css ?? '');
    const others = document.adoptedStyleSheets.filter((sheet) => sheet !== spacing);
    document.adoptedStyleSheets = css ? [...others, spacing] : others;
  };

  window.wcag = {
    layoutProblems,
    smallTargets,
    unclickable,
    clickPoints,
    visibleTexts,
    watchFocus,
    focusSeen: () => focus,
    pinnedElements,
    spaceText,
  };
}

/**
 * Presses Tab (or Shift+Tab) `count` times in one go. The presses queue in the browser
 * instead of waiting for a round trip each, which was most of this spec's time (Chromium's
 * protocol: the suite's only browser).
 */
async function pressTab(page: Page, count: number, shift: boolean) {
  const cdp = await page.context().newCDPSession(page);
  const tab = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, modifiers: shift ? 8 : 0 };
  await Promise.all(
    Array.from({ length: count }, () => [
      cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...tab }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...tab }),
    ]).flat(),
  );
  await cdp.detach();
}

/** Moves focus round the page once, forwards or backwards, and checks every stop. */
async function focusRound(page: Page, shift: boolean): Promise<string[]> {
  // Enough presses for every stop the page seems to have and one more to come back round.
  let batch = (await page.evaluate((keys) => window.wcag!.watchFocus(keys), shift ? 'Shift+Tab' : 'Tab')) + 1;
  let stopsBefore = 0;
  for (let sent = 0; sent < maxTabs; sent += batch, batch = tabBatch) {
    await pressTab(page, batch, shift);
    const { stops, done, problems } = await page.evaluate(() => window.wcag!.focusSeen());
    if (stops === 0) return ['Tab focuses nothing'];
    if (done || stops === stopsBefore) return problems;
    stopsBefore = stops;
  }
  return [`focus did not come back round after ${maxTabs} presses`];
}

/**
 * Tabs through the page from its start. Focus moving forwards shows each element from below;
 * something pinned to the top of the screen (a sticky header) can hide it only when focus
 * moves backwards, so then Shift+Tab goes round too.
 */
async function focusProblems(page: Page): Promise<string[]> {
  const problems = await focusRound(page, false);
  if (await page.evaluate(() => window.wcag!.pinnedElements()))
    problems.push(...(await focusRound(page, true)));
  return [...new Set(problems)];
}

/** Runs a reader's action; a problem named `what` if it cannot be done. */
async function attempt(what: string, action: () => Promise<unknown>): Promise<string[]> {
  try {
    await action();
    return [];
  } catch {
    return [what];
  }
}

/** At a zoomed viewport: nothing scrolls sideways or is cut off, no text is lost, every header link can be clicked. */
async function zoomedProblems(page: Page, desktopTexts: string[]) {
  // A menu folded away on a small screen counts as there: open it, as a reader would. (A
  // click at a point: a locator's click waits for animation frames, a second on a busy machine.)
  const folded = 'header details:not([open]) > summary';
  for (const { x, y } of await page.evaluate((s) => window.wcag!.clickPoints(s), folded))
    await page.mouse.click(x, y);
  const { layout, targets, links, texts, shut } = await page.evaluate((folded) => {
    const c = window.wcag!;
    return {
      shut: c.clickPoints(folded).map(({ name }) => `the menu ${name} does not open`),
      layout: c.layoutProblems(),
      targets: c.smallTargets(),
      links: c.unclickable('header a[href]'),
      texts: c.visibleTexts(),
    };
  }, folded);
  const shown = new Set(texts);
  const lost = desktopTexts
    .filter((t) => !shown.has(t))
    .map((t) => `"${t.slice(0, 40)}", shown on the desktop, is not shown`);
  return { layout: [...shut, ...layout, ...lost, ...links], targets };
}

/** At 200 % zoom the search form finds and the language switch leads to the other language. */
async function zoomedFunctionProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const form = page.locator('form[role="search"]');
  if (await form.isVisible()) {
    // The site's own name, which the pages of every language hold.
    const query = (await page.locator('header a[href]').first().innerText()).trim();
    problems.push(
      ...(await attempt(`searching for "${query}" shows no result`, async () => {
        await form.getByRole('searchbox').fill(query, { timeout: 5_000 });
        await form.getByRole('button').click({ timeout: 5_000 });
        await page.locator('[data-search-results] li').first().waitFor({ timeout: 5_000 });
      })),
      ...(await page
        .evaluate(() => window.wcag!.layoutProblems())
        .then((found) => found.map((p) => `with results, ${p}`))),
    );
  }
  // The other language's link, clicked where it shows; the page it opens must be in that language.
  const [other] = await page.evaluate(() => window.wcag!.clickPoints('header a[hreflang]'));
  if (!other?.hreflang) problems.push('the language switch is not shown');
  else {
    await page.mouse.click(other.x, other.y);
    const lang = other.hreflang;
    problems.push(
      ...(await attempt(`the language switch does not lead to the ${lang} page`, () =>
        expect(page.locator('html')).toHaveAttribute('lang', lang, { timeout: 5_000 }),
      )),
    );
  }
  return problems;
}

const labelled = (check: string, problems: string[]) => problems.map((p) => `${check}: ${p}`);

/** The page's layout problems under `css`, applied as a reader's own stylesheet would be, then taken off. */
function layoutWith(page: Page, css: string): Promise<string[]> {
  return page.evaluate((css) => {
    window.wcag!.spaceText(css);
    const found = window.wcag!.layoutProblems();
    window.wcag!.spaceText(undefined);
    return found;
  }, css);
}

/** Every check on one page, as "check: problem" lines. */
async function wcagProblems(page: Page, path: string, status: number): Promise<string[]> {
  const desktop = page.viewportSize()!;
  const problems: string[] = [];
  try {
    const response = await page.goto(at(path));
    expect(response?.status(), at(path)).toBe(status);
    await page.evaluate(installChecks);
    const desktopTexts = await page.evaluate(() => window.wcag!.visibleTexts());
    const targets = await page.evaluate(() => window.wcag!.smallTargets());
    problems.push(...labelled(`target size (2.5.8) at ${desktop.width} px`, targets));
    problems.push(...labelled('focus (2.4.7, 2.4.11)', await focusProblems(page)));
    problems.push(...labelled('text spacing (1.4.12)', await layoutWith(page, textSpacing)));
    for (const { check, width, height } of zoomed) {
      await page.setViewportSize({ width, height });
      const found = await zoomedProblems(page, desktopTexts);
      problems.push(...labelled(check, found.layout));
      problems.push(...labelled(`target size (2.5.8) at ${width} px`, found.targets));
    }
    await page.setViewportSize(phone);
    const enlarged = await layoutWith(page, largeText);
    problems.push(...labelled(`text at 200 % at ${phone.width} px (1.4.4)`, enlarged.filter(sideways)));
    // Last: it leaves the page (a search, the language switch).
    problems.push(...labelled('200 % zoom (1.4.4)', await zoomedFunctionProblems(page)));
  } finally {
    // The page is kept for the worker's next tests.
    await page.setViewportSize(desktop);
  }
  return problems;
}

test.describe('WCAG 2.2 AA beyond axe, on one page of each type', () => {
  test('the build is there to test', () => {
    expect(
      pages.size,
      `${siteDir}/sitemap-index.xml lists no page: run \`npm run build\` first`,
    ).toBeGreaterThan(0);
  });

  for (const [type, path] of pages) {
    test(`${type} (${path})`, async ({ readerPage: page }) => {
      const problems = await wcagProblems(page, path, 200);
      expect(problems, `${path}:\n${problems.join('\n')}`).toEqual([]);
    });
  }

  for (const path of ['/no-such-page/', '/en/no-such-page/']) {
    test(`404 (${path})`, async ({ readerPage: page }) => {
      const problems = await wcagProblems(page, path, 404);
      expect(problems, `the 404 page at ${path}:\n${problems.join('\n')}`).toEqual([]);
    });
  }
});
