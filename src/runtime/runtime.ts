/**
 * Opens what every faxgate process needs — the store (migrated), Redis (configured or the
 * private one), the queues — and closes them in reverse order.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { createQueues, producerConnection, type Queues } from '../jobs.ts';
import type { Logger } from '../logger.ts';
import { migrateToLatest, openDatabase } from '../store/database.ts';
import { createStores, type Stores } from '../store/stores.ts';
import { startPrivateRedis } from './private-redis.ts';

export interface Runtime {
  config: Config;
  log: Logger;
  stores: Stores;
  redisUrl: string;
  redis: Redis;
  queues: Queues;
  close(): Promise<void>;
}

export async function openStores(config: Config, log: Logger): Promise<Stores> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrateToLatest(database);
  if (applied.length > 0) log.info({ applied }, 'database migrated');
  return createStores(database);
}

export async function openRuntime(config: Config, log: Logger): Promise<Runtime> {
  const stores = await openStores(config, log);
  const privateRedis = config.redisUrl
    ? null
    : await startPrivateRedis(config.dataDir, log).catch(async (err) => {
        await stores.database.close();
        throw err;
      });
  const redisUrl = config.redisUrl ?? privateRedis!.url;
  const redis = producerConnection(redisUrl);
  const queues = createQueues(redis, config.queuePrefix);
  return {
    config,
    log,
    stores,
    redisUrl,
    redis,
    queues,
    async close() {
      await queues.close().catch((err) => log.warn({ err }, 'closing queues'));
      redis.disconnect();
      await privateRedis?.stop();
      await stores.database.close();
    },
  };
}
