/**
 * The learned mappings (migration 0004): recorded when a clerk corrects an order, loaded for the
 * extraction of the same customer's next documents, listed and deleted through the admin API.
 * The table is not in schema.ts (owned by the store's author), so it is typed here.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  buildLearnedIndex,
  correctionsOf,
  type LearnedIndex,
  type LearnedMapping,
  type MappingInput,
  type MappingKind,
  type OrderSnapshot,
  senderKey,
} from '../learning/learned-mappings.ts';
import type { Database } from './database.ts';

interface LearnedMappingsTable {
  id: string;
  customer_id: string;
  kind: string;
  source_key: string;
  source_text: string;
  target: string;
  hits: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

interface LearnedSchema {
  learned_mappings: LearnedMappingsTable;
}

// biome-ignore lint/suspicious/noExplicitAny: the caller's database or transaction, whatever its Schema
type AnyExecutor = Kysely<any> | Transaction<any>;

const view = (r: LearnedMappingsTable): LearnedMapping => ({
  id: r.id,
  customerId: r.customer_id,
  kind: r.kind as MappingKind,
  sourceKey: r.source_key,
  sourceText: r.source_text,
  target: r.target,
  hits: Number(r.hits),
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Upserts mappings: the same customer, kind and wording again replaces the target and counts a hit. */
export async function saveMappings(db: AnyExecutor, inputs: MappingInput[], actor: string): Promise<void> {
  const q = db as unknown as Kysely<LearnedSchema>;
  const now = new Date().toISOString();
  for (const m of inputs) {
    await q
      .insertInto('learned_mappings')
      .values({
        id: randomUUID(),
        customer_id: m.customerId,
        kind: m.kind,
        source_key: m.sourceKey,
        source_text: m.sourceText.slice(0, 500),
        target: m.target,
        hits: 1,
        created_by: actor,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['customer_id', 'kind', 'source_key']).doUpdateSet((eb) => ({
          target: eb.ref('excluded.target'),
          source_text: eb.ref('excluded.source_text'),
          hits: eb(eb.ref('learned_mappings.hits'), '+', 1),
          created_by: eb.ref('excluded.created_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/**
 * Called inside the review patch's transaction: records what the clerk's edit teaches (see
 * correctionsOf). Never throws for a bad mapping: learning must not block saving an order.
 */
export async function recordCorrections(
  db: AnyExecutor,
  before: OrderSnapshot,
  changes: Parameters<typeof correctionsOf>[1],
  actor: string,
): Promise<void> {
  const inputs = correctionsOf(before, changes);
  if (inputs.length > 0) await saveMappings(db, inputs, actor);
}

export function createLearnedMappingsStore(database: Database) {
  const db = database.db as unknown as Kysely<LearnedSchema>;
  return {
    save: (inputs: MappingInput[], actor: string): Promise<void> => saveMappings(db, inputs, actor),

    async list(customerId: string): Promise<LearnedMapping[]> {
      const rows = await db
        .selectFrom('learned_mappings')
        .selectAll()
        .where('customer_id', '=', customerId)
        .orderBy('kind')
        .orderBy('updated_at', 'desc')
        .execute();
      return rows.map(view);
    },

    /** Deletes one mapping of the customer; false when there was none. */
    async remove(customerId: string, id: string): Promise<boolean> {
      const r = await db
        .deleteFrom('learned_mappings')
        .where('customer_id', '=', customerId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    /** Deletes all of a customer's mappings; returns how many. */
    async removeAll(customerId: string): Promise<number> {
      const r = await db
        .deleteFrom('learned_mappings')
        .where('customer_id', '=', customerId)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    /**
     * The mappings an extraction can use: the sender's learned customer, and the line mappings of
     * that customer and of `customerIds` (the customer the document itself names).
     */
    async indexFor(from: string | null, customerIds: (string | null)[] = []): Promise<LearnedIndex> {
      const key = senderKey(from);
      const senders = key
        ? await db
            .selectFrom('learned_mappings')
            .selectAll()
            .where('kind', '=', 'sender')
            .where('source_key', '=', key)
            .execute()
        : [];
      const ids = [...new Set([...customerIds, ...senders.map((s) => s.customer_id)])].filter(
        (x): x is string => !!x,
      );
      const lines =
        ids.length > 0
          ? await db
              .selectFrom('learned_mappings')
              .selectAll()
              .where('kind', 'in', ['sku', 'quantity'])
              .where('customer_id', 'in', ids)
              .execute()
          : [];
      return buildLearnedIndex([...senders, ...lines].map(view));
    },
  };
}

export type LearnedMappingsStore = ReturnType<typeof createLearnedMappingsStore>;
