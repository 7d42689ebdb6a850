import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * When each content file last changed, for the warning that a translation may be outdated:
 * its last commit when it is committed and unchanged since, else its modification time
 * (an edit not yet committed, a tree outside git, a copy made by a test).
 *
 * Git is asked once for the whole tree, not once per file: a `git log` per file costs
 * minutes at ten thousand files. The content folder may sit in another repository than
 * the project, or in none, so git runs in that folder (`-C`).
 */

/** The grace between a source and its translation: files copied or checked out together differ by moments. */
const grace = 60_000;

/** Whether a translation changed at `translation` may be outdated by its source changed at `source`. */
export function mayBeOutdated(source: Date, translation: Date): boolean {
  return source.getTime() - translation.getTime() > grace;
}

/**
 * The newest commit time of each path in the output of
 * `git log -z --name-only --format=%x00%ct` (newest commit first, as git prints it). Split
 * at NUL, a commit is an empty field, its time in seconds, then its paths, the first after
 * a newline; a path is never empty, so an empty field always comes before a commit's time.
 * @example lastCommits('\0170\0\na.md\0b.md\0\0160\0\na.md\0') // Map { a.md → 170000, b.md → 170000 }
 */
export function lastCommits(log: string): Map<string, number> {
  const times = new Map<string, number>();
  let time = NaN;
  let timeNext = false;
  for (const field of log.split('\0')) {
    if (field === '') {
      timeNext = true;
    } else if (timeNext) {
      time = Number(field) * 1000;
      timeNext = false;
    } else {
      const path = field.startsWith('\n') ? field.slice(1) : field;
      if (!Number.isNaN(time) && !times.has(path)) times.set(path, time);
    }
  }
  return times;
}

/**
 * The paths with uncommitted changes (modified, added, deleted, untracked) in the output of
 * `git status --porcelain -z`, made relative to the folder at `prefix` (as
 * `git rev-parse --show-prefix` prints it): porcelain paths are relative to the repository's top.
 * @example uncommitted(' M site/content/a.md\0?? site/content/b.md\0', 'site/content/') // Set { a.md, b.md }
 */
export function uncommitted(status: string, prefix: string): Set<string> {
  const paths = new Set<string>();
  const fields = status.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] ?? '';
    if (field.length < 4) continue;
    const path = field.slice(3);
    if (path.startsWith(prefix)) paths.add(path.slice(prefix.length));
    // A rename or copy is followed by the path it came from.
    if (/[RC]/.test(field.slice(0, 2))) i++;
  }
  return paths;
}

/** Runs git in `dir` and returns what it prints, or undefined when it fails (no git, no repository, no commit). */
function git(dir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, '--no-optional-locks', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: Infinity,
    });
  } catch {
    return undefined;
  }
}

/**
 * A function giving when a file under `contentDir` last changed, given its path relative
 * to `contentDir` with `/` between folders (`news/th/launch.md`). Git runs three times at
 * most, on the first call; files it does not know are looked at on the disk.
 */
export function changeDates(contentDir: string): (path: string) => Date {
  let committed: Map<string, number> | undefined;
  const known = () => {
    if (committed) return committed;
    committed = new Map();
    const prefix = git(contentDir, ['rev-parse', '--show-prefix'])?.replace(/\n$/, '');
    if (prefix === undefined) return committed;
    const log = git(contentDir, [
      'log',
      '-z',
      '--name-only',
      '--no-renames',
      '--relative',
      '--format=%x00%ct',
      '--',
      '.',
    ]);
    const status = git(contentDir, ['status', '--porcelain', '-z', '--untracked-files=all', '--', '.']);
    if (log === undefined || status === undefined) return committed;
    committed = lastCommits(log);
    for (const path of uncommitted(status, prefix)) committed.delete(path);
    return committed;
  };
  return (path) => {
    const time = known().get(path);
    return time === undefined ? statSync(join(contentDir, path)).mtime : new Date(time);
  };
}
