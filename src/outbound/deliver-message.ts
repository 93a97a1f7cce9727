/**
 * One delivery attempt of one outbox row: the signed ERP push, or the confirmation by fax or
 * e-mail. Throws on failure so BullMQ retries with back-off; the caller records errors.
 */
import type { Config } from '../config.ts';
import { confirmationPdf } from '../erp/confirmation-pdf.ts';
import { erpOrderViews } from '../erp/erp-order-view.ts';
import { loadExportContext } from '../erp/export-context.ts';
import type { Language } from '../erp/outbound-config.ts';
import { CONTENT_TYPES, renderOrder } from '../erp/render-order.ts';
import type { OrderView } from '../store/order-mapper.ts';
import type { OutboundMessage } from '../store/outbound-store.ts';
import type { Stores } from '../store/stores.ts';
import { sendConfirmationEmail } from './email-sender.ts';
import { sendFax } from './fax-sender.ts';
import { faxStatusCallbackUrl } from './fax-status-url.ts';
import { expectOk, OUTBOUND_TIMEOUT_MS } from './http-error.ts';
import { signedConfirmationUrl } from './signed-url.ts';
import { webhookHeaders } from './webhook-signature.ts';

export interface Delivered {
  provider: string | null;
  providerRef: string | null;
}

/** The push body: a Standard Webhooks style envelope for JSON, the bare document for XML. */
export async function pushBody(
  config: Config,
  stores: Stores,
  order: OrderView,
): Promise<{ body: string; contentType: string }> {
  const format = config.erpPush.format;
  if (format === 'json') {
    // the same order JSON the ERP pulls from /erp/v1/orders/{id}
    const [data] = await erpOrderViews(stores, config, [order]);
    return {
      body: JSON.stringify({ type: 'order.confirmed', timestamp: new Date().toISOString(), data }),
      contentType: 'application/json',
    };
  }
  const ctx = await loadExportContext(stores, config, order);
  return { body: renderOrder(format, order, ctx), contentType: CONTENT_TYPES[format] };
}

async function push(
  config: Config,
  stores: Stores,
  msg: OutboundMessage,
  order: OrderView,
): Promise<Delivered> {
  const url = msg.target ?? config.erpPush.url;
  if (!url || !config.erpPush.secret)
    throw new Error('ERP push is not configured (FAXGATE_ERP_PUSH_URL, FAXGATE_ERP_PUSH_SECRET)');
  const { body, contentType } = await pushBody(config, stores, order);
  const res = await fetch(url, {
    method: 'POST',
    // webhook-id is the outbox id: the same on every retry and re-send, so the ERP can de-duplicate.
    headers: { 'content-type': contentType, ...webhookHeaders(config.erpPush.secret, msg.id, body) },
    body,
    redirect: 'error',
    signal: AbortSignal.timeout(OUTBOUND_TIMEOUT_MS),
  });
  await expectOk('ERP push endpoint', res);
  return { provider: 'webhook', providerRef: null };
}

/** The PDF as sent (and as served from the signed URL): same order, same language, same bytes. */
export async function confirmationFor(
  config: Config,
  stores: Stores,
  msg: OutboundMessage,
  order: OrderView,
) {
  const ctx = await loadExportContext(stores, config, order);
  // The letter's date is the confirmation's, so every rendering of it is identical.
  ctx.generatedAt = order.confirmedAt ?? order.updatedAt;
  const language = (msg.language ?? config.confirmations.defaultLanguage) as Language;
  return { pdf: await confirmationPdf(order, ctx, language), language };
}

async function confirm(
  config: Config,
  stores: Stores,
  msg: OutboundMessage,
  order: OrderView,
): Promise<Delivered> {
  if (!msg.target) throw new Error(`no ${msg.channel} address for the confirmation`);
  const { pdf, language } = await confirmationFor(config, stores, msg, order);
  if (msg.channel === 'fax') {
    const c = config.confirmations;
    const pdfUrl =
      config.publicUrl && c.urlSigningKey
        ? signedConfirmationUrl(config.publicUrl, c.urlSigningKey, msg.id, c.urlTtlSeconds)
        : null;
    return sendFax(c.fax, {
      to: msg.target,
      pdf,
      pdfUrl,
      orderId: order.id,
      messageId: msg.id,
      statusCallbackUrl: faxStatusCallbackUrl(config),
    });
  }
  const { smtpUrl, from } = config.confirmations.email;
  if (!smtpUrl || !from) throw new Error('e-mail confirmations need FAXGATE_SMTP_URL and FAXGATE_SMTP_FROM');
  return sendConfirmationEmail({
    smtpUrl,
    from,
    to: msg.target,
    language,
    reference: order.customerReference ?? order.id,
    supplierName: config.supplier.name,
    pdf,
    messageId: `${msg.id}.${msg.generation}`,
  });
}

export async function deliverMessage(
  config: Config,
  stores: Stores,
  msg: OutboundMessage,
): Promise<Delivered> {
  const order = await stores.orders.get(msg.orderId);
  if (!order) throw new Error(`order ${msg.orderId} is gone`);
  return msg.kind === 'erp-push' ? push(config, stores, msg, order) : confirm(config, stores, msg, order);
}
