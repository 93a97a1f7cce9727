import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { addMissedWords } from '../../../src/pipeline/ocr/missed-words.ts';
import { uncoveredInk } from '../../../src/pipeline/ocr/uncovered-ink.ts';
import type { Word } from '../../../src/pipeline/types.ts';

const W = 800;
const H = 400;
/** A white page with word-sized ink blocks (20 px tall text), a ruling and specks. */
function page(blocks: [number, number, number][]): Uint8Array {
  const px = new Uint8Array(W * H).fill(255);
  const fill = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) px[y * W + x] = 0;
  };
  for (const [x, y, w] of blocks) fill(x, y, w, 20);
  fill(20, 380, 760, 2); // a table ruling
  for (let i = 0; i < 40; i++) fill((i * 97) % W, (i * 53) % 360, 2, 2); // specks
  return px;
}
const word = (text: string, x: number, y: number, w: number, conf = 0.95): Word => ({
  text,
  conf,
  box: [x, y, w, 20],
});
const blocks: [number, number, number][] = [
  [50, 50, 120],
  [200, 50, 80],
  [50, 100, 120],
  [500, 50, 40],
  [500, 100, 40],
  [500, 150, 40],
];
const read = [word('Artikel', 50, 50, 120), word('Menge', 200, 50, 80), word('10-4711', 50, 100, 120)];

describe('uncoveredInk', () => {
  it('finds text-sized ink no word accounts for, not rulings or specks', () => {
    const missed = uncoveredInk(page(blocks), W, H, read, 6, 12);
    expect(missed).toHaveLength(3);
    for (const b of missed) expect(b.x0).toBeGreaterThanOrEqual(496);
    expect(
      uncoveredInk(
        page(blocks),
        W,
        H,
        [...read, word('12', 500, 50, 40), word('4', 500, 100, 40), word('7', 500, 150, 40)],
        6,
        12,
      ),
    ).toEqual([]);
  });
});

describe('addMissedWords', () => {
  const png = (px: Uint8Array) =>
    sharp(px, { raw: { width: W, height: H, channels: 1 } })
      .png()
      .toBuffer();
  // many missed blobs, as when a whole table column was taken for an image
  const column: [number, number, number][] = Array.from({ length: 9 }, (_, i) => [500, 20 + i * 38, 40]);

  it("adds the sparse reading's words that land on missed ink, and only those", async () => {
    const image = await png(page([...blocks.slice(0, 3), ...column]));
    let calls = 0;
    const sparse = async (): Promise<Word[]> => {
      calls++;
      return [
        ...column.map(([x, y], i) => word(String(i + 1), x, y, 40, 0.9)),
        word('Artike1', 52, 50, 118, 0.9), // a second copy of a word the first reading has
        word('~', 700, 300, 10, 0.9), // no letters or digits
        word('9', 300, 300, 20, 0.9), // not on missed ink
      ];
    };
    const out = await addMissedWords(image, read, sparse);
    expect(calls).toBe(1);
    expect(out.added).toBe(9);
    expect(out.words.map((w) => w.text)).toEqual([
      ...read.map((w) => w.text),
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
  });

  it('reads a short column again: three figures one above the other, fewer than a page of stamps', async () => {
    const image = await png(page(blocks)); // "12", "4", "7" of a three-row table missed at x = 500
    const sparse = async (): Promise<Word[]> => [
      word('12', 500, 50, 40, 0.9),
      word('4', 500, 100, 40, 0.9),
      word('7', 500, 150, 40, 0.9),
    ];
    const out = await addMissedWords(image, read, sparse);
    expect(out.words.slice(3).map((w) => w.text)).toEqual(['12', '4', '7']);
  });

  it('leaves pages alone that lost little, or that read poorly overall', async () => {
    let calls = 0;
    const sparse = async (): Promise<Word[]> => {
      calls++;
      return [];
    };
    // three missed blobs scattered over the page (a stamp, a logo, a signature)
    const scattered: [number, number, number][] = [
      ...blocks.slice(0, 3),
      [500, 50, 40],
      [300, 160, 40],
      [650, 280, 40],
    ];
    const few = await addMissedWords(await png(page(scattered)), read, sparse);
    expect(few).toEqual({ words: read, added: 0 });
    const poor = read.map((w) => ({ ...w, conf: 0.6 }));
    const noisy = await addMissedWords(await png(page([...blocks.slice(0, 3), ...column])), poor, sparse);
    expect(noisy.added).toBe(0);
    expect(calls).toBe(0);
  });
});
