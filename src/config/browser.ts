import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/**
 * How the tests, the benchmark and the preview-image script start Chromium: Playwright's own
 * build when it is installed, otherwise Debian's `/usr/bin/chromium` (Playwright cannot
 * download its browser on these machines). The flags keep Debian's Chromium from calling
 * out to Google's services, which the closed network refuses.
 */
export function chromiumLaunchOptions(extraArgs: string[] = []): LaunchOptions {
  if (existsSync(chromium.executablePath())) return extraArgs.length ? { args: extraArgs } : {};
  return {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  };
}
