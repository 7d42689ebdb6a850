import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * How `npm run build` replaces its output folder `out` (src/tools/build.ts): the new build is
 * made in `<out>.building/` and swapped in only when whole; the build it replaces stays in
 * `<out>.previous/` (the one to put back by hand if the new one turns out wrong) until the
 * next build succeeds. A build that fails touches neither.
 */
export const buildingDir = (out: string) => `${out}.building`;
export const previousDir = (out: string) => `${out}.previous`;
const trashPrefix = (out: string) => `${basename(out)}.removing-`;

/**
 * Removes `dir` in a process of its own that outlives this one: at 5,000 stories per
 * language a build's folder took 15 s to delete, which the editor waited for at the end of
 * every build when it was done there.
 */
function removeInBackground(dir: string): void {
  const script = `require('node:fs').rmSync(${JSON.stringify(dir)}, { recursive: true, force: true })`;
  spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' })
    .on('error', () => undefined)
    .unref();
}

/** Folders an earlier removal left (the machine stopped before it was done), removed in the background. */
export function sweepLeftovers(out: string): void {
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (name.startsWith(trashPrefix(out))) removeInBackground(join(parent, name));
  }
}

/**
 * Puts the finished build in place: the one it replaces becomes `<out>.previous/`, and the
 * one before that is renamed out of the way and removed in the background. Returns the name
 * it is removed under, if there was one.
 */
export function swapIn(out: string): string | undefined {
  let trash: string | undefined;
  if (existsSync(previousDir(out))) {
    trash = join(dirname(out), `${trashPrefix(out)}${String(Date.now())}-${String(process.pid)}`);
    renameSync(previousDir(out), trash);
  }
  if (existsSync(out)) renameSync(out, previousDir(out));
  renameSync(buildingDir(out), out);
  if (trash) removeInBackground(trash);
  return trash;
}
