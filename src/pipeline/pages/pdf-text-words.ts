/**
 * Words with boxes from a PDF page's text layer, in the pixel space of the page rendered with
 * the viewport returned (y top-down), so they line up with the rendered image and with OCR words.
 */
import { type PageViewport, type PDFPageProxy, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Box, Word } from '../types.ts';

/** Text-layer glyphs are exact; confidence 1 lets extraction trust them fully. */
const TEXT_LAYER_CONF = 1;
/** Share of the font height below the baseline (descenders), for a box that covers the glyphs. */
const DESCENT = 0.25;

/**
 * The page's text-layer words, the page turned upright first when its text stands on end or upside
 * down as displayed (textTurn): the words, the viewport they fit (render the page with it) and
 * the clockwise turn applied.
 */
export async function textLayerWords(
  page: PDFPageProxy,
  scale: number,
): Promise<{ words: Word[]; viewport: PageViewport; turn: number }> {
  const items = (await page.getTextContent()).items.filter(
    (item): item is TextItem => 'str' in item && item.str.trim() !== '',
  );
  let viewport = page.getViewport({ scale });
  const turn = textTurn(items, viewport);
  if (turn !== 0) viewport = page.getViewport({ scale, rotation: (page.rotate + turn) % 360 });
  const words: Word[] = [];
  for (const item of items) {
    for (const w of splitItem(item, viewport)) {
      // some generators write a glyph or a syllable per item: pieces that touch make one word
      const prev = words.at(-1);
      if (prev && touches(prev.box, w.box)) words[words.length - 1] = joined(prev, w);
      else words.push(w);
    }
  }
  return { words, viewport, turn };
}

/** Gap between two pieces of one word, as a share of their height (a space is ~0.2 of it). */
const JOIN_GAP = 0.1;

/** `b` follows `a` on its line with no space between them. */
function touches(a: Box, b: Box): boolean {
  const h = Math.max(a[3], b[3]);
  const gap = b[0] - (a[0] + a[2]);
  const sameLine =
    Math.abs(a[1] + a[3] / 2 - (b[1] + b[3] / 2)) <= h * 0.25 && Math.abs(a[3] - b[3]) <= h * 0.25;
  return sameLine && gap >= -h * 0.1 && gap <= h * JOIN_GAP;
}

function joined(a: Word, b: Word): Word {
  const x0 = Math.min(a.box[0], b.box[0]);
  const y0 = Math.min(a.box[1], b.box[1]);
  const x1 = Math.max(a.box[0] + a.box[2], b.box[0] + b.box[2]);
  const y1 = Math.max(a.box[1] + a.box[3], b.box[1] + b.box[3]);
  return { text: a.text + b.text, box: [x0, y0, x1 - x0, y1 - y0], conf: Math.min(a.conf, b.conf) };
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

/**
 * The clockwise turn (0, 90, 180, 270) that makes most of a page's text layer run left to right as
 * displayed: a landscape page whose /Rotate stands its lines on end, a page drawn upside down.
 * Characters vote by the direction of their item's baseline on the rendered page.
 */
function textTurn(items: TextItem[], viewport: PageViewport): number {
  const votes = new Map<number, number>();
  const [ta, tb, tc, td] = viewport.transform as number[];
  for (const item of items) {
    const [a = 0, b = 0] = item.transform as number[];
    // the baseline's direction on the page as rendered (y down)
    const dx = (ta ?? 0) * a + (tc ?? 0) * b;
    const dy = (tb ?? 0) * a + (td ?? 0) * b;
    const angle = (Math.round((Math.atan2(dy, dx) * 180) / Math.PI / 90) * 90 + 360) % 360;
    votes.set(angle, (votes.get(angle) ?? 0) + item.str.trim().length);
  }
  let best = 0;
  for (const [angle, n] of votes) if (n > (votes.get(best) ?? 0)) best = angle;
  // text running down the page (90) is upright after a turn of 270, and so on
  return (360 - best) % 360;
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
