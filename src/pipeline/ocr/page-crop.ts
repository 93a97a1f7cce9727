/** Rectangles of a greyscale page (8-bit, row-major) and the pixels inside them. */
import type { Box } from '../types.ts';

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** `r` in whole pixels inside a `width` × `height` page; null when less than 4 pixels remain either way. */
export function clampRect(r: Rect, width: number, height: number): Rect | null {
  const x0 = Math.max(0, Math.floor(r.x0));
  const y0 = Math.max(0, Math.floor(r.y0));
  const x1 = Math.min(width, Math.ceil(r.x1));
  const y1 = Math.min(height, Math.ceil(r.y1));
  return x1 - x0 >= 4 && y1 - y0 >= 4 ? { x0, y0, x1, y1 } : null;
}

/** A copy of the page's pixels inside `r` (a clamped rectangle). */
export function cropPixels(page: { px: Uint8Array; width: number }, r: Rect): Uint8Array {
  const w = r.x1 - r.x0;
  const out = new Uint8Array(w * (r.y1 - r.y0));
  for (let y = r.y0; y < r.y1; y++)
    out.set(page.px.subarray(y * page.width + r.x0, y * page.width + r.x1), (y - r.y0) * w);
  return out;
}

/**
 * A box read in a crop of the page at `r`, enlarged `scale` times and given a `pad`-pixel white
 * margin before reading, in page pixels.
 */
export function boxOnPage(box: Box, r: Pick<Rect, 'x0' | 'y0'>, scale: number, pad: number): Box {
  const [x, y, w, h] = box;
  return [r.x0 + (x - pad) / scale, r.y0 + (y - pad) / scale, w / scale, h / scale];
}
