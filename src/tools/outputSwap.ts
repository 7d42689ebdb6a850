import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';

/**
 * How `npm run build` replaces its output folder `out` (src/tools/build.ts): the new build is
 * made in `<out>.building/` and swapped in only when whole; the build it replaces stays in
 * `<out>.previous/` (the one to put back by hand if the new one turns out wrong) until the
 * next build, which removes it while it works.
 */
export const buildingDir = (out: string) => `${out}.building`;
export const previousDir = (out: string) => `${out}.previous`;

/**
 * Removes the build before the last one in a process of its own, so the build goes on
 * meanwhile: at 5,000 stories per language the removal took 15 s, which the editor waited
 * for at the end of every build when it was done there.
 */
export function clearPrevious(out: string): Promise<void> {
  const previous = previousDir(out);
  if (!existsSync(previous)) return Promise.resolve();
  const script = `require('node:fs').rmSync(${JSON.stringify(previous)}, { recursive: true, force: true })`;
  return new Promise((done) => {
    spawn(process.execPath, ['-e', script], { stdio: 'inherit' }).on('close', () => {
      done();
    });
  });
}

/** Puts the finished build in place; the one it replaces becomes `<out>.previous/`. */
export async function swapIn(out: string, clearing: Promise<void>): Promise<void> {
  await clearing;
  // Left only if the removal failed; then it goes now.
  rmSync(previousDir(out), { recursive: true, force: true });
  if (existsSync(out)) renameSync(out, previousDir(out));
  renameSync(buildingDir(out), out);
}
