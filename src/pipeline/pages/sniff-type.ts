/**
 * Document type by magic bytes only — never by file name or Content-Type, which senders get wrong
 * (fax providers label TIFFs as PDFs, mail clients send scans as application/octet-stream).
 */
export type DocumentType = 'pdf' | 'tiff' | 'png' | 'jpeg' | 'eml';

/** PDF readers accept junk (e.g. a mail-gateway banner) before `%PDF-` within the first 1 KB. */
const PDF_SEARCH_BYTES = 1024;
/** Header names that make a text an e-mail rather than any `Key: value` text. */
const MAIL_HEADERS = new Set([
  'from',
  'to',
  'mime-version',
  'received',
  'subject',
  'date',
  'return-path',
  'message-id',
  'delivered-to',
  'x-mailer',
  'content-type',
]);
/** Headers that only e-mails have; one of them must be present. */
const DECISIVE_HEADERS = ['from', 'mime-version', 'received', 'subject', 'date', 'return-path'];
/** How many header lines to look at before deciding. */
const MAX_HEADER_LINES = 40;

export function sniffType(bytes: Uint8Array): DocumentType | null {
  if (bytes.length < 4) return null;
  const b = bytes;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0x00) return 'tiff';
  if (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0x00 && b[3] === 0x2a) return 'tiff';
  if (findPdfHeader(bytes) >= 0) return 'pdf';
  if (looksLikeEmail(bytes)) return 'eml';
  return null;
}

/** Offset of `%PDF-` within the first KB, or -1. */
export function findPdfHeader(bytes: Uint8Array): number {
  const end = Math.min(bytes.length, PDF_SEARCH_BYTES) - 5;
  for (let i = 0; i <= end; i++) {
    if (
      bytes[i] === 0x25 &&
      bytes[i + 1] === 0x50 &&
      bytes[i + 2] === 0x44 &&
      bytes[i + 3] === 0x46 &&
      bytes[i + 4] === 0x2d
    ) {
      return i;
    }
  }
  return -1;
}

function looksLikeEmail(bytes: Uint8Array): boolean {
  // Headers are 7-bit text; a NUL in the first KB means a binary file.
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return false;
  const text = new TextDecoder('latin1').decode(head).replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  // mbox files start with a "From sender date" envelope line; skip it.
  if (lines[0]?.startsWith('From ')) lines.shift();
  const headerLine = /^([!-9;-~]+):[ \t]?/;
  if (!headerLine.test(lines[0] ?? '')) return false;
  const seen = new Set<string>();
  let headerLines = 0;
  for (const line of lines.slice(0, MAX_HEADER_LINES)) {
    if (line === '') break; // end of the header block
    if (/^[ \t]/.test(line)) continue; // folded continuation
    const m = headerLine.exec(line);
    if (!m) return false;
    headerLines++;
    const name = (m[1] as string).toLowerCase();
    if (MAIL_HEADERS.has(name)) seen.add(name);
  }
  return headerLines >= 1 && DECISIVE_HEADERS.some((h) => seen.has(h));
}
