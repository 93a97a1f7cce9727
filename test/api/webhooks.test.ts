/**
 * Fax webhooks through the real app on both SQL backends (no workers): signatures on the raw
 * bytes, 401 with nothing stored, idempotency on the provider's key, 404 when unconfigured,
 * 413 over the limit, SignalWire's cXML answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobId } from '../../src/jobs.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { backends } from '../helpers/test-database.ts';
import {
  type Fax,
  phaxioDelivery,
  providerEnv,
  signalwireIncoming,
  signalwireReceived,
  sinchDelivery,
  telnyxDelivery,
  type WebhookRequest,
} from '../ingest/helpers/deliveries.ts';
import { telnyxKeys } from '../ingest/helpers/sign.ts';

const publicUrl = 'https://fax.example.ch';
const keys = telnyxKeys();
const tif = Buffer.from('II*\0 a stand-in TIFF; the pipeline does not run in this file');

const newFax = (over: Partial<Fax> = {}): Fax => ({
  id: String(Math.floor(Math.random() * 1e12)),
  from: '+41445551234',
  to: '+41445550100',
  bytes: tif,
  mediaUrl: 'https://s3.amazonaws.com/faxes/x.pdf?X-Amz-Signature=abc',
  ...over,
});

type Provider = 'telnyx' | 'sinch' | 'phaxio' | 'signalwire';
const deliveries: Record<Provider, (fax: Fax) => WebhookRequest> = {
  telnyx: (fax) => telnyxDelivery(keys, fax),
  sinch: (fax) => sinchDelivery(fax),
  phaxio: (fax) => phaxioDelivery(publicUrl, fax),
  signalwire: (fax) => signalwireReceived(publicUrl, fax),
};
/** The same fax, but signed with the wrong secret. */
const wrongKey: Record<Provider, (fax: Fax) => WebhookRequest> = {
  telnyx: (fax) => telnyxDelivery(telnyxKeys(), fax),
  sinch: (fax) => sinchDelivery(fax, 'wrong-password'),
  phaxio: (fax) => phaxioDelivery(publicUrl, fax, 'wrong-token'),
  signalwire: (fax) => signalwireReceived(publicUrl, fax, 'wrong-key'),
};
const providers = Object.keys(deliveries) as Provider[];

describe.each(backends)('fax webhooks on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(backend, {
      env: { ...providerEnv(keys), FAXGATE_PUBLIC_URL: publicUrl, FAXGATE_UPLOAD_LIMIT_MB: '1' },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (r: WebhookRequest) =>
    t.app.inject({ method: 'POST', url: r.url, headers: r.headers, payload: r.payload });
  const documentCount = async () =>
    Number(
      (
        await t.stores.database.db
          .selectFrom('documents')
          .select(({ fn }) => fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each(providers)('%s: a valid delivery → 200 and a fax document with the caller in E.164', async (p) => {
    const fax = newFax();
    const res = await send(deliveries[p](fax));
    expect(res.statusCode).toBe(200);
    const [id] = res.json().documentIds;
    const doc = await t.stores.documents.get(id);
    expect(doc?.inbound).toMatchObject({ channel: 'fax', provider: p, from: fax.from, to: fax.to });
    expect(doc?.status).toBe('received');
    if (p === 'telnyx' || p === 'signalwire') {
      // only a link arrived: stored empty, the fetch step downloads it
      expect(doc?.size).toBe(0);
      expect(doc?.meta.media).toMatchObject({ provider: p, url: fax.mediaUrl });
      expect(await t.queues.fetch.getJob(jobId(id, 'fetch'))).toBeTruthy();
    } else {
      expect(doc?.size).toBe(tif.length);
      expect(await t.queues.pages.getJob(jobId(id, 'pages'))).toBeTruthy();
    }
  });

  it.each(providers)('%s: tampered body or wrong key → 401 and nothing stored', async (p) => {
    const before = await documentCount();
    const good = deliveries[p](newFax());
    const tampered = {
      ...good,
      payload: Buffer.from(good.payload.toString('latin1').replace('41445551234', '41445559999'), 'latin1'),
    };
    expect(tampered.payload.equals(good.payload)).toBe(false);
    // Sinch signs nothing (basic auth only), so a changed body cannot be told from a real one there.
    if (p !== 'sinch') expect((await send(tampered)).statusCode).toBe(401);
    expect((await send(wrongKey[p](newFax()))).statusCode).toBe(401);
    const {
      authorization: _a,
      'x-phaxio-signature': _b,
      'x-signalwire-signature': _c,
      'telnyx-signature-ed25519': _d,
      ...unsigned
    } = good.headers;
    expect((await send({ ...good, headers: unsigned })).statusCode).toBe(401);
    expect(await documentCount()).toBe(before);
  });

  it.each(providers)('%s: the same delivery 5 times (concurrently) → one document', async (p) => {
    const before = await documentCount();
    const request = deliveries[p](newFax());
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(request)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.json().documentIds[0])).size).toBe(1);
    expect(await documentCount()).toBe(before + 1);
  });

  it('telnyx: a timestamp older than 300 s → 401 and nothing stored', async () => {
    const before = await documentCount();
    const res = await send(telnyxDelivery(keys, newFax(), Math.floor(Date.now() / 1000) - 301));
    expect(res.statusCode).toBe(401);
    expect(await documentCount()).toBe(before);
  });

  it('telnyx: progress and failure events are acknowledged without a document, in any order', async () => {
    const before = await documentCount();
    const fax = newFax();
    for (const eventType of ['fax.media.processing.started', 'fax.failed', 'fax.receiving.started']) {
      const res = await send(telnyxDelivery(keys, { ...fax, eventType }));
      expect(res.statusCode).toBe(200);
      expect(res.json().documentIds).toEqual([]);
    }
    expect(await documentCount()).toBe(before);
    // fax.received after its progress events still makes the one document
    expect((await send(telnyxDelivery(keys, fax))).json().documentIds).toHaveLength(1);
  });

  it('telnyx: partial_content is kept as a warning for the draft', async () => {
    const res = await send(telnyxDelivery(keys, newFax({ partial: true })));
    const doc = await t.stores.documents.get(res.json().documentIds[0]);
    expect(doc?.inbound.warnings?.join(' ')).toMatch(/incomplete/);
  });

  it('signalwire: the incoming-fax request is answered with <Receive action> under FAXGATE_PUBLIC_URL', async () => {
    const before = await documentCount();
    const res = await send(signalwireIncoming(publicUrl, newFax()));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/xml/);
    expect(res.body).toMatch(
      /<Response><Receive action="https:\/\/fax\.example\.ch\/webhooks\/fax\/signalwire\/received"/,
    );
    expect(await documentCount()).toBe(before);
  });

  it('sinch: an INCOMING_FAX without its file becomes a failed document the clerk can see', async () => {
    const request = sinchDelivery(newFax({ bytes: Buffer.alloc(0) }));
    const res = await send(request);
    expect(res.statusCode).toBe(200);
    const doc = await t.stores.documents.get(res.json().documentIds[0]);
    expect(doc?.status).toBe('failed');
    expect(doc?.failureReason).toMatch(/without its file/);
  });

  it('a body over the limit → 413 and nothing stored', async () => {
    const before = await documentCount();
    const big = sinchDelivery(newFax({ bytes: Buffer.alloc(3 * 1024 * 1024, 7) }));
    expect((await send(big)).statusCode).toBe(413);
    expect(await documentCount()).toBe(before);
  });
});

describe('fax webhooks without provider settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(['telnyx', 'sinch', 'phaxio', 'signalwire', 'signalwire/received'])(
    '/webhooks/fax/%s → 404',
    async (p) => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/webhooks/fax/${p}`,
        payload: '{}',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(404);
    },
  );

  it('lists the webhook routes in the OpenAPI document', async () => {
    const spec = (await t.app.inject('/docs/json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/webhooks/fax/telnyx', '/webhooks/fax/signalwire/received']),
    );
  });

  it('keeps the other routes on their own body parsers (JSON still parsed elsewhere)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: '{}',
      headers: { 'content-type': 'application/json', authorization: t.auth.ingest },
    });
    expect(res.statusCode).toBe(415);
  });
});
