/**
 * Words with boxes from a PDF page's text layer, in the pixel space of the page rendered with
 * `viewport` (y top-down), so they line up with the rendered image and with OCR words.
 */
import { type PageViewport, type PDFPageProxy, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Box, Word } from '../types.ts';

/** Text-layer glyphs are exact; confidence 1 lets extraction trust them fully. */
const TEXT_LAYER_CONF = 1;
/** Share of the font height below the baseline (descenders), for a box that covers the glyphs. */
const DESCENT = 0.25;

export async function textLayerWords(page: PDFPageProxy, viewport: PageViewport): Promise<Word[]> {
  const content = await page.getTextContent();
  const words: Word[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    words.push(...splitItem(item, viewport));
  }
  return words;
}

/** A text item can hold a whole line; split it at spaces, spreading its width by character count. */
function splitItem(item: TextItem, viewport: PageViewport): Word[] {
  const [a, b, c, d, e, f] = item.transform as number[];
  const along = Math.hypot(a ?? 0, b ?? 0) || 1;
  const up = Math.hypot(c ?? 0, d ?? 0) || 1;
  const ux = (a ?? 0) / along;
  const uy = (b ?? 0) / along;
  const vx = (c ?? 0) / up;
  const vy = (d ?? 0) / up;
  const height = item.height || up;
  const chars = item.str.length;
  const out: Word[] = [];
  for (const m of item.str.matchAll(/\S+/g)) {
    const start = ((m.index ?? 0) / chars) * item.width;
    const end = (((m.index ?? 0) + m[0].length) / chars) * item.width;
    const corners: Array<[number, number]> = [];
    for (const s of [start, end]) {
      for (const t of [-DESCENT * height, height]) {
        corners.push([(e ?? 0) + ux * s + vx * t, (f ?? 0) + uy * s + vy * t]);
      }
    }
    out.push({ text: m[0], box: deviceBox(corners, viewport), conf: TEXT_LAYER_CONF });
  }
  return out;
}

function deviceBox(points: Array<[number, number]>, viewport: PageViewport): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of points) {
    const q = [p[0], p[1]];
    Util.applyTransform(q, viewport.transform); // transforms in place
    xs.push(q[0] as number);
    ys.push(q[1] as number);
  }
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  return [
    Math.round(x0),
    Math.round(y0),
    Math.max(1, Math.round(Math.max(...xs) - x0)),
    Math.max(1, Math.round(Math.max(...ys) - y0)),
  ];
}
