import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** How a step of the build went: whether it succeeded, what it printed (when kept) and its processor time. */
export interface StepRun {
  ok: boolean;
  output: string;
  /** Processor seconds of the command and its own children (Linux); absent elsewhere. */
  cpuSeconds?: number;
}

/**
 * On Linux a step runs under a small shell that waits for it and then writes on file
 * descriptor 3 its own line of /proc/<pid>/stat, whose cutime and cstime (fields 16 and 17,
 * in the kernel's 100 ticks a second) are the processor time of the processes it waited for.
 * Linux counts a process's time for its parent only once the parent has waited for it, so a
 * parent running two steps side by side cannot tell their times apart; each step's own shell
 * can (the step itself does not get the descriptor). A shell holds 2 MB, where a Node process
 * in its place held 40, beside steps that hold most of the build's memory. Elsewhere the
 * command runs as it is, its time unmeasured.
 */
const timingShell = '"$@" 3>&-; status=$?; cat /proc/$$/stat >&3; exit $status';
const procStat = existsSync('/proc/self/stat');

/**
 * Runs a step's command without blocking this process, so two steps can run side by side.
 * Its output goes to this terminal as it comes, or with `capture` is kept and returned; `cwd`
 * runs it in another folder. With `input`, its standard input is a pipe that is given what
 * `input` resolves to and then closed: a step working beside another learns that way how
 * the other ended.
 */
export function runStep(
  command: string,
  args: string[],
  {
    env = process.env,
    capture = false,
    cwd,
    input,
  }: { env?: NodeJS.ProcessEnv; capture?: boolean; cwd?: string; input?: Promise<string> } = {},
): Promise<StepRun> {
  return new Promise((done) => {
    const out = capture ? 'pipe' : 'inherit';
    const stdin = input ? 'pipe' : 'inherit';
    const child = procStat
      ? spawn('sh', ['-c', timingShell, 'sh', command, ...args], {
          env,
          cwd,
          stdio: [stdin, out, out, 'pipe'],
        })
      : spawn(command, args, { env, cwd, stdio: [stdin, out, out] });
    // A step that has already exited no longer reads: what it is told then is of no use to it.
    child.stdin?.on('error', () => undefined);
    void input?.then(
      (text) => child.stdin?.end(text),
      () => child.stdin?.end(),
    );
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

/** The processor time in the shell's report (its /proc stat line), if it could measure one. */
function cpuIn(report: string): number | undefined {
  // Fields from the third on follow the command's name, which ends with ") ".
  const fields = report.split(') ').at(-1)?.split(' ') ?? [];
  const [cutime, cstime] = [Number(fields[13]), Number(fields[14])];
  return report && Number.isFinite(cutime) && Number.isFinite(cstime) ? (cutime + cstime) / 100 : undefined;
}
