/**
 * Rejections are logged with the provider and the reason, never with the secret or the
 * signature that came in.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createQueues, producerConnection } from '../../src/jobs.ts';
import { createLogger } from '../../src/logger.ts';
import { buildServer } from '../../src/server.ts';
import { createStores } from '../../src/store/stores.ts';
import { testRedisUrl } from '../helpers/test-app.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import {
  type Fax,
  phaxioDelivery,
  providerEnv,
  secrets,
  telnyxDelivery,
} from '../ingest/helpers/deliveries.ts';
import { telnyxKeys } from '../ingest/helpers/sign.ts';

const lines: string[] = [];
const keys = telnyxKeys();
let database: TestDatabase;
let close: () => Promise<void>;
let inject: (r: { url: string; headers: Record<string, string>; payload: Buffer }) => Promise<number>;

beforeAll(async () => {
  database = await openTestDatabase('sqlite');
  const config = loadConfig({
    FAXGATE_DATA_DIR: database.dataDir,
    FAXGATE_PUBLIC_URL: 'https://fax.example.ch',
    FAXGATE_QUEUE_PREFIX: `fgtest-${randomBytes(4).toString('hex')}`,
    ...providerEnv(keys),
  });
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const redis = producerConnection(testRedisUrl);
  const queues = createQueues(redis, config.queuePrefix);
  const app = await buildServer(
    { config, stores: createStores(database), queues, redis },
    createLogger('info', sink),
  );
  inject = async (r) =>
    (await app.inject({ method: 'POST', url: r.url, headers: r.headers, payload: r.payload })).statusCode;
  close = async () => {
    await app.close();
    await queues.close();
    redis.disconnect();
    await database.cleanup();
  };
});
afterAll(async () => {
  await close?.();
});

const fax: Fax = {
  id: '4711',
  from: '+41445551234',
  to: '+41445550100',
  bytes: Buffer.from('II*\0x'),
  mediaUrl: 'https://s3.amazonaws.com/x',
};

it('logs a rejected Phaxio delivery with provider and reason, without token or signature', async () => {
  const forged = phaxioDelivery('https://fax.example.ch', fax, 'guessed-token');
  expect(await inject(forged)).toBe(401);
  const rejected = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'webhook rejected');
  expect(rejected.at(-1)).toMatchObject({
    provider: 'phaxio',
    reason: expect.stringMatching(/does not match/),
  });
  const all = lines.join('\n');
  expect(all).not.toContain(secrets.phaxioToken);
  expect(all).not.toContain(forged.headers['x-phaxio-signature']);
});

it('logs a stale Telnyx timestamp as the reason', async () => {
  expect(await inject(telnyxDelivery(keys, fax, Math.floor(Date.now() / 1000) - 3600))).toBe(401);
  const rejected = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'webhook rejected');
  expect(rejected.at(-1)).toMatchObject({
    provider: 'telnyx',
    reason: expect.stringMatching(/stale timestamp/),
  });
});
