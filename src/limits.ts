/**
 * Every limit in one place, each with the reason for its size. A breach throws `LimitError`
 * (see errors.ts) carrying the numbers, and the document ends as `failed` with that reason.
 */
import { DocumentError, LimitError } from './errors.ts';

export const limits = {
  /** Upload/webhook body. Faxes are a few hundred KB; an e-mail with a scanned PDF rarely passes 10 MB. */
  maxDocumentBytes: 25 * 1024 * 1024,
  /** Orders have 1–5 pages; 50 leaves room for catalog-sized forms while stopping page bombs. */
  maxPages: 50,
  /** A4 fine fax ≈ 1728×2300 ≈ 4 Mpx; 300-dpi A4 scans ≈ 8.7 Mpx; 40 Mpx rejects pixel bombs early. */
  maxPixels: 40_000_000,
  /** Width/height of one page image after normalisation (A3 at 300 dpi is 4960 px). */
  maxPageSide: 7000,
  /** Target resolution for OCR of a rendered page. Fax fine mode is ~200 dpi. */
  renderDpi: 200,
  /**
   * A fax page takes 1–10 s; a dense 300-dpi A4 scan read twice for orientation took 30 s on a
   * loaded 2-core machine and over 60 s with other work beside it. 180 s means stuck, not slow.
   */
  ocrTimeoutMs: 180_000,
  /** A cropped table cell reads in 50–300 ms; the worker may first need ~2 s to start. */
  ocrCellTimeoutMs: 30_000,
  /** Page splitting/decoding of one document. */
  pagesTimeoutMs: 60_000,
  /** Starting a tesseract worker can hang forever on a bad language file (see STACK-NOTES). */
  ocrInitTimeoutMs: 60_000,
  /** Webhook bodies beyond the document itself (form fields, the provider's JSON): generous, never MBs. */
  webhookFieldsBytes: 1024 * 1024,
  /** Sinch's JSON callback carries the file base64-encoded: 4 bytes on the wire per 3 of document. */
  webhookBase64Factor: 4 / 3,
  /** Telnyx's SDK rejects timestamps more than 300 s off (both ways); replays outside it are refused. */
  webhookToleranceSeconds: 300,
  /** Connecting to a media host and waiting for its headers; S3 and provider APIs answer in < 1 s. */
  mediaHeadersTimeoutMs: 15_000,
  /** Whole media download; a 25 MB document at 1 MB/s still fits, a trickling host does not hold a worker. */
  mediaTotalTimeoutMs: 60_000,
  /** Pre-signed URLs redirect once or twice at most; more is a loop or an attempt to wander off. */
  mediaMaxRedirects: 3,
  /** Tries of the fetch step; with the default 5 s doubling back-off the last one starts ~2.5 min after the
   * first — inside Telnyx's 10-minute media_url lifetime, so a refresh is rarely needed. */
  mediaFetchAttempts: 6,
  /** Attachments looked at in one e-mail: an order mail has 1–3; hundreds are a mail bomb, not orders. */
  maxEmailAttachments: 20,
  /** Forwarded-as-attachment depth (message/rfc822 inside message/rfc822); deeper is a loop or an attack. */
  maxEmailNesting: 3,
  /** Characters of body text read as an order; a typed order is a few KB, a newsletter is not an order. */
  maxEmailBodyChars: 100_000,
  /** Mailgun signs timestamp+token; mailgun-js accepts 15 min of clock skew and delivery delay. */
  mailgunToleranceSeconds: 15 * 60,
  /** First wait before reconnecting to a mailbox that is down; doubles up to the maximum. */
  imapRetryBaseMs: 2_000,
  /** Longest wait between reconnect attempts: a mailbox back up is picked up within 5 minutes. */
  imapRetryMaxMs: 5 * 60_000,
  /** Connecting and logging in; a server that has not greeted in 30 s is down for our purposes. */
  imapConnectTimeoutMs: 30_000,
} as const;

export type Limits = typeof limits;

/** Throw a LimitError when `actual` exceeds `limit`. */
export function enforce(what: string, actual: number, limit: number): void {
  if (actual > limit) throw new LimitError(what, actual, limit);
}

/** Run `promise` with a time limit; on expiry reject with a TIMEOUT DocumentError. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new DocumentError('TIMEOUT', `${what} took longer than ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
