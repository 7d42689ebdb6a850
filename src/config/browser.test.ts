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
});
