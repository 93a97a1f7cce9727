import type { Migration, MigrationProvider } from 'kysely';
import { initialMigration } from './0001-initial.ts';
import { outboundMigration } from './0002-outbound.ts';
import { authMigration } from './0003-auth.ts';
import { learnedMappingsMigration } from './0004-learned-mappings.ts';
import { mailMigration } from './0005-mail.ts';
import { outboundProviderRefMigration } from './0006-outbound-provider-ref.ts';
import { customerErpIdMigration } from './0007-customer-erp-id.ts';
import { orderFieldsMigration } from './0008-order-fields.ts';
import type { DialectName } from './dialect-types.ts';

/**
 * All migrations, in code (no file-system scan, so bundling and `tsx` both work). Names sort in
 * order; never rename or edit a released migration, add a new one.
 */
const MIGRATIONS: Record<string, (dialect: DialectName) => Migration> = {
  '0001_initial': initialMigration,
  '0002_outbound': () => outboundMigration(),
  '0005_mail': () => mailMigration(),
  '0006_outbound_provider_ref': () => outboundProviderRefMigration(),
  '0003_auth': () => authMigration(),
  '0004_learned_mappings': () => learnedMappingsMigration(),
  '0007_customer_erp_id': () => customerErpIdMigration(),
  '0008_order_fields': () => orderFieldsMigration(),
};

/** Every migration's name, in the order they apply. */
export const migrationNames = Object.keys(MIGRATIONS).sort();

export function migrationProvider(dialect: DialectName): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(Object.entries(MIGRATIONS).map(([name, make]) => [name, make(dialect)]));
    },
  };
}
