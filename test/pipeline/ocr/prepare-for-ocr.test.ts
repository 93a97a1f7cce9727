import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  enclosedWhiteShare,
  inkRuns,
  prepareForOcr,
  removeRulings,
  singlePixelRunShare,
  thicken,
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

describe('inkRuns', () => {
  it("measures the strokes' width along the rows", () => {
    const c = canvas(120, 60);
    c.fill(10, 10, 3, 40); // stems three pixels wide
    c.fill(30, 10, 3, 40);
    expect(inkRuns(c.px, c.width, c.height).meanLength).toBe(3);
    const thin = canvas(120, 60);
    thin.fill(10, 10, 1, 40);
    thin.fill(30, 10, 2, 40);
    expect(inkRuns(thin.px, thin.width, thin.height).meanLength).toBe(1.5);
    expect(inkRuns(thin.px, thin.width, thin.height).singleShare).toBeCloseTo(1 / 3);
  });

  it('is 0 for a page without ink', () => {
    const blank = canvas(50, 20);
    expect(inkRuns(blank.px, blank.width, blank.height)).toEqual({ singleShare: 0, meanLength: 0 });
  });
});

describe('thicken', () => {
  it('grows each ink pixel one to the right and one down', () => {
    const c = canvas(10, 10);
    c.fill(4, 4, 1, 1);
    const out = thicken(c.px, c.width, c.height);
    const ink = [...out.keys()].filter((i) => out[i]! < 128).map((i) => [i % 10, Math.floor(i / 10)]);
    expect(ink).toEqual([
      [4, 4],
      [5, 4],
      [4, 5],
      [5, 5],
    ]);
    // the input stays as it was
    expect(c.ink(0, 0, 10, 10)).toBe(1);
  });

  it("keeps the page's edges in place", () => {
    const c = canvas(6, 4);
    c.fill(5, 3, 1, 1);
    c.fill(0, 0, 1, 1);
    const out = thicken(c.px, c.width, c.height);
    // the corner pixel grows into a 2×2 block, the one in the far corner has nowhere to grow
    expect([...out].filter((v) => v < 128)).toHaveLength(4 + 1);
  });
});

describe('enclosedWhiteShare', () => {
  it('counts the white pixels walled in by ink that dark halftone leaves, not the counters of letters', () => {
    const dark = canvas(60, 30);
    dark.fill(5, 5, 50, 20);
    // error diffusion of a dark grey: a white pixel every few, never two side by side
    for (let y = 6; y < 24; y += 2) for (let x = 6 + (y % 4); x < 54; x += 4) dark.px[y * 60 + x] = WHITE;
    expect(enclosedWhiteShare(dark.px, dark.width, dark.height)).toBeGreaterThan(0.1);

    const letters = canvas(60, 30);
    // an "o" and an "e" drawn two pixels wide: their counters are larger than one pixel
    letters.fill(5, 5, 10, 2);
    letters.fill(5, 15, 10, 2);
    letters.fill(5, 5, 2, 12);
    letters.fill(13, 5, 2, 12);
    letters.fill(25, 5, 10, 2);
    letters.fill(25, 10, 10, 2);
    letters.fill(25, 5, 2, 12);
    expect(enclosedWhiteShare(letters.px, letters.width, letters.height)).toBe(0);
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

  it('thickens the thin, broken strokes of faded print and nothing else', async () => {
    const { px, width, height } = await greyPixels(await cleanPage());
    // faded and frayed: every stroke cut down to its first two pixels along each row, the second
    // one lost now and then, every fifth row lost
    const faded = new Uint8Array(px.length).fill(WHITE);
    const ink = (i: number) => px[i]! < 128;
    for (let y = 0; y < height; y++) {
      if (y % 5 === 0) continue;
      for (let x = 2; x < width; x++) {
        const i = y * width + x;
        if (ink(i) && (!ink(i - 1) || (!ink(i - 2) && (x + y) % 3 !== 0))) faded[i] = INK;
      }
    }
    const png = (await encodePageImage(sharp(faded, { raw: { width, height, channels: 1 } }), 200)).image;
    const runs = inkRuns(faded, width, height);
    expect(runs.meanLength).toBeLessThan(2.1);
    expect(runs.singleShare).toBeGreaterThan(0.11);
    expect(runs.singleShare).toBeLessThan(0.25);
    const prepared = await prepareForOcr(png);
    expect(prepared.steps).toEqual(['thicken']);
    const after = await greyPixels(prepared.image);
    expect([after.width, after.height]).toEqual([width, height]);
    expect(inkRuns(after.px, after.width, after.height).meanLength).toBeGreaterThan(runs.meanLength + 0.5);
    // thickened in place: every ink pixel of the faded page is still ink
    expect([...faded.keys()].every((i) => faded[i]! >= 128 || after.px[i]! < 128)).toBe(true);
  });

  it('leaves thin but clean strokes as they are: a light typeface is no faded print', async () => {
    const { px, width, height } = await greyPixels(await cleanPage());
    // every stroke cut down to its first two pixels along each row, none frayed
    const light = new Uint8Array(px.length).fill(WHITE);
    for (let y = 0; y < height; y++)
      for (let x = 2; x < width; x++) {
        const i = y * width + x;
        if (px[i]! < 128 && (px[i - 1]! >= 128 || px[i - 2]! >= 128)) light[i] = INK;
      }
    expect(inkRuns(light, width, height).meanLength).toBeLessThan(2.1);
    const png = (await encodePageImage(sharp(light, { raw: { width, height, channels: 1 } }), 200)).image;
    expect((await prepareForOcr(png)).steps).toEqual([]);
  });

  it('passes a blank page through', async () => {
    const png = (
      await encodePageImage(
        sharp(new Uint8Array(200 * 100).fill(WHITE), { raw: { width: 200, height: 100, channels: 1 } }),
        200,
      )
    ).image;
    expect((await prepareForOcr(png)).steps).toEqual([]);
  });
});
