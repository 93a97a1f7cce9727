/**
 * TIFF, PNG and JPEG → pages, via sharp. Multi-page TIFFs are split (tesseract.js would read only
 * the first page), standard-resolution faxes get square pixels, everything ends as the same
 * 8-bit greyscale PNG the OCR stage and the clerk's viewer expect.
 */
import sharp, { type Metadata } from 'sharp';
import { DocumentError, LimitError } from '../../errors.ts';
import { enforce, limits } from '../../limits.ts';
import type { RawPage } from '../types.ts';
import { encodePageImage } from './encode-page-image.ts';
import type { DocumentType } from './sniff-type.ts';
import { readTiffResolutions } from './tiff-resolution.ts';
import { verticalStretch } from './vertical-stretch.ts';

/** Scanners and faxes that write no resolution at all are nearly always ~200 dpi. */
const DEFAULT_DPI = 200;

export async function imagePages(bytes: Uint8Array, type: DocumentType): Promise<RawPage[]> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = await readMetadata(input, 0);
  const pageCount = type === 'tiff' ? (first.pages ?? 1) : 1;
  enforce('pages', pageCount, limits.maxPages);
  const resolutions = type === 'tiff' ? readTiffResolutions(bytes) : [];
  const pages: RawPage[] = [];
  for (let n = 0; n < pageCount; n++) {
    const meta = n === 0 ? first : await readMetadata(input, n);
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    if (width === 0 || height === 0) throw corrupt(`page ${n + 1} has no pixels`);
    enforce(`pixels of page ${n + 1}`, width * height, limits.maxPixels);
    const res = resolutions[n];
    const xDpi = res?.xDpi ?? meta.density ?? null;
    const yDpi = res ? res.yDpi : null;
    const stretch = verticalStretch(width, height, xDpi, yDpi);
    const dpi = Math.round(xDpi && xDpi > 20 ? xDpi : DEFAULT_DPI);
    const encoded = await decode(input, n, { width, height, stretch, dpi });
    pages.push({
      page: n + 1,
      width: encoded.width,
      height: encoded.height,
      dpi,
      image: encoded.image,
      words: null,
      source: 'image',
      rotated: 0,
    });
  }
  return pages;
}

async function readMetadata(input: Buffer, page: number): Promise<Metadata> {
  try {
    return await sharp(input, { page, limitInputPixels: false }).metadata();
  } catch (err) {
    throw corrupt('the image header cannot be read', err);
  }
}

async function decode(
  input: Buffer,
  page: number,
  o: { width: number; height: number; stretch: number; dpi: number },
) {
  const outHeight = o.height * o.stretch;
  enforce('page height in pixels', outHeight, limits.maxPageSide);
  enforce('page width in pixels', o.width, limits.maxPageSide);
  // EXIF orientation only exists in JPEG (and rarely TIFF); rotate() applies it and is a no-op otherwise.
  let img = sharp(input, { page, limitInputPixels: limits.maxPixels, failOn: 'error' }).rotate();
  // Transparent pixels (grey+alpha scans exist) must read as paper, not as black.
  img = img.flatten({ background: '#ffffff' });
  if (o.stretch > 1) {
    img = img.resize({ width: o.width, height: outHeight, fit: 'fill', kernel: 'nearest' });
  }
  try {
    return await encodePageImage(img, o.dpi);
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(msg)) throw new LimitError('pixels', o.width * o.height, limits.maxPixels);
    throw corrupt(`page ${page + 1} cannot be decoded (damaged or truncated file)`, err);
  }
}

function corrupt(why: string, cause?: unknown): DocumentError {
  return new DocumentError('CORRUPT_DOCUMENT', `The image file is damaged: ${why}.`, undefined, cause);
}
