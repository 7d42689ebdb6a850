import { describe, expect, it } from 'vitest';
import {
  eslintCounts,
  findingLine,
  nuCounts,
  playwrightCounts,
  stageLine,
  vitestCounts,
} from './testCounts.ts';

describe('vitestCounts', () => {
  it('reads passed and failed tests from Vitest’s JSON report', () => {
    expect(vitestCounts({ numPassedTests: 120, numFailedTests: 3 })).toEqual({ passed: 120, failed: 3 });
  });

  it('gives nothing for a missing or broken report, so the stage counts as failed', () => {
    expect(vitestCounts(undefined)).toBeUndefined();
    expect(vitestCounts({ error: 'crashed' })).toBeUndefined();
  });
});

describe('playwrightCounts', () => {
  it('counts a test that passed on its retry as passed, and says how many did', () => {
    expect(playwrightCounts({ stats: { expected: 400, unexpected: 1, flaky: 2, skipped: 10 } })).toEqual({
      passed: 402,
      failed: 1,
      flaky: 2,
    });
  });

  it('gives nothing for a report without stats', () => {
    expect(playwrightCounts({})).toBeUndefined();
  });
});

describe('stageLine', () => {
  it('names retried tests, and says nothing of retries when there were none', () => {
    expect(stageLine('e2e tests', { passed: 402, failed: 1, flaky: 2 })).toBe(
      'e2e tests: 402 passed (2 only on a retry: see the list above), 1 failed',
    );
    expect(stageLine('unit tests', { passed: 120, failed: 0 })).toBe('unit tests: 120 passed, 0 failed');
  });
});

describe('nuCounts', () => {
  const pages = ['index.html', 'search/index.html', 'en/index.html'];
  it('fails each page with an error, passes the others, and ignores warnings', () => {
    const report = {
      messages: [
        {
          type: 'error',
          url: 'file:/site/dist/search/index.html',
          lastLine: 1,
          message: 'Stray start tag “script”.',
        },
        { type: 'error', url: 'file:/site/dist/search/index.html', lastLine: 2, message: 'Another.' },
        { type: 'info', subType: 'warning', url: 'file:/site/dist/index.html', message: 'A warning.' },
      ],
    };
    expect(nuCounts(report, '/site/dist', pages)).toEqual({
      passed: 2,
      failed: 1,
      findings: [
        { file: 'search/index.html', line: 1, message: 'Stray start tag “script”.' },
        { file: 'search/index.html', line: 2, message: 'Another.' },
      ],
    });
  });

  it('gives nothing for a report the checker did not write', () => {
    expect(nuCounts(undefined, '/site/dist', pages)).toBeUndefined();
  });
});

describe('eslintCounts', () => {
  it('fails each file with an error or a warning, naming the rule', () => {
    const report = [
      { filePath: '/repo/src/a.ts', messages: [] },
      {
        filePath: '/repo/src/b.astro',
        messages: [{ line: 3, ruleId: 'no-unused-vars', message: 'x is unused.' }],
      },
    ];
    const counts = eslintCounts(report, '/repo');
    expect(counts).toMatchObject({ passed: 1, failed: 1 });
    expect(counts?.findings.map(findingLine)).toEqual(['src/b.astro:3  x is unused. (no-unused-vars)']);
  });

  it('gives nothing for a report ESLint did not write', () => {
    expect(eslintCounts(undefined, '/repo')).toBeUndefined();
  });
});
