/**
 * `node src/tools/precompress.ts <dir> [all|pages|search]`: writes a brotli (`.br`) and a gzip
 * (`.gz`) copy beside every compressible file of a built site (or of one part of it), so a
 * server sends them as they are (nginx's `brotli_static` and `gzip_static`) instead of
 * compressing each response, and at the strongest levels, which no server affords per
 * request. Run by `npm run build`: the pages while Astro writes them (`--alongside`, see
 * `precompressAlongside`), then the search index's files.
 * Copies that would not be smaller are not written.
 *
 * `PRECOMPRESS=false` skips it, for hosts that compress at their edge and count files
 * (Cloudflare Pages' free plan takes 20,000 per site; the copies triple the text files).
 *
 * `--reuse=<dir>` names the last build's output: a file whose bytes are the same there takes
 * that build's copies instead of being compressed again. Most pages of a site are unchanged
 * from one build to the next (at 5,000 stories per language, compressing them all took
 * 11 processor-seconds a build); a page that changed in any byte is compressed anew, so no
 * copy ever holds an older page. `npm run build` passes it only while the code is what last
 * passed its type check (src/tools/build.ts), so a new compression level reaches every page.
 */
import { hash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { setPriority } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { precompressOn } from '../config/deploy.ts';
import { loadSettingsFile } from '../config/env.ts';
import { precompressed } from '../config/nginx.ts';

const compressible = new RegExp(`\\.(${precompressed.join('|')})$`);

/**
 * Brotli's strongest level for the few files every reader fetches (the stylesheet, scripts,
 * the search engine); a fast one for the files there is one of per page. On this site's
 * pages the strongest level saves about a tenth more but takes 15 times as long, which at
 * 5,000 stories per language would add over a minute to every build.
 */
export function brotliQuality(file: string): number {
  return /(^|[\\/])(_astro|pagefind)[\\/]/.test(file) ? constants.BROTLI_MAX_QUALITY : 5;
}

/** The compressed copies of one file's bytes: only those smaller than the file. */
export function compressedCopies(
  bytes: Buffer,
  quality: number = constants.BROTLI_MAX_QUALITY,
): { br?: Buffer; gz?: Buffer } {
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
  return { ...(br.length < bytes.length && { br }), ...(gz.length < bytes.length && { gz }) };
}

/**
 * Which files of a built site: the search index (`pagefind/`), everything else (`pages`), or
 * all. The build writes the pages' copies while Astro writes the pages, then the index's.
 */
const parts = ['all', 'pages', 'search'] as const;
export type Part = (typeof parts)[number];
const isPart = (value: string): value is Part => (parts as readonly string[]).includes(value);
/** Whether `file` (relative to the site) belongs to `part`. */
const inPart = (file: string, part: Part) =>
  part === 'all' || /^pagefind[\\/]/.test(file) === (part === 'search');

/**
 * Gives `path` the copies `before` (the same file in the last build) has, when its bytes are
 * the same and that build wrote its copies; says whether it did. One copy without the other
 * means the other was not smaller than the file (a short robots.txt has no gzip copy worth
 * keeping), so it is left out again; a file with neither is compressed again, in no time.
 */
function reuse(path: string, bytes: Buffer, before: string): boolean {
  const copies = ['br', 'gz'].filter((ext) => existsSync(`${before}.${ext}`));
  if (copies.length === 0 || !existsSync(before) || !readFileSync(before).equals(bytes)) return false;
  for (const ext of copies) linkOrCopy(`${before}.${ext}`, `${path}.${ext}`);
  return true;
}

/**
 * A hard link: the same bytes, written once (the build before keeps them: in `<out>/` now,
 * in `<out>.previous/` once this build is swapped in), for half the time of a copy; a copy
 * where the system allows no link.
 */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** The compressible files of `part` under `dir`, relative to it. */
function filesOf(dir: string, part: Part): string[] {
  // The index is one folder: walking the whole site for it (some 50,000 files at 5,000 stories
  // per language) took longer than compressing what it holds.
  const root = part === 'search' ? join(dir, 'pagefind') : dir;
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && compressible.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((file) => inPart(file, part));
}

/**
 * Writes the copies of `file` (under `dir`), or takes them from `previous` when its bytes are
 * the same there; says which. No copy is left from an earlier pass over the same file.
 */
function compressFile(dir: string, file: string, bytes: Buffer, previous?: string): 'made' | 'reused' {
  const path = join(dir, file);
  // Copies made before are removed, not written over: one taken from the last build is the
  // same file as that build's (a hard link), which must stay as it is.
  for (const ext of ['br', 'gz']) rmSync(`${path}.${ext}`, { force: true });
  if (previous && reuse(path, bytes, join(previous, file))) return 'reused';
  const copies = compressedCopies(bytes, brotliQuality(file));
  if (copies.br) writeFileSync(`${path}.br`, copies.br);
  if (copies.gz) writeFileSync(`${path}.gz`, copies.gz);
  return 'made';
}

/**
 * Precompresses every compressible file of `part` under `dir`, taking the copies of a file
 * unchanged since the build in `previous`, when given (see the top); returns how many files
 * it did and how many of them were taken.
 */
export function precompress(
  dir: string,
  part: Part = 'all',
  previous?: string,
): { files: number; reused: number } {
  const done = { files: 0, reused: 0 };
  for (const file of filesOf(dir, part)) {
    done.files++;
    if (compressFile(dir, file, readFileSync(join(dir, file)), previous) === 'reused') done.reused++;
  }
  return done;
}

const digest = (bytes: Buffer) => hash('sha1', bytes);

/**
 * A function that returns the pages (`.html`) under `dir` it has not returned before, for
 * following a build as it writes. Listing a whole built site each time would cost too much
 * (at 5,000 stories per language, 55,000 files in 600 ms); this reads a folder again only
 * when its modification time has changed, or was so close to the moment it was read that a
 * change in the same tick of the file system's clock could hide behind it. Even looking at
 * every folder's time takes 60 to 80 ms there, so a folder without subfolders that has given
 * a page (Astro writes one page per folder) is looked at again only every tenth call, in
 * case a subfolder appears in it later. Folders whose name starts with a dot are left out:
 * Astro keeps its server code in `<outDir>/.prerender/` and deletes it at the end, and a
 * copy written into it then would make that deletion fail.
 */
export function pageFollower(dir: string): () => string[] {
  const folders = new Map<string, { mtime: number; settled: boolean; subfolders: string[] }>();
  const given = new Set<string>();
  const done = new Set<string>();
  let calls = 0;
  const visit = (folder: string, found: string[], all: boolean): void => {
    const path = join(dir, folder);
    let mtime: number;
    try {
      mtime = statSync(path).mtimeMs;
    } catch {
      return; // Not there yet, or gone.
    }
    let known = folders.get(folder);
    if (known?.mtime !== mtime || !known.settled) {
      const readAt = Date.now();
      let entries: Dirent[];
      try {
        entries = readdirSync(path, { withFileTypes: true });
      } catch {
        return;
      }
      // FAT keeps a folder's time in steps of 2 s.
      known = { mtime, settled: mtime < readAt - 2000, subfolders: [] };
      for (const entry of entries) {
        const file = join(folder, entry.name);
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.')) known.subfolders.push(file);
        } else if (entry.name.endsWith('.html') && !given.has(file)) {
          given.add(file);
          found.push(file);
        }
      }
      folders.set(folder, known);
      if (folder && !known.subfolders.length && entries.some((e) => e.name.endsWith('.html')))
        done.add(folder);
      else done.delete(folder);
    }
    for (const sub of known.subfolders) if (all || !done.has(sub)) visit(sub, found, all);
  };
  return () => {
    const found: string[] = [];
    visit('', found, calls++ % 10 === 9);
    return found;
  };
}

/**
 * Precompresses the pages of `dir` while another process (Astro's build) is still writing
 * them, then the rest once it has finished. Astro writes pages on one core and leaves the
 * other idle (at 5,000 stories per language, for 15 to 25 s): compressed then rather than
 * beside the search index, the steps after Astro's took 8 s less (32.5 s against 40.3 s,
 * the means of 7 and 4 first builds), and Astro's own took no longer.
 *
 * Nothing is trusted from that early pass: once `written` resolves `true`, every file is
 * read again and compressed anew unless its bytes are exactly those its copies were made
 * from (a page read while half-written, or written again, is done again), and a page that
 * is gone loses its copies. Resolving `false` (the build failed) stops it within a few
 * pages, with no final pass. While Astro runs, only pages are taken (see `pageFollower`);
 * the few other files come in the final pass.
 */
export async function precompressAlongside(
  dir: string,
  part: Part,
  previous: string | undefined,
  written: Promise<boolean>,
  pause = 500,
): Promise<{ files: number; reused: number } | undefined> {
  let finished: boolean | undefined;
  void written.then((value) => (finished = value));
  // Read through a call: it changes while this function waits, which the type checker cannot see.
  const outcome = () => finished;
  /** The digest of the bytes each file's copies were made from, and the files whose copies were taken. */
  const madeFrom = new Map<string, string>();
  const taken = new Set<string>();
  // Every page the early pass has started on, so that one gone by the end loses its copies
  // even if writing them failed halfway.
  const touched = new Set<string>();
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const newPages = pageFollower(dir);
  while (outcome() === undefined) {
    const waiting = newPages().filter((file) => inPart(file, part));
    for (const [n, file] of waiting.entries()) {
      if (outcome() !== undefined) break;
      try {
        const bytes = readFileSync(join(dir, file));
        touched.add(file);
        if (compressFile(dir, file, bytes, previous) === 'reused') taken.add(file);
        madeFrom.set(file, digest(bytes));
      } catch {
        // Gone or not yet readable: the final pass decides.
      }
      // Now and then, let the news that Astro has finished arrive.
      if (n % 64 === 63) await settle();
    }
    if (outcome() === undefined) await Promise.race([sleep(pause, undefined, { ref: false }), written]);
  }
  if (!outcome()) return undefined;
  const files = filesOf(dir, part);
  const done = { files: files.length, reused: 0 };
  const present = new Set(files);
  for (const file of touched)
    if (!present.has(file))
      for (const ext of ['br', 'gz']) rmSync(join(dir, `${file}.${ext}`), { force: true });
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    if (madeFrom.get(file) === digest(bytes)) {
      if (taken.has(file)) done.reused++;
      continue;
    }
    if (compressFile(dir, file, bytes, previous) === 'reused') done.reused++;
  }
  return done;
}

/**
 * With `--alongside` (run so by `npm run build`), standard input says when Astro's build is
 * over: "written" once it succeeded; closed without that, it failed.
 */
function saysWritten(): Promise<boolean> {
  return new Promise((resolve) => {
    let said = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      said += chunk;
      if (said.includes('written')) resolve(true);
    });
    process.stdin.on('end', () => resolve(said.includes('written')));
    process.stdin.on('error', () => resolve(false));
  });
}

if (import.meta.main) {
  loadSettingsFile();
  const args = process.argv.slice(2);
  const previous = args.find((arg) => arg.startsWith('--reuse='))?.slice('--reuse='.length);
  const alongside = args.includes('--alongside');
  // Alongside Astro's build, on the core it leaves idle, and never on the one it needs: while
  // Astro makes the photos on both cores, a copy made at the same priority took time from them
  // (at 5,000 stories per language, the photo step took 10.6 to 11.3 s against 10.0 to 10.1 s
  // with this, in three cold builds each). Only the copies' own work is lowered: they are made
  // on this thread, the one Linux lowers. Where the system refuses, they run as they are.
  if (alongside)
    try {
      setPriority(10);
    } catch {
      // Not lowered: the copies are still made.
    }
  const [dir = 'dist', part = 'all'] = args.filter((arg) => !arg.startsWith('--'));
  if (!isPart(part)) {
    console.error(`precompress: the part is ${parts.join(', ')}, not "${part}"`);
    process.exit(1);
  }
  let on: boolean;
  try {
    on = precompressOn(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (!on) {
    if (part !== 'search') console.log('PRECOMPRESS=false: no .br or .gz copies written');
  } else {
    const what = { all: '', pages: ' (pages)', search: ' (search index)' }[part];
    const result = alongside
      ? await precompressAlongside(dir, part, previous, saysWritten())
      : precompress(dir, part, previous);
    // Told that Astro's build failed: npm run build says why.
    if (!result) process.exit(1);
    const { files, reused } = result;
    const taken = reused ? `, ${reused} unchanged since the last build taken from it` : '';
    console.log(`precompressed ${files} files in ${dir}/${what} (.br, .gz${taken})`);
  }
}
