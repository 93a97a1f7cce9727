/**
 * An ERP client against the real HTTP feed on both SQL backends: it pulls pages of 3 while a
 * clerk keeps confirming other orders, acks each order, crashes once before its last ack, and
 * restarts from its saved cursor. Every confirmed order must arrive, none may be missing, and
 * none may come again after its ack (the one left unacked by the crash comes again, as it must).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { backends } from '../helpers/test-database.ts';
import { draftOrder, newDocument } from '../store/order-fixtures.ts';

describe.each(backends)('ERP client with cursor and ack (%s)', (backend) => {
  let t: TestApp;
  let ids: string[];
  beforeAll(async () => {
    t = await buildTestApp(backend);
    ids = [];
    for (let i = 0; i < 4; i++) {
      ids.push(
        ...(await t.stores.orders.createFromDrafts(
          await newDocument(t.stores.documents),
          Array.from({ length: 4 }, (_, k) => draftOrder(`PO-${i}-${k}`)),
        )),
      );
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('delivers every confirmed order, none missing, none again after its ack', async () => {
    const erp = { authorization: t.auth.erp };
    // 5 confirmed before the ERP starts; the other 11 while it pulls, in a different order.
    const early = ids.slice(0, 5);
    const late = ids.slice(5).reverse();
    for (const id of early) await t.stores.orders.confirm(id, 'clerk');

    let savedCursor: string | null = null; // what the ERP persists between runs
    const acked = new Set<string>();
    const deliveries = new Map<string, number>();
    let crashed = false;
    let crashVictim: string | null = null;

    async function page(after: string | null) {
      const res = await t.app.inject({
        url: `/erp/v1/orders?limit=3${after ? `&after=${encodeURIComponent(after)}` : ''}`,
        headers: erp,
      });
      expect(res.statusCode).toBe(200);
      return res.json() as { items: { id: string; status: string }[]; nextCursor: string | null };
    }

    /** One client run: pull pages from the saved cursor until the feed is drained. Throws on crash. */
    async function run(): Promise<void> {
      let cursor = savedCursor;
      for (let round = 0; round < 100; round++) {
        // A clerk confirms one more order while this page is being fetched.
        const next = late.shift();
        const [p] = await Promise.all([page(cursor), next ? t.stores.orders.confirm(next, 'clerk') : null]);
        expect(p.items.length).toBeLessThanOrEqual(3);
        for (const [i, o] of p.items.entries()) {
          expect(o.status).toBe('confirmed');
          expect(acked.has(o.id), `order ${o.id} came again after its ack`).toBe(false);
          deliveries.set(o.id, (deliveries.get(o.id) ?? 0) + 1);
          if (!crashed && round === 2 && i === p.items.length - 1) {
            crashed = true;
            crashVictim = o.id;
            throw new Error('ERP crashed before its ack');
          }
          const ack = await t.app.inject({
            method: 'POST',
            url: `/erp/v1/orders/${o.id}/ack`,
            headers: erp,
            payload: { erpOrderNumber: `ERP-${o.id.slice(0, 8)}` },
          });
          expect(ack.statusCode).toBe(200);
          acked.add(o.id);
        }
        // The cursor is saved only once the whole page is acknowledged.
        if (p.nextCursor !== null) {
          cursor = p.nextCursor;
          savedCursor = cursor;
        } else if (p.items.length === 0 && late.length === 0) {
          return;
        }
      }
      throw new Error('client did not drain the feed in 100 rounds');
    }

    await expect(run()).rejects.toThrow('crashed');
    await run(); // restart from the saved cursor

    const confirmed = new Set(ids);
    expect(new Set(acked)).toEqual(confirmed);
    expect([...deliveries.keys()].sort()).toEqual([...confirmed].sort());
    for (const [id, n] of deliveries) expect(n, id).toBe(id === crashVictim ? 2 : 1);

    // Nothing left in the feed, from the start or from the saved cursor; everything exported.
    expect((await page(null)).items).toEqual([]);
    expect((await page(savedCursor)).items).toEqual([]);
    for (const id of ids) expect((await t.stores.orders.get(id))?.status).toBe('exported');

    // Acks stay idempotent after the run: same number 200, another number 409, unknown 404.
    const first = ids[0]!;
    const again = await t.app.inject({
      method: 'POST',
      url: `/erp/v1/orders/${first}/ack`,
      headers: erp,
      payload: { erpOrderNumber: `ERP-${first.slice(0, 8)}` },
    });
    expect(again.statusCode).toBe(200);
    const other = await t.app.inject({
      method: 'POST',
      url: `/erp/v1/orders/${first}/ack`,
      headers: erp,
      payload: { erpOrderNumber: 'ERP-OTHER' },
    });
    expect(other.statusCode).toBe(409);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/erp/v1/orders/nope/ack',
      headers: erp,
      payload: { erpOrderNumber: 'X' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
