/**
 * Pages with words → a draft order: layout lines, fax header lines set aside, header fields,
 * customer, line items matched to the catalog, warnings, and one document confidence (the weakest
 * of customer and lines, 0 without lines) so the review queue can sort by it.
 */
import { buildCatalogIndex } from '../match/catalog-index.ts';
import { matchCustomer } from '../match/match-customer.ts';
import type { DraftOrder, InboundMeta, MasterData, PageContent } from '../types.ts';
import { isFaxHeaderLine } from './fax-header.ts';
import { extractHeaderFields } from './header-fields.ts';
import { layoutLines, type TextLine } from './layout-lines.ts';
import { findItems } from './line-items.ts';
import { resolveLine } from './resolve-lines.ts';

const round = (n: number): number => Math.round(n * 100) / 100;

export function extractDraft(pages: PageContent[], meta: InboundMeta, master: MasterData): DraftOrder {
  const idx = buildCatalogIndex(master);
  const warnings: string[] = [...(meta.warnings ?? [])];
  const all: TextLine[] = pages.flatMap((p) => layoutLines(p));
  const body = all.filter((l) => !isFaxHeaderLine(l));
  const fullText = all.map((l) => l.text).join('\n');

  const received = meta.receivedAt ? new Date(meta.receivedAt) : new Date();
  const ref = Number.isNaN(received.getTime()) ? new Date() : received;
  const first = extractHeaderFields(body, ref);
  // dates without a year resolve relative to the order date when there is one
  const fields = first.orderDate ? extractHeaderFields(body, new Date(first.orderDate.value)) : first;
  const orderDate = fields.orderDate ?? first.orderDate;

  const { customer, warnings: cw } = matchCustomer(meta, fullText, idx);
  warnings.push(...cw);

  const items = findItems(body, idx, customer.id);
  const lines = items.map((it, i) => resolveLine(it, i + 1, idx, warnings));
  if (lines.length === 0) warnings.push('no order lines found');

  let deliveryDate = fields.deliveryDate;
  if (deliveryDate && orderDate && deliveryDate.value < orderDate.value) {
    warnings.push(
      `delivery date ${deliveryDate.value} is before the order date ${orderDate.value}; please check`,
    );
    deliveryDate = { ...deliveryDate, confidence: 0.4 };
  }
  if (!fields.reference) warnings.push('no order reference found');

  const lineConf = lines.length === 0 ? 0 : Math.min(...lines.map((l) => l.confidence));
  return {
    source: {
      channel: meta.channel,
      provider: meta.provider,
      from: meta.from,
      to: meta.to,
      receivedAt: meta.receivedAt,
      pages: pages.length,
    },
    customer,
    customerReference: fields.reference?.value ?? null,
    orderDate: orderDate?.value ?? null,
    deliveryDate: deliveryDate?.value ?? null,
    deliveryAddress: null,
    remarks: null,
    lines,
    warnings,
    confidence: round(Math.min(customer.confidence, lineConf)),
  };
}
