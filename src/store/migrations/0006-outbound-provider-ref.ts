import type { Kysely, Migration } from 'kysely';

/**
 * Fax status callbacks find the confirmation by the provider's own fax id; without an index each
 * callback scanned every outbound message.
 */
export function outboundProviderRefMigration(): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type
    async up(db: Kysely<any>) {
      await db.schema
        .createIndex('outbound_messages_provider_ref_idx')
        .on('outbound_messages')
        .columns(['provider', 'provider_ref'])
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: see above
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('outbound_messages_provider_ref_idx').execute();
    },
  };
}
