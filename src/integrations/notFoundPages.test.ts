import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import notFoundPages, { notFoundMove, notFoundRoutes } from './notFoundPages.ts';

describe("the other languages' 404 pages", () => {
  it('go where hosts look for them, in their language folder', () => {
    expect(notFoundMove('en')).toEqual({ from: 'en/404/index.html', to: 'en/404.html' });
  });

  it('are kept out of the sitemap by their addresses, under a base path too', () => {
    expect(notFoundRoutes('/')).toEqual(['/en/404/']);
    expect(notFoundRoutes('/smart-gender/')).toEqual(['/smart-gender/en/404/']);
  });

  let dir = '';
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('are moved once Astro has written the site, with nothing left of their folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'not-found-'));
    mkdirSync(join(dir, 'en/404'), { recursive: true });
    writeFileSync(join(dir, 'en/404/index.html'), '<html lang="en">');
    // A compressed copy the build made while Astro was still writing.
    writeFileSync(join(dir, 'en/404/index.html.br'), 'old');
    writeFileSync(join(dir, '404.html'), '<html lang="th">');
    const done = notFoundPages().hooks['astro:build:done'] as (options: { dir: URL }) => void;
    done({ dir: pathToFileURL(`${dir}/`) });
    expect(readFileSync(join(dir, 'en/404.html'), 'utf8')).toBe('<html lang="en">');
    expect(existsSync(join(dir, 'en/404'))).toBe(false);
    expect(readFileSync(join(dir, '404.html'), 'utf8')).toBe('<html lang="th">');
  });
});
