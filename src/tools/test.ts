/**
 * `npm test`: every check of the project, in one run that ends with one plain line,
 * "N passed, N failed", counting every test (also written to test-results/summary.txt for CI).
 *
 * 1. A browser, a Thai font and nginx, found or installed (src/tools/ensureBrowser.ts). Where
 *    they are missing and nothing here can install them, nothing runs and one message says
 *    what to install. An install (about half a minute on a bare machine, most of it download
 *    and unpacking) runs beside step 2, which needs none of it; if it fails after all, its
 *    message is shown and the browser tests (step 4) do not run; the rest still does.
 * 2. `npm run build` without its type check: content check, build, index. Beside it, the run's
 *    one type check (`astro check`), in a copy of the project with a third language added
 *    (e2e/support/thirdLanguage.ts), which holds every file of the project; and the unit
 *    tests (Vitest).
 * 3. The site built again under `BASE_PATH=/smart-gender/` (into dist-base/; the content and
 *    type checks of step 2 do not depend on the path, so only the build steps run), once the
 *    first build is done, beside the rest of step 2 and the install.
 * 4. Browser tests (Playwright) against dist/, served at the root of a host, and beside
 *    them, in a worker of their own, the tests tagged `@base` against dist-base/, on the
 *    desktop: those whose result depends on the path (URLs, links, headers, feeds,
 *    sitemaps, search paths), not on the screen. Beside them too run the checkers: the Nu
 *    HTML checker over every built page (each page a test), lint (ESLint, each file a test)
 *    and the format check (Prettier, one test).
 *
 * Every stage runs even when an earlier one fails, so one run reports everything.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSteps } from './buildSteps.ts';
import { nextStep, readMachine } from './ensureBrowser.ts';
import { lockBuilds } from './buildLock.ts';
import { copyEnv, copyWithLao } from '../../e2e/support/thirdLanguage.ts';
import {
  eslintCounts,
  findingLine,
  nuCounts,
  playwrightCounts,
  stageLine,
  vitestCounts,
  type Count,
  type FileCount,
} from './testCounts.ts';

/** The base path of the second browser run, and where its build goes. */
const basePath = '/smart-gender/';
const baseDir = 'dist-base';
/** Where the base-path run's nginx listens: the main run's is on 4399 (playwright.config.ts). */
const basePort = 4398;
const vnuJar = 'node_modules/vnu-jar/build/dist/vnu.jar';

type Env = Record<string, string | undefined>;

/** The environment with extra variables (undefined removes one). */
function withEnv(extra: Env): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries({ ...process.env, ...extra }).filter(([, value]) => value !== undefined),
  );
}

/** Runs a command, its output shown as it comes. */
function run(command: string, args: string[], extra: Env = {}): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: 'inherit', env: withEnv(extra) });
    child.on('error', () => {
      done(false);
    });
    child.on('close', (code) => {
      done(code === 0);
    });
  });
}

/** Runs a command in the background, keeping its output to show when it is done. */
function runQuietly(
  command: string,
  args: string[],
  extra: Env = {},
  cwd?: string,
): Promise<{ ok: boolean; stdout: string; output: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { env: withEnv(extra), cwd });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', (error) => {
      done({ ok: false, stdout, output: `${output}${error.message}\n` });
    });
    child.on('close', (code) => {
      done({ ok: code === 0, stdout, output });
    });
  });
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Every HTML file under a folder, relative to it. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();
}

const total: Count = { passed: 0, failed: 0 };
/** How long each part of the run took, shown at the end, so the cost of a new part is plain. */
const times: string[] = [];
let since = Date.now();
/**
 * Adds a stage's counts to the total; a stage that failed without reporting a failed test
 * counts as one. A stage that ran beside others gives its own time (`beside`), which is not
 * added to the run's.
 */
function stage(
  name: string,
  ok: boolean,
  counts: Count | undefined,
  beside?: { seconds: number; of: string },
): void {
  const now = Date.now();
  if (beside) times.push(`${name} ${String(beside.seconds)} s beside ${beside.of}`);
  else {
    times.push(`${name} ${String(Math.round((now - since) / 1000))} s`);
    since = now;
  }
  if (counts) {
    total.passed += counts.passed;
    total.failed += counts.failed;
    if (counts.passed + counts.failed > 0) console.log(stageLine(name, counts));
  }
  if (!ok && (!counts || counts.failed === 0)) {
    console.error(`${name} failed before reporting any failing test`);
    total.failed += 1;
  }
}

/** A checker's stage: its findings one line each, then its counts. */
function checkerStage(
  name: string,
  ok: boolean,
  counts: FileCount | undefined,
  output: string,
  beside?: { seconds: number; of: string },
): void {
  if (!counts) console.log(output.trim());
  else for (const finding of counts.findings) console.log(`  ${findingLine(finding)}`);
  stage(name, ok && counts !== undefined, counts, beside);
}

/** A command's result with how long it ran, in whole seconds. */
async function timed<T>(started: Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = Date.now();
  const value = await started;
  return { value, seconds: Math.round((Date.now() - start) / 1000) };
}

function finish(): never {
  rmSync(laoCopy, { recursive: true, force: true });
  console.log(`\nTime: ${times.join(', ')}`);
  const line = `${total.passed} passed, ${total.failed} failed`;
  writeFileSync('test-results/summary.txt', `${line}\n`);
  console.log(line);
  process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
/** The copy of the project with a third language that step 2 type-checks; removed at the end. */
const laoCopy = copyWithLao();

const browserPlan = nextStep(readMachine(), new Set(), { server: true });
if (browserPlan.kind === 'stop') {
  console.error(`\n${browserPlan.message}\n`);
  stage('browser set-up', false, undefined);
  finish();
}
// Run as its own script, the install prints what it did and exits 1 with the message on failure.
const setUp =
  browserPlan.kind === 'run' ? runQuietly(process.execPath, ['src/tools/ensureBrowser.ts']) : undefined;
let browserReady = !setUp;
if (setUp) console.log('Installing what the browser tests need, beside the build…');
else stage('browser set-up', true, { passed: 0, failed: 0 });

// The type check, once per run, in a copy of the project with a third language added as the
// README says (e2e/support/thirdLanguage.ts, which e2e/third-language.spec.ts then builds): the
// copy holds every file of the project, so this one check covers the project's own code and
// shows that a row, a strings file and the content keep the types whole. So the build below
// leaves its own out. It runs beside the build, as do the unit tests, which need no build:
// on the core the build's one-at-a-time steps (content check, search index) leave idle.
const typesRun = runQuietly('npx', ['astro', 'check'], copyEnv(laoCopy), laoCopy);
const unitRun = runQuietly('npx', ['vitest', 'run']);

// An empty BASE_PATH means the root, whatever `.env` or the shell says.
const built = await run('npm', ['run', 'build'], { BASE_PATH: '', OUT_DIR: undefined, SKIP_TYPE_CHECK: '1' });
stage('build', built, built ? { passed: 0, failed: 0 } : undefined);

// The same site in a folder of its host: built with BASE_PATH into dist-base/ (only for its
// browser tests) while the type check, the unit tests and any install finish, so that its
// tests can share the cores with the main ones from the start (below).
rmSync(baseDir, { recursive: true, force: true });
const baseBuildRun = (async () => {
  let output = '';
  for (const [command, args] of buildSteps(baseDir)) {
    const step = await runQuietly(command, args, { BASE_PATH: basePath });
    output += step.output;
    if (!step.ok) return { ok: false, output };
  }
  return { ok: true, output };
})();

const types = await typesRun;
process.stdout.write(types.output);
stage('type check', types.ok, types.ok ? { passed: 0, failed: 0 } : undefined);

const unit = await unitRun;
process.stdout.write(unit.output);
// The time under the unit tests is what was left to wait for once the build was done.
stage('unit tests', unit.ok, vitestCounts(readJson('test-results/unit.json')));

if (setUp) {
  const installed = await setUp;
  process.stdout.write(installed.output);
  stage('browser set-up', installed.ok, installed.ok ? { passed: 0, failed: 0 } : undefined);
  browserReady = installed.ok;
}

const baseBuild = await baseBuildRun;
process.stdout.write(baseBuild.output);
stage(`build under ${basePath}`, baseBuild.ok, baseBuild.ok ? { passed: 0, failed: 0 } : undefined);
const baseBuilt = baseBuild.ok && browserReady;
const baseEnv = {
  BASE_PATH: basePath,
  SITE_DIR: baseDir,
  E2E_REPORT: 'test-results/e2e-base.json',
  E2E_PORT: String(basePort),
};

// The checkers (lint, the format check, the HTML check) and the browser tests under the
// base path run beside the main browser tests, on the processor time those leave while
// they wait on pages, servers and builds; one after the other, the run left about a tenth
// of two cores idle. Typed lint reads the content types in .astro/, which a build
// rewrites, so lint holds the fixture builds' lock while it runs (src/tools/buildLock.ts):
// a browser test that builds waits for it (the first come about a minute and a half in, and
// lint, sharing the cores, takes about two), and the others use the time.
const lintReport = 'test-results/lint.json';
const releaseBuilds = lockBuilds();
const lintRun = timed(
  runQuietly('npx', ['eslint', '.', '--max-warnings', '0', '--format', 'json', '--output-file', lintReport]),
).finally(releaseBuilds);
const formatRun = timed(runQuietly('npx', ['prettier', '--check', '.']));
// Errors only: its warnings here are all about the CSP meta tag, which it checks against
// file: URLs, where 'self' matches nothing and JSON-LD counts as inline script. The browser
// tests check the CSP where it applies.
const htmlRun = built
  ? timed(
      runQuietly('java', [
        '-jar',
        vnuJar,
        '--format',
        'json',
        '--stdout',
        '--skip-non-html',
        '--errors-only',
        'dist',
      ]),
    )
  : undefined;
// The tests tagged @base, on the desktop, in one worker of their own (the main run has two);
// their output is shown once the main run's is done.
const baseRun = baseBuilt
  ? timed(
      runQuietly(
        'npx',
        ['playwright', 'test', '--grep', '@base', '--project', 'desktop', '--workers', '1'],
        baseEnv,
      ),
    )
  : undefined;

// The site at the root of its host, from dist/. BASE_PATH and SITE_DIR are set so a value
// left in the shell cannot turn this run into another one.
const rootEnv = { BASE_PATH: '', SITE_DIR: 'dist', E2E_REPORT: 'test-results/e2e.json', LAO_COPY: laoCopy };
const browsersRun = built && browserReady;
if (browsersRun) {
  const e2eOk = await run('npx', ['playwright', 'test'], rootEnv);
  stage('e2e tests', e2eOk, playwrightCounts(readJson(rootEnv.E2E_REPORT)));
}

// Their own times, beside the browser tests' (alone, the first to end counts the wait).
const beside = (seconds: number) => (browsersRun ? { seconds, of: 'the e2e tests' } : undefined);
if (baseRun) {
  const baseTests = await baseRun;
  process.stdout.write(baseTests.value.output);
  stage(
    `e2e tests under ${basePath}`,
    baseTests.value.ok,
    playwrightCounts(readJson(baseEnv.E2E_REPORT)),
    beside(baseTests.seconds),
  );
}
const lint = await lintRun;
const lintCounts = eslintCounts(readJson(lintReport), process.cwd());
checkerStage('lint', lint.value.ok, lintCounts, lint.value.output, beside(lint.seconds));
const format = await formatRun;
if (!format.value.ok) console.log(format.value.output.trim());
const formatCounts = { passed: format.value.ok ? 1 : 0, failed: format.value.ok ? 0 : 1 };
stage('format check', format.value.ok, formatCounts, beside(format.seconds));
if (htmlRun) {
  const html = await htmlRun;
  let report: unknown;
  try {
    report = JSON.parse(html.value.stdout);
  } catch {
    report = undefined;
  }
  const counts = nuCounts(report, resolve('dist'), htmlFiles('dist'));
  checkerStage(
    'HTML (Nu checker)',
    counts !== undefined,
    counts,
    `${html.value.output}\nThe Nu HTML checker needs Java 11 or later.`,
    beside(html.seconds),
  );
}

finish();
