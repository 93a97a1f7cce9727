/**
 * The whole path with real parts: upload → store → BullMQ → pages (sharp/pdfjs) → OCR
 * (tesseract.js) → extraction → draft for review → confirm → ERP feed. Runs on both backends.
 * Hostile inputs end as `failed` documents with a reason, and the process stays up.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBlob } from '../../fixtures/generator/hostile-inputs.ts';
import { parseCustomerSkusCsv, parseCustomersCsv, parseProductsCsv } from '../../src/masterdata/read-csv.ts';
import { buildTestApp, multipart, type TestApp, waitFor } from '../helpers/test-app.ts';
import { backends } from '../helpers/test-database.ts';

const fixture = (p: string) => readFileSync(new URL(`../../fixtures/${p}`, import.meta.url));
const truth = JSON.parse(fixture('documents/order-fine-g4.json').toString()) as {
  from: string;
  customerId: string;
  lines: Array<{ sku: string; quantity: number }>;
};

describe.each(backends)('pipeline end to end on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(backend, { workers: true });
    await t.stores.masterData.replaceProducts(
      parseProductsCsv(fixture('master-data/products.csv').toString()),
    );
    await t.stores.masterData.replaceCustomers(
      parseCustomersCsv(fixture('master-data/customers.csv').toString()),
    );
    await t.stores.masterData.replaceCustomerSkus(
      parseCustomerSkusCsv(fixture('master-data/customer_skus.csv').toString()),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  async function upload(bytes: Uint8Array, fields: Record<string, string>): Promise<string> {
    const body = multipart({ name: 'doc', bytes }, fields);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: body.payload,
      headers: { ...body.headers, authorization: t.auth.ingest },
    });
    expect(res.statusCode).toBe(202);
    return res.json().documentId;
  }

  const documentDone = (id: string) =>
    waitFor(
      async () => {
        const res = await t.app.inject({
          url: `/api/v1/documents/${id}`,
          headers: { authorization: t.auth.admin },
        });
        const doc = res.json();
        return ['processed', 'failed', 'duplicate'].includes(doc.status) ? doc : undefined;
      },
      90_000,
      `document ${id} to finish`,
    );

  it('turns a fine-resolution G4 fax into a draft with the caller as customer, confirmed and pulled by the ERP', async () => {
    const id = await upload(fixture('documents/order-fine-g4.tif'), {
      from: truth.from,
      to: '+41445550100',
      channel: 'fax',
    });
    const doc = await documentDone(id);
    expect(doc.status).toBe('processed');
    expect(doc.orderIds).toHaveLength(1);

    const admin = { authorization: t.auth.admin };
    const order = (await t.app.inject({ url: `/api/v1/orders/${doc.orderIds[0]}`, headers: admin })).json();
    expect(order.status).toBe('needs_review');
    expect(order.customer).toMatchObject({ id: truth.customerId, matchedBy: 'fax' });
    expect(order.source).toMatchObject({ channel: 'fax', from: truth.from, pages: 1 });
    const expected = new Set(truth.lines.map((l) => `${l.sku}|${l.quantity}`));
    const correct = order.lines.filter((l: { sku: string; quantity: number }) =>
      expected.has(`${l.sku}|${l.quantity}`),
    );
    expect(correct.length).toBeGreaterThanOrEqual(1);
    for (const l of order.lines) expect(l.evidence?.page).toBe(1);

    const page = await t.app.inject({ url: `/api/v1/documents/${id}/pages/1.png`, headers: admin });
    expect(page.statusCode).toBe(200);
    expect(page.rawPayload.subarray(1, 4).toString()).toBe('PNG');

    const confirm = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/confirm`,
      headers: admin,
    });
    expect(confirm.json().status).toBe('confirmed');
    const feed = (
      await t.app.inject({ url: '/erp/v1/orders', headers: { authorization: t.auth.erp } })
    ).json();
    expect(feed.items.map((o: { id: string }) => o.id)).toContain(order.id);
  });

  // the clerk sees each line's evidence box drawn on the page picture: on a page sent askew, which
  // OCR read straightened, the picture served must be straightened too or the boxes miss their rows
  it('serves the page picture on which the evidence boxes sit, for a page sent askew', async () => {
    const askew = await sharp(fixture('documents/order-fine-g4.tif'))
      .rotate(-2.5, { background: '#ffffff' })
      .greyscale()
      .withDensity(200)
      .png()
      .toBuffer();
    const id = await upload(askew, { from: truth.from, channel: 'fax' });
    const doc = await documentDone(id);
    expect(doc.status).toBe('processed');
    const admin = { authorization: t.auth.admin };
    const order = (await t.app.inject({ url: `/api/v1/orders/${doc.orderIds[0]}`, headers: admin })).json();
    const boxes: Array<[number, number, number, number]> = order.lines.map(
      (l: { evidence: { box: [number, number, number, number] } }) => l.evidence.box,
    );
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    const page = await t.app.inject({ url: `/api/v1/documents/${id}/pages/1.png`, headers: admin });
    // both ends of a line's row are on its ink; 2.5° moves them a line's height apart
    expect(await endsOnInk(page.rawPayload, boxes)).toBe(boxes.length);
    expect(await endsOnInk(askew, boxes)).toBeLessThan(boxes.length);
  });

  it.each([
    ['a corrupt PDF', () => fixture('documents/hostile/corrupt.pdf'), /pdf|corrupt|damaged|read/i],
    ['a truncated TIFF', () => fixture('documents/hostile/truncated.tif'), /tiff|truncated|corrupt|read/i],
    ['a zero-byte file', () => fixture('documents/hostile/empty.bin'), /empty/i],
    ['a 3 MB random blob', () => randomBlob(3 * 1024 * 1024, 7), /not a pdf|unsupported|type/i],
  ])('ends %s as failed with a reason a clerk can read', async (_name, bytes, reason) => {
    const id = await upload(bytes(), { from: '+41440000001' });
    const doc = await documentDone(id);
    expect(doc.status).toBe('failed');
    expect(doc.failureReason).toMatch(reason);
    const failedOrders = (
      await t.app.inject({
        url: '/api/v1/orders?status=failed&limit=100',
        headers: { authorization: t.auth.admin },
      })
    ).json();
    expect(failedOrders.items.some((o: { documentId: string }) => o.documentId === id)).toBe(true);
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
  });
});

/** How many boxes hold ink in the middle band of both their first and last eighth. */
async function endsOnInk(png: Buffer, boxes: Array<[number, number, number, number]>): Promise<number> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const inkIn = (x0: number, x1: number, y0: number, y1: number): number => {
    let ink = 0;
    for (let y = Math.round(y0); y < Math.round(y1); y++)
      for (let x = Math.round(x0); x < Math.round(x1); x++) if (data[y * info.width + x]! < 128) ink++;
    return ink;
  };
  return boxes.filter(([x, y, w, h]) => {
    const band = [y + h / 3, y + (2 * h) / 3] as const;
    return inkIn(x, x + w / 8, ...band) > 0 && inkIn(x + (7 * w) / 8, x + w, ...band) > 0;
  }).length;
}
