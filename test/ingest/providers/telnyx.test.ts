import { describe, expect, it } from 'vitest';
import { createTelnyxProvider, PARTIAL_CONTENT_WARNING } from '../../../src/ingest/providers/telnyx.ts';
import { telnyxKeys } from '../helpers/sign.ts';
import { fixtureText, rawRequest } from './raw-request.ts';

const url = 'https://gw.example.com/webhooks/fax/telnyx';
const keys = telnyxKeys();
const provider = createTelnyxProvider({ publicKey: keys.publicKeyBase64 });
const received = fixtureText('telnyx-fax.received.json');

describe('Telnyx verify', () => {
  it('accepts a body signed with the account key over timestamp|rawBody', () => {
    expect(provider.verify(rawRequest(url, keys.headers(received), received))).toEqual({ ok: true });
  });

  it.each([
    [
      'a tampered body',
      () => rawRequest(url, keys.headers(received), received.replace('+4940123456789', '+4940999999999')),
    ],
    ['another key', () => rawRequest(url, telnyxKeys().headers(received), received)],
    [
      'a timestamp 301 s old',
      () => rawRequest(url, keys.headers(received, Math.floor(Date.now() / 1000) - 301), received),
    ],
    [
      'a timestamp 301 s ahead',
      () => rawRequest(url, keys.headers(received, Math.floor(Date.now() / 1000) + 301), received),
    ],
    ['no signature headers', () => rawRequest(url, { 'content-type': 'application/json' }, received)],
    [
      'a re-serialised body',
      () => rawRequest(url, keys.headers(received), JSON.stringify(JSON.parse(received))),
    ],
  ])('rejects %s', (_name, make) => {
    const verdict = provider.verify(make());
    expect(verdict.ok).toBe(false);
  });

  it('names a stale timestamp as the reason', () => {
    const verdict = provider.verify(rawRequest(url, keys.headers(received, 1_700_000_000), received));
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/stale timestamp/) });
  });

  it('refuses a configured key that is not a 32-byte Ed25519 key, naming the variable', () => {
    expect(() => createTelnyxProvider({ publicKey: 'c2hvcnQ=' })).toThrow(/FAXGATE_TELNYX_PUBLIC_KEY/);
  });
});

describe('Telnyx parse', () => {
  it('turns fax.received into one fax document keyed by fax_id, fetched from media_url', () => {
    const d = provider.parse(rawRequest(url, {}, received));
    expect(d.documents).toHaveLength(1);
    expect(d.documents[0]).toMatchObject({
      key: '6a09cdc3-8948-47f0-aa62-74ac943d6c58',
      meta: {
        channel: 'fax',
        provider: 'telnyx',
        from: '+4940123456789',
        to: '+4930987654321',
        warnings: [],
      },
      pageCount: 2,
      content: { kind: 'url', url: expect.stringMatching(/^https:\/\/s3\.amazonaws\.com\//) },
    });
  });

  it('carries partial_content as a warning and reads a "+" decoded to a space', () => {
    const body = JSON.parse(received);
    body.data.payload.partial_content = true;
    body.data.payload.from = ' 13122010119';
    const [doc] = provider.parse(rawRequest(url, {}, JSON.stringify(body))).documents;
    expect(doc?.meta.warnings).toEqual([PARTIAL_CONTENT_WARNING]);
    expect(doc?.meta.from).toBe('+13122010119');
  });

  it.each(['telnyx-fax.media.processing.started.json', 'telnyx-fax.failed.inbound.json'])(
    'records %s without a document',
    (name) => {
      const d = provider.parse(rawRequest(url, {}, fixtureText(name)));
      expect(d.documents).toEqual([]);
      expect(d.event.eventType).toMatch(/^fax\./);
    },
  );
});
