/**
 * The poller over implicit TLS (imaps) against a real dovecot with `ssl = required` and a
 * self-signed certificate made by openssl in the test: refused (mailbox down, certificate named)
 * while the certificate is not trusted, fetched once FAXGATE_IMAP_TLS_CA names it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createMailboxState } from '../../src/imap/mailbox-state.ts';
import { type RunningImap, startImap } from '../../src/imap/start-imap.ts';
import { createLogger } from '../../src/logger.ts';
import { type Dovecot, selfSignedCert, startDovecot } from '../helpers/dovecot.ts';
import { buildTestApp, type TestApp, waitFor } from '../helpers/test-app.ts';
import { buildMail, newMessageId } from '../ingest/email/build-mail.ts';

describe('IMAP poller over TLS', () => {
  let certDir: string;
  let cert: Awaited<ReturnType<typeof selfSignedCert>>;
  let dovecot: Dovecot;
  beforeAll(async () => {
    certDir = await mkdtemp(path.join(tmpdir(), 'faxgate-imap-tls-'));
    cert = await selfSignedCert(certDir);
    dovecot = await startDovecot({ tls: cert });
  });
  afterAll(async () => {
    await dovecot?.stop();
    if (certDir) await rm(certDir, { recursive: true, force: true });
  });

  let t: TestApp | null = null;
  let imap: RunningImap | null = null;
  afterEach(async () => {
    await imap?.close();
    imap = null;
    await t?.close();
    t = null;
  });

  const start = async (env: Record<string, string>) => {
    t = await buildTestApp('sqlite', {
      env: { FAXGATE_IMAP_URL: dovecot.url('INBOX'), FAXGATE_IMAP_RETRY_BASE_MS: '50', ...env },
    });
    imap = startImap({ config: t.config, stores: t.stores, queues: t.queues, log: createLogger('silent') });
    return { a: t, id: t.config.imap.mailboxes[0]!.id };
  };

  it('refuses the self-signed certificate when it is not trusted, and says so in /readyz', async () => {
    expect(dovecot.url()).toMatch(/^imaps:\/\//);
    const { a, id } = await start({});
    const state = createMailboxState(a.stores.database);
    const row = await waitFor(
      async () => {
        const r = await state.get(id);
        return r?.status === 'down' ? r : undefined;
      },
      10_000,
      'mailbox down',
    );
    expect(row.lastError).toMatch(/self[- ]signed|certificate/i);
    const ready = await a.app.inject({ url: '/readyz' });
    expect(ready.json().checks[`mailbox ${id}`]).toMatch(/^down: .*(self[- ]signed|certificate)/i);
  });

  it('fetches over TLS once FAXGATE_IMAP_TLS_CA names the certificate', async () => {
    // a client that trusts the certificate puts a message in
    const admin = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: true,
      tls: { ca: [cert.pem] },
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await admin.connect();
    const mid = newMessageId();
    try {
      await admin.append('INBOX', await buildMail({ messageId: `<${mid}>`, subject: 'Bestellung über TLS' }));
    } finally {
      await admin.logout().catch(() => {});
    }

    const { a, id } = await start({ FAXGATE_IMAP_TLS_CA: cert.certFile, FAXGATE_IMAP_PROCESSED: 'flag' });
    const docs = await waitFor(
      async () => {
        const d = await a.stores.database.db
          .selectFrom('documents')
          .select(['meta_json'])
          .where('provider', '=', 'imap')
          .execute();
        return d.length ? d : undefined;
      },
      10_000,
      'a document over TLS',
    );
    expect(docs.map((d) => JSON.parse(d.meta_json).messageId)).toEqual([mid]);
    // (the poller marks the mailbox healthy once the whole check is done, after the ingest)
    const healthy = await waitFor(
      async () => ((await createMailboxState(a.stores.database).get(id))?.status === 'ok' ? true : undefined),
      10_000,
      'the mailbox marked healthy',
    );
    expect(healthy).toBe(true);
    // the server saw two logins (the test's client's and the poller's), both on TLS connections
    const logins = (await dovecot.log()).split('\n').filter((l) => l.includes('Login: user=<faxgate>'));
    expect(logins.length).toBeGreaterThanOrEqual(2);
    for (const l of logins) expect(l).toMatch(/\bTLS\b/);
  });

  it('names FAXGATE_IMAP_TLS_CA when the file is missing or holds no certificate', async () => {
    expect(() => loadConfig({ FAXGATE_IMAP_TLS_CA: path.join(certDir, 'missing.pem') })).toThrow(
      /FAXGATE_IMAP_TLS_CA cannot be read/,
    );
    const notPem = path.join(certDir, 'not.pem');
    await writeFile(notPem, 'hello');
    expect(() => loadConfig({ FAXGATE_IMAP_TLS_CA: notPem })).toThrow(/FAXGATE_IMAP_TLS_CA must name a PEM/);
    expect(loadConfig({ FAXGATE_IMAP_TLS_CA: cert.certFile }).imap.tlsCa).toBe(cert.pem);
  });
});
