/**
 * The IMAP pollers of one process (modes `start`/`all` and `worker`), one per configured mailbox.
 * Run them in one process only: two pollers on one mailbox would not make duplicates (receipts
 * stop that) but would race for the same messages.
 */
import type { Config } from '../config.ts';
import { ingestEmail } from '../ingest/email/ingest-email.ts';
import type { Queues } from '../jobs.ts';
import type { Logger } from '../logger.ts';
import type { Stores } from '../store/stores.ts';
import type { MailboxSettings } from './imap-config.ts';
import { type MailboxPoller, startMailboxPoller } from './mailbox-poller.ts';
import { createMailboxState } from './mailbox-state.ts';
import { createAccessTokenSource } from './oauth-token.ts';

export interface RunningImap {
  pollers: MailboxPoller[];
  close(): Promise<void>;
}

export function startImap(opts: {
  config: Config;
  stores: Stores;
  queues: Queues;
  log: Logger;
}): RunningImap {
  const { config, stores, queues } = opts;
  const imap = config.imap;
  const log = opts.log.child({ component: 'imap' });
  const state = createMailboxState(stores.database);
  const tokenSource = imap.auth.kind === 'xoauth2' ? createAccessTokenSource(imap.auth) : null;
  const authFor = (mb: MailboxSettings) => async () => {
    if (imap.auth.kind === 'xoauth2-static') return { user: mb.user, accessToken: imap.auth.accessToken };
    if (tokenSource) return { user: mb.user, accessToken: await tokenSource() };
    return { user: mb.user, pass: mb.password ?? '' };
  };
  const pollers = imap.mailboxes.map((mailbox) =>
    startMailboxPoller({
      mailbox,
      processed: imap.processed,
      resyncMs: imap.resyncMs,
      retryBaseMs: imap.retryBaseMs,
      maxMessageBytes: config.uploadLimitBytes,
      auth: authFor(mailbox),
      tlsCa: imap.tlsCa,
      state,
      ingest: (mail) => ingestEmail({ stores, queues, config, log }, 'imap', mail),
      log,
    }),
  );
  if (pollers.length) log.info({ mailboxes: pollers.map((p) => p.id) }, 'IMAP pollers started');
  return {
    pollers,
    async close() {
      await Promise.all(pollers.map((p) => p.stop()));
    },
  };
}
