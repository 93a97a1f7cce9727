/**
 * Signed, expiring URLs for the confirmation PDF a fax provider fetches (Telnyx `media_url`):
 * HMAC-SHA256 over the message id and the expiry, checked in constant time. Nothing else on
 * the gateway is reachable without a token, and this URL opens only one document for a while.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const mac = (key: string, messageId: string, expires: number) =>
  createHmac('sha256', key).update(`confirmation:${messageId}:${expires}`).digest('hex');

export const confirmationPdfPath = (messageId: string) =>
  `/public/v1/confirmations/${messageId}/confirmation.pdf`;

export function signedConfirmationUrl(
  publicUrl: string,
  key: string,
  messageId: string,
  ttlSeconds: number,
  now = Date.now(),
): string {
  const expires = Math.floor(now / 1000) + ttlSeconds;
  return `${publicUrl}${confirmationPdfPath(messageId)}?expires=${expires}&signature=${mac(key, messageId, expires)}`;
}

export function verifySignedUrl(
  key: string,
  messageId: string,
  expires: string | undefined,
  signature: string | undefined,
  now = Date.now(),
): 'ok' | 'expired' | 'invalid' {
  if (!expires || !signature || !/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(signature))
    return 'invalid';
  const expected = Buffer.from(mac(key, messageId, Number(expires)), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return 'invalid';
  return Number(expires) * 1000 < now ? 'expired' : 'ok';
}
