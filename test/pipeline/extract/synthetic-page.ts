/** Builds PageContent from text rows laid out on a character grid (for extraction tests). */
import type { PageContent, Word } from '../../../src/pipeline/types.ts';

/** Each row is placed at y = row × 40; words at x = column × 12 (spaces in the row keep columns). */
export function pageFromRows(rows: string[], page = 1): PageContent {
  const words: Word[] = [];
  rows.forEach((row, r) => {
    for (const m of row.matchAll(/\S+/g)) {
      words.push({ text: m[0], box: [100 + m.index * 12, 200 + r * 40, m[0].length * 12, 24], conf: 0.95 });
    }
  });
  return { page, width: 1700, height: 2300, source: 'ocr', words, text: rows.join('\n'), confidence: 0.95 };
}

/** A row with each text starting at its column ("words at the columns they stood at on the page"). */
export function rowAt(...cells: [number, string][]): string {
  return cells.reduce((row, [col, text]) => row.padEnd(col) + text, '');
}
