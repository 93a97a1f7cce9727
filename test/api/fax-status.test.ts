/**
 * Status callbacks for confirmation faxes we sent, signed as each provider signs them, on each
 * SQL backend: Telnyx fax.delivered / fax.failed on its one webhook, Sinch FAX_COMPLETED and
 * Phaxio's send callback on /webhooks/fax/{sinch|phaxio}/status. The confirmation found by the
 * provider's fax id ends delivered, or failed with the provider's reason; a bad signature changes
 * nothing; a fax re-sent meanwhile is not touched by the old fax's late verdict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { faxStatusCallbackUrl } from '../../src/outbound/fax-status-url.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { backends } from '../helpers/test-database.ts';
import { providerEnv, secrets } from '../ingest/helpers/deliveries.ts';
import { multipartBody, phaxioSignature, type TelnyxKeys, telnyxKeys } from '../ingest/helpers/sign.ts';
import { draftOrder, newDocument } from '../store/order-fixtures.ts';

const publicUrl = 'https://fax.example.ch';
const sinchAuth = `Basic ${Buffer.from(`${secrets.sinchUser}:${secrets.sinchPassword}`).toString('base64')}`;

describe.each(backends)('confirmation fax status callbacks (%s)', (backend) => {
  let t: TestApp;
  let keys: TelnyxKeys;

  beforeAll(async () => {
    keys = telnyxKeys();
    t = await buildTestApp(backend, { env: { ...providerEnv(keys), FAXGATE_PUBLIC_URL: publicUrl } });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A confirmed order whose confirmation fax the provider accepted with id `faxId`. */
  async function sentFax(provider: string, faxId: string) {
    const [orderId] = await t.stores.orders.createFromDrafts(await newDocument(t.stores.documents), [
      draftOrder(`PO-${faxId}`),
    ]);
    await t.stores.orders.confirm(orderId!, 'clerk');
    await t.stores.outbound.dispatchConfirmed(100, (f) =>
      f.orderId === orderId
        ? [{ kind: 'confirmation', channel: 'fax', target: '+41445551234', language: 'de' }]
        : [],
    );
    const [msg] = await t.stores.outbound.listForOrder(orderId!);
    await t.stores.outbound.startAttempt(msg!.id, 1);
    await t.stores.outbound.markDelivered(msg!.id, 1, provider, faxId);
    return { orderId: orderId!, id: msg!.id };
  }

  const state = async (id: string) => t.stores.outbound.get(id);

  function telnyxEvent(eventType: string, faxId: string, extra: Record<string, unknown> = {}) {
    const body = JSON.stringify({
      data: {
        event_type: eventType,
        id: `ev-${eventType}-${faxId}`,
        occurred_at: '2025-03-04T10:15:00.000Z',
        record_type: 'event',
        payload: { direction: 'outbound', fax_id: faxId, status: eventType.slice(4), ...extra },
      },
      meta: { attempt: 1 },
    });
    return {
      method: 'POST' as const,
      url: '/webhooks/fax/telnyx',
      headers: keys.headers(body),
      payload: body,
    };
  }

  it('Telnyx fax.delivered and fax.failed set the confirmation’s status', async () => {
    const ok = await sentFax('telnyx', '6a09cdc3-8948-47f0-aa62-74ac943d6c58');
    const res = await t.app.inject(telnyxEvent('fax.delivered', '6a09cdc3-8948-47f0-aa62-74ac943d6c58'));
    expect(res.statusCode).toBe(200);
    expect(await state(ok.id)).toMatchObject({
      status: 'delivered',
      deliveredAt: '2025-03-04T10:15:00.000Z',
      lastError: null,
    });

    const bad = await sentFax('telnyx', 'b1c2d3e4-0000-4000-8000-000000000001');
    const forged = telnyxEvent('fax.failed', 'b1c2d3e4-0000-4000-8000-000000000001', {
      failure_reason: 'user_busy',
    });
    forged.headers['telnyx-signature-ed25519'] = telnyxKeys().headers(forged.payload)[
      'telnyx-signature-ed25519'
    ]!;
    expect((await t.app.inject(forged)).statusCode).toBe(401);
    expect((await state(bad.id))?.status).toBe('delivered');

    const failed = await t.app.inject(
      telnyxEvent('fax.failed', 'b1c2d3e4-0000-4000-8000-000000000001', { failure_reason: 'user_busy' }),
    );
    expect(failed.statusCode).toBe(200);
    expect(await state(bad.id)).toMatchObject({ status: 'failed', lastError: 'Telnyx: user_busy' });
    // The clerk sees it in the order's deliveries.
    const view = await t.app.inject({
      url: `/api/v1/orders/${bad.orderId}/deliveries`,
      headers: { authorization: t.auth.admin },
    });
    expect(view.json().items).toEqual([
      expect.objectContaining({ kind: 'confirmation', status: 'failed', lastError: 'Telnyx: user_busy' }),
    ]);
    // An inbound fax.failed (someone's fax to us broke off) is no outcome of ours.
    const inbound = await sentFax('telnyx', 'c0ffee00-0000-4000-8000-000000000002');
    const body = JSON.parse(telnyxEvent('fax.failed', 'c0ffee00-0000-4000-8000-000000000002').payload);
    body.data.payload.direction = 'inbound';
    const raw = JSON.stringify(body);
    await t.app.inject({
      method: 'POST',
      url: '/webhooks/fax/telnyx',
      headers: keys.headers(raw),
      payload: raw,
    });
    expect((await state(inbound.id))?.status).toBe('delivered');
  });

  it('Sinch FAX_COMPLETED (JSON and multipart) on the status callback URL', async () => {
    const failing = await sentFax('sinch', '01HSINCHFAILED0000000000');
    const res = await t.app.inject({
      method: 'POST',
      url: '/webhooks/fax/sinch/status',
      headers: { 'content-type': 'application/json', authorization: sinchAuth },
      payload: JSON.stringify({
        event: 'FAX_COMPLETED',
        eventTime: '2025-03-04T10:20:00Z',
        fax: {
          id: '01HSINCHFAILED0000000000',
          direction: 'OUTBOUND',
          status: 'FAILURE',
          errorType: 'CALL_ERROR',
          errorCode: 60,
          errorMessage: 'No answer',
        },
      }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true, recorded: true });
    expect(await state(failing.id)).toMatchObject({
      status: 'failed',
      lastError: 'Sinch: CALL_ERROR: 60: No answer',
    });

    const ok = await sentFax('sinch', '01HSINCHOK00000000000000');
    const { body, contentType } = multipartBody(
      {
        event: 'FAX_COMPLETED',
        eventTime: '2025-03-04T10:21:00Z',
        fax: JSON.stringify({
          id: '01HSINCHOK00000000000000',
          direction: 'OUTBOUND',
          status: 'COMPLETED',
          completedTime: '2025-03-04T10:21:00Z',
        }),
      },
      {},
    );
    const wrongPassword = `Basic ${Buffer.from(`${secrets.sinchUser}:nope`).toString('base64')}`;
    const denied = await t.app.inject({
      method: 'POST',
      url: '/webhooks/fax/sinch/status',
      headers: { 'content-type': contentType, authorization: wrongPassword },
      payload: body,
    });
    expect(denied.statusCode).toBe(401);
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/webhooks/fax/sinch/status',
      headers: { 'content-type': contentType, authorization: sinchAuth },
      payload: body,
    });
    expect(accepted.statusCode).toBe(200);
    expect(await state(ok.id)).toMatchObject({ status: 'delivered', deliveredAt: '2025-03-04T10:21:00Z' });
  });

  function phaxioCallback(fax: Record<string, unknown>, token = secrets.phaxioToken) {
    const path = '/webhooks/fax/phaxio/status';
    const fields = { direction: 'sent', fax: JSON.stringify(fax), is_test: 'false', success: 'false' };
    const { body, contentType } = multipartBody(fields, {});
    return {
      method: 'POST' as const,
      url: path,
      headers: {
        'content-type': contentType,
        'x-phaxio-signature': phaxioSignature(token, publicUrl + path, fields, {}),
      },
      payload: body,
    };
  }

  it('Phaxio’s send callback, signed over the status URL; a re-sent fax ignores the old verdict', async () => {
    const sent = await sentFax('phaxio', '123456789');
    const failure = {
      id: 123456789,
      direction: 'sent',
      status: 'failure',
      error_type: 'lineError',
      error_message: 'Line busy',
      recipients: [{ phone_number: '+41445551234', status: 'failure', error_message: 'Line busy' }],
    };
    expect((await t.app.inject(phaxioCallback(failure, 'wrong-token'))).statusCode).toBe(401);
    expect((await state(sent.id))?.status).toBe('delivered');

    const res = await t.app.inject(phaxioCallback(failure));
    expect(res.statusCode).toBe(200);
    expect(await state(sent.id)).toMatchObject({
      status: 'failed',
      lastError: 'Phaxio: lineError: Line busy',
    });

    // The clerk re-sends; the old fax's verdict, delivered again by Phaxio, must not end the new one.
    await t.stores.outbound.resend(sent.orderId, 'confirmation', () => null, sent.id);
    const late = await t.app.inject(phaxioCallback(failure));
    expect(late.json()).toEqual({ received: true, recorded: false });
    expect(await state(sent.id)).toMatchObject({ status: 'pending', lastError: null });
  });

  it('gives Sinch and Phaxio a status callback URL under the public URL', () => {
    const base = {
      FAXGATE_PUBLIC_URL: publicUrl,
      FAXGATE_CONFIRMATIONS: 'fax',
      FAXGATE_FAX_FROM: '+41445550000',
    };
    const sinch = loadConfig({
      ...base,
      FAXGATE_CONFIRMATION_FAX_PROVIDER: 'sinch',
      FAXGATE_SINCH_PROJECT_ID: 'p',
      FAXGATE_SINCH_KEY_ID: 'k',
      FAXGATE_SINCH_KEY_SECRET: 's',
      FAXGATE_SINCH_USERNAME: secrets.sinchUser,
      FAXGATE_SINCH_PASSWORD: secrets.sinchPassword,
    });
    expect(faxStatusCallbackUrl(sinch)).toBe(
      `https://${secrets.sinchUser}:${secrets.sinchPassword}@fax.example.ch/webhooks/fax/sinch/status`,
    );
    const phaxio = loadConfig({
      ...base,
      FAXGATE_CONFIRMATION_FAX_PROVIDER: 'phaxio',
      FAXGATE_PHAXIO_API_KEY: 'k',
      FAXGATE_PHAXIO_API_SECRET: 's',
      FAXGATE_PHAXIO_CALLBACK_TOKEN: secrets.phaxioToken,
    });
    expect(faxStatusCallbackUrl(phaxio)).toBe(`${publicUrl}/webhooks/fax/phaxio/status`);
    // No public URL (or no webhook configured for the provider): no callback the provider cannot reach.
    expect(faxStatusCallbackUrl({ ...phaxio, publicUrl: null })).toBeNull();
  });
});
