/**
 * A second look at dates beside their labels. On a light or faint scan the page reading loses
 * the end of a date ("Delivery date: 13/0") or misreads a digit into an impossible one
 * ("2026-17-14"); the line read again on its own, its thin strokes thickened, mostly gives the
 * date whole. The second reading replaces the value only when it is a date where the first was
 * none, so a page read right is never changed.
 */
import sharp from 'sharp';
import { extractHeaderFields, unreadDateValues } from '../extract/header-fields.ts';
import { layoutLines, type TextLine } from '../extract/layout-lines.ts';
import type { PageContent, Word } from '../types.ts';
import { boxOnPage } from './page-crop.ts';
import type { ReadLine } from './reread-quantity-cells.ts';

/** A page never costs more than this many extra reads (a head has an order and a delivery date). */
const MAX_VALUES = 4;
/** How far right of the line's last word the value may go on (a date whose end was lost). */
const RIGHT = 8;
const SCALE = 2;
const PAD = 12;
/** Thickens thin strokes: blur, then everything not near-white is ink (measured on light scans). */
const BLUR = 1.5;
const THRESHOLD = 220;

export async function rereadHeaderDates(
  content: PageContent,
  image: Buffer,
  readLine: ReadLine,
  now: Date = new Date(),
): Promise<{ content: PageContent; reread: number }> {
  const lines = layoutLines(content);
  const targets = unreadDateValues(lines, now).slice(0, MAX_VALUES);
  if (targets.length === 0) return { content, reread: 0 };
  // (the page's words are in the pixels of the image read: its size is the page's)
  const { width, height } = content;
  let words = content.words;
  let reread = 0;
  for (const { line, labelEnd, nextLabel } of targets) {
    const u = line.unit;
    const x0 = Math.max(0, Math.floor(labelEnd + 1));
    const x1 = Math.min(
      width,
      Math.ceil(nextLabel !== null ? nextLabel - 1 : line.box[0] + line.box[2] + u * RIGHT),
    );
    const y0 = Math.max(0, Math.floor(line.box[1] - u * 0.3));
    const y1 = Math.min(height, Math.ceil(line.box[1] + line.box[3] + u * 0.3));
    if (x1 - x0 < u || y1 - y0 < 4) continue;
    const png = await sharp(image)
      .extract({ left: x0, top: y0, width: x1 - x0, height: y1 - y0 })
      .toColourspace('b-w')
      .resize({ width: (x1 - x0) * SCALE, height: (y1 - y0) * SCALE, kernel: 'cubic' })
      .normalise()
      .blur(BLUR)
      .threshold(THRESHOLD)
      .extend({ top: PAD, bottom: PAD, left: PAD, right: PAD, background: '#ffffff' })
      .withDensity(300)
      .png({ compressionLevel: 1 })
      .toBuffer();
    // (the words stand on the label's line, whatever height the reading gave them; specks it read
    // as a quote or a dot would make a line of their own and take the date along)
    const read = (await readLine(png))
      .filter((w) => /[\p{L}\d]/u.test(w.text))
      .map((w): Word => {
        const [x, , width] = boxOnPage(w.box, { x0, y0 }, SCALE, PAD);
        return { ...w, box: [x, line.box[1], width, line.box[3]] };
      });
    const before = line.words.filter((w) => w.box[0] + w.box[2] / 2 < x0);
    if (!datesOf(before, read, line, now)) continue;
    // the words the page read for the value (and anything after it on the line) give way
    const old = new Set(line.words.filter((w) => !before.includes(w) && w.box[0] + w.box[2] / 2 < x1));
    words = [...words.filter((w) => !old.has(w)), ...read];
    reread++;
  }
  return reread === 0 ? { content, reread } : { content: { ...content, words }, reread };
}

/** The label's words and the second reading make a line with an order or delivery date. */
function datesOf(label: Word[], read: Word[], line: TextLine, now: Date): boolean {
  if (read.length === 0) return false;
  const lines = layoutLines({
    page: line.page,
    width: line.pageWidth,
    height: line.pageHeight,
    source: 'ocr',
    words: [...label, ...read],
    text: '',
    confidence: 1,
  });
  const f = extractHeaderFields(lines, now);
  return f.orderDate !== null || f.deliveryDate !== null;
}
