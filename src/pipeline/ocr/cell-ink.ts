/**
 * Ink in a small cropped table cell (8-bit greyscale, row-major): its connected components, and the
 * one text line of the row the cell belongs to with everything else (rule fragments, specks, the
 * neighbouring rows' digits) whitened.
 */

/** Characters are at least this many text heights tall; rule fragments and specks are flatter. */
const TALL = 0.4;
/** Width (in text heights) up to which ink at a crop's side is taken for a cut ruling. */
const EDGE_STROKE = 0.2;

export interface Component {
  pixels: number[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** 8-connected ink components of a small greyscale crop. */
export function inkComponents(px: Uint8Array, width: number, height: number): Component[] {
  const seen = new Uint8Array(px.length);
  const out: Component[] = [];
  const stack: number[] = [];
  for (let start = 0; start < px.length; start++) {
    if (seen[start] || px[start]! >= 128) continue;
    seen[start] = 1;
    stack.push(start);
    const c: Component = { pixels: [], x0: width, y0: height, x1: -1, y1: -1 };
    while (stack.length > 0) {
      const i = stack.pop()!;
      c.pixels.push(i);
      const x = i % width;
      const y = (i - x) / width;
      c.x0 = Math.min(c.x0, x);
      c.x1 = Math.max(c.x1, x);
      c.y0 = Math.min(c.y0, y);
      c.y1 = Math.max(c.y1, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (seen[j] || px[j]! >= 128) continue;
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    out.push(c);
  }
  return out;
}

/**
 * Keeps only the text of the row: characters (components at least TALL × unit high) on the text
 * line nearest the row's centre, plus whatever ink stays inside that line's band (decimal points,
 * commas, apostrophes, the pieces of eroded characters). Rule fragments, specks and the neighbouring rows' digits are whitened.
 * Returns the rectangle (crop pixels) around what is left, or null when the cell holds no text.
 */
export function isolateRowText(
  px: Uint8Array,
  width: number,
  height: number,
  unit: number,
  cy: number,
): { x0: number; y0: number; x1: number; y1: number } | null {
  const comps = inkComponents(px, width, height);
  // a thin stroke cut by the crop's side is a piece of the column's ruling, not a "1"
  const cut = (c: Component) => (c.x0 === 0 || c.x1 === width - 1) && c.x1 - c.x0 + 1 <= unit * EDGE_STROKE;
  const tall = comps.filter(
    (c) => c.y1 - c.y0 + 1 >= unit * TALL && c.y1 - c.y0 + 1 <= unit * 2.2 && !cut(c),
  );
  if (tall.length === 0) return null;
  const mid = (c: Component) => (c.y0 + c.y1) / 2;
  const seed = tall.reduce((a, b) => (Math.abs(mid(b) - cy) < Math.abs(mid(a) - cy) ? b : a));
  const line = tall.filter(
    (c) => Math.min(c.y1, seed.y1) - Math.max(c.y0, seed.y0) > (seed.y1 - seed.y0) * 0.4,
  );
  const top = Math.min(...line.map((c) => c.y0));
  const bottom = Math.max(...line.map((c) => c.y1));
  const keep = new Set<Component>(line);
  // marks and the pieces of eroded characters: anything inside the line's band, between its first
  // and last character (a number neither starts nor ends with a mark: a speck there reads as '"3')
  const left = Math.min(...line.map((c) => c.x0)) - unit * 0.1;
  const right = Math.max(...line.map((c) => c.x1)) + unit * 0.1;
  for (const c of comps) {
    const inBand = c.y0 >= top - unit * 0.15 && c.y1 <= bottom + unit * 0.35;
    if (c.pixels.length >= 3 && inBand && c.x0 >= left && c.x1 <= right && !cut(c)) keep.add(c);
  }
  for (const c of comps) if (!keep.has(c)) for (const i of c.pixels) px[i] = 255;
  const kept = [...keep];
  return {
    x0: Math.min(...kept.map((c) => c.x0)),
    y0: top,
    x1: Math.max(...kept.map((c) => c.x1)) + 1,
    y1: Math.max(...kept.map((c) => c.y1)) + 1,
  };
}

/**
 * Whitens the pixel columns of a crop that hold one stroke over half its height or more: a cell's
 * vertical ruling, even when faxing broke it into pieces too short for removeRulings (gaps of up to
 * a quarter text height are bridged). A character is well under half of a crop that is 2.6 text
 * heights tall, and the same digit in the rows above and below leaves a text height's gap.
 * Neighbouring columns with a third go with it. Returns how many pixel columns were whitened.
 */
export function clearRulingColumns(px: Uint8Array, width: number, height: number, unit: number): number {
  const gap = Math.max(2, Math.round(unit * 0.25));
  const stroke = new Array<number>(width).fill(0);
  for (let x = 0; x < width; x++) {
    let start = -1;
    let last = -1;
    for (let y = 0; y < height; y++) {
      if (px[y * width + x]! >= 128) continue;
      if (start < 0 || y - last > gap) start = y;
      last = y;
      stroke[x] = Math.max(stroke[x]!, last - start + 1);
    }
  }
  const cleared = new Set<number>();
  for (let x = 0; x < width; x++) {
    if (stroke[x]! < height * 0.5) continue;
    for (let dx = -2; dx <= 2; dx++) {
      const cx = x + dx;
      if (cx < 0 || cx >= width || (dx !== 0 && stroke[cx]! < height * 0.3)) continue;
      cleared.add(cx);
    }
  }
  for (const cx of cleared) for (let y = 0; y < height; y++) px[y * width + cx] = 255;
  return cleared.size;
}

/** Dark pixels in a crop. */
export function inkOf(px: Uint8Array): number {
  let n = 0;
  for (const v of px) if (v < 128) n++;
  return n;
}
