/**
 * `npm run build`: checks the content and the code, builds into a fresh folder, indexes it
 * for search (after Astro has exited, so the two never hold memory at once), and only then
 * swaps it in as `dist/`. A failed build leaves the previous `dist/` exactly as it was,
 * so nothing half-built is ever served. Extra arguments go to `astro build`; `OUT_DIR`
 * names another output folder (the tests use it).
 *
 * `BUILD_TIMINGS=<file>` also writes how long each step took, as JSON, so the benchmark
 * (`npm run bench`) can say where an editor's build spends its time:
 *
 *   [{ "step": "content check", "start": 1764300000000, "seconds": 41.2, "cpuSeconds": 40.9 }, …]
 *
 * one entry per step that ran, in order: content check, type check, astro build, search
 * index, precompress, folder swap. `start` is in milliseconds since 1970, so another process can match
 * it with what it saw at that moment (the benchmark's memory samples). `cpuSeconds` is the
 * processor time of the step's processes together (on Linux; absent elsewhere): unlike
 * `seconds`, it leaves out time spent waiting for a core that other work holds. The file
 * is rewritten after every step, so a failed build leaves the steps that ran. Nothing else
 * changes: the messages are the same with or without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { checkContent, formatProblem } from '../lib/contentCheck.ts';
import { schemas } from '../lib/schemas.ts';
import { buildSteps } from './buildSteps.ts';

const outDir = process.env.OUT_DIR ?? 'dist';
const fresh = `${outDir}.building`;
const old = `${outDir}.previous`;

const timingsFile = process.env.BUILD_TIMINGS;
const timings: { step: string; start: number; seconds: number; cpuSeconds?: number }[] = [];

/**
 * Processor seconds used so far by this process and the finished processes it started
 * (their own children included), from /proc (Linux), else undefined. The fields after the
 * command name are counted from the state (field 3); utime, stime, cutime and cstime are
 * fields 14 to 17, in the kernel's 100 ticks a second.
 */
function cpuSeconds(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ').at(-1)?.split(' ') ?? [];
  const ticks = fields.slice(11, 15).map(Number);
  return ticks.length === 4 && ticks.every(Number.isFinite) ? ticks.reduce((a, b) => a + b) / 100 : undefined;
}

/** Runs one step of the build and, when BUILD_TIMINGS names a file, notes its time there. */
function timed<T>(step: string, work: () => T): T {
  if (!timingsFile) return work();
  const start = Date.now();
  const t0 = performance.now();
  const cpu0 = cpuSeconds();
  const result = work();
  const cpu1 = cpuSeconds();
  const seconds = Math.round(performance.now() - t0) / 1000;
  timings.push({
    step,
    start,
    seconds,
    ...(cpu0 !== undefined && cpu1 !== undefined && { cpuSeconds: Math.round((cpu1 - cpu0) * 100) / 100 }),
  });
  writeFileSync(timingsFile, `${JSON.stringify(timings, null, 2)}\n`);
  return result;
}

function fail(message: string): never {
  rmSync(fresh, { recursive: true, force: true });
  console.error(
    `\n${message}\nThe previous ${outDir}/ is unchanged. / ${outDir}/ เดิมยังอยู่ครบ ไม่มีการเปลี่ยนแปลง`,
  );
  process.exit(1);
}

const problems = timed('content check', () => {
  const found = checkContent(process.env.CONTENT_DIR ?? 'content');
  for (const p of found) console[p.severity === 'error' ? 'error' : 'log'](formatProblem(p));
  return found;
});
if (problems.some((p) => p.severity === 'error'))
  fail('Content has errors (npm run check). / เนื้อหามีข้อผิดพลาด');

const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;

/**
 * The type check reads the code and the schemas, never the entries (the content check above
 * and Astro's build validate those), so it runs on empty collections with a cache of its own:
 * its time and memory then stay the same however many stories the archive holds (at 5,000
 * per language, 24 s and 1.3 GiB on the real tree, 13 s and 0.9 GiB on empty ones).
 */
function typeCheck(): boolean {
  const empty = mkdtempSync(join(tmpdir(), 'smart-gender-types-'));
  try {
    for (const collection of Object.keys(schemas))
      mkdirSync(join(empty, 'content', collection), { recursive: true });
    const result = spawnSync('astro', ['check'], {
      env: { ...process.env, CONTENT_DIR: join(empty, 'content'), ASTRO_CACHE_DIR: join(empty, 'cache') },
      encoding: 'utf8',
    });
    // Empty on purpose: the loader's "No files found" warnings would only mislead.
    const output = `${result.stdout}${result.stderr}`.replace(/^.*\[glob-loader\] No files found.*\n/gm, '');
    process.stdout.write(output);
    return result.status === 0;
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}
if (!timed('type check', typeCheck)) fail('Type check failed (astro check).');
/**
 * Astro keeps the content it has read in a cache, which it clears when
 * `src/content.config.ts` changes, but the schemas live in `src/lib/schemas.ts`: entries
 * cached before a schema change would miss its new fields and defaults. So the build clears
 * the cache (`--force`) whenever either file differs from the last successful build's.
 */
const schemaFiles = ['src/content.config.ts', 'src/lib/schemas.ts'];
const schemaStamp = join(process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro', 'schemas.sha256');
const schemaDigest = schemaFiles
  .reduce((hash, file) => hash.update(readFileSync(file)), createHash('sha256'))
  .digest('hex');
const schemasChanged = !existsSync(schemaStamp) || readFileSync(schemaStamp, 'utf8') !== schemaDigest;
const [build, index, precompress] = buildSteps(fresh, [
  ...(schemasChanged ? ['--force'] : []),
  ...process.argv.slice(2),
]);
const built = timed('astro build', () => {
  rmSync(fresh, { recursive: true, force: true });
  return run(...build);
});
if (!built) fail('Build failed (astro build).');
if (!timed('search index', () => run(...index))) fail('Search indexing failed.');
if (!timed('precompress', () => run(...precompress))) fail('Writing the compressed copies failed.');

mkdirSync(dirname(schemaStamp), { recursive: true });
writeFileSync(schemaStamp, schemaDigest);
timed('folder swap', () => {
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(fresh, outDir);
  rmSync(old, { recursive: true, force: true });
});
console.log(`Built into ${outDir}/`);
