import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { expect, test } from '@playwright/test';
import { copyCode } from '../src/tools/projectCopy.ts';
import { fileDigests } from './support/fileDigests.ts';
import { copyEnv } from './support/thirdLanguage.ts';

/*
 * `npm run build` as an editor runs it day after day, in a copy of the project that is a git
 * repository, as an editor's is (the build tells unchanged code by git's list of files): run
 * again with nothing changed, it does not type-check the code again and takes the pages'
 * compressed copies from the last build; with a type error in the code, it fails naming the
 * file and leaves dist/ as it was.
 */

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let work = '';
let project = '';

test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'smart-gender-again-'));
  project = join(work, 'project');
  mkdirSync(project);
  copyCode(process.cwd(), project);
  cpSync('content', join(project, 'content'), { recursive: true });
  spawnSync('git', ['init', '-q'], { cwd: project });
  // The dependencies are a link to the project's, which git would list as a file.
  writeFileSync(join(project, '.git', 'info', 'exclude'), 'node_modules\n');
});

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** `npm run build` in the copy, with caches outside it; its exit code and all it printed. */
function build(): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: project,
    env: { ...copyEnv(project), ASTRO_CACHE_DIR: join(work, 'cache') },
    encoding: 'utf8',
  });
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

const dist = () => join(project, 'dist');
const notAgain = 'Type check: the code is as it was when it last passed; not run again.';

test('a build run again type-checks nothing unchanged, takes the unchanged pages’ copies and builds the same site', () => {
  const first = build();
  expect(first.status, first.output).toBe(0);
  expect(first.output).toContain('0 errors');
  expect(first.output).not.toContain(notAgain);
  const built = fileDigests(dist());

  const again = build();
  expect(again.status, again.output).toBe(0);
  expect(again.output).toContain(notAgain);
  const pages =
    /precompressed (\d+) files in \S+ \(pages\) \(\.br, \.gz, (\d+) unchanged since the last build taken from it\)/.exec(
      again.output,
    );
  expect(pages, again.output).not.toBeNull();
  // Every page is unchanged: its copies are all taken.
  expect(Number(pages?.[2])).toBe(Number(pages?.[1]));
  expect(fileDigests(dist())).toEqual(built);
  expect(fileDigests(`${dist()}.previous`)).toEqual(built);
});

test('a type error in the code fails the build, naming the file, and leaves dist/ as it was', () => {
  const before = fileDigests(dist());
  const dates = join(project, 'src', 'lib', 'dates.ts');
  writeFileSync(dates, `${readFileSync(dates, 'utf8')}\nexport const notANumber: number = 'twenty';\n`);
  const failed = build();
  expect(failed.status, failed.output).toBe(1);
  expect(failed.output).toContain('Type check failed (astro check).');
  expect(failed.output).toMatch(/src\/lib\/dates\.ts:\d+:\d+ - error/);
  expect(failed.output).toContain(`The previous dist/ is unchanged.`);
  expect(fileDigests(dist())).toEqual(before);
  expect(existsSync(`${dist()}.building`)).toBe(false);
});
