import { randomUUID } from 'node:crypto';
import type { DraftOrder, SourceInfo } from '../pipeline/types.ts';
import { appendAudit } from './audit-store.ts';
import type { Database } from './database.ts';
import { loadOrder, replaceLines } from './order-lines.ts';
import { draftColumns, EMPTY_CUSTOMER, type OrderChanges, type OrderView } from './order-mapper.ts';
import { listQueue, type QueueFilter } from './order-queue.ts';
import { createOrderTransitions } from './order-transitions.ts';
import { patchOrder } from './patch-order.ts';
import { RaceLost, retryOnRace } from './retry-on-race.ts';
import type { OrderStatus } from './schema.ts';

export const ORDER_STATUSES: OrderStatus[] = ['needs_review', 'confirmed', 'exported', 'rejected', 'failed'];

const nowIso = () => new Date().toISOString();

export function createOrderStore(database: Database) {
  const { db } = database;

  return {
    /**
     * Creates the document's orders (doc_seq 1..n), or returns the ids of those it already has.
     * Race-safe: the first insert claims doc_seq 1 with ON CONFLICT DO NOTHING. A lone `failed`
     * order (an earlier attempt) is replaced in place, so a successful retry keeps its order id.
     */
    async createFromDrafts(documentId: string, drafts: DraftOrder[]): Promise<string[]> {
      const [first, ...rest] = drafts;
      if (!first) throw new Error('createFromDrafts needs at least one draft (use createFailed)');
      return retryOnRace(() =>
        db.transaction().execute(async (trx) => {
          const now = nowIso();
          const ids: string[] = drafts.map(() => randomUUID());
          const claimed = await trx
            .insertInto('orders')
            .values({
              id: ids[0]!,
              document_id: documentId,
              doc_seq: 1,
              status: 'needs_review',
              ...draftColumns(first),
              version: 1,
              created_at: now,
              updated_at: now,
            })
            .onConflict((oc) => oc.columns(['document_id', 'doc_seq']).doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!claimed) {
            const existing = await trx
              .selectFrom('orders')
              .select(['id', 'status', 'version'])
              .where('document_id', '=', documentId)
              .orderBy('doc_seq')
              .execute();
            const lone = existing.length === 1 ? existing[0] : undefined;
            if (lone?.status !== 'failed') return existing.map((o) => o.id);
            const res = await trx
              .updateTable('orders')
              .set({
                status: 'needs_review',
                ...draftColumns(first),
                failure_reason: null,
                version: lone.version + 1,
                updated_at: now,
              })
              .where('id', '=', lone.id)
              .where('status', '=', 'failed')
              .executeTakeFirst();
            if (res.numUpdatedRows === 0n) throw new RaceLost();
            ids[0] = lone.id;
            await appendAudit(
              trx,
              { actor: 'system', entityType: 'order', entityId: lone.id, action: 'retried' },
              now,
            );
          }
          await replaceLines(trx, ids[0]!, first.lines);
          for (const [i, draft] of rest.entries()) {
            const id = ids[i + 1]!;
            await trx
              .insertInto('orders')
              .values({
                id,
                document_id: documentId,
                doc_seq: i + 2,
                status: 'needs_review',
                ...draftColumns(draft),
                version: 1,
                created_at: now,
                updated_at: now,
              })
              .execute();
            await replaceLines(trx, id, draft.lines);
          }
          return ids;
        }),
      );
    },

    /**
     * Records that no draft could be made from the document: one `failed` order carrying the
     * clerk-readable reason. Does nothing when the document already has orders; returns the first id.
     */
    async createFailed(documentId: string, reason: string, source: SourceInfo): Promise<string> {
      return retryOnRace(() =>
        db.transaction().execute(async (trx) => {
          const now = nowIso();
          const claimed = await trx
            .insertInto('orders')
            .values({
              id: randomUUID(),
              document_id: documentId,
              doc_seq: 1,
              status: 'failed',
              customer_id: null,
              customer_json: JSON.stringify(EMPTY_CUSTOMER),
              warnings_json: '[]',
              source_json: JSON.stringify(source),
              confidence: 0,
              failure_reason: reason,
              version: 1,
              created_at: now,
              updated_at: now,
            })
            .onConflict((oc) => oc.columns(['document_id', 'doc_seq']).doNothing())
            .returning('id')
            .executeTakeFirst();
          if (claimed) return claimed.id;
          const existing = await trx
            .selectFrom('orders')
            .select('id')
            .where('document_id', '=', documentId)
            .orderBy('doc_seq')
            .executeTakeFirst();
          if (!existing) throw new RaceLost();
          return existing.id;
        }),
      );
    },

    get: (id: string): Promise<OrderView | null> => loadOrder(db, id),

    /** The review list (filters, oldest first); `cursor` is the previous page's nextCursor. */
    list: (filter: QueueFilter) => listQueue(database, filter),

    /** Number of orders per status; every status is present (0 when none). */
    async countByStatus(): Promise<Record<OrderStatus, number>> {
      const rows = await db
        .selectFrom('orders')
        .select(['status', db.fn.countAll<string | number>().as('n')])
        .groupBy('status')
        .execute();
      const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
      for (const r of rows) counts[r.status] = Number(r.n);
      return counts;
    },

    async listByDocument(documentId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('orders')
        .select('id')
        .where('document_id', '=', documentId)
        .orderBy('doc_seq')
        .execute();
      return rows.map((r) => r.id);
    },

    patch: (id: string, expectedVersion: number | null, changes: OrderChanges, actor: string) =>
      patchOrder(db, id, expectedVersion, changes, actor),

    ...createOrderTransitions(database),
  };
}

export type OrderStore = ReturnType<typeof createOrderStore>;
