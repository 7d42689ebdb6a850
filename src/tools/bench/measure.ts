/**
 * The benchmark's measurements: `npm run build` on a corpus as an editor runs it (every
 * step, its time and the memory of all its processes together), then the built site served
 * as a CDN serves it, measured in Chromium: page weight, Lighthouse and search.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import lighthouse from 'lighthouse';
import { request as httpGet } from 'node:http';
import { startNginx } from '../nginxServer.ts';
import { parseTimings, stepShares, type MemorySample, type StepShare } from './stepShares.ts';

/** What one `npm run build` of the corpus cost, and what it made. */
export interface BuildFigures {
  /** `npm run build` as a whole, from npm's start to its exit. */
  seconds: number;
  /** The highest memory of all the build's processes together; undefined off Linux. */
  peakBytes: number | undefined;
  /** Each step's time, share and peak, then npm and Node's start-up. */
  steps: StepShare[];
  pages: number;
  distBytes: number;
  indexBytes: number;
}

export interface SearchFigures {
  query: string;
  openBytes: number;
  firstSearchBytes: number;
  firstSearchMs: number;
  afterChunksMs: number;
  warmSearchMs: number;
  results: number;
}

/** What the first view of a page costs: requests and bytes as a CDN serves them (gzip). */
export interface PageWeight {
  requests: number;
  /** What Chromium received (it asks for brotli). */
  bytes: number;
  scriptBytes: number;
  /** The same files asked for with each encoding alone: bodies as sent, plus headers. */
  byEncoding: { br: number; gzip: number };
}

/** Bytes nginx sends for `url` to a client accepting only `encoding`: body as sent, plus headers. */
function bytesSent(url: string, encoding: string): Promise<number> {
  return new Promise((done, fail) => {
    httpGet(url, { headers: { 'Accept-Encoding': encoding } }, (response) => {
      const head = response.rawHeaders.reduce((n, h) => n + h.length + 2, 0) + 20;
      let body = 0;
      response.on('data', (chunk: Buffer) => (body += chunk.length));
      response.on('end', () => {
        done(head + body);
      });
    })
      .on('error', fail)
      .end();
  });
}

export interface LighthouseFigures {
  scores: string;
  lcp: string;
}

/** What the built site weighs and how fast it answers, in the default language. */
export interface SiteFigures {
  article: PageWeight;
  newsList: number;
  search: SearchFigures;
  lighthouse: Record<'home' | 'article' | 'photoArticle' | 'search', LighthouseFigures>;
}

/** One size of corpus, measured. */
export interface Row {
  perLang: number;
  /** How many of the stories have a cover photo (each its own file, shared by twins). */
  photos: number;
  build: BuildFigures;
  /** The build after that, with one story edited: what an editor waits for day to day. */
  rebuild?: BuildFigures;
  site: SiteFigures;
}

/** Resident memory of a process and all its descendants together, from /proc (Linux). */
function treeRss(root: number): number | undefined {
  if (!existsSync('/proc/self/status')) return undefined;
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Runs a command and measures its time and its memory: all its processes together (npm,
 * Node, `astro check`, Astro's workers, Pagefind's indexer), sampled every 100 ms, as a
 * memory limit would count them.
 */
function measured(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; output: string; seconds: number; samples: MemorySample[] }> {
  const start = performance.now();
  const child = spawn(command, args, { env });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += String(d)));
  child.stderr.on('data', (d: Buffer) => (output += String(d)));
  const samples: MemorySample[] = [];
  const sample = setInterval(() => {
    const bytes = child.pid === undefined ? undefined : treeRss(child.pid);
    if (bytes !== undefined) samples.push({ at: Date.now(), bytes });
  }, 100);
  return new Promise((done) =>
    child.on('close', (status) => {
      clearInterval(sample);
      done({ status, output, seconds: (performance.now() - start) / 1000, samples });
    }),
  );
}

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      bytes += statSync(join(e.parentPath, e.name)).size;
      files++;
    }
  }
  return { bytes, files };
}

/**
 * Runs `npm run build`, the editor's command with all its checks, on `contentDir` into
 * `<work>/dist`, with an Astro cache of its own so the corpus never mixes with the real
 * site's. Throws with the build's output when it fails.
 */
export async function measureBuild(contentDir: string, work: string): Promise<BuildFigures> {
  const out = join(work, 'dist');
  const timings = join(work, 'build-timings.json');
  const env = {
    ...process.env,
    CONTENT_DIR: contentDir,
    OUT_DIR: out,
    ASTRO_CACHE_DIR: join(work, 'cache'),
    BUILD_TIMINGS: timings,
    // The site at the root, whatever `.env` says, as the server serves it there.
    BASE_PATH: '',
  };
  const run = await measured('npm', ['run', 'build'], env);
  if (run.status !== 0) throw new Error(`npm run build failed:\n${run.output}`);
  const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  return {
    seconds: run.seconds,
    peakBytes: run.samples.reduce<number | undefined>((top, m) => Math.max(top ?? 0, m.bytes), undefined),
    steps: stepShares(run.seconds, parseTimings(readFileSync(timings, 'utf8'), timings), run.samples),
    pages: pages.length,
    distBytes: dirSize(out).bytes,
    indexBytes: dirSize(join(out, 'pagefind')).bytes,
  };
}

async function measureSearch(
  browser: Browser,
  origin: string,
  query: string,
  nextQuery: string,
): Promise<SearchFigures> {
  // Pagefind fetches its index from a worker, which the page's own resource timings miss:
  // count every response the browser receives instead, with the time it finished.
  const context = await browser.newContext();
  const received: { at: number; bytes: Promise<number> }[] = [];
  context.on('requestfinished', (request) => {
    const timing = request.timing();
    received.push({
      at: timing.startTime + timing.responseEnd,
      bytes: request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize),
    });
  });
  const total = async (from: number) =>
    (await Promise.all(received.slice(from).map((r) => r.bytes))).reduce((a, b) => a + b, 0);
  const page = await context.newPage();
  await page.goto(`${origin}/search/`, { waitUntil: 'networkidle' });
  const openBytes = await total(0);

  const timed = async (q: string) => {
    await page.getByRole('searchbox').fill(q);
    await page.evaluate(() => {
      const w = window as unknown as { t0: number; t1: number };
      const status = document.querySelector('[data-search-status]');
      const search = document.querySelector<HTMLElement>('[data-search]');
      if (!status || !search) throw new Error('This is not the search page.');
      // The search is over when results are listed or the status says anything other than
      // "searching" (no result, search unavailable), in whatever language the page is.
      const { loading } = JSON.parse(search.dataset.strings ?? '{}') as { loading?: string };
      w.t1 = 0;
      new MutationObserver((_, obs) => {
        const said = status.textContent.trim();
        if (document.querySelector('[data-search-results] li') || (said && said !== loading)) {
          w.t1 = performance.timeOrigin + performance.now();
          obs.disconnect();
        }
      }).observe(search, {
        childList: true,
        subtree: true,
        characterData: true,
      });
      addEventListener('keydown', () => (w.t0 = performance.timeOrigin + performance.now()), {
        once: true,
        capture: true,
      });
    });
    const mark = received.length;
    await page.getByRole('searchbox').press('Enter');
    await page.waitForFunction(() => (window as unknown as { t1: number }).t1 > 0, null, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const { t0, t1, results } = await page.evaluate(() => {
      const w = window as unknown as { t0: number; t1: number };
      return { t0: w.t0, t1: w.t1, results: document.querySelectorAll('[data-search-results] li').length };
    });
    const lastChunk = Math.max(
      t0,
      ...received
        .slice(mark)
        .map((r) => r.at)
        .filter((at) => at <= t1),
    );
    return { ms: t1 - t0, afterChunks: t1 - lastChunk, bytes: await total(mark), results };
  };
  const first = await timed(query);
  const warm = await timed(nextQuery);
  await context.close();
  return {
    query,
    openBytes,
    firstSearchBytes: first.bytes,
    firstSearchMs: first.ms,
    afterChunksMs: first.afterChunks,
    warmSearchMs: warm.ms,
    results: first.results,
  };
}

async function pageWeight(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes: Promise<{ url: string; bytes: number; script: boolean }>[] = [];
  page.on('requestfinished', (request) =>
    sizes.push(
      request.sizes().then((s) => ({
        url: request.url(),
        bytes: s.responseBodySize + s.responseHeadersSize,
        script: request.resourceType() === 'script',
      })),
    ),
  );
  await page.goto(url, { waitUntil: 'networkidle' });
  const all = await Promise.all(sizes);
  await context.close();
  const sent = async (encoding: string) =>
    (await Promise.all(all.map((r) => bytesSent(r.url, encoding)))).reduce((a, b) => a + b, 0);
  return {
    requests: all.length,
    bytes: all.reduce((n, r) => n + r.bytes, 0),
    scriptBytes: all.filter((r) => r.script).reduce((n, r) => n + r.bytes, 0),
    byEncoding: { br: await sent('br'), gzip: await sent('gzip') },
  };
}

/** Lighthouse's default run: a mid-range phone on a throttled mobile connection. */
async function lighthouseOf(url: string, port: number): Promise<LighthouseFigures> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
  const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const lhr = result.lhr;
  return {
    scores: categories.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100)).join('/'),
    lcp: lhr.audits['largest-contentful-paint']?.displayValue ?? '?',
  };
}

/** What to measure on the built site, all in the default language (served at the root). */
export interface SiteProbe {
  /** The browser, started with its DevTools port open for Lighthouse. */
  browser: Browser;
  debuggingPort: number;
  /** A story's path, e.g. `/news/smart-gender-launch/`. */
  articlePath: string;
  /** A story with a cover photo. */
  photoArticlePath: string;
  /** The first search, then the next one (index chunks already loaded). */
  queries: [first: string, next: string];
}

/** Serves `<work>/dist` on `port` with nginx and the repository's server file, and measures it in the browser. */
export async function measureSite(work: string, port: number, probe: SiteProbe): Promise<SiteFigures> {
  const out = join(work, 'dist');
  const server = await startNginx(out, port);
  const { origin } = server;
  try {
    const { browser, debuggingPort, articlePath, photoArticlePath, queries } = probe;
    return {
      article: await pageWeight(browser, `${origin}${articlePath}`),
      newsList: statSync(join(out, 'news', 'index.html')).size,
      search: await measureSearch(browser, origin, ...queries),
      lighthouse: {
        home: await lighthouseOf(`${origin}/`, debuggingPort),
        article: await lighthouseOf(`${origin}${articlePath}`, debuggingPort),
        photoArticle: await lighthouseOf(`${origin}${photoArticlePath}`, debuggingPort),
        search: await lighthouseOf(`${origin}/search/`, debuggingPort),
      },
    };
  } finally {
    await server.stop();
  }
}
