/**
 * `node src/tools/precompress.ts <dir> [all|pages|search]`: writes a brotli (`.br`) and a gzip
 * (`.gz`) copy beside every compressible file of a built site (or of one part of it), so a
 * server sends them as they are (nginx's `brotli_static` and `gzip_static`) instead of
 * compressing each response, and at the strongest levels, which no server affords per
 * request. Run by `npm run build`: the pages while the search index is made, then the index.
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
import { copyFileSync, existsSync, linkSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  return /(^|\/)(_astro|pagefind)\//.test(file) ? constants.BROTLI_MAX_QUALITY : 5;
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
 * all. The build writes the pages' copies while Pagefind is still indexing, then the index's.
 */
const parts = ['all', 'pages', 'search'] as const;
export type Part = (typeof parts)[number];
const isPart = (value: string): value is Part => (parts as readonly string[]).includes(value);
const inSearchIndex = (file: string) => /^pagefind[\\/]/.test(file);

/**
 * Gives `path` the copies `before` (the same file in the last build) has, when its bytes are
 * the same and that build wrote its copies; says whether it did. A copy missing beside a
 * `.gz` is one that was not smaller than the file, so it is left out again.
 */
function reuse(path: string, bytes: Buffer, before: string): boolean {
  if (!existsSync(`${before}.gz`) || !existsSync(before) || !readFileSync(before).equals(bytes)) return false;
  linkOrCopy(`${before}.gz`, `${path}.gz`);
  if (existsSync(`${before}.br`)) linkOrCopy(`${before}.br`, `${path}.br`);
  return true;
}

/**
 * A hard link: the same bytes, written once (the build before keeps them, in
 * `<out>.previous/`), for half the time of a copy; a copy where the system allows no link.
 */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
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
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!compressible.test(file)) continue;
    if (part !== 'all' && inSearchIndex(file) !== (part === 'search')) continue;
    const path = join(dir, file);
    const bytes = readFileSync(path);
    done.files++;
    if (previous && reuse(path, bytes, join(previous, file))) {
      done.reused++;
      continue;
    }
    const copies = compressedCopies(bytes, brotliQuality(file));
    if (copies.br) writeFileSync(`${path}.br`, copies.br);
    if (copies.gz) writeFileSync(`${path}.gz`, copies.gz);
  }
  return done;
}

if (import.meta.main) {
  loadSettingsFile();
  const args = process.argv.slice(2);
  const previous = args.find((arg) => arg.startsWith('--reuse='))?.slice('--reuse='.length);
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
    const { files, reused } = precompress(dir, part, previous);
    const taken = reused ? `, ${reused} unchanged since the last build taken from it` : '';
    console.log(`precompressed ${files} files in ${dir}/${what} (.br, .gz${taken})`);
  }
}
