import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Astro writes some of a build's files into the project's own `.astro/` whatever the output
 * and cache folders (`content-assets.mjs`, the list of the content's photos, among them), so
 * two builds of the project at once, in two test workers, can read each other's. Builds (and
 * the dev server) hold this lock, a folder only one process can make, while they run. A lock
 * whose holder has died is taken over, as is one left without a holder's number (its maker
 * died between making the folder and writing the number) after `orphanMs`.
 */
export const buildLockDir = join('test-results', 'builds', '.lock');

export function lockBuilds(lockDir = buildLockDir, orphanMs = 10_000): () => void {
  mkdirSync(dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return () => {
        rmSync(lockDir, { recursive: true, force: true });
      };
    } catch {
      const holder = Number(readFileOr(join(lockDir, 'pid')));
      const orphan = !holder && Date.now() - modifiedAt(lockDir) > orphanMs;
      if (orphan || (holder && !alive(holder))) rmSync(lockDir, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

function readFileOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** When the folder was last changed; now if it is gone (the next attempt will then make it). */
function modifiedAt(dir: string): number {
  try {
    return statSync(dir).mtimeMs;
  } catch {
    return Date.now();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
