/**
 * The signed ERP push against a real HTTP receiver on 127.0.0.1, with the real workers, Redis
 * and each SQL backend: the receiver fails the first attempts, BullMQ retries with back-off, the
 * order arrives exactly once successfully with a Standard Webhooks signature the receiver can
 * verify; a push that keeps failing is visible as failed in the API and can be re-sent.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, waitFor } from '../helpers/test-app.ts';
import { backends } from '../helpers/test-database.ts';
import { draftOrder, newDocument } from '../store/order-fixtures.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

const secret = randomBytes(32);

describe.each(backends)('signed ERP push (%s)', (backend) => {
  let t: TestApp;
  let server: Server;
  const received: Received[] = [];
  /** How the receiver answers the n-th request for an order reference (1-based). */
  let answer: (reference: string, n: number) => number = () => 200;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const reference = (JSON.parse(body) as { data: { customerReference: string } }).data
          .customerReference;
        const n = received.filter((r) => r.body.includes(`"customerReference":"${reference}"`)).length + 1;
        const status = answer(reference, n);
        received.push({ headers: req.headers, body, answered: status });
        res.statusCode = status;
        res.end(status === 200 ? 'ok' : 'try again');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    t = await buildTestApp(backend, {
      workers: true,
      env: {
        FAXGATE_ERP_PUSH_URL: `http://127.0.0.1:${port}/erp/hook`,
        FAXGATE_ERP_PUSH_SECRET: `whsec_${secret.toString('base64')}`,
        FAXGATE_ERP_PUSH_ATTEMPTS: '4',
        FAXGATE_OUTBOUND_SCAN_MS: '100',
        FAXGATE_OUTBOUND_RETRY_BASE_MS: '50',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => server?.close(r));
  });

  async function confirmedOrder(reference: string): Promise<string> {
    const [id] = await t.stores.orders.createFromDrafts(await newDocument(t.stores.documents), [
      draftOrder(reference),
    ]);
    await t.stores.orders.confirm(id!, 'clerk');
    return id!;
  }

  const pushOf = async (orderId: string) =>
    (await t.stores.outbound.listForOrder(orderId)).find((m) => m.kind === 'erp-push');

  it('retries a failing receiver and delivers once, with a verifiable signature', async () => {
    answer = (ref, n) => (ref === 'PO-RETRY' && n <= 2 ? 503 : 200);
    const id = await confirmedOrder('PO-RETRY');
    const msg = await waitFor(
      async () => {
        const m = await pushOf(id);
        return m?.status === 'delivered' ? m : undefined;
      },
      15_000,
      'the push to be delivered',
    );
    const mine = received.filter((r) => r.body.includes('"customerReference":"PO-RETRY"'));
    expect(mine.map((r) => r.answered)).toEqual([503, 503, 200]);
    expect(msg.attempts).toBe(3);
    // Same webhook-id on every attempt (receivers de-duplicate on it); one success.
    expect(new Set(mine.map((r) => r.headers['webhook-id']))).toEqual(new Set([msg.id]));
    expect(mine.filter((r) => r.answered === 200)).toHaveLength(1);
    // The receiver verifies by the spec, by hand: base64 HMAC-SHA256 over "id.timestamp.body".
    for (const r of mine) {
      const signed = `${r.headers['webhook-id']}.${r.headers['webhook-timestamp']}.${r.body}`;
      const expected = `v1,${createHmac('sha256', secret).update(signed).digest('base64')}`;
      expect(r.headers['webhook-signature']).toBe(expected);
      expect(Math.abs(Date.now() / 1000 - Number(r.headers['webhook-timestamp']))).toBeLessThan(300);
      expect(r.headers['content-type']).toContain('application/json');
    }
    const payload = JSON.parse(mine[2]!.body) as { type: string; data: { id: string; lines: unknown[] } };
    expect(payload.type).toBe('order.confirmed');
    expect(payload.data.id).toBe(id);
    expect(payload.data.lines).toHaveLength(1);
    const job = await t.queues.outbound.getJob(`${msg.id}-g1`);
    expect(await job?.getState()).toBe('completed');

    // The order's ERP view shows the delivery.
    const res = await t.app.inject({ url: `/erp/v1/orders/${id}`, headers: { authorization: t.auth.erp } });
    expect(res.json().deliveries).toEqual([
      expect.objectContaining({ kind: 'erp-push', status: 'delivered' }),
    ]);
  });

  it('shows a push that keeps failing as failed, and a manual re-send delivers it', async () => {
    let down = true;
    answer = (ref) => (ref === 'PO-DOWN' && down ? 500 : 200);
    const id = await confirmedOrder('PO-DOWN');
    await waitFor(
      async () => ((await pushOf(id))?.status === 'failed' ? true : undefined),
      15_000,
      'the push to fail for good',
    );
    const erp = { authorization: t.auth.erp };
    const failed = await t.app.inject({ url: '/erp/v1/deliveries?status=failed', headers: erp });
    expect(failed.statusCode).toBe(200);
    const item = failed.json().items.find((m: { orderId: string }) => m.orderId === id);
    expect(item).toMatchObject({ kind: 'erp-push', status: 'failed', attempts: 4 });
    expect(item.lastError).toContain('HTTP 500');

    down = false;
    const resend = await t.app.inject({ method: 'POST', url: `/erp/v1/orders/${id}/push`, headers: erp });
    expect(resend.statusCode).toBe(202);
    expect(resend.json()).toMatchObject({ id: item.id, generation: 2, status: 'pending' });
    await waitFor(
      async () => ((await pushOf(id))?.status === 'delivered' ? true : undefined),
      15_000,
      'the re-sent push to be delivered',
    );
    const mine = received.filter((r) => r.body.includes('"customerReference":"PO-DOWN"'));
    expect(mine.filter((r) => r.answered === 200)).toHaveLength(1);
    expect(new Set(mine.map((r) => r.headers['webhook-id']))).toEqual(new Set([item.id]));

    expect(
      (await t.app.inject({ method: 'POST', url: '/erp/v1/orders/nope/push', headers: erp })).statusCode,
    ).toBe(404);
  });
});
