import { describe, expect, it } from 'vitest';
import { createSignalWireProvider, receivedUrl } from '../../../src/ingest/providers/signalwire.ts';
import { parseRequestFixture, twilioSignature } from '../helpers/sign.ts';
import { fixtureText, rawRequest } from './raw-request.ts';

const key = 'sw_test_signing_key';
const provider = createSignalWireProvider({ signingKey: key });

describe('SignalWire', () => {
  it.each(['signalwire-fax-incoming.form.txt', 'signalwire-fax-received-action.form.txt'])(
    'accepts the signature twilio 6.2.0 computed for %s, also with an explicit :443',
    (name) => {
      const f = parseRequestFixture(fixtureText(name));
      expect(provider.verify(rawRequest(`https://gw.example.com${f.path}`, f.headers, f.body))).toEqual({
        ok: true,
      });
      expect(provider.verify(rawRequest(`https://gw.example.com:443${f.path}`, f.headers, f.body))).toEqual({
        ok: true,
      });
      expect(provider.verify(rawRequest(`http://gw.example.com${f.path}`, f.headers, f.body)).ok).toBe(false);
      expect(
        createSignalWireProvider({ signingKey: 'x' }).verify(
          rawRequest(`https://gw.example.com${f.path}`, f.headers, f.body),
        ).ok,
      ).toBe(false);
    },
  );

  it('accepts X-Twilio-Signature too, and rejects a changed parameter', () => {
    const url = 'https://fax.example.ch/webhooks/fax/signalwire/received';
    const params = {
      FaxSid: 'FX1',
      From: '+41445551234',
      To: '+41445550100',
      FaxStatus: 'received',
      MediaUrl: 'https://a.signalwire.com/m',
    };
    const body = new URLSearchParams(params).toString();
    const sig = twilioSignature(key, url, params);
    expect(provider.verify(rawRequest(url, { 'x-twilio-signature': sig }, body))).toEqual({ ok: true });
    expect(
      provider.verify(rawRequest(url, { 'x-twilio-signature': sig }, body.replace('FX1', 'FX2'))).ok,
    ).toBe(false);
  });

  it('answers step 1 with cXML whose <Receive action> is the absolute /received URL under the public URL', () => {
    const f = parseRequestFixture(fixtureText('signalwire-fax-incoming.form.txt'));
    const d = provider.parse(
      rawRequest('https://fax.example.ch/base/webhooks/fax/signalwire', f.headers, f.body),
    );
    expect(d.documents).toEqual([]);
    expect(d.reply?.contentType).toMatch(/xml/);
    expect(d.reply?.body).toContain(
      '<Receive action="https://fax.example.ch/base/webhooks/fax/signalwire/received"',
    );
    expect(receivedUrl('https://h/webhooks/fax/signalwire/?a=1')).toBe(
      'https://h/webhooks/fax/signalwire/received',
    );
  });

  it('turns step 2 into a document keyed by FaxSid with MediaUrl to fetch', () => {
    const f = parseRequestFixture(fixtureText('signalwire-fax-received-action.form.txt'));
    const d = provider.parse(
      rawRequest('https://gw.example.com/webhooks/fax/signalwire/received', f.headers, f.body),
    );
    expect(d.documents[0]).toMatchObject({
      key: 'b3877c40-da60-4998-90ad-b792e98472fx',
      meta: { channel: 'fax', provider: 'signalwire', from: '+15551230000', to: '+15559870000' },
      pageCount: 2,
      content: { kind: 'url', url: expect.stringMatching(/^https:\/\/example\.signalwire\.com\//) },
    });
  });
});
