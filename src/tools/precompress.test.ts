import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { brotliQuality, pageFollower, precompress, precompressAlongside } from './precompress.ts';
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
    // A site not indexed (yet) has no index to compress.
    expect(precompress(scratchDir('precompress-no-index-'), 'search').files).toBe(0);
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

  it('takes the one copy of a short file whose gzip copy was not smaller, and adds none', () => {
    const before = scratchDir('precompress-short-before-');
    const after = scratchDir('precompress-short-after-');
    const robots = 'User-agent: *\nAllow: /\n\nSitemap: http://localhost:4321/sitemap-index.xml\n';
    for (const dir of [before, after]) writeFileSync(join(dir, 'robots.txt'), robots);
    precompress(before);
    expect(existsSync(join(before, 'robots.txt.br'))).toBe(true);
    expect(existsSync(join(before, 'robots.txt.gz'))).toBe(false);
    expect(precompress(after, 'all', before)).toEqual({ files: 1, reused: 1 });
    expect(brotliDecompressSync(readFileSync(join(after, 'robots.txt.br'))).toString()).toBe(robots);
    expect(existsSync(join(after, 'robots.txt.gz'))).toBe(false);
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
    expect(brotliQuality('_astro\\style.Ab12.css')).toBe(11);
    expect(brotliQuality('pagefind/pagefind.js')).toBe(11);
    expect(brotliQuality('news/smart-gender-launch/index.html')).toBe(5);
    expect(brotliQuality('sitemap-0.xml')).toBe(5);
  });
});

/** Writes `text` at `file` under `dir`, making its folders. */
function put(dir: string, file: string, text: string): void {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), text);
}

/** What a copy beside `file` decodes to, or undefined when there is none. */
function decoded(dir: string, file: string, ext: 'br' | 'gz'): string | undefined {
  const path = join(dir, `${file}.${ext}`);
  if (!existsSync(path)) return undefined;
  return (ext === 'br' ? brotliDecompressSync : gunzipSync)(readFileSync(path)).toString();
}

/** Resolves once `ready` holds, checking every 10 ms; fails the test after 5 s. */
async function until(ready: () => boolean): Promise<void> {
  for (let waited = 0; !ready(); waited += 10) {
    if (waited > 5000) throw new Error('waited 5 s in vain');
    await sleep(10);
  }
}

const story = (n: number) =>
  `<!doctype html><html lang="th"><p>${`เรื่องที่ ${String(n)} `.repeat(300)}</p></html>`;

describe('pageFollower', () => {
  it('gives each page once, as it appears, in new folders and old ones', () => {
    const dir = scratchDir('follow-');
    const next = pageFollower(join(dir, 'site'));
    // Before Astro has made its folder.
    expect(next()).toEqual([]);
    put(dir, 'site/index.html', story(1));
    put(dir, 'site/news/a/index.html', story(2));
    put(dir, 'site/_astro/style.css', 'a{}');
    expect(next().sort()).toEqual(['index.html', join('news', 'a', 'index.html')]);
    expect(next()).toEqual([]);
    put(dir, 'site/news/b/index.html', story(3));
    put(dir, 'site/en/news/a/index.html', story(4));
    put(dir, 'site/404.html', story(5));
    expect(next().sort()).toEqual([
      '404.html',
      join('en', 'news', 'a', 'index.html'),
      join('news', 'b', 'index.html'),
    ]);
  });

  it('finds a subfolder that appears later beside a page, within ten calls', () => {
    const dir = scratchDir('follow-later-');
    const next = pageFollower(dir);
    put(dir, 'news/index.html', story(1));
    expect(next()).toEqual([join('news', 'index.html')]);
    put(dir, 'news/2/index.html', story(2));
    put(dir, 'news/2/3/index.html', story(3));
    const later = Array.from({ length: 10 }, next).flat();
    expect(later.sort()).toEqual([join('news', '2', '3', 'index.html'), join('news', '2', 'index.html')]);
  });

  it("leaves out folders whose name starts with a dot (Astro's scratch folder, deleted at its end)", () => {
    const dir = scratchDir('follow-dot-');
    put(dir, '.prerender/chunks/page.html', story(1));
    put(dir, 'index.html', story(2));
    expect(pageFollower(dir)()).toEqual(['index.html']);
  });
});

describe('precompressAlongside', () => {
  it('compresses pages while they are written, and at the end leaves every copy true to its file', async () => {
    const dir = scratchDir('alongside-');
    const { promise: written, resolve } = Promise.withResolvers<boolean>();
    const run = precompressAlongside(dir, 'pages', undefined, written, 10);
    put(dir, 'news/a/index.html', story(1));
    put(dir, '.prerender/chunks/entry.html', story(9));
    // Compressed before the build is over: on the core Astro leaves idle.
    await until(() => decoded(dir, join('news', 'a', 'index.html'), 'br') === story(1));
    // Written again after its copies were made, as a page read half-written would be…
    put(dir, 'news/a/index.html', story(2));
    // …and the files that come last: a stylesheet, and the search index, not a page.
    put(dir, '_astro/style.css', 'a{color:red}'.repeat(100));
    put(dir, 'pagefind/pagefind.js', 'x'.repeat(1000));
    rmSync(join(dir, '.prerender'), { recursive: true });
    resolve(true);
    expect(await run).toEqual({ files: 2, reused: 0 });
    for (const ext of ['br', 'gz'] as const) {
      expect(decoded(dir, join('news', 'a', 'index.html'), ext)).toBe(story(2));
      expect(decoded(dir, join('_astro', 'style.css'), ext)).toBe('a{color:red}'.repeat(100));
      expect(decoded(dir, join('pagefind', 'pagefind.js'), ext)).toBeUndefined();
    }
  });

  it('drops the copies of a page that is gone by the end', async () => {
    const dir = scratchDir('alongside-gone-');
    const { promise: written, resolve } = Promise.withResolvers<boolean>();
    const run = precompressAlongside(dir, 'pages', undefined, written, 10);
    put(dir, 'draft/index.html', story(1));
    await until(() => existsSync(join(dir, 'draft', 'index.html.gz')));
    rmSync(join(dir, 'draft', 'index.html'));
    resolve(true);
    expect(await run).toEqual({ files: 0, reused: 0 });
    expect(readdirSync(join(dir, 'draft'))).toEqual([]);
  });

  it('is told by npm run build on its standard input how Astro ended', () => {
    const dir = scratchDir('alongside-cli-');
    put(dir, 'index.html', story(1));
    put(dir, '_astro/style.css', 'a{color:red}'.repeat(100));
    const run = (input: string) =>
      spawnSync('node', ['src/tools/precompress.ts', dir, 'pages', '--alongside'], {
        input,
        encoding: 'utf8',
      });
    // Closed without a word: Astro's build failed, and nothing more is compressed.
    expect(run('').status).toBe(1);
    expect(existsSync(join(dir, '_astro', 'style.css.br'))).toBe(false);
    const written = run('written\n');
    expect(written.status).toBe(0);
    expect(written.stdout).toContain(`precompressed 2 files in ${dir}/ (pages)`);
    expect(decoded(dir, join('_astro', 'style.css'), 'br')).toBe('a{color:red}'.repeat(100));
  });

  // Linux shows a process's priority in /proc: field 19 of its stat line is its nice value.
  it.runIf(existsSync('/proc/self/stat'))(
    'gives way to Astro’s build: it runs at a lower priority',
    async () => {
      const dir = scratchDir('alongside-nice-');
      const child = spawn('node', ['src/tools/precompress.ts', dir, 'pages', '--alongside']);
      const nice = () => {
        try {
          const stat = readFileSync(`/proc/${String(child.pid)}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
        } catch {
          return undefined;
        }
      };
      try {
        await until(() => nice() === 10);
      } finally {
        child.stdin.end();
        await new Promise((resolve) => child.on('exit', resolve));
      }
    },
  );

  it('stops without its last pass when the build has failed', async () => {
    const dir = scratchDir('alongside-failed-');
    put(dir, '_astro/style.css', 'a{color:red}'.repeat(100));
    expect(await precompressAlongside(dir, 'pages', undefined, Promise.resolve(false), 10)).toBeUndefined();
    expect(existsSync(join(dir, '_astro', 'style.css.br'))).toBe(false);
  });

  it("takes the last build's copies of the pages that are unchanged", async () => {
    const before = scratchDir('alongside-before-');
    const after = scratchDir('alongside-after-');
    put(before, 'index.html', story(1));
    put(before, 'news/index.html', story(2));
    precompress(before);
    const { promise: written, resolve } = Promise.withResolvers<boolean>();
    const run = precompressAlongside(after, 'pages', before, written, 10);
    put(after, 'index.html', story(1));
    put(after, 'news/index.html', story(3));
    resolve(true);
    expect(await run).toEqual({ files: 2, reused: 1 });
    expect(readFileSync(join(after, 'index.html.br'))).toEqual(readFileSync(join(before, 'index.html.br')));
    expect(decoded(after, join('news', 'index.html'), 'br')).toBe(story(3));
  });
  it("never writes through a copy taken from the last build: that build's copy stays as it was", async () => {
    const before = scratchDir('alongside-link-before-');
    const after = scratchDir('alongside-link-after-');
    put(before, 'index.html', story(1));
    precompress(before);
    const { promise: written, resolve } = Promise.withResolvers<boolean>();
    const run = precompressAlongside(after, 'pages', before, written, 10);
    put(after, 'index.html', story(1));
    await until(() => existsSync(join(after, 'index.html.br')));
    // The page changes after its copies were taken from the last build.
    put(after, 'index.html', story(2));
    resolve(true);
    expect(await run).toEqual({ files: 1, reused: 0 });
    expect(decoded(after, 'index.html', 'br')).toBe(story(2));
    expect(decoded(before, 'index.html', 'br')).toBe(story(1));
    expect(decoded(before, 'index.html', 'gz')).toBe(story(1));
  });
});
