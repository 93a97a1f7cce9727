/**
 * One token (or a few joined tokens) of a document → a catalog product. Order of trust: exact SKU,
 * normalised SKU, the customer's own article number, GTIN (check digit, one-digit repair),
 * OCR-confusion folding, then one edit. Whenever two products fit equally well the answer is
 * "ambiguous" with the candidates named, never a pick.
 */
import type { DraftLine, Product } from '../types.ts';
import type { CatalogIndex } from './catalog-index.ts';
import { confusionKey, deletions, gtinValid, hamming, normSku } from './sku-normalize.ts';

/** A customer's own number read as it is (or with characters OCR confuses); one edit off is less. */
export const CUSTOMER_SKU_EXACT = 0.9;

export interface SkuMatch {
  product: Product;
  matchedBy: NonNullable<DraftLine['matchedBy']>;
  confidence: number;
  customerSku: string | null;
  gtin: string | null;
  /** What was read, when it differs from the catalog value. */
  read: string;
}

export interface SkuAmbiguity {
  read: string;
  candidates: Product[];
}

export type SkuResult = { kind: 'match'; match: SkuMatch } | { kind: 'ambiguous'; amb: SkuAmbiguity } | null;

/** A token shaped like an article number or GTIN: has digits, not a date/time/price. */
export function looksLikeArticle(raw: string): boolean {
  const n = normSku(raw);
  if (n.length < 4 || n.length > 20) return false;
  const digits = (n.match(/\d/g) ?? []).length;
  return digits >= 3 || (digits >= 2 && n.length >= 5);
}

function uniqueProducts(ps: Product[]): Product[] {
  return [...new Set(ps)];
}

function gtinMatch(read: string, idx: CatalogIndex): SkuResult {
  const digits = confusionKey(read);
  if (!/^\d{13}$|^\d{8}$|^\d{12}$|^\d{14}$/.test(digits)) return null;
  const padded = digits.length === 12 ? `0${digits}` : digits;
  const direct = idx.byGtin.get(digits) ?? idx.byGtin.get(padded);
  if (direct && gtinValid(digits)) {
    const exact = normSku(read) === digits;
    return {
      kind: 'match',
      match: {
        product: direct,
        matchedBy: 'gtin',
        confidence: exact ? 0.95 : 0.85,
        customerSku: null,
        gtin: direct.gtin,
        read,
      },
    };
  }
  // repair: one misread digit. The check digit catches every single-digit error, so the repaired
  // code is trustworthy when exactly one catalog GTIN is one digit away.
  const found: Product[] = [];
  for (let i = 0; i < digits.length; i++) {
    for (let d = 0; d <= 9; d++) {
      const cand = digits.slice(0, i) + d + digits.slice(i + 1);
      if (cand === digits || !gtinValid(cand)) continue;
      const p = idx.byGtin.get(cand);
      if (p && !found.includes(p)) found.push(p);
    }
  }
  if (found.length === 1) {
    const p = found[0]!;
    return {
      kind: 'match',
      match: { product: p, matchedBy: 'gtin', confidence: 0.75, customerSku: null, gtin: p.gtin, read },
    };
  }
  if (found.length > 1) return { kind: 'ambiguous', amb: { read, candidates: found } };
  return null;
}

export function matchSkuToken(read: string, idx: CatalogIndex, customerId: string | null): SkuResult {
  const n = normSku(read);
  if (n.length < 3) return null;
  const exact = idx.bySku.get(read);
  if (exact)
    return {
      kind: 'match',
      match: { product: exact, matchedBy: 'sku', confidence: 0.97, customerSku: null, gtin: null, read },
    };
  const norm = idx.byNorm.get(n);
  if (norm?.length === 1) {
    return {
      kind: 'match',
      match: { product: norm[0]!, matchedBy: 'sku', confidence: 0.93, customerSku: null, gtin: null, read },
    };
  }
  if (customerId) {
    const cs = idx.customerSkus.get(customerId);
    const exact = cs?.get(n) ?? findByConfusion(cs, read);
    const hit = exact ?? findByOneEdit(cs, read);
    if (hit) {
      return {
        kind: 'match',
        match: {
          product: hit.product,
          matchedBy: 'customer-sku',
          confidence: exact ? CUSTOMER_SKU_EXACT : 0.7,
          customerSku: hit.customerSku,
          gtin: null,
          read,
        },
      };
    }
  }
  if (/^\d{8,14}$/.test(confusionKey(read)) && n.length >= 12) {
    const g = gtinMatch(read, idx);
    if (g) return g;
  }
  if (norm && norm.length > 1) return { kind: 'ambiguous', amb: { read, candidates: norm } };
  const key = confusionKey(read);
  const conf = idx.byConfusion.get(key);
  if (conf && conf.length > 0) {
    // rank by how many characters had to be folded; a unique minimum is a safe choice
    const ranked = conf.map((p) => ({ p, d: hamming(normSku(p.sku), n) })).sort((a, b) => a.d - b.d);
    if (ranked.length === 1 || ranked[0]!.d < ranked[1]!.d) {
      const p = ranked[0]!.p;
      return {
        kind: 'match',
        match: { product: p, matchedBy: 'sku-fuzzy', confidence: 0.8, customerSku: null, gtin: null, read },
      };
    }
    return {
      kind: 'ambiguous',
      amb: { read, candidates: ranked.filter((r) => r.d === ranked[0]!.d).map((r) => r.p) },
    };
  }
  if (key.length >= 6 && /\d{3}/.test(key)) {
    // one character dropped, added or misread beyond the confusion table
    const cands = uniqueProducts([
      ...(idx.byDeletion.get(key) ?? []),
      ...deletions(key).flatMap((d) => [...(idx.byConfusion.get(d) ?? []), ...(idx.byDeletion.get(d) ?? [])]),
    ]).filter((p) => editDistanceAtMost1(confusionKey(p.sku), key));
    if (cands.length === 1) {
      const p = cands[0]!;
      return {
        kind: 'match',
        match: { product: p, matchedBy: 'sku-fuzzy', confidence: 0.65, customerSku: null, gtin: null, read },
      };
    }
    if (cands.length > 1) return { kind: 'ambiguous', amb: { read, candidates: cands } };
  }
  return null;
}

function findByConfusion(
  cs: Map<string, { customerSku: string; product: Product }> | undefined,
  read: string,
): { customerSku: string; product: Product } | undefined {
  if (!cs) return undefined;
  const key = confusionKey(read);
  const hits = [...cs.entries()].filter(([k]) => confusionKey(k) === key);
  return hits.length === 1 ? hits[0]![1] : undefined;
}

/**
 * A customer's own number with one character misread beyond the confusion table, dropped or added
 * ("MAZ407" for MA7407). Only among this customer's numbers, only for numbers long enough that one
 * edit leaves them distinct, and only when exactly one is that close.
 */
function findByOneEdit(
  cs: Map<string, { customerSku: string; product: Product }> | undefined,
  read: string,
): { customerSku: string; product: Product } | undefined {
  if (!cs) return undefined;
  const key = confusionKey(read);
  if (key.length < 5 || !/\d{3}/.test(key)) return undefined;
  const hits = [...cs.entries()].filter(([k]) => editDistanceAtMost1(confusionKey(k), key));
  const products = new Set(hits.map(([, v]) => v.product.sku));
  return products.size === 1 ? hits[0]![1] : undefined;
}

function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) return hamming(a, b) <= 1;
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}
