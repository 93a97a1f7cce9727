import type { Kysely, Migration } from 'kysely';

/**
 * Mappings learned from clerks' corrections (src/learning/learned-mappings.ts): per customer, what
 * a document said → what it meant. Portable types only (text, integer), like 0001.
 */
export function learnedMappingsMigration(): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('learned_mappings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        // 'sku' | 'quantity' | 'sender'
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source_key', 'text', (c) => c.notNull())
        .addColumn('source_text', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        // how often the clerk taught the same mapping
        .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // one mapping per customer, kind and wording: a new correction replaces the old target
        .addUniqueConstraint('learned_mappings_key_uq', ['customer_id', 'kind', 'source_key'])
        .execute();
      // senders are looked up without knowing the customer
      await db.schema
        .createIndex('learned_mappings_source_idx')
        .on('learned_mappings')
        .columns(['kind', 'source_key'])
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: see up()
    async down(db: Kysely<any>) {
      await db.schema.dropTable('learned_mappings').execute();
    },
  };
}
