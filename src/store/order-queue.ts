/**
 * The review list (the clerk's queue): filters on status, customer, received date and
 * confidence, oldest first, cursor-paginated by (created_at, id). Each item carries the
 * document's file name and e-mail subject, which the queue shows (as text).
 */
import type { Database } from './database.ts';
import { decodeCursor, encodeCursor } from './order-cursor.ts';
import { withLines } from './order-lines.ts';
import type { OrderView } from './order-mapper.ts';
import type { OrderStatus } from './schema.ts';

/** At most this many orders a page. */
const MAX_PAGE_SIZE = 100;
const clampLimit = (limit: number) => Math.max(1, Math.min(MAX_PAGE_SIZE, Math.trunc(limit) || 1));

export interface QueueFilter {
  status?: OrderStatus;
  /** Customer id (exact) or a part of the customer's name (case-insensitive). */
  customer?: string;
  /** Received on or after / on or before these dates (YYYY-MM-DD, UTC). */
  receivedFrom?: string;
  receivedTo?: string;
  minConfidence?: number;
  maxConfidence?: number;
  cursor?: string | null;
  limit: number;
}

export type QueueItem = OrderView & { document: { filename: string | null; subject: string | null } };

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString();

function pick(meta: Record<string, unknown>, key: string): string | null {
  const inbound = (meta.pipeline as { inbound?: Record<string, unknown> } | undefined)?.inbound;
  const v = meta[key] ?? inbound?.[key];
  return typeof v === 'string' && v ? v : null;
}

export async function listQueue(
  database: Database,
  f: QueueFilter,
): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
  const { db } = database;
  const limit = clampLimit(f.limit);
  let q = db
    .selectFrom('orders')
    .innerJoin('documents', 'documents.id', 'orders.document_id')
    .selectAll('orders')
    .select(['documents.meta_json as doc_meta']);
  if (f.status) q = q.where('orders.status', '=', f.status);
  if (f.customer) {
    // LIKE wildcards are dropped rather than escaped: SQLite and PostgreSQL escape differently.
    const needle = `%${f.customer.toLowerCase().replace(/[\\%_]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([
        eb('orders.customer_id', '=', f.customer!),
        eb(eb.fn('lower', ['orders.customer_json']), 'like', eb.val(needle)),
      ]),
    );
  }
  if (f.receivedFrom) q = q.where('documents.received_at', '>=', `${f.receivedFrom}T00:00:00.000Z`);
  if (f.receivedTo) q = q.where('documents.received_at', '<', nextDay(f.receivedTo));
  if (f.minConfidence !== undefined) q = q.where('orders.confidence', '>=', f.minConfidence);
  if (f.maxConfidence !== undefined) q = q.where('orders.confidence', '<=', f.maxConfidence);
  if (f.cursor) {
    const [createdAt, id] = decodeCursor(f.cursor);
    q = q.where((eb) =>
      eb.or([
        eb('orders.created_at', '>', createdAt),
        eb.and([eb('orders.created_at', '=', createdAt), eb('orders.id', '>', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('orders.created_at')
    .orderBy('orders.id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const views = await withLines(
    db,
    page.map(({ doc_meta: _m, ...r }) => r),
  );
  const items = views.map((v, i) => {
    const meta = JSON.parse(page[i]!.doc_meta) as Record<string, unknown>;
    return { ...v, document: { filename: pick(meta, 'filename'), subject: pick(meta, 'subject') } };
  });
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null };
}
