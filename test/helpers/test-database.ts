/**
 * Opens a migrated, private database for one test file: SQLite in a fresh temp dir, or a fresh
 * random schema on the test PostgreSQL. `cleanup()` closes it and removes the dir / drops the schema.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, migrateToLatest, openDatabase } from '../../src/store/database.ts';

export type Backend = 'sqlite' | 'postgres';

export const backends: Backend[] = ['sqlite', 'postgres'];

export const testPostgresUrl =
  process.env.FAXGATE_TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/faxgate_test';

export type TestDatabase = Database & { cleanup(): Promise<void>; dataDir: string };

export async function openTestDatabase(
  kind: Backend,
  opts: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'faxgate-store-'));
  const schema = kind === 'postgres' ? `test_${randomBytes(6).toString('hex')}` : undefined;
  const database = await openDatabase({
    databaseUrl: kind === 'postgres' ? testPostgresUrl : null,
    dataDir,
    ...(schema ? { schema } : {}),
  });
  if (opts.migrate !== false) await migrateToLatest(database);
  return Object.assign(database, {
    dataDir,
    async cleanup() {
      await database.close();
      if (schema) await dropSchema(schema);
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
