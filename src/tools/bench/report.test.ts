import { describe, expect, it } from 'vitest';
import { buildTables, stepCell, stepNames, table } from './report.ts';
import type { BuildFigures } from './measure.ts';

const MiB = 2 ** 20;

describe('table', () => {
  it('makes a Markdown table with right-aligned columns', () => {
    expect(table(['a', 'b'], [['1', '2']])).toBe('| a | b |\n|---:|---:|\n| 1 | 2 |');
  });
});

describe('stepCell', () => {
  it('shows seconds, share, processor time and peak memory', () => {
    const step = { step: 'type check', seconds: 12.34, share: 0.251, cpuSeconds: 15, peakBytes: 800 * MiB };
    expect(stepCell(step)).toBe('12.3 s (25 %), CPU 15.0 s, 800 MiB');
  });

  it('leaves out an unknown processor time, and says when a step was too quick to sample', () => {
    const step = {
      step: 'folder swap',
      seconds: 0.01,
      share: 0.001,
      cpuSeconds: undefined,
      peakBytes: undefined,
    };
    expect(stepCell(step)).toBe('0.0 s (0 %), under 100 ms');
  });
});

const build = (steps: BuildFigures['steps']): BuildFigures => ({
  seconds: 20,
  peakBytes: 900 * MiB,
  steps,
  pages: 2_000,
  distBytes: 30 * MiB,
  indexBytes: 5 * MiB,
});

describe('stepNames', () => {
  it('lists every step once, in the order the build ran them', () => {
    const named = (step: string) => ({
      step,
      seconds: 1,
      share: 0.1,
      cpuSeconds: undefined,
      peakBytes: undefined,
    });
    const [a, b, c] = [named('a'), named('b'), named('c')];
    expect(stepNames([{ build: build([a, b]) }, { build: build([a, c, b]) }])).toEqual(['a', 'b', 'c']);
  });
});

describe('buildTables', () => {
  it('gives the whole build per size, then each step’s share, with a dash for a step a run lacks', () => {
    const check = { step: 'content check', seconds: 5, share: 0.25, cpuSeconds: 4, peakBytes: 300 * MiB };
    const astro = {
      step: 'astro build',
      seconds: 15,
      share: 0.75,
      cpuSeconds: undefined,
      peakBytes: 900 * MiB,
    };
    const text = buildTables([
      { perLang: 1000, photos: 100, build: build([check, astro]) },
      { perLang: 100, photos: 10, build: build([astro]) },
    ]);
    expect(text).toContain('| articles per language | photos | HTML pages |');
    expect(text).toContain('| 1,000 | 100 | 2,000 | 20.0 s | – | 10.0 ms | 900 MiB | 30.0 MiB | 5.0 MiB |');
    expect(text).toContain('| articles per language | content check | astro build |');
    expect(text).toContain('| 1,000 | 5.0 s (25 %), CPU 4.0 s, 300 MiB | 15.0 s (75 %), 900 MiB |');
    expect(text).toContain('| 100 | – | 15.0 s (75 %), 900 MiB |');
  });

  it('gives the next build, one story edited, beside the first, and its steps in a row of its own', () => {
    const astro = { step: 'astro build', seconds: 15, share: 0.75, cpuSeconds: 14, peakBytes: 900 * MiB };
    const again = { ...build([{ ...astro, seconds: 6, share: 1 }]), seconds: 6 };
    const text = buildTables([{ perLang: 1000, photos: 100, build: build([astro]), rebuild: again }]);
    expect(text).toContain('| `npm run build` | next build, one story edited |');
    expect(text).toMatch(/\| 1,000 \| 100 \| 2,000 \| 20\.0 s \| 6\.0 s \|/);
    expect(text).toContain('| 1,000, next build | 6.0 s (100 %), CPU 14.0 s, 900 MiB |');
  });
});
