import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockBuilds } from './buildLock.ts';

const scratch: string[] = [];
function lockPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smart-gender-lock-'));
  scratch.push(dir);
  return join(dir, 'builds', '.lock');
}
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The number of a process that has ended and been waited for. */
function deadPid(): number {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(gone.stdout);
}

describe('the fixture builds’ lock', () => {
  it('is taken with this process’s number and given back on release', () => {
    const lock = lockPath();
    const release = lockBuilds(lock);
    expect(readFileSync(join(lock, 'pid'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it('is taken over from a holder that has died', () => {
    const lock = lockPath();
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, 'pid'), String(deadPid()));
    const release = lockBuilds(lock);
    expect(readFileSync(join(lock, 'pid'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('is taken over when left without a holder’s number for long, not at once', () => {
    const lock = lockPath();
    mkdirSync(lock, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    lockBuilds(lock, 30_000)();

    // A fresh folder without a number is a holder still writing it: waited for.
    mkdirSync(lock, { recursive: true });
    const waited = performance.now();
    lockBuilds(lock, 500)();
    expect(performance.now() - waited).toBeGreaterThanOrEqual(400);
  });
});
