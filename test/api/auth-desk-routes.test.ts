/**
 * The review routes the clerk's desk adds, on each SQL backend: queue filters (customer, received
 * date, confidence), the audit trail, page word boxes and images, customer reassignment with
 * optimistic concurrency, reprocessing a failed document (its old deterministic-id job removed
 * first), the catalog autocomplete and the master-data dry run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobId } from '../../src/jobs.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { backends } from '../helpers/test-database.ts';
import { sampleDraft } from './draft-fixture.ts';

describe.each(backends)('desk review routes on %s', (backend) => {
  let t: TestApp;
  let high: string;
  let low: string;
  let failedOrder: string;
  let failedDoc: string;
  const get = (url: string) => t.app.inject({ url, headers: { authorization: t.auth.admin } });

  async function doc(key: string) {
    const { documentId } = await t.stores.documents.ingest({
      bytes: Buffer.from(`%PDF-1.4 ${key}`),
      contentType: 'pdf',
      meta: {
        channel: 'fax',
        provider: 'upload',
        from: null,
        to: null,
        receivedAt: new Date().toISOString(),
      },
      receiptKey: { provider: 'upload', key },
    });
    return documentId;
  }

  beforeAll(async () => {
    t = await buildTestApp(backend);
    await t.stores.masterData.replaceProducts([
      {
        sku: '10-4711',
        description: 'Senkkopfschraube M4x20',
        unit: 'Pack',
        price: 8.9,
        gtin: '7612345104713',
      },
      { sku: '10-4717', description: 'Senkkopfschraube M4x25', unit: 'Pack', price: 9.4, gtin: null },
      { sku: 'AB-1020X', description: 'Unterlegscheibe M10', unit: 'Stk', price: null, gtin: null },
    ]);
    await t.stores.masterData.replaceCustomers([
      {
        id: 'C-2001',
        name: 'Baumann Metallbau AG',
        fax: null,
        email: null,
        street: null,
        zip: null,
        city: 'Zürich',
        country: 'CH',
      },
      {
        id: 'C-3003',
        name: 'Keller Holzbau GmbH',
        fax: null,
        email: null,
        street: null,
        zip: null,
        city: 'Bern',
        country: 'CH',
      },
    ]);
    const d1 = await doc('high');
    [high] = (await t.stores.orders.createFromDrafts(d1, [sampleDraft({ confidence: 0.95 })])) as [string];
    await t.stores.documents.savePages(d1, [
      {
        page: 1,
        width: 1000,
        height: 1400,
        dpi: 150,
        image: Buffer.from('not really a png'),
        words: [{ text: '10-4711', box: [412, 880, 90, 24], conf: 0.9 }],
        source: 'image',
        rotated: 0,
      },
    ]);
    const d2 = await doc('low');
    [low] = (await t.stores.orders.createFromDrafts(d2, [
      sampleDraft({
        confidence: 0.42,
        customer: { id: 'C-3003', name: 'Keller Holzbau GmbH', matchedBy: 'name', confidence: 0.6 },
      }),
    ])) as [string];
    failedDoc = await doc('failed');
    await t.stores.documents.markFailed(failedDoc, 'the TIFF has no image data');
    failedOrder = await t.stores.orders.createFailed(
      failedDoc,
      'the TIFF has no image data',
      sampleDraft().source,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const ids = async (query: string) =>
    ((await get(`/api/v1/orders?${query}`)).json().items as Array<{ id: string }>).map((o) => o.id);

  it('filters the queue by customer, confidence and received date', async () => {
    expect(await ids('status=needs_review')).toEqual([high, low]);
    expect(await ids('customer=C-3003')).toEqual([low]);
    expect(await ids('customer=baumann')).toEqual([high]);
    expect(await ids('status=needs_review&maxConfidence=0.5')).toEqual([low]);
    expect(await ids('minConfidence=0.9')).toEqual([high]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await ids(`receivedFrom=${today}&receivedTo=${today}`)).length).toBe(3);
    expect(await ids('receivedTo=2000-01-01')).toEqual([]);
    const page1 = (await get('/api/v1/orders?limit=1')).json();
    expect(page1.items).toHaveLength(1);
    const page2 = (await get(`/api/v1/orders?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((o: { id: string }) => o.id)).not.toContain(page1.items[0].id);
    expect((await get('/api/v1/orders/counts')).json()).toMatchObject({ needs_review: 2, failed: 1 });
  });

  it('serves page word boxes and images to the review group', async () => {
    const pages = (await get(`/api/v1/orders/${high}/pages`)).json();
    expect(pages).toEqual([
      {
        page: 1,
        width: 1000,
        height: 1400,
        hasImage: true,
        words: [{ text: '10-4711', box: [412, 880, 90, 24], conf: 0.9 }],
      },
    ]);
    const png = await get(`/api/v1/orders/${high}/pages/1.png`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect((await get(`/api/v1/orders/${high}/pages/2.png`)).statusCode).toBe(404);
    const original = await get(`/api/v1/orders/${high}/original`);
    expect(original.headers['content-type']).toBe('application/pdf');
  });

  it('reassigns the customer with If-Match and keeps an audit trail', async () => {
    const before = (await get(`/api/v1/orders/${low}`)).json();
    const post = (customerId: string, version: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/orders/${low}/customer`,
        payload: { customerId },
        headers: { authorization: t.auth.admin, 'if-match': String(version) },
      });
    expect((await post('C-9999', before.version)).statusCode).toBe(422);
    const ok = await post('C-2001', before.version);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().customer).toMatchObject({
      id: 'C-2001',
      name: 'Baumann Metallbau AG',
      matchedBy: 'manual',
    });
    expect((await post('C-3003', before.version)).statusCode).toBe(409); // stale version
    const audit = (await get(`/api/v1/orders/${low}/audit`)).json();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'update', field: 'customer', actor: 'token:test-admin' });
    expect(audit[0].before.id).toBe('C-3003');
    expect(audit[0].after.id).toBe('C-2001');
    expect((await get('/api/v1/orders/no-such/audit')).statusCode).toBe(404);
  });

  it('reprocesses a failed document, replacing its old job', async () => {
    // An earlier run's job under the same deterministic id; left in place, the new add would be a no-op.
    await t.queues.pages.add('pages', { documentId: failedDoc, earlierRun: true } as never, {
      jobId: jobId(failedDoc, 'pages'),
    });
    const reprocess = (id: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/orders/${id}/reprocess`,
        headers: { authorization: t.auth.admin },
      });
    expect((await reprocess(high)).statusCode).toBe(409); // not failed
    const res = await reprocess(failedOrder);
    expect(res.statusCode).toBe(202);
    const job = await t.queues.pages.getJob(jobId(failedDoc, 'pages'));
    expect(job).toBeTruthy();
    expect(job!.data).toEqual({ documentId: failedDoc });
    const audit = await t.stores.audit.list('order', failedOrder);
    expect(audit.at(-1)).toMatchObject({ action: 'reprocess' });
  });

  it('autocompletes SKUs and customers from the master data', async () => {
    const bySku = (await get('/api/v1/products?q=10-47')).json();
    expect(bySku.map((p: { sku: string }) => p.sku)).toEqual(['10-4711', '10-4717']);
    expect(bySku[0]).toMatchObject({ description: 'Senkkopfschraube M4x20', unit: 'Pack' });
    expect((await get('/api/v1/products?q=10-4717')).json()[0].sku).toBe('10-4717');
    expect((await get('/api/v1/products?q=unterleg')).json().map((p: { sku: string }) => p.sku)).toEqual([
      'AB-1020X',
    ]);
    expect((await get('/api/v1/products?q=7612345104713')).json()[0].sku).toBe('10-4711');
    expect((await get('/api/v1/products?q=%25')).json()).toEqual([]);
    expect((await get('/api/v1/customers?q=holz')).json()).toEqual([
      { id: 'C-3003', name: 'Keller Holzbau GmbH', city: 'Bern' },
    ]);
  });

  it('previews a master-data import with ?dryRun=1 without writing', async () => {
    const csv =
      'sku,description,unit,price,gtin\n10-4711,Senkkopfschraube M4x20 neu,Pack,9.10,\nZZ-1,Neu,Stk,,\n';
    const put = (q: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/master-data/products${q}`,
        payload: csv,
        headers: { authorization: t.auth.admin, 'content-type': 'text/csv' },
      });
    const preview = await put('?dryRun=1');
    expect(preview.json()).toEqual({ inserted: 1, updated: 1, deleted: 2 });
    expect((await t.stores.masterData.load()).products).toHaveLength(3);
    expect((await put('')).json()).toEqual({ inserted: 1, updated: 1, deleted: 2 });
    expect((await t.stores.masterData.load()).products.map((p) => p.sku)).toEqual(['10-4711', 'ZZ-1']);
  });
});
