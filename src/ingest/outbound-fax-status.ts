/**
 * The provider's later verdict on a confirmation fax we sent (PROVIDERS.md §5): Telnyx posts
 * `fax.delivered` / `fax.failed` with `direction: outbound` to its one fax webhook; Sinch posts
 * `FAX_COMPLETED` and Phaxio its send callback to the callback URL given in the send request
 * (statusCallbackPath). Each is read into one outcome keyed by the provider's fax id, which the
 * sender saved on the outbox row. Progress events (queued, sending…) are no outcome: null.
 */
import { HttpError } from '../errors.ts';
import { fieldValue, multipartBoundary, parseMultipart } from './multipart-body.ts';
import type { RawRequest } from './provider.ts';

export interface OutboundFaxOutcome {
  faxId: string;
  status: 'delivered' | 'failed';
  /** The provider's reason for a failure, as it gives it (shown to the clerk). */
  reason: string | null;
  /** When the provider says the fax completed. */
  at: string | null;
}

/** Where Sinch and Phaxio post the result of a fax we sent; under FAXGATE_PUBLIC_URL. */
export const statusCallbackPath = (provider: 'sinch' | 'phaxio') => `/webhooks/fax/${provider}/status`;

const reasonOf = (...parts: Array<string | number | null | undefined>) => {
  const text = parts.filter((p) => p !== null && p !== undefined && String(p).trim() !== '').join(': ');
  return text || null;
};

export function telnyxOutcome(
  eventType: string,
  payload: { fax_id?: string; direction?: string; failure_reason?: string },
  occurredAt: string | undefined,
): OutboundFaxOutcome | null {
  if (payload.direction !== 'outbound' || !payload.fax_id) return null;
  if (eventType === 'fax.delivered')
    return { faxId: payload.fax_id, status: 'delivered', reason: null, at: occurredAt ?? null };
  if (eventType === 'fax.failed') {
    return {
      faxId: payload.fax_id,
      status: 'failed',
      reason: `Telnyx: ${payload.failure_reason ?? 'fax failed (no reason given)'}`,
      at: occurredAt ?? null,
    };
  }
  return null;
}

const bad = (provider: string, why: string) =>
  new HttpError(400, 'BAD_REQUEST', `${provider} status callback: ${why}`);

function jsonField<T>(provider: string, text: string | null | undefined, what: string): T {
  if (!text) throw bad(provider, `no ${what}`);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw bad(provider, `${what} is not JSON`);
  }
}

interface SinchFax {
  id?: string;
  status?: string;
  errorType?: string;
  errorCode?: number | string;
  errorMessage?: string;
  completedTime?: string;
}

/** Sinch FAX_COMPLETED, multipart (fields event, fax = JSON string) or JSON ({event, fax}). */
export function sinchOutcome(raw: RawRequest): OutboundFaxOutcome | null {
  const boundary = multipartBoundary(raw.headers['content-type']);
  let event: string | null;
  let fax: SinchFax;
  if (boundary) {
    const form = parseMultipart(raw.body, boundary);
    event = fieldValue(form, 'event');
    fax = jsonField<SinchFax>('Sinch', fieldValue(form, 'fax'), 'fax field');
  } else {
    const body = jsonField<{ event?: string; fax?: SinchFax }>('Sinch', raw.body.toString('utf8'), 'body');
    event = body.event ?? null;
    fax = body.fax ?? {};
  }
  if (event !== 'FAX_COMPLETED' || !fax.id) return null;
  const at = fax.completedTime ?? null;
  if (fax.status === 'COMPLETED') return { faxId: String(fax.id), status: 'delivered', reason: null, at };
  if (fax.status === 'FAILURE') {
    const reason = reasonOf(fax.errorType, fax.errorCode, fax.errorMessage) ?? 'fax failed (no reason given)';
    return { faxId: String(fax.id), status: 'failed', reason: `Sinch: ${reason}`, at };
  }
  return null;
}

interface PhaxioFax {
  id?: number | string;
  status?: string;
  error_type?: string | null;
  error_message?: string | null;
  error_id?: number | null;
  completed_at?: string | null;
  recipients?: Array<{ status?: string; error_type?: string | null; error_message?: string | null }>;
}

/** Phaxio's send callback: multipart with `fax` (JSON string), `success`, `direction=sent`. */
export function phaxioOutcome(raw: RawRequest): OutboundFaxOutcome | null {
  const boundary = multipartBoundary(raw.headers['content-type']);
  if (!boundary) throw bad('Phaxio', 'not multipart/form-data');
  const form = parseMultipart(raw.body, boundary);
  const fax = jsonField<PhaxioFax>('Phaxio', fieldValue(form, 'fax'), 'fax field');
  if (fax.id === undefined || fax.id === null) return null;
  const at = fax.completed_at ?? null;
  const status = fax.status ?? (fieldValue(form, 'success') === 'true' ? 'success' : undefined);
  if (status === 'success') return { faxId: String(fax.id), status: 'delivered', reason: null, at };
  if (status === 'failure' || status === 'partialsuccess') {
    const recipient = fax.recipients?.find((r) => r.status === 'failure');
    const reason =
      reasonOf(fax.error_type, fax.error_message) ??
      reasonOf(recipient?.error_type, recipient?.error_message) ??
      'fax failed (no reason given)';
    return { faxId: String(fax.id), status: 'failed', reason: `Phaxio: ${reason}`, at };
  }
  return null;
}
