import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * One SHA-256 over the names and bytes of `files` (missing ones left out), in a fixed
 * order, and over `also` (what else the result depends on, such as a library's version):
 * `npm run build` compares it with the one saved at its last success to tell whether the
 * schemas, the code or the photo encoders changed since.
 */
export function digestOf(files: string[], also = ''): string {
  return files
    .filter((file) => existsSync(file) && statSync(file).isFile())
    .sort()
    .reduce((hash, file) => hash.update(file).update(readFileSync(file)), createHash('sha256').update(also))
    .digest('hex');
}

/**
 * What the photos Astro keeps in its cache depend on beyond their size and format, which name
 * them: the encoder's settings (`image` in the Astro config file `config`) and the encoders
 * themselves (sharp's `versions`: sharp, libvips and its AVIF, WebP and JPEG libraries).
 */
export function photoDigest(config: string, versions: Record<string, string | undefined>): string {
  return digestOf([config], JSON.stringify(versions));
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

/**
 * Whether `npm run build` runs the type check, and whether its success may record the code
 * as passed (so that the next build skips the check): code that passed before is not checked
 * again; code whose check was left out (`SKIP_TYPE_CHECK=1`, which `npm test` sets, as it
 * checks a copy of the project) is checked by the next build that does not leave it out.
 */
export function typeCheckPlan(codeUnchanged: boolean, leftOut: boolean): { check: boolean; record: boolean } {
  if (codeUnchanged) return { check: false, record: true };
  return leftOut ? { check: false, record: false } : { check: true, record: true };
}

/**
 * A digest saved in the file `path` at a build's success: `same` says whether `digest` is
 * what the last successful build saved there (never when there is none, or no digest), and
 * `record` saves it once this build has succeeded. `npm run build` keeps three: the schemas
 * (stale cached entries), the photo settings and encoders (stale cached photos) and the code
 * (the type check).
 */
export function stamp(path: string, digest: string | undefined): { same: boolean; record: () => void } {
  return {
    same: digest !== undefined && existsSync(path) && readFileSync(path, 'utf8') === digest,
    record: () => {
      if (digest === undefined) return;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, digest);
    },
  };
}
