/**
 * An e-mail → pages, grouped by where they came from. Every order attachment (PDF, TIFF, PNG,
 * JPEG by magic bytes — whatever the Content-Disposition says, since inline PDFs are common) is
 * one group; the body is one more group when it holds order text. Several groups are several
 * orders: the extract step makes one draft per group, all linked to this one message.
 * Forwarded messages (message/rfc822) are unpacked by mailparser: their attachments are listed
 * with the outer ones. An order exported as a CSV or text file is read like an order in the body.
 * Archives and office documents are refused with a reason the clerk can pass on.
 * Fax-to-e-mail relays put the real sender's fax number in the subject/body: that number
 * identifies the customer, never the relay's address.
 */
import { parse } from 'csv-parse/sync';
import { simpleParser } from 'mailparser';
import { DocumentError } from '../../errors.ts';
import { enforce, limits } from '../../limits.ts';
import { normalizeUnit } from '../extract/units.ts';
import { sniffType } from '../pages/sniff-type.ts';
import type { InboundMeta, RawPage } from '../types.ts';
import { textToPage } from './body-page.ts';
import { detectFaxRelay } from './fax-relay.ts';
import { htmlToText } from './html-to-text.ts';
import { forwardedText, stripQuoted } from './strip-quoted.ts';

/** Pages that belong together: one attachment, or the body. */
export interface PageGroup {
  /** `attachment:<file name>` or `body`. */
  source: string;
  /** 1-based page numbers within the document. */
  pages: number[];
}

export interface EmailPages {
  pages: RawPage[];
  groups: PageGroup[];
  meta: Partial<InboundMeta> & {
    subject?: string;
    date?: string;
    messageId?: string;
    faxNumber?: string;
    relay?: boolean;
  };
  warnings: string[];
}

/** Small images are logos and signature pictures, not faxes or scans. */
const MIN_IMAGE_BYTES = 10 * 1024;
const ARCHIVE_NAME = /\.(zip|rar|7z|gz|tgz|tar|bz2|xz|cab|arj|lzh)$/i;

function archiveKind(bytes: Uint8Array, filename: string | undefined): string | null {
  const b = bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05 || b[2] === 0x07)) return 'zip';
  if (b[0] === 0x52 && b[1] === 0x61 && b[2] === 0x72 && b[3] === 0x21) return 'rar';
  if (b[0] === 0x37 && b[1] === 0x7a && b[2] === 0xbc && b[3] === 0xaf) return '7z';
  if (b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  const ext = filename ? ARCHIVE_NAME.exec(filename) : null;
  return ext ? ext[1]!.toLowerCase() : null;
}

const OFFICE_NAME = /\.(xlsx?|xlsm|xlsb|docx?|docm|odt|ods|rtf|numbers|pages)$/i;
const TEXT_NAME = /\.(csv|tsv|txt)$/i;

function isTextAttachment(contentType: string | undefined, name: string): boolean {
  const type = (contentType ?? '').toLowerCase();
  return (
    TEXT_NAME.test(name) ||
    type === 'text/csv' ||
    type === 'text/tab-separated-values' ||
    type === 'text/plain'
  );
}

/**
 * A text attachment's content: UTF-8 if it is valid UTF-8 (a byte-order mark dropped), else
 * Windows-1252, what spreadsheet exports on Windows write. Comma-separated rows (quoted fields
 * allowed) become tab-separated, so their table keeps its columns like ";" and tab rows do.
 */
export function attachmentText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (lines.some((l) => l.includes(';') || l.includes('\t'))) return text; // laid out already
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, relax_quotes: true, trim: true, skip_empty_lines: true });
  } catch {
    return text;
  }
  // a comma table: most lines split into the same number of fields, three or more
  const often = new Map<number, number>();
  for (const r of rows) if (r.length >= 3) often.set(r.length, (often.get(r.length) ?? 0) + 1);
  const [, n] = [...often].sort((x, y) => y[1] - x[1])[0] ?? [0, 0];
  if (n < Math.max(2, rows.length * 0.6)) return text;
  return rows.map((r) => r.join('\t')).join('\n');
}

const ARTICLE_LIKE = /\b[A-Z]{0,3}[-\d.]{0,3}\d{3,}[-.\dA-Z]*\b/;

/** "12 Pack", "10 pz.", "2x": a count and a unit word. */
const countWithUnit = (s: string): boolean =>
  [...s.matchAll(/(?:^|\s)\d+(?:[.,]\d+)?\s*(x|×|\p{L}+)\.?(?=\s|$|[,;])/giu)].some(
    (m) => /^(?:x|×|sack|säcke|fl)$/i.test(m[1]!) || normalizeUnit(m[1]!) !== null,
  );

/**
 * Text that looks like an order: order words (in the text or the subject) and an article-like
 * token, or two lines that order ("4 Stk ART-1", "10 pz. 0001620 occhiali", "10-4711: 12 Pack").
 */
function holdsOrderContent(text: string, subject: string): boolean {
  const t = text.replace(/\s+/g, ' ');
  if (t.length < 10) return false;
  const orderWords =
    /\b(bestell|order|commande|ordin|liefern|deliver|livr|consegn|fornir|menge|qty|stk|stück|pcs|pezzi|pièces)/i.test(
      `${subject} ${t}`,
    );
  // a count with a unit that opens a line, or stands beside an article number; postcodes and
  // phone lines have none
  const orderLines = text
    .split(/\r?\n/)
    .filter((l) => /^\s*\d/.test(l) || ARTICLE_LIKE.test(l))
    .filter((l) => countWithUnit(l)).length;
  return (orderWords && ARTICLE_LIKE.test(t)) || orderLines >= 2;
}

/** A body part exists in the raw MIME (mailparser fills `text` from HTML when there is none). */
const hasPlainPart = (raw: Buffer) => /content-type:\s*text\/plain/i.test(raw.toString('latin1'));

export async function emailToPages(
  bytes: Uint8Array,
  splitPages: (b: Uint8Array) => Promise<RawPage[]>,
): Promise<EmailPages> {
  const raw = Buffer.from(bytes);
  // mailparser recurses into every message/rfc822 part; a message of nested messages is a bomb
  const nested = (raw.toString('latin1').match(/content-type:\s*message\/rfc822/gi) ?? []).length;
  enforce('forwarded messages inside the e-mail', nested, limits.maxEmailNesting);
  let mail: Awaited<ReturnType<typeof simpleParser>>;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true, skipHtmlToText: false });
  } catch (err) {
    throw new DocumentError('CORRUPT_DOCUMENT', 'The e-mail could not be read.', undefined, err);
  }
  enforce('attachments in the e-mail', mail.attachments.length, limits.maxEmailAttachments);
  const warnings: string[] = [];
  const subject = (mail.subject ?? '').replace(/[\r\n]+/g, ' ').trim();
  const html = typeof mail.html === 'string' ? mail.html : '';
  const bodyText = (
    html && !hasPlainPart(raw) ? htmlToText(html) : (mail.text ?? (html ? htmlToText(html) : ''))
  ).slice(0, limits.maxEmailBodyChars);
  const fromAddr = mail.from?.value[0]?.address?.toLowerCase();
  const relay = detectFaxRelay(fromAddr, subject, bodyText);

  const pages: RawPage[] = [];
  const groups: PageGroup[] = [];
  const addGroup = (source: string, ps: RawPage[]): void => {
    const numbers: number[] = [];
    for (const p of ps) {
      pages.push({ ...p, page: pages.length + 1 });
      numbers.push(pages.length);
    }
    if (numbers.length) groups.push({ source, pages: numbers });
  };
  for (const att of mail.attachments) {
    const content = new Uint8Array(att.content);
    const name = att.filename ?? '(unnamed)';
    // (office files are zip containers too: say what they are, not "archive")
    if (OFFICE_NAME.test(name)) {
      warnings.push(
        `attachment ${name} not read: office documents are not supported — ask the sender for a PDF, or a CSV file`,
      );
      continue;
    }
    if (isTextAttachment(att.contentType, name) && sniffType(content) === null) {
      // an order exported as CSV or text: read like an order in the body, its table in columns
      // (as long as a body may be: an export of a whole price list is no order page)
      const text = attachmentText(content).slice(0, limits.maxEmailBodyChars);
      if (holdsOrderContent(text, subject))
        addGroup(`attachment:${name}`, [textToPage(text, pages.length + 1)]);
      else warnings.push(`attachment ${name} skipped: it holds no order lines`);
      continue;
    }
    const archive = archiveKind(content, att.filename);
    if (archive) {
      warnings.push(
        `attachment ${name} refused: archives (${archive}) are not opened — ask the sender to attach the PDF or image itself`,
      );
      continue;
    }
    const type = sniffType(content);
    if (type === null || type === 'eml') {
      if (/\.(pdf|tiff?|png|jpe?g)$/i.test(name))
        warnings.push(`attachment ${name} skipped: it is not a readable PDF or image`);
      continue; // vCards, signatures (p7s), calendar items, office files…
    }
    const isImage = type === 'png' || type === 'jpeg';
    // inline pictures referenced from the HTML (cid:) and small images are logos/signatures
    if (isImage && (content.length < MIN_IMAGE_BYTES || (att.cid && html.includes(`cid:${att.cid}`))))
      continue;
    try {
      addGroup(`attachment:${name}`, await splitPages(content));
    } catch (err) {
      if (!(err instanceof DocumentError)) throw err;
      warnings.push(`attachment ${name} skipped: ${err.message}`);
    }
    enforce('pages in the e-mail', pages.length, limits.maxPages);
  }
  let own = stripQuoted(bodyText);
  // "bitte erfassen" above a forwarded order: the order is what the forward carries
  if (!holdsOrderContent(own, subject)) {
    const forwarded = forwardedText(bodyText, subject);
    if (forwarded && holdsOrderContent(forwarded, subject)) own = `${own}\n\n${forwarded}`;
  }
  // a relay's body is a notification ("You have received a 2 page fax"), never the order
  if (!relay.relay && holdsOrderContent(own, subject)) addGroup('body', [textToPage(own, pages.length + 1)]);
  if (pages.length === 0) {
    const why = warnings.length ? ` (${warnings.join('; ')})` : '';
    throw new DocumentError(
      'NO_PAGES',
      `The e-mail contains neither an order text nor a readable attachment${why}.`,
    );
  }
  if (relay.relay && !relay.faxNumber)
    warnings.push('fax-to-e-mail message without the sender’s fax number: choose the customer by hand');
  const meta: EmailPages['meta'] = {
    channel: 'email',
    // the relay is not the customer: without a fax number the sender is unknown
    from: relay.relay ? relay.faxNumber : (fromAddr ?? null),
    subject,
    relay: relay.relay,
  };
  if (mail.date) {
    meta.date = mail.date.toISOString();
    meta.receivedAt = mail.date.toISOString();
  }
  if (mail.messageId) meta.messageId = mail.messageId;
  if (relay.faxNumber) meta.faxNumber = relay.faxNumber;
  return { pages, groups, meta, warnings };
}
