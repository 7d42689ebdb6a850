/**
 * `npm run bench -- [articles per language ...]`: a benchmark, not a test.
 *
 * For each size, makes a synthetic corpus in every language of the site from the real
 * content's vocabulary and commits it to a git repository of its own (`bench/corpus.ts`),
 * runs `npm run build` on it as an editor would, checks included, and measures the whole,
 * each step's share and the peak memory of all processes; edits one story, commits it and
 * measures the next build the same way (what an editor waits for day to day); then serves
 * the site and measures page weight, Lighthouse and search in headless Chromium
 * (`bench/measure.ts`). Results go to BENCHMARKS.md with the machine they ran on
 * (`bench/report.ts`); `BENCH_WRITE=0` only prints them.
 *
 *   npm run bench            # 100 articles per language
 *   npm run bench -- 2000    # 2,000 per language
 *   npm run bench -- 100 1000 5000
 *   npm run bench -- 5000 --photo-every=1000   # 5 photos, not 500: the text's cost alone
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../config/browser.ts';
import { editOneStory, makeCorpus, photoEvery, storySlug } from './bench/corpus.ts';
import { measureBuild, measureSite, type BuildFigures, type Row, type SiteProbe } from './bench/measure.ts';
import { runSection, stepCell, writeBenchmarks } from './bench/report.ts';
import { ensureBrowser } from './ensureBrowser.ts';

const args = process.argv.slice(2);
const sizes = args.map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(100);
const everyArg = args.find((a) => a.startsWith('--photo-every='));
const every = everyArg ? Number(everyArg.split('=')[1]) : photoEvery;
if (!Number.isInteger(every) || every < 1) {
  console.error(`--photo-every takes a whole number of stories, 1 or more: ${String(everyArg)}`);
  process.exit(1);
}
// The browser first: without one nothing is built, and the message says what to install.
if (!ensureBrowser({ server: true, use: 'lighthouse' })) process.exit(1);

// Measured before the run, which loads the machine itself: the machine is often shared.
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (${(freemem() / 2 ** 30).toFixed(0)} GiB free), load ${loadavg()[0]?.toFixed(1) ?? '?'} at the start, Node ${process.version}`;

const debuggingPort = 9333;
const browser = await chromium.launch(
  chromiumLaunchOptions([`--remote-debugging-port=${debuggingPort}`], 'lighthouse'),
);
const probe: SiteProbe = {
  browser,
  debuggingPort,
  // The real launch story and two words of it, in the default language the root serves.
  articlePath: '/news/smart-gender-launch/',
  // The corpus's first story, which has a cover photo.
  photoArticlePath: `/news/${storySlug(1)}/`,
  queries: ['ขอนแก่น', 'เยาวชน'],
};

/** A build's time and each step's, on one line of the progress output. */
const buildLine = (b: BuildFigures) =>
  `  ${b.seconds.toFixed(1)} s: ${b.steps.map((s) => `${s.step} ${stepCell(s)}`).join('; ')}`;

const rows: Row[] = [];
try {
  for (const perLang of sizes) {
    const work = mkdtempSync(join(tmpdir(), 'smart-gender-bench-'));
    try {
      console.log(`making and committing ${perLang} articles per language, with photos…`);
      const { content, photos } = await makeCorpus(work, perLang, every);
      console.log('npm run build…');
      const build = await measureBuild(content, work);
      console.log(buildLine(build));
      console.log('editing one story and committing it; npm run build again…');
      editOneStory(dirname(content));
      const rebuild = await measureBuild(content, work);
      console.log(buildLine(rebuild));
      console.log('measuring pages, search and Lighthouse…');
      const site = await measureSite(work, 4500 + rows.length, probe);
      rows.push({ perLang, photos, build, rebuild, site });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}

const section = runSection(rows, new Date(), machine);
console.log(section);
if (process.env.BENCH_WRITE !== '0') await writeBenchmarks('BENCHMARKS.md', section);
