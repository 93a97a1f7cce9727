/**
 * An e-mail → pages. Attachments that are documents (PDF, TIFF, PNG, JPEG, by magic bytes) go
 * through the pages stage; the body becomes one text page when it holds order content. Fax-to-e-mail
 * relays put the real sender's fax number in the subject/body: that number identifies the customer.
 */
import { simpleParser } from 'mailparser';
import { DocumentError } from '../../errors.ts';
import { normalizeFax } from '../../masterdata/normalize-fax.ts';
import { sniffType } from '../pages/sniff-type.ts';
import type { InboundMeta, RawPage } from '../types.ts';
import { textToPage } from './body-page.ts';
import { stripQuoted } from './strip-quoted.ts';

export interface EmailPages {
  pages: RawPage[];
  meta: Partial<InboundMeta> & { subject?: string; date?: string; faxNumber?: string };
  warnings: string[];
}

/** Small images are logos and signature pictures, not faxes or scans. */
const MIN_IMAGE_BYTES = 10 * 1024;
const RELAY =
  /\b(fax\s*(?:from|von|de|da)|message\s+from|nachricht\s+von|fax2mail|faxmail|received\s+a\s+fax|neues?\s+fax|telefax)\b/i;
const FAX_NUMBER = /(?:\+|00)\d[\d\s()/.-]{7,18}\d|\b0\d{2}[\s/.-]?\d{3}[\s.-]?\d{2}[\s.-]?\d{2}\b/;

/** Text that looks like an order: an article-like token next to a number, or order words. */
function holdsOrderContent(text: string): boolean {
  const t = text.replace(/\s+/g, ' ');
  if (t.length < 10) return false;
  const orderWords =
    /\b(bestell|order|commande|ordin|liefern|deliver|livr|consegn|menge|qty|stk|stück|pcs|pezzi|pièces)/i.test(
      t,
    );
  const articleLike = /\b[A-Z]{0,3}[-\d.]{0,3}\d{3,}[-.\dA-Z]*\b/.test(t);
  return orderWords && articleLike;
}

function relayFaxNumber(subject: string, body: string): string | undefined {
  const text = `${subject}\n${body}`;
  if (!RELAY.test(text)) return undefined;
  for (const src of [subject, ...body.split(/\r?\n/)]) {
    if (!/\b(fax|from|von|de|da|absender|sender|caller|calling|csid|tsid)\b/i.test(src) && src !== subject)
      continue;
    const m = src.match(FAX_NUMBER);
    const e = m ? normalizeFax(m[0].replace(/[()/.-]/g, ' ')) : null;
    if (e) return e;
  }
  return undefined;
}

export async function emailToPages(
  bytes: Uint8Array,
  splitPages: (b: Uint8Array) => Promise<RawPage[]>,
): Promise<EmailPages> {
  let mail: Awaited<ReturnType<typeof simpleParser>>;
  try {
    mail = await simpleParser(Buffer.from(bytes), { skipImageLinks: true, skipTextLinks: true });
  } catch (err) {
    throw new DocumentError('CORRUPT_DOCUMENT', 'The e-mail could not be read.', undefined, err);
  }
  const warnings: string[] = [];
  const subject = mail.subject ?? '';
  const html = typeof mail.html === 'string' ? mail.html : '';
  const bodyText = mail.text ?? '';
  const fromAddr = mail.from?.value[0]?.address?.toLowerCase();
  const faxNumber = relayFaxNumber(subject, bodyText);

  const pages: RawPage[] = [];
  const addPages = (ps: RawPage[]): void => {
    for (const p of ps) pages.push({ ...p, page: pages.length + 1 });
  };
  for (const att of mail.attachments) {
    const content = new Uint8Array(att.content);
    const type = sniffType(content);
    if (type === null || type === 'eml') continue;
    const isImage = type === 'png' || type === 'jpeg';
    // inline pictures referenced from the HTML (cid:) and small images are logos/signatures
    if (isImage && (content.length < MIN_IMAGE_BYTES || (att.cid && html.includes(`cid:${att.cid}`))))
      continue;
    try {
      addPages(await splitPages(content));
    } catch (err) {
      if (!(err instanceof DocumentError)) throw err;
      warnings.push(`attachment ${att.filename ?? '(unnamed)'} skipped: ${err.message}`);
    }
  }
  const own = stripQuoted(bodyText);
  if (!faxNumber && holdsOrderContent(own)) addPages([textToPage(own, pages.length + 1)]);
  if (pages.length === 0) {
    throw new DocumentError(
      'NO_PAGES',
      'The e-mail contains neither an order text nor a readable attachment.',
    );
  }
  const meta: EmailPages['meta'] = {
    channel: 'email',
    from: faxNumber ?? fromAddr ?? null,
    subject,
  };
  if (mail.date) meta.date = mail.date.toISOString();
  if (mail.date) meta.receivedAt = mail.date.toISOString();
  if (faxNumber) meta.faxNumber = faxNumber;
  return { pages, meta, warnings };
}
