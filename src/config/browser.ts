import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/**
 * Where a system Chromium lives: Debian's package, Ubuntu's older name, the snap. The first
 * one that exists is used when Playwright's own build is absent.
 */
export const systemChromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/**
 * Debian's build of Chromium's headless shell (package chromium-headless-shell): the lean
 * browser Playwright itself runs headless tests in when it has its own, without the full
 * browser's window machinery. The browser tests take about half the CPU in it.
 */
export const systemHeadlessShellPath = '/usr/bin/chromium-headless-shell';

/**
 * What a browser is for: `tests` (the browser tests and the preview images) prefer the
 * headless shell; `lighthouse` (the benchmark) needs the full browser, as a reader has it,
 * in which the benchmark's earlier runs here and the other sites' figures were measured.
 */
export type BrowserUse = 'tests' | 'lighthouse';

/** Which browser the tests drive, and where it came from. */
export interface FoundBrowser {
  path: string;
  source: 'playwright' | 'system';
}

/**
 * The browser to drive: Playwright's own Chromium when it is installed, else the first
 * system Chromium that exists (for the tests the headless shell first; for Lighthouse only
 * a full browser), else none (src/tools/ensureBrowser.ts then installs one).
 * `exists` is a parameter so the choice can be tested without touching the machine.
 */
export function findChromium(
  exists: (path: string) => boolean = existsSync,
  use: BrowserUse = 'tests',
): FoundBrowser | undefined {
  const own = chromium.executablePath();
  if (exists(own)) return { path: own, source: 'playwright' };
  const paths = use === 'tests' ? [systemHeadlessShellPath, ...systemChromiumPaths] : systemChromiumPaths;
  const system = paths.find((path) => exists(path));
  return system ? { path: system, source: 'system' } : undefined;
}

/**
 * How the tests, the benchmark and the preview-image script start Chromium. A system
 * Chromium gets flags that keep it from calling out to Google's services (the closed
 * network refuses them, many at a time) and from needing a sandbox a container lacks, and
 * two that let pages of one site share a renderer process: starting one is the costliest
 * part of a browser test on these machines (the root browser run: about 290 s to 255 s).
 */
export function chromiumLaunchOptions(
  extraArgs: string[] = [],
  use: BrowserUse = 'tests',
  exists: (path: string) => boolean = existsSync,
): LaunchOptions {
  const found = findChromium(exists, use);
  if (!found || found.source === 'playwright') {
    // Playwright runs its own headless shell unless asked for the full browser by channel.
    return {
      ...(use === 'lighthouse' && { channel: 'chromium' }),
      ...(extraArgs.length && { args: extraArgs }),
    };
  }
  return {
    executablePath: found.path,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--renderer-process-limit=1',
      '--process-per-site',
      // The compositor (software, without a GPU) as a thread of the browser, not a process
      // of its own: less processor time in each of five paired runs of four specs (6 % on
      // average). The benchmark keeps the browser as readers run it.
      ...(use === 'tests' ? ['--in-process-gpu'] : []),
      ...extraArgs,
    ],
  };
}
