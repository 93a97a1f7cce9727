/**
 * Extraction on orders whose layouts and wording no generator makes (varied-orders.ts): born-digital
 * PDFs through their text layer, e-mails through the whole message. What a clerk would check on
 * each draft: customer, reference, dates and every line's article and quantity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMasterDataDir } from '../../../src/masterdata/read-csv.ts';
import { createOcrEngine, type OcrEngine } from '../../../src/pipeline/ocr/ocr-engine.ts';
import { runDocument } from '../../../src/pipeline/run-document.ts';
import type { MasterData } from '../../../src/pipeline/types.ts';
import { orderPdf, VARIED_ORDERS } from './varied-orders.ts';

let master: MasterData;
let ocr: OcrEngine;
beforeAll(async () => {
  master = await loadMasterDataDir('fixtures/master-data');
  // (text-layer pages and e-mail bodies are read without OCR; the engine is what the pipeline asks)
  ocr = await createOcrEngine({ workers: 1 });
});
afterAll(async () => {
  await ocr?.close();
});

describe('orders in layouts no generator makes', () => {
  it.each(VARIED_ORDERS.map((o) => [o.name, o] as const))('%s', async (_, order) => {
    const bytes = order.eml ? new TextEncoder().encode(order.eml) : await orderPdf(order);
    const draft = await runDocument(
      bytes,
      {
        channel: order.eml ? 'email' : 'upload',
        provider: null,
        from: null,
        to: null,
        receivedAt: '2026-11-27T09:00:00Z',
      },
      { ocr, master },
    );
    const { want } = order;
    if (want.cust !== undefined) expect(draft.customer.id, 'customer').toBe(want.cust);
    if (want.ref !== undefined) expect(draft.customerReference, 'reference').toBe(want.ref);
    if (want.od !== undefined) expect(draft.orderDate, 'order date').toBe(want.od);
    if (want.dd !== undefined) expect(draft.deliveryDate, 'delivery date').toBe(want.dd);
    expect(draft.lines.map((l) => `${l.sku}|${l.quantity}`).sort(), 'lines').toEqual([...want.lines].sort());
  });
});
