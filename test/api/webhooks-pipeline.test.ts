/**
 * Fax webhooks end to end (SQLite only, to save CPU; the verify/idempotency tests run on both
 * backends in webhooks.test.ts): signed delivery → store → fetch (a local server on 127.0.0.1
 * plays the providers' media hosts and the Telnyx API) → pages → OCR → draft order whose
 * source.from is the caller and whose customer is matched by that fax number.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCustomerSkusCsv, parseCustomersCsv, parseProductsCsv } from '../../src/masterdata/read-csv.ts';
import { buildTestApp, type TestApp, waitFor } from '../helpers/test-app.ts';
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
import { type MediaServer, startMediaServer } from '../ingest/helpers/media-server.ts';
import { telnyxKeys } from '../ingest/helpers/sign.ts';

const fixture = (p: string) => readFileSync(new URL(`../../fixtures/${p}`, import.meta.url));
const truth = JSON.parse(fixture('documents/order-fine-g4.json').toString()) as {
  from: string;
  to: string;
  customerId: string;
};
const tif = fixture('documents/order-fine-g4.tif');
const publicUrl = 'https://fax.example.ch';
const keys = telnyxKeys();

describe('fax webhooks through the whole pipeline', () => {
  let t: TestApp;
  let media: MediaServer;
  let seq = 0;

  beforeAll(async () => {
    media = await startMediaServer();
    t = await buildTestApp('sqlite', {
      workers: true,
      env: {
        ...providerEnv(keys),
        FAXGATE_PUBLIC_URL: publicUrl,
        FAXGATE_MEDIA_HOSTS: media.host,
        FAXGATE_MEDIA_RETRY_BASE_MS: '50',
        FAXGATE_TELNYX_API_KEY: 'telnyx-test-api-key',
        FAXGATE_TELNYX_API_URL: media.base,
      },
    });
    await t.stores.masterData.replaceProducts(
      parseProductsCsv(fixture('master-data/products.csv').toString()),
    );
    await t.stores.masterData.replaceCustomers(
      parseCustomersCsv(fixture('master-data/customers.csv').toString()),
    );
    await t.stores.masterData.replaceCustomerSkus(
      parseCustomerSkusCsv(fixture('master-data/customer_skus.csv').toString()),
    );
  });
  afterAll(async () => {
    await t?.close();
    await media?.close();
  });

  /** A fax from the customer's number; its media (for link-only providers) served by the local host. */
  function newFax(
    opts: { failFirst?: number; alwaysFail?: boolean; expired?: boolean; partial?: boolean } = {},
  ): Fax {
    const id = String(900_000 + ++seq);
    const mediaUrl = media.serve(id, tif, opts);
    return { id, from: truth.from, to: truth.to, bytes: tif, mediaUrl, partial: opts.partial };
  }

  async function deliver(r: WebhookRequest): Promise<string> {
    const res = await t.app.inject({ method: 'POST', url: r.url, headers: r.headers, payload: r.payload });
    expect(res.statusCode).toBe(200);
    const [id] = res.json().documentIds;
    expect(id).toBeTruthy();
    return id;
  }

  const finished = (id: string) =>
    waitFor(
      async () => {
        const doc = await t.stores.documents.get(id);
        return doc && ['processed', 'failed'].includes(doc.status) ? doc : undefined;
      },
      90_000,
      `document ${id} to finish`,
    );

  async function orderOf(documentId: string) {
    const [orderId] = await t.stores.orders.listByDocument(documentId);
    const res = await t.app.inject({
      url: `/api/v1/orders/${orderId}`,
      headers: { authorization: t.auth.admin },
    });
    return res.json();
  }

  const cases: Array<[string, (fax: Fax) => WebhookRequest]> = [
    ['telnyx', (fax) => telnyxDelivery(keys, fax)],
    ['sinch', (fax) => sinchDelivery(fax)],
    ['phaxio', (fax) => phaxioDelivery(publicUrl, fax)],
    ['signalwire', (fax) => signalwireReceived(publicUrl, fax)],
  ];

  it.each(cases)(
    '%s: a delivered fax ends as a draft for the customer whose fax number called',
    async (provider, make) => {
      const fax = newFax();
      if (provider === 'signalwire') {
        const xml = await t.app.inject({ method: 'POST', ...signalwireIncoming(publicUrl, fax) });
        expect(xml.body).toContain(`action="${publicUrl}/webhooks/fax/signalwire/received"`);
      }
      const id = await deliver(make(fax));
      const doc = await finished(id);
      expect(doc.status).toBe('processed');
      const order = await orderOf(id);
      expect(order.source).toMatchObject({ channel: 'fax', provider, from: truth.from, pages: 1 });
      expect(order.customer).toMatchObject({ id: truth.customerId, matchedBy: 'fax' });
      if (provider === 'telnyx' || provider === 'signalwire') expect(media.hits(fax.id)).toBe(1);
    },
  );

  let partialDocumentId = '';

  it('telnyx: media host down for the first tries → retried, then processed', async () => {
    const fax = newFax({ failFirst: 2, partial: true });
    const id = await deliver(telnyxDelivery(keys, fax));
    partialDocumentId = id;
    const doc = await finished(id);
    expect(doc.status).toBe('processed');
    expect(media.hits(fax.id)).toBe(3);
    // the transport warning is stored with the document's transport facts…
    expect(doc.inbound.warnings?.join(' ')).toMatch(/incomplete/);
  });

  // Regression: transport warnings were overwritten by the pages step and never reached the draft.
  it('telnyx: partial_content is a warning on the draft', async () => {
    const order = await orderOf(partialDocumentId);
    expect(order.warnings.join(' ')).toMatch(/incomplete/);
  });

  it('telnyx: an expired media link is renewed through the Telnyx API', async () => {
    const fax = newFax({ expired: true });
    const id = await deliver(telnyxDelivery(keys, fax));
    expect((await finished(id)).status).toBe('processed');
    expect(media.apiCalls).toEqual(
      expect.arrayContaining([`POST /v2/faxes/${fax.id}/actions/refresh`, `GET /v2/faxes/${fax.id}`]),
    );
  });

  it('signalwire: media host down for good → failed after the last try, with the reason', async () => {
    const fax = newFax({ alwaysFail: true });
    const id = await deliver(signalwireReceived(publicUrl, fax));
    const doc = await finished(id);
    expect(doc.status).toBe('failed');
    expect(doc.failureReason).toMatch(/HTTP 503/);
    expect(media.hits(fax.id)).toBe(6);
    const order = await orderOf(id);
    expect(order.status).toBe('failed');
  });

  it('telnyx: a media link to a host that is not the provider’s fails at once, without a download', async () => {
    const fax = { ...newFax(), mediaUrl: 'https://files.evil.example.net/fax.pdf' };
    const id = await deliver(telnyxDelivery(keys, fax));
    const doc = await finished(id);
    expect(doc.status).toBe('failed');
    expect(doc.failureReason).toMatch(/not a known media host/);
  });
});
