/**
 * The one output format of the pages stage: 8-bit greyscale PNG with the resolution in pHYs
 * (tesseract reads it; without it, it assumes 70 dpi and sizes its filters wrongly).
 */
import sharp, { type Sharp } from 'sharp';

/** zlib level 1: a fax page encodes in ~30 ms instead of ~150 ms, for ~20 % more bytes. */
const PNG_COMPRESSION_LEVEL = 1;

export async function encodePageImage(
  img: Sharp,
  dpi: number,
): Promise<{ image: Buffer; width: number; height: number }> {
  // toColourspace('b-w') after resize: sharp otherwise emits 3 channels for a bilevel input.
  const { data, info } = await img
    .toColourspace('b-w')
    .withDensity(dpi)
    .png({ compressionLevel: PNG_COMPRESSION_LEVEL, adaptiveFiltering: false })
    .toBuffer({ resolveWithObject: true });
  return { image: data, width: info.width, height: info.height };
}

/** The page picture turned clockwise by `angle` (what the OCR stage did to read it upright). */
export async function rotatePng(png: Buffer, angle: number): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  return (await encodePageImage(sharp(png).rotate(angle), meta.density ?? 200)).image;
}
