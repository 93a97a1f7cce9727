/**
 * Table header rows and their columns. A header row is a line with at least three kinds of column
 * label (or quantity plus article/description); each label's x-extent becomes a column, and column
 * borders lie halfway between neighbouring labels, so right-aligned numbers and left-aligned text
 * both fall into the column they are printed under.
 */
import type { Cell, TextLine } from './layout-lines.ts';

export type ColumnKind =
  | 'pos'
  | 'article'
  | 'customerArticle'
  | 'gtin'
  | 'description'
  | 'quantity'
  | 'unit'
  | 'price'
  | 'total';

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
}

// multi-word labels first so that "Price per unit" is a price and "Order qty." a quantity
const LABELS: [ColumnKind, RegExp][] = [
  [
    'price',
    /^(price\s+per\s+unit|unit\s+price|prix\s+unit|prezzo\s+unit|einzelpreis|stückpreis|preis|pr\.?\s*\/\s*pe|prix|prezzo|price|ep)\b/i,
  ],
  [
    'quantity',
    /^(order\s+qty|bestellmenge|menge|anzahl|anz\.?|qt[ée]\.?|quantit[éeà]|qty|quantity|qtà|stückzahl|bestellt)/i,
  ],
  ['customerArticle', /^(ihre\s+art|your\s+(?:item|art|part)|vos\s+r[ée]f|vostro\s+cod)/i],
  ['gtin', /^(ean|gtin)\b/i],
  [
    'article',
    /^(unsere\s+art|art[.\s-]*nr|artikel[\s-]*n|artikel$|art\.?$|material|code|codice|r[ée]f|item\s+no|article|part\s+no|sku|n[°o]\s+art|cod\.)/i,
  ],
  ['pos', /^(pos|position|nr\.?$|item$|riga|lfd|n[°o]\.?$|ln)/i],
  [
    'description',
    /^(bezeichnung|artikelbezeichnung|beschreibung|text|d[ée]signation|description|descrizione|produkt|product|articolo)/i,
  ],
  ['unit', /^(einheit|me|unit[éeà]?|um|u\.m\.?|ve|mengeneinheit|uom)\.?$/i],
  ['total', /^(total|betrag|gesamt|montant|importo|net\s+value|netto|totale|summe|wert)/i],
];

function kindOf(text: string): ColumnKind | null {
  const t = text.trim();
  for (const [k, re] of LABELS) if (re.test(t)) return k;
  return null;
}

/** Label groups in a line: a cell whose text is a label, else the cell's words one by one. */
function labelGroups(cells: Cell[]): { kind: ColumnKind; x0: number; x1: number }[] {
  const out: { kind: ColumnKind; x0: number; x1: number }[] = [];
  for (const c of cells) {
    const whole = kindOf(c.text);
    const perWord = c.words.map((w) => kindOf(w.text));
    const distinct = new Set(perWord.filter(Boolean));
    if (whole && distinct.size <= 1) {
      out.push({ kind: whole, x0: c.x0, x1: c.x1 });
      continue;
    }
    if (whole && /\s(per|pro|par)\s/i.test(c.text)) {
      out.push({ kind: whole, x0: c.x0, x1: c.x1 });
      continue;
    }
    c.words.forEach((w, i) => {
      const k = perWord[i];
      const last = out[out.length - 1];
      if (k) out.push({ kind: k, x0: w.box[0], x1: w.box[0] + w.box[2] });
      else if (last && i > 0) last.x1 = w.box[0] + w.box[2];
    });
  }
  return out;
}

export function detectHeader(line: TextLine): TableHeader | null {
  if (line.words.length < 2 || line.words.length > 16) return null;
  const groups = labelGroups(line.cells);
  const kinds = new Set(groups.map((g) => g.kind));
  const strong =
    kinds.has('quantity') &&
    (kinds.has('article') || kinds.has('description') || kinds.has('customerArticle'));
  if (kinds.size < 3 && !strong) return null;
  // most of the line must be labels, not a sentence that happens to contain "Menge" and "Preis"
  const labelled = groups.length / Math.max(1, line.cells.length);
  if (labelled < 0.6) return null;
  const sorted = groups.sort((a, b) => a.x0 - b.x0);
  const columns: Column[] = sorted.map((g, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    return {
      kind: g.kind,
      x0: g.x0,
      x1: g.x1,
      left: prev ? (prev.x1 + g.x0) / 2 : Number.NEGATIVE_INFINITY,
      right: next ? (g.x1 + next.x0) / 2 : Number.POSITIVE_INFINITY,
    };
  });
  return { line, columns };
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
  const out = new Map<ColumnKind, string[]>();
  for (const cell of line.cells) {
    const x = cell.words.length > 1 ? cell.x0 + line.unit * 0.3 : (cell.x0 + cell.x1) / 2;
    const col = header.columns.find((c) => x >= c.left && x < c.right) ?? columnOf(header, cell.x0, cell.x1);
    if (!col) continue;
    const l = out.get(col.kind);
    if (l) l.push(cell.text);
    else out.set(col.kind, [cell.text]);
  }
  return out;
}
