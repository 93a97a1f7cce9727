/**
 * The order's deliveries in the review API, on each SQL backend with the real workers and Redis:
 * a push to a receiver on 127.0.0.1 that keeps failing shows as failed with the receiver's
 * error to a clerk's session and to an admin token; the clerk's re-send of that delivery is
 * delivered once the receiver is back. ERP and ingest tokens do not reach these routes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.ts';
import { buildTestApp, type TestApp, waitFor } from '../helpers/test-app.ts';
import { backends } from '../helpers/test-database.ts';
import { draftOrder, newDocument } from '../store/order-fixtures.ts';

const PASSWORD = 'correct horse battery';

describe.each(backends)('order deliveries in the review API (%s)', (backend) => {
  let t: TestApp;
  let server: Server;
  let receiverUp = false;
  let hits = 0;
  let clerk: { cookie: string; csrf: string };

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        hits++;
        res.statusCode = receiverUp ? 200 : 502;
        res.end(receiverUp ? 'ok' : 'ERP is down for maintenance');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    t = await buildTestApp(backend, {
      workers: true,
      env: {
        FAXGATE_ERP_PUSH_URL: `http://127.0.0.1:${port}/erp/hook`,
        FAXGATE_ERP_PUSH_SECRET: `whsec_${Buffer.from('a test secret of 32 bytes length!').toString('base64')}`,
        FAXGATE_ERP_PUSH_ATTEMPTS: '2',
        FAXGATE_OUTBOUND_SCAN_MS: '100',
        FAXGATE_OUTBOUND_RETRY_BASE_MS: '50',
      },
    });
    await t.stores.users.create({
      username: 'mueller',
      passwordHash: await hashPassword(PASSWORD),
      role: 'clerk',
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'mueller', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    clerk = { cookie: String(login.headers['set-cookie']).split(';')[0]!, csrf: login.json().csrfToken };
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => server?.close(r));
  });

  it('shows a failed push with its error, and re-sends it on the clerk’s request', async () => {
    const [id] = await t.stores.orders.createFromDrafts(await newDocument(t.stores.documents), [
      draftOrder('PO-DELIVERIES'),
    ]);
    await t.stores.orders.confirm(id!, 'clerk');
    const url = `/api/v1/orders/${id}/deliveries`;

    const failed = await waitFor(
      async () => {
        const res = await t.app.inject({ url, headers: { cookie: clerk.cookie } });
        expect(res.statusCode).toBe(200);
        const push = res.json().items.find((d: { kind: string }) => d.kind === 'erp-push');
        return push?.status === 'failed' ? push : undefined;
      },
      15_000,
      'the push to fail for good',
    );
    expect(failed).toMatchObject({ orderId: id, channel: 'webhook', attempts: 2 });
    expect(failed.lastError).toContain('HTTP 502');
    expect(hits).toBe(2);

    // The same view for an admin token; not for the ERP's or an ingest token.
    const asAdmin = await t.app.inject({ url, headers: { authorization: t.auth.admin } });
    expect(asAdmin.json().items).toEqual([expect.objectContaining({ id: failed.id, status: 'failed' })]);
    for (const token of [t.auth.erp, t.auth.ingest]) {
      expect((await t.app.inject({ url, headers: { authorization: token } })).statusCode).toBe(403);
    }

    // A delivery of another order, or an unknown one, is not re-sent through this order.
    const stray = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orders/no-such-order/deliveries/${failed.id}/resend`,
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
    });
    expect(stray.statusCode).toBe(404);

    receiverUp = true;
    const resend = await t.app.inject({
      method: 'POST',
      url: `${url}/${failed.id}/resend`,
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
    });
    expect(resend.statusCode).toBe(202);
    expect(resend.json()).toEqual({ id: failed.id, generation: 2, status: 'pending' });

    const delivered = await waitFor(
      async () => {
        const res = await t.app.inject({ url, headers: { cookie: clerk.cookie } });
        const push = res.json().items[0];
        return push?.status === 'delivered' ? push : undefined;
      },
      15_000,
      'the re-sent push to be delivered',
    );
    expect(delivered).toMatchObject({ id: failed.id, attempts: 1, generation: 2, lastError: null });
    expect(hits).toBe(3);
  });

  it('answers 404 for the deliveries of an unknown order', async () => {
    const res = await t.app.inject({
      url: '/api/v1/orders/nope/deliveries',
      headers: { authorization: t.auth.admin },
    });
    expect(res.statusCode).toBe(404);
  });
});
