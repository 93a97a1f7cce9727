/**
 * When a row's article number is unreadable or fits several products, every other thing the row
 * says is evidence: what is left of the article number (confusion-folded edit distance), the
 * description (trigrams), its technical tokens (M10x30, DIN 933, 100 Stk — a wrong dimension is
 * strong evidence *against*), and the printed price (catalog price ≈ printed price, or quantity ×
 * catalog price ≈ printed total). The evidence is combined into one score per candidate and a
 * product is chosen only with a clear margin over the runner-up; otherwise the caller keeps null.
 */
import type { Product } from '../types.ts';
import { type CatalogIndex, descriptionKey } from './catalog-index.ts';
import { descriptionScore, rankByDescription } from './match-description.ts';
import { confusionKey } from './sku-normalize.ts';

export interface RowEvidence {
  /** Texts of the article-number cells (or the ambiguous token) as read. */
  articleTexts: string[];
  /** Description text of the row (or the whole row). */
  text: string;
  unitPrice: number | null;
  total: number | null;
  quantity: number | null;
}

export interface RankedCandidate {
  product: Product;
  score: number;
  sku: number;
  description: number;
  dimensions: number;
  price: number;
}

/** Levenshtein distance, small strings only (article numbers). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Similarity 0..1 of a read article text to a SKU after OCR-confusion folding. */
export function skuSimilarity(read: string, sku: string): number {
  const a = confusionKey(read);
  const b = confusionKey(sku);
  if (a.length < 3 || b.length === 0) return 0;
  // "1547" for 0001547: leading zeros are often left out, and no other digit differs
  if (/^0/.test(b) && a.replace(/^0+/, '') === b.replace(/^0+/, '')) return 0.9;
  const d = editDistance(a, b);
  return Math.max(0, 1 - d / Math.max(a.length, b.length));
}

/**
 * Technical tokens of a text: anything with a digit (M10x30, 933, 100, 0.8), confusion-folded. A
 * dimension printed or read with spaces around its "x" ("M12x 120", "6 x 40") is one token.
 */
export function technicalTokens(s: string): Set<string> {
  const out = new Set<string>();
  // (a whole number written with decimals is that number: "6.0 mm" is "6 mm", "125x1,0" is "125x1")
  const joined = s
    .replace(/(\d)[.,]0+(?![\d.,])/g, '$1')
    .replace(/(\d)(?:\s+[x×]\s*|[x×]\s+)(?=\d)/gi, '$1x');
  for (const t of descriptionKey(joined.replace(/(\d),(\d)/g, '$1.$2'))
    .trim()
    .split(' ')) {
    if (/\d/.test(t)) out.add(confusionKey(t));
  }
  // "0.8" survives as "0 8" after descriptionKey; keep decimals whole too
  for (const m of s.matchAll(/\d+[.,]\d+/g)) out.add(confusionKey(m[0].replace(',', '.')));
  return out;
}

const DIMENSION = /^M\d+X\d+$/;
/** A pack's content in a catalog description: "Pack à 100 Stk", "Box à 200 Paar", "Karton à 25 Stk". */
const PACK_CONTENT = /\s(?:à|a)\s+\d+\s+\p{L}+/gu;

/**
 * Share of the product's technical tokens found in the row, minus a penalty for a *conflicting*
 * dimension (the row says M12x110 where the product is M12x120): 0..1 after clamping.
 */
function dimensionScore(rowTokens: Set<string>, product: Product): number {
  // what a pack holds ("Pack à 100 Stk") an order may say or not: the better of both
  const withPack = sharedFigures(rowTokens, technicalTokens(product.description));
  const packless = product.description.replace(PACK_CONTENT, ' ');
  return packless === product.description
    ? withPack
    : Math.max(withPack, sharedFigures(rowTokens, technicalTokens(packless)));
}

function sharedFigures(rowTokens: Set<string>, pt: Set<string>): number {
  if (pt.size === 0) return 0.5;
  let found = 0;
  let conflict = 0;
  for (const t of pt) {
    if (rowTokens.has(t) || xMisread(t, rowTokens)) found++;
    else if (DIMENSION.test(t)) {
      if ([...rowTokens].some((r) => r !== t && DIMENSION.test(r))) conflict++;
    }
  }
  return Math.max(0, Math.min(1, found / pt.size - 0.5 * conflict));
}

/**
 * A dimension whose "x" OCR read as another character, its figures right: "4.85200" for 4.8x200,
 * "M8K40" for M8x40. (Not a figure of its own misread: "M12x110" is another product than M12x120.)
 */
function xMisread(t: string, rowTokens: Set<string>): boolean {
  const at = t.indexOf('X');
  if (at <= 0 || at === t.length - 1) return false;
  for (const r of rowTokens)
    if (
      r.length === t.length &&
      r[at] !== 'X' &&
      r.slice(0, at) === t.slice(0, at) &&
      r.slice(at + 1) === t.slice(at + 1)
    )
      return true;
  return false;
}

/** Description similarity from which a row counts as being about the product (see rankCandidates). */
const DESCRIBED = 0.3;

/**
 * How many `price`s make `total`, when it is a whole number of them: to the cent, give or take the
 * rounding of a discounted price (404 × 4.50 = 1818 is not 1820); else null.
 */
export function countOfPrice(total: number, price: number): number | null {
  if (price <= 0) return null;
  const n = Math.round(total / price);
  return n > 0 && Math.abs(n * price - total) <= 0.011 + total * 0.0002 ? n : null;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(0.011, Math.abs(b) * 0.005);

/** The largest discount on the list price a customer's contract price is taken for. */
const MAX_DISCOUNT = 0.2;
/** A printed price that is the list price, or a contract price a discount below it. */
export function atListOrContractPrice(price: number, list: number): boolean {
  return price >= list * (1 - MAX_DISCOUNT) - 0.01 && price <= list + 0.01;
}

/** A price that is the list price less a discount: evidence, but weaker than the list price itself. */
const CONTRACT_PRICE = 0.4;

/**
 * 1 when the printed price fits the catalog price (also with a lost decimal point), less when it
 * is that price discounted, else 0.
 */
function priceScore(ev: RowEvidence, product: Product): number {
  const p = product.price;
  if (p === null || p <= 0) return 0;
  if (ev.unitPrice !== null) {
    if (near(ev.unitPrice, p)) return 1;
    if (Number.isInteger(ev.unitPrice) && near(ev.unitPrice / 100, p)) return 0.7; // "8.60" read "860"
    // a customer's contract price: the list price less a discount of up to a fifth ("16.15" for 17.00)
    if (ev.unitPrice < p && ev.unitPrice >= p * (1 - MAX_DISCOUNT)) return CONTRACT_PRICE;
  }
  if (ev.total !== null && ev.quantity !== null && ev.quantity > 0 && near(ev.total, ev.quantity * p))
    return 1;
  // the total is a whole number of catalog prices (quantity and price misread): weaker, and only
  // for prices that do not divide almost anything
  if (ev.total !== null && p >= 1) {
    const n = countOfPrice(ev.total, p);
    if (n !== null && n <= 1000) return 0.5;
  }
  return 0;
}

function poolFor(ev: RowEvidence, idx: CatalogIndex): Product[] {
  const pool = new Set<Product>();
  for (const c of rankByDescription(ev.text, idx, 12)) pool.add(c.product);
  for (const t of ev.articleTexts) for (const p of nearSkus(t, idx, 12)) pool.add(p);
  if (ev.unitPrice !== null) {
    for (const cents of [Math.round(ev.unitPrice * 100), Math.round(ev.unitPrice)]) {
      for (const p of idx.byPriceCents.get(cents) ?? []) pool.add(p);
    }
  }
  return [...pool];
}

/** Products whose confusion-folded SKU shares the most character bigrams with `read`. */
export function nearSkus(read: string, idx: CatalogIndex, limit: number): Product[] {
  const key = confusionKey(read);
  if (key.length < 3) return [];
  const counts = new Map<number, number>();
  for (let i = 0; i + 2 <= key.length; i++) {
    for (const pi of idx.skuBigrams.get(key.slice(i, i + 2)) ?? []) counts.set(pi, (counts.get(pi) ?? 0) + 1);
  }
  const min = Math.max(1, key.length - 4);
  return [...counts.entries()]
    .filter(([, c]) => c >= min)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit * 3)
    .map(([i]) => idx.products[i]!)
    .map((p) => ({ p, s: skuSimilarity(read, p.sku) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, limit)
    .map((x) => x.p);
}

/**
 * Candidates for a row, best first. `pool` limits the choice (the products an ambiguous article
 * number could be); without it the pool comes from description, article-number and price look-ups.
 */
export function rankCandidates(ev: RowEvidence, idx: CatalogIndex, pool?: Product[]): RankedCandidate[] {
  const candidates = pool ?? poolFor(ev, idx);
  const rowTokens = technicalTokens(ev.text);
  const articles = ev.articleTexts.filter((t) => confusionKey(t).length >= 3);
  const out = candidates.map((product) => {
    const sku = articles.length ? Math.max(...articles.map((t) => skuSimilarity(t, product.sku))) : 0;
    const description = descriptionScore(ev.text, product);
    // shared figures ("à 100 Stk", "DIN 933") confirm a product the text is about; with a
    // description that has nothing in common with the row they are a coincidence
    const dimensions = dimensionScore(rowTokens, product) * Math.min(1, description / DESCRIBED);
    const price = priceScore(ev, product);
    // without any article text the other evidence must carry the whole weight
    const score = articles.length
      ? 0.4 * sku + 0.25 * description + 0.25 * dimensions + 0.2 * price
      : 0.5 * description + 0.25 * dimensions + 0.25 * price;
    return { product, score, sku, description, dimensions, price };
  });
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The best candidate when it is far ahead of the runner-up, though below the usual score: at least
 * `minScore`, `margin` ahead and `ratio` times its score (what is left of a garbled row still
 * names one product far better than any other).
 */
export function pickFarAhead(
  ranked: RankedCandidate[],
  minScore: number,
  margin: number,
  ratio = 2,
): RankedCandidate | null {
  const [best, second] = ranked;
  if (!best || best.score < minScore) return null;
  if (second && (best.score - second.score < margin || best.score < second.score * ratio)) return null;
  return best;
}

/** The best candidate when it is good enough and clearly ahead of the runner-up, else null. */
export function pickCandidate(
  ranked: RankedCandidate[],
  minScore = 0.5,
  margin = 0.1,
): RankedCandidate | null {
  const [best, second] = ranked;
  if (!best || best.score < minScore) return null;
  if (second && best.score - second.score < margin) return null;
  return best;
}
