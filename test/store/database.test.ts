import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, pingDatabase } from '../../src/store/database.ts';
import { migrationNames } from '../../src/store/migrations/migration-provider.ts';
import { backends, openTestDatabase, type TestDatabase, testPostgresUrl } from '../helpers/test-database.ts';

describe.each(backends)('database (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind, { migrate: false });
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it('applies every migration once; a second run applies nothing', async () => {
    expect(await migrateToLatest(database)).toEqual(migrationNames);
    expect(migrationNames[0]).toBe('0001_initial');
    expect(await migrateToLatest(database)).toEqual([]);
    await pingDatabase(database);
    const counter = await database.db.selectFrom('counters').selectAll().execute();
    expect(counter).toContainEqual({ name: 'confirm_seq', value: 0 });
  });

  it('a second connection to the same store sees it migrated', async () => {
    const other = await openDatabase({
      databaseUrl: kind === 'postgres' ? testPostgresUrl : null,
      dataDir: database.dataDir,
      ...(database.schema ? { schema: database.schema } : {}),
    });
    try {
      expect(await migrateToLatest(other)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('stores blobs byte-exact and timestamps as sortable text', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254, 0, 10]);
    await database.db
      .insertInto('documents')
      .values({
        id: 'blob-test',
        sha256: 'x',
        bytes,
        size: bytes.length,
        content_type: null,
        channel: 'upload',
        provider: null,
        from_addr: null,
        to_addr: null,
        status: 'received',
        meta_json: '{}',
        received_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
        attempts: 0,
      })
      .execute();
    const row = await database.db
      .selectFrom('documents')
      .select('bytes')
      .where('id', '=', 'blob-test')
      .executeTakeFirstOrThrow();
    expect(Buffer.isBuffer(row.bytes)).toBe(true);
    expect(Buffer.compare(row.bytes, bytes)).toBe(0);
  });
});

describe('openDatabase', () => {
  it('rejects a non-postgres DATABASE_URL', async () => {
    await expect(openDatabase({ databaseUrl: 'mysql://x', dataDir: '/tmp/faxgate-unused' })).rejects.toThrow(
      /postgres/,
    );
  });
});

// PostgreSQL only: SQLite is left out because better-sqlite3 waits for a lock synchronously, so two
// connections in ONE process deadlock until busy_timeout (across processes BEGIN IMMEDIATE serializes them).
describe('database (postgres, two pools)', () => {
  it('concurrent migrations from two pools apply each migration exactly once', async () => {
    const fresh = await openTestDatabase('postgres', { migrate: false });
    const second = await openDatabase({
      databaseUrl: testPostgresUrl,
      dataDir: fresh.dataDir,
      ...(fresh.schema ? { schema: fresh.schema } : {}),
    });
    try {
      const results = await Promise.all([migrateToLatest(fresh), migrateToLatest(second)]);
      expect(results.flat().sort()).toEqual(migrationNames);
    } finally {
      await second.close();
      await fresh.cleanup();
    }
  });
});
