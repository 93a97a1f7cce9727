/**
 * A second look at the quantity column. Page-level layout analysis drops what the order hinges on:
 * a lone "4" beside its unit is taken for a speck, a "10" touching a cell border reads "10]" or
 * "HUE". Once the page is read, its table headers say where the quantities are; every item row
 * whose quantity cell has ink but no number is cropped, cleaned of its rulings and read again as
 * one text line. Words found that way replace what the page read had in that cell.
 *
 * A thin sans-serif on a standard-resolution fax reads wrong even then: the LSTM takes its open "4"
 * for "A" and its broken "0" for brackets, in crops a person reads at a glance. Tesseract's legacy
 * classifier, held to digits, reads those cells right (dev 0004: all six). Held to digits it makes
 * digits of anything, so its number only stands where the LSTM's letters look like it.
 */
import sharp from 'sharp';
import { type Cell, layoutLines, type TextLine } from '../extract/layout-lines.ts';
import { parseNumber } from '../extract/parse-number.ts';
import { splitSideBySide, tablesOf } from '../extract/side-by-side.ts';
import { learnQuantityEdge, placedCells, type TableHeader } from '../extract/table-columns.ts';
import type { PageContent, Word } from '../types.ts';
import { clearRulingColumns, inkOf, isolateRowText } from './cell-ink.ts';
import { boxOnPage, clampRect, cropPixels, type Rect } from './page-crop.ts';
import { removeRulings } from './prepare-for-ocr.ts';

/** Reads one cropped text line (PSM 7); boxes in the crop's pixels. */
export type ReadLine = (png: Buffer) => Promise<Word[]>;

/** A page never costs more than this many extra reads (a 30-row order form has 30 cells). */
const MAX_CELLS = 60;
/** Ink below this share of unit² is an empty cell or a speck (a "1" is ~0.1 unit²). */
const MIN_INK = 0.06;
/** Crops are enlarged ×2 (measured on the dev corpus: ×3 read fewer quantities right, F1 0.65 vs 0.68). */
const SCALE = 2;
const PAD = 12;
/** A reread must be at least this sure of its number to replace the page's reading. */
const MIN_CONF = 0.35;
/** The digit reader's confidence (a different scale: its right readings measured 0.67–0.78). */
const MIN_DIGITS_CONF = 0.5;
/** A number the page read this surely is not read again. */
const SURE = 0.8;

interface CellRect extends Rect {
  /** Centre line of the row the cell belongs to. */
  cy: number;
  /** Confidence of the number the page read had in the cell, null when it had none. */
  had: number | null;
  /** That number's digits. */
  hadDigits: string | null;
  /** That number reaches past the cell into the next column ("10 | ST" read as one word "1051"). */
  hadPast: boolean;
  /** The words the page read on the cell's line. */
  own: Set<Word>;
}

export async function rereadQuantityCells(
  content: PageContent,
  image: Buffer,
  readLine: ReadLine,
  opts: { smoothed?: boolean; readDigits?: ReadLine } = {},
): Promise<{ content: PageContent; reread: number }> {
  const lines = layoutLines(content);
  const rects = quantityCellsToRead(lines);
  if (rects.length === 0) return { content, reread: 0 };
  const { data, info } = await sharp(image).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const page = { px: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width };
  const unit = lines[0]?.unit ?? 20;
  let words = content.words;
  let reread = 0;
  for (const r of rects.slice(0, MAX_CELLS)) {
    const rect = clampRect(r, info.width, info.height);
    if (!rect) continue;
    const crop = cropPixels(page, rect);
    if (opts.smoothed) solidify(crop);
    const w = rect.x1 - rect.x0;
    const h = rect.y1 - rect.y0;
    removeRulings(crop, w, h, Math.round(unit * 1.3), Math.round(Math.min(w * 0.6, unit * 3)));
    clearRulingColumns(crop, w, h, unit);
    const text = isolateRowText(crop, w, h, unit, r.cy - rect.y0);
    if (!text || inkOf(crop) < unit * unit * MIN_INK) continue;
    const tight = {
      x0: rect.x0 + Math.max(0, text.x0 - 2),
      y0: rect.y0 + Math.max(0, text.y0 - 2),
      x1: rect.x0 + Math.min(w, text.x1 + 2),
      y1: rect.y0 + Math.min(h, text.y1 + 2),
    };
    const tw = tight.x1 - tight.x0;
    const th = tight.y1 - tight.y0;
    const png = await sharp(
      cropPixels(
        { px: crop, width: w },
        { x0: tight.x0 - rect.x0, y0: tight.y0 - rect.y0, x1: tight.x1 - rect.x0, y1: tight.y1 - rect.y0 },
      ),
      { raw: { width: tw, height: th, channels: 1 } },
    )
      .resize({ width: tw * SCALE, height: th * SCALE, kernel: 'cubic' })
      .extend({ top: PAD, bottom: PAD, left: PAD, right: PAD, background: '#ffffff' })
      .toColourspace('b-w')
      .withDensity(300)
      .png({ compressionLevel: 1 })
      .toBuffer();
    const lstm = await readLine(png);
    let found = lstm.filter((x) => x.conf >= MIN_CONF && /\d/.test(x.text)).map((x) => toPage(x, tight));
    let numbers = found.filter(isQuantity);
    if (numbers.length === 0 && opts.readDigits && lstm.length === 1) {
      // the LSTM read letters ("A", "B", "10)"): the digit reader's number stands where it is what
      // those letters look like
      // (a digit reader that fails, its data missing, costs this cell's second reading, not the page's)
      const read = (await opts.readDigits(png).catch((): Word[] => [])).filter(
        (x) => x.conf >= MIN_DIGITS_CONF && isQuantity(x),
      );
      if (read.length === 1 && looksLikeDigits(lstm[0]!.text, read[0]!.text))
        numbers = found = [toPage({ ...read[0]!, box: lstm[0]!.box }, tight)];
    }
    if (numbers.length === 0) continue;
    if (r.had !== null && Math.min(...numbers.map((x) => x.conf)) <= r.had) continue;
    // a crop that lost a digit at its edge reads "4" for the page's "24", and surely: the page's
    // number, holding all the crop read and more, stands
    const digits = numbers.map((x) => x.text.replace(/\D/g, '')).join('');
    // (unless the page's number took in the next column)
    if (r.hadDigits && !r.hadPast && r.hadDigits !== digits && r.hadDigits.includes(digits)) continue;
    // (the figure the page read over the same ink on this line goes, also one wider than the crop,
    // "‘25" with a speck: it had stood beside the number read again, and a form row took "‘25 25"
    // for 2 and 25 or for 225)
    const under = (x: Word): boolean =>
      r.own.has(x) && /\d/.test(x.text) && found.some((f) => covered(rectOf(f.box), x.box) >= 0.5);
    words = [
      ...words.filter((x) => !inside(x, tight) && !(r.hadPast && startsIn(x, tight)) && !under(x)),
      ...found,
    ];
    reread++;
  }
  if (reread === 0) return { content, reread };
  return { content: { ...content, words }, reread };
}

/** Cells under a quantity header that hold no readable number, as page rectangles. */
export function quantityCellsToRead(read: TextLine[]): CellRect[] {
  // (two tables side by side on a form: each has its own quantity column)
  const tables = tablesOf(splitSideBySide(read)).filter((t) =>
    t.header.columns.some((c) => c.kind === 'quantity'),
  );
  const out: CellRect[] = [];
  for (const t of tables) {
    // the rows that were read show where the numbers stand (right-aligned under a wide label)
    const edge = learnQuantityEdge(t.header, t.rows) ?? roughEdge(t.header, t.rows);
    for (const row of t.rows) {
      const rect = cellToRead(t.header, row, edge);
      if (rect) out.push(rect);
    }
  }
  return out;
}

/**
 * Without one clean number in the column ("10|", "8|" against the ruling), the right edges of the
 * cells that at least start with a digit show where the numbers end (median; two cells needed).
 */
function roughEdge(header: TableHeader, rows: TextLine[]): number | null {
  const edges = rows
    .flatMap((r) => placedCells(header, r))
    .filter((c) => c.kind === 'quantity' && /^\d/.test(c.text))
    .map((c) => c.cell.x1)
    .sort((a, b) => a - b);
  return edges.length >= 2 ? edges[Math.floor(edges.length / 2)]! : null;
}

function cellToRead(header: TableHeader, line: TextLine, edge: number | null): CellRect | null {
  const placed = placedCells(header, line);
  const qty = placed.filter((c) => c.kind === 'quantity');
  // item rows (something in the article or description column) and rows whose quantity stands on
  // a line of its own (ERP layouts print "1.000 PAK" under the description)
  const itemRow = placed.some(
    (c) => c.kind === 'article' || c.kind === 'customerArticle' || c.kind === 'description',
  );
  if (!itemRow && qty.length === 0) return null;
  // a number read with confidence stands; a doubtful one ("1560 000" for "100.000") is read again
  // and the surer reading wins
  const clean = qty.filter((c) => cleanNumber(c.cell));
  const had = clean.length > 0 ? Math.min(...clean[0]!.cell.words.map((w) => w.conf)) : null;
  const hadDigits = clean.length > 0 ? firstToken(clean[0]!.text).replace(/\D/g, '') : null;
  if (had !== null && had >= SURE) return null;
  const col = header.columns.find((c) => c.kind === 'quantity')!;
  const u = line.unit;
  // the crop stays inside the column's borders: reaching past them (to the next label, or to what
  // the page read there) took in the unit and the ruling, read as digits ("5 l" → "51"; measured)
  let x0 = Math.max(col.left, edge !== null ? edge - 4 * u : col.x0 - 2 * u);
  let x1 = Math.min(col.right, edge !== null ? edge + u : col.x1 + 2 * u);
  // where the numbers end: what starts before it holds the number, garbled with the unit ("5 STK"
  // read as "Get"), and is read again rather than cut off
  const numbersEnd = (edge ?? col.x1) - u * 0.3;
  for (const c of line.cells) {
    if (qty.some((q) => q.cell === c)) continue;
    // text overhanging from the left ("… Pack à 100 Stk") or starting on the right (the unit)
    if (c.x0 < x0 && c.x1 > x0) x0 = c.x1 + 2;
    else if (c.x0 >= Math.max(x0, numbersEnd) && c.x0 < x1) x1 = c.x0;
  }
  if (x1 - x0 < u * 0.6) return null;
  const cy = line.box[1] + line.box[3] / 2;
  const number = clean[0]?.cell.words[0];
  const hadPast = number !== undefined && number.box[0] + number.box[2] > x1 + u * 0.3;
  return {
    x0,
    y0: cy - u * 1.3,
    x1,
    y1: cy + u * 1.3,
    cy,
    had,
    hadDigits,
    hadPast,
    own: new Set(line.words),
  };
}

const firstToken = (text: string): string => text.trim().split(/\s+/)[0] ?? '';

/** A cell whose first token is a plain quantity ("10", "2,5", "1'000"). */
function cleanNumber(cell: Cell): boolean {
  const first = firstToken(cell.text);
  return /^\d[\d'’.,]*$/.test(first) && parseNumber(first.replace(/[,;.]$/, ''), 'quantity') !== null;
}

/**
 * A page smoothed from halftone dots (prepare-for-ocr.ts) has its strokes in mid grey with gaps
 * between the former dots; at the usual level of 128 a "5" falls apart into specks that are neither
 * a character nor ink enough to read. The crop is made black and white at the level that best
 * parts its strokes from its paper (Otsu's), which makes the strokes whole again.
 */
function solidify(px: Uint8Array): void {
  const level = otsuLevel(px);
  for (let i = 0; i < px.length; i++) px[i] = px[i]! < level ? 0 : 255;
}

/** The grey level that splits a crop's pixels into two classes of least spread (Otsu's method). */
function otsuLevel(px: Uint8Array): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of px) hist[v]!++;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * hist[v]!;
  let below = 0;
  let sumBelow = 0;
  let best = 128;
  let bestVar = -1;
  for (let t = 0; t < 255; t++) {
    below += hist[t]!;
    sumBelow += t * hist[t]!;
    const above = px.length - below;
    if (below === 0 || above === 0) continue;
    const m0 = sumBelow / below;
    const m1 = (sum - sumBelow) / above;
    const between = below * above * (m0 - m1) ** 2;
    if (between > bestVar) {
      bestVar = between;
      best = t + 1;
    }
  }
  return best;
}

/**
 * What digits of a faint or broken typeface are read as by the LSTM: "4" as "A", "8" as "B" or "&",
 * "0" as a bracket, "1" as a bar. Measured on the cells of standard-resolution faxes.
 */
const LOOKALIKES: Record<string, string> = {
  '0': 'OoDQU()[]{}',
  '1': 'lIi|!]',
  '2': 'Zz',
  '4': 'Aa',
  '5': 'Ss§',
  '6': 'bGé',
  '7': 'T',
  '8': 'B&',
  '9': 'gq',
};

/**
 * Whether `letters` (the LSTM's reading) is `digits` (the digit reader's) as the LSTM misreads
 * digits: each digit stands as itself or as a lookalike, in order, and at most one further
 * character (the other half of a "0" read "()", a ruling's remnant) is left over.
 */
export function looksLikeDigits(letters: string, digits: string): boolean {
  const want = digits.replace(/[.,']/g, '');
  const chars = [...letters.replace(/[.,']/g, '')];
  if (want.length === 0 || want.length > chars.length) return false;
  let i = 0;
  let skipped = 0;
  for (const d of want) {
    while (i < chars.length && chars[i] !== d && !LOOKALIKES[d]?.includes(chars[i]!)) {
      i++;
      skipped++;
    }
    if (i === chars.length) return false;
    i++;
  }
  return skipped + (chars.length - i) <= 1;
}

const isQuantity = (w: Word): boolean => parseNumber(w.text.replace(/[,;.]$/, ''), 'quantity') !== null;

function toPage(w: Word, r: Rect): Word {
  return { text: w.text, conf: w.conf, box: boxOnPage(w.box, r, SCALE, PAD) };
}

/** A word that starts in the rectangle, on its rows. */
function startsIn(w: Word, r: Rect): boolean {
  const cy = w.box[1] + w.box[3] / 2;
  return w.box[0] >= r.x0 - 2 && w.box[0] <= r.x1 && cy >= r.y0 && cy <= r.y1;
}

/** The share of the rectangle that the box covers. */
function covered(r: Rect, box: Word['box']): number {
  const w = Math.max(0, Math.min(r.x1, box[0] + box[2]) - Math.max(r.x0, box[0]));
  const h = Math.max(0, Math.min(r.y1, box[1] + box[3]) - Math.max(r.y0, box[1]));
  const area = (r.x1 - r.x0) * (r.y1 - r.y0);
  return area > 0 ? (w * h) / area : 0;
}

const rectOf = (box: Word['box']): Rect => ({
  x0: box[0],
  y0: box[1],
  x1: box[0] + box[2],
  y1: box[1] + box[3],
});

function inside(w: Word, r: Rect): boolean {
  const cx = w.box[0] + w.box[2] / 2;
  const cy = w.box[1] + w.box[3] / 2;
  return cx >= r.x0 && cx <= r.x1 && cy >= r.y0 && cy <= r.y1;
}
