import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { chromiumLaunchOptions, findChromium } from './browser.ts';

describe('findChromium', () => {
  const own = chromium.executablePath();

  it("prefers Playwright's own Chromium, then the first system Chromium, else none", () => {
    expect(findChromium(() => true)).toEqual({ path: own, source: 'playwright' });
    const ubuntu = (path: string) => path === '/usr/bin/chromium-browser';
    expect(findChromium(ubuntu)).toEqual({ path: '/usr/bin/chromium-browser', source: 'system' });
    expect(findChromium(() => false)).toBeUndefined();
  });

  it("runs the tests in Debian's headless shell, and Lighthouse in the full browser, when both are there", () => {
    const debian = (path: string) =>
      path === '/usr/bin/chromium' || path === '/usr/bin/chromium-headless-shell';
    expect(findChromium(debian, 'tests')).toEqual({
      path: '/usr/bin/chromium-headless-shell',
      source: 'system',
    });
    expect(findChromium(debian, 'lighthouse')).toEqual({ path: '/usr/bin/chromium', source: 'system' });
    // The full browser alone serves both; the headless shell cannot stand in for it.
    const shellOnly = (path: string) => path === '/usr/bin/chromium-headless-shell';
    expect(findChromium(shellOnly, 'lighthouse')).toBeUndefined();
    const fullOnly = (path: string) => path === '/usr/bin/chromium';
    expect(findChromium(fullOnly, 'tests')).toEqual({ path: '/usr/bin/chromium', source: 'system' });
  });

  it('starts a system browser by its path with the flags a closed container needs, and Playwright’s own as it is', () => {
    const debian = (path: string) =>
      path === '/usr/bin/chromium' || path === '/usr/bin/chromium-headless-shell';
    const tests = chromiumLaunchOptions([], 'tests', debian);
    expect(tests.executablePath).toBe('/usr/bin/chromium-headless-shell');
    expect(tests.args).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-background-networking']));
    expect(tests.args).toContain('--in-process-gpu');
    const lighthouse = chromiumLaunchOptions(['--remote-debugging-port=9333'], 'lighthouse', debian);
    expect(lighthouse.executablePath).toBe('/usr/bin/chromium');
    expect(lighthouse.args).not.toContain('--in-process-gpu');
    expect(lighthouse.args?.at(-1)).toBe('--remote-debugging-port=9333');
    // Playwright's own: its headless shell for tests, its full browser (by channel) for Lighthouse.
    expect(chromiumLaunchOptions([], 'tests', () => true)).toEqual({});
    expect(chromiumLaunchOptions(['--x'], 'lighthouse', () => true)).toEqual({
      channel: 'chromium',
      args: ['--x'],
    });
  });
});
