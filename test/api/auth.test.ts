/**
 * Browser sessions against the real app, real Redis and each SQL backend: login and the cookie's
 * attributes, CSRF on state-changing session requests (not on bearer requests), roles (clerk =
 * review routes, admin = everything), lock-out after wrong passwords, one-time passwords.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES } from '../../src/auth/login-throttle.ts';
import { hashPassword } from '../../src/auth/password.ts';
import { loadConfig } from '../../src/config.ts';
import { createSessionStore } from '../../src/store/session-store.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { backends } from '../helpers/test-database.ts';
import { sampleDraft } from './draft-fixture.ts';

const PASSWORD = 'correct horse battery';

describe.each(backends)('browser sessions on %s', (backend) => {
  let t: TestApp;
  let orderId: string;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    const hash = await hashPassword(PASSWORD);
    await t.stores.users.create({ username: 'mueller', passwordHash: hash, role: 'clerk', locale: 'de' });
    await t.stores.users.create({ username: 'boss', passwordHash: hash, role: 'admin' });
    await t.stores.users.create({ username: 'locked', passwordHash: hash, role: 'clerk' });
    const fresh = await t.stores.users.create({ username: 'fresh', passwordHash: hash, role: 'clerk' });
    await createSessionStore(t.stores.database).setPassword(fresh.id, hash, true);
    const { documentId } = await t.stores.documents.ingest({
      bytes: Buffer.from('%PDF-1.4 test'),
      contentType: 'pdf',
      meta: {
        channel: 'fax',
        provider: 'upload',
        from: null,
        to: null,
        receivedAt: new Date().toISOString(),
      },
      receiptKey: { provider: 'upload', key: 'auth-test' },
    });
    [orderId] = (await t.stores.orders.createFromDrafts(documentId, [sampleDraft()])) as [string];
  });
  afterAll(async () => {
    await t?.close();
  });

  async function login(username: string, password = PASSWORD, headers: Record<string, string> = {}) {
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      headers,
    });
  }

  async function session(username: string): Promise<{ cookie: string; csrf: string }> {
    const res = await login(username);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    return { cookie, csrf: res.json().csrfToken };
  }

  it('logs in with an HttpOnly, SameSite=Strict session cookie and answers /me', async () => {
    const res = await login('mueller');
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(res.json().user).toMatchObject({ username: 'mueller', role: 'clerk', locale: 'de' });
    const cookie = setCookie.split(';')[0]!;
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(res.json().csrfToken);
    expect((await t.app.inject('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown name with the same 401', async () => {
    const wrong = await login('boss', 'not the password');
    const unknown = await login('nobody-here', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a login posted from another origin', async () => {
    expect((await login('boss', PASSWORD, { origin: 'https://evil.example' })).statusCode).toBe(403);
  });

  it('lets a clerk review but not import master data or use the ERP routes', async () => {
    const { cookie, csrf } = await session('mueller');
    expect((await t.app.inject({ url: '/api/v1/orders', headers: { cookie } })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ url: `/api/v1/orders/${orderId}/audit`, headers: { cookie } })).statusCode,
    ).toBe(200);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/master-data/products',
      payload: 'sku,description,unit,price,gtin\n',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'text/csv' },
    });
    expect(put.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/erp/v1/orders', headers: { cookie } })).statusCode).toBe(403);
  });

  it('lets an admin session use every group', async () => {
    const { cookie, csrf } = await session('boss');
    expect((await t.app.inject({ url: '/erp/v1/orders', headers: { cookie } })).statusCode).toBe(200);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/master-data/products?dryRun=1',
      payload: 'sku,description,unit,price,gtin\nA-1,Schraube,Stk,1.5,\n',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'text/csv' },
    });
    expect(put.json()).toEqual({ inserted: 1, updated: 0, deleted: 0 });
    expect((await t.stores.masterData.load()).products).toEqual([]); // a dry run writes nothing
  });

  it('needs the CSRF token on state-changing session requests, but not with a bearer token', async () => {
    const { cookie, csrf } = await session('mueller');
    const patch = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/orders/${orderId}`,
        payload: { remarks: `edited ${Math.random()}` },
        headers,
      });
    expect((await patch({ cookie })).statusCode).toBe(403);
    expect((await patch({ cookie, 'x-csrf-token': 'wrong-token-of-some-length' })).statusCode).toBe(403);
    const ok = await patch({ cookie, 'x-csrf-token': csrf });
    expect(ok.statusCode).toBe(200);
    expect((await patch({ authorization: t.auth.admin })).statusCode).toBe(200);
    const audit = await t.stores.audit.list('order', orderId);
    expect(audit.map((e) => e.actor)).toContain('user:mueller');
  });

  it('ignores the cookie on requests that carry Authorization', async () => {
    const { cookie } = await session('boss');
    const res = await t.app.inject({ url: '/api/v1/orders', headers: { cookie, authorization: t.auth.erp } });
    expect(res.statusCode).toBe(403);
  });

  it('locks a name out after repeated wrong passwords, even for the right one', async () => {
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await login('locked', 'wrong password')).statusCode).toBe(401);
    const res = await login('locked');
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toBe('LOCKED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('mueller')).statusCode).toBe(200); // other names are unaffected
  });

  it('makes a one-time password be replaced before anything else', async () => {
    const { cookie, csrf } = await session('fresh');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json().user.mustChangePassword).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/orders', headers: { cookie } })).statusCode).toBe(403);
    const change = (newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: PASSWORD, newPassword },
        headers: { cookie, 'x-csrf-token': csrf },
      });
    expect((await change('short')).statusCode).toBe(400);
    const ok = await change('a much better passphrase');
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/orders', headers: { cookie } })).statusCode).toBe(401); // old session ended
    const next = String(ok.headers['set-cookie']).split(';')[0]!;
    expect((await t.app.inject({ url: '/api/v1/orders', headers: { cookie: next } })).statusCode).toBe(200);
  });

  it('switches the UI language per user and logs out', async () => {
    const { cookie, csrf } = await session('boss');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      payload: { locale: 'de' },
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(res.json().user.locale).toBe('de');
    expect((await t.stores.users.getByUsername('boss'))?.locale).toBe('de');
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('FAXGATE_COOKIE_SECURE', () => {
  it('defaults to Secure except on loopback, and can be set either way', () => {
    expect(loadConfig({}).cookieSecure).toBe(false);
    expect(loadConfig({ FAXGATE_HOST: '0.0.0.0' }).cookieSecure).toBe(true);
    expect(loadConfig({ FAXGATE_COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
    expect(loadConfig({ FAXGATE_HOST: '0.0.0.0', FAXGATE_COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(() => loadConfig({ FAXGATE_COOKIE_SECURE: 'maybe' })).toThrow(/FAXGATE_COOKIE_SECURE/);
  });

  it('sets a __Host- cookie with Secure when on', async () => {
    const t = await buildTestApp('sqlite', { env: { FAXGATE_COOKIE_SECURE: 'true' } });
    try {
      await t.stores.users.create({
        username: 'x',
        passwordHash: await hashPassword(PASSWORD),
        role: 'clerk',
      });
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'x', password: PASSWORD },
      });
      expect(String(res.headers['set-cookie'])).toMatch(/^__Host-faxgate=[^;]+;.*Secure/);
    } finally {
      await t.close();
    }
  });
});
