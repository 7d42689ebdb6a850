import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One SHA-256 over the names and bytes of `files` (missing ones left out), in a fixed
 * order: `npm run build` compares it with the one saved at its last success to tell whether
 * the schemas, or the code, changed since.
 */
export function digestOf(files: string[]): string {
  return files
    .filter((file) => existsSync(file) && statSync(file).isFile())
    .sort()
    .reduce((hash, file) => hash.update(file).update(readFileSync(file)), createHash('sha256'))
    .digest('hex');
}

/**
 * The project's files that are not content: what git tracks or would track (untracked files
 * included, ignored ones not), outside `content/`. Undefined outside a git repository.
 */
export function codeFiles(cwd = '.'): string[] | undefined {
  try {
    const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return listed
      .split('\0')
      .filter((file) => file && !file.startsWith('content/'))
      .map((file) => join(cwd, file));
  } catch {
    return undefined;
  }
}
