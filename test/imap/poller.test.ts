/**
 * The IMAP poller against a real dovecot on loopback (test/helpers/dovecot.ts): new mail through
 * IDLE, processed messages moved away, exactly once when the poller is SIGKILLed mid-batch and
 * restarted, UIDVALIDITY changes, and a mailbox that is down shown in /readyz.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMailboxState } from '../../src/imap/mailbox-state.ts';
import { type RunningImap, startImap } from '../../src/imap/start-imap.ts';
import { createLogger } from '../../src/logger.ts';
import { type Dovecot, startDovecot } from '../helpers/dovecot.ts';
import { buildTestApp, type TestApp, testRedisUrl, waitFor } from '../helpers/test-app.ts';
import { buildMail, newMessageId } from '../ingest/email/build-mail.ts';

const CHILD = fileURLToPath(new URL('./poller-process.ts', import.meta.url));

describe('IMAP poller with dovecot', () => {
  let dovecot: Dovecot;
  let admin: ImapFlow;
  beforeAll(async () => {
    dovecot = await startDovecot();
    admin = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.logout().catch(() => {});
    await dovecot?.stop();
  });

  let t: TestApp | null = null;
  let imap: RunningImap | null = null;
  let child: ChildProcess | null = null;
  afterEach(async () => {
    child?.kill('SIGKILL');
    child = null;
    await imap?.close();
    imap = null;
    await t?.close();
    t = null;
  });

  const app = async (folder: string, env: Record<string, string> = {}) => {
    t = await buildTestApp('sqlite', {
      env: { FAXGATE_IMAP_URL: dovecot.url(folder), FAXGATE_IMAP_RETRY_BASE_MS: '50', ...env },
    });
    return t;
  };
  const start = (a: TestApp) => {
    imap = startImap({ config: a.config, stores: a.stores, queues: a.queues, log: createLogger('silent') });
    return imap;
  };
  const imapDocs = async (a: TestApp) =>
    a.stores.database.db
      .selectFrom('documents')
      .select(['id', 'meta_json', 'content_type', 'status'])
      .where('provider', '=', 'imap')
      .execute();
  const count = async (folder: string) => {
    const st = await admin.status(folder, { messages: true });
    return st ? (st.messages ?? 0) : 0;
  };
  const append = async (folder: string, ids: string[]) => {
    for (const id of ids)
      await admin.append(folder, await buildMail({ messageId: `<${id}>`, subject: `Bestellung ${id}` }));
  };
  const ensureFolder = async (folder: string) => {
    await admin.mailboxCreate(folder).catch(() => {});
  };

  it('ingests appended messages once, moves them to Processed, and picks up new mail through IDLE', async () => {
    const folder = 'Orders1';
    await ensureFolder(folder);
    const ids = [newMessageId(), newMessageId()];
    await append(folder, ids);
    const a = await app(folder, {
      FAXGATE_IMAP_PROCESSED: 'move:Processed1',
      FAXGATE_IMAP_RESYNC_SECONDS: '3600',
    });
    start(a);
    await waitFor(async () => ((await imapDocs(a)).length === 2 ? true : undefined), 10_000, 'two documents');
    await waitFor(async () => ((await count(folder)) === 0 ? true : undefined), 5000, 'folder emptied');
    expect(await count('Processed1')).toBe(2);
    // no resync for an hour: only IDLE's EXISTS can bring the third message in
    const third = newMessageId();
    await append(folder, [third]);
    const docs = await waitFor(
      async () => {
        const d = await imapDocs(a);
        return d.length === 3 ? d : undefined;
      },
      10_000,
      'the third message through IDLE',
    );
    const mids = docs.map((d) => JSON.parse(d.meta_json).messageId).sort();
    expect(mids).toEqual([...ids, third].sort());
    expect(docs.every((d) => d.content_type === 'eml')).toBe(true);
    const row = await createMailboxState(a.stores.database).get(a.config.imap.mailboxes[0]!.id);
    expect(row?.status).toBe('ok');
  });

  it('a poller SIGKILLed mid-batch and restarted processes every message exactly once', async () => {
    const folder = 'Orders2';
    await ensureFolder(folder);
    const N = 40;
    const ids = Array.from({ length: N }, () => newMessageId());
    await append(folder, ids);
    const a = await app(folder, { FAXGATE_IMAP_PROCESSED: 'move:Processed2' });
    child = fork(CHILD, [], {
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        FAXGATE_DATA_DIR: a.config.dataDir,
        REDIS_URL: testRedisUrl,
        FAXGATE_QUEUE_PREFIX: a.config.queuePrefix,
        FAXGATE_LOG_LEVEL: 'silent',
        FAXGATE_IMAP_URL: dovecot.url(folder),
        FAXGATE_IMAP_PROCESSED: 'move:Processed2',
      },
      stdio: 'ignore',
    });
    // kill as soon as the batch is under way
    let atKill = 0;
    for (;;) {
      atKill = (await imapDocs(a)).length;
      if (atKill >= 2) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    child = null;
    const afterKill = (await imapDocs(a)).length;
    expect(afterKill).toBeLessThan(N); // it really died mid-batch

    start(a);
    await waitFor(async () => ((await count(folder)) === 0 ? true : undefined), 20_000, 'folder emptied');
    const docs = await imapDocs(a);
    const mids = docs.map((d) => JSON.parse(d.meta_json).messageId);
    expect(mids.length).toBe(N);
    expect(new Set(mids)).toEqual(new Set(ids));
    expect(await count('Processed2')).toBe(N);
  });

  it('a UIDVALIDITY change re-reads the folder without making documents twice', async () => {
    const folder = 'Orders3';
    await ensureFolder(folder);
    const ids = [newMessageId(), newMessageId()];
    await append(folder, ids);
    const a = await app(folder, { FAXGATE_IMAP_PROCESSED: 'flag' });
    start(a);
    await waitFor(async () => ((await imapDocs(a)).length === 2 ? true : undefined), 10_000, 'two documents');
    const mailboxId = a.config.imap.mailboxes[0]!.id;
    const state = createMailboxState(a.stores.database);
    await waitFor(
      async () => ((await state.get(mailboxId))?.lastUid === 2 ? true : undefined),
      5000,
      'position 2',
    );
    const before = (await state.get(mailboxId))!.uidValidity;
    await imap!.close();
    imap = null;

    // the server renumbers: same messages, new UIDVALIDITY (dovecot takes the clock's seconds)
    await admin.mailboxDelete(folder);
    await new Promise((r) => setTimeout(r, 1100));
    await admin.mailboxCreate(folder);
    const fresh = newMessageId();
    await append(folder, [...ids, fresh]);
    start(a);
    await waitFor(
      async () => ((await imapDocs(a)).length === 3 ? true : undefined),
      10_000,
      'three documents',
    );
    await waitFor(
      async () => ((await state.get(mailboxId))?.lastUid === 3 ? true : undefined),
      5000,
      'position 3',
    );
    const after = (await state.get(mailboxId))!.uidValidity;
    expect(after).not.toBe(before);
    const mids = (await imapDocs(a)).map((d) => JSON.parse(d.meta_json).messageId);
    expect(mids.sort()).toEqual([...ids, fresh].sort());
    // flag mode: the messages stay, flagged
    const lock = await admin.getMailboxLock(folder);
    try {
      const flagged = await admin.search({ flagged: true }, { uid: true });
      expect(flagged).toHaveLength(3);
    } finally {
      lock.release();
    }
  });

  it('a mailbox that is down is retried and shown in /readyz', async () => {
    const a = await buildTestApp('sqlite', {
      env: { FAXGATE_IMAP_URL: 'imap://u:p@127.0.0.1:1/INBOX', FAXGATE_IMAP_RETRY_BASE_MS: '50' },
    });
    t = a;
    start(a);
    const id = a.config.imap.mailboxes[0]!.id;
    const state = createMailboxState(a.stores.database);
    await waitFor(async () => ((await state.get(id))?.status === 'down' ? true : undefined), 10_000, 'down');
    const res = await a.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('degraded');
    expect(res.json().checks[`mailbox ${id}`]).toMatch(/^down: /);
  });
});
