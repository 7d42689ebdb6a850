import { test as base, type BrowserContextOptions, type Page } from '@playwright/test';

const contextKeys = [
  'baseURL',
  'viewport',
  'userAgent',
  'deviceScaleFactor',
  'isMobile',
  'hasTouch',
  'javaScriptEnabled',
  'locale',
] as const;

/**
 * `readerPage`: one browser page kept for all of a worker's tests that only open a page and
 * look at it (axe, link-preview tags). Opening a page costs a new browser process, and on
 * two cores that cost, not the checks, was most of such a test's time. Tests that need a
 * first visit (size budgets), watch requests from the start (CSP) or change the context
 * (permissions, scripts) keep Playwright's fresh `page`.
 */
export const test = base.extend<object, { readerPage: Page }>({
  readerPage: [
    async ({ browser }, use, workerInfo) => {
      // The project's device and address, as Playwright's own page gets them.
      const { use: project } = workerInfo.project;
      const options = Object.fromEntries(
        contextKeys.flatMap((key) => (project[key] === undefined ? [] : [[key, project[key]]])),
      ) as BrowserContextOptions;
      const context = await browser.newContext(options);
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
