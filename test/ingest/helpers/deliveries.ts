/**
 * Signed webhook requests as each provider sends them, for app.inject() and for the benchmark.
 * `publicUrl` is what FAXGATE_PUBLIC_URL says (URL-covering signatures use it).
 */
import { multipartBody, phaxioSignature, type TelnyxKeys, twilioSignature } from './sign.ts';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  payload: Buffer;
}

export const secrets = {
  sinchUser: 'sinch-user',
  sinchPassword: 'sinch-secret',
  phaxioToken: 'phaxio-callback-token',
  signalwireKey: 'signalwire-signing-key',
};

export const providerEnv = (telnyx: TelnyxKeys): Record<string, string> => ({
  FAXGATE_TELNYX_PUBLIC_KEY: telnyx.publicKeyBase64,
  FAXGATE_SINCH_USERNAME: secrets.sinchUser,
  FAXGATE_SINCH_PASSWORD: secrets.sinchPassword,
  FAXGATE_PHAXIO_CALLBACK_TOKEN: secrets.phaxioToken,
  FAXGATE_SIGNALWIRE_SIGNING_KEY: secrets.signalwireKey,
});

export interface Fax {
  id: string;
  from: string;
  to: string;
  /** Bytes for providers that post the file, URL for those that post a link. */
  bytes: Buffer;
  mediaUrl: string;
  partial?: boolean;
  eventType?: string;
}

export function telnyxDelivery(keys: TelnyxKeys, fax: Fax, timestamp?: number): WebhookRequest {
  const body = JSON.stringify({
    data: {
      event_type: fax.eventType ?? 'fax.received',
      id: `ev-${fax.id}`,
      occurred_at: new Date().toISOString(),
      payload: {
        call_duration_secs: 48,
        connection_id: '1447842681660114324',
        direction: 'inbound',
        fax_id: fax.id,
        from: fax.from,
        to: fax.to,
        media_url: fax.mediaUrl,
        page_count: 1,
        partial_content: fax.partial ?? false,
        status: 'received',
      },
      record_type: 'event',
    },
    meta: { attempt: 1, delivered_to: 'https://fax.example.ch/webhooks/fax/telnyx' },
  });
  return { url: '/webhooks/fax/telnyx', headers: keys.headers(body, timestamp), payload: Buffer.from(body) };
}

export function sinchDelivery(fax: Fax, password = secrets.sinchPassword): WebhookRequest {
  const sinchFax = {
    id: fax.id,
    direction: 'INBOUND',
    from: fax.from,
    to: fax.to,
    numberOfPages: 1,
    status: 'COMPLETED',
  };
  const { body, contentType } = multipartBody(
    { event: 'INCOMING_FAX', eventTime: new Date().toISOString(), fax: JSON.stringify(sinchFax) },
    { file: { filename: `${fax.id}.tif`, contentType: 'image/tiff', bytes: fax.bytes } },
  );
  return {
    url: '/webhooks/fax/sinch',
    headers: {
      'content-type': contentType,
      authorization: `Basic ${Buffer.from(`${secrets.sinchUser}:${password}`).toString('base64')}`,
    },
    payload: body,
  };
}

export function phaxioDelivery(publicUrl: string, fax: Fax, token = secrets.phaxioToken): WebhookRequest {
  const fields = {
    direction: 'received',
    fax: JSON.stringify({
      id: Number(fax.id),
      direction: 'received',
      num_pages: 1,
      status: 'success',
      from_number: fax.from,
      to_number: fax.to,
    }),
    is_test: 'false',
    success: 'true',
  };
  const { body, contentType } = multipartBody(fields, {
    file: { filename: 'fax.tif', contentType: 'image/tiff', bytes: fax.bytes },
  });
  const path = '/webhooks/fax/phaxio';
  const signature = phaxioSignature(token, publicUrl + path, fields, { file: fax.bytes });
  return {
    url: path,
    headers: { 'content-type': contentType, 'x-phaxio-signature': signature },
    payload: body,
  };
}

function signalwireRequest(
  publicUrl: string,
  path: string,
  params: Record<string, string>,
  key: string,
): WebhookRequest {
  return {
    url: path,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-signalwire-signature': twilioSignature(key, publicUrl + path, params),
    },
    payload: Buffer.from(new URLSearchParams(params).toString()),
  };
}

export function signalwireIncoming(publicUrl: string, fax: Fax, key = secrets.signalwireKey): WebhookRequest {
  return signalwireRequest(
    publicUrl,
    '/webhooks/fax/signalwire',
    { AccountSid: 'acc-1', ApiVersion: 'v1', FaxSid: fax.id, From: fax.from, To: fax.to },
    key,
  );
}

export function signalwireReceived(publicUrl: string, fax: Fax, key = secrets.signalwireKey): WebhookRequest {
  return signalwireRequest(
    publicUrl,
    '/webhooks/fax/signalwire/received',
    {
      AccountSid: 'acc-1',
      ApiVersion: 'v1',
      FaxSid: fax.id,
      From: fax.from,
      To: fax.to,
      RemoteStationId: fax.from.replace('+', ''),
      FaxStatus: 'received',
      NumPages: '1',
      MediaUrl: fax.mediaUrl,
    },
    key,
  );
}
