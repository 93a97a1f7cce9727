/**
 * XOAUTH2 for the IMAP poller. A local HTTP server on 127.0.0.1 plays the OAuth token endpoint
 * (Microsoft's / Google's: form-encoded POST → {access_token, expires_in}) and the introspection
 * endpoint a real dovecot (oauth2 passdb) asks about each token. Checked: the form fields of the
 * refresh-token and client-credentials grants, caching until shortly before expiry, the error
 * text, and a full XOAUTH2 login of the poller with a fetched token, end to end.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ImapFlow } from 'imapflow';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImapAuth } from '../../src/imap/imap-config.ts';
import { createMailboxState } from '../../src/imap/mailbox-state.ts';
import { createAccessTokenSource } from '../../src/imap/oauth-token.ts';
import { type RunningImap, startImap } from '../../src/imap/start-imap.ts';
import { createLogger } from '../../src/logger.ts';
import { type Dovecot, startDovecot } from '../helpers/dovecot.ts';
import { buildTestApp, type TestApp, waitFor } from '../helpers/test-app.ts';
import { buildMail, newMessageId } from '../ingest/email/build-mail.ts';

/** What the fake OAuth server saw and how it answers. */
interface OAuthServer {
  base: string;
  tokenRequests: Array<{ contentType: string | undefined; form: Record<string, string> }>;
  introspected: string[];
  /** Tokens the introspection endpoint calls active. */
  valid: Set<string>;
  /** The next token endpoint answer: status and body (default: a fresh token, 1 h). */
  nextAnswer: (() => { status: number; body: unknown }) | null;
  close(): Promise<void>;
}

async function startOAuthServer(user: string): Promise<OAuthServer> {
  let issued = 0;
  const s: Omit<OAuthServer, 'base' | 'close'> = {
    tokenRequests: [],
    introspected: [],
    valid: new Set(),
    nextAnswer: null,
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.method === 'POST' && req.url === '/token') {
        s.tokenRequests.push({ contentType: req.headers['content-type'], form });
        const answer = s.nextAnswer?.();
        if (answer) return json(answer.status, answer.body);
        const token = `access-${++issued}`;
        s.valid.add(token);
        return json(200, { token_type: 'Bearer', access_token: token, expires_in: 3600 });
      }
      if (req.method === 'POST' && req.url === '/introspect') {
        // dovecot: introspection_mode = post sends token=<access token>
        const token = form.token ?? '';
        s.introspected.push(token);
        return json(200, s.valid.has(token) ? { active: true, username: user } : { active: false });
      }
      json(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return Object.assign(s, {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  });
}

type XAuth = Extract<ImapAuth, { kind: 'xoauth2' }>;

describe('XOAUTH2 access tokens', () => {
  let oauth: OAuthServer;
  beforeAll(async () => {
    oauth = await startOAuthServer('faxgate');
  });
  afterAll(async () => {
    await oauth?.close();
  });
  afterEach(() => {
    vi.useRealTimers();
    oauth.tokenRequests.length = 0;
    oauth.nextAnswer = null;
  });

  const auth = (over: Partial<XAuth>): XAuth => ({
    kind: 'xoauth2',
    tokenUrl: `${oauth.base}/token`,
    clientId: 'client-id-1',
    clientSecret: 'client-secret-1',
    refreshToken: null,
    scope: null,
    ...over,
  });

  it('exchanges a refresh token (Google) and caches the access token until a minute before expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const source = createAccessTokenSource(auth({ refreshToken: 'refresh-1' }));
    const first = await source();
    expect(first).toMatch(/^access-\d+$/);
    expect(oauth.tokenRequests).toEqual([
      {
        contentType: 'application/x-www-form-urlencoded',
        form: {
          grant_type: 'refresh_token',
          refresh_token: 'refresh-1',
          client_id: 'client-id-1',
          client_secret: 'client-secret-1',
        },
      },
    ]);
    vi.setSystemTime(Date.now() + 58 * 60_000); // 58 of 60 minutes: still cached
    expect(await source()).toBe(first);
    expect(oauth.tokenRequests).toHaveLength(1);
    vi.setSystemTime(Date.now() + 60_000); // 59 min: within the last minute → a new one
    const second = await source();
    expect(second).not.toBe(first);
    expect(oauth.tokenRequests).toHaveLength(2);
    expect(oauth.tokenRequests[1]!.form.grant_type).toBe('refresh_token');
  });

  it("uses Microsoft's client-credentials grant with the Exchange scope when there is no refresh token", async () => {
    await createAccessTokenSource(auth({}))();
    expect(oauth.tokenRequests.map((r) => r.form)).toEqual([
      {
        grant_type: 'client_credentials',
        scope: 'https://outlook.office365.com/.default',
        client_id: 'client-id-1',
        client_secret: 'client-secret-1',
      },
    ]);
    await createAccessTokenSource(auth({ scope: 'https://example.test/.default' }))();
    expect(oauth.tokenRequests[1]!.form.scope).toBe('https://example.test/.default');
  });

  it("reports the endpoint's error without the secret, and caches nothing", async () => {
    oauth.nextAnswer = () => ({
      status: 401,
      body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' },
    });
    const source = createAccessTokenSource(auth({}));
    const err = await source().then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/XOAUTH2 token request failed: invalid_client: AADSTS7000215/);
    expect(err?.message).not.toContain('client-secret-1');
    oauth.nextAnswer = null;
    expect(await source()).toMatch(/^access-/); // the next attempt asks again
    expect(oauth.tokenRequests).toHaveLength(2);
  });
});

describe('IMAP poller logging in with XOAUTH2 at a real dovecot', () => {
  let oauth: OAuthServer;
  let dovecot: Dovecot;
  let t: TestApp | null = null;
  let imap: RunningImap | null = null;
  beforeAll(async () => {
    oauth = await startOAuthServer('faxgate');
    dovecot = await startDovecot({ oauth2: { introspectionUrl: `${oauth.base}/introspect` } });
  });
  afterEach(async () => {
    await imap?.close();
    imap = null;
    await t?.close();
    t = null;
  });
  afterAll(async () => {
    await dovecot?.stop();
    await oauth?.close();
  });
  const imapDocs = (a: TestApp) =>
    a.stores.database.db
      .selectFrom('documents')
      .select(['meta_json'])
      .where('provider', '=', 'imap')
      .execute();

  it('fetches a token, logs in with it and ingests the mailbox', async () => {
    // the test's own client logs in with a token of its own
    oauth.valid.add('admin-token');
    const admin = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, accessToken: 'admin-token' },
      logger: false,
    });
    await admin.connect();
    const mid = newMessageId();
    try {
      await admin.append(
        'INBOX',
        await buildMail({ messageId: `<${mid}>`, subject: 'Bestellung per OAuth' }),
      );
    } finally {
      await admin.logout().catch(() => {});
    }

    t = await buildTestApp('sqlite', {
      env: {
        FAXGATE_IMAP_URL: dovecot.url('INBOX'), // no password in it
        FAXGATE_IMAP_XOAUTH2_TOKEN_URL: `${oauth.base}/token`,
        FAXGATE_IMAP_CLIENT_ID: 'faxgate-client',
        FAXGATE_IMAP_CLIENT_SECRET: 'faxgate-secret',
        FAXGATE_IMAP_REFRESH_TOKEN: 'faxgate-refresh',
        FAXGATE_IMAP_PROCESSED: 'flag',
        FAXGATE_IMAP_RETRY_BASE_MS: '50',
      },
    });
    expect(t.config.imap.auth.kind).toBe('xoauth2');
    const a = t;
    imap = startImap({ config: a.config, stores: a.stores, queues: a.queues, log: createLogger('silent') });
    const docs = await waitFor(
      async () => {
        const d = await imapDocs(a);
        return d.length ? d : undefined;
      },
      10_000,
      'a document through the XOAUTH2 login',
    );
    expect(docs.map((d) => JSON.parse(d.meta_json).messageId)).toEqual([mid]);
    const id = a.config.imap.mailboxes[0]!.id;
    // (the poller marks the mailbox healthy once the whole check is done, after the ingest)
    const healthy = await waitFor(
      async () => ((await createMailboxState(a.stores.database).get(id))?.status === 'ok' ? true : undefined),
      10_000,
      'the mailbox marked healthy',
    );
    expect(healthy).toBe(true);
    // the poller asked the token endpoint with its refresh token, and dovecot checked that very token
    expect(oauth.tokenRequests.map((r) => r.form)).toEqual([
      {
        grant_type: 'refresh_token',
        refresh_token: 'faxgate-refresh',
        client_id: 'faxgate-client',
        client_secret: 'faxgate-secret',
      },
    ]);
    expect(oauth.introspected).toEqual(['admin-token', 'access-1']);
    expect(await dovecot.log()).toMatch(/Login: user=<faxgate>, method=(XOAUTH2|OAUTHBEARER)/);
  });

  it('logs in with a fixed FAXGATE_IMAP_ACCESS_TOKEN', async () => {
    oauth.valid.add('admin-token-2');
    const admin = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, accessToken: 'admin-token-2' },
      logger: false,
    });
    await admin.connect();
    const mid = newMessageId();
    try {
      await admin.mailboxCreate('Fixed');
      await admin.append('Fixed', await buildMail({ messageId: `<${mid}>`, subject: 'Bestellung' }));
    } finally {
      await admin.logout().catch(() => {});
    }
    oauth.valid.add('fixed-token');
    const before = oauth.tokenRequests.length;
    const a = await buildTestApp('sqlite', {
      env: {
        FAXGATE_IMAP_URL: dovecot.url('Fixed'),
        FAXGATE_IMAP_ACCESS_TOKEN: 'fixed-token',
        FAXGATE_IMAP_PROCESSED: 'flag',
        FAXGATE_IMAP_RETRY_BASE_MS: '50',
      },
    });
    t = a;
    imap = startImap({ config: a.config, stores: a.stores, queues: a.queues, log: createLogger('silent') });
    const docs = await waitFor(
      async () => {
        const d = await imapDocs(a);
        return d.length ? d : undefined;
      },
      10_000,
      'a document',
    );
    expect(docs.map((d) => JSON.parse(d.meta_json).messageId)).toEqual([mid]);
    expect(oauth.introspected).toContain('fixed-token');
    expect(oauth.tokenRequests.length).toBe(before); // a fixed token needs no token endpoint
  });

  // last in the file: dovecot slows further logins from an address after a failed one
  it('refuses a token the introspection endpoint does not know', async () => {
    const bad = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, accessToken: 'forged-token' },
      logger: false,
    });
    await expect(bad.connect()).rejects.toThrow();
    bad.close();
    expect(oauth.introspected.at(-1)).toBe('forged-token');
  });
});
