import type { Kysely, Transaction } from 'kysely';
import type { DraftLine } from '../pipeline/types.ts';
import { lineRows, type OrderLineRow, type OrderRow, type OrderView, toOrderView } from './order-mapper.ts';
import type { Schema } from './schema.ts';

export type Executor = Kysely<Schema> | Transaction<Schema>;

/** Replaces all lines of an order. */
export async function replaceLines(db: Executor, orderId: string, lines: DraftLine[]): Promise<void> {
  await db.deleteFrom('order_lines').where('order_id', '=', orderId).execute();
  const rows = lineRows(orderId, lines);
  // Chunked: SQLite caps bound parameters per statement.
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('order_lines')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** Turns order rows into views, loading all their lines in one query. */
export async function withLines(db: Executor, rows: OrderRow[]): Promise<OrderView[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('order_lines')
    .selectAll()
    .where(
      'order_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('order_id')
    .orderBy('position')
    .execute();
  const byOrder = new Map<string, OrderLineRow[]>();
  for (const l of lines) {
    const list = byOrder.get(l.order_id) ?? [];
    list.push(l);
    byOrder.set(l.order_id, list);
  }
  return rows.map((r) => toOrderView(r, byOrder.get(r.id) ?? []));
}

/** One order with its lines, or null. */
export async function loadOrder(db: Executor, id: string): Promise<OrderView | null> {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ((await withLines(db, [row]))[0] ?? null) : null;
}
