/**
 * The catalog indexed once per master-data version, so that matching a line costs a few map
 * look-ups even for 10k products: exact, normalised and confusion-folded SKU maps, a distance-1
 * deletion index, GTINs, customer article numbers, and character trigrams of the descriptions.
 */
import type { Customer, MasterData, Product } from '../types.ts';
import { confusionKey, deletions, normSku } from './sku-normalize.ts';

export interface CatalogIndex {
  products: Product[];
  customers: Customer[];
  bySku: Map<string, Product>;
  byNorm: Map<string, Product[]>;
  byConfusion: Map<string, Product[]>;
  /** confusion key with one character deleted → products (finds one dropped/extra/misread char). */
  byDeletion: Map<string, Product[]>;
  byGtin: Map<string, Product>;
  /** customerId → normalised customer SKU → product */
  customerSkus: Map<string, Map<string, { customerSku: string; product: Product }>>;
  /** trigram → indexes into products */
  trigrams: Map<string, number[]>;
  trigramCount: number[];
  /** Lengths of normalised SKUs present, to skip tokens that cannot be article numbers. */
  skuLengths: Set<number>;
  /** Character bigram of the confusion-folded SKU → indexes into products (near-miss look-up). */
  skuBigrams: Map<string, number[]>;
  /** List price in cents → products (a printed price names few products). */
  byPriceCents: Map<number, Product[]>;
}

export function descriptionKey(s: string): string {
  return ` ${s
    .toLowerCase()
    // (a measure set against its unit is that measure: "800g" is "800 g", "6mm" is "6 mm")
    .replace(/(\d)(mm|cm|ml|kg|g|m|l|v|w|bar|nm)\b/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

export function trigramsOf(s: string): Set<string> {
  const k = descriptionKey(s);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= k.length; i++) out.add(k.slice(i, i + 3));
  return out;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) {
    if (!list.includes(v)) list.push(v);
  } else m.set(k, [v]);
}

const cache = new WeakMap<MasterData, CatalogIndex>();

export function buildCatalogIndex(master: MasterData): CatalogIndex {
  const hit = cache.get(master);
  if (hit) return hit;
  const idx: CatalogIndex = {
    products: master.products,
    customers: master.customers,
    bySku: new Map(),
    byNorm: new Map(),
    byConfusion: new Map(),
    byDeletion: new Map(),
    byGtin: new Map(),
    customerSkus: new Map(),
    trigrams: new Map(),
    trigramCount: [],
    skuLengths: new Set(),
    skuBigrams: new Map(),
    byPriceCents: new Map(),
  };
  master.products.forEach((p, i) => {
    idx.bySku.set(p.sku, p);
    const n = normSku(p.sku);
    push(idx.byNorm, n, p);
    const c = confusionKey(p.sku);
    push(idx.byConfusion, c, p);
    for (const d of deletions(c)) push(idx.byDeletion, d, p);
    idx.skuLengths.add(n.length);
    if (p.gtin) idx.byGtin.set(p.gtin, p);
    for (let k = 0; k + 2 <= c.length; k++) push(idx.skuBigrams, c.slice(k, k + 2), i);
    if (p.price !== null && p.price > 0) push(idx.byPriceCents, Math.round(p.price * 100), p);
    const tg = trigramsOf(p.description);
    idx.trigramCount[i] = tg.size;
    for (const t of tg) push(idx.trigrams, t, i);
  });
  for (const cs of master.customerSkus) {
    const p = idx.bySku.get(cs.sku);
    if (!p) continue;
    let m = idx.customerSkus.get(cs.customerId);
    if (!m) {
      m = new Map();
      idx.customerSkus.set(cs.customerId, m);
    }
    m.set(normSku(cs.customerSku), { customerSku: cs.customerSku, product: p });
  }
  cache.set(master, idx);
  return idx;
}
