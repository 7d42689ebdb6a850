import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Astro writes some of a build's files into the project's own `.astro/` whatever the output
 * and cache folders (`content-assets.mjs`, the list of the content's photos, among them), so
 * two builds of the project at once, in two test workers, can read each other's. Builds (and
 * the dev server) hold this lock while they run: a folder holding its holder's process number.
 *
 * Every change to the lock is a rename, which the file system does at once or not at all: a
 * lock is made beside it, number inside, and renamed into place (which fails while another
 * holds it), so no lock is ever seen without its number; a lock whose holder has died is
 * renamed aside before it is removed, so of two waiters that saw the death, one takes it over.
 */
export const buildLockDir = join('test-results', 'builds', '.lock');

/** The lock was held longer than a fixture build could take: its holder is stuck. */
const defaultTimeoutMs = 10 * 60_000;

export function lockBuilds(lockDir = buildLockDir, timeoutMs = defaultTimeoutMs): () => void {
  mkdirSync(dirname(lockDir), { recursive: true });
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mine = mkdtempSync(`${lockDir}.new-`);
    writeFileSync(join(mine, 'pid'), String(process.pid));
    try {
      renameSync(mine, lockDir);
      return () => {
        release(lockDir);
      };
    } catch (error) {
      rmSync(mine, { recursive: true, force: true });
      if (!held(error)) throw error;
    }
    const holder = holderOf(lockDir);
    if (holder !== undefined && !alive(holder)) takeOver(lockDir, holder);
    else if (Date.now() > until)
      throw new Error(
        `waited ${String(timeoutMs / 1000)} s for ${lockDir}, held by process ${String(holder)}: remove it if no build runs`,
      );
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}

/** Whether a rename onto the lock failed because a lock is there (Linux says either). */
function held(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOTEMPTY' || code === 'EEXIST';
}

function holderOf(lockDir: string): number | undefined {
  try {
    return Number(readFileSync(join(lockDir, 'pid'), 'utf8')) || undefined;
  } catch {
    return undefined; // Released in the meantime: the next attempt takes it.
  }
}

/**
 * Removes a dead holder's lock: renamed aside first, so only one waiter gets it; put back if
 * what was renamed is not the dead holder's (another waiter took it over in the meantime).
 */
function takeOver(lockDir: string, dead: number): void {
  const aside = `${lockDir}.dead-${String(process.pid)}-${String(Date.now())}`;
  try {
    renameSync(lockDir, aside);
  } catch {
    return; // Another waiter moved it first.
  }
  if (holderOf(aside) === dead) rmSync(aside, { recursive: true, force: true });
  else
    try {
      renameSync(aside, lockDir);
    } catch {
      // A third process took the lock meanwhile: the one moved aside keeps its folder there
      // and its release leaves the new holder's alone. Three-way, and only after a death.
    }
}

/** Gives the lock back, if it is still this process's. */
function release(lockDir: string): void {
  if (holderOf(lockDir) !== process.pid) return;
  const aside = `${lockDir}.done-${String(process.pid)}-${String(Date.now())}`;
  renameSync(lockDir, aside);
  rmSync(aside, { recursive: true, force: true });
}

/** Whether process `pid` is still running (one of another user's counts as running). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
