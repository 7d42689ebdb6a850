/**
 * `node src/tools/precompress.ts <dir>`: writes a brotli (`.br`) and a gzip (`.gz`) copy beside
 * every compressible file of a built site, so a server sends them as they are (nginx's
 * `brotli_static` and `gzip_static`) instead of compressing each response, and at the
 * strongest levels, which no server affords per request. Run by `npm run build` after the
 * search index. Copies that would not be smaller are not written.
 *
 * `PRECOMPRESS=false` skips it, for hosts that compress at their edge and count files
 * (Cloudflare Pages' free plan takes 20,000 per site; the copies triple the text files).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

/** Precompresses every compressible file under `dir`; returns how many files it did. */
export function precompress(dir: string): number {
  let count = 0;
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!compressible.test(file)) continue;
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
  const dir = process.argv[2] ?? 'dist';
  if (process.env.PRECOMPRESS?.trim().toLowerCase() === 'false') {
    console.log('PRECOMPRESS=false: no .br or .gz copies written');
  } else {
    console.log(`precompressed ${precompress(dir)} files in ${dir}/ (.br, .gz)`);
  }
}
