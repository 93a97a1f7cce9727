/** tesseract.js's block tree → our flat word list (boxes in image pixels, conf 0..1). */
import type { Page } from 'tesseract.js';
import type { Word } from '../types.ts';

/** Specks on fax lines come back as 1-char symbols at low confidence; they are noise, not text. */
const MIN_NOISE_CONF = 0.3;

export function tesseractWords(data: Page): Word[] {
  const words: Word[] = [];
  for (const block of data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        for (const w of line.words) {
          const text = w.text.trim();
          if (text === '') continue;
          const conf = Math.max(0, Math.min(1, w.confidence / 100));
          if (conf < MIN_NOISE_CONF && !/[\p{L}\p{N}]{2}/u.test(text)) continue;
          const { x0, y0, x1, y1 } = w.bbox;
          words.push({ text, box: [x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)], conf });
        }
      }
    }
  }
  return words;
}
