import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyCode } from '../../src/tools/projectCopy.ts';

/**
 * A third language by configuration alone: a copy of the project given exactly the README's
 * three steps for Lao ("lo"): a row in the locale table, a strings file (the English one,
 * copied) and the content (the English entries, copied), with its link-preview card. Nothing
 * else changes. `npm test` type-checks this copy, its one type check (the copy holds every
 * file of the project, so the project's own code is checked with it), and
 * e2e/third-language.spec.ts builds and serves it.
 */
export const lao = {
  label: 'ລາວ',
  /**
   * A sentence the translator has written in Lao, unspaced as Lao is, at the end of the launch
   * story ("Khon Kaen City Municipality opens a project promoting gender equality"), and a word
   * from inside it (ສະເໝີພາບ, "equality"): Pagefind does not split Lao into words itself, so
   * the index marks them for it (src/lib/wordBreaks.ts).
   */
  sentence: 'ເທດສະບານນະຄອນຂອນແກ່ນເປີດໂຄງການສົ່ງເສີມຄວາມສະເໝີພາບທາງເພດ',
  word: 'ສະເໝີພາບ',
  row: `  lo: {
    lang: 'lo',
    label: 'ລາວ',
    dir: 'ltr',
    intl: 'lo-LA',
    time: { hour: 'numeric', hourCycle: 'h23', pattern: '{hour}:{minute}', periods: ['', ''] },
    dateTime: '{date} {time}',
    font: undefined,
    og: 'lo_LA',
    fullStop: false,
  },
`,
};

/** Where the locale table ends, as the README's first step says. */
const tableEnd = '} as const satisfies Record<string, Locale>;';

/** Copies the project into a new temporary folder, adds Lao to it and returns the folder. */
export function copyWithLao(project = process.cwd()): string {
  const copy = mkdtempSync(join(tmpdir(), 'smart-gender-lo-'));
  copyCode(project, copy);
  cpSync(join(project, 'content'), join(copy, 'content'), { recursive: true });

  // 1. A row in the locale table.
  const table = join(copy, 'src/i18n/locales.ts');
  const source = readFileSync(table, 'utf8');
  if (!source.includes(tableEnd))
    throw new Error(`${table} no longer ends with "${tableEnd}", as the README says`);
  writeFileSync(table, source.replace(tableEnd, `${lao.row}${tableEnd}`));
  // 2. Its interface strings.
  cpSync(join(copy, 'src/i18n/strings/en.ts'), join(copy, 'src/i18n/strings/lo.ts'));
  // 3. Its content, and its link-preview card.
  for (const collection of readdirSync(join(copy, 'content'))) {
    cpSync(join(copy, 'content', collection, 'en'), join(copy, 'content', collection, 'lo'), {
      recursive: true,
    });
  }
  const story = join(copy, 'content/news/lo/smart-gender-launch.md');
  writeFileSync(story, `${readFileSync(story, 'utf8').trimEnd()}\n\n${lao.sentence}\n`);
  cpSync(join(copy, 'public/og/en.png'), join(copy, 'public/og/lo.png'));
  return copy;
}

/**
 * The environment a command in the copy runs with: no setting of the project's own runs
 * (content, output, base path, address: a first build as a newcomer runs it), and Astro's and
 * Vite's caches of their own, as the default ones are inside node_modules, which the copy
 * shares with the project's own builds running beside it.
 */
export function copyEnv(copy: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const {
    CONTENT_DIR: _content,
    OUT_DIR: _out,
    BASE_PATH: _base,
    SITE_DIR: _site,
    SITE_URL: _url,
    ...rest
  } = env;
  return { ...rest, ASTRO_CACHE_DIR: join(copy, '.cache'), VITE_CACHE_DIR: join(copy, '.vite') };
}
