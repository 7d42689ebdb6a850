import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildingDir, previousDir, swapIn, sweepLeftovers } from './outputSwap.ts';
import { scratchFolders } from './scratchFolders.ts';

const scratchFolder = scratchFolders();

/** A folder holding one page that says which build it is. */
function build(dir: string, name: string): void {
  mkdirSync(join(dir, 'news'), { recursive: true });
  writeFileSync(join(dir, 'news', 'index.html'), name);
}
const which = (dir: string) => readFileSync(join(dir, 'news', 'index.html'), 'utf8');

const scratch = () => join(scratchFolder('smart-gender-swap-test-'), 'dist');

/** Waits until `dir` is gone (removed by a background process), failing after 10 s. */
async function gone(dir: string): Promise<boolean> {
  for (let i = 0; i < 200 && existsSync(dir); i++) await new Promise((r) => setTimeout(r, 50));
  return !existsSync(dir);
}

describe('replacing the output folder', () => {
  it('puts the new build in place, keeps the one it replaced and removes the one before', async () => {
    const out = scratch();
    build(previousDir(out), 'two builds ago');
    build(out, 'last build');
    build(buildingDir(out), 'this build');
    const trash = swapIn(out);
    expect(which(out)).toBe('this build');
    expect(which(previousDir(out))).toBe('last build');
    expect(existsSync(buildingDir(out))).toBe(false);
    expect(trash, 'the build before the last is moved out of the way').toBeDefined();
    expect(await gone(trash ?? ''), 'and removed').toBe(true);
  });

  it('makes the first build without a previous one', () => {
    const out = scratch();
    build(buildingDir(out), 'first build');
    expect(swapIn(out)).toBeUndefined();
    expect(which(out)).toBe('first build');
    expect(existsSync(previousDir(out))).toBe(false);
  });

  it('removes what an interrupted removal left, and nothing else', async () => {
    const out = scratch();
    const left = `${out}.removing-1-1`;
    build(left, 'half removed');
    build(out, 'last build');
    build(previousDir(out), 'the one before');
    sweepLeftovers(out);
    expect(await gone(left)).toBe(true);
    expect(readdirSync(join(out, '..')).sort()).toEqual(['dist', 'dist.previous']);
  });
});
