import { describe, expect, it } from 'vitest';
import { createPhaxioProvider } from '../../../src/ingest/providers/phaxio.ts';
import { multipartBody, parseRequestFixture, phaxioSignature } from '../helpers/sign.ts';
import { fixtureText, rawRequest } from './raw-request.ts';

const token = 'phaxio_test_callback_token';
const provider = createPhaxioProvider({ callbackToken: token });
const fixture = parseRequestFixture(fixtureText('phaxio-v2.1-fax-received.multipart.txt'));
const fixtureUrl = `https://gw.example.com${fixture.path}`;

describe('Phaxio', () => {
  it('accepts the known-good signature of the reference fixture (phaxio-ruby algorithm)', () => {
    expect(provider.verify(rawRequest(fixtureUrl, fixture.headers, fixture.body))).toEqual({ ok: true });
  });

  it('rejects the fixture under another URL, another token, or with a changed file byte', () => {
    expect(provider.verify(rawRequest(`${fixtureUrl}/`, fixture.headers, fixture.body)).ok).toBe(false);
    expect(
      createPhaxioProvider({ callbackToken: 'other' }).verify(
        rawRequest(fixtureUrl, fixture.headers, fixture.body),
      ).ok,
    ).toBe(false);
    const tampered = Buffer.from(fixture.body.toString('utf8').replace('placeholder', 'placeholdeR'));
    expect(provider.verify(rawRequest(fixtureUrl, fixture.headers, tampered)).ok).toBe(false);
    const { 'x-phaxio-signature': _, ...unsigned } = fixture.headers;
    expect(provider.verify(rawRequest(fixtureUrl, unsigned, fixture.body))).toMatchObject({
      ok: false,
      reason: /missing/,
    });
  });

  it('parses the received fax with caller, called number, pages and the file bytes', () => {
    const d = provider.parse(rawRequest(fixtureUrl, fixture.headers, fixture.body));
    expect(d.documents).toHaveLength(1);
    const doc = d.documents[0]!;
    expect(doc).toMatchObject({
      key: '123456789',
      meta: { channel: 'fax', provider: 'phaxio', from: '+15551230000', to: '+15559870000' },
      pageCount: 2,
    });
    expect(doc.content.kind === 'bytes' && doc.content.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('verifies a body signed by the documented algorithm with fields in any order', () => {
    const fields = {
      success: 'true',
      fax: JSON.stringify({ id: 7, from_number: '+41445551234' }),
      direction: 'received',
    };
    const files = {
      file: { filename: 'fax.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 x') },
    };
    const { body, contentType } = multipartBody(fields, files);
    const url = 'https://fax.example.ch/webhooks/fax/phaxio?x=1';
    const sig = phaxioSignature(token, url, fields, { file: files.file.bytes });
    const raw = rawRequest(url, { 'content-type': contentType, 'x-phaxio-signature': sig }, body);
    expect(provider.verify(raw)).toEqual({ ok: true });
    expect(provider.parse(raw).documents[0]?.meta.from).toBe('+41445551234');
  });

  it('records a failed reception and a sent-fax callback without a document', () => {
    for (const fields of [
      { direction: 'received', success: 'false', fax: '{"id":1}' },
      { direction: 'sent', success: 'true', fax: '{"id":2}' },
    ]) {
      const { body, contentType } = multipartBody(fields, {});
      expect(
        provider.parse(rawRequest('https://x/y', { 'content-type': contentType }, body)).documents,
      ).toEqual([]);
    }
  });
});
