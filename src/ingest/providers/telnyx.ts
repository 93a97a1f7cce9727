/**
 * Telnyx Programmable Fax. One JSON POST per event; only `fax.received` (inbound) carries the
 * document, as a pre-signed `media_url` that the `fetch` step downloads. `fax.delivered` /
 * `fax.failed` of our outbound confirmations carry an outcome for the outbox; the other events
 * are logged and acknowledged. Signature: Ed25519 over `${telnyx-timestamp}|${rawBody}` with the
 * account public key (Mission Control → Keys & Credentials → Public Key), ±300 s.
 */
import { createPublicKey, type KeyObject, verify as verifySignature } from 'node:crypto';
import { FaxgateError, HttpError } from '../../errors.ts';
import { limits } from '../../limits.ts';
import { toE164 } from '../e164.ts';
import { telnyxOutcome } from '../outbound-fax-status.ts';
import {
  type Delivery,
  type FaxProvider,
  type InboundDocument,
  pass,
  type RawRequest,
  reject,
} from '../provider.ts';

interface TelnyxEvent {
  data?: {
    event_type?: string;
    id?: string;
    occurred_at?: string;
    payload?: {
      fax_id?: string;
      direction?: string;
      from?: string;
      to?: string;
      media_url?: string;
      page_count?: number;
      partial_content?: boolean;
      status?: string;
      failure_reason?: string;
    };
  };
  meta?: { attempt?: number };
}

export const PARTIAL_CONTENT_WARNING =
  'Telnyx reports the fax arrived incomplete (partial content): pages may be missing; compare with the sender.';

/** The account public key: base64 of the raw 32-byte Ed25519 key. */
export function telnyxPublicKey(base64: string): KeyObject {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) {
    throw new FaxgateError(
      'CONFIG',
      `configuration: FAXGATE_TELNYX_PUBLIC_KEY must be the base64 Ed25519 public key (32 bytes), got ${raw.length} bytes`,
    );
  }
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

export function createTelnyxProvider(opts: { publicKey: string; now?: () => number }): FaxProvider {
  const key = telnyxPublicKey(opts.publicKey);
  const now = opts.now ?? Date.now;

  return {
    name: 'telnyx',

    verify(raw: RawRequest) {
      const signature = raw.headers['telnyx-signature-ed25519'];
      const timestamp = raw.headers['telnyx-timestamp'];
      if (!signature || !timestamp)
        return reject('missing telnyx-signature-ed25519 or telnyx-timestamp header');
      if (!/^\d{1,12}$/.test(timestamp)) return reject('telnyx-timestamp is not a Unix time in seconds');
      const skew = Math.abs(now() / 1000 - Number(timestamp));
      if (skew > limits.webhookToleranceSeconds) {
        return reject(
          `stale timestamp: ${Math.round(skew)} s off (tolerance ${limits.webhookToleranceSeconds} s)`,
        );
      }
      const sig = Buffer.from(signature, 'base64');
      if (sig.length !== 64) return reject('telnyx-signature-ed25519 is not a 64-byte Ed25519 signature');
      const message = Buffer.concat([Buffer.from(`${timestamp}|`), raw.body]);
      return verifySignature(null, message, key, sig) ? pass : reject('Ed25519 signature does not match');
    },

    parse(raw: RawRequest): Delivery {
      let event: TelnyxEvent;
      try {
        event = JSON.parse(raw.body.toString('utf8')) as TelnyxEvent;
      } catch {
        throw new HttpError(400, 'BAD_REQUEST', 'Telnyx webhook body is not JSON');
      }
      const data = event.data;
      const p = data?.payload;
      if (!data?.event_type || !p)
        throw new HttpError(400, 'BAD_REQUEST', 'Telnyx webhook without data.payload');
      const summary = {
        eventType: data.event_type,
        eventId: data.id ?? null,
        faxId: p.fax_id ?? null,
        direction: p.direction ?? null,
        attempt: event.meta?.attempt ?? null,
        failureReason: p.failure_reason ?? null,
      };
      // Outbound events (our own confirmations) and the inbound progress events carry no document.
      if (data.event_type !== 'fax.received' || p.direction === 'outbound') {
        const outcome = telnyxOutcome(data.event_type, p, data.occurred_at);
        return { documents: [], event: summary, ...(outcome ? { outcome } : {}) };
      }
      if (!p.fax_id || !p.media_url) {
        throw new HttpError(400, 'BAD_REQUEST', 'Telnyx fax.received without fax_id or media_url');
      }
      const doc: InboundDocument = {
        key: p.fax_id,
        meta: {
          channel: 'fax',
          provider: 'telnyx',
          from: toE164(p.from),
          to: toE164(p.to),
          receivedAt: data.occurred_at ?? raw.receivedAt.toISOString(),
          warnings: p.partial_content === true ? [PARTIAL_CONTENT_WARNING] : [],
        },
        pageCount: typeof p.page_count === 'number' ? p.page_count : null,
        providerIds: { faxId: p.fax_id, ...(data.id ? { eventId: data.id } : {}) },
        content: { kind: 'url', url: p.media_url },
      };
      return { documents: [doc], event: summary };
    },
  };
}
