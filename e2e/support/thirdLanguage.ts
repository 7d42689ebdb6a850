import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyCode } from '../../src/tools/projectCopy.ts';

/**
 * A third language by configuration alone: a copy of the project given exactly the README's
 * three steps for Lao ("lo"): a row in the locale table, a strings file (the English one,
 * copied) and the content (the English entries, copied), with its link-preview card. The
 * copy is also given a page by the README's three steps for one (`aboutPage`). Nothing else
 * changes. `npm test` type-checks this copy, its one type check (the copy holds every file
 * of the project, so the project's own code is checked with it), and
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

/**
 * A page added by the README's three steps ("Adding a page"): its file, its row in the route
 * table and its words in every language's strings file. The Lao story links to it, which the
 * build's content check passes only if the route table has it.
 */
export const aboutPage = {
  path: 'about/',
  title: { th: 'เกี่ยวกับเว็บไซต์', en: 'About this site' },
  description: { th: 'เกี่ยวกับเว็บไซต์นี้', en: 'About this site.' },
  file: `---
import BaseLayout from '../../layouts/BaseLayout.astro';
import { t } from '../../i18n/dictionaries.ts';
import type { Lang } from '../../i18n/locales.ts';
import { everyLangPaths, localePath, pathsFor } from '../../lib/urls.ts';

export const getStaticPaths = everyLangPaths;
const { lang } = Astro.props as { lang: Lang };
---

<BaseLayout
  lang={lang}
  title={t(lang, 'nav.about')}
  description={t(lang, 'about.description')}
  paths={pathsFor('about/')}
  breadcrumbs={[{ name: t(lang, 'nav.about'), path: localePath(lang, 'about/') }]}
>
  <h1>{t(lang, 'nav.about')}</h1>
  <p>{t(lang, 'about.description')}</p>
</BaseLayout>
`,
};

/** Adds `aboutPage` to the copy at `copy`, by the README's steps. */
function addAboutPage(copy: string): void {
  // 1. The page.
  writeFileSync(join(copy, 'src/pages/[...lang]/about.astro'), aboutPage.file);
  // 2. Its row in the route table.
  const routes = join(copy, 'src/lib/routes.ts');
  const table = readFileSync(routes, 'utf8');
  const sections = /export const sections[^=]*= \[[\s\S]*?\n(?=\];)/;
  if (!sections.test(table))
    throw new Error(`${routes} no longer has the \`sections\` table the README names`);
  writeFileSync(
    routes,
    table.replace(sections, (rows) => `${rows}  { path: '${aboutPage.path}', label: 'nav.about' },\n`),
  );
  // 3. Its words, in every language's strings file (Lao's is a copy of the English one).
  for (const name of readdirSync(join(copy, 'src/i18n/strings'))) {
    const file = join(copy, 'src/i18n/strings', name);
    const [title, description] =
      name === 'th.ts'
        ? [aboutPage.title.th, aboutPage.description.th]
        : [aboutPage.title.en, aboutPage.description.en];
    const strings = readFileSync(file, 'utf8');
    if (!/^ {2}'nav\.search': .*,$/m.test(strings)) throw new Error(`${file} has no 'nav.search' line`);
    writeFileSync(
      file,
      strings.replace(
        /^ {2}'nav\.search': .*,$/m,
        (line) => `${line}\n  'nav.about': '${title}',\n  'about.description': '${description}',`,
      ),
    );
  }
}

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
  writeFileSync(
    story,
    `${readFileSync(story, 'utf8').trimEnd()}\n\n${lao.sentence}\n\n[${aboutPage.title.en}](/lo/${aboutPage.path})\n`,
  );
  cpSync(join(copy, 'public/og/en.png'), join(copy, 'public/og/lo.png'));
  addAboutPage(copy);
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
