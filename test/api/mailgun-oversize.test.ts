/**
 * Regression: a Mailgun message over the size limit got Fastify's 413, which Mailgun retries for
 * 8 hours. It now gets 406 (Mailgun's "never retry") with the sizes in the reason — whether the
 * length is declared (refused before reading) or the body arrives chunked (counted after
 * reading, within the route's margin). Other providers keep the 413. The pipeline does not run.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookBodyLimit } from '../../src/api/webhooks/fax-routes.ts';
import { limits } from '../../src/limits.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

const MG_KEY = 'mailgun-signing-key-oversize';
const UPLOAD_MB = 1;
const limit = webhookBodyLimit(UPLOAD_MB * 1024 * 1024);

/** A signed urlencoded Mailgun post whose body-plain pads it to about `bytes`. */
function mailgunPost(bytes: number): string {
  const token = randomBytes(25).toString('hex');
  const timestamp = String(Math.floor(Date.now() / 1000));
  const fields = new URLSearchParams({
    recipient: 'orders@gw.example.com',
    sender: 'einkauf@baeckerei-mueller.example',
    subject: 'Bestellung mit riesigem Anhang',
    'message-headers': JSON.stringify([['Message-Id', `<${token}@example>`]]),
    timestamp,
    token,
    signature: createHmac('sha256', MG_KEY)
      .update(timestamp + token)
      .digest('hex'),
  }).toString();
  return `${fields}&body-plain=${'x'.repeat(Math.max(0, bytes - fields.length - 12))}`;
}

describe('Mailgun messages over the size limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', {
      env: {
        FAXGATE_UPLOAD_LIMIT_MB: String(UPLOAD_MB),
        FAXGATE_MAILGUN_SIGNING_KEY: MG_KEY,
        FAXGATE_POSTMARK_USERNAME: 'pm',
        FAXGATE_POSTMARK_PASSWORD: 'pm-secret',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });
  const form = { 'content-type': 'application/x-www-form-urlencoded' };

  it('answers 406 with the sizes for a declared length over the limit', async () => {
    const body = mailgunPost(limit + 10_000);
    const res = await t.app.inject({
      method: 'POST',
      url: '/webhooks/email/mailgun',
      headers: form,
      payload: body,
    });
    expect(res.statusCode).toBe(406);
    expect(res.json().message).toContain(`exceeds the limit of ${limit} bytes`);
    // Far over the limit too (beyond the route's margin): still 406, nothing read.
    const huge = mailgunPost(limit + 3 * limits.webhookFieldsBytes);
    const far = await t.app.inject({
      method: 'POST',
      url: '/webhooks/email/mailgun',
      headers: form,
      payload: huge,
    });
    expect(far.statusCode).toBe(406);
  });

  it('answers 406 for a chunked body (no length) just over the limit', async () => {
    const body = mailgunPost(limit + 10_000);
    const res = await t.app.inject({
      method: 'POST',
      url: '/webhooks/email/mailgun',
      headers: form,
      // A stream: light-my-request sends it without content-length, so only the handler can count it.
      payload: Readable.from([Buffer.from(body)]),
    });
    expect(res.statusCode).toBe(406);
    expect(res.json().message).toContain(`message of ${Buffer.byteLength(body)} bytes`);
  });

  it('still accepts a message under the limit, and other providers keep the 413', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: '/webhooks/email/mailgun',
      headers: form,
      payload: mailgunPost(200_000),
    });
    expect(ok.statusCode).toBe(200);
    const postmark = await t.app.inject({
      method: 'POST',
      url: '/webhooks/email/postmark',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from('pm:pm-secret').toString('base64')}`,
      },
      payload: JSON.stringify({ TextBody: 'x'.repeat(limit + 10) }),
    });
    expect(postmark.statusCode).toBe(413);
  });
});
