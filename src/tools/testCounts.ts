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

/** A problem a checker reported, as one line to show. */
export interface Finding {
  file: string;
  line: number | undefined;
  message: string;
}

/** The counts of a checker that judges files: each file checked is a test, failed when it has a finding. */
export interface FileCount extends Count {
  findings: Finding[];
}

function countFiles(files: readonly string[], findings: Finding[]): FileCount {
  const failedFiles = new Set(findings.map((f) => f.file));
  return { passed: files.filter((f) => !failedFiles.has(f)).length, failed: failedFiles.size, findings };
}

/**
 * Counts from the Nu HTML checker's JSON report (`vnu --format json`): each page is a test,
 * failed when the checker found an error in it. `pages` are the paths it was given, relative
 * to `root`; the report names them as file: URLs.
 */
export function nuCounts(report: unknown, root: string, pages: readonly string[]): FileCount | undefined {
  const messages = (
    report as { messages?: { type: string; url?: string; lastLine?: number; message: string }[] } | undefined
  )?.messages;
  if (!Array.isArray(messages)) return undefined;
  const prefix = `file:${root.replace(/\/?$/, '/')}`;
  const findings = messages
    .filter((m) => m.type === 'error')
    .map((m) => ({
      file: m.url?.startsWith(prefix) ? m.url.slice(prefix.length) : (m.url ?? '(no file)'),
      line: m.lastLine,
      message: m.message,
    }));
  return countFiles(pages, findings);
}

/** Counts from ESLint's JSON report: each file linted is a test, failed on any error or warning. */
export function eslintCounts(report: unknown, root: string): FileCount | undefined {
  if (!Array.isArray(report)) return undefined;
  const results = report as {
    filePath: string;
    messages: { line?: number; ruleId: string | null; message: string }[];
  }[];
  const relative = (path: string) => (path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path);
  const findings = results.flatMap((r) =>
    r.messages.map((m) => ({
      file: relative(r.filePath),
      line: m.line,
      message: m.ruleId ? `${m.message} (${m.ruleId})` : m.message,
    })),
  );
  return countFiles(
    results.map((r) => relative(r.filePath)),
    findings,
  );
}

/** A finding as one line: "path:line  message". */
export function findingLine({ file, line, message }: Finding): string {
  return `${file}${line === undefined ? '' : `:${line}`}  ${message}`;
}
