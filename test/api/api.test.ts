/**
 * The HTTP contract of DESIGN.md against the real app, real Redis and each SQL backend:
 * token scopes, upload durability and idempotency, review edits with optimistic concurrency,
 * the ERP feed and its acknowledgements, master-data upload.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, multipart, type TestApp } from '../helpers/test-app.ts';
import { backends } from '../helpers/test-database.ts';
import { sampleDraft } from './draft-fixture.ts';

const tiff = readFileSync(new URL('../../fixtures/documents/order-fine-g4.tif', import.meta.url));

describe.each(backends)('HTTP API on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function upload(bytes: Uint8Array, fields: Record<string, string>, auth = t.auth.ingest) {
    const body = multipart({ name: 'fax.tif', bytes, contentType: 'image/tiff' }, fields);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: body.payload,
      headers: { ...body.headers, authorization: auth },
    });
  }

  async function draftOrder(): Promise<string> {
    const res = await upload(Buffer.concat([tiff, Buffer.from(Math.random().toString())]), {
      from: '+41445551234',
    });
    const { documentId } = res.json();
    const [id] = await t.stores.orders.createFromDrafts(documentId, [sampleDraft()]);
    return id!;
  }

  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ database: 'ok', redis: 'ok' });
  });

  it('rejects missing tokens with 401 and wrong scopes with 403', async () => {
    expect((await t.app.inject('/api/v1/orders')).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: '/api/v1/orders', headers: { authorization: 'Bearer fgt_nope' } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ url: '/api/v1/orders', headers: { authorization: t.auth.ingest } })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ url: '/api/v1/orders', headers: { authorization: t.auth.erp } })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ url: '/erp/v1/orders', headers: { authorization: t.auth.ingest } })).statusCode,
    ).toBe(403);
    expect((await upload(tiff, {}, t.auth.erp)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ url: '/erp/v1/orders', headers: { authorization: t.auth.admin } })).statusCode,
    ).toBe(200);
  });

  it('stores an upload before answering 202, enqueues it under the document id, and deduplicates', async () => {
    const res = await upload(tiff, { from: '+41445551234', to: '+41445550100', channel: 'fax' });
    expect(res.statusCode).toBe(202);
    const { documentId } = res.json();
    const doc = await t.stores.documents.get(documentId);
    expect(doc?.status).toBe('received');
    expect(doc?.contentType).toBe('tiff');
    expect(Buffer.from((await t.stores.documents.getBytes(documentId))!).equals(tiff)).toBe(true);
    expect(await t.queues.pages.getJob(documentId)).toBeTruthy();

    const again = await upload(tiff, { from: '+41445551234', channel: 'fax' });
    expect(again.json().documentId).toBe(documentId);
    const other = await upload(tiff, { from: '+41449999999', channel: 'fax' });
    expect(other.json().documentId).not.toBe(documentId);

    const status = await t.app.inject({
      url: `/api/v1/documents/${documentId}`,
      headers: { authorization: t.auth.admin },
    });
    expect(status.json()).toMatchObject({
      id: documentId,
      status: 'received',
      failureReason: null,
      orderIds: [],
    });
    const original = await t.app.inject({
      url: `/api/v1/documents/${documentId}/original`,
      headers: { authorization: t.auth.admin },
    });
    expect(original.headers['content-type']).toBe('image/tiff');
    expect(original.rawPayload.equals(tiff)).toBe(true);
  });

  it('refuses uploads without a file part and with an unknown channel', async () => {
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      headers: { authorization: t.auth.ingest, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="from"\r\n\r\n+41\r\n--x--\r\n',
    });
    expect(noFile.statusCode).toBe(400);
    expect((await upload(tiff, { channel: 'pigeon' })).statusCode).toBe(400);
  });

  it('answers 413 above the upload limit and stores nothing', async () => {
    const big = Buffer.alloc(t.config.uploadLimitBytes + 1024, 7);
    const res = await upload(big, { from: '+41440000000' });
    expect(res.statusCode).toBe(413);
  });

  it('lists, edits with If-Match, confirms and rejects drafts', async () => {
    const id = await draftOrder();
    const admin = { authorization: t.auth.admin };
    const list = await t.app.inject({ url: '/api/v1/orders?status=needs_review&limit=100', headers: admin });
    expect(list.json().items.map((o: { id: string }) => o.id)).toContain(id);

    const got = (await t.app.inject({ url: `/api/v1/orders/${id}`, headers: admin })).json();
    expect(got).toMatchObject({
      id,
      status: 'needs_review',
      customer: { id: 'C-2001' },
      customerReference: 'PO-4711',
    });
    expect(got.lines[0]).toMatchObject({ sku: '10-4711', quantity: 12, evidence: { page: 1 } });
    // header fields carry their confidence and where they were read
    expect(got.fields.customerReference).toMatchObject({ confidence: 0.85, evidence: { page: 1 } });
    expect(got.fields.orderDate.evidence.text).toContain('27.11.2026');

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orders/${id}`,
      headers: { ...admin, 'if-match': String(got.version) },
      payload: {
        customer: { id: 'C-2002', name: 'Schreinerei Lüthi GmbH' },
        customerReference: 'PO-4712',
        lines: [{ sku: '10-4711', quantity: 2, unit: 'Karton', conversion: { factor: 12, unit: 'Pack' } }],
      },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      customerReference: 'PO-4712',
      lines: [{ position: 1, sku: '10-4711', quantity: 2, conversion: { factor: 12, unit: 'Pack' } }],
    });
    expect(
      (await t.app.inject({ url: `/api/v1/orders/${id}`, headers: admin })).json().lines[0].conversion,
    ).toEqual({
      factor: 12,
      unit: 'Pack',
    });
    expect(patched.json().version).not.toBe(got.version);
    // the clerk's reference is certain and no longer the one read; untouched fields keep theirs
    expect(patched.json().fields.customerReference).toEqual({ confidence: 1, evidence: null });
    expect(patched.json().customer).toMatchObject({ id: 'C-2002' });
    expect(patched.json().fields.customer).toEqual({ confidence: 1, evidence: null });
    expect(patched.json().fields.orderDate).toEqual(got.fields.orderDate);

    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orders/${id}`,
      headers: { ...admin, 'if-match': String(got.version) },
      payload: { customerReference: 'lost update' },
    });
    expect([409, 412]).toContain(stale.statusCode);

    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${id}/confirm`,
      headers: admin,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().status).toBe('confirmed');

    const other = await draftOrder();
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${other}/reject`,
      headers: admin,
      payload: { reason: 'test fax' },
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    expect((await t.app.inject({ url: '/api/v1/orders/nope', headers: admin })).statusCode).toBe(404);
  });

  it('feeds confirmed orders to the ERP and takes them out on ack', async () => {
    const erp = { authorization: t.auth.erp };
    const admin = { authorization: t.auth.admin };
    const ids = [await draftOrder(), await draftOrder()];
    for (const id of ids)
      await t.app.inject({ method: 'POST', url: `/api/v1/orders/${id}/confirm`, headers: admin });

    const feed = await t.app.inject({ url: '/erp/v1/orders?limit=100', headers: erp });
    const fed = feed.json().items.map((o: { id: string }) => o.id);
    expect(fed).toEqual(expect.arrayContaining(ids));
    expect(fed.indexOf(ids[0])).toBeLessThan(fed.indexOf(ids[1]));

    const one = (await t.app.inject({ url: `/erp/v1/orders/${ids[0]}`, headers: erp })).json();
    expect(one.documentUrl).toBe(`/erp/v1/orders/${ids[0]}/document`);
    const original = await t.app.inject({ url: one.documentUrl, headers: erp });
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/tiff');
    expect(original.rawPayload.subarray(0, tiff.length).equals(tiff)).toBe(true);

    const csv = await t.app.inject({ url: `/erp/v1/orders/${ids[0]}?format=csv`, headers: erp });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('sku');
    expect(csv.body).toContain('10-4711');

    const ack = (n: string, id = ids[0]) =>
      t.app.inject({
        method: 'POST',
        url: `/erp/v1/orders/${id}/ack`,
        headers: erp,
        payload: { erpOrderNumber: n },
      });
    expect((await ack('SO-1')).statusCode).toBe(200);
    expect((await ack('SO-1')).statusCode).toBe(200);
    expect((await ack('SO-2')).statusCode).toBe(409);
    expect((await ack('SO-1', 'no-such-order')).statusCode).toBe(404);

    const after = (await t.app.inject({ url: '/erp/v1/orders?limit=100', headers: erp })).json();
    expect(after.items.map((o: { id: string }) => o.id)).not.toContain(ids[0]);
    const exported = (await t.app.inject({ url: `/api/v1/orders/${ids[0]}`, headers: admin })).json();
    expect(exported).toMatchObject({ status: 'exported' });
  });

  it('imports master data from CSV bodies and refuses a wrong header', async () => {
    const put = (kind: string, body: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/master-data/${kind}`,
        headers: { authorization: t.auth.admin, 'content-type': 'text/csv' },
        payload: body,
      });
    const ok = await put(
      'products',
      'sku,description,unit,price,gtin\n10-4711,Senkkopfschraube M4x20,Pack,8.90,7612345104713\n',
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ inserted: 1, updated: 0, deleted: 0 });
    const bad = await put('customers', 'name,id\nx,y\n');
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    expect(bad.json().message).toMatch(/header/i);
  });

  it('publishes an OpenAPI document with the fixed paths', async () => {
    const doc = (await t.app.inject('/docs/json')).json();
    for (const p of [
      '/api/v1/documents',
      '/api/v1/orders',
      '/api/v1/orders/{id}',
      '/erp/v1/orders',
      '/erp/v1/orders/{id}/ack',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
