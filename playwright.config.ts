import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

/**
 * e2e tests run against the production build (`dist/`), served by `astro preview`.
 * Playwright cannot download its own browser here, so Debian's Chromium stands in when
 * Playwright's is absent.
 */
const ownBrowser = chromium.executablePath();
const launchOptions = existsSync(ownBrowser)
  ? {}
  : {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    };

const port = Number(process.env.E2E_PORT ?? 4399);
const desktop = { ...devices['Desktop Chrome'], launchOptions };

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { baseURL: `http://127.0.0.1:${port}`, trace: 'retain-on-failure' },
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
  webServer: {
    command: `astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
