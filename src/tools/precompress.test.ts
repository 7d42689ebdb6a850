import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { brotliQuality, precompress } from './precompress.ts';
import { scratchFolders } from './scratchFolders.ts';

const scratchDir = scratchFolders();

describe('precompress', () => {
  it('writes no copies with PRECOMPRESS=false, for hosts that compress at their edge', () => {
    const dir = scratchDir('precompress-off-');
    writeFileSync(join(dir, 'index.html'), `<p>${'ขอนแก่น '.repeat(200)}</p>`);
    const run = (value?: string) =>
      spawnSync('node', ['src/tools/precompress.ts', dir], {
        env: { ...process.env, PRECOMPRESS: value ?? '' },
        encoding: 'utf8',
      });
    const off = run('false');
    expect(off.stdout).toContain('PRECOMPRESS=false: no .br or .gz copies written');
    expect(readdirSync(dir)).toEqual(['index.html']);
    run(undefined);
    expect(readdirSync(dir).sort()).toEqual(['index.html', 'index.html.br', 'index.html.gz']);
  });

  it('stops npm run build before any step on a PRECOMPRESS that is neither true nor false, naming it', () => {
    const dir = scratchDir('precompress-setting-');
    const out = join(dir, 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'the site as it was');
    // The build writes each step's time there as the step ends: no file, no step ran.
    const timings = join(dir, 'timings.json');
    const run = spawnSync('node', ['src/tools/build.ts'], {
      env: { ...process.env, PRECOMPRESS: 'no', OUT_DIR: out, BUILD_TIMINGS: timings },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PRECOMPRESS "no" must be true or false');
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(existsSync(timings)).toBe(false);
  });

  it('writes .br and .gz copies beside text files that decode to the same bytes, and leaves the rest', () => {
    const dir = scratchDir('precompress-');
    const page = `<!doctype html><html lang="th"><p>${'ทุกเพศเท่าเทียม '.repeat(200)}</p></html>`;
    writeFileSync(join(dir, 'index.html'), page);
    writeFileSync(join(dir, 'event.ics'), 'BEGIN:VCALENDAR\r\n'.repeat(50));
    writeFileSync(join(dir, 'font.woff2'), Buffer.alloc(2000, 7));
    writeFileSync(join(dir, 'tiny.css'), 'a{}');
    expect(precompress(dir)).toEqual({ files: 3, reused: 0 });
    expect(readdirSync(dir).sort()).toEqual(
      [
        'event.ics',
        'event.ics.br',
        'event.ics.gz',
        'font.woff2',
        'index.html',
        'index.html.br',
        'index.html.gz',
        'tiny.css',
      ].sort(),
    );
    expect(brotliDecompressSync(readFileSync(join(dir, 'index.html.br'))).toString()).toBe(page);
    expect(gunzipSync(readFileSync(join(dir, 'index.html.gz'))).toString()).toBe(page);
    expect(readFileSync(join(dir, 'index.html.br')).length).toBeLessThan(Buffer.byteLength(page) / 10);
  });

  it('does the pages and the search index apart, so the pages can be done while the index is made', () => {
    const dir = scratchDir('precompress-parts-');
    const text = 'ทุกเพศเท่าเทียม '.repeat(200);
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'index.html'), text);
    writeFileSync(join(dir, 'pagefind', 'pagefind.js'), text);
    expect(precompress(dir, 'pages').files).toBe(1);
    expect(existsSync(join(dir, 'index.html.br'))).toBe(true);
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js.br'))).toBe(false);
    expect(precompress(dir, 'search').files).toBe(1);
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js.br'))).toBe(true);
  });

  it("takes the last build's copies of an unchanged page, and compresses a changed one anew", () => {
    const before = scratchDir('precompress-before-');
    const after = scratchDir('precompress-after-');
    const unchanged = `<p>${'ขอนแก่น '.repeat(200)}</p>`;
    const edited = (n: number) => `<h1>เรื่องที่ ${String(n)}</h1><p>${'เยาวชน '.repeat(200)}</p>`;
    for (const dir of [before, after]) writeFileSync(join(dir, 'index.html'), unchanged);
    mkdirSync(join(before, 'news'));
    mkdirSync(join(after, 'news'));
    writeFileSync(join(before, 'news', 'index.html'), edited(1));
    writeFileSync(join(after, 'news', 'index.html'), edited(2));
    writeFileSync(join(after, 'new.html'), unchanged);
    precompress(before);
    expect(precompress(after, 'all', before)).toEqual({ files: 3, reused: 1 });
    // The same bytes as the last build's copies…
    for (const ext of ['.br', '.gz'])
      expect(readFileSync(join(after, `index.html${ext}`))).toEqual(
        readFileSync(join(before, `index.html${ext}`)),
      );
    // …and a changed page's copies hold the page as it is now, never as it was.
    expect(brotliDecompressSync(readFileSync(join(after, 'news', 'index.html.br'))).toString()).toBe(
      edited(2),
    );
    expect(gunzipSync(readFileSync(join(after, 'news', 'index.html.gz'))).toString()).toBe(edited(2));
    expect(gunzipSync(readFileSync(join(after, 'new.html.gz'))).toString()).toBe(unchanged);
  });

  it('compresses a page whose last build wrote no copies (PRECOMPRESS=false then)', () => {
    const before = scratchDir('precompress-none-before-');
    const after = scratchDir('precompress-none-after-');
    const page = `<p>${'ขอนแก่น '.repeat(200)}</p>`;
    for (const dir of [before, after]) writeFileSync(join(dir, 'index.html'), page);
    expect(precompress(after, 'all', before)).toEqual({ files: 1, reused: 0 });
    expect(brotliDecompressSync(readFileSync(join(after, 'index.html.br'))).toString()).toBe(page);
  });

  it('spends the strongest level on files every reader fetches, a fast one on the many pages', () => {
    expect(brotliQuality('_astro/style.Ab12.css')).toBe(11);
    expect(brotliQuality('en/_astro/x.js')).toBe(11);
    expect(brotliQuality('pagefind/pagefind.js')).toBe(11);
    expect(brotliQuality('news/smart-gender-launch/index.html')).toBe(5);
    expect(brotliQuality('sitemap-0.xml')).toBe(5);
  });
});
