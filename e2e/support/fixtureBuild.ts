import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { buildSteps } from '../../src/tools/buildSteps.ts';
import { lockBuilds } from '../../src/tools/buildLock.ts';
import { expect } from '@playwright/test';

/**
 * Builds the site from a changed copy of the real content, into a scratch folder, to see
 * what a build makes of an editor's input. Returns the build's output for error checks.
 */
export interface FixtureBuild {
  ok: boolean;
  output: string;
  outDir: string;
}

const scratch: string[] = [];

/**
 * A fresh output folder inside the project. Astro puts a build's intermediate files in the
 * output folder when it is inside the project, but in the project's shared `.astro/` when it
 * is not, so parallel builds into folders elsewhere overwrite each other's files.
 */
export function scratchOutDir(): string {
  mkdirSync(join('test-results', 'builds'), { recursive: true });
  const dir = mkdtempSync(join(process.cwd(), 'test-results', 'builds', 'dist-'));
  scratch.push(dir);
  return dir;
}

/** Removes every scratch folder made so far (call from `test.afterAll`). */
export function removeFixtureBuilds(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Builds a changed copy of the content with the build steps of `npm run build`, without its
 * type check and folder swap; `pagesOnly` stops after Astro's build, without the search
 * index and the compressed copies, for tests that read pages alone (about 5 CPU-s less).
 */
export function buildWith(
  change: (contentDir: string) => void,
  env: Record<string, string> = {},
  { pagesOnly = false }: { pagesOnly?: boolean } = {},
): FixtureBuild {
  const work = mkdtempSync(join(tmpdir(), 'smart-gender-content-'));
  scratch.push(work);
  const contentDir = join(work, 'content');
  const outDir = scratchOutDir();
  cpSync('content', contentDir, { recursive: true });
  change(contentDir);
  const steps = buildSteps(outDir);
  let output = '';
  const unlock = lockBuilds();
  try {
    for (const [command, args] of pagesOnly ? steps.slice(0, 1) : steps) {
      const result = spawnSync(command, args, {
        // A cache of its own, so fixture content never mixes with the real site's.
        env: { ...process.env, ...env, CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: join(work, 'cache') },
        encoding: 'utf8',
      });
      output += stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
      if (result.status !== 0) return { ok: false, output, outDir };
    }
  } finally {
    unlock();
  }
  return { ok: true, output, outDir };
}

/** Replaces `from` in a content file, failing the test if the file no longer holds it. */
export function edit(file: string, from: RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text, `${file} should contain ${String(from)}`).toMatch(from);
  writeFileSync(file, text.replace(from, to));
}
