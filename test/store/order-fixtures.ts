import type { DraftLine, DraftOrder } from '../../src/pipeline/types.ts';
import type { DocumentStore } from '../../src/store/document-store.ts';

export function draftLine(position: number, sku: string, quantity: number): DraftLine {
  return {
    position,
    sku,
    customerSku: null,
    gtin: null,
    description: `Artikel ${sku}`,
    quantity,
    unit: 'Stk',
    unitPrice: 1.25,
    matchedBy: 'sku',
    confidence: 0.93,
    evidence: { page: 1, box: [412, 880, 610, 24], text: `${sku} ${quantity} Stk` },
  };
}

export function draftOrder(
  reference: string,
  lines: DraftLine[] = [draftLine(1, '10-4711', 12)],
): DraftOrder {
  return {
    source: {
      channel: 'fax',
      provider: 'telnyx',
      from: '+41445551234',
      to: '+41445550000',
      receivedAt: '2026-11-27T09:14:03Z',
      pages: 1,
    },
    customer: { id: 'C-1007', name: 'Baumann AG', matchedBy: 'fax', confidence: 0.99 },
    customerReference: reference,
    orderDate: '2026-11-27',
    deliveryDate: '2026-12-03',
    deliveryAddress: null,
    remarks: null,
    fields: {
      customerReference: {
        confidence: 0.85,
        evidence: { page: 1, box: [900, 300, 400, 24], text: `Bestell-Nr. ${reference}` },
      },
      orderDate: null,
      deliveryDate: null,
      deliveryAddress: null,
      remarks: null,
    },
    lines,
    warnings: ["line 3: 'AB-1O2OX' not in catalog; closest AB-1020X"],
    confidence: 0.9,
  };
}

let n = 0;
/** A fresh document to hang orders on. */
export async function newDocument(docs: DocumentStore): Promise<string> {
  n++;
  const { documentId } = await docs.ingest({
    bytes: Buffer.from(`fax ${n} ${Math.random()}`),
    contentType: 'pdf',
    meta: { channel: 'fax', provider: 'telnyx', from: null, to: null, receivedAt: null },
    receiptKey: { provider: 'telnyx', key: `doc-${n}-${Math.random()}` },
  });
  return documentId;
}
