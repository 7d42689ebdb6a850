import { describe, expect, it } from 'vitest';
import { coveredSeconds, parseTimings, startUp, stepShares } from './stepShares.ts';

describe('parseTimings', () => {
  it('reads the list build.ts writes', () => {
    const steps = [
      { step: 'content check', start: 1000, seconds: 1.5, cpuSeconds: 1.4 },
      { step: 'folder swap', start: 2500, seconds: 0.1 },
    ];
    expect(parseTimings(JSON.stringify(steps))).toEqual(steps);
  });

  it('names the file when it holds something else', () => {
    expect(() => parseTimings('{"seconds": 3}', '/tmp/t.json')).toThrow(/\/tmp\/t\.json is not a list/);
    expect(() => parseTimings('[{"step": "x", "start": 1, "seconds": "3"}]', 'f')).toThrow(/not a list/);
    expect(() => parseTimings('[{"step": "x", "start": 1, "seconds": 3, "cpuSeconds": null}]')).toThrow(
      /not a list/,
    );
  });
});

describe('stepShares', () => {
  const steps = [
    { step: 'content check', start: 1_000, seconds: 2, cpuSeconds: 1.9 },
    { step: 'astro build', start: 3_000, seconds: 6 },
  ];
  const samples = [
    { at: 500, bytes: 900 },
    { at: 1_500, bytes: 300 },
    { at: 2_900, bytes: 250 },
    { at: 4_000, bytes: 700 },
    { at: 8_500, bytes: 800 },
    { at: 9_500, bytes: 60 },
  ];

  it('gives each step its seconds, its share of the whole and the peak while it ran', () => {
    const [check, build] = stepShares(10, steps, samples);
    expect(check).toEqual({ step: 'content check', seconds: 2, share: 0.2, cpuSeconds: 1.9, peakBytes: 300 });
    expect(build).toEqual({
      step: 'astro build',
      seconds: 6,
      share: 0.6,
      cpuSeconds: undefined,
      peakBytes: 800,
    });
  });

  it('gives what no step accounts for to start-up, with the samples outside every step', () => {
    const rest = stepShares(10, steps, samples)[2];
    expect(rest?.step).toBe(startUp);
    expect(rest?.seconds).toBeCloseTo(2);
    expect(rest?.share).toBeCloseTo(0.2);
    expect(rest?.peakBytes).toBe(900);
    expect(rest?.cpuSeconds).toBeUndefined();
  });

  it('leaves the peak unknown for a step no sample fell in', () => {
    const quick = [{ step: 'folder swap', start: 9_600, seconds: 0.05 }];
    expect(stepShares(10, quick, samples)[0]?.peakBytes).toBeUndefined();
  });

  it('shares sum to one when the steps fill the whole', () => {
    const shares = stepShares(8, steps, samples);
    expect(shares.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1);
  });

  it('counts steps that ran side by side once in the time left to start-up', () => {
    const sideBySide = [
      { step: 'content check', start: 0, seconds: 1 },
      { step: 'astro build', start: 1_000, seconds: 4 },
      { step: 'search index', start: 5_000, seconds: 4 },
      { step: 'precompress', start: 5_000, seconds: 2 },
    ];
    expect(coveredSeconds(sideBySide)).toBe(9);
    const shares = stepShares(10, sideBySide, []);
    expect(shares.at(-1)).toMatchObject({ step: startUp, seconds: 1 });
    expect(shares.find((s) => s.step === 'precompress')?.share).toBeCloseTo(0.2);
  });
});
