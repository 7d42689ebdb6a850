/**
 * The benchmark's report: one section per run, its tables in Markdown, newest first in
 * BENCHMARKS.md under an introduction that says what each figure means. Everything but
 * the file writing is pure, so the tables are tested without running a benchmark.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import type { Row } from './measure.ts';
import type { StepShare } from './stepShares.ts';

/** A Markdown table, numbers right-aligned (every column here is a figure). */
export function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---:').join('|')}|`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
export const mib = (bytes: number, digits = 1): string => `${(bytes / 2 ** 20).toFixed(digits)} MiB`;
const count = (n: number) => n.toLocaleString('en');

/**
 * One step in the steps table: its seconds, its share of the whole build, its processor
 * time when known and the peak memory of all processes while it ran.
 *
 * @example stepCell({ step: 'type check', seconds: 12.34, share: 0.251, cpuSeconds: 15, peakBytes: 800 * 2 ** 20 })
 * // "12.3 s (25 %), CPU 15.0 s, 800 MiB"
 */
export function stepCell(s: StepShare): string {
  const cpu = s.cpuSeconds === undefined ? '' : `, CPU ${s.cpuSeconds.toFixed(1)} s`;
  const peak = s.peakBytes === undefined ? 'under 100 ms' : mib(s.peakBytes, 0);
  return `${s.seconds.toFixed(1)} s (${(s.share * 100).toFixed(0)} %)${cpu}, ${peak}`;
}

/** The steps' names across all rows, in the order the build ran them. */
export function stepNames(rows: Pick<Row, 'build'>[]): string[] {
  const names: string[] = [];
  for (const r of rows) for (const s of r.build.steps) if (!names.includes(s.step)) names.push(s.step);
  return names;
}

/** The build table and the steps table of a run. */
export function buildTables(rows: Pick<Row, 'perLang' | 'photos' | 'build' | 'rebuild'>[]): string {
  const whole = table(
    [
      'articles per language',
      'photos',
      'HTML pages',
      '`npm run build`',
      'next build, one story edited',
      'per page',
      'peak memory (all processes)',
      'dist/',
      'search index',
    ],
    rows.map(({ perLang, photos, build: b, rebuild }) => [
      count(perLang),
      count(photos),
      count(b.pages),
      `${b.seconds.toFixed(1)} s`,
      rebuild ? `${rebuild.seconds.toFixed(1)} s` : '–',
      `${((b.seconds * 1000) / b.pages).toFixed(1)} ms`,
      b.peakBytes === undefined ? 'n/a' : mib(b.peakBytes, 0),
      mib(b.distBytes),
      mib(b.indexBytes),
    ]),
  );
  // The first build of each size, then (where measured) the next one, with one story edited.
  const builds = rows.flatMap(({ perLang, build, rebuild }) => [
    { perLang, label: count(perLang), build },
    ...(rebuild ? [{ perLang, label: `${count(perLang)}, next build`, build: rebuild }] : []),
  ]);
  const names = stepNames(builds);
  const steps = table(
    ['articles per language', ...names],
    builds.map(({ label, build: b }) => [
      label,
      ...names.map((name) => {
        const step = b.steps.find((s) => s.step === name);
        return step ? stepCell(step) : '–';
      }),
    ]),
  );
  return `${whole}\n\nEach step of \`npm run build\`: seconds (share of the whole), processor time of its processes, peak memory of all processes while it ran.\n\n${steps}`;
}

function siteTables(rows: Row[]): string {
  const pages = table(
    [
      'articles per language',
      'article first view, default language (bodies + headers)',
      'the same, brotli / gzip only',
      'requests',
      'of which script',
      'news list page (HTML)',
      'Lighthouse home',
      'article',
      'article with a cover photo',
      'search',
    ],
    rows.map(({ perLang, site }) => [
      count(perLang),
      kib(site.article.bytes),
      `${kib(site.article.byEncoding.br)} / ${kib(site.article.byEncoding.gzip)}`,
      String(site.article.requests),
      kib(site.article.scriptBytes),
      kib(site.newsList),
      ...(['home', 'article', 'photoArticle', 'search'] as const).map(
        (k) => `${site.lighthouse[k].scores}, LCP ${site.lighthouse[k].lcp}`,
      ),
    ]),
  );
  const search = table(
    [
      'articles per language',
      'search page open',
      'first search fetches',
      'first search (Enter → results)',
      'of which after chunks arrived',
      'next search',
      `results for “${rows[0]?.site.search.query ?? ''}”`,
    ],
    rows.map(({ perLang, site: { search: s } }) => [
      count(perLang),
      kib(s.openBytes),
      kib(s.firstSearchBytes),
      `${s.firstSearchMs.toFixed(0)} ms`,
      `${s.afterChunksMs.toFixed(0)} ms`,
      `${s.warmSearchMs.toFixed(0)} ms`,
      String(s.results),
    ]),
  );
  return `### Page weight and Lighthouse\n\n${pages}\n\n### Search\n\n${search}`;
}

/** One run's section of BENCHMARKS.md. `when` is shown to the minute, in UTC. */
export function runSection(rows: Row[], when: Date, machine: string): string {
  return `## Run of ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC

Machine: ${machine}. Served by Debian's nginx with the repository's server file (\`deploy/nginx/smart-gender.conf\`: the build's precompressed .br and .gz files, the same headers as \`_headers\`); bytes are what Chromium received, and what nginx sends a client that accepts brotli only or gzip only. Lighthouse: mobile emulation, simulated throttling; scores are performance/accessibility/best practices/SEO.

### Build

${buildTables(rows)}

${siteTables(rows)}
`;
}

/** What every figure means; rewritten on every run, above the runs. */
export const intro = `# Benchmarks

Made by \`npm run bench -- <articles per language ...>\` (\`src/tools/bench.ts\`): a synthetic corpus in every language of the site made from each language's real content (the real programme, related stories and launch story, plus N generated stories per language, one in ten with a cover photo of its own, 1600 × 1200, generated to compress as a photo does), committed to a git repository of its own as an editor's content is, built, served and measured on this machine. Figures, not pass/fail tests (the size budget is a test: \`e2e/budget.spec.ts\`); the newest run is first.

Targets: 10,000 pages (5,000 per language) built with the index in at most 75 s and under 2 GiB; cost per page and page weight flat as the corpus grows (lists paginate, no page lists every other page); Lighthouse 100 in all four categories with LCP at most 1.2 s, for an article with a cover photo too, its LCP within 0.3 s of the text-only article's (on this shared virtual machine the performance score swings between about 90 and 100 from run to run through Lighthouse's simulated Total Blocking Time, although the pages run no script; LCP and layout shift stay put); a first search under 300 KB (60 KiB on the real site) and results under 100 ms after the index chunks arrive. “First search” counts everything the search fetches after the page is open: Pagefind's WebAssembly, the index chunks and the result fragments.

“Build” is \`npm run build\` as a whole, what an editor runs: first with a cold image cache (every photo made into every size and format), then once more after one story was edited and committed (“next build”: the caches kept, as on an editor's machine or a host that keeps them); the type check (\`astro check\` of the site and its tools, beside the content check and then beside \`astro build\`, so its share overlaps theirs; a build skips it while the code is what passed last time, so a benchmark's first build always has it), the content check, \`astro build\`, the pages' compressed copies (made while \`astro build\` writes the pages, from the end of the type check, with a last pass beside the search index, so their share overlaps both), the search index (\`src/tools/index-search.ts\`), the index's compressed copies and the swap into the output folder, from npm's start to its exit. Each step's time comes from the build itself (\`BUILD_TIMINGS\`, see \`src/tools/build.ts\`), with its share of the whole; what no step accounts for is npm and Node starting. “CPU” is the processor time of a step's processes together (from Linux's accounting): waiting for a core that other work holds stretches the seconds but not the CPU time, so on a shared machine it is the steadier figure (though a busy host under a virtual machine slows both). CPU time above the seconds means a step used more than one core, well below them that it waited (for a core, or for the disk). “Peak memory” is all of the build's processes together, sampled every 100 ms, for the whole build and for each step. Older runs, marked so, timed \`astro build\` and the search index only, without the checks.

`;

/** Puts `section` first in `file`, under a fresh `intro`, formatted as `npm run format` would. */
export async function writeBenchmarks(file: string, section: string): Promise<void> {
  const previous = existsSync(file)
    ? readFileSync(file, 'utf8').replace(/^# Benchmarks[\s\S]*?(?=## Run of|$)/, '')
    : '';
  const text = `${intro}${section}\n${previous}`;
  writeFileSync(file, await format(text, { ...(await resolveConfig(file)), filepath: file }));
}
