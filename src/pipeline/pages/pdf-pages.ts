/**
 * PDF → pages. A page with a real text layer yields its words directly (exact, no OCR) plus a
 * rendering for the clerk; a page that is one scanned image yields that image at native
 * resolution; anything else is rendered at `limits.renderDpi`.
 */
import { OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RenderParameters } from 'pdfjs-dist/types/src/display/api.js';
import sharp from 'sharp';
import { DocumentError } from '../../errors.ts';
import { enforce, limits } from '../../limits.ts';
import type { RawPage, Word } from '../types.ts';
import { encodePageImage } from './encode-page-image.ts';
import { openPdf } from './open-pdf.ts';
import { findSingleImage } from './pdf-single-image.ts';
import { textLayerWords } from './pdf-text-words.ts';
import { verticalStretch } from './vertical-stretch.ts';

/** A text layer with fewer letters/digits than this is a stamp or page number, not the content. */
const MIN_TEXT_CHARS = 10;
/**
 * Fax servers stamp a header line ("27.11.26 09:14 +41 44… S. 1/2", ~60 chars) as text over
 * the scanned image; only a page with this much text is trusted to carry its content as text.
 */
const MIN_TEXT_CHARS_OVER_IMAGE = 150;
/** Share of letters/digits among non-space characters: below, the fonts map to garbage. */
const MIN_REAL_CHAR_SHARE = 0.6;
/** Native images finer than this are scaled down: OCR gains nothing past 300 dpi, only time. */
const MAX_OCR_DPI = 400;
const OCR_TARGET_DPI = 300;
/** Renders are never made coarser than this, even for huge pages (then the limit applies). */
const MIN_RENDER_DPI = 72;

export async function pdfPages(bytes: Uint8Array, signal: AbortSignal): Promise<RawPage[]> {
  const task = await openPdf(bytes);
  const onAbort = () => void task.destroy();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    let doc: PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (err) {
      throw loadError(err);
    }
    if (doc.numPages < 1) throw new DocumentError('NO_PAGES', 'The PDF has no pages.');
    enforce('pages', doc.numPages, limits.maxPages);
    const pages: RawPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      signal.throwIfAborted();
      try {
        pages.push(await convertPage(doc, await doc.getPage(n), n));
      } catch (err) {
        if (err instanceof DocumentError || signal.aborted) throw err;
        throw new DocumentError(
          'CORRUPT_DOCUMENT',
          `The PDF is damaged: page ${n} cannot be read.`,
          undefined,
          err,
        );
      }
    }
    return pages;
  } finally {
    signal.removeEventListener('abort', onAbort);
    await task.destroy();
  }
}

async function convertPage(doc: PDFDocumentProxy, page: PDFPageProxy, n: number): Promise<RawPage> {
  const dpi = renderDpiFor(page);
  // (text that stands on end or upside down as the page is displayed: the page turned upright)
  const { words, viewport, turn } = await textLayerWords(page, dpi / 72);
  if (hasUsableText(words, await coveredByImage(page, words))) {
    const img = await render(doc, page, dpi, viewport);
    return { page: n, ...img, dpi, words, source: 'text-layer', rotated: turn };
  }
  const single = words.length === 0 ? await findSingleImage(page) : null;
  if (single) {
    enforce(`pixels of page ${n}`, single.width * single.height, limits.maxPixels);
    const stretch = verticalStretch(single.width, single.height, single.xDpi, single.yDpi);
    let img = sharp(single.grey, { raw: { width: single.width, height: single.height, channels: 1 } });
    let width = single.width;
    let xDpi = single.xDpi;
    if (xDpi > MAX_OCR_DPI) {
      width = Math.round((width * OCR_TARGET_DPI) / xDpi);
      xDpi = OCR_TARGET_DPI;
    }
    const height = Math.round((single.height * stretch * width) / single.width);
    if (width !== single.width || stretch > 1) {
      // nearest for the pure ×2 row duplication of standard faxes; smooth for a real downscale
      const kernel = width === single.width ? 'nearest' : 'lanczos3';
      img = img.resize({ width, height, fit: 'fill', kernel });
    }
    enforce(`page height in pixels`, height, limits.maxPageSide);
    enforce(`page width in pixels`, width, limits.maxPageSide);
    const out = await encodePageImage(img, Math.round(xDpi));
    return { page: n, ...out, dpi: Math.round(xDpi), words: null, source: 'image', rotated: 0 };
  }
  const img = await render(doc, page, dpi);
  return { page: n, ...img, dpi, words: null, source: 'image', rotated: 0 };
}

function hasUsableText(words: Word[], overImage: boolean): boolean {
  let real = 0;
  let all = 0;
  for (const w of words) {
    all += w.text.length;
    real += (w.text.match(/[\p{L}\p{N}]/gu) ?? []).length;
  }
  const min = overImage ? MIN_TEXT_CHARS_OVER_IMAGE : MIN_TEXT_CHARS;
  return real >= min && real / Math.max(1, all) >= MIN_REAL_CHAR_SHARE;
}

/** Whether the text sits on a scan (needs the stricter bar); only asked when there is text. */
async function coveredByImage(page: PDFPageProxy, words: Word[]): Promise<boolean> {
  if (words.length === 0) return false;
  const { fnArray } = await page.getOperatorList();
  return fnArray.some((fn) => fn === OPS.paintImageXObject || fn === OPS.paintImageMaskXObject);
}

/** limits.renderDpi, lowered for oversized pages so that they stay within the pixel limits. */
function renderDpiFor(page: PDFPageProxy): number {
  const { width, height } = page.getViewport({ scale: 1 });
  const byPixels = 72 * Math.sqrt(limits.maxPixels / Math.max(1, width * height));
  const bySide = (72 * limits.maxPageSide) / Math.max(1, width, height);
  return Math.max(MIN_RENDER_DPI, Math.min(limits.renderDpi, byPixels, bySide));
}

async function render(
  doc: PDFDocumentProxy,
  page: PDFPageProxy,
  dpi: number,
  viewport = page.getViewport({ scale: dpi / 72 }),
) {
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  enforce('rendered page pixels', width * height, limits.maxPixels);
  // pdfjs's own canvas factory: it polyfills Path2D/DOMMatrix from *its* @napi-rs/canvas copy,
  // and a canvas from another copy rejects those objects (or crashes the process).
  const { canvas, context: ctx } = (doc.canvasFactory as CanvasFactory).create(width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  await page.render({
    canvas: canvas as RenderParameters['canvas'],
    canvasContext: ctx,
    viewport,
  }).promise;
  const rgba = ctx.getImageData(0, 0, width, height).data;
  (doc.canvasFactory as CanvasFactory).destroy({ canvas, context: ctx });
  const img = sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), {
    raw: { width, height, channels: 4 },
  }).flatten({ background: '#ffffff' });
  return encodePageImage(img, Math.round(dpi));
}

interface CanvasAndContext {
  canvas: unknown;
  context: NonNullable<RenderParameters['canvasContext']>;
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(cc: CanvasAndContext): void;
}

function loadError(err: unknown): DocumentError {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new DocumentError(
      'UNSUPPORTED_TYPE',
      'The PDF is password-protected and cannot be read.',
      undefined,
      err,
    );
  }
  return new DocumentError(
    'CORRUPT_DOCUMENT',
    'The PDF is damaged or incomplete and cannot be opened.',
    undefined,
    err,
  );
}
