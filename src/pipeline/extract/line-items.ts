/**
 * Line items from text lines. Inside a table (after a header row) an item starts at a row with an
 * article number (or a position number) and takes the following rows as its continuation until
 * the next item; the quantity comes from the quantity column. Outside tables (letters, e-mail
 * bodies) every line naming an article is an item and the quantity comes from its grammar.
 */
import type { CatalogIndex } from '../match/catalog-index.ts';
import { rankByDescription } from '../match/match-description.ts';
import { countOfPrice, pickCandidate, rankCandidates } from '../match/rank-candidates.ts';
import { reviseColumnsByRows } from './columns-by-rows.ts';
import { type ArticleHit, findArticles, namedByDescription } from './find-articles.ts';
import { freeTextItems, priceAndTotal } from './free-text-items.ts';
import type { TextLine } from './layout-lines.ts';
import { documentDecimalMark, joinSpacedThousands, parseNumber, regroupedQuantity } from './parse-number.ts';
import { findQuantities, tokenize } from './quantity-grammar.ts';
import { splitSideBySide } from './side-by-side.ts';
import {
  AMOUNT,
  type ColumnKind,
  cellNumber,
  cellsByColumn,
  columnTexts,
  detectHeader,
  learnQuantityEdge,
  type PlacedCell,
  placedCells,
  type TableHeader,
} from './table-columns.ts';
import { MEASURED_UNITS, normalizeUnit, PACK_OPENERS } from './units.ts';

export interface ItemCandidate {
  lines: TextLine[];
  article: ArticleHit | null;
  /** Article-column text when nothing in the catalog matched it. */
  articleText: string | null;
  description: string | null;
  quantity: number | null;
  quantityConfidence: number;
  unit: string | null;
  unitPrice: number | null;
  total: number | null;
  /** A discount the row states in a discount column, as a fraction (0.1 for "10 %"). */
  discount?: number;
  /** What stands in the quantity column when it reads as no quantity but like a figure ("Z", "4?"). */
  quantityMark?: string;
  /** What stands in the total column when it reads as no amount but holds figures ("sbé00"). */
  totalMark?: string;
  /** The quantity as printed when it was read as a decimal whose mark was lost ("05m" → 0.5). */
  quantityRead?: string;
  /** OCR's confidence in the quantity column's figure (the least of its words), when read there. */
  quantityOcr?: number;
  /** The row's table prints line amounts but no unit prices. */
  amountOnly?: boolean;
  /** The quantity column holds a lone stroke ("|", "l", "I"): a 1 OCR did not read, or a ruling. */
  quantityStroke?: boolean;
  table: number | null;
}

const STOP =
  /^(total|summe|gesamt|zwischensumme|subtotal|net\s+value|total\s+net|montant|totale|importo|mwst|vat|tva|iva|übertrag|endbetrag|nettobetrag|warenwert)\b/i;

/** A totals line whose label is not its first word, or is one word: "Order total EUR 17.309,40", "Gesamtnettowert EUR 777,80". */
const TOTAL_ROW =
  /^(?:\S+\s+){0,2}(?:total\p{L}*|gesamt\p{L}*|\p{L}*summe|endbetrag|nettobetrag|warenwert|totale|net\s+value|order\s+value)\b.*\d[.,]\d{2}$/iu;

/** A subtotal carried over, or a note that the table goes on on the next page ("Fortsetzung auf Seite 2"). */
const CARRY =
  /carried\s+(?:forward|over)|brought\s+forward|übertrag|uebertrag|zwischensumme|zwischentotal|subtotal|report\s+(?:de\s+page)?|à\s+reporter|a\s+riportare|riporto|fortsetzung|continued\s+(?:on|overleaf)|suite\s+(?:à\s+la\s+page|page|au\s+verso)|continua\s+(?:a|alla|in)\s+pagina|segue\s+(?:a|alla|in)\s+pagina|(?:seite|page|pagina)\s+\d+\s*(?:von|of|di|sur|\/)\s*\d+/i;

/** Numbers that describe the pack ("Pack à 100 Stk", "x 50") are not order quantities. */
const PACK_BEFORE = new RegExp(`^(${PACK_OPENERS}|pro|ca\\.?|x)$`, 'i');

/** Quantity candidates in the quantity column of an item's rows. */
function quantityCandidates(texts: string[]): { n: number; unit: string | null; read: string }[] {
  const out: { n: number; unit: string | null; read: string }[] = [];
  for (const t of texts) {
    const toks = tokenize(t);
    for (let i = 0; i < toks.length; i++) {
      if (PACK_BEFORE.test(toks[i - 1] ?? '')) continue;
      // (in the quantity column, a unit glued to its count: "05m", "12Rollen")
      const glued = /^(\d[\d.,']*)(\p{L}{1,8})\.?$/u.exec(toks[i]!);
      const gluedUnit = glued ? normalizeUnit(glued[2]!) : null;
      const n = parseNumber(cellNumber(gluedUnit ? glued![1]! : toks[i]!), 'quantity');
      if (n !== null && n > 0)
        out.push({ n, unit: gluedUnit ?? normalizeUnit(toks[i + 1] ?? ''), read: toks[i]! });
    }
  }
  return out;
}

function firstNumber(
  texts: string[] | undefined,
  kind: 'amount' | 'quantity',
): { n: number; unit: string | null } | null {
  for (const t of texts ?? []) {
    // "1 122,50": an amount with a space between its thousands
    const toks = tokenize(kind === 'amount' ? joinSpacedThousands(t) : t);
    for (let i = 0; i < toks.length; i++) {
      const n = parseNumber(cellNumber(toks[i]!), kind);
      if (n !== null) return { n, unit: normalizeUnit(toks[i + 1] ?? '') };
    }
  }
  return null;
}

/**
 * The unit price in the price column: the first amount, unless that is a whole number which is the
 * quantity of a column whose label OCR lost, followed on its line by the price with cents: it times
 * that price makes the line total ("40 ke 3.20 128.00"), or without a total a unit follows it ("40
 * metri 11.60"). A price that lost its decimal mark ("940 376,00") is neither.
 */
function priceNumber(cols: Map<ColumnKind, string[]>[]): { n: number; unit: string | null } | null {
  const first = firstNumber(colText(cols, 'price'), 'amount');
  if (!first || !Number.isInteger(first.n)) return first;
  // (on that line only: the lines below belong to the next row, or to no column at all)
  const row = cols.find((c) => firstNumber(c.get('price'), 'amount') !== null);
  const toks = tokenize((row?.get('price') ?? []).join(' '));
  const at = toks.findIndex((t) => parseNumber(cellNumber(t), 'amount') === first.n);
  const amounts = toks
    .slice(at + 1)
    .filter((t) => AMOUNT.test(cellNumber(t)))
    .map((t) => parseNumber(cellNumber(t), 'amount'))
    .filter((n): n is number => n !== null);
  const price = amounts[0];
  if (price === undefined) return first;
  const total = amounts[1] ?? firstNumber(row?.get('total'), 'amount')?.n;
  const counted =
    total !== undefined ? countOfPrice(total, price) === first.n : normalizeUnit(toks[at + 1] ?? '') !== null;
  return counted ? { n: price, unit: null } : first;
}

function lineTotalAfterPrice(
  texts: string[],
  price: number | null,
  catalog: number | null = null,
): { n: number } | null {
  if (!price || price <= 0) return null;
  const multiple = (n: number, p: number): boolean => {
    const q = n / p;
    return n > p && Math.abs(q - Math.round(q)) < 0.005 * Math.round(q);
  };
  const t = firstNumber(texts, 'amount');
  if (t && multiple(t.n, price)) return t;
  // further right, an amount written as money ("1'440", "109.00") that the price or the catalog
  // price divides (the printed price misread: "12.60" for 12.00)
  const money = texts
    .flatMap((x) => tokenize(x))
    .filter((x) => /^\d{1,3}(?:['’]\d{3})+(?:[.,]\d{2})?$|^\d+[.,]\d{2}$/.test(x))
    .map((x) => parseNumber(x, 'amount'))
    .filter((n): n is number => n !== null);
  const last = money.at(-1);
  return last !== undefined &&
    last > price &&
    (multiple(last, price) || (catalog !== null && catalog > 0 && multiple(last, catalog)))
    ? { n: last }
    : null;
}

function colText(cols: Map<ColumnKind, string[]>[], kind: ColumnKind): string[] {
  return cols.flatMap((c) => c.get(kind) ?? []);
}

const hasColumn = (header: TableHeader, kind: ColumnKind): boolean =>
  header.columns.some((c) => c.kind === kind);

/** A row's unit price and line total. */
function rowFigures(
  header: TableHeader,
  cols: Map<ColumnKind, string[]>[],
  catalog: number | null = null,
  lines: TextLine[] = [],
): { price: { n: number } | null; total: { n: number } | null } {
  // without a price or a total column (a header OCR garbled: "Unit "URP RIOT,"), a row that ends
  // in two amounts, the second a whole multiple of the first ("piece 14.90 14.90"), ends in its
  // price and line total
  if (!hasColumn(header, 'price') && !hasColumn(header, 'total')) {
    const both = priceAndTotal(tokenize(lines.map((l) => l.text).join(' ')));
    if (both) return { price: { n: both.price }, total: { n: both.total } };
  }
  // without a price column (its label lost to OCR) the total column may hold both: "19.50 156.00",
  // the second a whole multiple of the first
  if (!hasColumn(header, 'price') && hasColumn(header, 'total')) {
    const both = priceAndTotal(tokenize(colText(cols, 'total').join(' ')));
    if (both) return { price: { n: both.price }, total: { n: both.total } };
    // or the price stands under another label, or none: an amount with cents elsewhere in the row
    // of which the total is a whole number ("65.00 | Unterlegscheibe … | 10-6038 | 6.50")
    const total = firstNumber(colText(cols, 'total'), 'amount');
    // (or a cell of its own under the description, right of it: "… Gr. 43 | 89.00", the price
    // label cut to "Pr")
    const other = [...(cols[0] ?? new Map<ColumnKind, string[]>())]
      .filter(([k]) => k !== 'total')
      .flatMap(([k, texts]) =>
        k === 'description'
          ? texts.filter((t) => AMOUNT.test(cellNumber(t.trim())))
          : tokenize(texts.join(' ')),
      )
      .filter((t) => AMOUNT.test(cellNumber(t)))
      .map((t) => parseNumber(cellNumber(t), 'amount'))
      .filter(
        (n): n is number => n !== null && total !== null && n < total.n && countOfPrice(total.n, n) !== null,
      );
    if (total && other.length === 1) return { price: { n: other[0]! }, total };
  }
  const price = priceNumber(cols);
  // without a total column (its label lost to OCR) an amount right of the price that is a whole
  // multiple of it is the line total (on order forms, what follows the price is mostly noise)
  const total = hasColumn(header, 'total')
    ? firstNumber(colText(cols, 'total'), 'amount')
    : lineTotalAfterPrice(colText(cols, 'price').slice(1), price?.n ?? null, catalog);
  return { price, total };
}

function tableItem(
  header: TableHeader,
  lines: TextLine[],
  article: ArticleHit | null,
  table: number,
): ItemCandidate {
  // (a position number under a garbled label is no figure of the column it fell into)
  const placed = lines.map((l) => {
    const cells = placedCells(header, l);
    if (unlabelledPosition(header, l) === null) return cells;
    return cells.filter((c) => !(c.cell.words.length === 1 && c.cell.words[0] === l.words[0]));
  });
  const cols = placed.map(columnTexts);
  let quantity: number | null = null;
  let quantityConfidence = 0;
  let leadingZero: string | null = null;
  let quantityOcr: number | undefined;
  let unit: string | null = null;
  const { price, total } = rowFigures(header, cols, article?.match?.product.price ?? null, lines);
  const discount = rowDiscount(colText(cols, 'discount'));
  if (hasColumn(header, 'quantity')) {
    const qs = quantityCandidates(quantityTexts(header, lines, placed, colText(cols, 'quantity')));
    // with price and total known, the candidate that makes the arithmetic work wins
    const net = price ? price.n * (1 - discount) : 0;
    const fits =
      price && total && price.n > 0
        ? qs.find((c) => Math.abs(c.n * net - total.n) <= 0.011 + total.n * 0.001)
        : undefined;
    const q = fits ?? qs[0];
    if (q) {
      quantity = q.n;
      unit = q.unit;
      quantityConfidence = 0.9;
      const figure = placed
        .flat()
        .filter((c) => c.kind === 'quantity')
        .flatMap((c) => c.cell.words)
        .filter((w) => /\d/.test(w.text));
      if (figure.length > 0) quantityOcr = Math.min(...figure.map((w) => w.conf));
      // "05m": a count with a leading zero was read as a decimal whose mark was lost
      if (!fits && /^0\d/.test(q.read)) leadingZero = q.read;
    }
  } else {
    // (a position number is no count: "1 | carton | 12-0816" on a form row nobody ordered)
    const pos = new Set(
      placed
        .flat()
        .filter((c) => c.kind === 'pos')
        .map((c) => c.cell),
    );
    const tokens = tokenize(
      lines
        .map((l) =>
          l.cells
            .filter((c) => !pos.has(c))
            .map((c) => c.text)
            .join(' '),
        )
        .join(' '),
    );
    const skip = new Set<number>();
    const q = findQuantities(tokens, skip).filter((h) => h.strength >= 2)[0];
    if (q) {
      quantity = q.quantity;
      unit = q.unit;
      quantityConfidence = 0.7;
    }
  }
  // (a figure, or a letter or sign OCR reads for one — "&" for a handwritten 6 or 8, "$" for a 5:
  // not a form's blank line, a bar or a speck)
  const mark = colText(cols, 'quantity')
    .map((t) => t.replace(/[_.\-–|'"‘’“”,:;!]+/g, ' ').trim())
    .find((t) => /\d/.test(t) || /^[ZSlIOBGgq&$§]$/.test(t));
  // ("sbé00", "1°512,00": an amount OCR garbled, its cents still standing after a mark or a letter,
  // not a form's empty cell, nor a figure of the row below that fell into it, "1640")
  const totalMark = hasColumn(header, 'total')
    ? colText(cols, 'total').find((t) => /^\S{2,}[^\d\s]\d{2}$/u.test(t.trim()))
    : undefined;
  const u = colText(cols, 'unit')[0];
  if (u) unit = normalizeUnit(u.split(/\s+/)[0] ?? '') ?? unit;
  const desc = colText(cols, 'description').join(' ') || null;
  // (a position number whose label OCR lost stands in the article column before the number)
  const arts = [...colText(cols, 'article'), ...colText(cols, 'customerArticle'), ...colText(cols, 'gtin')];
  const art = arts.find((t) => t.replace(/\W/g, '').length >= 4) ?? arts[0] ?? null;
  return {
    lines,
    article,
    articleText: article ? null : art,
    description: desc,
    quantity,
    quantityConfidence,
    unit,
    unitPrice: price?.n ?? null,
    total: total?.n ?? null,
    ...(discount > 0 ? { discount } : {}),
    ...(quantity === null && mark ? { quantityMark: mark } : {}),
    ...(quantity === null && total === null && totalMark ? { totalMark } : {}),
    ...(leadingZero ? { quantityRead: leadingZero } : {}),
    ...(quantityOcr !== undefined ? { quantityOcr } : {}),
    ...(!hasColumn(header, 'price') && hasColumn(header, 'total') ? { amountOnly: true } : {}),
    ...(quantity === null && /^[|lI!]$/.test(colText(cols, 'quantity').join(' ').trim())
      ? { quantityStroke: true }
      : {}),
    table,
  };
}

/** "10%", "10 %", "5,5" in a discount column → 0.1, 0.055; nothing readable → 0. */
function rowDiscount(texts: string[]): number {
  for (const t of texts) {
    const m = /(\d{1,2}(?:[.,]\d{1,2})?)\s*%?/.exec(t);
    if (!m) continue;
    const n = Number(m[1]!.replace(',', '.'));
    return n > 0 && n < 90 ? n / 100 : 0;
  }
  return 0;
}

/** Article hits of a table row, preferring those in article-like columns. */
function rowArticle(
  header: TableHeader,
  line: TextLine,
  idx: CatalogIndex,
  customerId: string | null,
): ArticleHit | null {
  const cols = cellsByColumn(header, line);
  for (const k of ['article', 'customerArticle', 'gtin'] as const) {
    for (const t of cols.get(k) ?? []) {
      // (a ruling or speck beside the number, read as a bar or bracket of its own: "10-4717 |")
      const toks = tokenize(t).filter((x) => !/^[|!()[\]{}]+$/.test(x));
      const hit = findArticles(toks, idx, customerId, true)[0];
      if (hit) return hit;
    }
  }
  // (the position and unit columns too: OCR merges "14 10-6018" or "cartons de 24 pièces
  // 205.310.01" into one cell that lands there)
  // (and under the number columns only what is no number: a glued header label such as "Prix
  // unitaire HNotre code" pushes the article column's border right, over "EF7555")
  const numberKinds = new Set<ColumnKind>(['quantity', 'price', 'total']);
  for (const [k, cells] of cols) {
    // (a position column's cells as one: the article column's label garbled to a position label,
    // "N° avcicle", its numbers read apart, "HS | 1018")
    const texts = k === 'pos' && cells.length > 1 ? [...cells, cells.join(' ')] : cells;
    for (const t of texts) {
      const toks = numberKinds.has(k)
        ? tokenize(t).filter((x) => /\p{L}/u.test(x) && /\d{3}/.test(x) && parseNumber(x, 'amount') === null)
        : tokenize(t);
      if (toks.length === 0) continue;
      // (in a merged position cell, what follows the position number is the article, and a
      // number far too long for a position is one: a near match counts there as it would in the
      // article column)
      const hit = findArticles(toks, idx, customerId).find(
        (h) =>
          h.match &&
          (h.match.matchedBy !== 'sku-fuzzy' ||
            (k === 'pos' && (h.from > 0 || h.match.read.replace(/[^\p{L}\p{N}]/gu, '').length >= 6))),
      );
      if (hit) return hit;
    }
  }
  return null;
}

const NUMBER_KINDS = new Set<ColumnKind>(['quantity', 'price', 'total']);

/**
 * A line with its article number in the article column and a description of its own is a row
 * (a form's row nobody ordered, "10-4720 | Senkkopfschraube M5x30"), however short.
 */
function ownRow(header: TableHeader, line: TextLine): boolean {
  const placed = placedCells(header, line);
  return (
    placed.some((c) => c.kind === 'article' && /\d{3}/.test(c.text)) &&
    placed.some((c) => c.kind === 'description' && /\p{L}{3}/u.test(c.text))
  );
}

/** How clearly a description must name one product, and by how much more than the next best. */
const NAMED_SCORE = 0.5;
const NAMED_MARGIN = 0.15;
/**
 * Or less surely but far ahead of any other: a description read well whose price did not read
 * ("Bindodraht verzinkt 3 4 mn" is 0.43 for the binding wire, 0.17 for the next).
 */
const NAMED_ALONE_SCORE = 0.4;
const NAMED_ALONE_MARGIN = 0.2;

/** The text of a row's description column. */
const descriptionOf = (header: TableHeader, line: TextLine): string =>
  (cellsByColumn(header, line).get('description') ?? []).join(' ');

/**
 * The product a line's description names clearly, as the line's article (chosen by description) —
 * when it has a quantity of its own and there is no row it would continue (the table's first row
 * lost its article number), or that row is about another product; else null.
 */
function otherProductNamed(
  header: TableHeader,
  line: TextLine,
  current: { lines: TextLine[]; article: ArticleHit | null } | null,
  idx: CatalogIndex,
  quantityBelow: TextLine | null = null,
): ArticleHit | null {
  // (its quantity may stand a little lower, on a line of its own: a figure written into the form)
  const quantities = [
    ...placedCells(header, line),
    ...(quantityBelow ? placedCells(header, quantityBelow) : []),
  ]
    .filter((c) => c.kind === 'quantity')
    .map((c) => c.text);
  if (!quantities.some((t) => /^\d{1,5}(?:[.,]\d{1,3})?$/.test(t))) return null;
  const read = descriptionOf(header, line);
  if ((read.match(/\p{L}/gu) ?? []).length < 10) return null;
  // the description with its dimensions, and the row's price and total, name the product
  const { price, total } = rowFigures(header, [cellsByColumn(header, line)], null, [line]);
  const quantity = firstNumber(quantities, 'quantity')?.n ?? null;
  const ranked = rankCandidates(
    { articleTexts: [], text: read, unitPrice: price?.n ?? null, total: total?.n ?? null, quantity },
    idx,
  );
  const best =
    pickCandidate(ranked, NAMED_SCORE, NAMED_MARGIN) ??
    pickCandidate(ranked, NAMED_ALONE_SCORE, NAMED_ALONE_MARGIN);
  if (!best) return null;
  if (current) {
    const own =
      current.article?.match?.product ??
      rankByDescription(descriptionOf(header, current.lines[0]!), idx, 1)[0]?.product;
    if (!own || own === best.product) return null;
  }
  return namedByDescription(best.product, read);
}

/**
 * The quantity of an article line of running text that states none, from the lines around it:
 * - a line that only states a quantity ("Menge: 20 Pack", "20 Stk") right above it, unless another
 *   article line took it already ("Position 1: / 20 Stk / 10-4711 Senkkopfschraube");
 * - else such a line right below it ("10-4711 Senkkopfschraube / 20 Stk");
 * - else a labelled one ("Menge: 20") up to three lines below, before any other article line
 *   ("Artikel: 10-4711 / Bezeichnung: Senkkopfschraube / Menge: 20 Pack").
 */
function quantityNearby(
  lines: TextLine[],
  li: number,
  itemsAt: (k: number) => ItemCandidate[],
  used: Set<number>,
): { at: number; quantity: Pick<ItemCandidate, 'quantity' | 'unit' | 'quantityConfidence'> } | null {
  const near = (k: number): boolean => {
    const l = lines[k];
    return !!l && l.page === lines[li]!.page && Math.abs(k - li) <= 3 && !used.has(k);
  };
  const above = li - 1;
  if (near(above)) {
    const q = labelledQuantity(lines[above]) ?? bareQuantity(lines[above]);
    if (q) return { at: above, quantity: q };
  }
  for (let k = li + 1; near(k); k++) {
    const l = lines[k]!;
    const q = labelledQuantity(l) ?? (k === li + 1 ? bareQuantity(l) : null);
    if (q) return { at: k, quantity: q };
    if (itemsAt(k).length > 0) break;
  }
  return null;
}

/** "20 Stk", "3 Kartons": a line that is nothing but a count and its unit. */
function bareQuantity(
  line: TextLine | undefined,
): Pick<ItemCandidate, 'quantity' | 'unit' | 'quantityConfidence'> | null {
  const m = line ? /^\s*[-–•*]?\s*(\d{1,5}(?:[.,]\d{1,3})?)\s+(\p{L}+\.?)\s*$/u.exec(line.text) : null;
  const unit = m ? normalizeUnit(m[2]!) : null;
  const n = m && unit ? parseNumber(m[1]!, 'quantity') : null;
  if (n === null || n <= 0) return null;
  return { quantity: n, unit, quantityConfidence: 0.8 };
}

/** "Menge: 12 Pack", "Qty: 5", "Quantité : 3 cartons" — a line that only states a quantity. */
function labelledQuantity(
  line: TextLine | undefined,
): Pick<ItemCandidate, 'quantity' | 'unit' | 'quantityConfidence'> | null {
  if (!line) return null;
  const m =
    /^(?:menge|anzahl|stückzahl|qty|quantity|quantité|qté|quantità|qtà|qta)\.?\s*:?\s*(\S+)\s*(\S*)\s*$/iu.exec(
      line.text.trim(),
    );
  const n = m ? parseNumber(m[1]!, 'quantity') : null;
  if (n === null || n <= 0) return null;
  return { quantity: n, unit: normalizeUnit(m![2] ?? ''), quantityConfidence: 0.85 };
}

/** A line that holds nothing but a number in the quantity column. */
function quantityOnly(header: TableHeader, line: TextLine): boolean {
  const cells = placedCells(header, line);
  return (
    cells.length > 0 && cells.every((c) => c.kind === 'quantity' && /^\d{1,5}(?:[.,]\d{1,3})?$/.test(c.text))
  );
}

/**
 * A line of a lone count that the next line repeats in its quantity column, touching it or nearly:
 * the same figure read twice.
 */
function repeatsBelow(header: TableHeader, line: TextLine, next: TextLine): boolean {
  if (next.box[1] - (line.box[1] + line.box[3]) > line.unit * 0.3) return false;
  const own = placedCells(header, line)[0]!;
  return placedCells(header, next).some(
    (c) => c.kind === 'quantity' && c.text === own.text && c.cell.x0 < own.cell.x1 && c.cell.x1 > own.cell.x0,
  );
}

/**
 * A row line with a count in the quantity column, where the table's quantities stand, and a word
 * of its own in the description column: an ordered row, not the wrapped text of the row above.
 */
function ownQuantity(header: TableHeader, line: TextLine): boolean {
  const cells = placedCells(header, line);
  const edge = header.quantityEdge;
  const counted = cells.some((c) => {
    if (c.kind !== 'quantity' || !/^\d{1,5}(?:[.,]\d{1,3})?(?:\s+\S+)?$/.test(c.text.trim())) return false;
    if (edge === null || edge === undefined) return true;
    const w = c.cell.words[0]!;
    return Math.abs(w.box[0] + w.box[2] - edge) <= line.unit * 1.5;
  });
  return counted && cells.some((c) => c.kind === 'description' && /\p{L}{4}/u.test(c.text));
}

/**
 * A row line with an amount in the price or total column and a word of its own in the description
 * column: the wrapped text of a row has no amounts of its own, so under a row that has one, this is
 * the next row, whose article number and quantity did not read ("Kabelbinder … | son | SOCKET |
 * 500.00").
 */
function ownAmount(header: TableHeader, line: TextLine): boolean {
  const cells = placedCells(header, line);
  return (
    cells.some((c) => (c.kind === 'price' || c.kind === 'total') && AMOUNT.test(cellNumber(c.text.trim()))) &&
    cells.some((c) => c.kind === 'description' && /\p{L}{4}/u.test(c.text))
  );
}

const centreY = (l: TextLine): number => l.box[1] + l.box[3] / 2;

function isAnchorWithoutMatch(header: TableHeader, line: TextLine): boolean {
  const cols = cellsByColumn(header, line);
  const art = [...(cols.get('article') ?? []), ...(cols.get('customerArticle') ?? [])].join(' ');
  if (/\d{3}/.test(art) && art.replace(/\s/g, '').length >= 4) return true;
  const pos = (cols.get('pos') ?? [])[0];
  if (!pos) return false;
  if (/^\d{1,5}\.?$/.test(pos) && (cols.get('description') ?? []).length > 0) return true;
  // a position with a speck ("3'", "„4") and a description under no label (OCR lost
  // "Bezeichnung"): a row of words and figures across the table
  return (
    /^["„“'‘]?\d{1,4}[.'’,:;)]?$/.test(pos) &&
    line.cells.length >= 4 &&
    line.cells.some((c) => /\p{L}{4}/u.test(c.text)) &&
    line.cells.filter((c) => /\d/.test(c.text)).length >= 3
  );
}

/**
 * Quantity-column texts of an item, nearest to the learned quantity edge first; cells far from it
 * (a description overhanging into the column, "1/2\" 16716") are dropped when a near one exists.
 */
function quantityTexts(
  header: TableHeader,
  lines: TextLine[],
  placed: PlacedCell[][],
  fallback: string[],
): string[] {
  const edge = header.quantityEdge;
  if (edge === null || edge === undefined) return fallback;
  const unit = lines[0]?.unit ?? 20;
  const dist = (c: PlacedCell): number => {
    const w = c.cell.words[0]!;
    return Math.abs(w.box[0] + w.box[2] - edge);
  };
  // (the row's own line first: a figure on a line OCR split off under it is the next row's, or none)
  const near = placed
    .flatMap((cells, i) =>
      cells
        .filter((c) => c.kind === 'quantity' && dist(c) <= unit * 1.5)
        .map((c) => ({ text: c.text, rank: (i === 0 ? 0 : unit * 100) + dist(c) })),
    )
    .sort((a, b) => a.rank - b.rank);
  if (near.length > 0) return near.map((c) => c.text);
  // nothing where the quantities stand: an amount with cents further right is the price of a
  // column whose label OCR lost, not a quantity (a form row nobody ordered); nor is a figure on a
  // line of its own under the row, off the quantities' edge (a form's blank line read as "1")
  const stray = new Set(
    placed.flatMap((cells, i) => (i > 0 && lines[i]!.words.length === 1 ? cells.map((c) => c.text) : [])),
  );
  return fallback.filter((t) => !AMOUNT.test(t.trim()) && !stray.has(t));
}

/** Rows under each header line (until a stop line), for learning the table's columns. */
function rowsByHeader(lines: TextLine[]): Map<TextLine, { header: TableHeader; rows: TextLine[] }> {
  const out = new Map<TextLine, { header: TableHeader; rows: TextLine[] }>();
  let cur: { header: TableHeader; rows: TextLine[] } | null = null;
  for (const line of lines) {
    const h = detectHeader(line);
    if (h) {
      cur = { header: h, rows: [] };
      out.set(line, cur);
    } else if (cur && STOP.test(line.text.trim())) cur = null;
    else if (cur) cur.rows.push(line);
  }
  // the rows' figures correct the columns of a garbled header (columns-by-rows.ts)
  for (const t of out.values()) t.header = reviseColumnsByRows(t.header, t.rows);
  return out;
}

/**
 * The position number a row line begins with, standing under the header's first word where that
 * word is no column label OCR knows ("RéL." for "Pos."): its numbers fell into the next column,
 * so no position column anchors the rows. Null when the line begins with none.
 */
function unlabelledPosition(header: TableHeader, line: TextLine): number | null {
  if (hasColumn(header, 'pos')) return null;
  const head = header.line.words[0];
  const first = line.words[0];
  if (!head || !first || !/^\d{1,3}\.?$/.test(first.text)) return null;
  if (header.columns.some((c) => head.box[0] + head.box[2] > c.x0 && head.box[0] < c.x1)) return null;
  if (Math.abs(first.box[0] - head.box[0]) > line.unit * 1.5) return null;
  if (!line.cells.some((c) => /\p{L}{4}/u.test(c.text))) return null;
  return Number.parseInt(first.text, 10);
}

/** Position numbers a row may skip ahead by, past rows whose number did not read. */
const POSITION_STEP = 3;

/**
 * Order lines of a page's text lines: table rows and lines of running text. Table rows with a line
 * total but nothing else that reads (article number, quantity, price) are no lines, but they were
 * ordered: they go to `unread`, so that the clerk is told. Lines of a form read without its column
 * labels that were taken as not ordered go to `uncounted`.
 */
export function findItems(
  read: TextLine[],
  idx: CatalogIndex,
  customerId: string | null,
  unread: ItemCandidate[] = [],
  uncounted: ItemCandidate[] = [],
): ItemCandidate[] {
  const lines = splitSideBySide(read);
  const learned = rowsByHeader(lines);
  const items: ItemCandidate[] = [];
  let header: TableHeader | null = null;
  let inTable = false;
  let table = 0;
  let current: { lines: TextLine[]; article: ArticleHit | null } | null = null;
  const flush = (): void => {
    if (current && header) items.push(tableItem(header, current.lines, current.article, table));
    current = null;
  };
  const freeText: ItemCandidate[] = [];
  // lines that gave their quantity to an article line of running text
  const usedQuantityLines = new Set<number>();
  // the items of running-text lines, read once (a line may be looked at from the line above)
  const textItems = new Map<number, ItemCandidate[]>();
  const itemsAt = (k: number): ItemCandidate[] => {
    let found = textItems.get(k);
    if (!found) {
      found = freeTextItems(listNumberApart(lines, k), idx, customerId);
      textItems.set(k, found);
    }
    return found;
  };
  // a quantity OCR put on a line of its own, nearer the row below than the row above
  let carried: TextLine | null = null;
  // lines a row took along already (its quantity on a line of its own)
  const taken = new Set<number>();
  // tables whose header has no quantity column
  const countless = new Set<number>();
  // the last position number of the table's rows, where no position column anchors them
  let lastPosition: number | null = null;
  for (const [li, line] of lines.entries()) {
    if (taken.has(li)) continue;
    const detected = detectHeader(line);
    if (detected) {
      flush();
      carried = null;
      const t = learned.get(line);
      const h = t?.header ?? detected;
      h.quantityEdge = t ? learnQuantityEdge(t.header, t.rows) : null;
      // the same column labels atop the next page continue the table (a form over two pages is
      // one form: its rows nobody ordered are counted together)
      const continues =
        header !== null &&
        line.page === header.line.page + 1 &&
        h.columns.map((c) => c.kind).join() === header.columns.map((c) => c.kind).join();
      header = h;
      lastPosition = null;
      inTable = true;
      if (!continues) table++;
      if (!hasColumn(h, 'quantity')) countless.add(table);
      continue;
    }
    // a subtotal carried to or from the next page neither ends the table nor is an item
    if (inTable && CARRY.test(line.text)) {
      flush();
      continue;
    }
    // (a label alone right under the header, no figure with it, is the header's own second line:
    // "Totale" under "Riga Nostro codice … Prezzo Totale" ends no table)
    const underHeader =
      header !== null &&
      line.page === header.line.page &&
      !/\d/.test(line.text) &&
      line.box[1] - (header.line.box[1] + header.line.box[3]) < header.line.unit * 1.5;
    if (
      inTable &&
      header &&
      !underHeader &&
      (STOP.test(line.text.trim()) || TOTAL_ROW.test(line.text.trim()))
    ) {
      flush();
      inTable = false;
      continue;
    }
    if (
      (inTable && header && line.box[1] > header.line.box[1] - 1) ||
      (inTable && header && line.page !== header.line.page)
    ) {
      const article = rowArticle(header, line, idx, customerId);
      const position = unlabelledPosition(header, line);
      const nextPosition =
        position !== null &&
        (lastPosition === null
          ? position <= POSITION_STEP
          : position > lastPosition && position <= lastPosition + POSITION_STEP);
      if (nextPosition) lastPosition = position;
      const prev = current?.lines.at(-1);
      if (
        article &&
        current &&
        !current.article?.match &&
        prev &&
        prev.page === line.page &&
        line.box[1] - (prev.box[1] + prev.box[3]) < line.unit * 2.5 &&
        line.words.length <= 4 &&
        !placedCells(header, line).some(
          (c) => (NUMBER_KINDS.has(c.kind) || c.kind === 'pos') && /^\W*\d/.test(c.text),
        ) &&
        !ownRow(header, line)
      ) {
        // "Ihre Materialnummer: 10-5056" (a short line, no position, no figures) under a row that
        // has the quantity but no article number: the article of that row, not a row of its own
        current.article = article;
        current.lines.push(line);
        continue;
      }
      if (
        article?.match &&
        current?.article?.match?.product.sku === article.match.product.sku &&
        prev &&
        prev.page === line.page &&
        line.box[1] - (prev.box[1] + prev.box[3]) < line.unit * 2.5 &&
        line.words.length <= 2 &&
        !/\d\s+\S*\d/.test(line.text)
      ) {
        // the row's article number again, alone, right under it ("10-6030" under "10-6030 Sechskant-
        // mutter … 100 confezioni 9.80 980.00"): a band of the page a fax line error repeated, or
        // the number printed twice; part of that row, not a row nobody ordered
        current.lines.push(line);
        continue;
      }
      if (article || isAnchorWithoutMatch(header, line)) {
        flush();
        current = { lines: carried ? [line, carried] : [line], article };
        carried = null;
        continue;
      }
      // a row whose article number did not read but whose description clearly names another
      // product than the row above, with a quantity of its own, is a row of its own
      const below = lines[li + 1];
      const quantityBelow =
        below &&
        below.page === line.page &&
        quantityOnly(header, below) &&
        centreY(below) - centreY(line) < line.unit * 1.2
          ? below
          : null;
      const named: ArticleHit | null = otherProductNamed(header, line, current, idx, quantityBelow);
      if (named) {
        flush();
        current = { lines: quantityBelow ? [line, quantityBelow] : [line], article: named };
        if (quantityBelow) taken.add(li + 1);
        continue;
      }
      // a row whose article number did not read, under the next position number ("6 14.90 Hammer
      // …" under a row numbered 4 or garbled)
      if (nextPosition) {
        flush();
        current = { lines: carried ? [line, carried] : [line], article: null };
        carried = null;
        continue;
      }
      const last = current?.lines[current.lines.length - 1];
      const next = lines[li + 1];
      // the count of the row below read twice, once a little above it ("12" over "11 | 12 |
      // 0005230"): a second reading, no count of the row above
      if (next && next.page === line.page && quantityOnly(header, line) && repeatsBelow(header, line, next))
        continue;
      if (
        last &&
        next &&
        next.page === line.page &&
        quantityOnly(header, line) &&
        !placedCells(header, next).some((c) => c.kind === 'quantity') &&
        (rowArticle(header, next, idx, customerId) || isAnchorWithoutMatch(header, next)) &&
        centreY(next) - centreY(line) < centreY(line) - centreY(last)
      ) {
        carried = line;
        continue;
      }
      // a line with words and a quantity of its own under a row that has one is the next row,
      // whose position and article number did not read ("27 GR3OB Womschutz-Regenjacke 3 SIK")
      const h = header;
      // (and the table's first row, whose article number did not read, has no row above to
      // continue: "4 BitSer Tox TIOT40 10419. pièces 19500 10 205,3100% 18,50")
      if (
        (!current && (ownQuantity(h, line) || ownAmount(h, line))) ||
        (current &&
          ((ownQuantity(h, line) && current.lines.some((l) => ownQuantity(h, l))) ||
            (ownAmount(h, line) && current.lines.some((l) => ownAmount(h, l)))))
      ) {
        flush();
        current = { lines: [line], article: null };
        continue;
      }
      if (
        current &&
        last &&
        last.page === line.page &&
        line.box[1] - (last.box[1] + last.box[3]) < line.unit * 2.5
      ) {
        current.lines.push(line);
        continue;
      }
      flush();
      continue;
    }
    const found = itemsAt(li);
    if (found.length === 1 && found[0]!.quantity === null) {
      const q = quantityNearby(lines, li, itemsAt, usedQuantityLines);
      if (q) {
        usedQuantityLines.add(q.at);
        Object.assign(found[0]!, q.quantity, { lines: [line, lines[q.at]!] });
      }
    }
    freeText.push(...found);
  }
  flush();
  // a row with neither a known article nor a quantity (a footer, a stamp, a blank form row) is not
  // an order line
  // (a row with a unit price and a line total is ordered even when its quantity did not read; so
  // is a row whose article number and amount OCR both garbled, "1127-5081 … 5RB.00", in a table
  // whose rows mostly have their counts: dropUnorderedRows tells a form's empty rows apart)
  const rows = items.filter(
    (it) =>
      it.quantity !== null ||
      it.article?.match ||
      it.article?.ambiguity ||
      pricedAndTotalled(it) ||
      (it.totalMark && /\d{3}/.test(it.articleText ?? '')),
  );
  unread.push(...items.filter((it) => !rows.includes(it) && it.total !== null && it.total > 0));
  const ordered = dropUnorderedRows(rows, items, countless);
  strokesAsOnes(ordered, items);
  // a form's row with a figure in its quantity column that reads as none may have been ordered
  unread.push(...rows.filter((it) => !ordered.includes(it) && it.quantityMark && it.article?.match));
  return [
    ...ordered,
    ...(items.length === 0
      ? unorderedFormLines(freeText, uncounted)
      : freeText.filter((f) => f.quantityConfidence >= 0.8 && f.article?.match?.matchedBy === 'sku')),
  ];
}

/**
 * "2.100 pezzi" in a numbered list ("1. 10 confezioni …" above it, "3. …" below): the list number
 * with the count glued to it, its space lost — not 2.1 or 2100. Only where a neighbouring line
 * carries the number before or after it ("2.100 Stück" alone may be 2100 pieces).
 */
function listNumberApart(lines: TextLine[], k: number): TextLine {
  const line = lines[k]!;
  const glued = /^(\d{1,2})\.(\d{1,4})(?=\s)/.exec(line.text);
  if (!glued) return line;
  const n = Number(glued[1]);
  const numbered = (j: number, want: number): boolean => {
    const other = lines[j];
    const m = other && other.page === line.page ? /^\s*(\d{1,2})[.)]\s/.exec(other.text) : null;
    return m !== null && Number(m[1]) === want;
  };
  if (!numbered(k - 1, n - 1) && !numbered(k + 1, n + 1)) return line;
  return { ...line, text: `${n}. ${line.text.slice(glued[1]!.length + 1)}` };
}

/**
 * "1.200" read as 1.2 where the document's amounts write "17.040,00": 1200 (see regroupedQuantity).
 * Only for text whose marks are as printed (a text layer, an e-mail): OCR reads many a dot as a
 * comma, and a misread mark would make a thousandfold quantity.
 */
export function regroupQuantities(items: ItemCandidate[], lines: TextLine[]): void {
  const mark = documentDecimalMark(lines.map((l) => l.text));
  if (!mark) return;
  for (const it of items) {
    const q = it.quantity;
    if (q === null || Number.isInteger(q)) continue;
    it.quantity =
      it.lines
        .flatMap((l) => l.text.split(/\s+/))
        .map((t) => regroupedQuantity(q, t, mark))
        .find((n) => n !== q) ?? q;
  }
}

/**
 * A lone stroke in the quantity column of a table whose other rows all have their count (an ERP
 * order, not a form, where a stroke in an empty cell is a ruling) is a 1 set flush right that OCR
 * read as "|": 1, for the clerk to check.
 */
function strokesAsOnes(ordered: ItemCandidate[], allRows: ItemCandidate[]): void {
  for (const it of ordered) {
    if (!it.quantityStroke || it.quantity !== null) continue;
    const others = allRows.filter((r) => r.table === it.table && r !== it);
    if (others.length === 0 || others.some((r) => r.quantity === null)) continue;
    it.quantity = 1;
    it.quantityConfidence = 0.6;
  }
}

/**
 * A row with a unit price and a line total was ordered, whatever became of its count; not when the
 * "total" is less than the price of one, in a unit not counted in fractions, and stands on a line
 * of its own: a figure of another row that OCR set apart ("… Pack à Paket 11.20" over "9.80", the
 * next row's price).
 */
function pricedAndTotalled(it: ItemCandidate): boolean {
  if (!it.unitPrice || !it.total) return false;
  // (a total misread on the row's own line, "1° piece 6.90 6.50", or beside a garbled price, stands)
  const isTotal = (t: string): boolean => parseNumber(cellNumber(t), 'amount') === it.total;
  if (it.lines[0]!.text.split(/\s+/).some(isTotal)) return true;
  const alone = it.lines
    .slice(1)
    .map((l) => l.text.trim())
    .find((t) => !/\s/.test(t) && isTotal(t));
  if (alone === undefined) return true;
  // (nor is a figure without cents on a line of its own, "198" under a form row "… cartone 42.00")
  if (!/[.,]\d{2}\W*$/.test(alone)) return false;
  return it.total >= it.unitPrice - 0.005 || (it.unit !== null && MEASURED_UNITS.has(it.unit));
}

/**
 * A form whose column labels OCR garbled past reading ("Tim ns Nescrintion Qt, Lun price Amount")
 * is read line by line. Its rows name their articles and prices like ordered lines; where most of
 * four or more such lines have no count, nor a price with a line total, it is a form, and those
 * lines were not ordered (s11400 0033: 8 of 12). Rows whose article number did not read are not
 * among its lines at all, so the clerk is told that the form was read so.
 */
function unorderedFormLines(lines: ItemCandidate[], uncounted: ItemCandidate[]): ItemCandidate[] {
  // (a row's only figure the article's price without its decimal mark, "Pack à pack “1140" for
  // 11.40, is no count)
  const priceOnly = (f: ItemCandidate): boolean => {
    const price = f.article?.match?.product.price;
    return f.unitPrice === null && f.total === null && !!price && f.quantity === Math.round(price * 100);
  };
  // (two amounts with cents, a price and a line total, on a row whose count did not read: an order
  // printed without its column labels, "Arbeitshandschuh Nitril 3,90 - paires 78.00 20 0001574")
  const amounts = (f: ItemCandidate): number =>
    f.lines
      .map((l) => l.text)
      .join(' ')
      .match(/(?<![\d.,'’])\d{1,3}(?:['’ ]?\d{3})*[.,]\d{2}(?![\d.,])/g)?.length ?? 0;
  const counted = lines.filter(
    (f) =>
      (f.quantity !== null && !priceOnly(f)) || (f.unitPrice !== null && f.total !== null) || amounts(f) >= 2,
  );
  if (lines.length < 4 || counted.length / lines.length >= 0.5) return lines;
  uncounted.push(...lines.filter((f) => !counted.includes(f)));
  return counted;
}

/**
 * Pre-printed order forms list the catalogue; only rows with a filled-in quantity are ordered. In a
 * table whose rows mostly have a quantity (an ERP order), a row without one is kept (quantity
 * unreadable, the clerk must look); where most rows lack one (a form), those rows are dropped.
 */
function dropUnorderedRows(
  items: ItemCandidate[],
  allRows: ItemCandidate[],
  countless: Set<number>,
): ItemCandidate[] {
  // the share is taken over every row of the table, also those whose article did not read: on a
  // poorly read form those are most of the empty ones
  const byTable = new Map<number, ItemCandidate[]>();
  for (const it of allRows) byTable.set(it.table ?? 0, [...(byTable.get(it.table ?? 0) ?? []), it]);
  return items.filter((it) => {
    // a row with a line total was ordered, whatever became of its quantity; so was a row with a
    // line amount in a table whose quantity column the page lost (no form is without one)
    if (it.quantity !== null || pricedAndTotalled(it)) return true;
    if (it.total !== null && it.total > 0 && countless.has(it.table ?? 0)) return true;
    // a row of a known article whose line amount OCR garbled ("sbé00") was ordered too: an empty
    // form row has nothing in that column
    if (it.totalMark && it.article?.match) return true;
    const rows = byTable.get(it.table ?? 0) ?? [];
    const filled = rows.filter((r) => r.quantity !== null).length;
    return filled / rows.length >= 0.5;
  });
}
