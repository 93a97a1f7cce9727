import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { FaxgateError } from '../errors.ts';
import type { DialectName } from './migrations/dialect-types.ts';
import { migrationProvider } from './migrations/migration-provider.ts';
import type { Schema } from './schema.ts';
import { ImmediateSqliteDialect } from './sqlite-dialect.ts';

export interface Database {
  db: Kysely<Schema>;
  dialect: DialectName;
  /** PostgreSQL schema in use when one was requested. */
  schema?: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…` or `postgresql://…`; absent/null = embedded SQLite in `dataDir`. */
  databaseUrl?: string | null;
  dataDir: string;
  /** PostgreSQL only: the schema to use (created when missing) instead of the default search_path. */
  schema?: string;
}

/** How long a SQLite writer waits for another process's write lock before giving up. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;
/** PostgreSQL connections per process: the API and a worker each need only a handful. */
const PG_POOL_SIZE = 10;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  mkdirSync(opts.dataDir, { recursive: true });
  const url = opts.databaseUrl?.trim();
  if (url && /^postgres(ql)?:\/\//i.test(url)) return openPostgres(url, opts.schema);
  if (url) {
    throw new FaxgateError('CONFIG', 'DATABASE_URL must start with postgres:// or postgresql://');
  }
  return openSqlite(path.join(opts.dataDir, 'faxgate.sqlite'));
}

function openSqlite(file: string): Database {
  const native = new SqliteDatabase(file);
  native.pragma('journal_mode = WAL');
  native.pragma('foreign_keys = ON');
  native.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // WAL + NORMAL is durable across process crashes (only an OS crash can lose the last commits).
  native.pragma('synchronous = NORMAL');
  const db = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect({ database: native }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new FaxgateError('CONFIG', `invalid PostgreSQL schema name '${schema}'`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: PG_POOL_SIZE,
    // Every pooled connection gets the schema first in its search_path, so queries stay unqualified.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  if (schema) {
    try {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } catch (err) {
      // Two processes creating the same schema at once: the loser sees a unique violation.
      const exists = await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      if (exists.rowCount === 0) {
        await pool.end();
        throw err;
      }
    }
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy(), ...(schema ? { schema } : {}) };
}

/**
 * Applies pending migrations and returns their names. Safe to run from several processes at once:
 * PostgreSQL takes Kysely's advisory lock, SQLite serializes on its write lock.
 */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const schema = database.schema;
  const migrator = new Migrator({
    db: database.db,
    provider: migrationProvider(database.dialect),
    // Without an explicit schema Kysely would find another schema's kysely_migration table.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw new FaxgateError('CONFIG', `database migration failed: ${String(error)}`, {
      permanent: false,
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** A cheap round trip for /readyz. */
export async function pingDatabase(database: Database): Promise<void> {
  await sql`select 1`.execute(database.db);
}
