import { describe, expect, it } from 'vitest';
import { createSinchProvider } from '../../../src/ingest/providers/sinch.ts';
import { parseRequestFixture } from '../helpers/sign.ts';
import { fixtureText, rawRequest } from './raw-request.ts';

// The fixture's Authorization header is basic auth for sinch:test-password.
const provider = createSinchProvider({ username: 'sinch', password: 'test-password' });
const url = 'https://gw.example.com/webhooks/fax/sinch';
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

describe('Sinch', () => {
  it('checks basic auth (Sinch does not sign)', () => {
    const ok = rawRequest(url, { authorization: basic('sinch', 'test-password') }, '{}');
    expect(provider.verify(ok)).toEqual({ ok: true });
    expect(provider.verify(rawRequest(url, { authorization: basic('sinch', 'wrong') }, '{}')).ok).toBe(false);
    expect(
      provider.verify(rawRequest(url, { authorization: basic('other', 'test-password') }, '{}')).ok,
    ).toBe(false);
    expect(provider.verify(rawRequest(url, {}, '{}'))).toMatchObject({ ok: false, reason: /missing/ });
  });

  it('parses the multipart callback (JSON fax field + file part)', () => {
    const f = parseRequestFixture(fixtureText('sinch-fax-v3-incoming.multipart.txt'));
    const raw = rawRequest(url, f.headers, f.body);
    expect(provider.verify(raw)).toEqual({ ok: true });
    const [doc] = provider.parse(raw).documents;
    expect(doc).toMatchObject({
      key: '01JNB3Y7Q9R2S4T6V8W0X2Y4Z6',
      meta: { channel: 'fax', provider: 'sinch', from: '+4940123456789', to: '+4930987654321' },
      pageCount: 2,
    });
    expect(doc?.content.kind === 'bytes' && doc.content.bytes.toString()).toMatch(/^%PDF-1\.4/);
  });

  it('parses the JSON callback (base64 file) to the same document', () => {
    const raw = rawRequest(
      url,
      { 'content-type': 'application/json' },
      fixtureText('sinch-fax-v3-incoming.json'),
    );
    const [doc] = provider.parse(raw).documents;
    expect(doc?.key).toBe('01JNB3Y7Q9R2S4T6V8W0X2Y4Z6');
    expect(doc?.content.kind === 'bytes' && doc.content.bytes.toString()).toMatch(/^%PDF-1\.4/);
  });

  it('marks an INCOMING_FAX without file as missing, and records other events without a document', () => {
    const body = JSON.parse(fixtureText('sinch-fax-v3-incoming.json'));
    delete body.file;
    const [doc] = provider.parse(
      rawRequest(url, { 'content-type': 'application/json' }, JSON.stringify(body)),
    ).documents;
    expect(doc?.content).toMatchObject({ kind: 'missing', reason: /saveInboundFaxDocuments/ });
    body.event = 'FAX_COMPLETED';
    expect(
      provider.parse(rawRequest(url, { 'content-type': 'application/json' }, JSON.stringify(body))).documents,
    ).toEqual([]);
  });
});
