import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditStore, createAuditStore } from '../../src/store/audit-store.ts';
import { createDocumentStore, type DocumentStore } from '../../src/store/document-store.ts';
import { createOrderStore, type OrderStore } from '../../src/store/order-store.ts';
import { backends, openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { draftLine, draftOrder, newDocument } from './order-fixtures.ts';

describe.each(backends)('order store (%s)', (kind) => {
  let database: TestDatabase;
  let docs: DocumentStore;
  let orders: OrderStore;
  let audit: AuditStore;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    docs = createDocumentStore(database);
    orders = createOrderStore(database);
    audit = createAuditStore(database);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it('createFromDrafts stores the draft JSON and is idempotent per document', async () => {
    const doc = await newDocument(docs);
    const drafts = [
      draftOrder('PO-1', [draftLine(1, '10-4711', 12), draftLine(2, 'AB-1020X', 2.5)]),
      draftOrder('PO-2'),
    ];
    const ids = await orders.createFromDrafts(doc, drafts);
    expect(ids).toHaveLength(2);
    expect(await orders.createFromDrafts(doc, [draftOrder('PO-other')])).toEqual(ids);
    expect(await orders.createFailed(doc, 'should not happen', drafts[0]!.source)).toBe(ids[0]);
    expect(await orders.listByDocument(doc)).toEqual(ids);

    const view = await orders.get(ids[0]!);
    expect(view).toMatchObject({
      id: ids[0],
      status: 'needs_review',
      documentId: doc,
      source: drafts[0]!.source,
      customer: drafts[0]!.customer,
      customerReference: 'PO-1',
      orderDate: '2026-11-27',
      deliveryDate: '2026-12-03',
      lines: drafts[0]!.lines,
      warnings: drafts[0]!.warnings,
      confidence: 0.9,
      version: 1,
      confirmedAt: null,
      erpOrderNumber: null,
      failureReason: null,
      rejectedReason: null,
    });
    expect(await orders.get('missing')).toBeNull();
  });

  it('concurrent createFromDrafts for one document make one set of orders', async () => {
    const doc = await newDocument(docs);
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        orders.createFromDrafts(doc, [draftOrder(`PO-${i}`), draftOrder('PO-x')]),
      ),
    );
    for (const r of results) expect(r).toEqual(results[0]);
    expect(await orders.listByDocument(doc)).toHaveLength(2);
  });

  it('createFailed records the reason; a later successful run replaces it in place', async () => {
    const doc = await newDocument(docs);
    const source = draftOrder('x').source;
    const failedId = await orders.createFailed(doc, 'no order lines found', source);
    expect(await orders.createFailed(doc, 'again', source)).toBe(failedId);
    expect(await orders.get(failedId)).toMatchObject({
      status: 'failed',
      failureReason: 'no order lines found',
      lines: [],
    });
    const ids = await orders.createFromDrafts(doc, [draftOrder('PO-retry'), draftOrder('PO-retry-2')]);
    expect(ids[0]).toBe(failedId);
    expect(await orders.get(failedId)).toMatchObject({
      status: 'needs_review',
      failureReason: null,
      customerReference: 'PO-retry',
      version: 2,
    });
    expect(await orders.listByDocument(doc)).toEqual(ids);
  });

  it('patch merges header fields, replaces lines, bumps version and audits each change', async () => {
    const [id] = await orders.createFromDrafts(await newDocument(docs), [draftOrder('PO-7')]);
    const patched = await orders.patch(
      id!,
      1,
      {
        customerReference: 'PO-7b',
        remarks: 'Rampe 3',
        orderDate: '2026-11-27', // unchanged: no audit event
        customer: { id: 'C-2000', matchedBy: 'manual' },
        lines: [draftLine(5, '10-4711', 24), draftLine(9, 'NEW-1', 1)],
      },
      'mueller',
    );
    expect(patched.version).toBe(2);
    expect(patched.customerReference).toBe('PO-7b');
    expect(patched.customer).toEqual({
      id: 'C-2000',
      name: 'Baumann AG',
      matchedBy: 'manual',
      confidence: 0.99,
    });
    expect(patched.lines.map((l) => [l.position, l.sku, l.quantity])).toEqual([
      [1, '10-4711', 24],
      [2, 'NEW-1', 1],
    ]);
    const events = await audit.list('order', id!);
    expect(events.map((e) => e.field).sort()).toEqual(['customer', 'customerReference', 'lines', 'remarks']);
    expect(events.find((e) => e.field === 'customerReference')).toMatchObject({
      actor: 'mueller',
      before: 'PO-7',
      after: 'PO-7b',
    });

    await expect(orders.patch(id!, 1, { remarks: 'stale' }, 'meier')).rejects.toMatchObject({
      statusCode: 409,
      code: 'CONFLICT',
    });
    expect((await orders.patch(id!, null, { remarks: 'no If-Match' }, 'meier')).version).toBe(3);
    await expect(orders.patch('missing', null, {}, 'x')).rejects.toMatchObject({ statusCode: 404 });
    await orders.confirm(id!, 'mueller');
    await expect(orders.patch(id!, null, { remarks: 'late' }, 'x')).rejects.toMatchObject({
      statusCode: 409,
      code: 'INVALID_STATE',
    });
  });

  it('confirm honours If-Match, is idempotent, and reject needs a reviewable order', async () => {
    const [a, b] = await orders.createFromDrafts(await newDocument(docs), [draftOrder('A'), draftOrder('B')]);
    await expect(orders.confirm(a!, 'mueller', 7)).rejects.toMatchObject({
      statusCode: 409,
      code: 'CONFLICT',
    });
    const confirmed = await orders.confirm(a!, 'mueller', 1);
    expect(confirmed).toMatchObject({ status: 'confirmed', version: 2, confirmedBy: 'mueller' });
    expect(confirmed.confirmedAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(await orders.confirm(a!, 'meier')).toEqual(confirmed);
    await expect(orders.reject(a!, 'too late', 'meier')).rejects.toMatchObject({
      statusCode: 409,
      code: 'INVALID_STATE',
    });

    const rejected = await orders.reject(b!, 'Testfax', 'meier', 1);
    expect(rejected).toMatchObject({ status: 'rejected', rejectedReason: 'Testfax', version: 2 });
    await expect(orders.confirm(b!, 'meier')).rejects.toMatchObject({
      statusCode: 409,
      code: 'INVALID_STATE',
    });
    await expect(orders.confirm('missing', 'meier')).rejects.toMatchObject({ statusCode: 404 });
    expect((await audit.list('order', b!)).map((e) => e.action)).toEqual(['reject']);
  });

  it('concurrent confirms get distinct, increasing confirm_seq', async () => {
    const ids = await orders.createFromDrafts(
      await newDocument(docs),
      Array.from({ length: 8 }, (_, i) => draftOrder(`C-${i}`)),
    );
    // Every order twice, all at once: duplicates must be idempotent, not a second number.
    const views = await Promise.all([...ids, ...ids].map((id) => orders.confirm(id, 'clerk')));
    const seqById = new Map<string, number>();
    for (const v of views) {
      expect(v.status).toBe('confirmed');
      const seen = seqById.get(v.id);
      if (seen !== undefined) expect(v.confirmSeq).toBe(seen);
      seqById.set(v.id, v.confirmSeq!);
    }
    const seqs = [...seqById.values()].sort((x, y) => x - y);
    expect(new Set(seqs).size).toBe(8);
    // No gaps: numbers from rolled-back races are not lost.
    expect(seqs.at(-1)! - seqs[0]!).toBe(7);
  });

  it('lists oldest first with an opaque cursor and counts by status', async () => {
    const counts = await orders.countByStatus();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(counts.needs_review).toBeGreaterThan(0);
    expect(counts.exported).toBe(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<OrderStore['list']>> = await orders.list({ cursor, limit: 3 });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);

    const reviewable = await orders.list({ status: 'needs_review', limit: 100 });
    expect(reviewable.items).toHaveLength(counts.needs_review);
    expect(reviewable.nextCursor).toBeNull();
    expect(reviewable.items.every((o) => o.status === 'needs_review')).toBe(true);
    const createdAt = reviewable.items.map((o) => o.createdAt);
    expect([...createdAt].sort()).toEqual(createdAt);
    await expect(orders.list({ cursor: 'garbage', limit: 3 })).rejects.toMatchObject({ statusCode: 400 });
  });
});
