/**
 * A hand-made draft order for API tests that do not run the pipeline.
 */
import type { DraftOrder } from '../../src/pipeline/types.ts';

export function sampleDraft(overrides: Partial<DraftOrder> = {}): DraftOrder {
  return {
    source: {
      channel: 'fax',
      provider: 'upload',
      from: '+41445551234',
      to: '+41445550100',
      receivedAt: '2026-11-27T09:14:03.000Z',
      pages: 1,
    },
    customer: { id: 'C-2001', name: 'Baumann Metallbau AG', matchedBy: 'fax', confidence: 0.99 },
    customerReference: 'PO-4711',
    orderDate: '2026-11-27',
    deliveryDate: '2026-12-03',
    deliveryAddress: null,
    remarks: null,
    fields: {
      customerReference: {
        confidence: 0.85,
        evidence: { page: 1, box: [900, 300, 400, 24], text: 'Bestell-Nr. PO-4711' },
      },
      orderDate: {
        confidence: 0.9,
        evidence: { page: 1, box: [900, 340, 300, 24], text: 'Datum 27.11.2026' },
      },
      deliveryDate: null,
      deliveryAddress: null,
      remarks: null,
    },
    lines: [
      {
        position: 1,
        sku: '10-4711',
        customerSku: null,
        gtin: null,
        description: 'Senkkopfschraube M4x20',
        quantity: 12,
        unit: 'Pack',
        unitPrice: 8.9,
        matchedBy: 'sku',
        confidence: 0.93,
        evidence: { page: 1, box: [412, 880, 610, 24], text: '10-4711 Senkkopfschr. M4x20 12 Pack' },
      },
    ],
    warnings: [],
    confidence: 0.9,
    ...overrides,
  };
}
