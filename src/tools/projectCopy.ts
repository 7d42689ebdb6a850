import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { codeFiles } from './digest.ts';

/** What a copy holds outside a git repository (in one, git's list: every file not ignored). */
const parts = [
  'src',
  'e2e',
  'public',
  'astro.config.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
];

/**
 * Copies the project's code into the folder `into`: every file but the content, what git
 * ignores (builds, caches, settings) and the dependencies, which are linked, not copied. A
 * command run in the copy has a `.astro/` folder of its own, so it can run beside one in the
 * project (`npm run build`'s type check), and its files can be changed (the tests' third
 * language). `files`: git's list, when the caller has it already.
 */
export function copyCode(project: string, into: string, files = codeFiles(project)): void {
  if (files)
    // Git also lists a tracked file that has been deleted and not yet committed.
    for (const file of files.filter((f) => existsSync(f))) {
      const to = join(into, relative(project, file));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(file, to);
    }
  else
    for (const part of parts.filter((p) => existsSync(join(project, p))))
      cpSync(join(project, part), join(into, part), { recursive: true });
  symlinkSync(resolve(project, 'node_modules'), join(into, 'node_modules'), 'dir');
}
