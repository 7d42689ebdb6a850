import { describe, expect, it } from 'vitest';
import { playwrightCounts, stageLine, vitestCounts } from './testCounts.ts';

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
