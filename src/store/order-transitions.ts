import { sql } from 'kysely';
import { HttpError } from '../errors.ts';
import { appendAudit } from './audit-store.ts';
import type { Database } from './database.ts';
import { loadOrder, withLines } from './order-lines.ts';
import type { OrderView } from './order-mapper.ts';
import { RaceLost, retryOnRace } from './retry-on-race.ts';
import type { OrderStatus } from './schema.ts';

const notFound = (id: string) => new HttpError(404, 'NOT_FOUND', `order ${id} not found`);
const invalidState = (id: string, status: OrderStatus, verb: string) =>
  new HttpError(409, 'INVALID_STATE', `order ${id} is ${status} and cannot be ${verb}`);

function checkVersion(order: OrderView, expectedVersion: number | null | undefined): void {
  if (expectedVersion != null && expectedVersion !== order.version) {
    throw new HttpError(
      409,
      'CONFLICT',
      `order ${order.id} was changed by someone else (version ${order.version})`,
      {
        version: order.version,
      },
    );
  }
}

const MAX_FEED_PAGE = 100;

/** Review decisions (confirm, reject) and the ERP side (feed, ack). */
export function createOrderTransitions(database: Database) {
  const { db } = database;

  return {
    /**
     * needs_review → confirmed, with the next confirm_seq (the ERP feed's order). The counter row is
     * updated inside the transaction, so on PostgreSQL it stays locked until commit: numbers are
     * handed out in commit order without gaps, and a feed reader never skips an order.
     * Confirming a confirmed (or exported) order returns it unchanged.
     */
    async confirm(id: string, actor: string, expectedVersion?: number | null): Promise<OrderView> {
      return retryOnRace(() =>
        db.transaction().execute(async (trx) => {
          const order = await loadOrder(trx, id);
          if (!order) throw notFound(id);
          if (order.status === 'confirmed' || order.status === 'exported') return order;
          if (order.status !== 'needs_review') throw invalidState(id, order.status, 'confirmed');
          checkVersion(order, expectedVersion);
          const now = new Date().toISOString();
          // Guarded first (row lock on PostgreSQL), so a lost race never touches the counter.
          const res = await trx
            .updateTable('orders')
            .set({
              status: 'confirmed',
              confirmed_at: now,
              confirmed_by: actor,
              version: order.version + 1,
              updated_at: now,
            })
            .where('id', '=', id)
            .where('status', '=', 'needs_review')
            .where('version', '=', order.version)
            .executeTakeFirst();
          if (res.numUpdatedRows === 0n) throw new RaceLost();
          const counter = await trx
            .updateTable('counters')
            .set({ value: sql`value + 1` })
            .where('name', '=', 'confirm_seq')
            .returning('value')
            .executeTakeFirstOrThrow();
          await trx
            .updateTable('orders')
            .set({ confirm_seq: Number(counter.value) })
            .where('id', '=', id)
            .execute();
          await appendAudit(
            trx,
            {
              actor,
              entityType: 'order',
              entityId: id,
              action: 'confirm',
              field: 'status',
              before: order.status,
              after: 'confirmed',
            },
            now,
          );
          return (await loadOrder(trx, id))!;
        }),
      );
    },

    /** needs_review/failed → rejected with the clerk's reason. Rejecting a rejected order is a no-op. */
    async reject(
      id: string,
      reason: string,
      actor: string,
      expectedVersion?: number | null,
    ): Promise<OrderView> {
      return retryOnRace(() =>
        db.transaction().execute(async (trx) => {
          const order = await loadOrder(trx, id);
          if (!order) throw notFound(id);
          if (order.status === 'rejected') return order;
          if (order.status !== 'needs_review' && order.status !== 'failed') {
            throw invalidState(id, order.status, 'rejected');
          }
          checkVersion(order, expectedVersion);
          const now = new Date().toISOString();
          const res = await trx
            .updateTable('orders')
            .set({ status: 'rejected', rejected_reason: reason, version: order.version + 1, updated_at: now })
            .where('id', '=', id)
            .where('status', '=', order.status)
            .where('version', '=', order.version)
            .executeTakeFirst();
          if (res.numUpdatedRows === 0n) throw new RaceLost();
          await appendAudit(
            trx,
            {
              actor,
              entityType: 'order',
              entityId: id,
              action: 'reject',
              field: 'status',
              before: order.status,
              after: { status: 'rejected', reason },
            },
            now,
          );
          return (await loadOrder(trx, id))!;
        }),
      );
    },

    /**
     * Confirmed orders not yet acknowledged, in confirmation order. The cursor is the last item's
     * confirm_seq, so it stays valid when earlier orders are acknowledged and leave the feed.
     */
    async erpFeed(opts: {
      after?: string | null;
      limit: number;
    }): Promise<{ items: OrderView[]; nextCursor: string | null }> {
      const limit = Math.max(1, Math.min(MAX_FEED_PAGE, Math.trunc(opts.limit) || 1));
      let after = 0;
      if (opts.after != null && opts.after !== '') {
        if (!/^\d{1,15}$/.test(opts.after)) throw new HttpError(400, 'BAD_REQUEST', 'invalid cursor');
        after = Number(opts.after);
      }
      const rows = await db
        .selectFrom('orders')
        .selectAll()
        .where('status', '=', 'confirmed')
        .where('confirm_seq', '>', after)
        .orderBy('confirm_seq')
        .limit(limit + 1)
        .execute();
      const items = await withLines(db, rows.slice(0, limit));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? String(last.confirmSeq) : null };
    },

    /**
     * The ERP took the order under its own number. First ack → 'acked' (order exported); the same
     * number again → 'already'; another number → 409; unknown → 404; not confirmed → 409.
     */
    async ack(id: string, erpOrderNumber: string, actor: string): Promise<'acked' | 'already'> {
      return retryOnRace(() =>
        db.transaction().execute(async (trx) => {
          const order = await trx
            .selectFrom('orders')
            .select(['status', 'erp_order_number', 'version'])
            .where('id', '=', id)
            .executeTakeFirst();
          if (!order) throw notFound(id);
          if (order.status === 'exported') {
            if (order.erp_order_number === erpOrderNumber) return 'already';
            throw new HttpError(
              409,
              'CONFLICT',
              `order ${id} was already acknowledged as ${order.erp_order_number}`,
              {
                erpOrderNumber: order.erp_order_number,
              },
            );
          }
          if (order.status !== 'confirmed') throw invalidState(id, order.status, 'acknowledged');
          const now = new Date().toISOString();
          const res = await trx
            .updateTable('orders')
            .set({
              status: 'exported',
              erp_order_number: erpOrderNumber,
              exported_at: now,
              version: order.version + 1,
              updated_at: now,
            })
            .where('id', '=', id)
            .where('status', '=', 'confirmed')
            .executeTakeFirst();
          if (res.numUpdatedRows === 0n) throw new RaceLost();
          await appendAudit(
            trx,
            {
              actor,
              entityType: 'order',
              entityId: id,
              action: 'ack',
              field: 'erpOrderNumber',
              before: null,
              after: erpOrderNumber,
            },
            now,
          );
          return 'acked' as const;
        }),
      );
    },
  };
}
