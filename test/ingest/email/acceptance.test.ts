/**
 * Issue 5's acceptance, end to end with the real workers (SQLite, to save CPU): a body-only order
 * (Mailgun), a born-digital PDF order (Postmark; text layer made with pdf-lib), a fax-to-e-mail
 * order with a TIFF (SendGrid raw; relay subject "Fax from +41 44 555 12 34"), and one mail with
 * two order PDFs → two drafts of the same document. Master data: fixtures/master-data.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseCustomerSkusCsv,
  parseCustomersCsv,
  parseProductsCsv,
} from '../../../src/masterdata/read-csv.ts';
import { buildTestApp, type TestApp, waitFor } from '../../helpers/test-app.ts';
import { buildMail, newMessageId } from './build-mail.ts';
import { orderPdf } from './order-pdf.ts';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url));
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

/** A born-digital order PDF (text layer). */

describe('orders by e-mail through the whole pipeline', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', {
      workers: true,
      env: {
        FAXGATE_MAILGUN_SIGNING_KEY: 'mg-key',
        FAXGATE_SENDGRID_USERNAME: 'sg',
        FAXGATE_SENDGRID_PASSWORD: 'sg-secret',
        FAXGATE_POSTMARK_USERNAME: 'pm',
        FAXGATE_POSTMARK_PASSWORD: 'pm-secret',
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
  });

  const finished = (id: string) =>
    waitFor(
      async () => {
        const doc = await t.stores.documents.get(id);
        return doc && ['processed', 'failed'].includes(doc.status) ? doc : undefined;
      },
      90_000,
      `document ${id} to finish`,
    );
  const orders = async (documentId: string) =>
    Promise.all(
      (await t.stores.orders.listByDocument(documentId)).map(async (id) =>
        (
          await t.app.inject({ url: `/api/v1/orders/${id}`, headers: { authorization: t.auth.admin } })
        ).json(),
      ),
    );
  const skuQty = (o: { lines: Array<{ sku: string | null; quantity: number | null }> }) =>
    o.lines.map((l) => [l.sku, l.quantity]);
  /** A raw MIME message as SendGrid's Inbound Parse posts it ("POST the raw, full MIME message"). */
  const sendRaw = (eml: Buffer) => {
    const boundary = 'xYzZY';
    return t.app.inject({
      method: 'POST',
      url: '/webhooks/email/sendgrid',
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\n`),
        eml,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        authorization: basic('sg', 'sg-secret'),
      },
    });
  };

  it('a body-only order via Mailgun → a draft for the sender’s customer', async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const token = randomBytes(25).toString('hex');
    const form = new URLSearchParams({
      from: 'Einkauf <einkauf@baumann-metallbau.ch>',
      sender: 'einkauf@baumann-metallbau.ch',
      recipient: 'orders@gw.example.com',
      subject: 'Bestellung BE-7001',
      'body-plain':
        'Guten Tag\n\nBitte liefern Sie:\n\n5 Pack 10-4711 Senkkopfschraube M4x20\n2 Karton 12-0815 Spanplattenschraube 5x60\n\nFreundliche Grüsse\nP. Baumann\n',
      'message-headers': JSON.stringify([
        ['Message-Id', `<${newMessageId()}>`],
        ['Date', 'Mon, 2 Mar 2026 09:54:58 +0100'],
      ]),
      timestamp: ts,
      token,
      signature: createHmac('sha256', 'mg-key')
        .update(ts + token)
        .digest('hex'),
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/webhooks/email/mailgun',
      payload: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(200);
    const id = res.json().documentIds[0];
    const doc = await finished(id);
    expect(doc.status).toBe('processed');
    expect(doc.meta.pipeline).toMatchObject({
      subject: 'Bestellung BE-7001',
      date: '2026-03-02T08:54:58.000Z',
    });
    const [order, more] = await orders(id);
    expect(more).toBeUndefined();
    expect(order.customer.id).toBe('C-2001');
    expect(skuQty(order)).toEqual([
      ['10-4711', 5],
      ['12-0815', 2],
    ]);
  }, 120_000);

  it('a born-digital PDF order via Postmark → a draft with its lines', async () => {
    const pdf = await orderPdf('BE-7002', [
      [3, 'Pack', '10-5128', 'Zylinderschraube DIN 912 M8x40'],
      [10, 'Stk', '204.118.05', 'Spiralbohrer HSS-G 5.0 mm'],
    ]);
    const eml = {
      From: 'einkauf@baumann-metallbau.ch',
      FromFull: { Email: 'einkauf@baumann-metallbau.ch', Name: 'Einkauf' },
      To: 'orders@inbound.gw.example.com',
      Subject: 'Bestellung BE-7002',
      MessageID: randomBytes(8).toString('hex'),
      Date: 'Mon, 2 Mar 2026 10:00:00 +0100',
      TextBody: 'Guten Tag, anbei unsere Bestellung.\n',
      Headers: [{ Name: 'Message-ID', Value: `<${newMessageId()}>` }],
      // inline disposition, as some mailers send PDFs: still an order attachment
      Attachments: [
        {
          Name: 'BE-7002.pdf',
          Content: pdf.toString('base64'),
          ContentType: 'application/pdf',
          ContentID: 'pdf1',
        },
      ],
    };
    const res = await t.app.inject({
      method: 'POST',
      url: '/webhooks/email/postmark',
      payload: JSON.stringify(eml),
      headers: { 'content-type': 'application/json', authorization: basic('pm', 'pm-secret') },
    });
    expect(res.statusCode).toBe(200);
    const id = res.json().documentIds[0];
    expect((await finished(id)).status).toBe('processed');
    const [order, more] = await orders(id);
    expect(more).toBeUndefined();
    expect(order.customer.id).toBe('C-2001');
    expect(order.customerReference).toBe('BE-7002');
    expect(skuQty(order)).toEqual([
      ['10-5128', 3],
      ['204.118.05', 10],
    ]);
  }, 120_000);

  it('a fax-to-e-mail order with a TIFF via SendGrid raw → the caller’s number picks the customer', async () => {
    const truth = JSON.parse(fixture('documents/order-fine-g4.json').toString()) as {
      customerId: string;
      lines: Array<{ sku: string; quantity: number }>;
    };
    const eml = await buildMail({
      from: '"Fax Service" <fax2mail@relay.example-faxservice.com>',
      subject: 'Fax from +41 44 555 12 34',
      text: 'You have received a fax (1 page).\n',
      attachments: [
        { filename: 'fax.tif', content: fixture('documents/order-fine-g4.tif'), contentType: 'image/tiff' },
      ],
    });
    const res = await sendRaw(eml);
    expect(res.statusCode).toBe(200);
    const id = res.json().documentIds[0];
    const doc = await finished(id);
    expect(doc.status).toBe('processed');
    expect(doc.meta.pipeline).toMatchObject({ faxNumber: '+41445551234', faxRelay: true });
    const [order, more] = await orders(id);
    expect(more).toBeUndefined();
    expect(order.source.from).toBe('+41445551234');
    expect(order.customer.id).toBe(truth.customerId);
    // OCR-tolerant: every article found, and most quantities read right
    expect(order.lines.map((l: { sku: string }) => l.sku)).toEqual(truth.lines.map((l) => l.sku));
    const right = truth.lines.filter((l, i) => order.lines[i].quantity === l.quantity).length;
    expect(right).toBeGreaterThanOrEqual(truth.lines.length - 1);
  }, 120_000);

  it('two order PDFs in one mail → two drafts linked to the same message', async () => {
    const a = await orderPdf('BE-7003', [[4, 'Pack', '10-4717', 'Senkkopfschraube M4x25']]);
    const b = await orderPdf('BE-7004', [[6, 'Pack', '10-6030', 'Sechskantmutter M8']]);
    const eml = await buildMail({
      from: 'einkauf@baumann-metallbau.ch',
      subject: 'Zwei Bestellungen',
      text: 'Anbei zwei Bestellungen.\n',
      attachments: [
        { filename: 'BE-7003.pdf', content: a },
        { filename: 'BE-7004.pdf', content: b },
      ],
    });
    const res = await sendRaw(eml);
    const id = res.json().documentIds[0];
    expect((await finished(id)).status).toBe('processed');
    const drafts = await orders(id);
    expect(drafts.map((o) => o.customerReference).sort()).toEqual(['BE-7003', 'BE-7004']);
    expect(drafts.map(skuQty).sort()).toEqual([[['10-4717', 4]], [['10-6030', 6]]]);
  }, 120_000);
  it('an order PDF and a delivery date (or its lines again) in the mail text → one draft', async () => {
    const pdf = await orderPdf('BE-7005', [[3, 'Pack', '10-4717', 'Senkkopfschraube M4x25']]);
    const eml = await buildMail({
      from: 'einkauf@baumann-metallbau.ch',
      subject: 'Bestellung BE-7005',
      text: 'Guten Tag\nBitte liefern bis 04.03.2026.\nFreundliche Grüsse\n',
      attachments: [{ filename: 'BE-7005.pdf', content: pdf }],
    });
    const res = await sendRaw(eml);
    const id = res.json().documentIds[0];
    expect((await finished(id)).status).toBe('processed');
    const drafts = await orders(id);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].customerReference).toBe('BE-7005');
    expect(drafts[0].orderDate).toBe('2026-02-16');
    expect(drafts[0].deliveryDate).toBe('2026-03-04');
    expect(drafts[0].warnings.join('\n')).toMatch(/delivery date 2026-03-04 taken from the e-mail's text/);
    expect(drafts.map(skuQty)).toEqual([[['10-4717', 3]]]);

    // a mail text that says the attached line again is no second order
    const again = await buildMail({
      from: 'einkauf@baumann-metallbau.ch',
      subject: 'Bestellung BE-7006',
      text: 'Guten Tag\nanbei unsere Bestellung über 3 Pack 10-4717.\nFreundliche Grüsse\n',
      attachments: [
        {
          filename: 'BE-7006.pdf',
          content: await orderPdf('BE-7006', [[3, 'Pack', '10-4717', 'Senkkopfschraube M4x25']]),
        },
      ],
    });
    const res2 = await sendRaw(again);
    const id2 = res2.json().documentIds[0];
    expect((await finished(id2)).status).toBe('processed');
    const once = await orders(id2);
    expect(once.map((o) => o.customerReference)).toEqual(['BE-7006']);
    expect(once.map(skuQty)).toEqual([[['10-4717', 3]]]);
  }, 120_000);
});
