import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { absoluteUrl } from './urls.ts';
import { articleRatios, largestCrop, previewSize, type PreviewImage } from './photos.ts';

/**
 * The fixed-shape copies of a story's cover, made by Astro's image pipeline (hashed names,
 * so they are cached for a year): the link-preview card, the article image in the shapes
 * search engines ask for, and the feed's copy. One module, so the story pages and the feed
 * say the same thing.
 */

interface Cover {
  src: ImageMetadata;
  alt: string;
}

const jpeg = async (src: ImageMetadata, width: number, height: number) =>
  (await getImage({ src, width, height, fit: 'cover', format: 'jpg' })).src;

/** The cover cropped to the link-preview card (1200 × 630 JPEG), with its alt text. */
export async function previewOf(cover: Cover, site: URL | undefined): Promise<PreviewImage> {
  const { width, height } = previewSize;
  return {
    url: absoluteUrl(await jpeg(cover.src, width, height), site),
    alt: cover.alt,
    width,
    height,
    type: 'image/jpeg',
  };
}

/** Absolute URLs of the cover in 16:9, 4:3 and 1:1, each as large as the original allows. */
export async function articleImagesOf(cover: Cover, site: URL | undefined): Promise<string[]> {
  return Promise.all(
    articleRatios.map(async (ratio) => {
      const { width, height } = largestCrop(cover.src, ratio);
      return absoluteUrl(await jpeg(cover.src, width, height), site);
    }),
  );
}

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * A photo as a feed reader shows it: a figure with a JPEG at most 1200 px wide, by absolute
 * URL (feeds are read away from the site), its alt text and caption.
 */
export async function feedFigureOf(
  photo: Cover & { caption?: string | undefined },
  site: URL | undefined,
): Promise<string> {
  const width = Math.min(photo.src.width, 1200);
  const height = Math.round((width * photo.src.height) / photo.src.width);
  const src = absoluteUrl(await jpeg(photo.src, width, height), site);
  const caption = photo.caption ? `<figcaption>${escapeAttribute(photo.caption)}</figcaption>` : '';
  return `<figure><img src="${escapeAttribute(src)}" alt="${escapeAttribute(photo.alt)}">${caption}</figure>`;
}
