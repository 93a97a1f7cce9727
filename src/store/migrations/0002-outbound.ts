import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The outbox of the ERP push and the customer confirmations, and per-customer confirmation
 * settings. Portable types only (text, integer), like 0001.
 */
export function outboundMigration(): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('outbound_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
        // 'erp-push' | 'confirmation'
        .addColumn('kind', 'text', (c) => c.notNull())
        // 'webhook' | 'fax' | 'email'
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('language', 'text')
        // 'pending' | 'delivered' | 'failed'
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        // Bumped by a manual re-send; the job id carries it, so a re-send is a new job.
        .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('last_error', 'text')
        .addColumn('last_attempt_at', 'text')
        .addColumn('delivered_at', 'text')
        .addColumn('provider', 'text')
        .addColumn('provider_ref', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // One message per order, kind and channel: a second dispatcher round adds nothing.
        .addUniqueConstraint('outbound_messages_order_kind_uq', ['order_id', 'kind', 'channel'])
        .execute();
      await db.schema
        .createIndex('outbound_messages_status_idx')
        .on('outbound_messages')
        .columns(['status', 'updated_at'])
        .execute();

      await db.schema
        .createTable('customer_outbound_settings')
        .addColumn('customer_id', 'text', (c) => c.primaryKey())
        // null = the global FAXGATE_CONFIRMATIONS; else 'off' | 'fax' | 'email' | 'both'
        .addColumn('confirmations', 'text')
        // null = guessed from the customer's country and postcode; else 'de' | 'fr' | 'it' | 'en'
        .addColumn('language', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      // The dispatcher's watermark over confirm_seq. Orders confirmed before this migration are
      // not pushed or confirmed retroactively.
      await db
        .insertInto('counters')
        .columns(['name', 'value'])
        .expression(
          db
            .selectFrom('orders')
            .select([
              sql<string>`'outbound_seq'`.as('name'),
              sql<number>`coalesce(max(confirm_seq), 0)`.as('value'),
            ]),
        )
        .execute();
    },
  };
}
