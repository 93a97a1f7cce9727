import type { Kysely, Migration } from 'kysely';

/**
 * E-mail intake: the IMAP poller's per-mailbox bookkeeping (UIDVALIDITY + last processed UID,
 * and the health the readiness check shows), and the Mailgun tokens already seen (a Mailgun
 * signature covers only timestamp + token, not the body, so a token must never work twice).
 * Portable types only (text, integer), like 0001.
 */
export function mailMigration(): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('imap_mailboxes')
        // user@host:port/folder — never the password
        .addColumn('mailbox_id', 'text', (c) => c.primaryKey())
        // IMAP UIDVALIDITY is an unsigned 32-bit number (text: PostgreSQL integer is signed 32-bit)
        .addColumn('uid_validity', 'text')
        .addColumn('last_uid', 'integer', (c) => c.notNull().defaultTo(0))
        // 'ok' | 'down' | 'starting'
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('checked_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('webhook_tokens')
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('webhook_tokens_pk', ['provider', 'token'])
        .execute();
      await db.schema.createIndex('webhook_tokens_seen_idx').on('webhook_tokens').column('seen_at').execute();
    },
  };
}
