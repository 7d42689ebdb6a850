import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileNameFor, fromFile, latinSlug, toBangkok, toFile } from './cmsFormat.ts';

describe('toBangkok', () => {
  it('writes any date-time as Bangkok time with +07:00, and keeps one already so', () => {
    expect(toBangkok('2026-12-02T09:00:00-05:00')).toBe('2026-12-02T21:00:00+07:00');
    expect(toBangkok('2026-12-02T02:00:00.000Z')).toBe('2026-12-02T09:00:00+07:00');
    expect(toBangkok('2024-02-23T09:00:00+07:00')).toBe('2024-02-23T09:00:00+07:00');
    expect(toBangkok('')).toBe('');
  });
});

describe('latinSlug', () => {
  it('makes a file name from an English headline', () => {
    expect(latinSlug('Khon Kaen opens a “SMART GENDER” centre!')).toBe(
      'khon-kaen-opens-a-smart-gender-centre',
    );
    expect(latinSlug('ขอนแก่น')).toBe('');
  });
});

describe('fileNameFor', () => {
  it('names a new story from its English headline, else from the moment it is saved in Bangkok', () => {
    expect(fileNameFor(['เดินเมือง', 'City walk'], new Date())).toBe('city-walk');
    expect(fileNameFor(['', undefined], new Date('2026-12-02T02:30:00Z'))).toBe('story-2026-12-02-0930');
    expect(fileNameFor(['ขอนแก่น'], new Date('2026-12-02T20:05:00Z'))).toBe('story-2026-12-03-0305');
  });

  it('takes the headline in Latin letters from any language, and passes over a Thai one with a Latin name', () => {
    const now = new Date('2026-12-02T02:30:00Z');
    // A Thai headline with a Latin name, the English one not written yet, or written.
    expect(fileNameFor(['ขอนแก่น “SMART GENDER” ทุกเพศเท่าเทียม', ''], now)).toBe('story-2026-12-02-0930');
    expect(fileNameFor(['ขอนแก่น “SMART GENDER”', ''], now)).toBe('story-2026-12-02-0930');
    expect(fileNameFor(['SMART GENDER Run 2025 ขอนแก่น', 'SMART GENDER Run 2025 in Khon Kaen'], now)).toBe(
      'smart-gender-run-2025-in-khon-kaen',
    );
    // Whichever language's headline is in Latin letters, wherever it is in the table.
    expect(fileNameFor(['ขอนแก่น', 'ຂອນແກ່ນ', 'Khon Kaen SMART GENDER'], now)).toBe('khon-kaen-smart-gender');
    expect(fileNameFor(['Khon Kaen walk', 'เดินเมือง'], now)).toBe('khon-kaen-walk');
  });
});

describe('fromFile and toFile', () => {
  it('round-trips a real story unchanged', () => {
    const file = readFileSync('content/news/en/smart-gender-launch.md', 'utf8');
    const data = fromFile(file);
    expect(typeof data.date).toBe('string');
    const order = ['title', 'description', 'date', 'venue', 'related'];
    expect(fromFile(toFile(data, order))).toEqual(data);
  });

  it('leaves out a field of spaces alone, which the schema would refuse as empty', () => {
    const text = toFile({
      title: 'City walk',
      venue: ' ',
      cover: { src: '../../media/walk.jpg', alt: 'Walkers', caption: '  \n' },
      related: ['  '],
      body: 'Text.',
    });
    expect(text).toBe(
      '---\ntitle: City walk\ncover:\n  src: ../../media/walk.jpg\n  alt: Walkers\n---\n\nText.\n',
    );
  });

  it('quotes date-times, leaves out empty fields and the file name, and keeps the form order', () => {
    const text = toFile(
      {
        fileName: 'city-walk',
        date: '2026-12-02T09:00:00+07:00',
        title: 'City walk',
        venue: null,
        related: [],
        draft: false,
        cover: { src: '../../media/walk.jpg', alt: 'Walkers', caption: '' },
        body: 'Text.',
      },
      ['title', 'date', 'cover'],
    );
    expect(text).toBe(
      '---\ntitle: City walk\ndate: "2026-12-02T09:00:00+07:00"\ncover:\n  src: ../../media/walk.jpg\n  alt: Walkers\n---\n\nText.\n',
    );
  });
});
