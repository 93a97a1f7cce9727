/**
 * E-mail webhooks through the real app on both SQL backends (no workers): each provider's
 * documented format with a message built by nodemailer, Mailgun's HMAC with replay and freshness
 * checks (406 so Mailgun stops retrying), basic auth for SendGrid and Postmark, idempotency on the
 * Message-ID, 404 for a provider without settings, and no header injection from form fields.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { backends } from '../helpers/test-database.ts';
import { buildMail, newMessageId } from '../ingest/email/build-mail.ts';

const MG_KEY = 'mg_test_webhook_signing_key';
const env = {
  FAXGATE_MAILGUN_SIGNING_KEY: MG_KEY,
  FAXGATE_SENDGRID_USERNAME: 'sg',
  FAXGATE_SENDGRID_PASSWORD: 'sg-secret',
  FAXGATE_POSTMARK_USERNAME: 'pm',
  FAXGATE_POSTMARK_PASSWORD: 'pm-secret',
};
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
const pdf = Buffer.from('%PDF-1.4\n% stand-in; the pipeline does not run in this file\n%%EOF\n');

type Part = { name: string; value: string | Buffer; filename?: string; type?: string };
function multipartBody(parts: Part[]) {
  const boundary = `xYzZY${randomBytes(4).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
      ),
      Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function mailgunSignature(key = MG_KEY, timestamp = Math.floor(Date.now() / 1000)) {
  const token = randomBytes(25).toString('hex');
  const ts = String(timestamp);
  return {
    timestamp: ts,
    token,
    signature: createHmac('sha256', key)
      .update(ts + token)
      .digest('hex'),
  };
}

function mailgunFields(messageId: string, sig = mailgunSignature()) {
  return {
    recipient: 'orders@gw.example.com',
    sender: 'einkauf@baeckerei-mueller.example',
    from: 'Einkauf <einkauf@baeckerei-mueller.example>',
    subject: 'Bestellung KW10 / Order 4711',
    'body-plain': '10x Roggenmehl Type 1150, 25 kg\n4x Hefe 500 g\n\nGruss\nEinkauf\n',
    'body-html': '<div>10x Roggenmehl Type 1150, 25 kg<br>4x Hefe 500 g</div>',
    'message-headers': JSON.stringify([
      ['Message-Id', `<${messageId}>`],
      ['From', 'Einkauf <einkauf@baeckerei-mueller.example>'],
      ['Subject', 'Bestellung KW10 / Order 4711'],
      ['Date', 'Mon, 2 Mar 2026 09:54:58 +0100'],
    ]),
    ...sig,
  };
}

describe.each(backends)('e-mail webhooks on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(backend, { env });
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (url: string, payload: Buffer | string, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, payload, headers });
  const storedMail = async (id: string) => {
    const doc = await t.stores.documents.get(id);
    const bytes = await t.stores.documents.getBytes(id);
    return { doc, mail: await simpleParser(bytes!) };
  };
  const documentCount = async () =>
    Number(
      (
        await t.stores.database.db
          .selectFrom('documents')
          .select(({ fn }) => fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('Mailgun urlencoded: signed → 200, an eml document with the headers, body and Message-ID', async () => {
    const mid = newMessageId();
    const res = await post('/webhooks/email/mailgun', new URLSearchParams(mailgunFields(mid)).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.statusCode).toBe(200);
    const { doc, mail } = await storedMail(res.json().documentIds[0]);
    expect(doc).toMatchObject({ contentType: 'eml', inbound: { channel: 'email', provider: 'mailgun' } });
    expect(doc?.meta.messageId).toBe(mid);
    expect(mail.messageId).toBe(`<${mid}>`);
    expect(mail.subject).toBe('Bestellung KW10 / Order 4711');
    expect(mail.date?.toISOString()).toBe('2026-03-02T08:54:58.000Z');
    expect(mail.text).toContain('4x Hefe 500 g');
  });

  it('Mailgun multipart with an attachment, and the same message again → the same document', async () => {
    const mid = newMessageId();
    const send = () => {
      const fields = mailgunFields(mid);
      const body = multipartBody([
        ...Object.entries(fields).map(([name, value]) => ({ name, value })),
        { name: 'attachment-count', value: '1' },
        { name: 'attachment-1', value: pdf, filename: 'Bestellung_4711.pdf', type: 'application/pdf' },
      ]);
      return post('/webhooks/email/mailgun', body.payload, { 'content-type': body.contentType });
    };
    const first = await send();
    expect(first.statusCode).toBe(200);
    const { mail } = await storedMail(first.json().documentIds[0]);
    expect(mail.attachments.map((a) => [a.filename, a.content.equals(pdf)])).toEqual([
      ['Bestellung_4711.pdf', true],
    ]);
    const before = await documentCount();
    const again = await send(); // a retry carries a new token and signature, the same Message-ID
    expect(again.statusCode).toBe(200);
    expect(again.json().documentIds).toEqual(first.json().documentIds);
    expect(await documentCount()).toBe(before);
  });

  it('Mailgun raw MIME (URL ending in mime) stores the message as sent', async () => {
    const mid = newMessageId();
    const eml = await buildMail({ messageId: `<${mid}>` });
    const body = multipartBody([
      ...Object.entries(mailgunSignature()).map(([name, value]) => ({ name, value })),
      { name: 'recipient', value: 'orders@gw.example.com' },
      { name: 'body-mime', value: eml.toString('utf8') },
    ]);
    const res = await post('/webhooks/email/mailgun/mime', body.payload, {
      'content-type': body.contentType,
    });
    expect(res.statusCode).toBe(200);
    expect((await t.stores.documents.getBytes(res.json().documentIds[0]))?.equals(eml)).toBe(true);
  });

  it('Mailgun: wrong key, replayed token, stale timestamp → 406 and nothing stored', async () => {
    const urlenc = { 'content-type': 'application/x-www-form-urlencoded' };
    const before = await documentCount();
    const wrong = await post(
      '/webhooks/email/mailgun',
      new URLSearchParams(mailgunFields(newMessageId(), mailgunSignature('other-key'))).toString(),
      urlenc,
    );
    expect(wrong.statusCode).toBe(406);
    const stale = await post(
      '/webhooks/email/mailgun',
      new URLSearchParams(
        mailgunFields(newMessageId(), mailgunSignature(MG_KEY, Math.floor(Date.now() / 1000) - 3600)),
      ).toString(),
      urlenc,
    );
    expect(stale.statusCode).toBe(406);
    expect(await documentCount()).toBe(before);
    // a captured signature replayed with another body
    const sig = mailgunSignature();
    const ok = await post(
      '/webhooks/email/mailgun',
      new URLSearchParams(mailgunFields(newMessageId(), sig)).toString(),
      urlenc,
    );
    expect(ok.statusCode).toBe(200);
    const replay = await post(
      '/webhooks/email/mailgun',
      new URLSearchParams(mailgunFields(newMessageId(), sig)).toString(),
      urlenc,
    );
    expect(replay.statusCode).toBe(406);
    expect(await documentCount()).toBe(before + 1);
  });

  it('SendGrid parsed mode with attachment-info; wrong credentials → 401', async () => {
    const mid = newMessageId();
    const body = multipartBody([
      {
        name: 'headers',
        value: `From: Einkauf <einkauf@baeckerei-mueller.example>\nTo: orders@parse.gw.example.com\nSubject: Bestellung\nMessage-ID: <${mid}>\nDate: Mon, 2 Mar 2026 09:54:58 +0100\n`,
      },
      {
        name: 'envelope',
        value: '{"to":["orders@parse.gw.example.com"],"from":"einkauf@baeckerei-mueller.example"}',
      },
      { name: 'from', value: 'Einkauf <einkauf@baeckerei-mueller.example>' },
      { name: 'to', value: 'orders@parse.gw.example.com' },
      { name: 'subject', value: 'Bestellung\r\nBcc: victim@example.com' },
      { name: 'text', value: '10x Roggenmehl\n' },
      { name: 'attachments', value: '1' },
      {
        name: 'attachment-info',
        value: '{"attachment1":{"filename":"Bestellung_4711.pdf","type":"application/pdf"}}',
      },
      { name: 'attachment1', value: pdf, filename: 'Bestellung_4711.pdf', type: 'application/pdf' },
    ]);
    const headers = { 'content-type': body.contentType };
    expect(
      (
        await post('/webhooks/email/sendgrid', body.payload, {
          ...headers,
          authorization: basic('sg', 'nope'),
        })
      ).statusCode,
    ).toBe(401);
    const res = await post('/webhooks/email/sendgrid', body.payload, {
      ...headers,
      authorization: basic('sg', 'sg-secret'),
    });
    expect(res.statusCode).toBe(200);
    const { doc, mail } = await storedMail(res.json().documentIds[0]);
    expect(doc?.meta.messageId).toBe(mid);
    expect(mail.attachments[0]?.filename).toBe('Bestellung_4711.pdf');
    // the CRLF in the subject field did not become a header
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('bcc')).toBe(false);
  });

  it('SendGrid raw mode keeps the original message', async () => {
    const eml = await buildMail({ messageId: `<${newMessageId()}>` });
    const body = multipartBody([
      {
        name: 'envelope',
        value: '{"to":["orders@parse.gw.example.com"],"from":"einkauf@baeckerei-mueller.example"}',
      },
      { name: 'email', value: eml.toString('utf8') },
    ]);
    const res = await post('/webhooks/email/sendgrid', body.payload, {
      'content-type': body.contentType,
      authorization: basic('sg', 'sg-secret'),
    });
    expect(res.statusCode).toBe(200);
    expect((await t.stores.documents.getBytes(res.json().documentIds[0]))?.equals(eml)).toBe(true);
  });

  it('Postmark JSON with a base64 attachment; malformed → 403 (no retries); wrong credentials → 401', async () => {
    const mid = newMessageId();
    const json = {
      From: 'einkauf@baeckerei-mueller.example',
      FromFull: { Email: 'einkauf@baeckerei-mueller.example', Name: 'Einkauf Bäckerei Müller' },
      To: 'orders@inbound.gw.example.com',
      Subject: 'Bestellung KW10',
      MessageID: '73e6d360-66eb-11e1-8e72-a8904824019b',
      Date: 'Mon, 2 Mar 2026 09:54:58 +0100',
      TextBody: '10x Roggenmehl\n',
      Headers: [{ Name: 'Message-ID', Value: `<${mid}>` }],
      Attachments: [
        { Name: 'Bestellung.pdf', Content: pdf.toString('base64'), ContentType: 'application/pdf' },
      ],
    };
    const h = { 'content-type': 'application/json', authorization: basic('pm', 'pm-secret') };
    const res = await post('/webhooks/email/postmark', JSON.stringify(json), h);
    expect(res.statusCode).toBe(200);
    const { doc, mail } = await storedMail(res.json().documentIds[0]);
    expect(doc?.meta.messageId).toBe(mid);
    expect(mail.from?.value[0]).toMatchObject({
      address: 'einkauf@baeckerei-mueller.example',
      name: 'Einkauf Bäckerei Müller',
    });
    expect(mail.attachments[0]?.content.equals(pdf)).toBe(true);
    expect((await post('/webhooks/email/postmark', '{not json', h)).statusCode).toBe(403);
    expect(
      (
        await post('/webhooks/email/postmark', JSON.stringify(json), {
          ...h,
          authorization: basic('pm', 'x'),
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe('e-mail webhooks without settings', () => {
  it('answer 404', async () => {
    const t = await buildTestApp('sqlite');
    try {
      for (const p of ['mailgun', 'sendgrid', 'postmark']) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/webhooks/email/${p}`,
          payload: '{}',
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode).toBe(404);
      }
    } finally {
      await t.close();
    }
  });
});
