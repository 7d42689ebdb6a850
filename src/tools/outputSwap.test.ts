import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildingDir, clearPrevious, previousDir, swapIn } from './outputSwap.ts';

const work: string[] = [];
afterEach(() => {
  for (const dir of work.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding one page that says which build it is. */
function build(dir: string, name: string): void {
  mkdirSync(join(dir, 'news'), { recursive: true });
  writeFileSync(join(dir, 'news', 'index.html'), name);
}
const which = (dir: string) => readFileSync(join(dir, 'news', 'index.html'), 'utf8');

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smart-gender-swap-test-'));
  work.push(dir);
  return join(dir, 'dist');
}

describe('replacing the output folder', () => {
  it('puts the new build in place, keeps the one it replaced and removes the one before', async () => {
    const out = scratch();
    build(previousDir(out), 'two builds ago');
    build(out, 'last build');
    const clearing = clearPrevious(out);
    build(buildingDir(out), 'this build');
    await swapIn(out, clearing);
    expect(which(out)).toBe('this build');
    expect(which(previousDir(out))).toBe('last build');
    expect(existsSync(buildingDir(out))).toBe(false);
  });

  it('makes the first build without a previous one', async () => {
    const out = scratch();
    const clearing = clearPrevious(out);
    build(buildingDir(out), 'first build');
    await swapIn(out, clearing);
    expect(which(out)).toBe('first build');
    expect(existsSync(previousDir(out))).toBe(false);
  });
});
