/**
 * Browser sessions, the login throttle's counters and the user-account verbs the auth module
 * needs beyond user-store.ts. Tables from migration 0003_auth; their row types live here so the
 * shared Schema stays untouched.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import type { Schema, UserRole } from './schema.ts';

interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

interface LoginAttemptsTable {
  username: string;
  failures: number;
  first_failure_at: string | null;
  locked_until: string | null;
}

type AuthSchema = Schema & {
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  users: Schema['users'] & { must_change_password: number };
};

export interface SessionUser {
  id: string;
  username: string;
  role: UserRole;
  locale: string | null;
  mustChangePassword: boolean;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  expiresAt: string;
}

export interface LoginAttempts {
  failures: number;
  firstFailureAt: string | null;
  lockedUntil: string | null;
}

const hashId = (id: string) => createHash('sha256').update(id, 'utf8').digest('hex');
/** last_seen_at is for sliding expiry; writing it on every request would make each page view a write. */
const TOUCH_RESOLUTION_MS = 60_000;

export function createSessionStore(database: Database) {
  const db = database.db as unknown as Kysely<AuthSchema>;

  return {
    /** A new session; returns the cookie value (shown only now; stored hashed) and its CSRF token. */
    async create(userId: string, ttlMs: number): Promise<{ sessionId: string; csrfToken: string }> {
      const sessionId = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = new Date();
      await db
        .insertInto('sessions')
        .values({
          id_hash: hashId(sessionId),
          user_id: userId,
          csrf_token: csrfToken,
          created_at: now.toISOString(),
          last_seen_at: now.toISOString(),
          expires_at: new Date(now.getTime() + ttlMs).toISOString(),
        })
        .execute();
      return { sessionId, csrfToken };
    },

    /** The live session of an enabled user, sliding its expiry forward; null otherwise. */
    async get(sessionId: string, ttlMs: number): Promise<Session | null> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id_hash',
          'sessions.csrf_token',
          'sessions.last_seen_at',
          'sessions.expires_at',
          'users.id as user_id',
          'users.username',
          'users.role',
          'users.locale',
          'users.disabled',
          'users.must_change_password',
        ])
        .where('sessions.id_hash', '=', hashId(sessionId))
        .executeTakeFirst();
      if (!row) return null;
      const now = Date.now();
      if (Date.parse(row.expires_at) <= now || Number(row.disabled) === 1) return null;
      let expiresAt = row.expires_at;
      if (now - Date.parse(row.last_seen_at) >= TOUCH_RESOLUTION_MS) {
        expiresAt = new Date(now + ttlMs).toISOString();
        await db
          .updateTable('sessions')
          .set({ last_seen_at: new Date(now).toISOString(), expires_at: expiresAt })
          .where('id_hash', '=', row.id_hash)
          .execute();
      }
      return {
        user: {
          id: row.user_id,
          username: row.username,
          role: row.role,
          locale: row.locale,
          mustChangePassword: Number(row.must_change_password) === 1,
        },
        csrfToken: row.csrf_token,
        expiresAt,
      };
    },

    async destroy(sessionId: string): Promise<void> {
      await db.deleteFrom('sessions').where('id_hash', '=', hashId(sessionId)).execute();
    },

    /** Ends every session of a user (password changed, account disabled). */
    async destroyForUser(userId: string): Promise<void> {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },

    async deleteExpired(): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<=', new Date().toISOString()).execute();
    },

    async attempts(username: string): Promise<LoginAttempts> {
      const r = await db
        .selectFrom('login_attempts')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return {
        failures: r ? Number(r.failures) : 0,
        firstFailureAt: r?.first_failure_at ?? null,
        lockedUntil: r?.locked_until ?? null,
      };
    },

    async saveAttempts(username: string, a: LoginAttempts): Promise<void> {
      const row = {
        failures: a.failures,
        first_failure_at: a.firstFailureAt,
        locked_until: a.lockedUntil,
      };
      await db
        .insertInto('login_attempts')
        .values({ username, ...row })
        .onConflict((oc) => oc.column('username').doUpdateSet(row))
        .execute();
    },

    async clearAttempts(username: string): Promise<void> {
      await db.deleteFrom('login_attempts').where('username', '=', username).execute();
    },

    /** Sets a new password hash; `mustChange` forces another change at the next login. */
    async setPassword(userId: string, passwordHash: string, mustChange: boolean): Promise<boolean> {
      const res = await db
        .updateTable('users')
        .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 })
        .where('id', '=', userId)
        .executeTakeFirst();
      return res.numUpdatedRows > 0n;
    },

    async setDisabled(userId: string, disabled: boolean): Promise<boolean> {
      const res = await db
        .updateTable('users')
        .set({ disabled: disabled ? 1 : 0 })
        .where('id', '=', userId)
        .executeTakeFirst();
      return res.numUpdatedRows > 0n;
    },

    async setLocale(userId: string, locale: string | null): Promise<void> {
      await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
    },

    async mustChangePassword(userId: string): Promise<boolean> {
      const r = await db
        .selectFrom('users')
        .select('must_change_password')
        .where('id', '=', userId)
        .executeTakeFirst();
      return Number(r?.must_change_password ?? 0) === 1;
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
