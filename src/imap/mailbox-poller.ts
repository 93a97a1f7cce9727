/**
 * One IMAP mailbox → e-mail documents, each exactly once. The order of work per message is
 * ingest (idempotent on Message-ID, else the message's hash) → move/flag → remember the UID;
 * a crash between any two of these re-reads the message on restart and the receipt stops a
 * second document. UIDVALIDITY is compared with the stored one: when the server renumbered the
 * folder the position starts over, and the same receipts keep the old messages from returning.
 * New mail arrives through IDLE (the `exists` event); a full re-check runs every resync interval
 * anyway, because IDLE notifications get lost on flaky connections. A mailbox that cannot be
 * reached is retried with a doubling back-off and reported `down` in the store (/readyz) and logs.
 */
import tls from 'node:tls';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { normalizeMessageId } from '../ingest/email/compose-eml.ts';
import type { EmailToIngest } from '../ingest/email/ingest-email.ts';
import { limits } from '../limits.ts';
import type { Logger } from '../logger.ts';
import type { ImapConfig, MailboxSettings } from './imap-config.ts';
import type { MailboxState } from './mailbox-state.ts';

export interface MailboxPollerDeps {
  mailbox: MailboxSettings;
  processed: ImapConfig['processed'];
  resyncMs: number;
  retryBaseMs: number;
  /** Largest message fetched; bigger ones become a failed document with the reason. */
  maxMessageBytes: number;
  /** Credentials for a new connection (an XOAUTH2 token is fetched here). */
  auth: () => Promise<{ user: string; pass?: string; accessToken?: string }>;
  state: MailboxState;
  ingest: (mail: EmailToIngest) => Promise<{ documentId: string; created: boolean }>;
  log: Logger;
  /** Extra CA certificates (PEM) to trust besides the system's; null: the system's only. */
  tlsCa?: string | null;
  /** Test hook: extra ImapFlow options. */
  clientOptions?: Partial<ImapFlowOptions>;
}

export interface MailboxPoller {
  readonly id: string;
  stop(): Promise<void>;
  /** Run a full check now (tests; an operator's "check now"). */
  poke(): void;
}

const errText = (err: unknown) => {
  const e = err as { message?: string; responseText?: string; code?: string };
  return [e.code, e.responseText ?? e.message].filter(Boolean).join(': ') || String(err);
};

export function startMailboxPoller(deps: MailboxPollerDeps): MailboxPoller {
  const { mailbox: mb, state, log: parentLog } = deps;
  const log = parentLog.child({ mailbox: mb.id });
  let stopped = false;
  let client: ImapFlow | null = null;
  let pending = true; // check at once after connecting
  let wake: (() => void) | null = null;
  const poke = () => {
    pending = true;
    wake?.();
  };

  /** Resolves after `ms`, on poke()/new mail, or on stop(). */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (pending || stopped) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  async function markProcessed(c: ImapFlow, uid: number): Promise<void> {
    if (deps.processed.kind === 'move')
      await c.messageMove(String(uid), deps.processed.folder, { uid: true });
    else await c.messageFlagsAdd(String(uid), ['\\Flagged'], { uid: true });
  }

  async function syncOnce(c: ImapFlow): Promise<void> {
    const box = c.mailbox;
    if (!box) throw new Error(`folder ${mb.folder} is not open`);
    const validity = String(box.uidValidity);
    const saved = await state.get(mb.id);
    let lastUid = saved?.uidValidity === validity ? saved.lastUid : 0;
    const renumbered = saved?.uidValidity != null && saved.uidValidity !== validity;
    if (renumbered) {
      log.warn(
        { before: saved?.uidValidity, now: validity },
        'UIDVALIDITY changed: re-reading the folder (messages already stored are recognised by Message-ID)',
      );
    }
    if (saved?.uidValidity !== validity) await state.setPosition(mb.id, validity, 0);

    const found: Array<{ uid: number; size: number; flagged: boolean }> = [];
    if (box.exists > 0) {
      for await (const m of c.fetch(
        `${lastUid + 1}:*`,
        { uid: true, size: true, flags: true },
        { uid: true },
      )) {
        // `n:*` always returns the newest message, even when its UID is below n
        if (m.uid > lastUid)
          found.push({ uid: m.uid, size: m.size ?? 0, flagged: m.flags?.has('\\Flagged') ?? false });
      }
    }
    found.sort((a, b) => a.uid - b.uid);
    let created = 0;
    for (const m of found) {
      if (stopped) return;
      // flag mode after a renumbering: flagged messages were handled before
      if (!(renumbered && deps.processed.kind === 'flag' && m.flagged)) {
        const res = await ingestOne(c, m.uid, m.size, validity);
        if (res.created) created++;
        await markProcessed(c, m.uid);
      }
      await state.setPosition(mb.id, validity, m.uid);
      lastUid = m.uid;
    }
    await state.setHealth(mb.id, 'ok', null);
    if (found.length) log.info({ messages: found.length, created }, 'mailbox checked');
  }

  async function ingestOne(c: ImapFlow, uid: number, size: number, validity: string) {
    const providerIds = { mailbox: mb.id, uidValidity: validity, uid: String(uid) };
    if (size > deps.maxMessageBytes) {
      const head = await c.fetchOne(String(uid), { envelope: true }, { uid: true });
      const env = head ? head.envelope : undefined;
      const mb1 = (n: number) => Math.round(n / 1024 / 1024);
      return deps.ingest({
        eml: Buffer.alloc(0),
        messageId: normalizeMessageId(env?.messageId),
        from: env?.from?.[0]?.address ?? null,
        to: env?.to?.[0]?.address ?? null,
        subject: env?.subject ?? null,
        receivedAt: new Date(),
        providerIds,
        refused: `The e-mail is ${mb1(size)} MB; the limit is ${mb1(deps.maxMessageBytes)} MB. Ask the sender to send the order with smaller attachments.`,
        fallbackKey: `uid:${mb.id}|${validity}|${uid}`,
      });
    }
    const msg = await c.fetchOne(String(uid), { source: true, envelope: true }, { uid: true });
    // biome-ignore lint/complexity/useOptionalChain: fetchOne returns `false`, not undefined, for a missing message
    if (!msg || !msg.source) throw new Error(`message UID ${uid} vanished while being read`);
    return deps.ingest({
      eml: msg.source,
      messageId: normalizeMessageId(msg.envelope?.messageId),
      from: msg.envelope?.from?.[0]?.address ?? null,
      to: msg.envelope?.to?.[0]?.address ?? null,
      subject: msg.envelope?.subject ?? null,
      receivedAt: new Date(),
      providerIds,
    });
  }

  async function session(): Promise<void> {
    const c = new ImapFlow({
      host: mb.host,
      port: mb.port,
      secure: mb.secure,
      // imap://: true = STARTTLS or no connection at all; false = plain (starttls=off, same machine)
      ...(mb.secure ? {} : { doSTARTTLS: mb.starttls }),
      auth: await deps.auth(),
      logger: false,
      connectionTimeout: limits.imapConnectTimeoutMs,
      greetingTimeout: limits.imapConnectTimeoutMs,
      // IDLE soon after a batch (default 15 s): new mail is then announced within a second.
      // Commands inside a batch follow each other within milliseconds, so this breaks no IDLE.
      autoIdleDelay: 1000,
      // for imaps:// and for STARTTLS alike; Node's default CAs plus the configured ones
      ...(deps.tlsCa ? { tls: { ca: [...tls.rootCertificates, deps.tlsCa] } } : {}),
      ...deps.clientOptions,
    });
    client = c;
    let closedReject: (err: Error) => void = () => {};
    const closed = new Promise<never>((_, reject) => {
      closedReject = reject;
    });
    closed.catch(() => {}); // observed below; never an unhandled rejection
    c.on('close', () => closedReject(new Error('connection closed by the server or the network')));
    c.on('error', (err: unknown) => log.debug({ err: errText(err) }, 'IMAP connection error'));
    c.on('exists', () => poke());
    try {
      await c.connect();
      if (deps.processed.kind === 'move') {
        await c.mailboxCreate(deps.processed.folder).catch(() => {}); // exists already: fine
      }
      await c.mailboxOpen(mb.folder);
      log.info('mailbox connected');
      while (!stopped) {
        pending = false;
        await Promise.race([syncOnce(c), closed]);
        // IDLE's `exists` (or poke) ends the pause early; otherwise the periodic resync
        await Promise.race([pause(deps.resyncMs), closed]);
      }
    } finally {
      client = null;
      if (c.usable) await c.logout().catch(() => c.close());
      else c.close();
    }
  }

  const loop = (async () => {
    await state.setHealth(mb.id, 'starting', null).catch(() => {});
    let failures = 0;
    while (!stopped) {
      try {
        await session();
        failures = 0;
      } catch (err) {
        if (stopped) break;
        failures++;
        const delay = Math.min(deps.retryBaseMs * 2 ** Math.min(failures - 1, 20), limits.imapRetryMaxMs);
        const reason = errText(err);
        log.error({ reason, attempt: failures, retryInMs: delay }, 'mailbox unavailable; retrying');
        await state.setHealth(mb.id, 'down', reason).catch(() => {});
        pending = false;
        await pause(delay);
        pending = true;
      }
    }
  })();

  return {
    id: mb.id,
    poke,
    async stop() {
      stopped = true;
      wake?.();
      client?.close();
      await loop;
    },
  };
}
