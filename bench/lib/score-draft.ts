/** Comparison of a draft order with a corpus ground-truth file (see corpus/dev/README.md). */
import type { DraftOrder } from '../../src/pipeline/types.ts';

export interface Truth {
  file: string;
  channel: string;
  from: string | null;
  to: string | null;
  customerId: string;
  customerReference: string | null;
  orderDate: string | null;
  deliveryDate: string | null;
  lines: { sku: string; quantity: number; unit: string }[];
  family: string;
  quality: string;
}

export interface DocScore {
  customer: boolean;
  reference: boolean;
  orderDate: boolean;
  deliveryDate: boolean;
  tp: number;
  fp: number;
  fn: number;
  touchless: boolean;
  /** The draft's own document confidence (does it know when it is touchless?). */
  confidence: number;
  errors: string[];
}

const key = (sku: string | null, q: number | null): string => `${sku}|${q}`;

export function scoreDraft(draft: DraftOrder, truth: Truth): DocScore {
  const errors: string[] = [];
  const customer = draft.customer.id === truth.customerId;
  if (!customer)
    errors.push(`customer ${draft.customer.id} (${draft.customer.matchedBy}) ≠ ${truth.customerId}`);
  const reference = draft.customerReference === truth.customerReference;
  if (!reference) errors.push(`reference ${draft.customerReference} ≠ ${truth.customerReference}`);
  const orderDate = draft.orderDate === truth.orderDate;
  if (!orderDate) errors.push(`orderDate ${draft.orderDate} ≠ ${truth.orderDate}`);
  const deliveryDate = draft.deliveryDate === truth.deliveryDate;
  if (!deliveryDate) errors.push(`deliveryDate ${draft.deliveryDate} ≠ ${truth.deliveryDate}`);
  const want = new Map<string, number>();
  for (const l of truth.lines) want.set(key(l.sku, l.quantity), (want.get(key(l.sku, l.quantity)) ?? 0) + 1);
  let tp = 0;
  const extra: string[] = [];
  for (const l of draft.lines) {
    const k = key(l.sku, l.quantity);
    const n = want.get(k) ?? 0;
    if (n > 0) {
      tp++;
      want.set(k, n - 1);
    } else extra.push(k);
  }
  const missing = [...want.entries()].flatMap(([k, n]) => Array<string>(n).fill(k));
  if (extra.length) errors.push(`extra lines: ${extra.join(', ')}`);
  if (missing.length) errors.push(`missing lines: ${missing.join(', ')}`);
  const fp = extra.length;
  const fn = missing.length;
  return {
    customer,
    reference,
    orderDate,
    deliveryDate,
    tp,
    fp,
    fn,
    touchless: customer && reference && orderDate && deliveryDate && fp === 0 && fn === 0,
    confidence: draft.confidence,
    errors,
  };
}
