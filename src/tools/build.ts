/**
 * `npm run build`: checks the content and the code, builds into a fresh folder, indexes it
 * for search (after Astro has exited, so the two never hold memory at once), and only then
 * swaps it in as `dist/` (src/tools/outputSwap.ts). A failed build leaves `dist/` exactly as
 * it was, so nothing half-built is ever served. Extra arguments go to `astro build`;
 * `OUT_DIR` names another output folder (the tests use it). Each step runs in a process of
 * its own (src/tools/runStep.ts), so this one stays small.
 *
 * `BUILD_TIMINGS=<file>` also writes how long each step took, as JSON, so the benchmark
 * (`npm run bench`) can say where an editor's build spends its time:
 *
 *   [{ "step": "content check", "start": 1764300000000, "seconds": 41.2, "cpuSeconds": 40.9 }, …]
 *
 * one entry per step that ran, in the order they started: type check (unless the code is
 * unchanged, or SKIP_TYPE_CHECK=1; beside the next two), content check, astro build and
 * precompress (the pages' copies, made while Astro writes the pages; it starts once the type
 * check is over, and its last pass runs beside the search index), search index, precompress
 * search index, folder swap. `start` is in milliseconds since 1970, so another process can
 * match it with what it saw at that moment (the benchmark's memory samples). `cpuSeconds` is
 * the processor time of the step's processes together (on Linux; absent elsewhere): unlike
 * `seconds`, it leaves out time spent waiting for a core that other work holds. The file is
 * rewritten after every step, so a failed build leaves the steps that ran. Nothing else
 * changes: the messages are the same with or without it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { precompressOn, siteUrlNotice } from '../config/deploy.ts';
import { loadSettingsFile } from '../config/env.ts';
import { buildSteps, failures, withoutEmptyCollectionWarnings } from './buildSteps.ts';
import { codeFiles, digestOf, photoDigest, stamp, typeCheckPlan } from './digest.ts';
import { copyCode } from './projectCopy.ts';
import { buildingDir, swapIn, sweepLeftovers } from './outputSwap.ts';
import { runStep, type StepRun } from './runStep.ts';

const outDir = process.env.OUT_DIR ?? 'dist';
const fresh = buildingDir(outDir);

const timingsFile = process.env.BUILD_TIMINGS;
const timings: { step: string; start: number; seconds: number; cpuSeconds?: number }[] = [];

/**
 * Runs one step of the build and, when BUILD_TIMINGS names a file, notes its time there. A
 * step run by `runStep` brings its processor time; for a step run here, it is this process's.
 */
async function timed<T>(step: string, work: () => T | Promise<T>): Promise<T> {
  if (!timingsFile) return work();
  const start = Date.now();
  const t0 = performance.now();
  const here = process.cpuUsage();
  const result = await work();
  const own = process.cpuUsage(here);
  const isRun = typeof result === 'object' && result !== null && 'ok' in result;
  const cpuSeconds = isRun ? (result as Partial<StepRun>).cpuSeconds : (own.user + own.system) / 1e6;
  timings.push({
    step,
    start,
    seconds: Math.round(performance.now() - t0) / 1000,
    ...(cpuSeconds !== undefined && { cpuSeconds: Math.round(cpuSeconds * 100) / 100 }),
  });
  // In the order the steps started: some run side by side.
  timings.sort((a, b) => a.start - b.start);
  writeFileSync(timingsFile, `${JSON.stringify(timings, null, 2)}\n`);
  return result;
}

function fail(message: string): never {
  rmSync(fresh, { recursive: true, force: true });
  console.error(
    existsSync(outDir)
      ? `\n${message}\nThe previous ${outDir}/ is unchanged. / ${outDir}/ เดิมยังอยู่ครบ ไม่มีการเปลี่ยนแปลง`
      : `\n${message}\nNo ${outDir}/ was written. / ไม่ได้สร้าง ${outDir}/`,
  );
  process.exit(1);
}

sweepLeftovers(outDir);

/**
 * The versions of sharp and of its encoders, for the photos' stamp (below), asked of a
 * process of its own while the checks run: loaded here, sharp's libraries would stay in this
 * process, which lasts the whole build, through the search index's peak.
 */
const encoderVersions = promisify(execFile)(process.execPath, [
  '--input-type=module',
  '-e',
  "import sharp from 'sharp'; process.stdout.write(JSON.stringify(sharp.versions))",
]).then(
  ({ stdout }) => JSON.parse(stdout) as Record<string, string | undefined>,
  (error: unknown) => fail(`The photo encoder (sharp) could not be loaded: ${(error as Error).message}`),
);

// A malformed setting the last steps read stops the build now, not after minutes of work.
loadSettingsFile();
try {
  precompressOn(process.env);
} catch (error) {
  fail((error as Error).message);
}

/**
 * The type check reads the code and the schemas, never the entries (the content check and
 * Astro's build validate those), so it runs on empty collections with a cache of its own:
 * its time and memory then stay the same however many stories the archive holds (at 5,000
 * per language, 24 s and 1.3 GiB on the real tree, 13 s and 0.9 GiB on empty ones). It
 * checks the site and the tools that build and serve it (`tsconfig.build.json`), not the
 * tests and the benchmark, which `npm test` checks with the rest: their browser-testing
 * libraries' types took a quarter of its time (13 s, now 10 s). It runs in a copy of the
 * project's code, whose `.astro/` folder and Vite cache are its own, so that Astro's build can
 * run beside it.
 */
async function typeCheck(): Promise<StepRun> {
  const copy = mkdtempSync(join(tmpdir(), 'smart-gender-types-'));
  try {
    copyCode('.', copy, code);
    // The content's folders, empty: one per collection (and the photos' folder, which none reads).
    const contentDir = process.env.CONTENT_DIR ?? 'content';
    const folders = existsSync(contentDir) ? readdirSync(contentDir, { withFileTypes: true }) : [];
    for (const folder of folders.filter((entry) => entry.isDirectory()))
      mkdirSync(join(copy, 'content', folder.name), { recursive: true });
    const result = await runStep('astro', ['check', '--tsconfig', 'tsconfig.build.json'], {
      env: {
        ...process.env,
        CONTENT_DIR: join(copy, 'content'),
        ASTRO_CACHE_DIR: join(copy, 'cache'),
        VITE_CACHE_DIR: join(copy, 'vite'),
        // A smaller young generation: 0.1 GiB less at the same speed, beside Astro's build.
        NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-semi-space-size=8'].filter(Boolean).join(' '),
      },
      cwd: copy,
      capture: true,
    });
    process.stdout.write(withoutEmptyCollectionWarnings(result.output));
    return result;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
/**
 * Astro keeps the content it has read in a cache, which it clears when
 * `src/content.config.ts` changes, but the schemas live in `src/lib/schemas.ts`: entries
 * cached before a schema change would miss its new fields and defaults. So the build clears
 * the cache (`--force`) whenever either file differs from the last successful build's.
 */
const cacheDir = process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro';
const schemaStamp = stamp(
  join(cacheDir, 'schemas.sha256'),
  digestOf(['src/content.config.ts', 'src/lib/schemas.ts']),
);
/**
 * The type check's result depends on the code alone (it runs on empty collections), so it is
 * not run again while every file of the project outside `content/` (git's list, untracked
 * files included) and Node's version are what they were at its last success: an editor who
 * changes only content does not wait for it. Outside a git repository it always runs.
 */
const code = codeFiles();
const codeStamp = stamp(join(cacheDir, 'types.sha256'), code && `${process.version} ${digestOf(code)}`);
const codeUnchanged = codeStamp.same;
// The pages' compressed copies are taken from the last build where a page is unchanged,
// unless the code that writes them may have changed since (src/tools/precompress.ts).
const [build, index, precompressPages, precompressIndex] = buildSteps(
  fresh,
  [...(schemaStamp.same ? [] : ['--force']), ...process.argv.slice(2)],
  codeUnchanged ? outDir : undefined,
);
// `npm test` type-checks the code once, in a copy of the project with a third language
// added (e2e/support/thirdLanguage.ts), and builds without a check of its own.
const types = typeCheckPlan(codeUnchanged, process.env.SKIP_TYPE_CHECK === '1');
if (codeUnchanged)
  console.log(
    'Type check: the code is as it was when it last passed; not run again. / โค้ดเหมือนครั้งล่าสุดที่ตรวจผ่าน จึงไม่ตรวจชนิดข้อมูลซ้ำ',
  );
else if (!types.check)
  console.log('Type check: left out (SKIP_TYPE_CHECK=1). / ข้ามการตรวจชนิดข้อมูล (SKIP_TYPE_CHECK=1)');
/**
 * The type check runs beside the content check and then beside the start of Astro's build
 * (reading the content, bundling), where each keeps a core busy: at 5,000 stories per language
 * the two together held 1762 to 1973 MiB in five runs, about what the search index holds at
 * its own peak later (1713 to 2021 MiB), and the build was a few seconds shorter than with one
 * after the other (this machine's noise, 5 to 10 s a run, hides how many). Each step runs in a
 * process of its own, so this one stays small. A build whose content has errors stops before
 * Astro's; one whose code does not pass fails once Astro's build is done, and `dist/` is left
 * as it was. A build that fails both says both.
 */
const typing = types.check
  ? timed('type check', typeCheck).catch((error: unknown): StepRun => ({ ok: false, output: String(error) }))
  : undefined;
const checked = await timed('content check', () => runStep('node', ['src/tools/check.ts', '--in-build']));
if (!checked.ok) fail(failures({ content: false, types: (await typing)?.ok }).join('\n'));
rmSync(fresh, { recursive: true, force: true });
/**
 * Astro keeps the photos it has made in the same folder, named by the sizes and formats asked
 * for but not by how they were encoded: the encoder's settings (`image` in astro.config.mjs)
 * or the encoders themselves (sharp, libvips and its AVIF, WebP and JPEG libraries, which an
 * update of sharp replaces). After a change to either, the photos made before would be served
 * as they were. So they are made anew whenever either differs from the last successful build's.
 */
const imageStamp = stamp(
  join(cacheDir, 'images.sha256'),
  photoDigest('astro.config.mjs', await encoderVersions),
);
if (!imageStamp.same) rmSync(join(cacheDir, 'assets'), { recursive: true, force: true });
/**
 * The pages' compressed copies are made while Astro writes the pages, on the core its page
 * writing leaves idle, and finished once it has exited (src/tools/precompress.ts,
 * `--alongside`): told "written" when Astro's build succeeded, stopped when it did not.
 * They start once the type check is over, which would otherwise last longer and hold its
 * memory into Astro's page writing (at 5,000 stories per language, 1.9 GiB together).
 */
const { promise: astroOutcome, resolve: astroEnded } = Promise.withResolvers<string>();
const [precompressCommand, precompressArgs] = precompressPages;
const pagesCompressing = Promise.resolve(typing)
  .then((types) =>
    // A build whose code failed its check fails once Astro's is done: nothing to compress.
    types?.ok === false
      ? { ok: true, output: '' }
      : timed('precompress', () =>
          runStep(precompressCommand, [...precompressArgs, '--alongside'], { input: astroOutcome }),
        ),
  )
  .catch((error: unknown): StepRun => ({ ok: false, output: String(error) }));
const built = await timed('astro build', () => runStep(...build));
const afterBuild = failures({ content: true, types: (await typing)?.ok, build: built.ok });
astroEnded(afterBuild.length ? '' : 'written');
if (afterBuild.length) {
  // Stopped before the folder goes, so that nothing is written into it as it is removed.
  await pagesCompressing;
  fail(afterBuild.join('\n'));
}
// Pagefind indexes while the last pages' compressed copies are written.
const [indexed, pagesCompressed] = await Promise.all([
  timed('search index', () => runStep(...index)),
  pagesCompressing,
]);
if (!indexed.ok) fail('Search indexing failed. / สร้างดัชนีการค้นหาไม่สำเร็จ');
if (!pagesCompressed.ok || !(await timed('precompress search index', () => runStep(...precompressIndex))).ok)
  fail('Writing the compressed copies failed. / เขียนสำเนาแบบบีบอัดไม่สำเร็จ');

schemaStamp.record();
imageStamp.record();
if (types.record) codeStamp.record();
await timed('folder swap', () => swapIn(outDir));
console.log(`Built into ${outDir}/`);
// Last, where it is seen: the settings as Astro read them, from the environment or `.env`.
loadSettingsFile();
const notice = siteUrlNotice(process.env);
if (notice) console.warn(`\n${notice}`);
