import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  prepareForOcr,
  removeRulings,
  singlePixelRunShare,
} from '../../../src/pipeline/ocr/prepare-for-ocr.ts';
import { encodePageImage } from '../../../src/pipeline/pages/encode-page-image.ts';
import { renderedPng } from '../pages/build-documents.ts';

const WHITE = 255;
const INK = 0;

/** A blank 8-bit grey buffer with helpers to paint ink rectangles and read pixels back. */
function canvas(width: number, height: number) {
  const px = new Uint8Array(width * height).fill(WHITE);
  return {
    px,
    width,
    height,
    fill(x0: number, y0: number, w: number, h: number, v = INK) {
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) px[y * width + x] = v;
    },
    /** Ink pixels inside a rectangle. */
    ink(x0: number, y0: number, w: number, h: number): number {
      let n = 0;
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (px[y * width + x]! < 128) n++;
      return n;
    },
  };
}

/** Ordered 4×4 Bayer dither: the halftone a fax machine in photo mode makes of grey. */
const BAYER = [
  [0, 8, 2, 10],
  [12, 4, 14, 6],
  [3, 11, 1, 9],
  [15, 7, 13, 5],
];

const ORDER = [
  { text: 'Bestellung Nr. 2026-0815', x: 20, y: 15, size: 10 },
  { text: 'Senkkopfschraube M4x20 12 Stk', x: 20, y: 35, size: 10 },
  { text: 'Unterlegscheibe 4.3 mm 100 Stk', x: 20, y: 55, size: 10 },
];

async function greyPixels(png: Buffer) {
  const { data, info } = await sharp(png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return {
    px: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
}

/** A clean text page as the pages stage hands it over: 8-bit greyscale PNG, 200 dpi. */
function cleanPage(): Promise<Buffer> {
  return renderedPng(ORDER, [290, 80]);
}

/** Grey text halftoned with a Bayer matrix: every ink pixel is black or white, text is a dot pattern. */
async function ditheredPage(): Promise<Buffer> {
  const { px, width, height } = await greyPixels(await cleanPage());
  const out = new Uint8Array(px.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      // black text printed grey (#777), then halftoned
      const grey = 0x77 + (px[i]! * (255 - 0x77)) / 255;
      out[i] = grey < (BAYER[y % 4]![x % 4]! + 0.5) * 16 ? INK : WHITE;
    }
  return (await encodePageImage(sharp(out, { raw: { width, height, channels: 1 } }), 300)).image;
}

/** Sum of |difference| between horizontal neighbours: high for dot patterns, low for smooth strokes. */
function roughness(px: Uint8Array, width: number, height: number): number {
  let sum = 0;
  for (let y = 0; y < height; y++)
    for (let x = 1; x < width; x++) sum += Math.abs(px[y * width + x]! - px[y * width + x - 1]!);
  return sum;
}

describe('singlePixelRunShare', () => {
  it('is low for solid strokes and high for a checkerboard halftone', () => {
    const strokes = canvas(120, 60);
    strokes.fill(10, 10, 4, 40); // a vertical stem
    strokes.fill(10, 28, 30, 3); // a crossbar
    strokes.fill(60, 10, 20, 40); // a blot
    expect(singlePixelRunShare(strokes.px, strokes.width, strokes.height)).toBeLessThan(0.05);

    const halftone = canvas(120, 60);
    for (let y = 10; y < 50; y++)
      for (let x = 10; x < 110; x++) if ((x + y) % 2 === 0) halftone.px[y * 120 + x] = INK;
    expect(singlePixelRunShare(halftone.px, halftone.width, halftone.height)).toBeGreaterThan(0.9);
  });

  it('is 0 for a page without ink', () => {
    const blank = canvas(50, 20);
    expect(singlePixelRunShare(blank.px, blank.width, blank.height)).toBe(0);
  });

  it('tells a rendered text page from the same text halftoned', async () => {
    const clean = await greyPixels(await cleanPage());
    const dithered = await greyPixels(await ditheredPage());
    const a = singlePixelRunShare(clean.px, clean.width, clean.height);
    const b = singlePixelRunShare(dithered.px, dithered.width, dithered.height);
    expect(b).toBeGreaterThan(a * 4);
    expect(b - a).toBeGreaterThan(0.3);
  });
});

describe('removeRulings', () => {
  it('whitens long horizontal and vertical lines, keeps glyphs and short strokes', () => {
    const c = canvas(200, 120);
    c.fill(10, 60, 180, 2); // table ruling across the cell
    c.fill(150, 5, 2, 110); // column ruling
    c.fill(30, 10, 12, 18); // a glyph-sized blob
    c.fill(60, 20, 20, 2); // a short horizontal stroke (a dash, the bar of a "7")
    c.fill(100, 10, 2, 18); // a short vertical stroke (a "1")
    const changed = removeRulings(c.px, c.width, c.height, 40, 60);
    expect(c.ink(10, 60, 180, 2)).toBe(0);
    expect(c.ink(150, 5, 2, 110)).toBe(0);
    // every ruling pixel, and nothing else, was changed (the crossing counts once)
    expect(changed).toBe(180 * 2 + 110 * 2 - 2 * 2);
    expect(c.ink(30, 10, 12, 18)).toBe(12 * 18);
    expect(c.ink(60, 20, 20, 2)).toBe(20 * 2);
    expect(c.ink(100, 10, 2, 18)).toBe(2 * 18);
  });

  it('bridges the small gaps of a broken fax line', () => {
    const c = canvas(200, 80);
    // 1–2 px gaps every few pixels along a horizontal and a vertical line
    for (let x = 10; x < 190; x++) if (x % 9 !== 0 && x % 13 !== 0) c.fill(x, 40, 1, 2);
    for (let y = 2; y < 78; y++) if (y % 7 !== 0) c.fill(170, y, 2, 1);
    const before = c.ink(0, 0, 200, 80);
    expect(before).toBeGreaterThan(0);
    removeRulings(c.px, c.width, c.height, 40, 60);
    expect(c.ink(0, 0, 200, 80)).toBe(0);
  });

  it('keeps a row of characters whose combined width exceeds a ruling', () => {
    const c = canvas(300, 60);
    // ten "digits" 12 px wide with letter spacing: 200 px of text on one line
    for (let i = 0; i < 10; i++) c.fill(20 + i * 20, 20, 12, 18);
    const before = c.ink(0, 0, 300, 60);
    expect(removeRulings(c.px, c.width, c.height, 40, 60)).toBe(0);
    expect(c.ink(0, 0, 300, 60)).toBe(before);
  });

  it('removes the part of a ruling that runs through a glyph and keeps the glyph above and below it', () => {
    const c = canvas(200, 60);
    c.fill(80, 15, 4, 30); // a digit's stem crossing the row's underline
    c.fill(5, 40, 190, 2);
    removeRulings(c.px, c.width, c.height, 40, 60);
    expect(c.ink(5, 40, 75, 2) + c.ink(84, 40, 111, 2)).toBe(0);
    expect(c.ink(80, 15, 4, 25)).toBe(4 * 25);
    expect(c.ink(80, 42, 4, 3)).toBe(4 * 3);
  });

  it('uses the vertical minimum for horizontal lines when no horizontal one is given', () => {
    const c = canvas(100, 40);
    c.fill(10, 20, 50, 2);
    expect(removeRulings(c.px, c.width, c.height, 60)).toBe(0);
    expect(removeRulings(c.px, c.width, c.height, 40)).toBe(100);
  });
});

describe('prepareForOcr', () => {
  it('passes a clean rendered text page through untouched', async () => {
    const png = await cleanPage();
    const prepared = await prepareForOcr(png);
    expect(prepared.steps).toEqual([]);
    expect(prepared.image).toBe(png);
  });

  it('smooths a halftoned page back into strokes, keeping its size and resolution', async () => {
    const png = await ditheredPage();
    const prepared = await prepareForOcr(png);
    expect(prepared.steps).toEqual(['dedither']);
    expect(prepared.image).not.toBe(png);
    const [inMeta, outMeta] = await Promise.all([sharp(png).metadata(), sharp(prepared.image).metadata()]);
    expect([outMeta.width, outMeta.height]).toEqual([inMeta.width, inMeta.height]);
    expect(outMeta.density).toBe(inMeta.density);
    expect(outMeta.format).toBe('png');
    const before = await greyPixels(png);
    const after = await greyPixels(prepared.image);
    // the dot pattern is gone: neighbouring pixels differ far less…
    expect(roughness(after.px, after.width, after.height)).toBeLessThan(
      roughness(before.px, before.width, before.height) / 3,
    );
    // …and the ink stays where the text is: blurred in place, not shifted, not lost
    const rowDarkness = (p: Uint8Array, w: number, h: number) =>
      Array.from({ length: h }, (_, y) => {
        let sum = 0;
        for (let x = 0; x < w; x++) sum += 255 - p[y * w + x]!;
        return sum;
      });
    const was = rowDarkness(before.px, before.width, before.height);
    const is = rowDarkness(after.px, after.width, after.height);
    is.forEach((d, y) => {
      if (d > 0) expect(was.slice(Math.max(0, y - 3), y + 4).some((v) => v > 0)).toBe(true);
    });
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(total(is)).toBeGreaterThan(total(was) * 0.8);
    expect(total(is)).toBeLessThan(total(was) * 1.2);
  });
});
