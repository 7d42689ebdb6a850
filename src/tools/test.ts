/**
 * `npm test`: builds the site, runs the unit tests (Vitest) and the browser tests
 * (Playwright) against the build, then builds the site again under a base path
 * (`BASE_PATH=/smart-gender/`, into dist-base/) and runs the browser tests a second time
 * against it, served under that path, as a CDN folder would serve it. It ends with one
 * plain line, "N passed, N failed", counting every run. The line is also written to
 * test-results/summary.txt for CI. Every stage runs even when an earlier one fails, so one
 * run reports everything.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { playwrightCounts, stageLine, vitestCounts, type Count } from './testCounts.ts';

/** The base path of the second run, and where its build goes. */
const basePath = '/smart-gender/';
const baseDir = 'dist-base';

/** Runs a command with extra environment variables (undefined removes one). */
function run(command: string, args: string[], extra: Record<string, string | undefined> = {}): boolean {
  const env = { ...process.env, ...extra };
  for (const [key, value] of Object.entries(extra)) if (value === undefined) delete env[key];
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const total: Count = { passed: 0, failed: 0 };
const stage = (name: string, ok: boolean, counts: Count | undefined) => {
  if (counts) {
    total.passed += counts.passed;
    total.failed += counts.failed;
    if (counts.passed + counts.failed > 0) console.log(stageLine(name, counts));
  }
  // A stage that failed without reporting tests (a build error, a crashed runner) is a failure too.
  if (!ok && (!counts || counts.failed === 0)) {
    console.error(`${name} failed before reporting any failing test`);
    total.failed += 1;
  }
};

// An empty BASE_PATH means the root, whatever `.env` or the shell says.
const built = run('npm', ['run', 'build'], { BASE_PATH: '', OUT_DIR: undefined });
stage('build', built, built ? { passed: 0, failed: 0 } : undefined);

const unitOk = run('npx', ['vitest', 'run']);
stage('unit tests', unitOk, vitestCounts(readJson('test-results/unit.json')));

// The site at the root of its host, from dist/. BASE_PATH and SITE_DIR are cleared so a
// value left in the shell cannot turn this run into another one.
const rootEnv = { BASE_PATH: '', SITE_DIR: 'dist', E2E_REPORT: 'test-results/e2e.json' };
if (built) {
  const e2eOk = run('npx', ['playwright', 'test'], rootEnv);
  stage('e2e tests', e2eOk, playwrightCounts(readJson(rootEnv.E2E_REPORT)));
}

// The same site in a folder of its host: built with BASE_PATH into dist-base/, served there.
const baseEnv = { BASE_PATH: basePath, SITE_DIR: baseDir, E2E_REPORT: 'test-results/e2e-base.json' };
const baseBuilt = run('node', ['src/tools/build.ts'], { OUT_DIR: baseDir, BASE_PATH: basePath });
stage(`build under ${basePath}`, baseBuilt, baseBuilt ? { passed: 0, failed: 0 } : undefined);
if (baseBuilt) {
  const e2eOk = run('npx', ['playwright', 'test'], baseEnv);
  stage(`e2e tests under ${basePath}`, e2eOk, playwrightCounts(readJson(baseEnv.E2E_REPORT)));
}

const line = `${total.passed} passed, ${total.failed} failed`;
writeFileSync('test-results/summary.txt', `${line}\n`);
console.log(line);
process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
