/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): headers `webhook-id`,
 * `webhook-timestamp` (Unix seconds) and `webhook-signature` = `v1,` + base64 HMAC-SHA256 over
 * `${id}.${timestamp}.${body}`. The id stays the same across retries so receivers can de-duplicate.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signWebhook(secret: Buffer, id: string, timestamp: number, body: string | Buffer): string {
  const mac = createHmac('sha256', secret).update(`${id}.${timestamp}.`).update(body).digest('base64');
  return `v1,${mac}`;
}

export function webhookHeaders(secret: Buffer, id: string, body: string | Buffer, now = Date.now()) {
  const timestamp = Math.floor(now / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, id, timestamp, body),
  };
}

/**
 * What a receiver does: recompute and compare (any of the space-separated `v1,` signatures may
 * match, per the spec, for key rotation) and reject stale timestamps (replays).
 */
export function verifyWebhook(
  secret: Buffer,
  headers: Record<string, string | string[] | undefined>,
  body: string | Buffer,
  opts: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const h = (n: string) => {
    const v = headers[n];
    return Array.isArray(v) ? v[0] : v;
  };
  const id = h('webhook-id');
  const ts = h('webhook-timestamp');
  const sig = h('webhook-signature');
  if (!id || !ts || !sig || !/^\d+$/.test(ts)) return false;
  const now = Math.floor((opts.now ?? Date.now()) / 1000);
  if (Math.abs(now - Number(ts)) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, id, Number(ts), body).slice(3), 'base64');
  return sig.split(' ').some((s) => {
    if (!s.startsWith('v1,')) return false;
    const got = Buffer.from(s.slice(3), 'base64');
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}
