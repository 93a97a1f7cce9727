/**
 * Table header rows and their columns. A header row is a line with at least three kinds of column
 * label (or quantity plus article/description); each label's x-extent becomes a column, and column
 * borders lie halfway between neighbouring labels, so right-aligned numbers and left-aligned text
 * both fall into the column they are printed under.
 */

import { CONFUSIONS } from '../match/sku-normalize.ts';
import type { Word } from '../types.ts';
import { type ColumnKind, COLUMN_LABELS as LABELS } from './column-vocabulary.ts';
import { boundedDistance, findLabelSpans, foldLabel, labelEquals } from './fuzzy-label.ts';
import type { Cell, TextLine } from './layout-lines.ts';
import { A_GRAVE } from './units.ts';

export type { ColumnKind } from './column-vocabulary.ts';

export interface Column {
  kind: ColumnKind;
  x0: number;
  x1: number;
  /** Border to the left/right neighbour. */
  left: number;
  right: number;
}

export interface TableHeader {
  line: TextLine;
  columns: Column[];
  /** Right edge of the quantity numbers, learned from the rows (learnQuantityEdge). */
  quantityEdge?: number | null;
}

/** A column label's extent in a header line. */
export interface LabelGroup {
  kind: ColumnKind;
  x0: number;
  x1: number;
}

/**
 * Column labels in a line (tolerant to OCR errors, multi-word labels first: "Item code" is the
 * article, "Item description" the description, "Price per unit" a price). Words that are not
 * labels but sit in a label's cell ("Preis CHF") widen that label.
 */
function labelGroups(line: TextLine): { groups: LabelGroup[]; labelled: number } {
  const textsOf = (ws: Word[]): string[] =>
    ws.map((w) => (/\p{L}/u.test(w.text) || w.text === '#' ? w.text : ''));
  // a label of several words lies within one cell: "Unit" over one column and "Price" over the
  // next are two labels, not "Unit price" (a word without letters between cells keeps them apart)
  // (on a typewriter page, cells a word space and a half apart may hold one label: "Ext. | Price")
  const joined = (i: number): boolean =>
    line.typewriterSpace !== undefined &&
    line.cells[i]!.x0 - line.cells[i - 1]!.x1 <= 1.5 * line.typewriterSpace;
  let words = line.cells.flatMap((c, i) => (i === 0 || joined(i) ? c.words : [CELL_GAP, ...c.words]));
  let spans = findLabelSpans(textsOf(words), LABELS);
  const split = new Set<Word>();
  if (spans.length >= 2) {
    // a line that already has labels may hold two more glued into one word ("Einheitpreis")
    const unlabelled = new Set(words.filter((_, i) => !spans.some((s) => i >= s.from && i < s.to)));
    const parts = words.flatMap((w) => {
      const halves = unlabelled.has(w) ? splitGluedLabel(w) : null;
      if (halves) split.add(w);
      return halves ?? [w];
    });
    if (split.size > 0) {
      words = parts;
      spans = findLabelSpans(textsOf(words), LABELS);
    }
  }
  const groups: LabelGroup[] = [];
  let labelled = 0;
  for (const s of spans) {
    const ws = words.slice(s.from, s.to);
    groups.push({ kind: s.kind, x0: ws[0]!.box[0], x1: Math.max(...ws.map((w) => w.box[0] + w.box[2])) });
    labelled += s.to - s.from;
  }
  // unlabelled words right after a label in the same cell widen it
  for (const c of line.cells) {
    for (const w of c.words) {
      if (split.has(w)) continue;
      const g = groups.find((x) => x.x0 <= w.box[0] && x.x0 >= c.x0 - 1);
      // (not the narrow position column: a word there is the next label, garbled — "Pos ANI,")
      if (g?.kind === 'pos' && /\p{L}{3}/u.test(w.text)) continue;
      if (g && w.box[0] + w.box[2] > g.x1 && !groups.some((o) => o !== g && o.x0 > g.x0 && o.x0 <= w.box[0]))
        g.x1 = w.box[0] + w.box[2];
    }
  }
  return { groups, labelled };
}

/** An amount with cents, its thousands separated or not ("44.90", "1'122.50", "1,122.50", "1122.50"). */
export const ANY_AMOUNT = /^\d{1,3}(?:['’,.]?\d{3})*[.,]\d{2}$/;

/**
 * A table cell's number without what a ruling or a speck beside it added ("16.50!", "36.60|",
 * "13.60./"), a decimal point read as a colon mended ("12:60"). Specks read as quotes go too
 * around an amount with cents ("44.90\"", "“3.90", "‚47,20"); beside a bare count ("2\"") they may be what
 * the count was read from, and stay.
 */
export const cellNumber = (tok: string): string => {
  const t = tok
    .replace(/[,;!|\]}):./–-]+$/, '')
    .replace(/^(\d{1,4}):(\d{2})$/, '$1.$2')
    // (a thousands apostrophe read as a degree sign: "1°512,00")
    .replace(/^(\d{1,3})°(\d{3}[.,]\d{2})$/, "$1'$2");
  const bare = t.replace(/^["“”„‘’‚«»]+|["“”’»]+$/gu, '');
  if (bare !== t && ANY_AMOUNT.test(bare)) return bare;
  // (a digit of an amount with cents read as the letter it resembles: "9.6C", "12.5O", "l8.40")
  const letters = t.match(/[OoCDlI|SBZG]/g) ?? [];
  if (letters.length === 0 || letters.length > 2 || ANY_AMOUNT.test(t)) return t;
  const digits = t.replace(/[OoCDlI|SBZG]/g, (c) => AMOUNT_LETTERS[c]!);
  return ANY_AMOUNT.test(digits) ? digits : t;
};

/** Letters OCR reads for the digits of an amount: those of article numbers, and o, l and C. */
const AMOUNT_LETTERS: Readonly<Record<string, string>> = { ...CONFUSIONS, o: '0', l: '1', C: '0' };

/** Stands between the cells of a header line: no label spans it. */
const CELL_GAP: Word = { text: '', box: [0, 0, 0, 0], conf: 0 };

/** Quantity labels of five letters or more, folded (for a label OCR garbled at its ends). */
const QUANTITY_LABELS = LABELS.filter(([k]) => k === 'quantity')
  .flatMap(([, ls]) => ls)
  .filter((l) => l.length >= 5);

/** Whether `a` and `b` share `n` letters in a row. */
function sharesRun(a: string, b: string, n: number): boolean {
  for (let i = 0; i + n <= a.length; i++) if (b.includes(a.slice(i, i + n))) return true;
  return false;
}

/** Description labels, folded (for a label cut short). */
const DESCRIPTION_LABELS = LABELS.filter(([k]) => k === 'description').flatMap(([, ls]) => ls);

const GLUE_FIRST = LABELS.flatMap(([, ls]) => ls).filter((l) => l.length >= 4);

/**
 * Two header labels OCR read as one word because their gap was narrow ("Einheifreis" for
 * "Einheit Preis", "Einhet@reis"): the word starts with one label (one edit allowed) and the rest
 * is another. Returns the two labels as two words, the word's box divided by the letters' share;
 * null when the word is no such pair.
 */
function splitGluedLabel(w: Word): [Word, Word] | null {
  const raw = w.text;
  const folded = foldLabel(raw);
  if (folded.length < 8) return null;
  for (const first of GLUE_FIRST) {
    if (first[0] !== folded[0]) continue;
    for (const cut of [first.length, first.length - 1, first.length + 1]) {
      if (cut < 4 || folded.length - cut < 4) continue;
      if (boundedDistance(folded.slice(0, cut), first, 1) > 1) continue;
      const rest = folded.slice(cut);
      const second = GLUE_FIRST.find((l) => labelEquals(rest, l));
      if (!second) continue;
      // cut the printed word where the folded one was cut (letters only are counted)
      let letters = 0;
      let at = 0;
      while (at < raw.length && letters < cut) {
        if (foldLabel(raw[at]!) !== '') letters++;
        at++;
      }
      const share = at / raw.length;
      const [x, y, width, height] = w.box;
      const w0 = Math.round(width * share);
      // the halves carry the labels they were read as (folded), so that a label continuing in the
      // next words ("…reis pro Einheit") is matched whole
      return [
        { text: first, box: [x, y, w0, height], conf: w.conf },
        { text: second, box: [x + w0, y, width - w0, height], conf: w.conf },
      ];
    }
  }
  return null;
}

/** The table header a line is, or null (see the module comment); a copy the caller may change. */
export function detectHeader(line: TextLine): TableHeader | null {
  // (asked of every line by several steps: the fuzzy label search runs once per line)
  let h = known.get(line);
  if (h === undefined) {
    h = findHeader(line);
    known.set(line, h);
  }
  return h ? { ...h } : null;
}

const known = new WeakMap<TextLine, TableHeader | null>();

function findHeader(line: TextLine): TableHeader | null {
  if (line.words.length < 2 || line.words.length > 20) return null;
  const { groups, labelled } = labelGroups(line);
  const kinds = new Set(groups.map((g) => g.kind));
  const strong = kinds.has('quantity') && (kinds.has('article') || kinds.has('description'));
  if (kinds.size < 3 && !strong) return null;
  // two labels and a value between them: "réf. 10-5056 : quantité 12" is an order line (a header
  // OCR merged with its first row still has more labels than that)
  if (kinds.size < 3 && line.words.some((w) => /\d{4}|\d{2,}[-./]\d{2,}/.test(w.text))) return null;
  // labels each followed by their value, "Pos. 1: Art. 0004120, Menge 20 l", are a list in running
  // text (a header merged with its first row has the row's figures after its labels, not between)
  // (a label's group takes in the unlabelled words after it in its cell)
  const valued = groups.filter((g) => {
    const cell = line.cells.find((c) => g.x0 >= c.x0 && g.x0 <= c.x1);
    const next = cell?.words.find((w) => w.box[0] > g.x0 && !/\p{L}{2}/u.test(w.text));
    return next !== undefined && /^\W*\d/.test(next.text);
  }).length;
  if (valued >= 2) return null;
  // most of the line must be labels, not a sentence that happens to contain "Menge" and "Preis"
  // (by words, or by cells: a garbled label "Einhet@reis pro Einheit" is one cell of several words,
  // while a sentence is one or two cells)
  // (short words count half: form rules and checkboxes OCR into "il", "Tue", "is" between labels)
  const wordish = line.words
    .filter((w) => /\p{L}{2}/u.test(w.text))
    .reduce((s, w) => s + (w.text.replace(/[^\p{L}\d]/gu, '').length <= 3 ? 0.5 : 1), 0);
  const labelledCells = line.cells.filter((c) => groups.some((g) => g.x0 >= c.x0 && g.x0 <= c.x1)).length;
  const byCells = line.cells.length >= 3 && labelledCells / line.cells.length >= 0.6 && kinds.size >= 3;
  // with three kinds of label found, words two letters off a label are labels OCR garbled too
  // ("Frois", "ArtsNe,"): they are no sentence's words
  const garbled = kinds.size >= 3 ? nearLabels(line, groups) : 0;
  if ((labelled + garbled) / Math.max(1, wordish) < 0.6 && !byCells) return null;
  const sorted = groups.sort((a, b) => a.x0 - b.x0);
  if (!kinds.has('quantity')) {
    // the quantity label is the one OCR lost ("mossetioonye" for "Bestellmenge"): an unlabelled
    // header word between the description and the unit/price columns is taken for it
    const firstNum = sorted.find((g) => g.kind === 'unit' || g.kind === 'price' || g.kind === 'total');
    const desc = sorted.find((g) => g.kind === 'description' || g.kind === 'article');
    const cand = line.words.filter(
      (w) =>
        /\p{L}{3}/u.test(w.text) &&
        (!desc || w.box[0] > desc.x1) &&
        (!firstNum || w.box[0] + w.box[2] < firstNum.x0) &&
        !sorted.some((g) => w.box[0] >= g.x0 && w.box[0] <= g.x1),
    );
    // elsewhere (the quantity column last, right of the total), an unlabelled word that keeps four
    // letters in a row of a quantity label ("antith" for Quantità)
    const w =
      (firstNum ? cand.at(-1) : undefined) ??
      line.words.find(
        (x) =>
          !sorted.some((g) => x.box[0] >= g.x0 && x.box[0] <= g.x1) &&
          QUANTITY_LABELS.some((l) => sharesRun(foldLabel(x.text), l, 4)),
      );
    if (w) {
      sorted.push({ kind: 'quantity', x0: w.box[0], x1: w.box[0] + w.box[2] });
      sorted.sort((a, b) => a.x0 - b.x0);
    }
  }
  if (!kinds.has('description')) {
    // a description label cut short ("Descrip", "Bezeichn"): the header word that begins one
    // or one garbled two letters off ("méskgnation" for Désignation)
    const free = (x: Word): boolean => !sorted.some((g) => x.box[0] >= g.x0 && x.box[0] <= g.x1);
    const w =
      line.words.find((x) => {
        const f = foldLabel(x.text);
        return (
          f.length >= 5 && DESCRIPTION_LABELS.some((l) => l.length > f.length && l.startsWith(f)) && free(x)
        );
      }) ??
      line.words.find((x) => {
        const f = foldLabel(x.text);
        return (
          f.length >= 8 && DESCRIPTION_LABELS.some((l) => l.length >= 8 && boundedDistance(f, l, 2) <= 2)
        );
      });
    // (a label group that took it in as an unlabelled word of its cell ends before it)
    const host = w && !free(w) ? sorted.find((g) => w.box[0] > g.x0 && w.box[0] <= g.x1) : undefined;
    if (host) host.x1 = w!.box[0] - 1;
    if (w) {
      sorted.push({ kind: 'description', x0: w.box[0], x1: w.box[0] + w.box[2] });
      sorted.sort((a, b) => a.x0 - b.x0);
    }
  }
  if (!sorted.some((g) => g.kind === 'article' || g.kind === 'customerArticle' || g.kind === 'gtin')) {
    // likewise a lost article label ("Arten," for "Art.-Nr."): an unlabelled header word left of
    // the description is the article column, or article numbers would read as descriptions
    const desc = sorted.find((g) => g.kind === 'description');
    const w = line.words.find(
      (x) =>
        /\p{L}{3}/u.test(x.text) &&
        desc &&
        x.box[0] + x.box[2] < desc.x0 &&
        !sorted.some((g) => x.box[0] >= g.x0 && x.box[0] <= g.x1),
    );
    if (w) {
      sorted.push({ kind: 'article', x0: w.box[0], x1: w.box[0] + w.box[2] });
      sorted.sort((a, b) => a.x0 - b.x0);
    }
  }
  return { line, columns: toColumns(sorted) };
}

/** Column labels of five letters or more, folded. */
const LONG_LABELS = LABELS.flatMap(([, ls]) => ls).filter((l) => l.length >= 5);

/** Words outside every label group that are two edits or fewer from a column label. */
function nearLabels(line: TextLine, groups: readonly LabelGroup[]): number {
  return line.words.filter((w) => {
    if (groups.some((g) => w.box[0] >= g.x0 && w.box[0] <= g.x1)) return false;
    const f = foldLabel(w.text);
    return f.length >= 4 && LONG_LABELS.some((l) => boundedDistance(f, l, 2) <= 2);
  }).length;
}

/** Columns from label extents in reading order: borders halfway between neighbours. */
export function toColumns(sorted: readonly LabelGroup[]): Column[] {
  return sorted.map((g, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    return {
      kind: g.kind,
      x0: g.x0,
      x1: g.x1,
      // (labels set so close that one runs into the next, "Prix unitaire HT" over "Quantité": the
      // border is where the next label starts)
      left: prev ? Math.min((prev.x1 + g.x0) / 2, g.x0) : Number.NEGATIVE_INFINITY,
      right: next ? Math.min((g.x1 + next.x0) / 2, next.x0) : Number.POSITIVE_INFINITY,
    };
  });
}

/** The column a cell belongs to: the one holding most of its width (its centre breaks ties). */
export function columnOf(header: TableHeader, x0: number, x1: number): Column | null {
  let best: Column | null = null;
  let bestOverlap = -1;
  for (const c of header.columns) {
    const overlap = Math.min(x1, c.right) - Math.max(x0, c.left);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = c;
    }
  }
  return best;
}

/**
 * Cells of a line by column kind. A multi-word cell belongs to the column where it starts (text is
 * left-aligned and may overhang: "… Pack à 100 Stk" must not put 100 into the quantity column); a
 * one-word cell by its centre (numbers are often right-aligned and wider than their label).
 */
export function cellsByColumn(header: TableHeader, line: TextLine): Map<ColumnKind, string[]> {
  return columnTexts(placedCells(header, line));
}

/** Placed cells' texts by column kind. */
export function columnTexts(placed: readonly PlacedCell[]): Map<ColumnKind, string[]> {
  const out = new Map<ColumnKind, string[]>();
  for (const c of placed) {
    const l = out.get(c.kind);
    if (l) l.push(c.text);
    else out.set(c.kind, [c.text]);
  }
  return out;
}

export interface PlacedCell {
  kind: ColumnKind;
  text: string;
  cell: Cell;
}

/** The cells of a line with their column, in reading order (see cellsByColumn). */
export function placedCells(header: TableHeader, line: TextLine): PlacedCell[] {
  const out: PlacedCell[] = [];
  let prevKind: ColumnKind | null = null;
  const cells = line.cells.flatMap((c) => splitAmounts(header, c, line.unit));
  cells.forEach((cell, i) => {
    // a speck or a form rule OCR read as "7" or "0" is far flatter than any printed or written
    // character; it is no cell content
    if (Math.max(...cell.words.map((w) => w.box[3])) < line.unit * 0.4) return;
    const x = cell.words.length > 1 ? cell.x0 + line.unit * 0.3 : (cell.x0 + cell.x1) / 2;
    let col = header.columns.find((c) => x >= c.left && x < c.right) ?? columnOf(header, cell.x0, cell.x1);
    if (!col) return;
    // a description in a wide typeface runs on past the border to the quantity column ("…
    // Nitril Gr. | 9", "transparent | 500 mm x 300": the words cells apart in Courier): what a
    // word's gap after the description ends well left of the quantity label, or starts well left
    // of it and runs on in words, is the description's
    const prev = out.at(-1);
    const leftOfLabel =
      cell.x1 < col.x0 - line.unit * 0.5 || (cell.words.length > 1 && cell.x0 < col.x0 - line.unit * 2);
    // (so does a figure of it before a price or total column, "Gr. | 10", "M8x40 | 8.8": an amount
    // with cents there is the column's own)
    const figureColumn =
      col.kind === 'quantity' ||
      ((col.kind === 'price' || col.kind === 'total') && !ANY_AMOUNT.test(cellNumber(cell.text.trim())));
    if (
      figureColumn &&
      prev?.kind === 'description' &&
      leftOfLabel &&
      cell.x0 - prev.cell.x1 <= line.unit * 2
    )
      col = header.columns.find((c) => c.kind === 'description') ?? col;
    let text = cell.text;
    // "Pack à | 100 Stk": a description overhanging into the quantity column keeps its "à", so the
    // pack content is not read as the quantity (a lone "a" of its own is a speck, not that "à")
    const prevWords = cells[i - 1]?.words ?? [];
    const before = prevWords.length >= 2 ? prevWords.at(-1)!.text : '';
    if (col.kind === 'quantity' && prevKind === 'quantity' && PACK_WORD.test(before))
      text = `${before} ${text}`;
    prevKind = col.kind;
    out.push({ kind: col.kind, text, cell });
  });
  return out;
}

/** The word before a pack's content ("Pack à | 100 Stk"). */
const PACK_WORD = new RegExp(`^(${A_GRAVE}|x|je|zu|per|par|da)$`, 'i');

/** An amount written with cents ("12.60", "1'250.50", "1.154,00"): a price or a total, no count. */
export const AMOUNT = /^\d{1,3}(?:['’.]?\d{3})*[.,]\d{2}$/;

/**
 * A text cell that ran into the amounts beside it ("cartons de 6 pieces 24,50" with a narrow gap
 * before the price): amounts at its end that stand under a price or total column of their own
 * become cells of their own, and so does a count at its end under the quantity label.
 */
function splitAmounts(header: TableHeader, cell: Cell, unit: number): Cell[] {
  if (cell.words.length < 2) return [cell];
  const colAt = (w: Word): Column | undefined => {
    const x = w.box[0] + w.box[2] / 2;
    return header.columns.find((c) => x >= c.left && x < c.right);
  };
  const own = header.columns.find((c) => cell.x0 + 1 >= c.left && cell.x0 + 1 < c.right);
  let cut = cell.words.length;
  while (cut > 1) {
    const w = cell.words[cut - 1]!;
    const col = colAt(w);
    if (!col || col === own) break;
    const amount = AMOUNT.test(w.text) && (col.kind === 'price' || col.kind === 'total');
    // a count written close after a long description ("Spanplattenschraube 5x80 2") or unit
    // ("cartons de 24 pièces 2"), where the quantity label stands (a figure of the description
    // overhanging ends left of the label)
    const count =
      cut === cell.words.length &&
      col.kind === 'quantity' &&
      (own?.kind === 'description' || own?.kind === 'unit') &&
      /^\d{1,5}$/.test(w.text) &&
      w.box[0] >= col.x0 - unit * 0.5;
    if (!amount && !count) break;
    cut--;
  }
  if (cut === cell.words.length) return [cell];
  const part = (ws: Word[]): Cell => ({
    text: ws.map((w) => w.text).join(' '),
    words: ws,
    x0: ws[0]!.box[0],
    x1: Math.max(...ws.map((w) => w.box[0] + w.box[2])),
  });
  return [part(cell.words.slice(0, cut)), ...cell.words.slice(cut).map((w) => part([w]))];
}

/**
 * Where the quantity numbers of a table really are, learned from its rows: header labels of a
 * garbled or merged header sit anywhere over their column, but the numbers of one column share an
 * edge (right-aligned) or a centre. The densest cluster of right edges of numeric cells under the
 * quantity column wins; null when the rows show no such cluster (fewer than two rows agree).
 */
export function learnQuantityEdge(header: TableHeader, rows: TextLine[]): number | null {
  const edges: number[] = [];
  let unit = 20;
  for (const l of rows) {
    unit = l.unit;
    for (const c of placedCells(header, l)) {
      // whole numbers, or an ERP's three decimals ("20.000"), with what a ruling or speck added;
      // amounts with cents are the prices and totals of a column whose labels OCR lost
      const first = cellNumber((c.text.split(/\s+/)[0] ?? '').replace(/['"]+$/, ''));
      if (c.kind === 'quantity' && /^\d{1,5}(?:[.,']\d{3})?$/.test(first))
        edges.push(c.cell.words[0]!.box[0] + c.cell.words[0]!.box[2]);
    }
  }
  // the densest cluster; of two as dense, the one nearer the quantity label
  const label = header.columns.find((c) => c.kind === 'quantity');
  const away = (x: number): number => (label ? Math.abs(x - label.x1) : 0);
  let best: { x: number; n: number } | null = null;
  for (const e of edges) {
    const n = edges.filter((o) => Math.abs(o - e) <= unit).length;
    if (!best || n > best.n || (n === best.n && away(e) < away(best.x))) best = { x: e, n };
  }
  return best && best.n >= 2 ? best.x : null;
}
