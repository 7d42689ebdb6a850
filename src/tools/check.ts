/**
 * `npm run check`: checks everything in content/ and reports every problem at once.
 * Exits non-zero when there is an error; warnings and scheduled entries are reported only.
 */
import { checkContent, formatProblem } from '../lib/contentCheck.ts';

const dir = process.env.CONTENT_DIR ?? 'content';
const problems = checkContent(dir);
for (const p of problems) console[p.severity === 'error' ? 'error' : 'log'](formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
if (errors) {
  console.error(
    `\n${errors} problem(s) in ${dir}/ must be fixed before publishing / ต้องแก้ ${errors} จุดก่อนเผยแพร่`,
  );
  process.exit(1);
}
// Inside `npm run build` the build says when it is done; "ready" here would come too soon.
if (!process.argv.includes('--in-build')) console.log(`${dir}/ is ready to publish / เนื้อหาพร้อมเผยแพร่`);
