import type { ImageMetadata } from 'astro';
import type { BodyBlock } from './markdown.ts';

/**
 * Sizes of a story's photo for the places that ask for fixed shapes: the link preview
 * (1200 × 630, what LINE, Facebook and X show) and the three crops search engines ask for
 * an article's image (16:9, 4:3 and 1:1, each as large as the original allows).
 */

export interface Size {
  width: number;
  height: number;
}

/** A story's photo as the schema gives it to pages: the measured file and its text. */
export interface StoryPhoto {
  src: ImageMetadata;
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** A link-preview image: absolute URL, what it shows, its size and type. */
export interface PreviewImage {
  url: string;
  alt: string;
  width: number;
  height: number;
  type: string;
}

/** The shapes of the article image in structured data, widest first. */
export const articleRatios = [16 / 9, 4 / 3, 1] as const;

/** The link-preview card's size. */
export const previewSize: Size = { width: 1200, height: 630 };

/**
 * The largest crop of a `width` × `height` original with the given aspect ratio.
 * @example largestCrop({ width: 1600, height: 1200 }, 16 / 9) // { width: 1600, height: 900 }
 * @example largestCrop({ width: 1600, height: 1200 }, 1)      // { width: 1200, height: 1200 }
 */
export function largestCrop(original: Size, ratio: number): Size {
  const width = Math.min(original.width, Math.floor(original.height * ratio));
  return { width, height: Math.round(width / ratio) };
}

/**
 * The widths to offer in a `srcset`, from a phone's to a wide screen's at twice the pixels,
 * never wider than the original (a larger copy would only be blurrier and heavier).
 * @example pictureWidths(1000) // [360, 720, 1000]
 */
export function pictureWidths(originalWidth: number): number[] {
  const widths = [360, 720, 1080, 1440].filter((w) => w < originalWidth);
  return [...new Set([...widths, Math.min(originalWidth, 1440)])];
}

/** A body block as a page shows it: HTML, or a photo with its file. */
export type PageBlock<F> =
  { html: string } | { photo: { src: F; alt: string; caption?: string | undefined } };

/**
 * A body's blocks with each photo given its file, in order. The content loader measured the
 * files (`bodyPhotos`) from the same photos, so a difference in count means a bug, not an
 * editor's mistake: it stops the build rather than show the wrong photo.
 * @example withFiles([{ photo: { src: 'a.jpg', alt: 'ก' } }], [meta], 'x.md') // [{ photo: { src: meta, alt: 'ก' } }]
 */
export function withFiles<F>(
  blocks: readonly BodyBlock[],
  files: readonly F[],
  where: string,
): PageBlock<F>[] {
  const photos = blocks.filter((b) => 'photo' in b).length;
  if (photos !== files.length) {
    throw new Error(`${where}: the body shows ${photos} photos but ${files.length} were loaded`);
  }
  let next = 0;
  return blocks.map((block) =>
    'html' in block ? block : { photo: { ...block.photo, src: files[next++] as F } },
  );
}
