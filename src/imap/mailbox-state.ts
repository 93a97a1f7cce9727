/**
 * Per-mailbox bookkeeping in the SQL store (table `imap_mailboxes`, migration 0005): the folder's
 * UIDVALIDITY and the last UID handled, plus the health every API process reports in /readyz
 * (the poller may run in another process, so health lives in the database, not in memory).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.ts';

interface MailTables {
  imap_mailboxes: {
    mailbox_id: string;
    uid_validity: string | null;
    last_uid: number;
    status: string;
    last_error: string | null;
    checked_at: string;
  };
}

export type MailboxStatus = 'ok' | 'down' | 'starting';

export interface MailboxRow {
  mailboxId: string;
  uidValidity: string | null;
  lastUid: number;
  status: MailboxStatus;
  lastError: string | null;
  checkedAt: string;
}

export function createMailboxState(database: Database) {
  const db = database.db as unknown as Kysely<MailTables>;
  const now = () => new Date().toISOString();

  async function upsert(id: string, set: Partial<MailTables['imap_mailboxes']>): Promise<void> {
    await db
      .insertInto('imap_mailboxes')
      .values({
        mailbox_id: id,
        uid_validity: null,
        last_uid: 0,
        status: 'starting',
        last_error: null,
        checked_at: now(),
        ...set,
      })
      .onConflict((oc) => oc.column('mailbox_id').doUpdateSet(set))
      .execute();
  }

  return {
    async get(id: string): Promise<MailboxRow | null> {
      const r = await db
        .selectFrom('imap_mailboxes')
        .selectAll()
        .where('mailbox_id', '=', id)
        .executeTakeFirst();
      if (!r) return null;
      return {
        mailboxId: r.mailbox_id,
        uidValidity: r.uid_validity,
        lastUid: Number(r.last_uid),
        status: r.status as MailboxStatus,
        lastError: r.last_error,
        checkedAt: r.checked_at,
      };
    },
    /** Where the poller is: the last UID it finished under this UIDVALIDITY. */
    setPosition: (id: string, uidValidity: string, lastUid: number) =>
      upsert(id, { uid_validity: uidValidity, last_uid: lastUid, checked_at: now() }),
    setHealth: (id: string, status: MailboxStatus, error: string | null) =>
      upsert(id, { status, last_error: error ? error.slice(0, 500) : null, checked_at: now() }),
    async list(ids: string[]): Promise<MailboxRow[]> {
      if (ids.length === 0) return [];
      const rows = await Promise.all(ids.map((id) => this.get(id)));
      return rows.filter((r): r is MailboxRow => r !== null);
    },
  };
}

export type MailboxState = ReturnType<typeof createMailboxState>;
