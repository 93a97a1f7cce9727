import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { createWorker, OEM, PSM } from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { readLostColumns } from '../../../src/pipeline/ocr/lost-columns.ts';
import { DEFAULT_OCR_LANGUAGES } from '../../../src/pipeline/ocr/ocr-engine.ts';
import { pageTextFromWords } from '../../../src/pipeline/ocr/page-text-from-words.ts';
import { tessdataDir } from '../../../src/pipeline/ocr/tessdata-dir.ts';
import { tesseractWords } from '../../../src/pipeline/ocr/tesseract-words.ts';
import { splitPages } from '../../../src/pipeline/pages/split-pages.ts';
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

  it('leaves alone a lone blob in a table, and ink outside tables', async () => {
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
    expect(calls).toHaveLength(0);
  });

  it('reads a lost column of a page read surely too (too short a column for the whole-page look)', async () => {
    const sure = read.map((w) => ({ ...w, conf: 0.95 }));
    const clean = await readLostColumns(
      content(sure),
      await image([...inked, ...lost]),
      sparseReader(['Menge', '12', '4'], []),
    );
    expect(clean.words.slice(sure.length).map((w) => w.text)).toEqual(['Menge', '12', '4']);
  });
});

describe('readLostColumns with tesseract.js', () => {
  it('reads the figures of a lost column from its strip', async () => {
    // a table page as the pages stage hands it to OCR (pdf-lib → 200 dpi grey PNG); its text layer
    // stands for the page reading, minus the "Menge" column it lost
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const pg = doc.addPage([595, 300]);
    const rows: [string, string, string, string][] = [
      ['Art.-Nr.', 'Bezeichnung', 'Menge', 'Preis'],
      ['10-4711', 'Senkkopfschraube M4x20', '12', '9.50'],
      ['AB-1020X', 'Kabelbinder schwarz', '40', '0.20'],
      ['20-1772', 'Holzbohrer 8 mm', '25', '4.10'],
    ];
    for (const [r, cells] of rows.entries())
      for (const [c, x] of [40, 130, 330, 420].entries())
        pg.drawText(cells[c]!, { x, y: 260 - r * 22, size: 10, font });
    const [page] = await splitPages(await doc.save());
    if (!page?.image || !page.words) throw new Error('render failed');
    const lostColumn = page.words.filter((w) => w.box[0] > 900 && w.box[0] < 1100);
    expect(lostColumn.map((w) => w.text)).toEqual(['Menge', '12', '40', '25']);
    const read = page.words.filter((w) => !lostColumn.includes(w)).map((w) => ({ ...w, conf: 0.7 }));
    // the sparse reader as ocr-engine.ts starts it
    const worker = await createWorker(
      DEFAULT_OCR_LANGUAGES,
      OEM.LSTM_ONLY,
      {
        langPath: await tessdataDir(DEFAULT_OCR_LANGUAGES),
        gzip: true,
        cacheMethod: 'none',
        // (no ita.special-words file ships with the Italian data)
      },
      { user_words_suffix: '' } as never,
    );
    try {
      await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
      const out = await readLostColumns(
        { ...content(read), width: page.width, height: page.height },
        page.image,
        async (png) => tesseractWords((await worker.recognize(png, {}, { blocks: true, text: false })).data),
      );
      const added = out.words.slice(read.length);
      for (const lost of lostColumn.filter((w) => /\d/.test(w.text))) {
        const found = added.find((w) => w.text === lost.text);
        expect(found, lost.text).toBeDefined();
        // where the page has it
        const centre = (b: Word['box']) => [b[0] + b[2] / 2, b[1] + b[3] / 2];
        const [fx, fy] = centre(found!.box);
        const [lx, ly] = centre(lost.box);
        expect(Math.abs(fx! - lx!)).toBeLessThan(6);
        expect(Math.abs(fy! - ly!)).toBeLessThan(6);
      }
      // the label too, so the quantity-cell rereading that follows knows the column (a lone digit
      // the sparse reading passes over is its to find)
      expect(added.map((w) => w.text)).toContain('Menge');
      expect(added.every((w) => w.box[0] > 880 && w.box[0] < 1120)).toBe(true);
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
