/**
 * `npm test`: builds the site, runs the unit tests (Vitest) and the browser tests
 * (Playwright) against the build, and ends with one plain line, "N passed, N failed",
 * counting both. The line is also written to test-results/summary.txt for CI.
 * Every stage runs even when an earlier one fails, so one run reports everything.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

interface Count {
  passed: number;
  failed: number;
}

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Counts from Vitest's JSON report. */
export function vitestCounts(report: unknown): Count | undefined {
  const r = report as { numPassedTests?: number; numFailedTests?: number } | undefined;
  if (typeof r?.numPassedTests !== 'number') return undefined;
  return { passed: r.numPassedTests, failed: r.numFailedTests ?? 0 };
}

/** Counts from Playwright's JSON report: flaky tests passed on retry, so they count as passed. */
export function playwrightCounts(report: unknown): Count | undefined {
  const s = (report as { stats?: { expected: number; unexpected: number; flaky: number } } | undefined)
    ?.stats;
  if (!s) return undefined;
  return { passed: s.expected + s.flaky, failed: s.unexpected };
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const total: Count = { passed: 0, failed: 0 };
const stage = (name: string, ok: boolean, counts: Count | undefined) => {
  if (counts) {
    total.passed += counts.passed;
    total.failed += counts.failed;
  }
  // A stage that failed without reporting tests (a build error, a crashed runner) is a failure too.
  if (!ok && (!counts || counts.failed === 0)) {
    console.error(`${name} failed before reporting any failing test`);
    total.failed += 1;
  }
};

const built = run('npm', ['run', 'build']);
stage('build', built, built ? { passed: 0, failed: 0 } : undefined);

const unitOk = run('npx', ['vitest', 'run']);
stage('unit tests', unitOk, vitestCounts(readJson('test-results/unit.json')));

if (built) {
  const e2eOk = run('npx', ['playwright', 'test']);
  stage('e2e tests', e2eOk, playwrightCounts(readJson('test-results/e2e.json')));
}

const line = `${total.passed} passed, ${total.failed} failed`;
writeFileSync('test-results/summary.txt', `${line}\n`);
console.log(line);
process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
