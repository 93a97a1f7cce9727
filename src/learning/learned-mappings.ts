/**
 * What clerks taught the gateway: per customer, "what the document said → what it meant". Three
 * kinds: `sku` (an article as this customer writes it → our SKU), `quantity` (a row whose quantity
 * read X means Y), and `sender` (a fax number / e-mail address → this customer). Keys are derived
 * from the row text with the same function at learning and at extraction time, so a correction
 * applies to the next document that says the same thing, whatever OCR did to the separators.
 */
import { descriptionKey } from '../pipeline/match/catalog-index.ts';
import { looksLikeArticle } from '../pipeline/match/match-sku.ts';
import { confusionKey } from '../pipeline/match/sku-normalize.ts';
import type { DraftCustomer, DraftLine } from '../pipeline/types.ts';

export type MappingKind = 'sku' | 'quantity' | 'sender';

export interface LearnedMapping {
  id: string;
  customerId: string;
  kind: MappingKind;
  /** Normalised key of what the document said (see rowKey / senderKey). */
  sourceKey: string;
  /** What the document said, as read (for the clerk listing the mappings). */
  sourceText: string;
  /** What it meant: a SKU, a quantity, or (for `sender`) the customer id. */
  target: string;
  hits: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type MappingInput = Pick<
  LearnedMapping,
  'customerId' | 'kind' | 'sourceKey' | 'sourceText' | 'target'
>;

/** The mappings that apply to one extraction, ready for look-ups. */
export interface LearnedIndex {
  /** sender key → customer id */
  senders: Map<string, string>;
  /** customer id → row key → SKU */
  skus: Map<string, Map<string, string>>;
  /** customer id → `${rowKey}|${quantity as read}` → quantity */
  quantities: Map<string, Map<string, number>>;
}

const NOT_ARTICLE = /^\d{1,2}[:.]\d{2}$|^\d{1,2}\.\d{1,2}\.\d{2,4}$|^\d+[.,]\d{2}$|^\+/;

/**
 * The key of an order row: its first article-like token (confusion-folded, so "1O-47ll" and
 * "10-4711" agree), skipping a leading position number; without one, its first four words.
 */
export function rowKey(text: string): string | null {
  const tokens = text
    .split(/[\s/|]+/)
    .map((t) => t.replace(/^[([{"'„«]+|[)\]}"'»:;,.]+$/g, ''))
    .filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i === 0 && /^\d{1,5}$/.test(t)) continue; // a position number
    if (NOT_ARTICLE.test(t) || !looksLikeArticle(t)) continue;
    return `a:${confusionKey(t)}`;
  }
  const words = descriptionKey(text)
    .trim()
    .split(' ')
    .filter((w) => w.length >= 4 && !/\d/.test(w))
    .slice(0, 4);
  return words.length >= 2 ? `d:${words.join(' ')}` : null;
}

/** E.164 digits for numbers, lower case for addresses. */
export function senderKey(from: string | null | undefined): string | null {
  if (!from) return null;
  const f = from.trim();
  if (f.includes('@')) return f.toLowerCase();
  const digits = f.replace(/[^\d+]/g, '').replace(/^00/, '+');
  return digits.length >= 6 ? digits : null;
}

export function buildLearnedIndex(mappings: LearnedMapping[]): LearnedIndex {
  const idx: LearnedIndex = { senders: new Map(), skus: new Map(), quantities: new Map() };
  // oldest first, so the newest correction of the same key wins
  for (const m of [...mappings].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))) {
    if (m.kind === 'sender') idx.senders.set(m.sourceKey, m.customerId);
    else if (m.kind === 'sku') {
      const per = idx.skus.get(m.customerId) ?? new Map<string, string>();
      per.set(m.sourceKey, m.target);
      idx.skus.set(m.customerId, per);
    } else {
      const q = Number(m.target);
      if (!Number.isFinite(q)) continue;
      const per = idx.quantities.get(m.customerId) ?? new Map<string, number>();
      per.set(m.sourceKey, q);
      idx.quantities.set(m.customerId, per);
    }
  }
  return idx;
}

export const EMPTY_LEARNED: LearnedIndex = { senders: new Map(), skus: new Map(), quantities: new Map() };

export interface OrderSnapshot {
  source: { from: string | null };
  customer: DraftCustomer;
  lines: DraftLine[];
}

/**
 * A clerk's edit → the mappings it teaches. A line is the same line before and after when its
 * evidence (page and text) is the same; lines the clerk added have no evidence and teach nothing.
 */
export function correctionsOf(
  before: OrderSnapshot,
  changes: { customer?: Partial<DraftCustomer>; lines?: DraftLine[] },
): MappingInput[] {
  const out: MappingInput[] = [];
  const customerId = changes.customer?.id !== undefined ? changes.customer.id : before.customer.id;
  if (!customerId) return out;
  if (changes.customer?.id && changes.customer.id !== before.customer.id) {
    const key = senderKey(before.source.from);
    if (key)
      out.push({
        customerId,
        kind: 'sender',
        sourceKey: key,
        sourceText: before.source.from!,
        target: customerId,
      });
  }
  for (const after of changes.lines ?? []) {
    const ev = after.evidence;
    if (!ev?.text) continue;
    const prev = before.lines.find((l) => l.evidence?.text === ev.text && l.evidence.page === ev.page);
    if (!prev) continue;
    const key = rowKey(ev.text);
    if (!key) continue;
    if (after.sku && after.sku !== prev.sku) {
      out.push({ customerId, kind: 'sku', sourceKey: key, sourceText: ev.text, target: after.sku });
    }
    if (after.quantity !== null && prev.quantity !== null && after.quantity !== prev.quantity) {
      out.push({
        customerId,
        kind: 'quantity',
        sourceKey: `${key}|${prev.quantity}`,
        sourceText: ev.text,
        target: String(after.quantity),
      });
    }
  }
  return out;
}
