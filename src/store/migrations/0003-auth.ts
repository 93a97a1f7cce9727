import type { Kysely, Migration } from 'kysely';

/**
 * Browser sessions and the login throttle. Portable types only (text, integer), like 0001.
 * Session ids are stored hashed (a leaked database holds no usable cookie), the CSRF token in
 * clear (it is useless without the cookie and has to be handed back to the page).
 */
export function authMigration(): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

      // One row per username (lower-cased), also for names that do not exist, so probing
      // unknown names is throttled exactly like guessing a real one's password.
      await db.schema
        .createTable('login_attempts')
        .addColumn('username', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('first_failure_at', 'text')
        .addColumn('locked_until', 'text')
        .execute();

      // A password printed at first start (or set by an admin) must be replaced at first login.
      await db.schema
        .alterTable('users')
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}
