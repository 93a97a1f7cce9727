/**
 * Opens a PDF with pdfjs-dist (legacy build, the one that runs on Node 20) configured for a
 * server: no eval, no network, the worker in-process, and the wasm decoders present — without
 * `wasmUrl` pdfjs silently drops CCITT and JBIG2 images, i.e. exactly the pages faxes are made of.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, type PDFDocumentLoadingTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { limits } from '../../limits.ts';

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// pdfjs's Node factories read these with fs; they must be directories ending in '/'.
const assetDir = (name: string) => path.join(pdfjsDir, name) + path.sep;

let workerReady: Promise<void> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` when no other PDF is open in this process. pdfjs-dist 5.4.624 keeps the page count
 * in a process-wide singleton (PagesMapper): a second open document resets it, and the first
 * then fails with "Invalid page request" (seen on the 8-page realdocs form). One at a time.
 */
export function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => {});
  return run;
}

/**
 * pdfjs in Node runs its "worker" on the main thread; loading the worker module ourselves and
 * handing it over via `globalThis.pdfjsWorker` avoids pdfjs resolving a worker path at runtime
 * (which breaks under bundlers and test runners).
 */
function ensureWorker(): Promise<void> {
  workerReady ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then((worker) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  });
  return workerReady;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentLoadingTask> {
  await ensureWorker();
  return getDocument({
    // pdfjs transfers (detaches) the buffer it gets: give it a copy, never the caller's bytes.
    data: new Uint8Array(bytes),
    wasmUrl: assetDir('wasm'),
    standardFontDataUrl: assetDir('standard_fonts'),
    cMapUrl: assetDir('cmaps'),
    cMapPacked: true,
    iccUrl: assetDir('iccs'),
    isEvalSupported: false,
    // Raw pixel arrays instead of ImageBitmaps, which do not exist in Node.
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    // An image larger than this is not decoded at all (pixel bombs inside PDFs).
    maxImageSize: limits.maxPixels,
    verbosity: 0,
  });
}
