/**
 * Last resort: the article text of a line against catalog descriptions by character trigrams,
 * which survive OCR errors far better than whole words. Returns a product only with a clear margin
 * over the runner-up, and always with a low confidence: the clerk must look.
 */
import type { Product } from '../types.ts';
import { type CatalogIndex, trigramsOf } from './catalog-index.ts';

export interface DescriptionCandidate {
  product: Product;
  score: number;
}

export function rankByDescription(text: string, idx: CatalogIndex, limit = 3): DescriptionCandidate[] {
  const q = trigramsOf(text);
  if (q.size < 6) return [];
  const shared = new Map<number, number>();
  for (const t of q) {
    for (const i of idx.trigrams.get(t) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  }
  const out: DescriptionCandidate[] = [];
  for (const [i, s] of shared) {
    const pc = idx.trigramCount[i] ?? 1;
    // containment of the catalog text in the line, tempered by Dice so short texts do not win alone
    const containment = s / pc;
    const dice = (2 * s) / (pc + q.size);
    out.push({ product: idx.products[i]!, score: 0.7 * containment + 0.3 * dice });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** Similarity of one product's description to `text`, 0..1 (same measure as rankByDescription). */
export function descriptionScore(text: string, product: Product): number {
  const q = trigramsOf(text);
  const p = trigramsOf(product.description);
  if (q.size === 0 || p.size === 0) return 0;
  let s = 0;
  for (const t of p) if (q.has(t)) s++;
  return 0.7 * (s / p.size) + 0.3 * ((2 * s) / (p.size + q.size));
}
