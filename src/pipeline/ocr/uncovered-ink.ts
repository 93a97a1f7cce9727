/**
 * How much of a page's ink the OCR words do not account for. Tesseract's page layout analysis
 * sometimes takes a sparse table column for an image and returns no words for it at all (a whole
 * "Quantité" column of a clean fax); such a page is worth a second, sparse-text reading.
 */
import type { Word } from '../types.ts';
import { inkComponents } from './cell-ink.ts';
import { removeRulings } from './prepare-for-ocr.ts';

const DARK = 128;
/** Ink is counted on a coarse grid (cells of this many pixels square), which ignores specks. */
const CELL = 4;

/** Runs of inked cells this long are rulings (~10 mm at 200 dpi). */
const LONG_RUN_CELLS = 20;
/** A blob needs this many inked grid cells to be a word rather than a speck or a dot. */
const MIN_BLOB_CELLS = 6;

/**
 * Text-sized blobs of ink (at least `minHeight` pixels tall, at most five times that) outside every
 * word box grown by `margin` pixels, not counting long horizontal or vertical rulings; their boxes
 * in page pixels.
 */
export function uncoveredInk(
  px: Uint8Array,
  width: number,
  height: number,
  words: Word[],
  margin: number,
  minHeight: number,
): { x0: number; y0: number; x1: number; y1: number }[] {
  const gw = Math.ceil(width / CELL);
  const gh = Math.ceil(height / CELL);
  // the page on a coarse grid, in the crops' convention (0 = ink, 255 = paper)
  const grid = new Uint8Array(gw * gh).fill(255);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const gy = Math.floor(y / CELL) * gw;
    for (let x = 0; x < width; x++) if (px[row + x]! < DARK) grid[gy + Math.floor(x / CELL)] = 0;
  }
  // rulings: unbroken runs of inked cells longer than ~10 mm at 200 dpi are lines, not text (a
  // grid cell already bridges the small gaps of a broken fax line)
  removeRulings(grid, gw, gh, LONG_RUN_CELLS, LONG_RUN_CELLS, 0);
  for (const w of words) {
    const x0 = Math.max(0, Math.floor((w.box[0] - margin) / CELL));
    const y0 = Math.max(0, Math.floor((w.box[1] - margin) / CELL));
    const x1 = Math.min(gw - 1, Math.floor((w.box[0] + w.box[2] + margin) / CELL));
    const y1 = Math.min(gh - 1, Math.floor((w.box[1] + w.box[3] + margin) / CELL));
    for (let gy = y0; gy <= y1; gy++) grid.fill(255, gy * gw + x0, gy * gw + x1 + 1);
  }
  // text-sized blobs of ink no word accounts for (specks are smaller, rulings were taken out)
  return inkComponents(grid, gw, gh)
    .filter((c) => {
      const tall = (c.y1 - c.y0 + 1) * CELL;
      return c.pixels.length >= MIN_BLOB_CELLS && tall >= minHeight && tall <= minHeight * 5;
    })
    .map((c) => ({ x0: c.x0 * CELL, y0: c.y0 * CELL, x1: (c.x1 + 1) * CELL, y1: (c.y1 + 1) * CELL }));
}
