import { site, type Settings } from '../config/site.ts';
import { changeDates } from './contentHistory.ts';
import { readContent, type Problem } from './contentFiles.ts';
import { checkRules } from './contentRules.ts';

/**
 * `npm run check`: every mistake an editor can make in `content/`, found in one run, each
 * reported on one line with the file, the line where known, the field, what is wrong and
 * how to fix it, in English and Thai. The build runs it first, so nothing wrong is published.
 * Reading single files is `contentFiles.ts`; rules across files are `contentRules.ts`.
 */

export { readContent, type Entry, type Problem, type Severity } from './contentFiles.ts';

/** Checks the content tree at `contentDir`; `root` is where paths are reported from. */
export function checkContent(
  contentDir: string,
  options: { root?: string; now?: Date; settings?: Settings } = {},
): Problem[] {
  const root = options.root ?? process.cwd();
  const { entries, problems, unreadable } = readContent(contentDir, root);
  const found = checkRules(entries, {
    unreadable,
    now: options.now ?? new Date(),
    contentDir,
    changedAt: changeDates(contentDir),
    settings: options.settings ?? site,
  });
  return [...problems, ...found].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
}

/** One line per problem: `file:line: severity: field: message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}
