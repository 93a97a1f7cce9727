/**
 * The one contract every fax provider implements: check the raw request, then turn it into
 * inbound documents. The webhook route (src/api/webhooks/) does everything else — storing,
 * idempotency, enqueueing — the same way for all providers.
 */
import type { InboundMeta } from '../pipeline/types.ts';
import type { OutboundFaxOutcome } from './outbound-fax-status.ts';

export const FAX_PROVIDERS = ['telnyx', 'sinch', 'phaxio', 'signalwire'] as const;
export type FaxProviderName = (typeof FAX_PROVIDERS)[number];

/** A webhook request exactly as it arrived: signatures are computed over these bytes and this URL. */
export interface RawRequest {
  method: string;
  /**
   * The URL the provider called, as the provider saw it: FAXGATE_PUBLIC_URL + path and query
   * (TLS-terminating proxies rewrite scheme, host and port, so the local view would not match).
   */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  body: Buffer;
  receivedAt: Date;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Where the document's bytes are. */
export type InboundContent =
  | { kind: 'bytes'; bytes: Buffer }
  /** The provider sent a link only; the `fetch` worker step downloads it. */
  | { kind: 'url'; url: string }
  /** The delivery announces a fax but carries no way to get it; stored as a failed document. */
  | { kind: 'missing'; reason: string };

export interface InboundDocument {
  /** The provider's natural id for this fax: the same fax delivered again has the same key. */
  key: string;
  /** channel 'fax', provider set, caller and called number in E.164. */
  meta: InboundMeta;
  pageCount: number | null;
  /** The provider's ids (fax id, event id, …), kept with the document for support cases. */
  providerIds: Record<string, string>;
  content: InboundContent;
}

/** What one webhook request means. */
export interface Delivery {
  documents: InboundDocument[];
  /** Event type and provider ids for the log line; never numbers, never secrets. */
  event: Record<string, string | number | boolean | null>;
  /** An answer other than the default JSON acknowledgement (SignalWire's first request wants cXML). */
  reply?: { contentType: string; body: string };
  /** The delivered/failed verdict on a fax we sent (a confirmation), for the outbox. */
  outcome?: OutboundFaxOutcome;
}

export interface FaxProvider {
  readonly name: FaxProviderName;
  verify(raw: RawRequest): Verdict;
  /** Only called after `verify` passed. Malformed bodies throw HttpError 400. */
  parse(raw: RawRequest): Delivery;
}

export const pass: Verdict = { ok: true };
export const reject = (reason: string): Verdict => ({ ok: false, reason });
