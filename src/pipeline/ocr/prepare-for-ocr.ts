/**
 * What the OCR engine reads is not always what the clerk sees: a page sent in photo mode has its
 * text halftoned into dots, which tesseract reads as garbage unless they are smoothed back into
 * strokes before it binarises the page (measured on a dithered standard-resolution order: 0 → 15
 * of 30 lines). Faded print arrives with strokes a pixel or two wide and broken, and reads as
 * garbage too until its strokes are thickened (measured on 24 such faxes: 45 → 76 of 101 lines
 * right, 2 → 5 orders without an error).
 * The geometry stays unchanged, so word boxes still fit the original picture.
 *
 * Removing table rulings from the whole page was measured too and rejected: on skewed pages it
 * leaves staircase fragments, and handwritten quantities that lose their box are no longer found
 * by tesseract's layout analysis (an order form went from 8 to 0 lines). Rulings are removed from
 * single cells instead (reread-quantity-cells.ts), where neither happens.
 */
import sharp from 'sharp';

export interface PreparedPage {
  image: Buffer;
  /** What was done, for the debug log. */
  steps: string[];
}

/** A dark pixel in an 8-bit greyscale page. */
const DARK = 128;
/** Gaps a ruling may have (faxed dotted/broken lines), in pixels, and the ink it must still cover. */
const MAX_RULE_GAP = 2;
const MIN_RULE_INK = 0.75;
/**
 * Dither shows as single-pixel ink runs along a row. Measured on 60 fax pages: clean, thickened
 * and eroded text 0.3–13 % of its ink in such runs, dithered photo-mode pages 43–64 %.
 */
const DITHER_SHARE = 0.25;
/**
 * Faded print arrives with strokes one or two pixels wide, broken into pieces, which tesseract
 * reads as garbage. Mean ink run along the rows (about the stroke width), measured on 290 text-mode
 * fax pages: 2.64–7.2 pixels where the print was not faded; 1.9–2.8 where it was badly faded (those
 * above 2.7 read no better thickened), while mildly faded pages (4.6–6.6) read well as they are.
 */
const THIN_STROKE = 2.7;
/**
 * Faded print is frayed: many of its ink runs are single pixels (13–23 % of its ink on the faded
 * faxes measured). A thin but clean typeface, a serif whose hairlines a standard-resolution fax
 * lost, has few (6–9 %) and reads worse thickened (12 → 8 of 22 lines on such faxes).
 */
const FRAYED_SHARE = 0.11;
/** Above this share of enclosed white pixels a thin-stroked page is halftone, not faded print. */
const HALFTONE_HOLES = 0.01;
/** Blur that rebuilds strokes from halftone dots (σ in pixels at ~200 dpi). */
const DITHER_SIGMA = 0.8;

export async function prepareForOcr(png: Buffer): Promise<PreparedPage> {
  const { data, info } = await sharp(png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const meta = await sharp(png).metadata();
  const width = info.width;
  const height = info.height;
  const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const runs = inkRuns(pixels, width, height);
  const thin = runs.meanLength > 0 && runs.meanLength < THIN_STROKE;
  const frayed = runs.singleShare >= FRAYED_SHARE;
  // dark halftone, or halftone whose dots a too-dark scan ran together, has few lone dots but
  // leaves single white pixels walled in by ink
  const halftone =
    runs.singleShare >= DITHER_SHARE || (thin && enclosedWhiteShare(pixels, width, height) >= HALFTONE_HOLES);
  if (!halftone) {
    if (!thin || !frayed) return { image: png, steps: [] };
    const image = await sharp(thicken(pixels, width, height), { raw: { width, height, channels: 1 } })
      .withDensity(meta.density ?? 200)
      .png({ compressionLevel: 1, adaptiveFiltering: false })
      .toBuffer();
    return { image, steps: ['thicken'] };
  }
  const image = await sharp(pixels, { raw: { width, height, channels: 1 } })
    .blur(DITHER_SIGMA)
    .toColourspace('b-w')
    .withDensity(meta.density ?? 200)
    .png({ compressionLevel: 1, adaptiveFiltering: false })
    .toBuffer();
  return { image, steps: ['dedither'] };
}

/** Share of ink pixels that form a run of exactly one pixel along their row. */
export function singlePixelRunShare(px: Uint8Array, width: number, height: number): number {
  return inkRuns(px, width, height).singleShare;
}

/**
 * Ink along the rows: the share of ink pixels in one-pixel runs (dither) and the mean run length,
 * which is about the strokes' width where text dominates (rulings add a little).
 */
export function inkRuns(
  px: Uint8Array,
  width: number,
  height: number,
): { singleShare: number; meanLength: number } {
  let ink = 0;
  let single = 0;
  let runs = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 1; x < width - 1; x++) {
      if (px[row + x]! >= DARK) continue;
      ink++;
      const startsRun = px[row + x - 1]! >= DARK;
      if (startsRun) runs++;
      if (startsRun && px[row + x + 1]! >= DARK) single++;
    }
  }
  return ink === 0
    ? { singleShare: 0, meanLength: 0 }
    : { singleShare: single / ink, meanLength: ink / runs };
}

/**
 * White pixels with ink on all four sides, per ink pixel: the holes a halftoned grey leaves. Clean,
 * faded and thickened text has next to none (at most 0.004 on 290 fax pages); dark halftone 0.045–0.05.
 */
export function enclosedWhiteShare(px: Uint8Array, width: number, height: number): number {
  let ink = 0;
  let holes = 0;
  for (let y = 1; y < height - 1; y++) {
    const row = y * width;
    for (let x = 1; x < width - 1; x++) {
      const i = row + x;
      if (px[i]! < DARK) ink++;
      else if (px[i - 1]! < DARK && px[i + 1]! < DARK && px[i - width]! < DARK && px[i + width]! < DARK)
        holes++;
    }
  }
  return ink === 0 ? 0 : holes / ink;
}

/** Strokes one pixel wider and one taller: each pixel takes the darkest of its 2×2 neighbourhood. */
export function thicken(px: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(px);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const above = y > 0 ? row - width : row;
    for (let x = 0; x < width; x++) {
      const left = x > 0 ? x - 1 : x;
      out[row + x] = Math.min(px[row + x]!, px[row + left]!, px[above + x]!, px[above + left]!);
    }
  }
  return out;
}

/**
 * Whitens long horizontal and vertical ink runs (table rulings, underlines, frames) in place and
 * returns how many pixels it changed. A run may bridge gaps of `maxGap` pixels (MAX_RULE_GAP) as
 * long as it stays mostly ink, so broken fax lines count too.
 */
export function removeRulings(
  px: Uint8Array,
  width: number,
  height: number,
  minVertical: number,
  minHorizontal: number = minVertical,
  maxGap: number = MAX_RULE_GAP,
): number {
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) markRuns(px, mask, y * width, 1, width, minHorizontal, maxGap);
  for (let x = 0; x < width; x++) markRuns(px, mask, x, width, height, minVertical, maxGap);
  let changed = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] && px[i]! < DARK) {
      px[i] = 255;
      changed++;
    }
  }
  return changed;
}

function markRuns(
  px: Uint8Array,
  mask: Uint8Array,
  start: number,
  stride: number,
  count: number,
  minLength: number,
  maxGap: number,
): void {
  let runStart = -1;
  let lastInk = -1;
  let ink = 0;
  const flush = () => {
    if (runStart < 0) return;
    const length = lastInk - runStart + 1;
    if (length >= minLength && ink / length >= MIN_RULE_INK)
      for (let i = runStart; i <= lastInk; i++) mask[start + i * stride] = 1;
    runStart = -1;
    ink = 0;
  };
  for (let i = 0; i < count; i++) {
    if (px[start + i * stride]! >= DARK) continue;
    if (runStart >= 0 && i - lastInk - 1 > maxGap) flush();
    if (runStart < 0) runStart = i;
    lastInk = i;
    ink++;
  }
  flush();
}
