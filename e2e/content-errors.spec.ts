import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildWith, edit, removeFixtureBuilds } from './support/fixtureBuild.ts';

/*
 * An editor's front-matter mistake stops the build with a message naming the file and the
 * field. This builds one such mistake from a copy of the real content; each rule's own
 * message is a unit test of its schema or function (src/lib/schemas.test.ts,
 * references.test.ts, twins.test.ts, contentCheck.test.ts).
 */

test.describe.configure({ timeout: 120_000 });
test.afterAll(removeFixtureBuilds);

test('a date without its offset fails the build naming the file and the field, in both languages', () => {
  const build = buildWith((dir) =>
    edit(join(dir, 'news', 'th', 'smart-gender-launch.md'), /^date: .*$/m, 'date: "23 กุมภาพันธ์ 2567"'),
  );
  expect(build.ok).toBe(false);
  expect(build.output).toContain('news/th/smart-gender-launch.md');
  expect(build.output).toMatch(/date: must be a date-time with its offset/);
  expect(build.output).toContain('ต้องเป็นวันเวลาพร้อมเขตเวลา');
});
