/**
 * The outbox for what faxgate sends after a confirmation: the ERP push and the customer's order
 * confirmation. Rows are created by the dispatcher from the confirm_seq watermark (so every
 * confirmed order is considered exactly once, whichever process confirmed it), delivered by
 * BullMQ jobs whose ids carry the row's generation, and re-sent by bumping the generation.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { HttpError } from '../errors.ts';
import type { SourceInfo } from '../pipeline/types.ts';
import type { Database } from './database.ts';
import type { OutboundMessagesTable } from './schema.ts';

export type OutboundKind = 'erp-push' | 'confirmation';
export type OutboundChannel = 'webhook' | 'fax' | 'email';
export type OutboundStatus = 'pending' | 'delivered' | 'failed';

export interface OutboundMessage {
  id: string;
  orderId: string;
  kind: OutboundKind;
  channel: OutboundChannel;
  target: string | null;
  language: string | null;
  status: OutboundStatus;
  attempts: number;
  generation: number;
  lastError: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  provider: string | null;
  providerRef: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the dispatcher knows about a newly confirmed order when it plans the messages. */
export interface ConfirmedOrderFacts {
  orderId: string;
  source: SourceInfo;
  customerId: string | null;
  customerFax: string | null;
  customerEmail: string | null;
  customerCountry: string | null;
  customerZip: string | null;
  /** Per-customer overrides, null when unset. */
  confirmations: string | null;
  language: string | null;
}

export interface PlannedMessage {
  kind: OutboundKind;
  channel: OutboundChannel;
  target: string | null;
  language: string | null;
  /** A message that cannot be sent (no fax number…) is recorded as failed with this reason. */
  failReason?: string;
}

export interface JobRef {
  id: string;
  generation: number;
  kind: OutboundKind;
}

const toMessage = (r: OutboundMessagesTable): OutboundMessage => ({
  id: r.id,
  orderId: r.order_id,
  kind: r.kind as OutboundKind,
  channel: r.channel as OutboundChannel,
  target: r.target,
  language: r.language,
  status: r.status as OutboundStatus,
  attempts: r.attempts,
  generation: r.generation,
  lastError: r.last_error,
  lastAttemptAt: r.last_attempt_at,
  deliveredAt: r.delivered_at,
  provider: r.provider,
  providerRef: r.provider_ref,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const nowIso = () => new Date().toISOString();

export function createOutboundStore(database: Database) {
  const { db } = database;

  return {
    /**
     * Plans messages for orders confirmed since the watermark and advances it, in one
     * transaction. Two dispatchers racing insert nothing twice (unique order/kind/channel) and
     * the watermark only moves forward. Returns how many orders were looked at.
     */
    async dispatchConfirmed(
      limit: number,
      plan: (facts: ConfirmedOrderFacts) => PlannedMessage[],
    ): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const mark = await trx
          .selectFrom('counters')
          .select('value')
          .where('name', '=', 'outbound_seq')
          .executeTakeFirstOrThrow();
        const rows = await trx
          .selectFrom('orders')
          .leftJoin('customers', 'customers.id', 'orders.customer_id')
          .leftJoin('customer_outbound_settings as s', 's.customer_id', 'orders.customer_id')
          .select([
            'orders.id as id',
            'orders.confirm_seq as seq',
            'orders.source_json as source_json',
            'orders.customer_id as customer_id',
            'customers.fax as fax',
            'customers.email as email',
            'customers.country as country',
            'customers.zip as zip',
            's.confirmations as confirmations',
            's.language as language',
          ])
          .where('orders.confirm_seq', '>', Number(mark.value))
          .orderBy('orders.confirm_seq')
          .limit(limit)
          .execute();
        if (rows.length === 0) return 0;
        const now = nowIso();
        for (const r of rows) {
          const planned = plan({
            orderId: r.id,
            source: JSON.parse(r.source_json) as SourceInfo,
            customerId: r.customer_id,
            customerFax: r.fax,
            customerEmail: r.email,
            customerCountry: r.country,
            customerZip: r.zip,
            confirmations: r.confirmations,
            language: r.language,
          });
          for (const m of planned) {
            await trx
              .insertInto('outbound_messages')
              .values({
                id: randomUUID(),
                order_id: r.id,
                kind: m.kind,
                channel: m.channel,
                target: m.target,
                language: m.language,
                status: m.failReason ? 'failed' : 'pending',
                attempts: 0,
                generation: 1,
                last_error: m.failReason ?? null,
                created_at: now,
                updated_at: now,
              })
              .onConflict((oc) => oc.columns(['order_id', 'kind', 'channel']).doNothing())
              .execute();
          }
        }
        const last = Number(rows.at(-1)!.seq);
        await trx
          .updateTable('counters')
          .set({ value: last })
          .where('name', '=', 'outbound_seq')
          .where('value', '<', last)
          .execute();
        return rows.length;
      });
    },

    /** Messages waiting for delivery: the dispatcher (re-)enqueues them; job ids make that idempotent. */
    async listPending(limit: number): Promise<JobRef[]> {
      const rows = await db
        .selectFrom('outbound_messages')
        .select(['id', 'generation', 'kind'])
        .where('status', '=', 'pending')
        .orderBy('updated_at')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.id, generation: r.generation, kind: r.kind as OutboundKind }));
    },

    async get(id: string): Promise<OutboundMessage | null> {
      const r = await db.selectFrom('outbound_messages').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toMessage(r) : null;
    },

    async listForOrder(orderId: string): Promise<OutboundMessage[]> {
      const rows = await db
        .selectFrom('outbound_messages')
        .selectAll()
        .where('order_id', '=', orderId)
        .orderBy('kind')
        .orderBy('channel')
        .execute();
      return rows.map(toMessage);
    },

    async list(opts: {
      status?: OutboundStatus;
      kind?: OutboundKind;
      limit: number;
    }): Promise<OutboundMessage[]> {
      let q = db.selectFrom('outbound_messages').selectAll();
      if (opts.status) q = q.where('status', '=', opts.status);
      if (opts.kind) q = q.where('kind', '=', opts.kind);
      const rows = await q.orderBy('updated_at', 'desc').orderBy('id').limit(opts.limit).execute();
      return rows.map(toMessage);
    },

    /**
     * Counts an attempt of this generation. Null when there is nothing to do: delivered already,
     * or superseded by a re-send (another generation), or gone.
     */
    async startAttempt(id: string, generation: number): Promise<OutboundMessage | null> {
      const now = nowIso();
      const res = await db
        .updateTable('outbound_messages')
        .set({ attempts: sql`attempts + 1`, last_attempt_at: now, updated_at: now })
        .where('id', '=', id)
        .where('generation', '=', generation)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (res.numUpdatedRows === 0n) return null;
      return this.get(id);
    },

    async markDelivered(id: string, generation: number, provider: string | null, providerRef: string | null) {
      const now = nowIso();
      await db
        .updateTable('outbound_messages')
        .set({
          status: 'delivered',
          delivered_at: now,
          last_error: null,
          provider,
          provider_ref: providerRef,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('generation', '=', generation)
        .execute();
    },

    /** Records a failed attempt; `final` ends the message as failed (until a manual re-send). */
    async markError(id: string, generation: number, error: string, final: boolean) {
      await db
        .updateTable('outbound_messages')
        .set({
          last_error: error.slice(0, 2000),
          updated_at: nowIso(),
          ...(final ? { status: 'failed' } : {}),
        })
        .where('id', '=', id)
        .where('generation', '=', generation)
        .where('status', '=', 'pending')
        .execute();
    },

    /**
     * Manual re-send: the existing message gets a new generation and goes back to pending (a
     * delivered one too — the user asked for it). When the order has no such message yet
     * (push configured after the confirm), `create` plans one. 404 when neither.
     */
    async resend(
      orderId: string,
      kind: OutboundKind,
      create: () => PlannedMessage | null,
      /** One message of the order (a confirmation may go by fax and by e-mail); else its first of `kind`. */
      messageId?: string,
    ): Promise<JobRef> {
      return db.transaction().execute(async (trx) => {
        const order = await trx
          .selectFrom('orders')
          .select(['status'])
          .where('id', '=', orderId)
          .executeTakeFirst();
        if (!order) throw new HttpError(404, 'NOT_FOUND', `order ${orderId} not found`);
        if (order.status !== 'confirmed' && order.status !== 'exported') {
          throw new HttpError(
            409,
            'INVALID_STATE',
            `order ${orderId} is ${order.status}; only confirmed orders are sent`,
          );
        }
        const now = nowIso();
        let existingQuery = trx
          .selectFrom('outbound_messages')
          .select(['id', 'generation', 'channel'])
          .where('order_id', '=', orderId)
          .where('kind', '=', kind);
        if (messageId) existingQuery = existingQuery.where('id', '=', messageId);
        const existing = await existingQuery.orderBy('created_at').executeTakeFirst();
        if (!existing && messageId)
          throw new HttpError(404, 'NOT_FOUND', `no delivery ${messageId} on order ${orderId}`);
        if (existing) {
          await trx
            .updateTable('outbound_messages')
            .set({
              status: 'pending',
              generation: existing.generation + 1,
              attempts: 0,
              last_error: null,
              delivered_at: null,
              updated_at: now,
            })
            .where('id', '=', existing.id)
            .execute();
          return { id: existing.id, generation: existing.generation + 1, kind };
        }
        const planned = create();
        if (!planned) throw new HttpError(409, 'INVALID_STATE', `${kind} is not configured`);
        if (planned.failReason) throw new HttpError(409, 'INVALID_STATE', planned.failReason);
        const id = randomUUID();
        await trx
          .insertInto('outbound_messages')
          .values({
            id,
            order_id: orderId,
            kind,
            channel: planned.channel,
            target: planned.target,
            language: planned.language,
            status: 'pending',
            attempts: 0,
            generation: 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        return { id, generation: 1, kind };
      });
    },

    /**
     * The provider's later verdict on a confirmation fax it accepted (status callback), found by
     * the fax id saved at sending. Only a row waiting for that verdict changes: a row re-sent
     * meanwhile is pending again (or carries the new fax's id), so a late event of the old fax
     * does not touch it. Null when no such row (unknown fax, or superseded).
     */
    async recordFaxOutcome(
      provider: string,
      providerRef: string,
      outcome: { status: 'delivered' | 'failed'; reason: string | null; at: string | null },
    ): Promise<OutboundMessage | null> {
      const row = await db
        .selectFrom('outbound_messages')
        .select(['id', 'generation'])
        .where('provider', '=', provider)
        .where('provider_ref', '=', providerRef)
        .where('channel', '=', 'fax')
        .where('status', '!=', 'pending')
        .executeTakeFirst();
      if (!row) return null;
      const now = nowIso();
      await db
        .updateTable('outbound_messages')
        .set(
          outcome.status === 'delivered'
            ? { status: 'delivered', delivered_at: outcome.at ?? now, last_error: null, updated_at: now }
            : {
                status: 'failed',
                delivered_at: null,
                last_error: (outcome.reason ?? 'the fax provider reports the fax failed').slice(0, 2000),
                updated_at: now,
              },
        )
        .where('id', '=', row.id)
        .where('generation', '=', row.generation)
        .where('status', '!=', 'pending')
        .execute();
      return this.get(row.id);
    },

    async getSettings(
      customerId: string,
    ): Promise<{ confirmations: string | null; language: string | null }> {
      const r = await db
        .selectFrom('customer_outbound_settings')
        .select(['confirmations', 'language'])
        .where('customer_id', '=', customerId)
        .executeTakeFirst();
      return r ?? { confirmations: null, language: null };
    },

    async putSettings(customerId: string, s: { confirmations: string | null; language: string | null }) {
      const now = nowIso();
      await db
        .insertInto('customer_outbound_settings')
        .values({
          customer_id: customerId,
          confirmations: s.confirmations,
          language: s.language,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc
            .column('customer_id')
            .doUpdateSet({ confirmations: s.confirmations, language: s.language, updated_at: now }),
        )
        .execute();
    },
  };
}

export type OutboundStore = ReturnType<typeof createOutboundStore>;
