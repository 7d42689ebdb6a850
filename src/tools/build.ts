/**
 * `npm run build`: checks the content and the code, builds into a fresh folder, indexes it
 * for search (after Astro has exited, so the two never hold memory at once), and only then
 * swaps it in as `dist/`. A failed build leaves the previous `dist/` exactly as it was,
 * so nothing half-built is ever served. Extra arguments go to `astro build`; `OUT_DIR`
 * names another output folder (the tests use it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { checkContent, formatProblem } from '../lib/contentCheck.ts';
import { buildSteps } from './buildSteps.ts';

const outDir = process.env.OUT_DIR ?? 'dist';
const fresh = `${outDir}.building`;
const old = `${outDir}.previous`;

function fail(message: string): never {
  rmSync(fresh, { recursive: true, force: true });
  console.error(
    `\n${message}\nThe previous ${outDir}/ is unchanged. / ${outDir}/ เดิมยังอยู่ครบ ไม่มีการเปลี่ยนแปลง`,
  );
  process.exit(1);
}

const problems = checkContent(process.env.CONTENT_DIR ?? 'content');
for (const p of problems) console[p.severity === 'error' ? 'error' : 'log'](formatProblem(p));
if (problems.some((p) => p.severity === 'error'))
  fail('Content has errors (npm run check). / เนื้อหามีข้อผิดพลาด');

const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;
if (!run('astro', ['check'])) fail('Type check failed (astro check).');
rmSync(fresh, { recursive: true, force: true });
const [build, index] = buildSteps(fresh, process.argv.slice(2));
if (!run(...build)) fail('Build failed (astro build).');
if (!run(...index)) fail('Search indexing failed.');

rmSync(old, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, old);
renameSync(fresh, outDir);
rmSync(old, { recursive: true, force: true });
console.log(`Built into ${outDir}/`);
