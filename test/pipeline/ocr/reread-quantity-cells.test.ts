import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutLines } from '../../../src/pipeline/extract/layout-lines.ts';
import { clearRulingColumns, inkComponents, isolateRowText } from '../../../src/pipeline/ocr/cell-ink.ts';
import { createOcrEngine } from '../../../src/pipeline/ocr/ocr-engine.ts';
import { prepareForOcr } from '../../../src/pipeline/ocr/prepare-for-ocr.ts';
import {
  looksLikeDigits,
  quantityCellsToRead,
  type ReadLine,
  rereadQuantityCells,
} from '../../../src/pipeline/ocr/reread-quantity-cells.ts';
import { tessdataDir } from '../../../src/pipeline/ocr/tessdata-dir.ts';
import { tesseractWords } from '../../../src/pipeline/ocr/tesseract-words.ts';
import { splitPages } from '../../../src/pipeline/pages/split-pages.ts';
import type { PageContent, RawPage, Word } from '../../../src/pipeline/types.ts';
import { pageFromRows } from '../extract/synthetic-page.ts';

// ---------------------------------------------------------------------------------------------
// Hand-made page words: one table, header and rows, boxes as OCR gives them (text height 24 px).

const H = 24;
function word(text: string, x: number, y: number, conf = 0.95): Word {
  return { text, box: [x, y, text.length * 13, H], conf };
}
function page(words: Word[]): PageContent {
  return { page: 1, width: 1700, height: 2300, source: 'ocr', words, text: '', confidence: 0.9 };
}
const COL = { pos: 100, art: 180, desc: 360, qty: 900, unit: 1040 };
const header = (y: number) => [
  word('Pos', COL.pos, y),
  word('Art.-Nr.', COL.art, y),
  word('Bezeichnung', COL.desc, y),
  word('Menge', COL.qty, y),
  word('Einheit', COL.unit, y),
];
/** A table row; qty null = nothing read in the quantity cell. */
function row(
  y: number,
  pos: string,
  art: string,
  desc: string,
  qty: Word | null,
  unit: string | null,
  unitX = COL.unit,
): Word[] {
  const out = [word(pos, COL.pos, y), word(art, COL.art, y)];
  let x = COL.desc;
  for (const part of desc.split(' ')) {
    out.push(word(part, x, y));
    x += part.length * 13 + 10;
  }
  if (qty) out.push(qty);
  if (unit) out.push(word(unit, unitX, y));
  return out;
}
/** A quantity right-aligned under "Menge" (its right edge at 960). */
const qty = (text: string, y: number, conf = 0.95) => word(text, 960 - text.length * 13, y, conf);

describe('quantityCellsToRead', () => {
  const words = [
    ...header(200),
    ...row(250, '1', '10-4711', 'Senkkopfschraube M4x20', qty('10', 250), 'Stk'),
    // a long unit word starting a little left of its column: the rectangle ends before it
    ...row(300, '2', '10-4712', 'Unterlegscheibe M4', null, 'Packungen', 975),
    ...row(350, '3', '10-4713', 'Mutter M4', qty('IL', 350, 0.41), 'Stk'),
    ...row(400, '4', '10-4714', 'Federring M4', qty('25', 400, 0.5), 'Stk'),
    ...row(450, '5', '10-4715', 'Scheibe M5', qty('12', 450), 'Stk'),
  ];
  const rects = quantityCellsToRead(layoutLines(page(words)));
  const at = (y: number) => rects.filter((r) => r.cy > y && r.cy < y + H);

  it('marks the quantity cell of rows whose page reading holds no sure number', () => {
    expect(rects.map((r) => Math.round(r.cy))).toEqual([312, 362, 412]);
    expect(at(300)[0]?.had).toBeNull(); // empty
    expect(at(350)[0]?.had).toBeNull(); // "IL" is no number
    expect(at(400)[0]?.had).toBe(0.5); // a doubtful "25" is read again, the surer reading wins
  });

  it('leaves rows with a sure number alone', () => {
    expect(at(250)).toEqual([]);
    expect(at(450)).toEqual([]);
  });

  it('puts the rectangle over the quantity column: not over the description, not over the unit', () => {
    for (const y of [300, 350, 400]) {
      const [r] = at(y);
      const line = words.filter((w) => w.box[1] === y);
      const desc = line.filter((w) => w.box[0] >= COL.desc && w.box[0] < COL.qty - 60);
      const unit = line.find((w) => w.box[0] > 960)!;
      expect(r).toBeDefined();
      expect(r!.x0).toBeGreaterThanOrEqual(Math.max(...desc.map((w) => w.box[0] + w.box[2])));
      expect(r!.x1).toBeLessThanOrEqual(unit.box[0]);
      // it covers where the quantities of this table stand (right-aligned at 960)
      expect(r!.x0).toBeLessThan(945);
      expect(r!.x1).toBeGreaterThanOrEqual(960);
      // one text line high, centred on the row
      expect(r!.y0).toBeLessThan(y);
      expect(r!.y1).toBeGreaterThan(y + H);
      expect(r!.y1 - r!.y0).toBeLessThan(50 * 2);
    }
  });

  // Regression (a rendered case is in 'rereadQuantityCells with tesseract.js'): with no clean number
  // to learn the column's edge from, the rectangle ended at the midpoint to the unit label (or two
  // text heights past the "Menge" label), short of what the page read in the cell: right-aligned
  // digits against the column's right border were cut off.
  it('covers the numbers the page read garbled in the quantity cell, right-aligned at their edge', () => {
    const garbled = [
      ...header(200),
      ...row(250, '1', '10-4711', 'Senkkopfschraube M4x20', word('10|', 960, 250, 0.79), 'Stk'),
      ...row(300, '2', '10-4712', 'Unterlegscheibe M4', word('4]', 975, 300, 0.67), 'Stk'),
    ];
    const rects = quantityCellsToRead(layoutLines(page(garbled)));
    expect(rects).toHaveLength(2);
    for (const [i, y] of [250, 300].entries()) {
      const read = garbled.find((w) => w.box[1] === y && /^\d/.test(w.text) && w.box[0] > COL.qty)!;
      // the crop starts at the column border (a wider one took in neighbours: a unit "l" read as
      // "1" became "51") but holds the right-aligned digits
      expect(rects[i]!.x0).toBeLessThanOrEqual(read.box[0] + read.box[2] / 2);
      expect(rects[i]!.x1).toBeGreaterThanOrEqual(read.box[0] + read.box[2]);
    }
  });

  // Regression (dev 0028): "5 STK" read as one word "Get" starting where the digit stands; the
  // rectangle ended at that word's start, left of the digit, and the cell was never read.
  it('covers a number the page read garbled together with its unit', () => {
    const glued = [
      ...header(200),
      ...row(250, '1', '10-4711', 'Senkkopfschraube M4x20', qty('10', 250), 'Stk'),
      // one word over the digit and the unit, placed in the unit column
      ...row(
        300,
        '2',
        '10-4712',
        'Unterlegscheibe M4',
        { ...word('Get', 947, 300, 0.4), box: [947, 300, 130, H] },
        null,
      ),
      ...row(350, '3', '10-4713', 'Mutter M4', qty('12', 350), 'Stk'),
    ];
    const rects = quantityCellsToRead(layoutLines(page(glued)));
    expect(rects).toHaveLength(1);
    expect(rects[0]!.x0).toBeLessThanOrEqual(947);
    expect(rects[0]!.x1).toBeGreaterThanOrEqual(960);
  });

  it('stops at a left-overhanging description ("… Pack à 100 Stk")', () => {
    const overhang = [
      ...header(200),
      ...row(250, '1', '10-4711', 'Senkkopfschraube M4x20', qty('10', 250), 'Stk'),
      // the description runs on into the quantity column, the quantity itself was lost
      ...row(300, '2', '10-4716', 'Kabelbinder schwarz 200 mm UV-beständig Pack', null, 'Stk'),
      ...row(350, '3', '10-4717', 'Holzbohrer 8 mm', qty('6', 350), 'Stk'),
    ];
    const desc = overhang.filter((w) => w.box[1] === 300 && w.box[0] >= COL.desc && w.text !== 'Stk');
    const descEnd = Math.max(...desc.map((w) => w.box[0] + w.box[2]));
    expect(descEnd).toBeGreaterThan(COL.qty - 40); // the overhang really reaches into the column
    const [r] = quantityCellsToRead(layoutLines(page(overhang)));
    expect(r?.x0).toBeGreaterThan(descEnd);
  });

  it('marks a description continuation line too, as an item row (its cell is checked for ink before any read)', () => {
    const withContinuation = [
      ...header(200),
      ...row(250, '1', '10-4711', 'Senkkopfschraube M4x20', qty('10', 250), 'Stk'),
      word('verzinkt', COL.desc, 290),
      ...row(340, '2', '10-4712', 'Unterlegscheibe M4', qty('8', 340), 'Stk'),
    ];
    const r = quantityCellsToRead(layoutLines(page(withContinuation)));
    expect(r.map((x) => Math.round(x.cy))).toEqual([302]);
  });

  it('marks the quantity cells of both halves of a form with two tables side by side', () => {
    const form = pageFromRows([
      'Art.-Nr.   Bezeichnung              Menge      Art.-Nr.   Bezeichnung              Menge',
      '10-4711    Senkkopfschraube M4x20   5          20-1772    Holzbohrer 8 mm          IL',
      '10-4712    Kabelbinder 200 mm       }          10-4713    Knieschoner Gel          3',
    ]);
    const qtyLabels = form.words.filter((w) => w.text === 'Menge');
    const rects = quantityCellsToRead(layoutLines(form));
    // the garbled "IL" under the right "Menge", the "}" under the left one
    expect(rects).toHaveLength(2);
    const under = (label: Word) =>
      rects.filter((r) => r.x0 <= label.box[0] + label.box[2] && r.x1 >= label.box[0]);
    expect(under(qtyLabels[0]!)).toHaveLength(1);
    expect(under(qtyLabels[1]!)).toHaveLength(1);
  });

  it('ignores lines far below the table and tables without a quantity column', () => {
    const far = [
      ...header(200),
      ...row(250, '1', '10-4711', 'Senkkopfschraube M4x20', qty('10', 250), 'Stk'),
      // a footer after a gap of many lines is no item row
      word('Bezahlung', COL.desc, 800),
      word('30', COL.qty + 30, 800),
      word('Tage', COL.unit, 800),
    ];
    expect(quantityCellsToRead(layoutLines(page(far)))).toEqual([]);
    const noQty = [
      word('Pos', COL.pos, 200),
      word('Art.-Nr.', COL.art, 200),
      word('Bezeichnung', COL.desc, 200),
      word('Preis', COL.qty, 200),
      ...row(250, '1', '10-4711', 'Senkkopfschraube M4x20', null, null),
    ];
    expect(quantityCellsToRead(layoutLines(page(noQty)))).toEqual([]);
  });
});

describe('looksLikeDigits', () => {
  it('takes the letters the LSTM reads for the digits of a faint typeface as those digits', () => {
    expect(looksLikeDigits('A', '4')).toBe(true);
    expect(looksLikeDigits('a', '4')).toBe(true);
    expect(looksLikeDigits('B', '8')).toBe(true);
    expect(looksLikeDigits('é', '6')).toBe(true);
    // a "0" broken into brackets, with its other half left over
    expect(looksLikeDigits('10)', '10')).toBe(true);
    expect(looksLikeDigits('Al}', '40')).toBe(true);
    expect(looksLikeDigits("1'Z5O", "1'250")).toBe(true);
  });

  it('rejects digits the letters do not look like, or more digits than the letters hold', () => {
    expect(looksLikeDigits('A', '1')).toBe(false);
    expect(looksLikeDigits('H', '1')).toBe(false);
    expect(looksLikeDigits('', '1')).toBe(false);
    // a bracket is no "41"; a ruling's remnant and two letters are no "111"
    expect(looksLikeDigits('{', '41')).toBe(false);
    expect(looksLikeDigits('[AW', '111')).toBe(false);
    expect(looksLikeDigits('1h', "1'1")).toBe(false);
    // two characters left over are too many
    expect(looksLikeDigits('xAx', '4')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Pixel clean-up of one crop.

describe('isolateRowText', () => {
  const W = 120;
  const HT = 60;
  const unit = 24;
  function crop() {
    const px = new Uint8Array(W * HT).fill(255);
    const fill = (x0: number, y0: number, w: number, h: number) => {
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) px[y * W + x] = 0;
    };
    return { px, fill };
  }
  const inkIn = (px: Uint8Array, x0: number, y0: number, w: number, h: number) => {
    let n = 0;
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (px[y * W + x]! < 128) n++;
    return n;
  };

  it('keeps a digit-sized blob and whitens a flat rule fragment and specks', () => {
    const { px, fill } = crop();
    fill(50, 20, 12, 20); // the digit, on the row's centre line (cy = 30)
    fill(5, 2, 70, 2); // what is left of the cell's top border
    fill(100, 50, 3, 3); // a speck below the line
    fill(20, 8, 2, 2); // a speck above it
    fill(90, 30, 1, 1); // a one-pixel speck beside the digit
    const kept = isolateRowText(px, W, HT, unit, 30);
    expect(kept).not.toBeNull();
    expect(inkIn(px, 50, 20, 12, 20)).toBe(12 * 20);
    expect(inkIn(px, 0, 0, W, HT)).toBe(12 * 20);
    expect(inkComponents(px, W, HT)).toHaveLength(1);
    expect(kept!.x0).toBe(50);
    expect(kept!.x1).toBe(62);
    expect(kept!.y0).toBe(20);
    expect(kept!.y1).toBe(40);
  });

  it("drops a speck in the band before the first digit (it read as '\"3'), keeps marks between digits", () => {
    const { px, fill } = crop();
    fill(30, 22, 3, 3); // a speck at mid-height, left of the number
    fill(40, 20, 12, 20); // first digit
    fill(54, 37, 3, 3); // the decimal point between the digits
    fill(58, 20, 12, 20); // second digit
    const kept = isolateRowText(px, W, HT, unit, 30);
    expect(kept).toMatchObject({ x0: 40, x1: 70 });
    expect(inkIn(px, 30, 22, 3, 3)).toBe(0);
    expect(inkIn(px, 54, 37, 3, 3)).toBe(9);
  });

  it("keeps the row nearest the centre and drops a neighbouring row's digit", () => {
    const { px, fill } = crop();
    fill(40, 22, 12, 20); // this row's digit
    fill(80, 44, 12, 16); // the top of the next row's digit, cut by the crop
    const kept = isolateRowText(px, W, HT, unit, 32);
    expect(kept).toMatchObject({ x0: 40, x1: 52 });
    expect(inkIn(px, 80, 44, 12, 16)).toBe(0);
  });

  it('keeps a decimal point inside the line', () => {
    const { px, fill } = crop();
    fill(30, 20, 12, 20);
    fill(46, 36, 4, 4); // "2.5": the point sits on the baseline
    fill(54, 20, 12, 20);
    const kept = isolateRowText(px, W, HT, unit, 30);
    expect(inkIn(px, 46, 36, 4, 4)).toBe(16);
    expect(kept).toMatchObject({ x0: 30, x1: 66 });
  });

  it('returns null for a cell holding only rule fragments and specks', () => {
    const { px, fill } = crop();
    fill(0, 2, W, 2);
    fill(60, 30, 2, 2);
    expect(isolateRowText(px, W, HT, unit, 30)).toBeNull();
  });

  it('drops a thin stroke cut by the side of the crop (a piece of the column ruling), keeps a "1"', () => {
    const { px, fill } = crop();
    fill(40, 20, 12, 20); // a digit
    fill(60, 20, 3, 18); // a "1" beside it
    fill(W - 3, 18, 3, 22); // the ruling's piece at the crop's right side
    const kept = isolateRowText(px, W, HT, unit, 30);
    expect(kept).toMatchObject({ x0: 40, x1: 63 });
    expect(inkIn(px, W - 3, 18, 3, 22)).toBe(0);
  });

  it('clears a vertical ruling broken into short pieces, not digits standing above one another', () => {
    const { px, fill } = crop();
    // the ruling: pieces of 8 px with gaps of 3 px, over the whole crop's height
    for (let y = 0; y < HT; y += 11) fill(100, y, 2, Math.min(8, HT - y));
    // the same "1" in this row and in the rows above and below, a text height apart
    fill(60, 0, 3, 7);
    fill(60, 20, 3, 17);
    fill(60, 50, 3, 10);
    fill(40, 20, 12, 17); // and a digit beside it
    expect(clearRulingColumns(px, W, HT, unit)).toBeGreaterThan(0);
    expect(inkIn(px, 98, 0, 6, HT)).toBe(0);
    expect(inkIn(px, 60, 20, 3, 17)).toBe(3 * 17);
    expect(inkIn(px, 40, 20, 12, 17)).toBe(12 * 17);
  });
});

// ---------------------------------------------------------------------------------------------
// A rendered table page (pdf-lib → our pages stage at 200 dpi; pdfjs brings its own fonts, so no
// system fonts are needed), read again with a real tesseract.js single-line worker.

interface Printed {
  text: string;
  /** Pixels (200 dpi) from the left: the left edge, or the right edge of a right-aligned number. */
  x: number;
  baseline: number;
  end?: boolean;
}

const PITCH = 50;
const TOP = 15;
const ROWS = 5;
/** Column rulings: pos | article | description | quantity | unit. */
const RULES_X = [20, 90, 250, 620, 740, 900];
const QTY_CELL = { x0: 620, x1: 740 };
const lineY = (r: number) => TOP + r * PITCH;
const baseline = (r: number) => lineY(r) + 34;
const WIDTH = 1000;
const HEIGHT = lineY(ROWS + 1) + 20;
/** PDF points per pixel at the pages stage's 200 dpi. */
const PT = 72 / 200;

/**
 * The table page as the pages stage hands it to OCR (8-bit grey PNG, 200 dpi), and its words with
 * the ink boxes a page OCR reports (the text layer's boxes shrunk to the ink inside them).
 */
async function renderTable(items: Printed[], fontPx: number): Promise<{ png: Buffer; words: Word[] }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pg = doc.addPage([WIDTH * PT, HEIGHT * PT]);
  const size = fontPx * PT;
  const line = (x0: number, y0: number, x1: number, y1: number) =>
    pg.drawLine({
      start: { x: x0 * PT, y: (HEIGHT - y0) * PT },
      end: { x: x1 * PT, y: (HEIGHT - y1) * PT },
      thickness: 2 * PT,
      color: rgb(0, 0, 0),
    });
  for (let r = 0; r <= ROWS + 1; r++) line(20, lineY(r), 900, lineY(r));
  for (const x of RULES_X) line(x, TOP, x, lineY(ROWS + 1));
  for (const t of items) {
    // one text item per word, so the text layer gives every word its exact box
    let x = (t.end ? t.x - font.widthOfTextAtSize(t.text, size) / PT : t.x) * PT;
    for (const part of t.text.split(' ')) {
      pg.drawText(part, { x, y: (HEIGHT - t.baseline) * PT, size, font });
      x += font.widthOfTextAtSize(`${part} `, size);
    }
  }
  const [page] = await splitPages(await doc.save());
  if (!page?.image || !page.words || page.dpi !== 200) throw new Error('render failed');
  const { data, info } = await sharp(page.image)
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const words = page.words.map((w): Word => {
    const [bx, by, bw, bh] = w.box.map(Math.round) as [number, number, number, number];
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -1;
    let y1 = -1;
    for (let y = Math.max(0, by); y < Math.min(info.height, by + bh); y++)
      for (let x = Math.max(0, bx); x < Math.min(info.width, bx + bw); x++)
        if (data[y * info.width + x]! < 128) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x);
          y1 = Math.max(y1, y);
        }
    if (x1 < 0) throw new Error(`no ink under "${w.text}"`);
    return { text: w.text, box: [x0, y0, x1 - x0 + 1, y1 - y0 + 1], conf: 0.93 };
  });
  return { png: page.image, words };
}

/** The unit column's label and values stand a little into their cell, as on most forms. */
const UNIT_X = 790;

function tableRow(r: number, pos: string, art: string, desc: string, qty: string, unit: string): Printed[] {
  const y = baseline(r);
  const out: Printed[] = [
    { text: pos, x: 40, baseline: y },
    { text: art, x: 105, baseline: y },
    { text: desc, x: 265, baseline: y },
    { text: unit, x: UNIT_X, baseline: y },
  ];
  if (qty) out.push({ text: qty, x: 720, baseline: y, end: true });
  return out;
}

const HEADER: Printed[] = [
  { text: 'Pos', x: 30, baseline: baseline(0) },
  { text: 'Art.-Nr.', x: 105, baseline: baseline(0) },
  { text: 'Bezeichnung', x: 265, baseline: baseline(0) },
  { text: 'Menge', x: 635, baseline: baseline(0) },
  { text: 'Einheit', x: UNIT_X, baseline: baseline(0) },
];
const ROW_ITEMS = [
  tableRow(1, '1', '10-4711', 'Senkkopfschraube M4x20', '10', 'Stk'),
  tableRow(2, '2', '10-4712', 'Unterlegscheibe M4', '4', 'Stk'),
  tableRow(3, '3', '10-4713', 'Mutter M4', '8', 'Stk'),
  tableRow(4, '4', '10-4714', 'Federring M4', '', 'Stk'),
  tableRow(5, '5', '10-4715', 'Scheibe M5', '25', 'Stk'),
];
/** The same table in smaller print, its quantities right-aligned against the column ruling. */
const AGAINST_RULING = [...HEADER, ...ROW_ITEMS.flat()].map((t) =>
  t.end ? { ...t, x: QTY_CELL.x1 - 4 } : t,
);

const inRow = (w: Word, r: number) => {
  const cy = w.box[1] + w.box[3] / 2;
  return cy > lineY(r) && cy < lineY(r + 1);
};
const inQtyCell = (w: Word, r: number) => {
  const cx = w.box[0] + w.box[2] / 2;
  return inRow(w, r) && cx > QTY_CELL.x0 && cx < QTY_CELL.x1;
};
/** What a page's quantity cells hold, row by row ('' = nothing). */
const quantityCells = (words: Word[]) =>
  [1, 2, 3, 4, 5].map((r) =>
    words
      .filter((w) => inQtyCell(w, r))
      .map((w) => w.text)
      .join(' '),
  );

describe('rereadQuantityCells with tesseract.js', () => {
  let worker: Worker;
  let png: Buffer;
  let printed: Word[];
  let printedFour: Word;
  let content: PageContent;
  const reads: Buffer[] = [];
  const readLine: ReadLine = async (crop) => {
    reads.push(crop);
    const result = await worker.recognize(crop, {}, { blocks: true, text: false });
    return tesseractWords(result.data);
  };
  const pageOf = (words: Word[]): PageContent => ({
    page: 1,
    width: WIDTH,
    height: HEIGHT,
    source: 'ocr',
    words,
    text: '',
    confidence: 0.9,
  });

  beforeAll(async () => {
    // the cell reader as ocr-engine.ts starts it: English, LSTM, one text line
    worker = await createWorker(['eng'], OEM.LSTM_ONLY, {
      langPath: await tessdataDir(['eng']),
      gzip: true,
      cacheMethod: 'none',
    });
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE });
    ({ png, words: printed } = await renderTable([...HEADER, ...ROW_ITEMS.flat()], 26));
    // what the page OCR made of the quantities: row 2's lone "4" was taken for a speck, row 3's
    // "8" read as garbage
    printedFour = printed.find((w) => w.text === '4' && inQtyCell(w, 2))!;
    content = pageOf(
      printed
        .filter((w) => w !== printedFour)
        .map((w) => (w.text === '8' && inQtyCell(w, 3) ? { ...w, text: 'B|', conf: 0.42 } : w)),
    );
  });
  afterAll(async () => {
    await worker?.terminate();
    await digitWorker?.terminate();
  });

  // the digit reader as ocr-engine.ts starts it: the legacy classifier, held to digits
  let digitWorker: Worker | undefined;
  const readDigits: ReadLine = async (crop) => {
    if (!digitWorker) {
      digitWorker = await createWorker(['eng'], OEM.TESSERACT_ONLY, {
        langPath: await tessdataDir(['eng'], 'legacy'),
        gzip: true,
        cacheMethod: 'none',
      });
      await digitWorker.setParameters({
        tessedit_pageseg_mode: PSM.SINGLE_LINE,
        tessedit_char_whitelist: "0123456789.,'",
        classify_enable_learning: '0',
      } as never);
    }
    return tesseractWords((await digitWorker.recognize(crop, {}, { blocks: true, text: false })).data);
  };
  /** The LSTM as it reads a faint typeface: "4" as "A", "8" as "B". */
  const readsLetters: ReadLine = async (crop) =>
    (await readLine(crop)).map((w) => ({ ...w, text: w.text.replace(/4/g, 'A').replace(/8/g, 'B') }));

  // Regression (dev 0004, a thin sans-serif on a standard-resolution fax): the cells were clean
  // after the crop, but the LSTM read "4" as "A", "8" as "B" and "10" as "10)", so no quantity was
  // found; tesseract's legacy classifier held to digits read all of them right.
  it("takes the digit reader's number where the LSTM read letters that look like it", async () => {
    const letters = await rereadQuantityCells(content, png, readsLetters);
    expect(quantityCells(letters.content.words)).toEqual(['10', '', 'B|', '', '25']);
    const { content: out } = await rereadQuantityCells(content, png, readsLetters, { readDigits });
    expect(quantityCells(out.words)).toEqual(['10', '4', '8', '', '25']);
    // the number has the box of what the LSTM read (the digit reader's boxes are per line)
    const four = out.words.find((w) => inQtyCell(w, 2))!;
    for (const [i, v] of four.box.entries()) expect(Math.abs(v - printedFour.box[i]!)).toBeLessThanOrEqual(3);
  });

  it('reads the other cells when the digit reader fails (its data missing): only that reading is lost', async () => {
    const failing: ReadLine = async () => {
      throw new Error('legacy traineddata missing');
    };
    const { content: out } = await rereadQuantityCells(content, png, readLine, { readDigits: failing });
    expect(quantityCells(out.words)).toEqual(['10', '4', '8', '', '25']);
    const { content: letters } = await rereadQuantityCells(content, png, readsLetters, {
      readDigits: failing,
    });
    expect(quantityCells(letters.words)).toEqual(['10', '', 'B|', '', '25']);
  });

  it('keeps nothing of the digit reader where the LSTM read letters unlike its digits', async () => {
    const unlike: ReadLine = async (crop) => (await readLine(crop)).map((w) => ({ ...w, text: 'H' }));
    const { content: out } = await rereadQuantityCells(content, png, unlike, { readDigits });
    expect(quantityCells(out.words)).toEqual(['10', '', 'B|', '', '25']);
  });

  // Regression (dev 0004): "10 | ST" read as one word "1051"; the crop read "10", but a page number
  // holding the crop's digits and more was kept, as if the crop had lost a digit at its edge.
  it("replaces a page number that took in the next column's unit", async () => {
    // the word runs from the "10" over the ruling into the unit's cell, as on the fax
    const ten = printed.find((w) => w.text === '10' && inQtyCell(w, 1))!;
    const glued: Word = {
      text: '1051',
      box: [ten.box[0], ten.box[1], QTY_CELL.x1 + 25 - ten.box[0], ten.box[3]],
      conf: 0.43,
    };
    const words = [...printed.filter((w) => w !== ten), glued];
    expect(quantityCells(words)[0]).toBe('1051');
    const { content: out } = await rereadQuantityCells(pageOf(words), png, readLine);
    expect(quantityCells(out.words)[0]).toBe('10');
    expect(out.words.some((w) => w.text === '1051')).toBe(false);
  });

  // Regression (s8100 0031, s8000 0015 and 45 more cells on 43 pages): a page word wider than the
  // crop, a speck or a ruling read with the number, was left beside the number read again
  it('replaces a page word over the same ink that is wider than the crop', async () => {
    const five = printed.find((w) => w.text === '25' && inQtyCell(w, 5))!;
    const specked: Word = {
      text: '‘25',
      box: [five.box[0] - 40, five.box[1], five.box[2] + 40, five.box[3]],
      conf: 0.5,
    };
    const words = [...printed.filter((w) => w !== five), specked];
    expect(quantityCells(words)[4]).toBe('‘25');
    const { content: out } = await rereadQuantityCells(pageOf(words), png, readLine);
    expect(quantityCells(out.words)[4]).toBe('25');
  });

  it('finds the lost quantity in its cell and replaces garbage with the number', async () => {
    expect(printedFour).toBeDefined();
    expect(quantityCells(content.words)).toEqual(['10', '', 'B|', '', '25']);
    reads.length = 0;
    const { content: out, reread } = await rereadQuantityCells(content, png, readLine);
    expect(reread).toBeGreaterThanOrEqual(1);
    // sure numbers ("10", "25") stay as they were, the blank cell gains nothing
    expect(quantityCells(out.words)).toEqual(['10', '4', '8', '', '25']);
    // the "4" has its box where it is printed (crop coordinates mapped back onto the page)
    const four = out.words.find((w) => inQtyCell(w, 2))!;
    for (const [i, v] of four.box.entries()) expect(Math.abs(v - printedFour.box[i]!)).toBeLessThanOrEqual(3);
    // the rows' other words are untouched, their units still there
    for (const r of [2, 3]) {
      const before = content.words.filter((w) => inRow(w, r) && !inQtyCell(w, r));
      const after = out.words.filter((w) => inRow(w, r) && !inQtyCell(w, r));
      expect(after).toEqual(before);
      expect(after.some((w) => w.text === 'Stk')).toBe(true);
    }
    // the blank cell was skipped before OCR: only the two cells with ink cost a read
    expect(reads).toHaveLength(2);
  });

  it('changes nothing and reads nothing on a page without doubtful quantity cells', async () => {
    reads.length = 0;
    const sure = pageOf(printed);
    const result = await rereadQuantityCells(sure, png, readLine);
    expect(result.reread).toBe(0);
    expect(result.content).toBe(sure);
    expect(reads).toHaveLength(0);
  });

  // Regression: with no clean number in the column to learn the quantity edge from, the crop ended
  // two text heights right of the "Menge" label, well inside the column. Numbers printed against
  // the column's right ruling were clipped: "10" was read again as "1" and added beside the page's
  // "10|" ("25|" got a "2"), and the lone "4" lay outside the crop altogether.
  it('reads numbers printed against the column ruling when no clean number shows the column edge', async () => {
    const table = await renderTable(AGAINST_RULING, 20);
    // the page OCR glued the ruling to every number ("10|": no quantity) and lost the lone "4"
    const words = table.words
      .filter((w) => !(w.text === '4' && inQtyCell(w, 2)))
      .map((w) =>
        [1, 3, 5].some((r) => inQtyCell(w, r))
          ? {
              text: `${w.text}|`,
              box: [w.box[0], w.box[1], QTY_CELL.x1 - w.box[0], w.box[3]] as Word['box'],
              conf: 0.8,
            }
          : w,
      );
    expect(quantityCells(words)).toEqual(['10|', '', '8|', '', '25|']);
    const { content: out } = await rereadQuantityCells(pageOf(words), table.png, readLine);
    expect(quantityCells(out.words)).toEqual(['10', '4', '8', '', '25']);
  });

  // Regression (dev 0028 p. 3): the crop of "24" read "4", surer than the page's "24"
  it("keeps the page's number when the second reading holds only part of its digits", async () => {
    const doubtful = pageOf(
      printed.map((w) => (w.text === '25' && inQtyCell(w, 5) ? { ...w, conf: 0.5 } : w)),
    );
    // a read that lost the first digit at the crop's edge, as tesseract does on worn print
    const losesFirstDigit: ReadLine = async (crop) =>
      (await readLine(crop)).map((w) =>
        /^\d\d+$/.test(w.text) ? { ...w, text: w.text.slice(1), conf: 0.97 } : w,
      );
    const { content: out } = await rereadQuantityCells(doubtful, png, losesFirstDigit);
    expect(quantityCells(out.words)[4]).toBe('25');
    // a reading with all the page's digits and more certainty still replaces it
    const { content: same } = await rereadQuantityCells(doubtful, png, async (crop) =>
      (await readLine(crop)).map((w) => ({ ...w, conf: 0.97 })),
    );
    expect(same.words.find((w) => inQtyCell(w, 5))?.conf).toBe(0.97);
  });

  // Regression (dev 0028, a photo-mode fax): on a page smoothed from halftone dots the digits are
  // mid-grey; at the usual ink level they fell apart into specks and no cell was read.
  it('reads the cells of a page smoothed from halftone dots', async () => {
    const { data, info } = await sharp(png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    // a checkerboard of the print: the dots a photo-mode fax makes of solid black
    const dots = Buffer.alloc(data.length, 255);
    for (let y = 0; y < info.height; y++)
      for (let x = y % 2; x < info.width; x += 2) dots[y * info.width + x] = data[y * info.width + x]!;
    const dotted = await sharp(dots, { raw: { width: info.width, height: info.height, channels: 1 } })
      .withDensity(200)
      .png()
      .toBuffer();
    const prepared = await prepareForOcr(dotted);
    expect(prepared.steps).toEqual(['dedither']);
    reads.length = 0;
    const before = await rereadQuantityCells(content, prepared.image, readLine);
    expect(reads).toHaveLength(0);
    expect(quantityCells(before.content.words)[1]).toBe('');
    const { content: out } = await rereadQuantityCells(content, prepared.image, readLine, { smoothed: true });
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(quantityCells(out.words)[1]).toBe('4');
  });
});

describe('OCR engine with quantity cells read again', () => {
  it('reads the quantities of a ruled table, also those printed against the ruling', async () => {
    const { png } = await renderTable(AGAINST_RULING, 20);
    const raw: RawPage = {
      page: 1,
      width: WIDTH,
      height: HEIGHT,
      dpi: 200,
      image: png,
      words: null,
      source: 'image',
      rotated: 0,
    };
    const warnings: string[] = [];
    const engine = await createOcrEngine({
      languages: ['eng'],
      workers: 1,
      logger: { debug: () => {}, warn: (_obj, msg) => warnings.push(msg ?? '') },
    });
    try {
      const content = await engine.recognize(raw);
      expect(quantityCells(content.words)).toEqual(['10', '4', '8', '', '25']);
      expect(content.text).toMatch(/Unterlegscheibe M4\s+4\s+Stk/);
      // the second look ran without failing (a failure would leave the first reading silently)
      expect(warnings).toEqual([]);
    } finally {
      await engine.close();
    }
  });
});
