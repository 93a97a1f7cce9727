import type { Kysely, Migration } from 'kysely';

/**
 * Confidence and evidence of each header field of a draft (the draft JSON's `fields`), so the
 * review screen can show where a reference or a date was read; and a line's unit conversion ("2
 * Kartons à 12 Stk" of an article sold per Stk). Nullable: orders from before keep none. A plain
 * ADD COLUMN works the same on SQLite and PostgreSQL.
 */
export function orderFieldsMigration(): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type
    async up(db: Kysely<any>) {
      await db.schema.alterTable('orders').addColumn('fields_json', 'text').execute();
      await db.schema.alterTable('order_lines').addColumn('conversion_json', 'text').execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: see above
    async down(db: Kysely<any>) {
      await db.schema.alterTable('order_lines').dropColumn('conversion_json').execute();
      await db.schema.alterTable('orders').dropColumn('fields_json').execute();
    },
  };
}
