import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractHeaderFields, unreadDateValues } from '../../../src/pipeline/extract/header-fields.ts';
import { layoutLines } from '../../../src/pipeline/extract/layout-lines.ts';
import { rereadHeaderDates } from '../../../src/pipeline/ocr/reread-header-dates.ts';
import type { ReadLine } from '../../../src/pipeline/ocr/reread-quantity-cells.ts';
import { tessdataDir } from '../../../src/pipeline/ocr/tessdata-dir.ts';
import { tesseractWords } from '../../../src/pipeline/ocr/tesseract-words.ts';
import { splitPages } from '../../../src/pipeline/pages/split-pages.ts';
import type { PageContent, Word } from '../../../src/pipeline/types.ts';

const NOW = new Date('2026-08-20T00:00:00Z');

/** A page head in a light grey, as a pale scan prints it; its words from the text layer. */
async function paleHead(): Promise<{ png: Buffer; words: Word[]; width: number; height: number }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pg = doc.addPage([595, 842]);
  const grey = rgb(0.62, 0.62, 0.62);
  const text = (s: string, x: number, y: number) => {
    // one text item per word, so the text layer gives each word its box
    for (const part of s.split(' ')) {
      pg.drawText(part, { x, y, size: 11, font, color: grey });
      x += font.widthOfTextAtSize(`${part} `, 11);
    }
  };
  text('Order date: 04/08/2026', 330, 700);
  text('Delivery date: 13/08/2026', 330, 684);
  for (let i = 0; i < 8; i++) text(`Position ${i + 1} Senkkopfschraube M4x20`, 60, 600 - i * 16);
  const [page] = await splitPages(await doc.save());
  if (!page?.image || !page.words) throw new Error('render failed');
  return { png: page.image, words: page.words, width: page.width, height: page.height };
}

/** The page as read, but for the delivery date, of which the reading kept "13/0". */
function readWithLostEnd(head: { words: Word[]; width: number; height: number }): PageContent {
  const words = head.words.map((w) =>
    w.text === '13/08/2026'
      ? { ...w, text: '13/0', box: [w.box[0], w.box[1], w.box[2] * 0.4, w.box[3]] as Word['box'], conf: 0.6 }
      : w,
  );
  return {
    page: 1,
    width: head.width,
    height: head.height,
    source: 'ocr',
    words,
    text: '',
    confidence: 0.8,
  };
}

describe('rereadHeaderDates', () => {
  let worker: Worker;
  let readLine: ReadLine;
  let head: Awaited<ReturnType<typeof paleHead>>;

  beforeAll(async () => {
    head = await paleHead();
    worker = await createWorker(['eng'], OEM.LSTM_ONLY, {
      langPath: await tessdataDir(['eng']),
      gzip: true,
      cacheMethod: 'none',
    });
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE });
    readLine = async (png) =>
      tesseractWords((await worker.recognize(png, {}, { blocks: true, text: false })).data);
  }, 60_000);
  afterAll(async () => {
    await worker?.terminate();
  });

  it('marks only the date label whose value reads as no date', () => {
    const targets = unreadDateValues(layoutLines(readWithLostEnd(head)), NOW);
    expect(targets.map((t) => t.line.text)).toEqual(['Delivery date: 13/0']);
  });

  it('reads a date whose end the page reading lost, on the pale line thickened', async () => {
    const content = readWithLostEnd(head);
    expect(extractHeaderFields(layoutLines(content), NOW).deliveryDate).toBeNull();
    const { content: after, reread } = await rereadHeaderDates(content, head.png, readLine, NOW);
    expect(reread).toBe(1);
    const fields = extractHeaderFields(layoutLines(after), NOW);
    expect(fields.deliveryDate?.value).toBe('2026-08-13');
    // the order date, read right the first time, is the page reading's
    expect(fields.orderDate?.value).toBe('2026-08-04');
    expect(after.words.some((w) => w.text === '13/0')).toBe(false);
  }, 60_000);

  it("keeps the date on its label's line beside a speck the second reading gave, higher up", async () => {
    const content = readWithLostEnd(head);
    // (boxes in the crop's pixels, twice the page's, after a 12-pixel margin)
    const withSpeck: ReadLine = async () => [
      { text: '13/08/2026', box: [30, 0, 190, 44], conf: 0.74 },
      { text: '’', box: [300, 0, 8, 8], conf: 0.39 },
    ];
    const { content: after, reread } = await rereadHeaderDates(content, head.png, withSpeck, NOW);
    expect(reread).toBe(1);
    expect(extractHeaderFields(layoutLines(after), NOW).deliveryDate?.value).toBe('2026-08-13');
  });

  it('leaves the page as read when the second reading is no date either', async () => {
    const content = readWithLostEnd(head);
    const letters: ReadLine = async () => [{ text: 'IEl/Ol', box: [12, 12, 80, 20], conf: 0.5 }];
    const { content: after, reread } = await rereadHeaderDates(content, head.png, letters, NOW);
    expect(reread).toBe(0);
    expect(after).toBe(content);
  });

  it('reads nothing again on a page whose dates read', async () => {
    const content: PageContent = { ...readWithLostEnd(head), words: head.words };
    const never: ReadLine = async () => {
      throw new Error('read again');
    };
    expect((await rereadHeaderDates(content, head.png, never, NOW)).reread).toBe(0);
  });
});
