import type { Kysely, Migration } from 'kysely';

/**
 * The ERP's own customer number beside ours (optional `erp_id` column of customers.csv), so the
 * ERP exports can name the customer the way the ERP books it. Nullable: unmapped customers stay
 * as they are. A plain ADD COLUMN works the same on SQLite and PostgreSQL.
 */
export function customerErpIdMigration(): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type
    async up(db: Kysely<any>) {
      await db.schema.alterTable('customers').addColumn('erp_id', 'text').execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: see above
    async down(db: Kysely<any>) {
      await db.schema.alterTable('customers').dropColumn('erp_id').execute();
    },
  };
}
