import { relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The files a tsconfig gives the type check, from the project's folder, `.astro` included. */
function filesOf(tsconfig: string): string[] {
  const { config } = ts.readConfigFile(tsconfig, (path) => ts.sys.readFile(path)) as { config: unknown };
  const astro = { extension: '.astro', isMixedContent: true, scriptKind: ts.ScriptKind.Deferred };
  return ts
    .parseJsonConfigFileContent(config, ts.sys, process.cwd(), undefined, tsconfig, undefined, [astro])
    .fileNames.map((file) => relative(process.cwd(), file));
}

/** What the build's type check leaves to `npm test`'s: the tests, their tools, the benchmark. */
const testsAndBenchmark =
  /^e2e\/|\.test\.ts$|^src\/tools\/(test|testCounts|scratchFolders|bench)(\.ts$|\/)|^(playwright|vitest)\.config\.ts$|^eslint\.config\.js$/;

describe("npm run build's type check (tsconfig.build.json)", () => {
  const build = filesOf('tsconfig.build.json');
  const whole = filesOf('tsconfig.json');

  it('checks the pages, the content schemas and the build tools', () => {
    expect(build).toEqual(
      expect.arrayContaining([
        'src/pages/[...lang]/index.astro',
        'src/components/Footer.astro',
        'src/content.config.ts',
        'src/lib/schemas.ts',
        'src/tools/build.ts',
        'src/tools/index-search.ts',
        'astro.config.mjs',
      ]),
    );
  });

  it('leaves out only the tests and the benchmark, which npm test checks', () => {
    expect(build.filter((file) => testsAndBenchmark.test(file))).toEqual([]);
    // A new file of the site is checked by every build without a change here.
    expect(whole.filter((file) => !build.includes(file) && !testsAndBenchmark.test(file))).toEqual([]);
  });
});
