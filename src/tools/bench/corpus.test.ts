import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editOneStory, hasPhoto, makeCorpus, random, sentence, wordsPerSpace } from './corpus.ts';

describe('wordsPerSpace', () => {
  it('finds a space between every two words of English', () => {
    expect(wordsPerSpace('Khon Kaen City opens a centre for young people.', 'en')).toBe(1);
  });

  it('finds Thai words running on between the spaces that part its phrases', () => {
    const thai = 'เทศบาลนครขอนแก่นเปิดโครงการส่งเสริมความเท่าเทียม เยาวชนทุกคนมีส่วนร่วมในการพัฒนาเมือง';
    expect(wordsPerSpace(thai, 'th')).toBeGreaterThan(3);
  });

  it('counts punctuation between words as no space, and gives Infinity for text without spaces', () => {
    expect(wordsPerSpace('well-known,long-lived', 'en')).toBe(Infinity);
  });

  it('gives 1 for text of one word or none', () => {
    expect(wordsPerSpace('Hello.', 'en')).toBe(1);
    expect(wordsPerSpace('', 'en')).toBe(1);
  });
});

describe('sentence', () => {
  const counter = () => {
    let i = 0;
    return () => (i++ % 3) / 3;
  };

  it('puts a space before every word when words are spaced one by one', () => {
    expect(sentence(['a', 'b', 'c'], 4, counter(), 1)).toBe('a b c a');
  });

  it('runs words together between spaces', () => {
    expect(sentence(['a', 'b', 'c'], 7, counter(), 3)).toBe('abc abc a');
  });

  it('never spaces words when the language does not', () => {
    expect(sentence(['a', 'b', 'c'], 4, counter(), Infinity)).toBe('abca');
  });
});

describe('random', () => {
  it('gives the same numbers for the same seed, each in [0, 1)', () => {
    const a = Array.from({ length: 5 }, random(42));
    expect(Array.from({ length: 5 }, random(42))).toEqual(a);
    expect(Array.from({ length: 5 }, random(43))).not.toEqual(a);
    expect(a.every((n) => n >= 0 && n < 1)).toBe(true);
  });
});

describe('the corpus in git', () => {
  it('commits the corpus, then one edited story as a second commit', async () => {
    const work = mkdtempSync(join(tmpdir(), 'smart-gender-corpus-'));
    try {
      const { content } = await makeCorpus(work, 2);
      const repo = dirname(content);
      const file = editOneStory(repo);
      const log = execFileSync('git', ['log', '--format=%s'], { cwd: repo, encoding: 'utf8' });
      expect(log.trim().split('\n')).toEqual([
        'One story edited',
        'Synthetic corpus: 2 stories per language',
      ]);
      const diff = execFileSync('git', ['show', '--numstat', '--format=', 'HEAD'], {
        cwd: repo,
        encoding: 'utf8',
      });
      expect(diff.trim()).toBe(`2\t0\t${relative(repo, file)}`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('hasPhoto', () => {
  it('gives one story in ten a cover, and always the first', () => {
    expect([1, 2, 10, 11, 21].map((i) => hasPhoto(i))).toEqual([true, false, false, true, true]);
  });

  it('gives one story in N a cover when asked, still the first', () => {
    expect([1, 11, 1000, 1001].map((i) => hasPhoto(i, 1000))).toEqual([true, false, false, true]);
    expect([1, 2, 3].map((i) => hasPhoto(i, 1))).toEqual([true, true, true]);
  });
});
