/**
 * Finds a page that is nothing but one upright image covering it (the shape of every faxed or
 * scanned PDF page) and returns that image's decoded pixels at native resolution: ~60 ms instead
 * of a ~250 ms render, and OCR on the native pixels measured better (CER 1.2 % vs 2.4 %).
 */
import { ImageKind, OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The image must cover this share of the page; smaller ones are logos on a mixed page. */
const MIN_COVERAGE = 0.8;

type Matrix = [number, number, number, number, number, number];

export interface SingleImage {
  /** 8-bit greyscale, row-major, `width × height` bytes. */
  grey: Uint8Array;
  width: number;
  height: number;
  /** Resolution implied by the image's size on the page. */
  xDpi: number;
  yDpi: number;
}

interface PdfImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** The page's single image, or null when the page needs a real render. */
export async function findSingleImage(page: PDFPageProxy): Promise<SingleImage | null> {
  if (page.rotate % 360 !== 0) return null; // the render applies /Rotate for us
  const ops = await page.getOperatorList();
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let found: { name: string; ctm: Matrix } | null = null;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = multiply(ctm, args as Matrix);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.paintImageXObject:
        if (found) return null; // several images: a composed page, render it
        found = { name: String(args[0]), ctm };
        break;
      case OPS.showText:
      case OPS.showSpacedText:
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
      case OPS.paintImageXObjectRepeat:
        return null; // text or other imagery beside the image: only a render shows all of it
    }
  }
  if (!found) return null;
  const [a, b, c, d] = found.ctm;
  // Upright and unflipped: image row 0 at the top, no rotation or shear.
  if (Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 || a <= 0 || d <= 0) return null;
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  const pageW = x1 - x0;
  const pageH = y1 - y0;
  if (pageW <= 0 || pageH <= 0 || (a * d) / (pageW * pageH) < MIN_COVERAGE) return null;
  const img = await getImage(page, found.name);
  if (!img?.data || img.width < 1 || img.height < 1) return null;
  const grey = toGrey(img);
  if (!grey) return null;
  return {
    grey,
    width: img.width,
    height: img.height,
    xDpi: (img.width * 72) / a,
    yDpi: (img.height * 72) / d,
  };
}

function getImage(page: PDFPageProxy, name: string): Promise<PdfImage | null> {
  // Images shared between pages live in commonObjs ('g_' prefix); pdfjs resolves them async.
  const objs = name.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    objs.get(name, (img: PdfImage | null) => resolve(img ?? null));
  });
}

function toGrey(img: PdfImage): Uint8Array | null {
  const { width, height, data } = img;
  if (!data) return null;
  const out = new Uint8Array(width * height);
  if (img.kind === ImageKind.GRAYSCALE_1BPP) {
    // Rows are bit-packed and padded to whole bytes; pdfjs has applied /Decode (1 = white).
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      const row = y * rowBytes;
      const dst = y * width;
      for (let x = 0; x < width; x++) {
        out[dst + x] = ((data[row + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1 ? 255 : 0;
      }
    }
    return out;
  }
  const channels = img.kind === ImageKind.RGB_24BPP ? 3 : img.kind === ImageKind.RGBA_32BPP ? 4 : 0;
  if (channels === 0 || data.length < width * height * channels) return null;
  for (let p = 0, s = 0; p < out.length; p++, s += channels) {
    // Rec. 601 luma, integer arithmetic.
    out[p] = ((data[s] ?? 0) * 77 + (data[s + 1] ?? 0) * 150 + (data[s + 2] ?? 0) * 29) >> 8;
  }
  return out;
}

function multiply(m: Matrix, n: Matrix): Matrix {
  // PDF's `cm` pre-multiplies: new CTM = n × m.
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}
