import { stripVTControlCharacters } from 'node:util';

/** A command and its arguments. */
type Step = [command: string, args: string[]];

/**
 * The commands that build the site into `outDir`: Astro's build, then the search index of
 * what it built (src/tools/index-search.ts), run once Astro has exited so the two never hold
 * memory at once, then the compressed copies of every text file (src/tools/precompress.ts):
 * the pages' (which `npm run build` writes while Astro writes the pages) and the index's.
 * `npm run build` runs them between its checks and its folder swap; the tests' fixture
 * builds and the benchmark run them alone. Extra arguments go to `astro build`; `previous`
 * names the last build's output, whose compressed copies of unchanged pages are taken.
 */
export function buildSteps(
  outDir: string,
  astroArgs: string[] = [],
  previous?: string,
): [astro: Step, index: Step, precompressPages: Step, precompressIndex: Step] {
  return [
    ['astro', ['build', '--outDir', outDir, ...astroArgs]],
    // A small young generation: the indexer reads every page once, and what it read is
    // garbage it would otherwise hold (0.015 GiB) while Pagefind writes, the build's peak.
    ['node', ['--max-semi-space-size=2', 'src/tools/index-search.ts', outDir]],
    ['node', ['src/tools/precompress.ts', outDir, 'pages', ...(previous ? [`--reuse=${previous}`] : [])]],
    ['node', ['src/tools/precompress.ts', outDir, 'search']],
  ];
}

/**
 * The type check's output without the content loader's "No files found" warnings: it runs
 * on empty collections on purpose (src/tools/build.ts), so they would only mislead. Whatever
 * the loader is called: ours wraps Astro's glob loader under a name of its own.
 */
export function withoutEmptyCollectionWarnings(output: string): string {
  // Matched without colour codes: Astro colours the loader's name when colour is forced.
  return output
    .split(/(?<=\n)/)
    .filter((line) => !stripVTControlCharacters(line).includes('] No files found matching '))
    .join('');
}

/**
 * What a failed build says, a line for each way it failed: the checks run side by side
 * (src/tools/build.ts), so one that fails the content check and the type check says both.
 * Undefined for a step that did not run; nothing when none failed.
 */
export function failures(ok: {
  content: boolean;
  types?: boolean | undefined;
  build?: boolean | undefined;
}): string[] {
  return [
    ...(ok.content ? [] : ['Content has errors (npm run check). / เนื้อหามีข้อผิดพลาด']),
    ...(ok.types === false ? ['Type check failed (astro check). / ตรวจชนิดข้อมูลไม่ผ่าน'] : []),
    ...(ok.build === false ? ['Build failed (astro build). / สร้างเว็บไซต์ไม่สำเร็จ'] : []),
  ];
}
