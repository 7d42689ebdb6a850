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
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

/** Precompresses every compressible file of `part` under `dir`; returns how many files it did. */
export function precompress(dir: string, part: Part = 'all'): number {
  let count = 0;
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!compressible.test(file)) continue;
    if (part !== 'all' && inSearchIndex(file) !== (part === 'search')) continue;
    const path = join(dir, file);
    const copies = compressedCopies(readFileSync(path), brotliQuality(file));
    if (copies.br) writeFileSync(`${path}.br`, copies.br);
    if (copies.gz) writeFileSync(`${path}.gz`, copies.gz);
    count++;
  }
  return count;
}

if (import.meta.main) {
  loadSettingsFile();
  const [dir = 'dist', part = 'all'] = process.argv.slice(2);
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
    console.log(`precompressed ${precompress(dir, part)} files in ${dir}/${what} (.br, .gz)`);
  }
}
