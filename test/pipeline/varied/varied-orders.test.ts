/**
 * Extraction on orders whose layouts and wording no generator makes (varied-orders.ts): born-digital
 * PDFs through their text layer, e-mails through the whole message. What a clerk would check on
 * each draft: customer, reference, dates and every line's article and quantity.
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMasterDataDir } from '../../../src/masterdata/read-csv.ts';
import { createOcrEngine, type OcrEngine } from '../../../src/pipeline/ocr/ocr-engine.ts';
import { runDocument } from '../../../src/pipeline/run-document.ts';
import type { MasterData } from '../../../src/pipeline/types.ts';
import { VARIED_ORDERS, type VariedOrder } from './varied-orders.ts';

/** The order as a born-digital A4 PDF: each line 1.5 × its largest size below the one before; rulings take no room. */
async function orderPdf(order: VariedOrder): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const hand = await pdf.embedFont(StandardFonts.CourierBoldOblique);
  for (const lines of order.pages!) {
    const page = pdf.addPage(order.landscape ? [842, 595] : [595, 842]);
    let y = order.landscape ? 560 : 800;
    for (const line of lines) {
      if (typeof line === 'number') {
        y -= line;
        continue;
      }
      if (!Array.isArray(line)) {
        const at = { y: y + line.dy };
        page.drawLine({
          start: { x: line.x0, ...at },
          end: { x: line.x1, ...at },
          thickness: 0.8,
          color: rgb(0, 0, 0),
        });
        continue;
      }
      for (const run of line) {
        const font = run.i ? hand : run.b ? bold : regular;
        const size = run.s ?? 10;
        const x = run.r ? run.x - font.widthOfTextAtSize(run.t, size) : run.x;
        page.drawText(run.t, { x, y, size, font });
      }
      y -= Math.max(...line.map((run) => (run.s ?? 10) * 1.5));
    }
  }
  return pdf.save();
}

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
