/**
 * Order confirmations back to the customer with the real app, workers and Redis: by fax through
 * a local stand-in of each provider's send API (Telnyx, Sinch, Phaxio — request shapes from
 * PROVIDERS.md §5), and by e-mail to a real SMTP server on loopback (smtp-server as a sink; the
 * captured message is parsed with mailparser). The PDF that arrives is read back with pdfjs-dist:
 * it must carry the lines, the quantities and the customer's language.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/pipeline/types.ts';
import { buildTestApp, type TestApp, waitFor } from '../helpers/test-app.ts';
import { draftLine, draftOrder, newDocument } from '../store/order-fixtures.ts';
import { pdfText } from './pdf-text.ts';
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts';

interface ProviderRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const SIGNING_KEY = 'test-url-signing-key-0123456789';
const PUBLIC_URL = 'https://faxgate.example.ch';

const lines = [
  draftLine(1, '10-4711', 12),
  draftLine(2, '10-5120', 250),
  { ...draftLine(3, '0007010', 7), unit: 'Paar' },
];
const order = (channel: 'fax' | 'email', from: string): DraftOrder => ({
  ...draftOrder('PO-77881', lines),
  source: {
    channel,
    provider: channel === 'fax' ? 'telnyx' : 'mailgun',
    from,
    to: '+41445550100',
    receivedAt: '2026-11-27T09:14:03Z',
    pages: 1,
  },
});

/** A local server answering like the provider; records every request. */
async function standIn(answer: (req: ProviderRequest) => [number, unknown]) {
  const requests: ProviderRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(r);
      const [status, body] = answer(r);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((r) => server.close(r)),
  };
}

async function confirmedOrder(t: TestApp, draft: DraftOrder): Promise<string> {
  await t.stores.masterData.replaceCustomers([
    {
      id: 'C-1007',
      name: 'Baumann AG',
      fax: '+41445551234',
      email: 'einkauf@baumann.ch',
      street: 'Industriestrasse 14',
      zip: '1003',
      city: 'Lausanne',
      country: 'CH',
    },
  ]);
  const [id] = await t.stores.orders.createFromDrafts(await newDocument(t.stores.documents), [draft]);
  await t.stores.orders.confirm(id!, 'clerk');
  return id!;
}

async function delivered(t: TestApp, orderId: string) {
  return waitFor(
    async () => {
      const m = (await t.stores.outbound.listForOrder(orderId)).find((x) => x.kind === 'confirmation');
      if (m?.status === 'failed') throw new Error(`confirmation failed: ${m.lastError}`);
      return m?.status === 'delivered' ? m : undefined;
    },
    20_000,
    'the confirmation to be sent',
  );
}

/** The PDF says what was ordered: every article, its quantity and unit, in the language asked. */
async function expectConfirmationPdf(pdf: Uint8Array, title: string) {
  expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  const text = (await pdfText(pdf)).join('\n');
  expect(text).toContain(title);
  expect(text).toContain('PO-77881');
  expect(text).toContain('Muster Beschläge AG');
  for (const [sku, qty, unit] of [
    ['10-4711', '12', 'Stk'],
    ['10-5120', '250', 'Stk'],
    ['0007010', '7', 'Paar'],
  ]) {
    expect(text).toContain(sku);
    expect(text).toMatch(new RegExp(`\\b${qty}\\s+${unit}\\b`));
  }
  return text;
}

const supplierEnv = {
  FAXGATE_SUPPLIER_NAME: 'Muster Beschläge AG',
  FAXGATE_SUPPLIER_ADDRESS: 'Werkstrasse 1 | 8000 Zürich',
  FAXGATE_SUPPLIER_FAX: '+41445550100',
  FAXGATE_OUTBOUND_SCAN_MS: '100',
  FAXGATE_OUTBOUND_RETRY_BASE_MS: '50',
  FAXGATE_PUBLIC_URL: PUBLIC_URL,
  FAXGATE_URL_SIGNING_KEY: SIGNING_KEY,
  FAXGATE_FAX_FROM: '+41445550100',
};

describe('confirmation by fax through Telnyx', () => {
  let t: TestApp;
  let api: Awaited<ReturnType<typeof standIn>>;
  beforeAll(async () => {
    api = await standIn(() => [202, { data: { id: 'tx-fax-1', status: 'queued' } }]);
    t = await buildTestApp('sqlite', {
      workers: true,
      env: {
        ...supplierEnv,
        FAXGATE_CONFIRMATIONS: 'fax',
        FAXGATE_CONFIRMATION_FAX_PROVIDER: 'telnyx',
        FAXGATE_TELNYX_API_KEY: 'KEY-telnyx',
        FAXGATE_TELNYX_CONNECTION_ID: 'conn-42',
        FAXGATE_TELNYX_API_URL: api.url,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await api?.close();
  });

  it('posts JSON with a signed media_url that serves the PDF, in the language set for the customer', async () => {
    const set = await t.app.inject({
      method: 'PUT',
      url: '/erp/v1/customers/C-1007/confirmation-settings',
      headers: { authorization: t.auth.erp },
      payload: { confirmations: null, language: 'it' },
    });
    expect(set.statusCode).toBe(200);
    const id = await confirmedOrder(t, order('fax', '+41445551234'));
    const msg = await delivered(t, id);
    expect(msg).toMatchObject({
      channel: 'fax',
      target: '+41445551234',
      provider: 'telnyx',
      providerRef: 'tx-fax-1',
      language: 'it',
    });

    expect(api.requests).toHaveLength(1);
    const req = api.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v2/faxes');
    expect(req.headers.authorization).toBe('Bearer KEY-telnyx');
    expect(req.headers['content-type']).toContain('application/json');
    const body = JSON.parse(req.body.toString()) as Record<string, string>;
    expect(body).toMatchObject({ connection_id: 'conn-42', from: '+41445550100', to: '+41445551234' });
    expect(JSON.parse(Buffer.from(body.client_state!, 'base64').toString())).toEqual({
      orderId: id,
      messageId: msg.id,
    });
    const media = new URL(body.media_url!);
    expect(`${media.protocol}//${media.host}`).toBe(PUBLIC_URL);

    // The provider fetches the PDF without a token; a tampered or expired link gets 403.
    const fetched = await t.app.inject({ url: `${media.pathname}${media.search}` });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.headers['content-type']).toBe('application/pdf');
    await expectConfirmationPdf(fetched.rawPayload, "Conferma d'ordine");
    const tampered = media.search.replace(
      /signature=([0-9a-f])/,
      (_, c) => `signature=${c === '0' ? '1' : '0'}`,
    );
    expect((await t.app.inject({ url: `${media.pathname}${tampered}` })).statusCode).toBe(403);
    const expired = `?expires=1000&signature=${'0'.repeat(64)}`;
    expect((await t.app.inject({ url: `${media.pathname}${expired}` })).statusCode).toBe(403);
  });
});

describe('confirmation by fax through Sinch', () => {
  let t: TestApp;
  let api: Awaited<ReturnType<typeof standIn>>;
  beforeAll(async () => {
    api = await standIn(() => [200, { id: 'sinch-fax-9', direction: 'OUTBOUND', status: 'QUEUED' }]);
    t = await buildTestApp('sqlite', {
      workers: true,
      env: {
        ...supplierEnv,
        FAXGATE_CONFIRMATIONS: 'fax',
        FAXGATE_CONFIRMATION_FAX_PROVIDER: 'sinch',
        FAXGATE_SINCH_PROJECT_ID: 'proj-7',
        FAXGATE_SINCH_KEY_ID: 'key-id',
        FAXGATE_SINCH_KEY_SECRET: 'key-secret',
        FAXGATE_SINCH_API_URL: api.url,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await api?.close();
  });

  it('posts JSON with the PDF as a base64 file, in French for a Lausanne customer', async () => {
    const id = await confirmedOrder(t, order('fax', '+41445551234'));
    const msg = await delivered(t, id);
    expect(msg).toMatchObject({ provider: 'sinch', providerRef: 'sinch-fax-9', language: 'fr' });
    const req = api.requests[0]!;
    expect(req.url).toBe('/v3/projects/proj-7/faxes');
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('key-id:key-secret').toString('base64')}`);
    const body = JSON.parse(req.body.toString()) as {
      to: string;
      from: string;
      files: { file: string; fileType: string }[];
    };
    expect(body.to).toBe('+41445551234');
    expect(body.from).toBe('+41445550100');
    expect(body.files).toHaveLength(1);
    expect(body.files[0]!.fileType).toBe('PDF');
    await expectConfirmationPdf(Buffer.from(body.files[0]!.file, 'base64'), 'Confirmation de commande');
  });
});

describe('confirmation by fax through Phaxio', () => {
  let t: TestApp;
  let api: Awaited<ReturnType<typeof standIn>>;
  let answers = 0;
  beforeAll(async () => {
    // The first attempt is refused (provider down); the retry goes through.
    api = await standIn(() =>
      ++answers === 1
        ? [503, { success: false, message: 'busy' }]
        : [200, { success: true, message: 'Fax queued for sending', data: { id: 1234 } }],
    );
    t = await buildTestApp('sqlite', {
      workers: true,
      env: {
        ...supplierEnv,
        FAXGATE_CONFIRMATIONS: 'fax',
        FAXGATE_CONFIRMATION_FAX_PROVIDER: 'phaxio',
        FAXGATE_PHAXIO_API_KEY: 'phx-key',
        FAXGATE_PHAXIO_API_SECRET: 'phx-secret',
        FAXGATE_PHAXIO_API_URL: api.url,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await api?.close();
  });

  it('posts multipart with to, caller_id, tags and the PDF file; retries a refusal', async () => {
    const id = await confirmedOrder(t, order('fax', '+41445551234'));
    const msg = await delivered(t, id);
    expect(msg).toMatchObject({ provider: 'phaxio', providerRef: '1234', attempts: 2 });
    expect(api.requests).toHaveLength(2);
    const req = api.requests[1]!;
    expect(req.url).toBe('/v2.1/faxes');
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('phx-key:phx-secret').toString('base64')}`);
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type']! },
      body: req.body,
    }).formData();
    expect(form.get('to')).toBe('+41445551234');
    expect(form.get('caller_id')).toBe('+41445550100');
    expect(form.get('tag[order_id]')).toBe(id);
    const file = form.get('file') as File;
    expect(file.type).toBe('application/pdf');
    await expectConfirmationPdf(new Uint8Array(await file.arrayBuffer()), 'Confirmation de commande');
  });
});

describe('confirmation by e-mail over SMTP', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await buildTestApp('sqlite', {
      workers: true,
      env: {
        ...supplierEnv,
        FAXGATE_CONFIRMATIONS: 'both',
        FAXGATE_CONFIRMATION_FAX_PROVIDER: 'sinch',
        FAXGATE_SINCH_PROJECT_ID: 'p',
        FAXGATE_SINCH_KEY_ID: 'k',
        FAXGATE_SINCH_KEY_SECRET: 's',
        FAXGATE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        FAXGATE_SMTP_FROM: 'Muster Beschläge AG <verkauf@muster.example>',
        FAXGATE_CONFIRMATION_LANGUAGE: 'de',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('answers an e-mailed order by e-mail to the sender, with the PDF attached, in German', async () => {
    const set = await t.app.inject({
      method: 'PUT',
      url: '/erp/v1/customers/C-1007/confirmation-settings',
      headers: { authorization: t.auth.erp },
      payload: { confirmations: null, language: 'de' },
    });
    expect(set.statusCode).toBe(200);
    const id = await confirmedOrder(t, order('email', 'bestellung@baumann.ch'));
    const msg = await delivered(t, id);
    expect(msg).toMatchObject({ channel: 'email', target: 'bestellung@baumann.ch', provider: 'smtp' });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.from).toBe('verkauf@muster.example');
    expect(mail.to).toEqual(['bestellung@baumann.ch']);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe('Auftragsbestätigung – PO-77881');
    expect(parsed.to).toMatchObject({ value: [{ address: 'bestellung@baumann.ch' }] });
    expect(parsed.messageId).toContain(msg.id); // the outbox id, so re-sends are recognisable
    expect(parsed.attachments).toHaveLength(1);
    const att = parsed.attachments[0]!;
    expect(att.contentType).toBe('application/pdf');
    expect(att.filename).toMatch(/\.pdf$/);
    const text = await expectConfirmationPdf(att.content, 'Auftragsbestätigung');
    expect(text).toContain('Liefertermin');

    // The order shows the confirmation's status to the ERP, and it can be re-sent.
    const erp = { authorization: t.auth.erp };
    const view = await t.app.inject({ url: `/erp/v1/orders/${id}/deliveries`, headers: erp });
    expect(view.json().items).toEqual([
      expect.objectContaining({ kind: 'confirmation', status: 'delivered' }),
    ]);
    const again = await t.app.inject({
      method: 'POST',
      url: `/erp/v1/orders/${id}/confirmation`,
      headers: erp,
    });
    expect(again.statusCode).toBe(202);
    await waitFor(async () => (smtp.mails.length === 2 ? true : undefined), 15_000, 'the re-sent e-mail');
  });
});
