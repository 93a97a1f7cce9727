import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readLostColumns } from '../../../src/pipeline/ocr/lost-columns.ts';
import { pageTextFromWords } from '../../../src/pipeline/ocr/page-text-from-words.ts';
import type { PageContent, Word } from '../../../src/pipeline/types.ts';

const W = 1000;
const H = 400;
const TEXT = 20;

type Block = [x: number, y: number, w: number];

/** A white page with word-sized ink blocks (20 px tall text). */
async function image(blocks: Block[]): Promise<Buffer> {
  const px = new Uint8Array(W * H).fill(255);
  for (const [x0, y0, w] of blocks)
    for (let y = y0; y < y0 + TEXT; y++) for (let x = x0; x < x0 + w; x++) px[y * W + x] = 0;
  return sharp(px, { raw: { width: W, height: H, channels: 1 } })
    .png()
    .toBuffer();
}
const word = (text: string, x: number, y: number, w: number, conf = 0.7): Word => ({
  text,
  conf,
  box: [x, y, w, TEXT],
});
function content(words: Word[]): PageContent {
  return {
    page: 1,
    width: W,
    height: H,
    source: 'ocr',
    words,
    text: pageTextFromWords(words),
    confidence: words.reduce((s, w) => s + w.conf, 0) / words.length,
  };
}

// a table whose page reading lost the quantity column (x = 600), header and figures alike
const read = [
  word('Art.-Nr.', 50, 50, 100),
  word('Bezeichnung', 200, 50, 160),
  word('Preis', 800, 50, 70),
  word('10-4711', 50, 100, 100),
  word('Senkkopfschraube', 200, 100, 390),
  word('9.50', 800, 100, 60),
  word('AB-1020X', 50, 150, 110),
  word('Kabelbinder', 200, 150, 160),
  word('0.20', 800, 150, 60),
];
const inked: Block[] = read.map((w) => [w.box[0], w.box[1], w.box[2]]);
const lost: Block[] = [
  [600, 50, 80], // "Menge"
  [610, 100, 30], // "12"
  [610, 150, 30], // "4"
];

/**
 * A sparse reading of the crop it gets: one word per ink block in it, in crop pixels, with the
 * texts given top to bottom (what tesseract would read there).
 */
function sparseReader(texts: string[], calls: { width: number; height: number }[]) {
  return async (png: Buffer): Promise<Word[]> => {
    const { data, info } = await sharp(png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    calls.push({ width: info.width, height: info.height });
    const rows: { x0: number; x1: number; y0: number; y1: number }[] = [];
    for (let y = 0; y < info.height; y++) {
      let x0 = -1;
      let x1 = -1;
      for (let x = 0; x < info.width; x++) {
        if (data[y * info.width + x]! >= 128) continue;
        if (x0 < 0) x0 = x;
        x1 = x;
      }
      if (x0 < 0) continue;
      const last = rows.at(-1);
      if (last && last.y1 === y - 1) {
        last.y1 = y;
        last.x0 = Math.min(last.x0, x0);
        last.x1 = Math.max(last.x1, x1);
      } else rows.push({ x0, x1, y0: y, y1: y });
    }
    return rows.map((r, i) => ({
      text: texts[i] ?? '?',
      conf: 0.9,
      box: [r.x0, r.y0, r.x1 - r.x0 + 1, r.y1 - r.y0 + 1],
    }));
  };
}

describe('readLostColumns', () => {
  it("reads a table column the page reading lost, and places its words on the page's rows", async () => {
    const calls: { width: number; height: number }[] = [];
    const out = await readLostColumns(
      content(read),
      await image([...inked, ...lost]),
      sparseReader(['Menge', '12', '4'], calls),
    );
    // one strip: the lost column only, every word read before whitened out of it
    expect(calls).toHaveLength(1);
    expect(calls[0]!.width).toBeLessThan(200);
    expect(out.added).toBe(3);
    const added = out.words.slice(read.length);
    expect(added.map((w) => w.text)).toEqual(['Menge', '12', '4']);
    for (const [i, w] of added.entries()) {
      expect(Math.abs(w.box[0] - lost[i]![0])).toBeLessThanOrEqual(1);
      expect(Math.abs(w.box[1] - lost[i]![1])).toBeLessThanOrEqual(1);
    }
  });

  it('keeps figures and words, not noise read as letters or unsure words', async () => {
    const out = await readLostColumns(content(read), await image([...inked, ...lost]), async (png) =>
      (await sparseReader(['hi', '12', 'o.4u'], [])(png)).map((w, i) => (i === 1 ? w : { ...w, conf: 0.95 })),
    );
    expect(out.words.slice(read.length).map((w) => w.text)).toEqual(['12']);
  });

  it('leaves alone a lone blob in a table, ink outside tables, and pages read surely', async () => {
    const calls: { width: number; height: number }[] = [];
    const reader = sparseReader(['x', 'y', 'z'], calls);
    // a stamp on one row only
    const stamp = await readLostColumns(content(read), await image([...inked, [600, 100, 60]]), reader);
    expect(stamp.added).toBe(0);
    // a column of figures below the table, far from its last row
    const below = await readLostColumns(
      content(read.slice(0, 6)),
      await image([...inked.slice(0, 6), [600, 300, 30], [600, 340, 30]]),
      reader,
    );
    expect(below.added).toBe(0);
    // a clean page is for the whole-page sparse reading
    const sure = read.map((w) => ({ ...w, conf: 0.95 }));
    const clean = await readLostColumns(content(sure), await image([...inked, ...lost]), reader);
    expect(clean).toEqual({ words: sure, added: 0 });
    expect(calls).toHaveLength(0);
  });
});
