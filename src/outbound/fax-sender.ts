/**
 * Sending the confirmation back by fax through the provider's send API (request shapes from
 * PROVIDERS.md §5). Telnyx fetches the PDF from a signed, expiring URL; Sinch and Phaxio get the
 * file in the request, so no URL of ours is exposed for them; they get our status callback URL.
 * Each returns the provider's fax id, by which the later status events find the outbox row.
 */
import type { OutboundConfig } from '../erp/outbound-config.ts';
import { expectOk, OUTBOUND_TIMEOUT_MS } from './http-error.ts';

export interface FaxToSend {
  to: string;
  pdf: Uint8Array;
  /** Where the provider can fetch the PDF (only Telnyx needs it). */
  pdfUrl: string | null;
  orderId: string;
  messageId: string;
  /** Where Sinch / Phaxio post the fax's result (fax-status-url.ts); null: no result callback. */
  statusCallbackUrl?: string | null;
}

export interface FaxSent {
  provider: string;
  providerRef: string | null;
}

type FaxConfig = OutboundConfig['confirmations']['fax'];

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

/** Telnyx: POST /v2/faxes, Bearer key, JSON with media_url; 202 {data:{id}}. */
async function telnyx(cfg: FaxConfig, fax: FaxToSend): Promise<FaxSent> {
  if (!fax.pdfUrl) throw new Error('Telnyx needs a public URL for the PDF (FAXGATE_PUBLIC_URL)');
  const res = await fetch(`${cfg.telnyx.apiUrl}/v2/faxes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${cfg.telnyx.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      connection_id: cfg.telnyx.connectionId,
      from: cfg.from,
      to: fax.to,
      media_url: fax.pdfUrl,
      // Echoed in every fax webhook: ties status events back to the order.
      client_state: Buffer.from(JSON.stringify({ orderId: fax.orderId, messageId: fax.messageId })).toString(
        'base64',
      ),
    }),
    signal: AbortSignal.timeout(OUTBOUND_TIMEOUT_MS),
  });
  const body = (await expectOk('Telnyx fax API', res)) as { data?: { id?: string } } | null;
  return { provider: 'telnyx', providerRef: body?.data?.id ?? null };
}

/** Sinch Fax v3: POST /v3/projects/{id}/faxes, Basic key:secret, JSON with base64 files. */
async function sinch(cfg: FaxConfig, fax: FaxToSend): Promise<FaxSent> {
  const res = await fetch(
    `${cfg.sinch.apiUrl}/v3/projects/${encodeURIComponent(cfg.sinch.projectId ?? '')}/faxes`,
    {
      method: 'POST',
      headers: {
        authorization: basic(cfg.sinch.keyId ?? '', cfg.sinch.keySecret ?? ''),
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        to: fax.to,
        from: cfg.from,
        files: [{ file: Buffer.from(fax.pdf).toString('base64'), fileType: 'PDF' }],
        labels: { orderId: fax.orderId, messageId: fax.messageId },
        ...(fax.statusCallbackUrl
          ? { callbackUrl: fax.statusCallbackUrl, callbackUrlContentType: 'application/json' }
          : {}),
      }),
      signal: AbortSignal.timeout(OUTBOUND_TIMEOUT_MS),
    },
  );
  const body = (await expectOk('Sinch fax API', res)) as { id?: string } | null;
  return { provider: 'sinch', providerRef: body?.id ?? null };
}

/** Phaxio v2.1: POST /v2.1/faxes, Basic key:secret, multipart with the file; {success, data:{id}}. */
async function phaxio(cfg: FaxConfig, fax: FaxToSend): Promise<FaxSent> {
  const form = new FormData();
  form.append('to', fax.to);
  if (cfg.from) form.append('caller_id', cfg.from);
  form.append('file', new Blob([fax.pdf], { type: 'application/pdf' }), 'confirmation.pdf');
  form.append('tag[order_id]', fax.orderId);
  form.append('tag[message_id]', fax.messageId);
  if (fax.statusCallbackUrl) form.append('callback_url', fax.statusCallbackUrl);
  const res = await fetch(`${cfg.phaxio.apiUrl}/v2.1/faxes`, {
    method: 'POST',
    headers: { authorization: basic(cfg.phaxio.apiKey ?? '', cfg.phaxio.apiSecret ?? '') },
    body: form,
    signal: AbortSignal.timeout(OUTBOUND_TIMEOUT_MS),
  });
  const body = (await expectOk('Phaxio fax API', res)) as {
    success?: boolean;
    message?: string;
    data?: { id?: number | string };
  } | null;
  if (body && body.success === false)
    throw new Error(`Phaxio refused the fax: ${body.message ?? 'no reason given'}`);
  return { provider: 'phaxio', providerRef: body?.data?.id != null ? String(body.data.id) : null };
}

export async function sendFax(cfg: FaxConfig, fax: FaxToSend): Promise<FaxSent> {
  if (cfg.provider === 'telnyx') return telnyx(cfg, fax);
  if (cfg.provider === 'sinch') return sinch(cfg, fax);
  if (cfg.provider === 'phaxio') return phaxio(cfg, fax);
  throw new Error('no fax provider configured for confirmations (FAXGATE_CONFIRMATION_FAX_PROVIDER)');
}
