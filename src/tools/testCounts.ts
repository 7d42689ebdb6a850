/** The test runners' reports, read for `npm test`'s summary (src/tools/test.ts). */

export interface Count {
  passed: number;
  failed: number;
  /** Of the passed: browser tests that failed once and passed on their retry (CI only). */
  flaky?: number;
}

/** Counts from Vitest's JSON report. */
export function vitestCounts(report: unknown): Count | undefined {
  const r = report as { numPassedTests?: number; numFailedTests?: number } | undefined;
  if (typeof r?.numPassedTests !== 'number') return undefined;
  return { passed: r.numPassedTests, failed: r.numFailedTests ?? 0 };
}

/** Counts from Playwright's JSON report: flaky tests passed on retry, so they count as passed (and are named). */
export function playwrightCounts(report: unknown): Count | undefined {
  const s = (report as { stats?: { expected: number; unexpected: number; flaky: number } } | undefined)
    ?.stats;
  if (!s) return undefined;
  return { passed: s.expected + s.flaky, failed: s.unexpected, flaky: s.flaky };
}

/**
 * One stage's line of the summary, naming retried tests so they are not hidden.
 * @example stageLine('e2e tests', { passed: 9, failed: 0, flaky: 1 })
 *   // "e2e tests: 9 passed (1 only on a retry: see the list above), 0 failed"
 */
export function stageLine(name: string, { passed, failed, flaky }: Count): string {
  const retried = flaky ? ` (${flaky} only on a retry: see the list above)` : '';
  return `${name}: ${passed} passed${retried}, ${failed} failed`;
}
