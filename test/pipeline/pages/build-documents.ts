/**
 * Small realistic inputs made inside the tests (no fixtures on disk): text PDFs via pdf-lib,
 * their renderings, and fax TIFFs (CCITT G4) via sharp — the way fax servers store them.
 */
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  StandardFonts,
} from 'pdf-lib';
import sharp from 'sharp';
import { splitPages } from '../../../src/pipeline/pages/split-pages.ts';

export interface TextLine {
  text: string;
  /** Points from the left and from the TOP of the page. */
  x: number;
  y: number;
  size?: number;
}

/** A born-digital PDF page with a real text layer (Helvetica). Default size A4. */
export async function textPdf(lines: TextLine[], size: [number, number] = [595, 842]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage(size);
  for (const l of lines) {
    const fontSize = l.size ?? 14;
    page.drawText(l.text, { x: l.x, y: size[1] - l.y - fontSize, size: fontSize, font });
  }
  return doc.save();
}

/** The page rendered to an 8-bit greyscale PNG (via our own pages stage) at 200 dpi. */
export async function renderedPng(lines: TextLine[], size?: [number, number]): Promise<Buffer> {
  const [page] = await splitPages(await textPdf(lines, size));
  if (!page?.image) throw new Error('render failed');
  return page.image;
}

/** Multi-page CCITT G4 TIFF from greyscale PNGs; dpi as a fax server writes it. */
export async function g4Tiff(pngs: Buffer[], xDpi = 204, yDpi = 196): Promise<Buffer> {
  const opts = { compression: 'ccittfax4', bitdepth: 1, xres: xDpi / 25.4, yres: yDpi / 25.4 } as const;
  const input = pngs.length === 1 ? sharp(pngs[0]) : sharp(pngs, { join: { animated: true } });
  return input.removeAlpha().toColourspace('b-w').tiff(opts).toBuffer();
}

/** Halve the rows (nearest): what a standard-resolution (204×98 dpi) fax machine transmits. */
export async function standardResolution(png: Buffer): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  return sharp(png)
    .resize({ width: meta.width, height: Math.round((meta.height ?? 0) / 2), fit: 'fill', kernel: 'nearest' })
    .toColourspace('b-w')
    .png()
    .toBuffer();
}

/** A PDF whose only content is one image covering the page (a scanned page). */
export async function imagePdf(png: Buffer, pageSize: [number, number]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const img = await doc.embedPng(png);
  const page = doc.addPage(pageSize);
  page.drawImage(img, { x: 0, y: 0, width: pageSize[0], height: pageSize[1] });
  return doc.save();
}

/**
 * A PDF page holding one CCITT G4 image (the encoding of faxed PDFs). The G4 data comes from a
 * single-strip TIFF (≤ 256 rows, libvips' strip height), placed unchanged in the PDF.
 */
export async function ccittPdf(png: Buffer): Promise<{ pdf: Uint8Array; width: number; height: number }> {
  const tiff = await g4Tiff([png]);
  const { width, height, strip, blackIsZero } = singleStrip(tiff);
  const doc = await PDFDocument.create();
  const pageSize: [number, number] = [(width * 72) / 204, (height * 72) / 196];
  const page = doc.addPage(pageSize);
  const stream = doc.context.stream(strip, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: 1,
    ColorSpace: 'DeviceGray',
    Filter: 'CCITTFaxDecode',
    // libtiff codes MinIsBlack rows with the colours swapped relative to the PDF default
    DecodeParms: { K: -1, Columns: width, Rows: height, BlackIs1: blackIsZero },
  });
  const ref = doc.context.register(stream);
  page.node.setXObject(PDFName.of('Im0'), ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(pageSize[0], 0, 0, pageSize[1], 0, 0),
    drawObject('Im0'),
    popGraphicsState(),
  );
  return { pdf: await doc.save(), width, height };
}

function singleStrip(tiff: Buffer) {
  const v = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const le = tiff[0] === 0x49;
  const ifd = v.getUint32(4, le);
  const tags = new Map<number, { count: number; value: number }>();
  for (let i = 0; i < v.getUint16(ifd, le); i++) {
    const e = ifd + 2 + i * 12;
    const type = v.getUint16(e + 2, le);
    const value = type === 3 ? v.getUint16(e + 8, le) : v.getUint32(e + 8, le);
    tags.set(v.getUint16(e, le), { count: v.getUint32(e + 4, le), value });
  }
  const get = (t: number) => tags.get(t)?.value ?? 0;
  if ((tags.get(273)?.count ?? 0) !== 1) throw new Error('test image must fit in one TIFF strip');
  return {
    width: get(256),
    height: get(257),
    strip: tiff.subarray(get(273), get(273) + get(279)),
    blackIsZero: get(262) === 1,
  };
}

/** Mean grey value (255 = blank paper) of a PNG. */
export async function meanGrey(png: Buffer): Promise<number> {
  const { channels } = await sharp(png).stats();
  return channels[0]?.mean ?? 0;
}
