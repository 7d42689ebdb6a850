import { describe, expect, it } from 'vitest';
import { missingNames, resolveNames } from './references.ts';

const stories = [{ slug: 'chiang-mai-ev-street-cleaner' }, { slug: 'old-city-mayor-ramadan-dates' }];
const where = {
  file: 'content/news/th/smart-gender-launch.md',
  field: 'related',
  folder: 'content/related/th',
};

describe('resolveNames', () => {
  it('gives the entries named, in the order named', () => {
    expect(
      resolveNames(['old-city-mayor-ramadan-dates', 'chiang-mai-ev-street-cleaner'], stories, where),
    ).toEqual([stories[1], stories[0]]);
  });

  it('fails on a name with no entry, naming the file, the field and the missing file', () => {
    expect(() => resolveNames(['chiang-mai-ev'], stories, where)).toThrow(
      'content/news/th/smart-gender-launch.md: field "related" names "chiang-mai-ev", but there is no content/related/th/chiang-mai-ev.md',
    );
  });
});

describe('missingNames', () => {
  it('gives every name with no page, in the order named', () => {
    const slugs = new Set(stories.map((s) => s.slug));
    expect(missingNames(['b', 'chiang-mai-ev-street-cleaner', 'a'], slugs)).toEqual(['b', 'a']);
    expect(missingNames([], slugs)).toEqual([]);
  });
});
