import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * For a unit-test file: a maker of scratch folders in the system's temporary folder, each
 * removed after the test that made it. Call it at the top of the file, which registers the
 * removal there: the test files share one module cache (vitest.config.ts), so a hook
 * registered when this module loads would serve the first file only.
 */
export function scratchFolders(): (prefix: string) => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
