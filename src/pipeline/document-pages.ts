/**
 * One document's bytes → its pages, whatever arrived: e-mails are unpacked (attachments and body),
 * everything else goes to the pages stage. The offline CLI and the worker both call this, so the
 * pages a clerk sees are exactly the pages that were read.
 */
import { DocumentError } from '../errors.ts';
import { emailToPages } from './email/email-to-pages.ts';
import { sniffType } from './pages/sniff-type.ts';
import { splitPages } from './pages/split-pages.ts';
import type { InboundMeta, RawPage } from './types.ts';

export interface DocumentPages {
  pages: RawPage[];
  meta: InboundMeta;
  warnings: string[];
  extra: Record<string, unknown>;
}

export async function documentPages(bytes: Uint8Array, meta: InboundMeta): Promise<DocumentPages> {
  if (bytes.length === 0) throw new DocumentError('EMPTY_DOCUMENT', 'The document is empty (0 bytes).');
  const type = sniffType(bytes);
  if (type === null) {
    throw new DocumentError('UNSUPPORTED_TYPE', 'The document is not a PDF, TIFF, PNG, JPEG or e-mail file.');
  }
  if (type !== 'eml') return { pages: await splitPages(bytes), meta, warnings: [], extra: {} };
  const mail = await emailToPages(bytes, splitPages);
  const merged: InboundMeta = {
    ...meta,
    channel: 'email',
    // a fax-to-e-mail relay's address says nothing about the customer; its fax number does
    from: mail.meta.faxNumber ?? (meta.from || mail.meta.from) ?? null,
    receivedAt: meta.receivedAt ?? mail.meta.receivedAt ?? null,
  };
  // the relay's address is not the customer: keep the transport's `from` only for ordinary mail
  if (mail.meta.relay) merged.from = mail.meta.faxNumber ?? null;
  // a relay's subject is its own ("Fax from +41 44…"); the customer's names their order
  if (mail.meta.subject && !mail.meta.relay) merged.subject = mail.meta.subject;
  // what the clerk sees beside the draft: the message's own subject and date
  const extra: Record<string, unknown> = {};
  if (mail.meta.subject) extra.subject = mail.meta.subject;
  if (mail.meta.date) extra.date = mail.meta.date;
  if (mail.meta.messageId) extra.messageId = mail.meta.messageId;
  if (mail.meta.faxNumber) extra.faxNumber = mail.meta.faxNumber;
  if (mail.meta.relay) extra.faxRelay = true;
  // one group per attachment (and the body): the extract step makes one draft per group
  if (mail.groups.length > 1) extra.pageGroups = mail.groups;
  return { pages: mail.pages, meta: merged, warnings: mail.warnings, extra };
}
