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
  const lines = alignTables(text.split(/\r?\n/));
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

/** The fields of a line of a delimited table (tabs from HTML cells, "|" or ";"), or null. */
function fieldsOf(line: string): string[] | null {
  if (line.includes('\t')) return line.split('\t').map((f) => f.trim());
  for (const sep of ['|', ';']) {
    if (line.split(sep).length < 3) continue;
    const fields = line.split(sep).map((f) => f.trim());
    // "| a | b |": the outer pipes open and close the row
    if (sep === '|' && fields[0] === '') fields.shift();
    if (sep === '|' && fields.at(-1) === '') fields.pop();
    return fields;
  }
  return null;
}

/**
 * Rows of a delimited table (an HTML table's cells, a "| a | b |" or "a;b;c" block) laid out in
 * aligned columns, as they would be printed, so that the table reads like any order table: every
 * field starts at its column's position. A Markdown rule row ("|---|---|") is dropped.
 */
function alignTables(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const block: string[][] = [];
    // (an HTML table's rows come with empty lines between them)
    let j = i;
    while (j < lines.length) {
      const f = fieldsOf(lines[j]!);
      if (f) {
        block.push(f);
        j++;
      } else if (block.length > 0 && lines[j]!.trim() === '' && fieldsOf(lines[j + 1] ?? '')) j++;
      else break;
    }
    if (block.length < 2) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    i = j;
    const rows = block.filter((f) => !f.every((x) => /^:?-{2,}:?$/.test(x) || x === ''));
    const widths: number[] = [];
    for (const r of rows) {
      for (const [k, f] of r.entries()) widths[k] = Math.max(widths[k] ?? 0, f.length);
    }
    for (const r of rows)
      out.push(
        r
          .map((f, k) => f.padEnd((widths[k] ?? 0) + 3))
          .join('')
          .trimEnd(),
      );
  }
  return out;
}
