import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './src/config/browser.ts';
import { normaliseBase } from './src/config/deploy.ts';

/**
 * e2e tests run against the production build (`dist/`), served by Debian's nginx with the
 * repository's own server file (src/tools/nginxServer.ts), as municipal IT serves it.
 * Playwright cannot download its own browser here, so Debian's Chromium stands in when
 * Playwright's is absent (src/config/browser.ts).
 */
const launchOptions = chromiumLaunchOptions();

const port = Number(process.env.E2E_PORT ?? 4399);
/**
 * `npm test` runs the suite at the root and, at the same time, its `@base` tests under a base
 * path (BASE_PATH, SITE_DIR, and E2E_PORT for a server of its own).
 */
const base = normaliseBase(process.env.BASE_PATH);
const siteDir = process.env.SITE_DIR ?? 'dist';
const desktop = { ...devices['Desktop Chrome'], launchOptions };

export default defineConfig({
  testDir: 'e2e',
  // Only specs: e2e/support/ holds helpers and their unit tests (*.test.ts, run by Vitest).
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // On CI one retry, so a test that fails once under load does not sink the run; the summary
  // says how many needed it, and a test that fails twice still fails.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'test-results/e2e.json' }]],
  // Traces and screenshots of each run in a folder of its own: Playwright empties this folder
  // when a run starts, so the base-path run must not wipe the first run's (or the reports).
  outputDir: base === '/' ? 'test-results/e2e-artifacts' : 'test-results/e2e-base-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    // A trace of every test (to keep the failing ones') cost a third of the browser run's
    // processor time (523 to 353 CPU-s at the root). A failure keeps a screenshot; a retry on
    // CI records the trace.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    // Journeys run on a desktop, on a 360 px phone and with JavaScript turned off.
    { name: 'desktop', use: desktop },
    {
      name: 'phone',
      testMatch: /journeys\.spec\.ts/,
      use: { ...devices['Pixel 7'], viewport: { width: 360, height: 740 }, launchOptions },
    },
    {
      name: 'no-js',
      testMatch: /journeys\.spec\.ts/,
      use: { ...desktop, javaScriptEnabled: false },
    },
  ],
  // nginx with deploy/nginx/'s file for the base path; stopped with SIGTERM so it cleans up.
  webServer: {
    command: `node src/tools/nginxServer.ts --dir ${siteDir} --port ${port} --base ${base}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
  },
});
