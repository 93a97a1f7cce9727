import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentStore, type DocumentStore } from '../../src/store/document-store.ts';
import { createOrderStore, type OrderStore } from '../../src/store/order-store.ts';
import { backends, openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { draftOrder, newDocument } from './order-fixtures.ts';

describe.each(backends)('ERP feed and ack (%s)', (kind) => {
  let database: TestDatabase;
  let docs: DocumentStore;
  let orders: OrderStore;
  let confirmedIds: string[];
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    docs = createDocumentStore(database);
    orders = createOrderStore(database);
    const ids = await orders.createFromDrafts(
      await newDocument(docs),
      Array.from({ length: 11 }, (_, i) => draftOrder(`E-${i}`)),
    );
    // Confirm in an order different from creation so the feed order is visibly confirm order.
    confirmedIds = [...ids.slice(0, 10)].reverse();
    for (const id of confirmedIds) await orders.confirm(id, 'clerk');
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it('pages of 3 in confirmation order, nothing missing, nothing repeated after ack', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<OrderStore['erpFeed']>> = await orders.erpFeed({ after, limit: 3 });
      pages++;
      expect(page.items.length).toBeLessThanOrEqual(3);
      for (const o of page.items) {
        expect(o.status).toBe('confirmed');
        seen.push(o.id);
      }
      // Ack the first item of every page before fetching the next: the cursor must stay valid.
      if (page.items[0])
        expect(await orders.ack(page.items[0].id, `ERP-${page.items[0].id}`, 'erp')).toBe('acked');
      after = page.nextCursor;
    } while (after);
    expect(pages).toBe(4);
    expect(seen).toEqual(confirmedIds);

    // From the start again: the acked ones are gone, the rest still in confirmation order.
    const acked = new Set([0, 3, 6, 9].map((i) => confirmedIds[i]));
    const rest = await orders.erpFeed({ limit: 100 });
    expect(rest.items.map((o) => o.id)).toEqual(confirmedIds.filter((id) => !acked.has(id)));
    expect(rest.nextCursor).toBeNull();
    for (const o of rest.items) await orders.ack(o.id, `ERP-${o.id}`, 'erp');
    expect(await orders.erpFeed({ limit: 3 })).toEqual({ items: [], nextCursor: null });
  });

  it('nextCursor is null when exactly `limit` items remain', async () => {
    const ids = await orders.createFromDrafts(await newDocument(docs), [draftOrder('L1'), draftOrder('L2')]);
    for (const id of ids) await orders.confirm(id, 'clerk');
    const page = await orders.erpFeed({ limit: 2 });
    expect(page.items.map((o) => o.id)).toEqual(ids);
    expect(page.nextCursor).toBeNull();
    const first = await orders.erpFeed({ limit: 1 });
    expect(first.nextCursor).toBe(String(first.items[0]!.confirmSeq));
    await expect(orders.erpFeed({ after: 'abc', limit: 1 })).rejects.toMatchObject({ statusCode: 400 });
  });

  it('ack: first → acked, same number → already, other number → 409, unknown → 404, unconfirmed → 409', async () => {
    const [a, unconfirmed] = await orders.createFromDrafts(await newDocument(docs), [
      draftOrder('K1'),
      draftOrder('K2'),
    ]);
    await orders.confirm(a!, 'clerk');
    expect(await orders.ack(a!, 'SO-100', 'erp')).toBe('acked');
    expect(await orders.ack(a!, 'SO-100', 'erp')).toBe('already');
    await expect(orders.ack(a!, 'SO-200', 'erp')).rejects.toMatchObject({
      statusCode: 409,
      code: 'CONFLICT',
    });
    await expect(orders.ack('missing', 'SO-1', 'erp')).rejects.toMatchObject({ statusCode: 404 });
    await expect(orders.ack(unconfirmed!, 'SO-1', 'erp')).rejects.toMatchObject({
      statusCode: 409,
      code: 'INVALID_STATE',
    });
    expect(await orders.get(a!)).toMatchObject({ status: 'exported', erpOrderNumber: 'SO-100' });
    expect((await orders.get(a!))!.exportedAt).not.toBeNull();
    // Confirm stays idempotent on an exported order.
    expect((await orders.confirm(a!, 'clerk')).status).toBe('exported');
  });

  it('concurrent acks with the same number: one acked, the rest already', async () => {
    const [a] = await orders.createFromDrafts(await newDocument(docs), [draftOrder('R1')]);
    await orders.confirm(a!, 'clerk');
    const results = await Promise.all(Array.from({ length: 4 }, () => orders.ack(a!, 'SO-9', 'erp')));
    expect(results.filter((r) => r === 'acked')).toHaveLength(1);
    expect(results.filter((r) => r === 'already')).toHaveLength(3);
  });
});
