import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { expect, test } from '@playwright/test';
import { photoLike } from '../src/tools/photoLike.ts';
import { copyCode } from '../src/tools/projectCopy.ts';
import { fileDigests } from './support/fileDigests.ts';
import { edit } from './support/fixtureBuild.ts';
import { copyEnv } from './support/thirdLanguage.ts';

/*
 * `npm run build` as an editor runs it day after day, in a copy of the project that is a git
 * repository, as an editor's is (the build tells unchanged code by git's list of files), with
 * a story given a cover photo (the real content has none): run again with nothing changed, it
 * does not type-check the code again and takes the pages' compressed copies from the last
 * build; after a change to the photo settings it makes the photos anew, not served from
 * Astro's cache as they were; with a type error in the code, it fails naming the file and
 * leaves dist/ as it was.
 */

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let work = '';
let project = '';

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'smart-gender-again-'));
  project = join(work, 'project');
  mkdirSync(project);
  copyCode(process.cwd(), project);
  const content = join(project, 'content');
  cpSync('content', content, { recursive: true });
  mkdirSync(join(content, 'media', 'launch'), { recursive: true });
  writeFileSync(join(content, 'media', 'launch', 'cover.jpg'), await photoLike(3, 800, 600));
  edit(
    join(content, 'news', 'th', 'smart-gender-launch.md'),
    /^venue:/m,
    'cover:\n  src: ../../media/launch/cover.jpg\n  alt: เยาวชนร่วมกิจกรรมเปิดโครงการ\nvenue:',
  );
  expect(spawnSync('git', ['init', '-q'], { cwd: project }).status, 'git init').toBe(0);
  // The dependencies are a link to the project's, which git would list as a file.
  writeFileSync(join(project, '.git', 'info', 'exclude'), 'node_modules\n');
});

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * `npm run build` in the copy as it runs by default (no setting of the shell's that changes
 * its steps), with its caches outside it, where git does not list them as code; its exit
 * code and all it printed.
 */
function build(extra: Record<string, string> = {}): { status: number | null; output: string } {
  const {
    SKIP_TYPE_CHECK: _types,
    PRECOMPRESS: _precompress,
    BUILD_TIMINGS: _timings,
    ...env
  } = copyEnv(project);
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: project,
    env: { ...env, ASTRO_CACHE_DIR: join(work, 'cache'), VITE_CACHE_DIR: join(work, 'vite'), ...extra },
    encoding: 'utf8',
    timeout: 240_000,
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

test('a change to the photo settings makes the photos anew', () => {
  const avif = (digests: Map<string, string>) => [...digests].filter(([file]) => file.endsWith('.avif'));
  const before = avif(fileDigests(dist()));
  expect(before.length, 'AVIF copies of the cover').toBeGreaterThan(0);
  // Colour at full resolution, where the project keeps it at half.
  edit(join(project, 'astro.config.mjs'), /chromaSubsampling: '4:2:0'/, "chromaSubsampling: '4:4:4'");
  const rebuilt = build();
  expect(rebuilt.status, rebuilt.output).toBe(0);
  const after = new Map(avif(fileDigests(dist())));
  // The same files (named by size and format, not by the settings), with new bytes.
  expect([...after.keys()].sort()).toEqual(before.map(([file]) => file).sort());
  for (const [file, digest] of before) expect(after.get(file), file).not.toBe(digest);
});

test('a first build that fails says it wrote nothing, not that a previous one is unchanged', () => {
  const story = join(project, 'content', 'news', 'en', 'smart-gender-launch.md');
  const text = readFileSync(story, 'utf8');
  writeFileSync(story, text.replace(/^date: .*$/m, 'date: "23/02/2024"'));
  try {
    const failed = build({ OUT_DIR: 'dist-first' });
    expect(failed.status, failed.output).toBe(1);
    expect(failed.output).toContain('No dist-first/ was written. / ไม่ได้สร้าง dist-first/');
    expect(failed.output).not.toContain('is unchanged');
    expect(existsSync(join(project, 'dist-first'))).toBe(false);
  } finally {
    writeFileSync(story, text);
  }
});

test('a type error in the code fails the build, naming the file, and leaves dist/ as it was', () => {
  const before = fileDigests(dist());
  const dates = join(project, 'src', 'lib', 'dates.ts');
  writeFileSync(dates, `${readFileSync(dates, 'utf8')}\nexport const notANumber: number = 'twenty';\n`);
  const failed = build();
  expect(failed.status, failed.output).toBe(1);
  expect(failed.output).toContain('Type check failed (astro check).');
  expect(failed.output).toMatch(/src[\\/]lib[\\/]dates\.ts:\d+:\d+ - error/);
  expect(failed.output).toContain(`The previous dist/ is unchanged.`);
  expect(fileDigests(dist())).toEqual(before);
  expect(existsSync(`${dist()}.building`)).toBe(false);
});
