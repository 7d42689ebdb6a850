import { describe, expect, it } from 'vitest';
import { articleRatios, largestCrop, pictureWidths, withFiles } from './photos.ts';

describe('photo sizes', () => {
  it('crops each article shape as large as the original allows', () => {
    const original = { width: 1600, height: 1200 };
    expect(articleRatios.map((r) => largestCrop(original, r))).toEqual([
      { width: 1600, height: 900 },
      { width: 1600, height: 1200 },
      { width: 1200, height: 1200 },
    ]);
    expect(largestCrop({ width: 3000, height: 1000 }, 16 / 9)).toEqual({ width: 1777, height: 1000 });
  });

  it('offers phone to wide-screen widths, never wider than the original', () => {
    expect(pictureWidths(2400)).toEqual([360, 720, 1080, 1440]);
    expect(pictureWidths(1000)).toEqual([360, 720, 1000]);
    expect(pictureWidths(300)).toEqual([300]);
  });
});

describe('withFiles', () => {
  it('gives each body photo its measured file, in order', () => {
    const blocks = [
      { photo: { src: '../../media/a.jpg', alt: 'ก' } },
      { html: '<p>ข</p>' },
      { photo: { src: '../../media/b.jpg', alt: 'ค', caption: 'ง' } },
    ];
    expect(withFiles(blocks, ['A', 'B'], 'x.md')).toEqual([
      { photo: { src: 'A', alt: 'ก' } },
      { html: '<p>ข</p>' },
      { photo: { src: 'B', alt: 'ค', caption: 'ง' } },
    ]);
  });

  it('stops the build rather than show the wrong photo', () => {
    expect(() => withFiles([{ photo: { src: 'a.jpg', alt: 'ก' } }], [], 'content/news/th/x.md')).toThrow(
      'content/news/th/x.md: the body shows 1 photos but 0 were loaded',
    );
  });
});
