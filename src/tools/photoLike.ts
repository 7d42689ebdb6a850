import sharp from 'sharp';

/**
 * A generated JPEG that compresses as a photo does: smooth shapes with grain, neither a flat
 * colour (which compresses to nothing) nor pure noise (which does not compress at all). The
 * real content has no photos, so the photo tests and the benchmark make their own; `seed`
 * makes each one different and every run the same.
 */
export async function photoLike(seed: number, width = 1600, height = 1200): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let s = seed;
  const shift = (seed % 7) * 40;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      s = (s * 1103515245 + 12345) % 2147483648;
      const grain = (s % 17) - 8;
      pixels[i] = 128 + 90 * Math.sin((x + shift) / 97) * Math.cos(y / 53) + grain;
      pixels[i + 1] = 120 + 80 * Math.cos((x + y + shift) / 140) + grain;
      pixels[i + 2] = 110 + 70 * Math.sin(Math.hypot(x - width / 2, y - height / 2.4) / 60) + grain;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}
