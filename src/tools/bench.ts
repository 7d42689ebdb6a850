/**
 * `npm run bench -- [articles per language ...]`: a benchmark, not a test.
 *
 * Makes a synthetic bilingual corpus from the real content's vocabulary (the real programme
 * and related stories plus N generated news stories per language), builds it, and measures:
 * build time, time per page, peak memory, dist/ size, Pagefind index size, and in headless
 * Chromium the bytes a first search fetches and the time from the Enter key to the results.
 * Results are written to BENCHMARKS.md with the machine they ran on.
 *
 *   npm run bench            # 100 articles per language
 *   npm run bench -- 2000    # 2,000 per language
 *   npm run bench -- 100 1000 5000
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import lighthouse from 'lighthouse';
import { format, resolveConfig } from 'prettier';
import { buildSteps } from './buildSteps.ts';
import { serveSite } from './serve.ts';
import { chromiumLaunchOptions } from '../config/browser.ts';
import { ensureBrowser } from './ensureBrowser.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
if (sizes.length === 0) sizes.push(100);
// The browser first: without one nothing is built, and the message says what to install.
if (!ensureBrowser()) process.exit(1);

/** A small deterministic random generator, so two runs make the same corpus. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function bodyOf(file: string): string {
  return readFileSync(file, 'utf8').split(/^---$/m).slice(2).join('---');
}

/** Words of the real article, as Intl.Segmenter splits them (Thai has no spaces between words). */
function vocabulary(lang: 'th' | 'en'): string[] {
  const text = ['news', 'objectives']
    .flatMap((c) => readdirSync(`content/${c}/${lang}`).map((f) => bodyOf(`content/${c}/${lang}/${f}`)))
    .join(' ');
  const seg = new Intl.Segmenter(lang, { granularity: 'word' });
  return [...seg.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

function sentence(words: string[], count: number, next: () => number, lang: 'th' | 'en'): string {
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- next() is below 1: the index is in range.
  const picked = Array.from({ length: count }, () => words[Math.floor(next() * words.length)]!);
  if (lang === 'en') return picked.join(' ');
  // Thai: words run together, with a space between phrases as Thai writers use it.
  return picked.map((w, i) => (i > 0 && i % 7 === 0 ? ` ${w}` : w)).join('');
}

const relatedSlugs = readdirSync('content/related/th').map((f) => f.replace(/\.md$/, ''));

function writeCorpus(dir: string, perLang: number): void {
  cpSync('content/objectives', join(dir, 'objectives'), { recursive: true });
  cpSync('content/related', join(dir, 'related'), { recursive: true });
  cpSync('content/news', join(dir, 'news'), { recursive: true });
  for (const lang of ['th', 'en'] as const) {
    const words = vocabulary(lang);
    const next = random(perLang);
    for (let i = 1; i <= perLang; i++) {
      const date = new Date(Date.UTC(2024, 1, 23, 2) - i * 86_400_000)
        .toISOString()
        .replace('.000Z', '+00:00');
      const title = sentence(words, 6 + Math.floor(next() * 5), next, lang).slice(0, 110);
      const description = sentence(words, 30, next, lang).slice(0, 190).padEnd(25, '.');
      const paragraphs = Array.from({ length: 3 }, () =>
        sentence(words, 60 + Math.floor(next() * 60), next, lang),
      );
      const related = relatedSlugs.filter(() => next() < 0.3);
      writeFileSync(
        join(dir, 'news', lang, `bench-${String(i).padStart(5, '0')}.md`),
        [
          '---',
          `title: ${JSON.stringify(title)}`,
          `description: ${JSON.stringify(description)}`,
          `date: "${date}"`,
          `related: ${JSON.stringify(related)}`,
          '---',
          '',
          paragraphs.join('\n\n'),
          '',
        ].join('\n'),
      );
    }
  }
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

interface SearchFigures {
  openBytes: number;
  firstSearchBytes: number;
  firstSearchMs: number;
  afterChunksMs: number;
  warmSearchMs: number;
  results: number;
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
      const search = document.querySelector('[data-search]');
      if (!status || !search) throw new Error('This is not the search page.');
      w.t1 = 0;
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-search-results] li') || /ไม่พบ|No page/.test(status.textContent)) {
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
    openBytes,
    firstSearchBytes: first.bytes,
    firstSearchMs: first.ms,
    afterChunksMs: first.afterChunks,
    warmSearchMs: warm.ms,
    results: first.results,
  };
}

/** What the first view of a page costs: requests and bytes as a CDN serves them (gzip). */
interface PageWeight {
  requests: number;
  bytes: number;
  scriptBytes: number;
}

async function pageWeight(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes: Promise<{ bytes: number; script: boolean }>[] = [];
  page.on('requestfinished', (request) =>
    sizes.push(
      request.sizes().then((s) => ({
        bytes: s.responseBodySize + s.responseHeadersSize,
        script: request.resourceType() === 'script',
      })),
    ),
  );
  await page.goto(url, { waitUntil: 'networkidle' });
  const all = await Promise.all(sizes);
  await context.close();
  return {
    requests: all.length,
    bytes: all.reduce((n, r) => n + r.bytes, 0),
    scriptBytes: all.filter((r) => r.script).reduce((n, r) => n + r.bytes, 0),
  };
}

interface Lighthouse {
  scores: string;
  lcp: string;
}

/** Lighthouse's default run: a mid-range phone on a throttled mobile connection. */
async function lighthouseOf(url: string, port: number): Promise<Lighthouse> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
  const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const lhr = result.lhr;
  return {
    scores: categories.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100)).join('/'),
    lcp: lhr.audits['largest-contentful-paint']?.displayValue ?? '?',
  };
}

interface Row {
  perLang: number;
  pages: number;
  buildS: number;
  msPerPage: number;
  peakMiB: number | undefined;
  distMiB: number;
  indexMiB: number;
  article: PageWeight;
  newsList: number;
  search: SearchFigures;
  lighthouse: Record<'home' | 'article' | 'search', Lighthouse>;
}

const debuggingPort = 9333;

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
 * Runs a build step and measures its time and its peak memory: all its processes together
 * (Astro's workers, Pagefind's indexer), sampled every 100 ms, as a memory limit would count them.
 */
function measured(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; output: string; seconds: number; peakBytes: number | undefined }> {
  const start = performance.now();
  const child = spawn(command, args, { env });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += String(d)));
  child.stderr.on('data', (d: Buffer) => (output += String(d)));
  let peakBytes: number | undefined;
  const sample = setInterval(() => {
    const now = child.pid === undefined ? undefined : treeRss(child.pid);
    if (now !== undefined) peakBytes = Math.max(peakBytes ?? 0, now);
  }, 100);
  return new Promise((done) =>
    child.on('close', (status) => {
      clearInterval(sample);
      done({ status, output, seconds: (performance.now() - start) / 1000, peakBytes });
    }),
  );
}

async function runOne(perLang: number, port: number, browser: Browser): Promise<Row> {
  const work = mkdtempSync(join(tmpdir(), 'smart-gender-bench-'));
  try {
    const content = join(work, 'content');
    const out = join(work, 'dist');
    mkdirSync(content);
    writeCorpus(content, perLang);
    console.log(`building ${perLang} articles per language…`);
    // The build steps of `npm run build` (its type check and folder swap aside), timed together.
    const env = { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: join(work, 'cache') };
    let buildS = 0;
    let peakBytes: number | undefined;
    for (const [command, args] of buildSteps(out)) {
      const step = await measured(command, args, env);
      if (step.status !== 0) throw new Error(`${command} failed:\n${step.output}`);
      buildS += step.seconds;
      peakBytes = step.peakBytes === undefined ? undefined : Math.max(peakBytes ?? 0, step.peakBytes);
    }
    const pages = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
    const server = await serveSite(out, port);
    const origin = `http://127.0.0.1:${port}`;
    try {
      console.log('measuring pages, search and Lighthouse…');
      const article = await pageWeight(browser, `${origin}/news/smart-gender-launch/`);
      const search = await measureSearch(browser, origin, 'ขอนแก่น', 'เยาวชน');
      const lh = {
        home: await lighthouseOf(`${origin}/`, debuggingPort),
        article: await lighthouseOf(`${origin}/news/smart-gender-launch/`, debuggingPort),
        search: await lighthouseOf(`${origin}/search/`, debuggingPort),
      };
      return {
        perLang,
        pages,
        buildS,
        msPerPage: (buildS * 1000) / pages,
        peakMiB: peakBytes === undefined ? undefined : peakBytes / 2 ** 20,
        distMiB: dirSize(out).bytes / 2 ** 20,
        indexMiB: dirSize(join(out, 'pagefind')).bytes / 2 ** 20,
        article,
        newsList: statSync(join(out, 'news', 'index.html')).size,
        search,
        lighthouse: lh,
      };
    } finally {
      server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const browser = await chromium.launch(chromiumLaunchOptions([`--remote-debugging-port=${debuggingPort}`]));
const rows: Row[] = [];
try {
  for (const size of sizes) rows.push(await runOne(size, 4500 + rows.length, browser));
} finally {
  await browser.close();
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
const table = (head: string[], cells: (r: Row) => string[]) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---:').join('|')}|`,
    ...rows.map((r) => `| ${cells(r).join(' | ')} |`),
  ].join('\n');

const buildTable = table(
  [
    'articles per language',
    'HTML pages',
    'build (index included)',
    'per page',
    'peak memory (all processes)',
    'dist/',
    'search index',
  ],
  (r) => [
    r.perLang.toLocaleString('en'),
    r.pages.toLocaleString('en'),
    `${r.buildS.toFixed(1)} s`,
    `${r.msPerPage.toFixed(1)} ms`,
    r.peakMiB ? `${r.peakMiB.toFixed(0)} MiB` : 'n/a',
    `${r.distMiB.toFixed(1)} MiB`,
    `${r.indexMiB.toFixed(1)} MiB`,
  ],
);
const pageTable = table(
  [
    'articles per language',
    'Thai article first view (bodies + headers)',
    'requests',
    'of which script',
    'news list page (HTML)',
    'Lighthouse home',
    'article',
    'search',
  ],
  (r) => [
    r.perLang.toLocaleString('en'),
    kb(r.article.bytes),
    String(r.article.requests),
    kb(r.article.scriptBytes),
    kb(r.newsList),
    ...(['home', 'article', 'search'] as const).map(
      (k) => `${r.lighthouse[k].scores}, LCP ${r.lighthouse[k].lcp}`,
    ),
  ],
);
const searchTable = table(
  [
    'articles per language',
    'search page open',
    'first search fetches',
    'first search (Enter → results)',
    'of which after chunks arrived',
    'next search',
    'results for “ขอนแก่น”',
  ],
  (r) => [
    r.perLang.toLocaleString('en'),
    kb(r.search.openBytes),
    kb(r.search.firstSearchBytes),
    `${r.search.firstSearchMs.toFixed(0)} ms`,
    `${r.search.afterChunksMs.toFixed(0)} ms`,
    `${r.search.warmSearchMs.toFixed(0)} ms`,
    String(r.search.results),
  ],
);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (${(freemem() / 2 ** 30).toFixed(0)} GiB free), Node ${process.version}`;
const report = `## Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

Machine: ${machine}. Served by \`src/tools/serve.ts\` as a CDN serves it (gzip for text, the \`_headers\` rules); bytes are what Chromium received. Lighthouse: mobile emulation, simulated throttling; scores are performance/accessibility/best practices/SEO.

### Build

${buildTable}

### Page weight and Lighthouse

${pageTable}

### Search

${searchTable}
`;
console.log(report);

const file = 'BENCHMARKS.md';
const intro = `# Benchmarks

Made by \`npm run bench -- <articles per language ...>\` (\`src/tools/bench.ts\`): a synthetic bilingual corpus made from the real content's vocabulary (the real programme, related stories and launch story, plus N generated stories per language), built, served and measured on this machine. Figures, not pass/fail tests (the size budget is a test: \`e2e/budget.spec.ts\`); the newest run is first.

Targets: 10,000 pages (5,000 per language) built with the index in at most 75 s and under 2 GiB; cost per page and page weight flat as the corpus grows (lists paginate, no page lists every other page); Lighthouse 100 in all four categories with LCP at most 1.2 s; a first search under 300 KB (60 KiB on the real site) and results under 100 ms after the index chunks arrive. “First search” counts everything the search fetches after the page is open: Pagefind's WebAssembly, the index chunks and the result fragments. “Build” is \`astro build\` then the search index (\`src/tools/index-search.ts\`), as \`npm run build\` runs them after its checks; “peak memory” is all of a step's processes together, sampled every 100 ms.

`;
const previous = existsSync(file)
  ? readFileSync(file, 'utf8').replace(/^# Benchmarks[\s\S]*?(?=## Run of|$)/, '')
  : '';
if (process.env.BENCH_WRITE !== '0') {
  // Formatted as `npm run format` would, so a new run leaves the file tidy.
  const text = `${intro}${report}\n${previous}`;
  writeFileSync(file, await format(text, { ...(await resolveConfig(file)), filepath: file }));
}
