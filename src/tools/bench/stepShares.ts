/**
 * Where `npm run build` spends its time and memory, step by step: the steps' own timings
 * (written by src/tools/build.ts when `BUILD_TIMINGS` names a file) laid over the memory
 * samples the benchmark took of the whole process tree meanwhile. Pure, so it is tested.
 */

/**
 * One step as build.ts reports it: its name, its start (ms since 1970), its duration, and
 * the processor time of its processes where the system tells it (Linux).
 */
export interface StepTiming {
  step: string;
  start: number;
  seconds: number;
  cpuSeconds?: number | undefined;
}

/** The resident memory of the build's whole process tree at one moment (ms since 1970). */
export interface MemorySample {
  at: number;
  bytes: number;
}

/** A step's part of the whole build. */
export interface StepShare {
  step: string;
  seconds: number;
  /** Of the whole `npm run build`, 0 to 1. */
  share: number;
  /** Processor time of the step's processes: waiting for a core held by other work is not in it. */
  cpuSeconds: number | undefined;
  /** The highest sample taken while the step ran; undefined when none was (a step under 100 ms). */
  peakBytes: number | undefined;
}

/**
 * What is left of the whole when the steps are taken away: npm and Node starting, and
 * build.ts loading its modules before its first step.
 */
export const startUp = 'npm and Node start-up';

/**
 * Reads build.ts's timings file, failing with a message that names it when it is not the
 * list build.ts writes (another build.ts, or a build that stopped before its first step).
 */
export function parseTimings(text: string, file = 'BUILD_TIMINGS'): StepTiming[] {
  const data: unknown = JSON.parse(text);
  const valid =
    Array.isArray(data) &&
    data.every(
      (d: unknown) =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as Partial<StepTiming>).step === 'string' &&
        typeof (d as Partial<StepTiming>).start === 'number' &&
        typeof (d as Partial<StepTiming>).seconds === 'number' &&
        ['number', 'undefined'].includes(typeof (d as Partial<StepTiming>).cpuSeconds),
    );
  if (!valid)
    throw new Error(`${file} is not a list of { step, start, seconds, cpuSeconds? }: ${text.slice(0, 200)}`);
  return data as StepTiming[];
}

/**
 * The seconds during which at least one step ran: steps that run side by side (the search
 * index and the pages' compressed copies) count once.
 * @example coveredSeconds([{ step: 'a', start: 0, seconds: 4 }, { step: 'b', start: 1000, seconds: 5 }]) // 6
 */
export function coveredSeconds(steps: StepTiming[]): number {
  let covered = 0;
  let end = -Infinity;
  for (const s of [...steps].sort((a, b) => a.start - b.start)) {
    const stepEnd = s.start + s.seconds * 1000;
    covered += Math.max(0, stepEnd - Math.max(s.start, end));
    end = Math.max(end, stepEnd);
  }
  return covered / 1000;
}

/**
 * Each step's seconds, share of `totalSeconds` and peak memory, then the rest of the whole
 * (`startUp`), whose peak is taken over the samples that fall in no step. Steps that ran side
 * by side have shares that add up to more than their time together.
 *
 * @example stepShares(10, [{ step: 'type check', start: 0, seconds: 4, cpuSeconds: 5 }], [])
 * // [{ step: 'type check', seconds: 4, share: 0.4, cpuSeconds: 5, peakBytes: undefined },
 * //  { step: 'npm and Node start-up', seconds: 6, share: 0.6, cpuSeconds: undefined, peakBytes: undefined }]
 */
export function stepShares(totalSeconds: number, steps: StepTiming[], samples: MemorySample[]): StepShare[] {
  const during = (s: StepTiming, at: number) => at >= s.start && at <= s.start + s.seconds * 1000;
  const peak = (list: MemorySample[]) =>
    list.reduce<number | undefined>((top, m) => Math.max(top ?? 0, m.bytes), undefined);
  const share = (seconds: number) => (totalSeconds > 0 ? seconds / totalSeconds : 0);
  const rest = Math.max(0, totalSeconds - coveredSeconds(steps));
  return [
    ...steps.map((s) => ({
      step: s.step,
      seconds: s.seconds,
      share: share(s.seconds),
      cpuSeconds: s.cpuSeconds,
      peakBytes: peak(samples.filter((m) => during(s, m.at))),
    })),
    {
      step: startUp,
      seconds: rest,
      share: share(rest),
      // npm's and build.ts's start-up is no step's: the build does not time it.
      cpuSeconds: undefined,
      peakBytes: peak(samples.filter((m) => !steps.some((s) => during(s, m.at)))),
    },
  ];
}
