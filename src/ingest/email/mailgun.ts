/**
 * Mailgun Routes `forward()`: application/x-www-form-urlencoded without attachments,
 * multipart/form-data with them (`attachment-1…N`), or the raw message in `body-mime` when the
 * route's URL ends in `mime`. Signed with hex HMAC-SHA256(signing key, timestamp + token) — over
 * those two fields only, not the body — so the timestamp must be fresh and each token is
 * accepted once (the token store is shared by all API processes through the database).
 */
import { createHmac } from 'node:crypto';
import { HttpError } from '../../errors.ts';
import { limits } from '../../limits.ts';
import { type FormPairs, formValue, parseForm } from '../form-body.ts';
import { type MultipartFile, multipartBoundary, parseMultipart } from '../multipart-body.ts';
import { pass, type RawRequest, reject } from '../provider.ts';
import { timingSafeEqualStrings } from '../timing-safe-equal.ts';
import { composeEml, normalizeMessageId } from './compose-eml.ts';
import type { EmailProvider, InboundEmail } from './email-provider.ts';
import { headerValue } from './header-block.ts';

/** Remembers tokens: true when `token` was new (and is now taken). */
export interface TokenStore {
  claim(provider: string, token: string): Promise<boolean>;
  release(provider: string, token: string): Promise<void>;
}

const bad = (why: string) => new HttpError(400, 'BAD_REQUEST', `Mailgun request: ${why}`);

interface MailgunForm {
  fields: FormPairs;
  files: MultipartFile[];
}

function readForm(raw: RawRequest): MailgunForm {
  const boundary = multipartBoundary(raw.headers['content-type']);
  if (boundary) {
    const mp = parseMultipart(raw.body, boundary);
    return { fields: mp.fields.map((f) => [f.name, f.value]), files: mp.files };
  }
  if (/^application\/x-www-form-urlencoded\b/i.test(raw.headers['content-type'] ?? ''))
    return { fields: parseForm(raw.body), files: [] };
  throw bad(`unexpected content type ${raw.headers['content-type'] ?? '(none)'}`);
}

/** `message-headers` is a JSON list of [name, value] pairs; as a header block for lookups. */
function headerBlock(json: string | null): string {
  if (!json) return '';
  try {
    const pairs = JSON.parse(json) as unknown;
    if (!Array.isArray(pairs)) return '';
    return pairs
      .filter(
        (p): p is [string, string] =>
          Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string',
      )
      .map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, ' ')}`)
      .join('\n');
  } catch {
    throw bad('message-headers is not JSON');
  }
}

export function createMailgunProvider(opts: {
  signingKey: string;
  tokens: TokenStore;
  now?: () => number;
}): EmailProvider {
  const now = opts.now ?? Date.now;
  return {
    name: 'mailgun',
    rejectStatus: 406,

    async verify(raw) {
      let form: MailgunForm;
      try {
        form = readForm(raw);
      } catch {
        return reject('unreadable body');
      }
      const timestamp = formValue(form.fields, 'timestamp');
      const token = formValue(form.fields, 'token');
      const signature = formValue(form.fields, 'signature');
      if (!timestamp || !token || !signature) return reject('timestamp, token or signature missing');
      if (!/^\d{1,12}$/.test(timestamp)) return reject('timestamp is not Unix seconds');
      const expected = createHmac('sha256', opts.signingKey)
        .update(timestamp + token)
        .digest('hex');
      if (!timingSafeEqualStrings(expected, signature.toLowerCase())) return reject('signature mismatch');
      if (Math.abs(now() / 1000 - Number(timestamp)) > limits.mailgunToleranceSeconds)
        return reject('timestamp outside the tolerance window (replay or clock skew)');
      if (!(await opts.tokens.claim('mailgun', token))) return reject('token already used (replay)');
      return pass;
    },

    async release(raw) {
      try {
        const token = formValue(readForm(raw).fields, 'token');
        if (token) await opts.tokens.release('mailgun', token);
      } catch {
        // nothing was claimed for a body that cannot be read
      }
    },

    async parse(raw): Promise<InboundEmail> {
      const { fields, files } = readForm(raw);
      const get = (n: string) => formValue(fields, n);
      const providerIds = { token: get('token') ?? '' };
      const mime = get('body-mime') ?? files.find((f) => f.name === 'body-mime')?.bytes.toString('utf8');
      if (mime) {
        const eml = Buffer.from(mime, 'utf8');
        const head = eml.subarray(0, Math.max(0, eml.indexOf('\r\n\r\n')) || 65536).toString('utf8');
        return {
          eml,
          messageId: normalizeMessageId(headerValue(head, 'message-id')),
          from: get('sender') ?? get('from'),
          to: get('recipient'),
          subject: get('subject'),
          providerIds,
        };
      }
      const headers = headerBlock(get('message-headers'));
      // the pipeline enforces the attachment-count limit on the rebuilt message
      const attachments = files
        .filter((f) => /^attachment-\d+$/.test(f.name))
        .map((f) => ({ filename: f.filename, contentType: f.contentType, content: f.bytes }));
      const messageId = normalizeMessageId(headerValue(headers, 'message-id'));
      const eml = await composeEml({
        from: get('from') ?? headerValue(headers, 'from'),
        to: headerValue(headers, 'to') ?? get('recipient'),
        cc: headerValue(headers, 'cc'),
        subject: get('subject') ?? headerValue(headers, 'subject'),
        date: headerValue(headers, 'date'),
        messageId,
        text: get('body-plain'),
        html: get('body-html'),
        attachments,
      });
      return {
        eml,
        messageId,
        from: get('sender') ?? get('from'),
        to: get('recipient'),
        subject: get('subject'),
        providerIds,
      };
    },
  };
}
