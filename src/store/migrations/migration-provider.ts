import type { Migration, MigrationProvider } from 'kysely';
import { initialMigration } from './0001-initial.ts';
import type { DialectName } from './dialect-types.ts';

/**
 * All migrations, in code (no file-system scan, so bundling and `tsx` both work). Names sort in
 * order; never rename or edit a released migration, add a new one.
 */
export function migrationProvider(dialect: DialectName): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return { '0001_initial': initialMigration(dialect) };
    },
  };
}
