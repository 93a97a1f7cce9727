/**
 * Reading-order text from positioned words: group words into lines by vertical overlap, sort
 * each line by x. Used for text-layer pages (whose item order follows the PDF producer, not the
 * eye) and by extraction, which needs lines that match what a person reads.
 */
import type { Word } from '../types.ts';

/** Two words share a line when their vertical extents overlap by this share of the smaller one. */
const MIN_LINE_OVERLAP = 0.5;

export function pageTextFromWords(words: Word[]): string {
  return groupLines(words)
    .map((line) => line.map((w) => w.text).join(' '))
    .join('\n');
}

/** Words grouped into lines (top to bottom), each line sorted left to right. */
export function groupLines(words: Word[]): Word[][] {
  const sorted = [...words].sort((a, b) => a.box[1] + a.box[3] / 2 - (b.box[1] + b.box[3] / 2));
  const lines: Array<{ top: number; bottom: number; words: Word[] }> = [];
  for (const w of sorted) {
    const top = w.box[1];
    const bottom = w.box[1] + w.box[3];
    // Compare against recent lines only: sorted by centre, a word cannot belong further up.
    let target: (typeof lines)[number] | undefined;
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - 3; i--) {
      const line = lines[i] as (typeof lines)[number];
      const overlap = Math.min(bottom, line.bottom) - Math.max(top, line.top);
      const smaller = Math.min(bottom - top, line.bottom - line.top);
      if (smaller > 0 && overlap / smaller >= MIN_LINE_OVERLAP) {
        target = line;
        break;
      }
    }
    if (target) {
      target.words.push(w);
      target.top = Math.min(target.top, top);
      target.bottom = Math.max(target.bottom, bottom);
    } else {
      lines.push({ top, bottom, words: [w] });
    }
  }
  return lines.map((l) => l.words.sort((a, b) => a.box[0] - b.box[0]));
}
