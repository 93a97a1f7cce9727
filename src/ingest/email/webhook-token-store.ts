/**
 * Single-use webhook tokens in the database (table `webhook_tokens`, migration 0005), shared by
 * every API process. Tokens older than the provider's freshness window are useless to a replayer
 * (the timestamp check refuses them first), so they are pruned now and then.
 */
import type { Kysely } from 'kysely';
import { limits } from '../../limits.ts';
import type { Database } from '../../store/database.ts';
import type { TokenStore } from './mailgun.ts';

interface TokenTables {
  webhook_tokens: { provider: string; token: string; seen_at: string };
}

/** Prune on about one claim in this many: cheap, and the table stays small. */
const PRUNE_EVERY = 200;

export function createWebhookTokenStore(database: Database): TokenStore {
  const db = database.db as unknown as Kysely<TokenTables>;
  let claims = 0;
  return {
    async claim(provider, token) {
      if (++claims % PRUNE_EVERY === 0) {
        const cutoff = new Date(Date.now() - 2 * limits.mailgunToleranceSeconds * 1000).toISOString();
        await db.deleteFrom('webhook_tokens').where('seen_at', '<', cutoff).execute();
      }
      const row = await db
        .insertInto('webhook_tokens')
        .values({ provider, token, seen_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['provider', 'token']).doNothing())
        .returning('token')
        .executeTakeFirst();
      return row !== undefined;
    },
    async release(provider, token) {
      await db
        .deleteFrom('webhook_tokens')
        .where('provider', '=', provider)
        .where('token', '=', token)
        .execute();
    },
  };
}
