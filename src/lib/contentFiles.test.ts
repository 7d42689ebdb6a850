import { describe, expect, it } from 'vitest';
import { keyLines } from './contentFiles.ts';

describe('keyLines', () => {
  it('finds the line of each top-level field, counting the opening --- as line 1', () => {
    const front = [
      'title: "Khon Kaen: every gender equal"',
      'description: >',
      '  folded: text',
      'related:',
      '  - a',
      '- b',
      '# note: a comment',
      'my field : x',
      'title: twice',
    ].join('\n');
    expect(keyLines(front)).toEqual(
      new Map([
        ['title', 2],
        ['description', 3],
        ['related', 5],
        ['my field', 9],
      ]),
    );
  });
});
