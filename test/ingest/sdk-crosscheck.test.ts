/**
 * The test signers agree with the providers' official SDKs: the Telnyx SDK (≥ 7.19, Ed25519 over
 * `timestamp|body`) accepts our signatures and rejects tampered or stale ones; the twilio
 * package validates the SignalWire-style signatures our helper produces.
 */
import { TelnyxWebhook } from 'telnyx/lib/webhooks';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { telnyxKeys, twilioSignature } from './helpers/sign.ts';

describe('test signers vs official SDKs', () => {
  const body = JSON.stringify({
    data: { event_type: 'fax.received', id: 'evt-1', payload: { fax_id: 'f-1' } },
  });

  it('telnyx SDK verifies our Ed25519 signature', async () => {
    const keys = telnyxKeys();
    const verifier = new TelnyxWebhook(keys.publicKeyBase64);
    await expect(verifier.verify(body, keys.headers(body))).resolves.toBeUndefined();
  });

  it('telnyx SDK rejects a tampered body, another key and a stale timestamp', async () => {
    const keys = telnyxKeys();
    const verifier = new TelnyxWebhook(keys.publicKeyBase64);
    await expect(verifier.verify(body.replace('f-1', 'f-2'), keys.headers(body))).rejects.toThrow();
    await expect(
      new TelnyxWebhook(telnyxKeys().publicKeyBase64).verify(body, keys.headers(body)),
    ).rejects.toThrow();
    const old = Math.floor(Date.now() / 1000) - 301;
    await expect(verifier.verify(body, keys.headers(body, old))).rejects.toThrow();
  });

  it('twilio validates the SignalWire-style signature', () => {
    const url = 'https://fax.example.ch/webhooks/fax/signalwire/received';
    const params = { FaxSid: 'FX1', From: '+41445551234', MediaUrl: 'https://files.signalwire.com/x.pdf' };
    const sig = twilioSignature('PSK_secret', url, params);
    expect(twilio.validateRequest('PSK_secret', sig, url, params)).toBe(true);
    expect(twilio.validateRequest('PSK_other', sig, url, params)).toBe(false);
  });
});
