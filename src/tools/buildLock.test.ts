import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockBuilds } from './buildLock.ts';
import { scratchFolders } from './scratchFolders.ts';

const scratch = scratchFolders();
const lockPath = () => join(scratch('smart-gender-lock-'), 'builds', '.lock');

/** The number of a process that has ended and been waited for. */
function deadPid(): number {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(gone.stdout);
}

/** A lock held by `pid`, as a holder leaves it. */
function heldBy(lock: string, pid: number): void {
  mkdirSync(lock, { recursive: true });
  writeFileSync(join(lock, 'pid'), String(pid));
}

/** Takes the lock, checks it holds this process's number, gives it back and checks nothing is left. */
function takeAndGiveBack(lock: string): void {
  const release = lockBuilds(lock, 2_000);
  expect(readFileSync(join(lock, 'pid'), 'utf8')).toBe(String(process.pid));
  release();
  expect(readdirSync(join(lock, '..'))).toEqual([]);
}

// Each wait is bounded (the second argument), so a lock that is never given fails the test
// rather than hanging the run.
describe('the fixture builds’ lock', () => {
  it('is taken with this process’s number and given back on release, leaving nothing', () => {
    takeAndGiveBack(lockPath());
  });

  it('is taken over from a holder that has died', () => {
    const lock = lockPath();
    heldBy(lock, deadPid());
    takeAndGiveBack(lock);
  });

  it('is waited for while its holder lives, then refused with a message naming the holder', () => {
    const lock = lockPath();
    heldBy(lock, process.ppid);
    expect(() => lockBuilds(lock, 500)).toThrow(
      new RegExp(`waited 0.5 s for .*\\.lock, held by process ${String(process.ppid)}`),
    );
    expect(readFileSync(join(lock, 'pid'), 'utf8')).toBe(String(process.ppid));
  });

  it('is not removed by a release once another process holds it', () => {
    const lock = lockPath();
    const release = lockBuilds(lock, 2_000);
    writeFileSync(join(lock, 'pid'), String(process.ppid));
    release();
    expect(existsSync(join(lock, 'pid'))).toBe(true);
  });
});
