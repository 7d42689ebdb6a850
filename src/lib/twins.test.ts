import { describe, expect, it } from 'vitest';
import { pairEntries, pairTwins, parseEntryId, type PairableEntry } from './twins.ts';

const entry = (id: string, awaitingTranslation = false): PairableEntry => ({
  id,
  filePath: `content/news/${id}.md`,
  data: { awaitingTranslation, draft: false },
});

describe('pairTwins', () => {
  it('pairs a Thai entry with its English twin by file name', () => {
    const pages = pairTwins([entry('th/launch'), entry('en/launch')]);
    expect(pages.map((p) => [p.lang, p.slug, p.contentLang, p.translations])).toEqual([
      ['th', 'launch', 'th', ['th', 'en']],
      ['en', 'launch', 'en', ['th', 'en']],
    ]);
    expect(pages[1]!.entry.id).toBe('en/launch');
  });

  it('fails for an entry without a twin, naming the file and the fix', () => {
    expect(() => pairTwins([entry('th/launch'), entry('th/other'), entry('en/other')])).toThrow(
      'content/news/th/launch.md: has no en twin. Add content/news/en/launch.md with the same file name, or set "awaitingTranslation: true" in content/news/th/launch.md.',
    );
  });

  it('reports every missing twin at once', () => {
    expect(() => pairTwins([entry('th/a'), entry('en/b')])).toThrow(
      /th\/a\.md: has no en twin[\s\S]*en\/b\.md: has no th twin/,
    );
  });

  it('gives the other language a fallback page for an entry awaiting translation', () => {
    const pages = pairTwins([entry('th/launch', true)]);
    const english = pages.find((p) => p.lang === 'en')!;
    expect(english.entry.id).toBe('th/launch');
    expect(english.contentLang).toBe('th');
    // A fallback is not a translation: no hreflang pair is claimed.
    expect(english.translations).toEqual(['th']);
  });
});

describe('pairEntries', () => {
  it('returns the missing twins instead of failing, each reported on the first language that has the entry', () => {
    const { pages, missing } = pairEntries([entry('th/launch'), entry('en/other'), entry('th/other')]);
    expect(missing).toEqual([
      {
        entry: entry('th/launch'),
        file: 'content/news/th/launch.md',
        lang: 'en',
        missingFile: 'content/news/en/launch.md',
      },
    ]);
    // The pages that do exist are still made, so a check can go on to the next rule.
    expect(pages.map((p) => `${p.lang}/${p.slug}`)).toEqual(['th/launch', 'th/other', 'en/other']);
  });

  it('misses nothing when the original awaits translation', () => {
    expect(pairEntries([entry('en/launch', true)]).missing).toEqual([]);
  });
});

describe('parseEntryId', () => {
  it('reads the language folder and the slug', () => {
    expect(parseEntryId('en/smart-gender-launch')).toEqual({ lang: 'en', slug: 'smart-gender-launch' });
  });

  it('refuses a file outside a language folder', () => {
    expect(() => parseEntryId('launch', 'content/news/launch.md')).toThrow(
      /content\/news\/launch\.md: content files belong in a language folder \(th or en\)/,
    );
    expect(() => parseEntryId('fr/launch')).toThrow(/language folder/);
  });
});
