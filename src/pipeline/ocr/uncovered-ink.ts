/**
 * How much of a page's ink the OCR words do not account for. Tesseract's page layout analysis
 * sometimes takes a sparse table column for an image and returns no words for it at all (a whole
 * "Quantité" column of a clean fax); such a page is worth a second, sparse-text reading.
 */
import type { Word } from '../types.ts';

const DARK = 128;
/** Ink is counted on a coarse grid (cells of this many pixels square), which ignores specks. */
const CELL = 4;

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
  const ink = new Uint8Array(gw * gh);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const gy = Math.floor(y / CELL) * gw;
    for (let x = 0; x < width; x++) if (px[row + x]! < DARK) ink[gy + Math.floor(x / CELL)] = 1;
  }
  // rulings: runs of inked cells longer than ~10 mm at 200 dpi are lines, not text
  const ruled = new Uint8Array(gw * gh);
  const LONG = 20;
  for (let gy = 0; gy < gh; gy++) {
    let start = -1;
    for (let gx = 0; gx <= gw; gx++) {
      const on = gx < gw && ink[gy * gw + gx] === 1;
      if (on && start < 0) start = gx;
      if (!on && start >= 0) {
        if (gx - start >= LONG) for (let k = start; k < gx; k++) ruled[gy * gw + k] = 1;
        start = -1;
      }
    }
  }
  for (let gx = 0; gx < gw; gx++) {
    let start = -1;
    for (let gy = 0; gy <= gh; gy++) {
      const on = gy < gh && ink[gy * gw + gx] === 1;
      if (on && start < 0) start = gy;
      if (!on && start >= 0) {
        if (gy - start >= LONG) for (let k = start; k < gy; k++) ruled[k * gw + gx] = 1;
        start = -1;
      }
    }
  }
  const covered = new Uint8Array(gw * gh);
  for (const w of words) {
    const x0 = Math.max(0, Math.floor((w.box[0] - margin) / CELL));
    const y0 = Math.max(0, Math.floor((w.box[1] - margin) / CELL));
    const x1 = Math.min(gw - 1, Math.floor((w.box[0] + w.box[2] + margin) / CELL));
    const y1 = Math.min(gh - 1, Math.floor((w.box[1] + w.box[3] + margin) / CELL));
    for (let gy = y0; gy <= y1; gy++) for (let gx = x0; gx <= x1; gx++) covered[gy * gw + gx] = 1;
  }
  // text-sized blobs of ink no word accounts for (specks are smaller, rulings were taken out)
  const seen = new Uint8Array(gw * gh);
  const blobs: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const stack: number[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (seen[start] || !ink[start] || ruled[start] || covered[start]) continue;
    seen[start] = 1;
    stack.push(start);
    let n = 0;
    let y0 = gh;
    let y1 = -1;
    let x0 = gw;
    let x1 = -1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      n++;
      const gx = i % gw;
      const gy = (i - gx) / gw;
      y0 = Math.min(y0, gy);
      y1 = Math.max(y1, gy);
      x0 = Math.min(x0, gx);
      x1 = Math.max(x1, gx);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = gx + dx;
          const ny = gy + dy;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const j = ny * gw + nx;
          if (seen[j] || !ink[j] || ruled[j] || covered[j]) continue;
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    const tall = y1 - y0 + 1;
    if (n >= MIN_BLOB_CELLS && tall * CELL >= minHeight && tall * CELL <= minHeight * 5)
      blobs.push({ x0: x0 * CELL, y0: y0 * CELL, x1: (x1 + 1) * CELL, y1: (y1 + 1) * CELL });
  }
  return blobs;
}
