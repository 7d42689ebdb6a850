import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { findChromium } from './browser.ts';

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
    // Either one alone serves both.
    const shellOnly = (path: string) => path === '/usr/bin/chromium-headless-shell';
    expect(findChromium(shellOnly, 'lighthouse')).toEqual({
      path: '/usr/bin/chromium-headless-shell',
      source: 'system',
    });
    const fullOnly = (path: string) => path === '/usr/bin/chromium';
    expect(findChromium(fullOnly, 'tests')).toEqual({ path: '/usr/bin/chromium', source: 'system' });
  });
});
