import { spawn } from 'node:child_process';

/** How a step of the build went: whether it succeeded, what it printed (when kept) and its processor time. */
export interface StepRun {
  ok: boolean;
  output: string;
  /** Processor seconds of the command and its own children (Linux); absent elsewhere. */
  cpuSeconds?: number;
}

/**
 * A small Node program that runs the command, waits for it, and writes on file descriptor 3
 * the processor time of the processes it waited for (cutime and cstime, fields 16 and 17 of
 * /proc/self/stat, in the kernel's 100 ticks a second). Linux counts a process's time for
 * its parent only once the parent has waited for it, so a parent running two steps side by
 * side cannot tell their times apart; each step's own small parent can.
 */
const wrapper = `
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, writeSync } = require('node:fs');
const [command, args] = JSON.parse(process.argv[1]);
const result = spawnSync(command, args, { stdio: 'inherit' });
let cpu = null;
if (existsSync('/proc/self/stat')) {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ').at(-1).split(' ');
  cpu = (Number(fields[13]) + Number(fields[14])) / 100;
}
writeSync(3, JSON.stringify({ cpu }));
if (result.error) console.error(result.error.message);
process.exit(result.status ?? 1);
`;

/**
 * Runs a step's command without blocking this process, so two steps can run side by side.
 * Its output goes to this terminal as it comes, or with `capture` is kept and returned.
 */
export function runStep(
  command: string,
  args: string[],
  { env = process.env, capture = false }: { env?: NodeJS.ProcessEnv; capture?: boolean } = {},
): Promise<StepRun> {
  return new Promise((done) => {
    const out = capture ? 'pipe' : 'inherit';
    const child = spawn(process.execPath, ['-e', wrapper, JSON.stringify([command, args])], {
      env,
      stdio: ['inherit', out, out, 'pipe'],
    });
    let output = '';
    let report = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdio[3]?.on('data', (chunk: Buffer) => (report += chunk.toString()));
    child.on('error', (error) => {
      done({ ok: false, output: error.message });
    });
    child.on('close', (code) => {
      const cpu = cpuIn(report);
      done({ ok: code === 0, output, ...(cpu !== undefined && { cpuSeconds: cpu }) });
    });
  });
}

/** The processor time in the wrapper's report, if it could measure one. */
function cpuIn(report: string): number | undefined {
  try {
    const { cpu } = JSON.parse(report) as { cpu: number | null };
    return cpu ?? undefined;
  } catch {
    return undefined;
  }
}
