import { describe, expect, it } from 'vitest';
import { keyLines, unclosedQuoteLine } from './contentFiles.ts';

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

describe('unclosedQuoteLine', () => {
  it('finds the line that opens a quote never closed, counting the opening --- as line 1', () => {
    expect(unclosedQuoteLine('title: "SMART GENDER"\nvenue: "พิพิธภัณฑ์ธนารักษ์\ndate: 2024-02-23', '"')).toBe(3);
    expect(unclosedQuoteLine("title: 'SMART GENDER\nvenue: x", "'")).toBe(2);
    // Not the first closed value after it, whose quotes pair the other way round.
    expect(
      unclosedQuoteLine('title: "เดินขบวน\ndescription: A walk.\ndate: "2024-02-23T09:00:00+07:00"', '"'),
    ).toBe(2);
  });

  it('passes over quotes that close, on a later line too, and escaped ones', () => {
    const front = [
      'title: "Khon Kaen \\"SMART GENDER\\""',
      'description: "a value',
      '  on two lines"',
      'summary: He said "yes" to it',
      "venue: 'it''s here'",
    ].join('\n');
    expect(unclosedQuoteLine(front, '"')).toBeUndefined();
    expect(unclosedQuoteLine(front, "'")).toBeUndefined();
    expect(unclosedQuoteLine(`${front}\nmunicipality: "Khon Kaen`, '"')).toBe(7);
    // Quotes in a block of text are text: the mistake is the field after it.
    expect(unclosedQuoteLine('summary: >\n  He said: "hi\ntitle: "X\nvenue: Y', '"')).toBe(4);
    // A block ends where a line is no further in than its field's name.
    expect(
      unclosedQuoteLine('gallery:\n  - caption: >\n      He said "hi\n    src: "a.jpg\n  - src: b.jpg', '"'),
    ).toBe(5);
    // A quoted value that ends in ": |" opens no block.
    expect(unclosedQuoteLine('title: "Ratio: |\nvenue: Y', '"')).toBe(2);
  });
});
