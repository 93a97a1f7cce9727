/**
 * CLI commands work on the configured store, creating and migrating it when needed —
 * also while the gateway runs (SQLite in WAL mode allows a second writer to wait its turn).
 */
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openStores } from '../runtime/runtime.ts';
import type { Stores } from '../store/stores.ts';

export async function withStores<T>(fn: (stores: Stores) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const stores = await openStores(config, createLogger('warn'));
  try {
    return await fn(stores);
  } finally {
    await stores.database.close();
  }
}
