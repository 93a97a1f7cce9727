import { randomUUID } from 'node:crypto';
import { HttpError } from '../errors.ts';
import type { Database } from './database.ts';
import type { UserRole } from './schema.ts';
import { isUniqueViolation } from './unique-violation.ts';

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: UserRole;
  disabled: boolean;
  locale: string | null;
  createdAt: string;
}

/** Clerk and admin accounts (hashing and sessions live in the auth module). */
export function createUserStore(database: Database) {
  const { db } = database;

  return {
    /** A taken username → 409 CONFLICT. */
    async create(opts: {
      username: string;
      passwordHash: string;
      role: UserRole;
      locale?: string | null;
    }): Promise<{ id: string }> {
      const id = randomUUID();
      try {
        await db
          .insertInto('users')
          .values({
            id,
            username: opts.username,
            password_hash: opts.passwordHash,
            role: opts.role,
            disabled: 0,
            locale: opts.locale ?? null,
            created_at: new Date().toISOString(),
          })
          .execute();
      } catch (err) {
        if (isUniqueViolation(err))
          throw new HttpError(409, 'CONFLICT', `user '${opts.username}' already exists`);
        throw err;
      }
      return { id };
    },

    async getByUsername(username: string): Promise<UserRecord | null> {
      const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      if (!r) return null;
      return {
        id: r.id,
        username: r.username,
        passwordHash: r.password_hash,
        role: r.role,
        disabled: Number(r.disabled) === 1,
        locale: r.locale,
        createdAt: r.created_at,
      };
    },

    async count(): Promise<number> {
      const r = await db
        .selectFrom('users')
        .select(db.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
