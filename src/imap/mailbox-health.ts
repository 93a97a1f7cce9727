/**
 * The configured mailboxes' health for /readyz, read from the store (the poller may run in
 * another process). A row not refreshed for two resync intervals (plus a minute) means the poller
 * itself is gone: shown as `stale`.
 */
import type { Config } from '../config.ts';
import type { Database } from '../store/database.ts';
import { createMailboxState } from './mailbox-state.ts';

export async function mailboxHealth(config: Config, database: Database): Promise<Record<string, string>> {
  const ids = config.imap.mailboxes.map((m) => m.id);
  if (ids.length === 0) return {};
  const rows = new Map((await createMailboxState(database).list(ids)).map((r) => [r.mailboxId, r]));
  const staleBefore = Date.now() - 2 * config.imap.resyncMs - 60_000;
  const out: Record<string, string> = {};
  for (const id of ids) {
    const r = rows.get(id);
    const key = `mailbox ${id}`;
    if (!r) out[key] = 'not started';
    else if (r.status === 'down') out[key] = `down: ${r.lastError ?? 'unknown error'}`;
    else if (Date.parse(r.checkedAt) < staleBefore) out[key] = `stale: last checked ${r.checkedAt}`;
    else out[key] = r.status === 'ok' ? 'ok' : r.status;
  }
  return out;
}
