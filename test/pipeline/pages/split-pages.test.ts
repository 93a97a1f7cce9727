import { randomBytes } from 'node:crypto';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentError, LimitError } from '../../../src/errors.ts';
import { limits } from '../../../src/limits.ts';
import { splitPages } from '../../../src/pipeline/pages/split-pages.ts';
import type { RawPage } from '../../../src/pipeline/types.ts';
import {
  ccittPdf,
  g4Tiff,
  imagePdf,
  meanGrey,
  renderedPng,
  standardResolution,
  textPdf,
} from './build-documents.ts';

async function failure(p: Promise<unknown>): Promise<DocumentError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DocumentError);
  return err as DocumentError;
}

const order = [
  { text: 'Bestellung', x: 72, y: 72, size: 20 },
  { text: '10-4711 Senkkopfschraube M4x20 12 Stk', x: 72, y: 140 },
];

describe('splitPages: hostile and broken input', () => {
  it('rejects zero bytes as EMPTY_DOCUMENT', async () => {
    expect((await failure(splitPages(new Uint8Array()))).code).toBe('EMPTY_DOCUMENT');
  });

  it('rejects 30 MB of random bytes as UNSUPPORTED_TYPE without reading them', async () => {
    const blob = randomBytes(30 * 1024 * 1024);
    blob.write('junk', 0); // no accidental magic number
    const started = performance.now();
    const err = await failure(splitPages(blob));
    expect(err.code).toBe('UNSUPPORTED_TYPE');
    expect(err.message).toMatch(/not a PDF, TIFF, PNG or JPEG/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('leaves e-mails to the e-mail step', async () => {
    const eml = Buffer.from('From: a@b.ch\r\nSubject: Bestellung\r\n\r\nText');
    expect((await failure(splitPages(eml))).code).toBe('UNSUPPORTED_TYPE');
  });

  it('rejects a PDF header followed by garbage as CORRUPT_DOCUMENT', async () => {
    const bad = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4000)]);
    expect((await failure(splitPages(bad))).code).toBe('CORRUPT_DOCUMENT');
  });

  it('rejects a truncated TIFF with a DocumentError', async () => {
    const tiff = await g4Tiff([await renderedPng(order)]);
    const err = await failure(splitPages(tiff.subarray(0, Math.floor(tiff.length / 2))));
    expect(err.code).toBe('CORRUPT_DOCUMENT');
  });

  it('rejects a pixel bomb (tiny file declaring 60000×60000 pixels) with a LimitError, fast', async () => {
    const tiff = Buffer.from(await g4Tiff([await renderedPng(order)]));
    patchDimensions(tiff, 60000, 60000);
    const started = performance.now();
    const err = await failure(splitPages(tiff));
    expect(err).toBeInstanceOf(LimitError);
    expect(err.details).toMatchObject({ limit: limits.maxPixels });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('splitPages: images and TIFF faxes', () => {
  let pageA: Buffer;
  let pageB: Buffer;
  beforeAll(async () => {
    pageA = await renderedPng(order);
    pageB = await renderedPng([{ text: 'Seite zwei', x: 300, y: 600, size: 30 }]);
  });

  it('splits a multi-page G4 TIFF into greyscale PNG pages in order', async () => {
    const pages = await splitPages(await g4Tiff([pageA, pageB, pageA]));
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    for (const p of pages) {
      expect(p).toMatchObject({ source: 'image', words: null, rotated: 0, dpi: 204 });
      const meta = await sharp(p.image as Buffer).metadata();
      expect(meta).toMatchObject({
        format: 'png',
        channels: 1,
        depth: 'uchar',
        width: p.width,
        height: p.height,
      });
    }
    // page 2 has its text elsewhere: the pages are really different images, not page 1 three times
    const topOf = (p: RawPage) =>
      sharp(p.image as Buffer)
        .extract({ left: 0, top: 0, width: p.width, height: 400 })
        .png()
        .toBuffer();
    expect(await meanGrey(await topOf(pages[1] as RawPage))).toBeGreaterThan(
      await meanGrey(await topOf(pages[0] as RawPage)),
    );
  });

  it('stretches a standard-resolution fax (204×98 dpi) to square pixels by doubling its rows', async () => {
    const half = await standardResolution(pageA);
    const halfMeta = await sharp(half).metadata();
    const [page] = await splitPages(await g4Tiff([half], 204, 98));
    expect(page?.width).toBe(halfMeta.width);
    expect(page?.height).toBe((halfMeta.height ?? 0) * 2);
    expect(page?.dpi).toBe(204);
  });

  it('keeps a fine fax (204×196 dpi) as it is', async () => {
    const meta = await sharp(pageA).metadata();
    const [page] = await splitPages(await g4Tiff([pageA], 204, 196));
    expect([page?.width, page?.height]).toEqual([meta.width, meta.height]);
  });

  it('reads PNG and JPEG as one page', async () => {
    const jpeg = await sharp(pageA).jpeg().toBuffer();
    const [p1] = await splitPages(pageA);
    const [p2] = await splitPages(jpeg);
    expect(p1?.source).toBe('image');
    expect(p2?.width).toBe(p1?.width);
  });
});

describe('splitPages: PDF', () => {
  it('takes words with positions from a text layer, and renders the page for the clerk', async () => {
    const pages = await splitPages(await textPdf(order));
    expect(pages).toHaveLength(1);
    const page = pages[0] as RawPage;
    expect(page.source).toBe('text-layer');
    expect(page.dpi).toBe(limits.renderDpi);
    const scale = limits.renderDpi / 72;
    expect(page.width).toBe(Math.ceil(595 * scale));
    expect(page.height).toBe(Math.ceil(842 * scale));
    const words = page.words ?? [];
    expect(words.map((w) => w.text)).toEqual([
      'Bestellung',
      '10-4711',
      'Senkkopfschraube',
      'M4x20',
      '12',
      'Stk',
    ]);
    const title = words[0]?.box ?? [0, 0, 0, 0];
    // drawn at x = 72 pt, top ≈ 72 pt, 20 pt high → pixels at 200 dpi, y top-down
    expect(title[0]).toBeCloseTo(72 * scale, -1);
    expect(title[1]).toBeGreaterThan(60 * scale);
    expect(title[1] + title[3]).toBeLessThan(100 * scale);
    const article = words[1]?.box ?? [0, 0, 0, 0];
    expect(article[1]).toBeGreaterThan(title[1] + title[3]);
    expect(words[2]?.box[0]).toBeGreaterThan(article[0] + article[2]);
    expect(await meanGrey(page.image as Buffer)).toBeLessThan(255); // the render shows the text
  });

  it('joins a text layer written glyph by glyph into words, and keeps the spaces between them', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    let x = 72;
    for (const ch of '10-4711 Senkkopfschraube 12 Stk') {
      if (ch !== ' ') page.drawText(ch, { x, y: 700, size: 10, font });
      x += font.widthOfTextAtSize(ch, 10);
    }
    const [p] = await splitPages(await doc.save());
    expect(p!.words!.map((w) => w.text)).toEqual(['10-4711', 'Senkkopfschraube', '12', 'Stk']);
  });

  it('turns a page whose /Rotate stands its text on end upright', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([842, 595]);
    page.setRotation(degrees(90));
    page.drawText('Bestellung 4711', { x: 72, y: 520, size: 14, font });
    page.drawText('10-4711 Senkkopfschraube 12 Stk', { x: 72, y: 480, size: 10, font });
    const [p] = await splitPages(await doc.save());
    expect(p!.rotated).toBe(270);
    expect([p!.width, p!.height]).toEqual([Math.ceil((842 * p!.dpi) / 72), Math.ceil((595 * p!.dpi) / 72)]);
    const words = p!.words!;
    expect(words.map((w) => w.text)).toEqual([
      'Bestellung',
      '4711',
      '10-4711',
      'Senkkopfschraube',
      '12',
      'Stk',
    ]);
    // upright: words of a line side by side, the title above the row
    expect(words[1]!.box[0]).toBeGreaterThan(words[0]!.box[0] + words[0]!.box[2]);
    expect(words[2]!.box[1]).toBeGreaterThan(words[0]!.box[1] + words[0]!.box[3]);
  });

  it('takes the scanned image of an image-only page at its native resolution', async () => {
    const png = await renderedPng(order, [300, 200]); // 833×556 px at 200 dpi
    const meta = await sharp(png).metadata();
    const [page] = await splitPages(await imagePdf(png, [300, 200]));
    expect(page).toMatchObject({ source: 'image', words: null, width: meta.width, height: meta.height });
    expect(page?.dpi).toBeCloseTo(200, -1);
    expect(Math.abs((await meanGrey(page?.image as Buffer)) - (await meanGrey(png)))).toBeLessThan(1);
  });

  it('decodes CCITT G4 images inside PDFs (fax PDFs must not come out blank)', async () => {
    const png = await renderedPng([{ text: 'Fax 10-4711', x: 20, y: 10, size: 40 }], [625, 90]);
    const strip = await sharp(png).extract({ left: 0, top: 0, width: 1728, height: 240 }).png().toBuffer();
    const { pdf, width, height } = await ccittPdf(strip);
    const [page] = await splitPages(pdf);
    expect([page?.width, page?.height]).toEqual([width, height]);
    const grey = await meanGrey(page?.image as Buffer);
    expect(grey).toBeLessThan(252); // ink is there…
    expect(grey).toBeGreaterThan(150); // …and it is text on white, not an inverted page
  });
});

/** Overwrite ImageWidth/ImageLength of the first IFD (as LONG values) — a "pixel bomb" header. */
function patchDimensions(tiff: Buffer, width: number, height: number): void {
  const le = tiff[0] === 0x49;
  const ifd = le ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  const count = le ? tiff.readUInt16LE(ifd) : tiff.readUInt16BE(ifd);
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    const tag = le ? tiff.readUInt16LE(e) : tiff.readUInt16BE(e);
    if (tag !== 256 && tag !== 257) continue;
    const value = tag === 256 ? width : height;
    if (le) {
      tiff.writeUInt16LE(4, e + 2);
      tiff.writeUInt32LE(value, e + 8);
    } else {
      tiff.writeUInt16BE(4, e + 2);
      tiff.writeUInt32BE(value, e + 8);
    }
  }
}
