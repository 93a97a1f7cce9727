/**
 * Walks the whole route table (collected with an onRoute hook while the real app registers) and
 * checks that every route outside the public few rejects anonymous callers (401) and callers of
 * the wrong role (403): ingest and erp tokens off the review and master-data routes, ingest
 * tokens and clerks off the ERP routes, clerks off everything but the review group.
 */
import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import { hashPassword } from '../../src/auth/password.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

/** Routes that authenticate otherwise (webhook signatures, the login itself) or serve public pages. */
const PUBLIC = [
  /^\/$/,
  /^\/ui\//,
  /^\/docs/,
  /^\/healthz$/,
  /^\/readyz$/,
  /^\/metrics$/,
  /^\/webhooks\//,
  /^\/api\/v1\/auth\//,
  // signed, expiring links sent to customers (outbound/signed-url.ts)
  /^\/public\//,
];
/** The clerk's group: order review and the catalog look-ups it needs. */
const REVIEW = [
  /^\/api\/v1\/orders(\/|$)/,
  /^\/api\/v1\/products$/,
  /^\/api\/v1\/customers$/,
  // Reading a document (status, original, page images) is part of reviewing it.
  /^\/api\/v1\/documents\/:id/,
];
const ERP = [/^\/erp\//];

type Who = 'anonymous' | 'bogus' | 'ingest' | 'erp' | 'admin' | 'clerk' | 'adminUser';

describe('every route in the table', () => {
  let t: TestApp;
  const routes: Array<{ method: string; url: string }> = [];
  let sessions: Record<'clerk' | 'adminUser', { cookie: string; csrf: string }>;

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    const probe = Fastify();
    probe.addHook('onRoute', (r: RouteOptions) => {
      for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push({ method: m, url: r.url });
    });
    await probe.register(app, {
      config: t.config,
      stores: t.stores,
      queues: t.queues,
      redis: t.queues.pages.opts.connection as never,
    });
    await probe.ready();
    await probe.close();

    const hash = await hashPassword('a long enough password');
    await t.stores.users.create({ username: 'clerk', passwordHash: hash, role: 'clerk' });
    await t.stores.users.create({ username: 'chief', passwordHash: hash, role: 'admin' });
    const login = async (username: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'a long enough password' },
      });
      return {
        cookie: String(res.headers['set-cookie']).split(';')[0]!,
        csrf: res.json().csrfToken as string,
      };
    };
    sessions = { clerk: await login('clerk'), adminUser: await login('chief') };
  });
  afterAll(async () => {
    await t?.close();
  });

  function call(route: { method: string; url: string }, who: Who) {
    const url = route.url
      .replace(':kind', 'products')
      .replace(':n.png', '1.png')
      .replace(/:[A-Za-z]+/g, 'no-such-id');
    const headers: Record<string, string> = {};
    if (who === 'bogus') headers.authorization = 'Bearer fgt_not-a-real-token';
    else if (who === 'ingest' || who === 'erp' || who === 'admin') headers.authorization = t.auth[who];
    else if (who === 'clerk' || who === 'adminUser') {
      headers.cookie = sessions[who].cookie;
      headers['x-csrf-token'] = sessions[who].csrf; // so a 403 means the role, not a missing token
    }
    const hasBody = !['GET', 'DELETE', 'OPTIONS'].includes(route.method);
    return t.app.inject({
      method: route.method as never,
      url,
      headers: hasBody ? { ...headers, 'content-type': 'application/json' } : headers,
      ...(hasBody ? { payload: '{}' } : {}),
    });
  }

  it('collects the routes', () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const must of [
      '/api/v1/orders',
      '/api/v1/master-data/:kind',
      '/erp/v1/orders',
      '/api/v1/orders/:id/audit',
    ]) {
      expect(routes.map((r) => r.url)).toContain(must);
    }
  });

  it('rejects anonymous and unknown-token callers on every non-public route', async () => {
    const guarded = routes.filter((r) => !PUBLIC.some((p) => p.test(r.url)));
    expect(guarded.length).toBeGreaterThan(15);
    for (const r of guarded) {
      for (const who of ['anonymous', 'bogus'] as const) {
        const res = await call(r, who);
        expect({ route: `${r.method} ${r.url}`, who, status: res.statusCode }).toEqual({
          route: `${r.method} ${r.url}`,
          who,
          status: 401,
        });
      }
    }
  });

  it('rejects wrong roles with 403 and admits the right ones', async () => {
    const guarded = routes.filter((r) => !PUBLIC.some((p) => p.test(r.url)));
    for (const r of guarded) {
      const isUpload = r.method === 'POST' && r.url === '/api/v1/documents';
      const group = REVIEW.some((p) => p.test(r.url))
        ? 'review'
        : ERP.some((p) => p.test(r.url))
          ? 'erp'
          : 'admin';
      const denied: Who[] = isUpload
        ? ['erp', 'clerk']
        : group === 'review'
          ? ['ingest', 'erp']
          : group === 'erp'
            ? ['ingest', 'clerk']
            : ['ingest', 'erp', 'clerk'];
      const admitted: Who[] = isUpload
        ? ['ingest', 'admin']
        : group === 'review'
          ? ['clerk', 'admin', 'adminUser']
          : group === 'erp'
            ? ['erp', 'admin', 'adminUser']
            : ['admin', 'adminUser'];
      for (const who of denied) {
        const res = await call(r, who);
        expect({ route: `${r.method} ${r.url}`, who, status: res.statusCode }).toEqual({
          route: `${r.method} ${r.url}`,
          who,
          status: 403,
        });
      }
      for (const who of admitted) {
        const res = await call(r, who);
        expect({ route: `${r.method} ${r.url}`, who, denied: [401, 403].includes(res.statusCode) }).toEqual({
          route: `${r.method} ${r.url}`,
          who,
          denied: false,
        });
      }
    }
  });
});
