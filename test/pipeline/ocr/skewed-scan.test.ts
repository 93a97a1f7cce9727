/**
 * A page scanned askew: tesseract straightens it before reading, and its word boxes are those of
 * the straightened page. The second looks (words OCR missed, lost table columns, quantity cells)
 * must crop and read that same page, or on a page 2.5° askew their words land a dozen pixels off
 * at the margins and counts part from their rows.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rasterizePdf } from '../../../fixtures/generator/rasterize-pdf.ts';
import { loadMasterDataDir } from '../../../src/masterdata/read-csv.ts';
import {
  createOcrEngine,
  type OcrEngine,
  pictureAsRead,
  straighten,
} from '../../../src/pipeline/ocr/ocr-engine.ts';
import { runDocument } from '../../../src/pipeline/run-document.ts';
import type { MasterData, RawPage, Word } from '../../../src/pipeline/types.ts';
import { orderPdf, VARIED_ORDERS } from '../varied/varied-orders.ts';

describe('straighten', () => {
  it('turns a page about its centre on a canvas of its own size', async () => {
    // a dot 300 px right of the centre of a 1000 × 800 page, turned 2.5° anticlockwise
    const width = 1000;
    const height = 800;
    const px = Buffer.alloc(width * height, 255);
    for (let y = 395; y < 405; y++) for (let x = 795; x < 805; x++) px[y * width + x] = 0;
    const page = await sharp(px, { raw: { width, height, channels: 1 } })
      .png()
      .toBuffer();
    const askew = await sharp(page).rotate(-2.5, { background: '#ffffff' }).png().toBuffer();
    const turned = await straighten(askew, (2.5 * Math.PI) / 180);
    const { data, info } = await sharp(turned).greyscale().raw().toBuffer({ resolveWithObject: true });
    let sx = 0;
    let sy = 0;
    let n = 0;
    for (let y = 0; y < info.height; y++)
      for (let x = 0; x < info.width; x++)
        if (data[y * info.width + x]! < 128) {
          sx += x;
          sy += y;
          n++;
        }
    // the askew page's canvas is larger; straightened, the dot is back where it was, within a pixel
    // or two of the resampling
    expect(n).toBeGreaterThan(50);
    expect(Math.abs(sx / n - (800 + (info.width - width) / 2))).toBeLessThan(3);
    expect(Math.abs(sy / n - (400 + (info.height - height) / 2))).toBeLessThan(3);
  });
});

describe('a scan 2.5° askew', () => {
  let ocr: OcrEngine;
  let master: MasterData;
  beforeAll(async () => {
    ocr = await createOcrEngine({ workers: 1 });
    master = await loadMasterDataDir('fixtures/master-data');
  });
  afterAll(async () => {
    await ocr?.close();
  });

  // the customer's article numbers in its own style, counts in a column far right of them: the
  // first reading missed a count that the second look found 12 pixels above its row
  it('keeps every count on its row', async () => {
    const order = VARIED_ORDERS.find((o) => o.name === 'de-sku-styles')!;
    const [page] = await rasterizePdf(await orderPdf(order), 200);
    const scan = await sharp(page!.pixels, { raw: { width: page!.width, height: page!.height, channels: 1 } })
      .rotate(-2.5, { background: '#f4f2ee' })
      .linear(0.85, 20)
      .jpeg({ quality: 70 })
      .toBuffer();
    const draft = await runDocument(
      new Uint8Array(scan),
      { channel: 'upload', provider: null, from: null, to: null, receivedAt: '2026-11-27T09:00:00Z' },
      { ocr, master },
    );
    expect(draft.lines.map((l) => `${l.sku}|${l.quantity}`).sort()).toEqual([...order.want.lines].sort());
  });

  // the clerk sees the page beside the draft, each field's box drawn on it: the boxes are those of
  // the page tesseract read straightened, so the picture stored must be straightened the same way
  it('gives a picture on which the word boxes sit on their words', async () => {
    const order = VARIED_ORDERS.find((o) => o.name === 'de-sku-styles')!;
    const [page] = await rasterizePdf(await orderPdf(order), 200);
    const askew = await sharp(page!.pixels, {
      raw: { width: page!.width, height: page!.height, channels: 1 },
    })
      .rotate(-2.5, { background: '#ffffff' })
      .greyscale()
      .withDensity(200)
      .png()
      .toBuffer();
    const { width = 0, height = 0 } = await sharp(askew).metadata();
    const raw: RawPage = {
      page: 1,
      width,
      height,
      dpi: 200,
      image: askew,
      words: null,
      source: 'image',
      rotated: 0,
    };
    const content = await ocr.recognize(raw);
    expect((content.skew ?? 0) * (180 / Math.PI)).toBeCloseTo(2.5, 0);
    const picture = await pictureAsRead(askew, content);
    expect(picture).not.toBeNull();
    // (a greyscale page, as it came: one channel, half the bytes of three)
    expect((await sharp(picture!).metadata()).channels).toBe(1);
    // words far left or right of the centre, where 2.5° moves a line by more than its height
    const outer = content.words.filter(
      (w) => w.conf > 0.8 && w.text.length >= 3 && Math.abs(w.box[0] + w.box[2] / 2 - width / 2) > 400,
    );
    expect(outer.length).toBeGreaterThan(10);
    expect(await shareOnInk(picture!, outer)).toBeGreaterThan(0.9);
    expect(await shareOnInk(askew, outer)).toBeLessThan(0.6);
  });
});

/** Share of words whose box's middle band, on the picture, holds ink. */
async function shareOnInk(png: Buffer, words: Word[]): Promise<number> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  let onInk = 0;
  for (const { box } of words) {
    const [x, y, w, h] = box.map(Math.round) as [number, number, number, number];
    let ink = 0;
    for (let yy = y + Math.floor(h / 3); yy < y + Math.ceil((2 * h) / 3); yy++)
      for (let xx = x; xx < x + w; xx++) if (data[yy * info.width + xx]! < 128) ink++;
    if (ink >= (w * h) / 30) onInk++;
  }
  return onInk / words.length;
}
