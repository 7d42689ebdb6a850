/**
 * The benchmark's synthetic corpus: the real content (programme, related stories, launch
 * story) plus N generated news stories in every language of `src/i18n/locales.ts`, each
 * language's stories made of the words of its own real content and spaced as its writers
 * space them. It is committed to a git repository of its own, as an editor's content is, so
 * the build's checks see what they see on an editor's machine (commit dates, not file times).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLang, langs, locales, type Lang } from '../../i18n/locales.ts';
import { markdownBody } from '../../lib/markdown.ts';
import { photoLike } from '../photoLike.ts';

/**
 * One story in this many has a cover photo of its own (1600 × 1200, photo-like), as a news
 * site's share of stories with photos might be; the first story always has one, so the
 * benchmark has an article with a cover to measure. `npm run bench -- --photo-every=N`
 * changes it: cold, each photo takes 1.7 s of a 2-core machine (all its sizes and formats),
 * so 500 of them would take some 14 minutes and hide what the text costs at 5,000 stories
 * per language.
 */
export const photoEvery = 10;

/** Whether story `i` (from 1) of the corpus has a cover, with one story in `every` having one. */
export const hasPhoto = (i: number, every = photoEvery) => (i - 1) % every === 0;

/** A small deterministic random generator, so two runs make the same corpus. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * How many words run on between two spaces in `text`, as `Intl.Segmenter` splits it: 1 for
 * English; about 5 for Thai, whose writers put a space between phrases, not words; Infinity
 * for a language written with no spaces at all. Measured on real text rather than declared
 * per language, so a language added to the locale table is spaced as its own content is.
 *
 * @example wordsPerSpace('Khon Kaen City', 'en') // 1
 */
export function wordsPerSpace(text: string, locale: string): number {
  let gaps = 0;
  let spaced = 0;
  // What lies between the last word and the next one; undefined before the first word.
  let between: string | undefined;
  for (const s of new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)) {
    if (s.isWordLike) {
      if (between !== undefined) {
        gaps++;
        if (/\s/.test(between)) spaced++;
      }
      between = '';
    } else if (between !== undefined) {
      between += s.segment;
    }
  }
  if (gaps === 0) return 1;
  return spaced === 0 ? Infinity : Math.max(1, Math.round(gaps / spaced));
}

/**
 * `count` words picked from `words` by `next`, with a space before every `perSpace`-th word
 * (every word when `perSpace` is 1).
 *
 * @example sentence(['a', 'b'], 3, () => 0, 1) // "a a a"
 */
export function sentence(words: string[], count: number, next: () => number, perSpace: number): string {
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- next() is below 1: the index is in range.
  const picked = Array.from({ length: count }, () => words[Math.floor(next() * words.length)]!);
  return picked.map((w, i) => (i > 0 && i % perSpace === 0 ? ` ${w}` : w)).join('');
}

/** A language's words (repeats kept, so common words stay common) and how they are spaced. */
interface Vocabulary {
  words: string[];
  perSpace: number;
}

function vocabulary(source: string, lang: Lang): Vocabulary {
  const text = ['news', 'objectives']
    .flatMap((c) =>
      readdirSync(join(source, c, lang)).map((f) =>
        markdownBody(readFileSync(join(source, c, lang, f), 'utf8')),
      ),
    )
    .join('\n\n');
  const locale = locales[lang].lang;
  const words = [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment);
  if (words.length === 0) throw new Error(`${source}/news/${lang}/ holds no words to make stories from`);
  return { words, perSpace: wordsPerSpace(text, locale) };
}

/** The file name of story `i` (from 1): `bench-00001`. */
export const storySlug = (i: number) => `bench-${String(i).padStart(5, '0')}`;

/**
 * Writes the corpus into `dir` (a content folder): a copy of `source` and `perLang` stories
 * per language, `bench-00001.md` and up, twins across languages, dated a day apart going
 * back from the launch, each naming about a third of its language's related stories; one
 * in `photoEvery` has a cover photo, shared by its twins, with alt text in each language.
 * Returns how many photos it made.
 */
export async function writeCorpus(
  dir: string,
  perLang: number,
  source = 'content',
  every = photoEvery,
): Promise<number> {
  for (const collection of readdirSync(source)) {
    cpSync(join(source, collection), join(dir, collection), { recursive: true });
  }
  const media = join(dir, 'media', 'bench');
  mkdirSync(media, { recursive: true });
  let photos = 0;
  for (let i = 1; i <= perLang; i++) {
    if (!hasPhoto(i, every)) continue;
    writeFileSync(join(media, `${storySlug(i)}.jpg`), await photoLike(i));
    photos++;
  }
  for (const lang of langs) {
    const { words, perSpace } = vocabulary(source, lang);
    const relatedSlugs = readdirSync(join(source, 'related', lang)).map((f) => f.replace(/\.md$/, ''));
    const next = random(perLang);
    const say = (count: number) => sentence(words, count, next, perSpace);
    for (let i = 1; i <= perLang; i++) {
      const date = new Date(Date.UTC(2024, 1, 23, 2) - i * 86_400_000)
        .toISOString()
        .replace('.000Z', '+00:00');
      const title = say(6 + Math.floor(next() * 5)).slice(0, 110);
      const description = say(30).slice(0, 190).padEnd(25, '.');
      const paragraphs = Array.from({ length: 3 }, () => say(60 + Math.floor(next() * 60)));
      const related = relatedSlugs.filter(() => next() < 0.3);
      const cover = hasPhoto(i, every)
        ? [
            `cover:`,
            `  src: ../../media/bench/${storySlug(i)}.jpg`,
            `  alt: ${JSON.stringify(say(8).slice(0, 200))}`,
          ]
        : [];
      writeFileSync(
        join(dir, 'news', lang, `${storySlug(i)}.md`),
        [
          '---',
          `title: ${JSON.stringify(title)}`,
          `description: ${JSON.stringify(description)}`,
          `date: "${date}"`,
          `related: ${JSON.stringify(related)}`,
          ...cover,
          '---',
          '',
          paragraphs.join('\n\n'),
          '',
        ].join('\n'),
      );
    }
  }
  return photos;
}

/**
 * Makes `repo` a git repository holding `content/` in one commit, by a fixed author at a
 * fixed time, so two runs make the same repository whoever runs them (and whatever their
 * git configuration: no signing, no hooks).
 */
export function commitCorpus(repo: string, message: string): void {
  git(repo, 'init', '--quiet');
  git(repo, 'add', 'content');
  git(repo, 'commit', '--quiet', '--message', message);
}

/** Runs git in `repo` as the benchmark's fixed author, at a fixed time. */
function git(repo: string, ...args: string[]): void {
  const when = '2024-02-23T02:00:00+00:00';
  const env = { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  execFileSync(
    'git',
    [
      '-c',
      'user.name=Benchmark',
      '-c',
      'user.email=bench@example.invalid',
      '-c',
      'init.defaultBranch=main',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'core.hooksPath=/dev/null',
      ...args,
    ],
    { cwd: repo, env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/**
 * What an editor does between two builds: one story's text changed in the default language,
 * committed. Returns the file changed.
 */
export function editOneStory(repo: string): string {
  const file = join(repo, 'content', 'news', defaultLang, `${storySlug(2)}.md`);
  const text = readFileSync(file, 'utf8');
  // One paragraph more: the story's last one again.
  writeFileSync(file, `${text}\n${text.trimEnd().split('\n').at(-1) ?? ''}\n`);
  git(repo, 'commit', '--quiet', '--all', '--message', 'One story edited');
  return file;
}

/**
 * Makes the corpus for `perLang` stories per language in `<work>/repo/content`, committed;
 * returns that content folder (what `CONTENT_DIR` names for the build) and its photo count.
 */
export async function makeCorpus(
  work: string,
  perLang: number,
  every = photoEvery,
): Promise<{ content: string; photos: number }> {
  const repo = join(work, 'repo');
  const content = join(repo, 'content');
  mkdirSync(content, { recursive: true });
  const photos = await writeCorpus(content, perLang, 'content', every);
  commitCorpus(repo, `Synthetic corpus: ${perLang} stories per language`);
  return { content, photos };
}
