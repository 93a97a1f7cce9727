/**
 * Pre-printed order forms often list their articles in two tables side by side, under one header
 * line that repeats its labels ("Art.-Nr. Bezeichnung Menge | Art.-Nr. Bezeichnung Menge"). Read as
 * one table, each row would hold two articles and two quantities. Such a table is cut where the
 * labels repeat, and its left half read before its right half, each as a table of its own.
 */
import { boxOf, cellsOf, type TextLine } from './layout-lines.ts';
import { detectHeader, type TableHeader } from './table-columns.ts';

/** Rows of one table this far apart (in text heights) belong to different blocks of the page. */
export const MAX_ROW_GAP_UNITS = 6;

/**
 * Each table header line with the rows under it: up to the next header line, or to a gap of more
 * than MAX_ROW_GAP_UNITS text heights.
 */
export function tablesOf(lines: TextLine[]): { header: TableHeader; rows: TextLine[] }[] {
  const tables: { header: TableHeader; rows: TextLine[] }[] = [];
  let current: { header: TableHeader; rows: TextLine[] } | null = null;
  let prev: TextLine | null = null;
  for (const line of lines) {
    const h = detectHeader(line);
    if (h) {
      current = { header: h, rows: [] };
      tables.push(current);
      prev = line;
      continue;
    }
    if (!current || !prev) continue;
    if (line.box[1] - (prev.box[1] + prev.box[3]) > line.unit * MAX_ROW_GAP_UNITS) {
      current = null;
      continue;
    }
    prev = line;
    current.rows.push(line);
  }
  return tables;
}

export function splitSideBySide(lines: TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = detectHeader(line);
    const cut = header ? repeatAt(header) : null;
    if (cut === null) {
      out.push(line);
      continue;
    }
    // the table's lines: until a line far below, another page or another header
    let end = i + 1;
    while (end < lines.length) {
      const l = lines[end]!;
      const prev = lines[end - 1]!;
      if (l.page !== line.page || detectHeader(l)) break;
      if (l.box[1] - (prev.box[1] + prev.box[3]) > l.unit * MAX_ROW_GAP_UNITS) break;
      end++;
    }
    const table = lines.slice(i, end);
    const side = (left: boolean): TextLine[] =>
      table
        .map((l) =>
          part(
            l,
            l.words.filter((w) => w.box[0] + w.box[2] / 2 < cut === left),
          ),
        )
        .filter((l): l is TextLine => l !== null);
    out.push(...side(true), ...side(false));
    i = end - 1;
  }
  return out;
}

/**
 * Where a header's labels start over: the border before the first column whose kind opens the
 * line again, when both halves are tables (a quantity, and an article or a description).
 */
function repeatAt(header: TableHeader): number | null {
  const cols = header.columns;
  const isTable = (kinds: string[]): boolean =>
    kinds.includes('quantity') && (kinds.includes('article') || kinds.includes('description'));
  for (let k = 2; k < cols.length - 1; k++) {
    if (cols[k]!.kind !== cols[0]!.kind) continue;
    const left = cols.slice(0, k).map((c) => c.kind);
    const right = cols.slice(k).map((c) => c.kind);
    if (isTable(left) && isTable(right)) return cols[k]!.left;
  }
  return null;
}

function part(line: TextLine, words: TextLine['words']): TextLine | null {
  if (words.length === 0) return null;
  return {
    ...line,
    words,
    cells: cellsOf(words, line.unit),
    text: words.map((w) => w.text).join(' '),
    box: boxOf(words),
  };
}
