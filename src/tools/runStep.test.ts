import { existsSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runStep } from './runStep.ts';

const node = process.execPath;
/** A program that keeps a core busy until it has used `ms` of processor time (not of the clock). */
const spin = (ms: number) => `while (process.cpuUsage().user + process.cpuUsage().system < ${ms * 1000});`;

// These programs spend a set amount of processor time, not of the clock: beside a build and
// an install (as npm test runs them), a second of it can take several on the clock.
describe('runStep', { timeout: 30_000 }, () => {
  it("reports a step's success, its output and its own processor time", async () => {
    const busy = `${spin(400)} console.log("done")`;
    const run = await runStep(node, ['-e', busy], { capture: true });
    expect(run.ok).toBe(true);
    expect(run.output).toBe('done\n');
    if (existsSync('/proc/self/stat')) {
      expect(run.cpuSeconds).toBeGreaterThanOrEqual(0.3);
      expect(run.cpuSeconds).toBeLessThan(5);
    }
  });

  it('two steps side by side each report their own time', async () => {
    const [short, long] = await Promise.all([
      runStep(node, ['-e', spin(100)]),
      runStep(node, ['-e', spin(900)]),
    ]);
    if (!existsSync('/proc/self/stat')) return;
    expect(short.cpuSeconds).toBeLessThan(0.6);
    expect(long.cpuSeconds).toBeGreaterThanOrEqual(0.8);
  });

  it('reports a failing or missing command as failed, with what it said', async () => {
    const failing = await runStep(node, ['-e', 'console.error("broken"); process.exit(3)'], {
      capture: true,
    });
    expect(failing).toMatchObject({ ok: false, output: 'broken\n' });
    const missing = await runStep('no-such-command-here', [], { capture: true });
    expect(missing.ok).toBe(false);
    expect(missing.output).toContain('no-such-command-here');
  });

  it('tells a step what `input` resolves to, then closes its input', async () => {
    const { promise, resolve } = Promise.withResolvers<string>();
    const echo =
      'let said = ""; process.stdin.on("data", (c) => (said += c)).on("end", () => console.log(`got ${said}`));';
    const running = runStep(node, ['-e', echo], { capture: true, input: promise });
    resolve('written');
    expect((await running).output).toBe('got written\n');
    // A step that has exited before it is told anything is not an error here.
    const gone = await runStep(node, ['-e', 'process.exit(0)'], { input: sleep(300).then(() => 'late') });
    expect(gone.ok).toBe(true);
  });

  it('runs a step in the folder it is given', async () => {
    const run = await runStep(node, ['-e', 'console.log(process.cwd())'], { cwd: tmpdir(), capture: true });
    expect(run.output.trim()).toBe(realpathSync(tmpdir()));
  });
});
