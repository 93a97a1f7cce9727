import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from './database.ts';
import type { TokenScope } from './schema.ts';

export interface TokenInfo {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const PREFIX = 'fgt_';
/** last_used_at is informational; writing it on every request would make each API call a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Only the hash is stored: a leaked database does not leak usable tokens. */
const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function createTokenStore(database: Database) {
  const { db } = database;

  return {
    /** Returns the token in clear text; this is the only time it is available. */
    async create(opts: { scope: TokenScope; name: string }): Promise<{ id: string; token: string }> {
      const id = randomUUID();
      const token = PREFIX + randomBytes(32).toString('base64url');
      await db
        .insertInto('api_tokens')
        .values({
          id,
          name: opts.name,
          scope: opts.scope,
          token_hash: hashToken(token),
          created_at: new Date().toISOString(),
        })
        .execute();
      return { id, token };
    },

    /** The token's identity when it is valid and not revoked, else null. */
    async verify(token: string): Promise<{ id: string; scope: TokenScope; name: string } | null> {
      if (!token.startsWith(PREFIX)) return null;
      const row = await db
        .selectFrom('api_tokens')
        .select(['id', 'scope', 'name', 'last_used_at'])
        .where('token_hash', '=', hashToken(token))
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!row) return null;
      const now = Date.now();
      if (!row.last_used_at || now - Date.parse(row.last_used_at) >= LAST_USED_RESOLUTION_MS) {
        await db
          .updateTable('api_tokens')
          .set({ last_used_at: new Date(now).toISOString() })
          .where('id', '=', row.id)
          .execute();
      }
      return { id: row.id, scope: row.scope, name: row.name };
    },

    async list(): Promise<TokenInfo[]> {
      const rows = await db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'scope', 'created_at', 'last_used_at', 'revoked_at'])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        scope: r.scope,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
        revokedAt: r.revoked_at,
      }));
    },

    /** True when the token existed and was active. */
    async revoke(id: string): Promise<boolean> {
      const res = await db
        .updateTable('api_tokens')
        .set({ revoked_at: new Date().toISOString() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return res.numUpdatedRows > 0n;
    },
  };
}

export type TokenStore = ReturnType<typeof createTokenStore>;
