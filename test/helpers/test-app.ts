/**
 * Builds the real app for a test file: a private database (SQLite or a fresh PostgreSQL
 * schema), the test Redis with a queue prefix of its own, and — when asked — the real workers.
 * `close()` tears all of it down and deletes the prefix's keys.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { type Config, loadConfig } from '../../src/config.ts';
import { createQueues, producerConnection, type Queues } from '../../src/jobs.ts';
import { createLogger } from '../../src/logger.ts';
import { buildServer } from '../../src/server.ts';
import { createStores, type Stores } from '../../src/store/stores.ts';
import { type RunningWorkers, startWorkers } from '../../src/workers/start-workers.ts';
import { type Backend, openTestDatabase } from './test-database.ts';

export const testRedisUrl = process.env.FAXGATE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  stores: Stores;
  queues: Queues;
  workers: RunningWorkers | null;
  /** Bearer header values for each scope. */
  auth: Record<'ingest' | 'erp' | 'admin', string>;
  close(): Promise<void>;
}

export async function buildTestApp(
  backend: Backend,
  opts: { workers?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(backend);
  const prefix = `fgtest-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    FAXGATE_DATA_DIR: database.dataDir,
    REDIS_URL: testRedisUrl,
    FAXGATE_QUEUE_PREFIX: prefix,
    FAXGATE_LOG_LEVEL: process.env.FAXGATE_TEST_LOG_LEVEL ?? 'silent',
    FAXGATE_OCR_LANGUAGES: 'deu+eng',
    ...opts.env,
  });
  const log = createLogger(config.logLevel);
  const stores = createStores(database);
  const redis = producerConnection(testRedisUrl);
  const queues = createQueues(redis, prefix);
  const app = await buildServer({ config, stores, queues, redis }, log);
  const workers = opts.workers
    ? await startWorkers({ config, redisUrl: testRedisUrl, stores, queues, log })
    : null;

  const auth = {} as TestApp['auth'];
  for (const scope of ['ingest', 'erp', 'admin'] as const) {
    auth[scope] = `Bearer ${(await stores.tokens.create({ scope, name: `test-${scope}` })).token}`;
  }

  return {
    app,
    config,
    stores,
    queues,
    workers,
    auth,
    async close() {
      await app.close();
      await workers?.close();
      await queues.close();
      redis.disconnect();
      await deletePrefix(prefix);
      await database.cleanup();
    },
  };
}

async function deletePrefix(prefix: string): Promise<void> {
  const r = new Redis(testRedisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await r.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

/** A multipart body for app.inject() (no client library needed for one file part). */
export function multipart(
  file: { name?: string; bytes: Uint8Array; contentType?: string },
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----faxgate${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name ?? 'document'}"\r\n` +
        `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
