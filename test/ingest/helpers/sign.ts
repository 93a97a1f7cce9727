/**
 * Signing as the providers do, independent of src/ingest so a shared mistake cannot make both
 * sides agree: Twilio-style signatures (SignalWire) come from the official `twilio` package;
 * Telnyx is signed with node:crypto as Telnyx documents it (no SDK can sign — it only holds the
 * public key), and test/ingest/sdk-crosscheck.test.ts proves the official `telnyx` SDK (≥ 7.19)
 * accepts those signatures; Phaxio has no SDK verifier, so its algorithm is written out here and
 * checked against the provider's own known-good fixture.
 */
import { createHash, createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import twilio from 'twilio';

export interface TelnyxKeys {
  /** What Mission Control shows: base64 of the raw 32-byte Ed25519 public key. */
  publicKeyBase64: string;
  /** Headers for `body` signed at `timestamp` (Unix seconds). */
  headers(body: string | Buffer, timestamp?: number): Record<string, string>;
}

export function telnyxKeys(): TelnyxKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as { x: string };
  return {
    publicKeyBase64: Buffer.from(jwk.x, 'base64url').toString('base64'),
    headers: (body, timestamp = Math.floor(Date.now() / 1000)) => telnyxHeaders(privateKey, body, timestamp),
  };
}

function telnyxHeaders(key: KeyObject, body: string | Buffer, timestamp: number): Record<string, string> {
  const message = Buffer.concat([Buffer.from(`${timestamp}|`), Buffer.from(body)]);
  return {
    'telnyx-signature-ed25519': sign(null, message, key).toString('base64'),
    'telnyx-timestamp': String(timestamp),
    'content-type': 'application/json',
  };
}

/** X-Twilio-Signature / X-SignalWire-Signature, computed by the official twilio package. */
export function twilioSignature(key: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(key, url, params);
}

/** X-Phaxio-Signature per phaxio-ruby Webhook#generate_check_signature. */
export function phaxioSignature(
  token: string,
  url: string,
  params: Record<string, string>,
  files: Record<string, Buffer>,
): string {
  let data = url;
  for (const k of Object.keys(params).sort()) data += k + params[k];
  for (const k of Object.keys(files).sort()) data += k + createHash('sha1').update(files[k]!).digest('hex');
  return createHmac('sha1', token).update(data).digest('hex');
}

/** A multipart/form-data body with text fields and file parts. */
export function multipartBody(
  fields: Record<string, string>,
  files: Record<string, { filename: string; contentType: string; bytes: Buffer }>,
): { body: Buffer; contentType: string } {
  const boundary = `fgwh${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const [k, f] of Object.entries(files)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.filename}"\r\n` +
          `Content-Type: ${f.contentType}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A `.txt` fixture (whole HTTP request after `#` lines) → headers and body bytes. */
export function parseRequestFixture(text: string): {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
} {
  const request = text.replace(/^(#.*\n)+/, '');
  const split = request.indexOf('\r\n\r\n');
  const head = request.slice(0, split).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { path: head[0]!.split(' ')[1]!, headers, body: Buffer.from(request.slice(split + 4), 'utf8') };
}
