/**
 * Rebuilds an RFC 5322 message from a provider's parsed fields (Mailgun and SendGrid parsed
 * mode, Postmark JSON) with nodemailer's MIME composer. Header values come from the Internet:
 * line breaks and control characters are removed before they reach a header, so a field can
 * never add a header of its own (nodemailer folds them away too; this does not rely on it).
 */
import MailComposer from 'nodemailer/lib/mail-composer';

export interface EmlFields {
  from: string | null;
  to: string | null;
  cc?: string | null;
  subject: string | null;
  /** The Date header as sent; unparseable dates are left out rather than replaced by now. */
  date: string | null;
  messageId: string | null;
  text: string | null;
  html: string | null;
  attachments: Array<{ filename: string; contentType: string | null; content: Buffer; cid?: string | null }>;
}

/** One header line's worth of text: no CR, LF or other control characters. */
export const headerSafe = (v: string | null | undefined): string | undefined => {
  if (v === null || v === undefined) return undefined;
  const s = v.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return s || undefined;
};

/** Message-ID without brackets and whitespace, or null. */
export function normalizeMessageId(v: string | null | undefined): string | null {
  const s = headerSafe(v)
    ?.replace(/^<+|>+$/g, '')
    .trim();
  return s && s.length <= 500 ? s : null;
}

export async function composeEml(f: EmlFields): Promise<Buffer> {
  const date = f.date ? new Date(f.date) : null;
  const messageId = normalizeMessageId(f.messageId);
  const composer = new MailComposer({
    from: headerSafe(f.from),
    to: headerSafe(f.to),
    cc: headerSafe(f.cc),
    subject: headerSafe(f.subject) ?? '',
    ...(date && !Number.isNaN(date.getTime()) ? { date } : {}),
    ...(messageId ? { messageId: `<${messageId}>` } : {}),
    ...(f.text ? { text: f.text } : {}),
    ...(f.html ? { html: f.html } : {}),
    attachments: f.attachments.map((a) => ({
      filename: headerSafe(a.filename) ?? 'attachment',
      content: a.content,
      contentType: headerSafe(a.contentType) ?? 'application/octet-stream',
      ...(a.cid ? { cid: headerSafe(a.cid)?.replace(/^<|>$/g, '') } : {}),
    })),
  });
  return composer.compile().build();
}
