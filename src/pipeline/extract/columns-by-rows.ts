/**
 * A header's labels say where the columns are; the rows say it too, and more reliably when OCR
 * garbled the labels ("una" for "Unité", "Pri unitalre patate Quebits" for "Prix unitaire | Prix
 * total | Quantité"). When the quantity label stands over words on most rows ("paires", "pièces":
 * the unit column, its label misread) or over amounts with cents (a price column: "Urlit price"
 * read as a quantity and a price label), and the figures of the rows form exactly one column of
 * whole numbers among columns of amounts, that column is the quantity.
 * When no label was read as the quantity's at all ("Qiy"), the header word standing over whole
 * numbers on most rows (not 1, 2, 3 …: those are positions) is its label. When the header lost its
 * left part (positions, article numbers, descriptions), the rows' alignment gives those columns.
 */
import type { TextLine } from './layout-lines.ts';
import {
  ANY_AMOUNT,
  type Column,
  type ColumnKind,
  columnOf,
  type LabelGroup,
  placedCells,
  type TableHeader,
  toColumns,
} from './table-columns.ts';
import { normalizeUnit } from './units.ts';

/** A figure standing alone in a cell (junk around it allowed: "- 98,00", "20|"). */
const FIGURE = /^\d{1,3}(?:['’ ]\d{3})*(?:[.,]\d{1,3})?$|^\d+(?:[.,]\d{1,3})?$/;
/** A cell that holds an amount with cents (junk around it allowed: "- 98,00", "12.60|"). */
const AMOUNT_CELL = /^\W*\d[\d'’.,]*[.,]\d{2}\W*$/;
/** Columns whose figures are no quantities, prices or totals. */
const NOT_FIGURES = new Set<ColumnKind>(['article', 'customerArticle', 'gtin', 'pos', 'description']);

interface Figure {
  text: string;
  x0: number;
  x1: number;
}

interface FigureColumn {
  x0: number;
  x1: number;
  /** The column's figure in each row (index into the rows), if any. */
  byRow: Map<number, Figure>;
}

export function reviseColumnsByRows(read: TableHeader, rows: TextLine[]): TableHeader {
  const header = totalUnderPriceLabel(
    lostPriceLabel(
      totalReadAsQuantity(
        unlabelledArticles(lostTextColumns(amountsUnderArticleLabel(read, rows), rows), rows),
        rows,
      ),
      rows,
    ),
    rows,
  );
  if (!header.columns.some((c) => c.kind === 'quantity')) return unlabelledQuantity(header, rows);
  const figureRows = rows.map((r) => figuresOf(header, r)).filter((f) => f.length >= 2);
  if (figureRows.length < 2) return header;
  const under = rows.flatMap((r) =>
    placedCells(header, r)
      .filter((c) => c.kind === 'quantity')
      .map((c) => c.text),
  );
  const figures = under.filter((t) => /^\W*\d/.test(t)).length;
  const units = under.filter((t) => normalizeUnit(t.split(/\s+/)[0] ?? '') !== null).length;
  const amounts = under.filter((t) => AMOUNT_CELL.test(t)).length;
  // words under it, two of them at least units as read (garbled ones, "mires" for "mètres", too):
  // the unit column; or amounts with cents: a price column ("Urlit price" read as two labels)
  const wordsUnder =
    under.length > 0 && figures <= under.length * 0.3 && units >= Math.max(2, under.length * 0.3);
  const amountsUnder = amounts >= 2 && amounts >= under.length * 0.6;
  if (!wordsUnder && !amountsUnder) return header;
  const hasPrice = header.columns.some((c) => c.kind === 'price');
  const unit = rows[0]?.unit ?? 20;
  const columns = figureColumns(figureRows, unit).filter(
    (c) => c.byRow.size >= Math.max(2, figureRows.length * 0.5),
  );
  const wholeShare = (c: FigureColumn): number =>
    [...c.byRow.values()].filter((f) => /^\d{1,5}$/.test(f.text)).length / c.byRow.size;
  const whole = columns.filter((c) => wholeShare(c) >= 0.8);
  if (whole.length !== 1 || columns.filter((c) => wholeShare(c) >= 0.5).length !== 1) return header;
  const q = whole[0]!;
  const groups: LabelGroup[] = [];
  for (const col of header.columns) {
    // (the mislabelled column is the unit's, or the price's; a second price label goes)
    if (col.kind === 'quantity' && amountsUnder && hasPrice) continue;
    const kind = col.kind !== 'quantity' ? col.kind : wordsUnder ? 'unit' : 'price';
    const g: LabelGroup = { kind, x0: col.x0, x1: col.x1 };
    // a label group reaching over the quantities ("Pri unitalre patate Quebits") ends before them
    if (overlaps(g, q)) {
      if (g.x0 >= q.x0 - 1) continue;
      g.x1 = Math.min(g.x1, q.x0 - 1);
    }
    groups.push(g);
  }
  groups.push({ kind: 'quantity', x0: q.x0, x1: q.x1 });
  groups.sort((a, b) => a.x0 - b.x0);
  return { ...header, columns: toColumns(groups) };
}

/**
 * A second quantity label right of the price, over amounts with cents on most rows, is the line
 * total's, garbled: "ota]" for "Total" folds to "qta", the Italian quantity's abbreviation.
 */
function totalReadAsQuantity(header: TableHeader, rows: TextLine[]): TableHeader {
  const quantities = header.columns.filter((c) => c.kind === 'quantity');
  const price = header.columns.find((c) => c.kind === 'price');
  if (quantities.length < 2 || !price || header.columns.some((c) => c.kind === 'total')) return header;
  const last = quantities.at(-1)!;
  if (last.x0 < price.x1) return header;
  const under = textsIn(header, rows, last);
  const amounts = under.filter((t) => AMOUNT_CELL.test(t)).length;
  if (amounts < 2 || amounts < under.length * 0.6) return header;
  return {
    ...header,
    columns: toColumns(
      header.columns.map((c) => ({ kind: c === last ? 'total' : c.kind, x0: c.x0, x1: c.x1 })),
    ),
  };
}

/**
 * A header word read as no label ("Fresno" for "Prezzo") between the columns left of the line
 * total and the total's own label, over amounts with cents on most rows, where no price label was
 * read: the price column's label, garbled. (Without it the prices fell into the total's column,
 * and the totals were lost.)
 */
function lostPriceLabel(header: TableHeader, rows: TextLine[]): TableHeader {
  const total = header.columns.find((c) => c.kind === 'total');
  if (!total || header.columns.some((c) => c.kind === 'price')) return header;
  const before = header.columns.filter((c) => c.x1 < total.x0).at(-1);
  if (!before || rows.length < 2) return header;
  const word = header.line.words.find(
    (w) =>
      /\p{L}{3}/u.test(w.text) &&
      w.box[0] > before.x1 &&
      w.box[0] + w.box[2] < total.x0 &&
      !header.columns.some((c) => w.box[0] < c.x1 && c.x0 < w.box[0] + w.box[2]),
  );
  if (!word) return header;
  const [x0, x1] = [word.box[0], word.box[0] + word.box[2]];
  const unit = header.line.unit;
  const under = rows.map((r) => r.cells.find((c) => c.x0 < x1 + unit && c.x1 > x0 - unit && c.x1 < total.x0));
  const amounts = under.filter((c) => c && AMOUNT_CELL.test(c.text)).length;
  if (amounts < 2 || amounts < rows.length * 0.5) return header;
  const groups: LabelGroup[] = header.columns.map((c) => ({ kind: c.kind, x0: c.x0, x1: c.x1 }));
  groups.push({ kind: 'price', x0, x1 });
  groups.sort((a, b) => a.x0 - b.x0);
  return { ...header, columns: toColumns(groups) };
}

/**
 * A price label that took in the line total's garbled label ("Prix unitaire H'Fotat HT" for "Prix
 * unitaire | Total HT"), with no total column: two figures under it on most rows that have any, the
 * right one an amount with cents, their left edges lined up. The right ones are the line totals'
 * column.
 */
function totalUnderPriceLabel(header: TableHeader, rows: TextLine[]): TableHeader {
  const price = header.columns.find((c) => c.kind === 'price');
  if (!price || header.columns.some((c) => c.kind === 'total') || rows.length < 2) return header;
  const unit = header.line.unit;
  const rights: number[] = [];
  let priced = 0;
  for (const r of rows) {
    const cells = placedCells(header, r).filter((c) => c.kind === 'price' && /\d/.test(c.text));
    if (cells.length > 0) priced++;
    // (a thousands space in the amount: "4 680,00")
    const right = cells[1]?.text.replace(/(\d) (?=\d{3}\b)/g, '$1');
    if (cells.length !== 2 || !AMOUNT_CELL.test(right!)) continue;
    rights.push(cells[1]!.cell.x0);
  }
  if (rights.length < 2 || rights.length < priced * 0.6) return header;
  const split = Math.min(...rights);
  // (the totals' left edges line up: an amount's width apart at most)
  if (Math.max(...rights) - split > unit * 2 || split <= price.x0) return header;
  const groups: LabelGroup[] = header.columns.flatMap((c) =>
    c === price
      ? [
          { kind: 'price' as const, x0: c.x0, x1: split - 1 },
          { kind: 'total' as const, x0: split, x1: Math.max(c.x1, split + unit) },
        ]
      : [{ kind: c.kind, x0: c.x0, x1: c.x1 }],
  );
  return { ...header, columns: toColumns(groups) };
}

/** The texts of the rows' cells that fall into `column`. */
function textsIn(header: TableHeader, rows: TextLine[], column: Column): string[] {
  return rows.flatMap((r) =>
    placedCells(header, r)
      .filter((c) => columnOf(header, c.cell.x0, c.cell.x1) === column)
      .map((c) => c.text),
  );
}

const overlaps = (g: LabelGroup, c: FigureColumn): boolean => g.x0 < c.x1 && c.x0 < g.x1;

/** The lone figures of a row outside its article, position and description cells. */
function figuresOf(header: TableHeader, row: TextLine): Figure[] {
  const out: Figure[] = [];
  for (const [i, c] of placedCells(header, row).entries()) {
    // (a count of a few digits in a cell of its own after the row's first, right of the article
    // number, is a figure: the quantity's label lost, its column taken in by the article's)
    if (NOT_FIGURES.has(c.kind) && !(i > 0 && c.kind === 'article' && /^\d{1,4}$/.test(c.text.trim())))
      continue;
    const words = c.cell.words.filter((w) => /\d/.test(w.text));
    if (words.length !== 1 || c.cell.words.some((w) => w !== words[0] && /[\p{L}\d]/u.test(w.text))) continue;
    const w = words[0]!;
    const text = w.text.replace(/^[^\d]+|[^\d]+$/g, '');
    if (FIGURE.test(text)) out.push({ text, x0: w.box[0], x1: w.box[0] + w.box[2] });
  }
  return out;
}

/** Figures of all rows grouped by their right edge (numbers are right-aligned in their column). */
function figureColumns(rows: Figure[][], unit: number): FigureColumn[] {
  const cols: FigureColumn[] = [];
  rows.forEach((figs, r) => {
    for (const f of figs) {
      const col = cols.find((c) => Math.abs(c.x1 - f.x1) <= unit * 1.2 && !c.byRow.has(r));
      if (col) {
        col.byRow.set(r, f);
        col.x0 = Math.min(col.x0, f.x0);
      } else cols.push({ x0: f.x0, x1: f.x1, byRow: new Map([[r, f]]) });
    }
  });
  return cols.sort((a, b) => a.x0 - b.x0);
}

/**
 * A header without a quantity label ("Qiy" for "Qty" matched none): of the header's words that are
 * no label, the one standing over a whole number on most rows is the quantity's label.
 */
function unlabelledQuantity(header: TableHeader, rows: TextLine[]): TableHeader {
  const labelled = (x: number): boolean => header.columns.some((c) => x >= c.x0 - 1 && x <= c.x1 + 1);
  const items = rows.filter((r) => r.cells.length >= 3);
  if (items.length < 2) return header;
  let best: { x0: number; x1: number; n: number } | null = null;
  let position: { x0: number; x1: number } | null = null;
  for (const w of header.line.words) {
    const x0 = w.box[0];
    const x1 = w.box[0] + w.box[2];
    if (!/\p{L}{2}/u.test(w.text) || labelled(x0) || labelled(x1)) continue;
    const unit = header.line.unit;
    // a whole number in the row right under the word (left-, right-aligned or centred on it)
    const values = items.flatMap((r) => {
      const n = r.cells
        .filter((c) => c.x0 < x1 + unit && c.x1 > x0 - unit)
        .map((c) => wholeNumber(c.text))
        .find((v) => v !== null);
      return n == null ? [] : [n];
    });
    const n = values.length;
    if (n < 2 || n < items.length * 0.4) continue;
    if (counting(values)) position ??= { x0, x1 };
    else if (!best || n > best.n) best = { x0, x1, n };
  }
  best ??= unlabelledFigures(header, items, labelled);
  if (!best) return header;
  const groups: LabelGroup[] = header.columns.map((c) => ({ kind: c.kind, x0: c.x0, x1: c.x1 }));
  groups.push({ kind: 'quantity', x0: best.x0, x1: best.x1 });
  // the positions' word, unknown too, keeps them out of the quantity column beside it
  if (position && !groups.some((g) => g.kind === 'pos')) groups.push({ kind: 'pos', ...position });
  groups.sort((a, b) => a.x0 - b.x0);
  return { ...header, columns: toColumns(groups) };
}

/**
 * The quantity label lost with no word in its place: whole numbers in cells of their own, under no
 * label, one column of them (right-aligned) on most rows, and no count of positions.
 */
function unlabelledFigures(
  header: TableHeader,
  items: TextLine[],
  labelled: (x: number) => boolean,
): { x0: number; x1: number; n: number } | null {
  const unit = header.line.unit;
  const figures = items.map((r) =>
    r.cells
      .filter((c) => !labelled(c.x0) && !labelled(c.x1) && wholeNumber(c.text) !== null)
      .map((c) => ({ text: c.text, x0: c.x0, x1: c.x1 })),
  );
  const columns = figureColumns(figures, unit).filter((c) => {
    const values = [...c.byRow.values()].map((f) => wholeNumber(f.text)!);
    return c.byRow.size >= 2 && c.byRow.size >= items.length * 0.4 && !counting(values);
  });
  if (columns.length !== 1) return null;
  const [col] = columns;
  return { x0: col!.x0, x1: col!.x1, n: col!.byRow.size };
}

/** A cell that holds a whole number and at most marks around it ("12", "3'", "„4"), or null. */
function wholeNumber(text: string): number | null {
  const t = text.replace(/^\W+|\W+$/g, '');
  return /^\d{1,5}$/.test(t) ? Number(t) : null;
}

/** 1, 2, 3 … or 10, 20, 30 …: the positions of the rows, not quantities. */
function counting(values: number[]): boolean {
  const step = values[1]! - values[0]!;
  return (step === 1 || step === 10) && values.every((v, i) => i === 0 || v - values[i - 1]! === step);
}

const TEXT_KINDS = new Set<ColumnKind>(['article', 'customerArticle', 'gtin', 'description']);

/**
 * A header whose left part OCR lost ("Quantità Unità Prezzo" of "Riga Codice articolo Descrizione
 * Quantità Unità Prezzo") puts the rows' positions, article numbers and descriptions under its first
 * label. The rows show those columns: cells left of the first label, aligned at their left edge
 * over most rows; counting numbers are the positions, short words with digits the article numbers,
 * the rest the description.
 */
function lostTextColumns(header: TableHeader, rows: TextLine[]): TableHeader {
  // (also when the article's label read, right of the figures, and only the description's at the
  // left was lost: "Des: Prezza Unità Totale Quantità Codice articolo")
  const first = header.columns[0];
  if (!first || TEXT_KINDS.has(first.kind)) return header;
  const present = new Set(header.columns.map((c) => c.kind));
  const unit = header.line.unit;
  const left = rows.map((r) =>
    r.cells.filter((c) => c.x1 < first.x0 - unit && /[\p{L}\d]{2}|^\d$/u.test(c.text)),
  );
  const filled = left.filter((cells) => cells.length > 0).length;
  if (filled < 2 || filled < rows.length * 0.5) return header;
  // cells aligned at their left edge, over half the rows at least
  const clusters: { x0: number; x1: number; texts: string[] }[] = [];
  for (const cells of left) {
    for (const c of cells) {
      const k = clusters.find((g) => Math.abs(g.x0 - c.x0) <= unit * 1.5);
      if (k) {
        k.texts.push(c.text);
        k.x1 = Math.max(k.x1, c.x1);
      } else clusters.push({ x0: c.x0, x1: c.x1, texts: [c.text] });
    }
  }
  const columns = clusters
    .filter((g) => g.texts.length >= Math.max(2, filled * 0.5))
    .sort((a, b) => a.x0 - b.x0);
  const groups: LabelGroup[] = [];
  for (const g of columns) {
    const numbers = g.texts.map(wholeNumber);
    const kind: ColumnKind =
      numbers.every((n) => n !== null) && counting(numbers as number[])
        ? 'pos'
        : g.texts.filter((t) => /\d/.test(t) && /^\S+(?:\s+\W*)?$/.test(t.trim())).length >=
            g.texts.length * 0.6
          ? 'article'
          : 'description';
    if (groups.some((x) => x.kind === kind) || present.has(kind)) continue;
    groups.push({ kind, x0: g.x0, x1: Math.min(g.x1, first.x0 - unit) });
  }
  if (!groups.some((g) => g.kind === 'article' || g.kind === 'description')) return header;
  const all = [...groups, ...header.columns.map((c) => ({ kind: c.kind, x0: c.x0, x1: c.x1 }))];
  all.sort((a, b) => a.x0 - b.x0);
  return { ...header, columns: toColumns(all) };
}

const PLAIN_AMOUNT = /^\W*(?:\d{1,3}(?:[',’ ]\d{3})+|\d+)[.,]\d{2}\W*$/;

/**
 * An article-number label OCR made of another ("Ammnt" for "Amount") over amounts with cents on most
 * rows: the line totals' column (or, with a total column read, no column of its own). The article
 * numbers then get their column from the rows (unlabelledArticles).
 */
function amountsUnderArticleLabel(header: TableHeader, rows: TextLine[]): TableHeader {
  const col = header.columns.find((c) => c.kind === 'article' || c.kind === 'customerArticle');
  if (!col || rows.length < 2) return header;
  const under = textsIn(header, rows, col);
  // (an amount of one decimal mark, or of thousands marks other than dots: "204.118.08" is an
  // article number)
  const amounts = under.filter((t) => PLAIN_AMOUNT.test(t)).length;
  if (amounts < 2 || amounts < rows.length * 0.6 || amounts < under.length * 0.8) return header;
  const hasTotal = header.columns.some((c) => c.kind === 'total');
  const groups: LabelGroup[] = header.columns.flatMap((c) =>
    c !== col
      ? [{ kind: c.kind, x0: c.x0, x1: c.x1 }]
      : hasTotal
        ? []
        : [{ kind: 'total' as const, x0: c.x0, x1: c.x1 }],
  );
  return { ...header, columns: toColumns(groups) };
}

/** An article number as a cell holds it: "0003318", "HS-1018", "204.118.05", "B2.8083" (no amount). */
const ARTICLE_CELL = /^(?=(?:\D*\d){3})(?=\S*(?:[A-Za-z.\-/]|\d{5}))[A-Za-z0-9][\w.\-/]{3,13}$/;

/**
 * A header without an article-number label (OCR garbled "Art.-Nr." into "ANE") over a column whose
 * cells are article numbers on most rows, aligned at their left edge: that column is the articles'.
 * Without it, those cells fall into a neighbouring column and the rows lose their anchors.
 */
function unlabelledArticles(header: TableHeader, rows: TextLine[]): TableHeader {
  if (header.columns.some((c) => c.kind === 'article' || c.kind === 'customerArticle' || c.kind === 'gtin'))
    return header;
  const unit = header.line.unit;
  const full = rows.filter((r) => r.cells.length >= 2);
  if (full.length < 3) return header;
  const clusters: { x0: number; x1: number; rows: Set<TextLine> }[] = [];
  for (const r of full) {
    for (const c of r.cells) {
      const t = c.text.trim().replace(/^["“'‘]+|[,;:|'"]+$/gu, '');
      if (!ARTICLE_CELL.test(t) || ANY_AMOUNT.test(t)) continue;
      const k = clusters.find((g) => Math.abs(g.x0 - c.x0) <= unit * 1.5);
      if (k) {
        k.rows.add(r);
        k.x1 = Math.max(k.x1, c.x1);
      } else clusters.push({ x0: c.x0, x1: c.x1, rows: new Set([r]) });
    }
  }
  const best = clusters.sort((a, b) => b.rows.size - a.rows.size)[0];
  if (!best || best.rows.size < Math.max(3, full.length * 0.5)) return header;
  // (not inside a text column: article numbers quoted in descriptions)
  if (header.columns.some((c) => c.kind === 'description' && best.x0 >= c.x0 - unit && best.x0 < c.right))
    return header;
  const all: LabelGroup[] = [
    ...header.columns.map((c) => ({ kind: c.kind, x0: c.x0, x1: c.x1 })),
    { kind: 'article', x0: best.x0, x1: best.x1 },
  ];
  all.sort((a, b) => a.x0 - b.x0);
  return { ...header, columns: toColumns(all) };
}
