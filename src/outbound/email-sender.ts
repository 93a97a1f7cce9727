/**
 * Sending the confirmation by e-mail over SMTP with nodemailer: a short text in the customer's
 * language and the PDF attached. One transport per SMTP URL, reused (pooled connections).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { CONFIRMATION_TEXTS } from '../erp/confirmation-texts.ts';
import type { Language } from '../erp/outbound-config.ts';

const transports = new Map<string, Transporter>();

function transport(smtpUrl: string): Transporter {
  let t = transports.get(smtpUrl);
  if (!t) {
    t = nodemailer.createTransport(smtpUrl, { connectionTimeout: 15_000, socketTimeout: 30_000 } as never);
    transports.set(smtpUrl, t);
  }
  return t;
}

export async function sendConfirmationEmail(opts: {
  smtpUrl: string;
  from: string;
  to: string;
  language: Language;
  reference: string;
  supplierName: string;
  pdf: Uint8Array;
  messageId: string;
}): Promise<{ provider: string; providerRef: string | null }> {
  const t = CONFIRMATION_TEXTS[opts.language];
  const info = await transport(opts.smtpUrl).sendMail({
    from: opts.from,
    to: opts.to,
    subject: `${t.title} – ${opts.reference}`,
    text: `${t.title} – ${opts.reference}\n\n${t.thanks}\n\n${opts.supplierName}\n`,
    // The outbox id makes re-deliveries recognisable to the recipient's mail system.
    messageId: `<${opts.messageId}@faxgate>`,
    attachments: [
      {
        filename: `${t.title.replace(/[^\p{L}\p{N}]+/gu, '-')}-${opts.reference.replace(/[^\w.-]+/g, '_')}.pdf`,
        content: Buffer.from(opts.pdf),
        contentType: 'application/pdf',
      },
    ],
  });
  return { provider: 'smtp', providerRef: info.messageId ?? null };
}

/** Closes pooled SMTP connections (worker shutdown). */
export function closeEmailTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
