/**
 * An e-mail's order text as one synthetic text-layer page: words on a monospace grid (x = column
 * × 10, y = line × 20) so that layout analysis treats it like any other page.
 */
import type { RawPage, Word } from '../types.ts';

const CHAR_W = 10;
const LINE_H = 20;
const WORD_H = 16;

export function textToPage(text: string, page: number): RawPage {
  const words: Word[] = [];
  const lines = text.split(/\r?\n/);
  let width = 0;
  lines.forEach((line, li) => {
    for (const m of line.replace(/\t/g, '    ').matchAll(/\S+/g)) {
      const x = m.index * CHAR_W;
      words.push({ text: m[0], box: [x, li * LINE_H + 2, m[0].length * CHAR_W, WORD_H], conf: 1 });
      width = Math.max(width, x + m[0].length * CHAR_W);
    }
  });
  return {
    page,
    width: Math.max(width, 800),
    height: Math.max(lines.length * LINE_H, 100),
    dpi: 72,
    image: null,
    words,
    source: 'text-layer',
    rotated: 0,
  };
}
