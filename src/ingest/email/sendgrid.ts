/**
 * SendGrid Inbound Parse: multipart/form-data, either parsed (`headers`, `text`, `html`,
 * `attachment1…N` with `attachment-info`) or raw (`email` = the whole message, "POST the raw,
 * full MIME message" — the better choice: nothing is lost). SendGrid signs nothing by default:
 * the Parse URL carries basic-auth credentials. SendGrid drops a message on any 4xx and retries
 * 5xx for 72 h, so only a message that can never be accepted gets a 4xx.
 */
import { HttpError } from '../../errors.ts';
import { fieldValue, multipartBoundary, parseMultipart } from '../multipart-body.ts';
import type { RawRequest } from '../provider.ts';
import { checkBasicAuth } from './basic-auth.ts';
import { composeEml, normalizeMessageId } from './compose-eml.ts';
import type { EmailProvider, InboundEmail } from './email-provider.ts';
import { headerValue } from './header-block.ts';

const bad = (why: string) => new HttpError(400, 'BAD_REQUEST', `SendGrid Inbound Parse: ${why}`);

function envelope(json: string | null): { from: string | null; to: string | null } {
  try {
    const e = JSON.parse(json ?? '{}') as { from?: unknown; to?: unknown };
    return {
      from: typeof e.from === 'string' ? e.from : null,
      to: Array.isArray(e.to) && typeof e.to[0] === 'string' ? e.to[0] : null,
    };
  } catch {
    return { from: null, to: null };
  }
}

export function createSendGridProvider(opts: { username: string; password: string }): EmailProvider {
  return {
    name: 'sendgrid',
    rejectStatus: 400,

    async verify(raw: RawRequest) {
      return checkBasicAuth(raw, opts.username, opts.password);
    },

    async parse(raw: RawRequest): Promise<InboundEmail> {
      const boundary = multipartBoundary(raw.headers['content-type']);
      if (!boundary) throw bad('expected multipart/form-data');
      const form = parseMultipart(raw.body, boundary);
      const get = (n: string) => fieldValue(form, n);
      const env = envelope(get('envelope'));
      const rawEmail = get('email') ?? form.files.find((f) => f.name === 'email')?.bytes.toString('utf8');
      if (rawEmail) {
        const eml = Buffer.from(rawEmail, 'utf8');
        const end = eml.indexOf('\r\n\r\n') >= 0 ? eml.indexOf('\r\n\r\n') : eml.indexOf('\n\n');
        const head = eml.subarray(0, end >= 0 ? end : 65536).toString('utf8');
        return {
          eml,
          messageId: normalizeMessageId(headerValue(head, 'message-id')),
          from: env.from ?? get('from'),
          to: env.to ?? get('to'),
          subject: get('subject'),
          providerIds: {},
        };
      }
      const headers = get('headers');
      if (headers === null) throw bad('neither `email` (raw mode) nor `headers` (parsed mode) present');
      let info: Record<string, { filename?: string; name?: string; type?: string; 'content-id'?: string }> =
        {};
      try {
        info = JSON.parse(get('attachment-info') ?? '{}');
      } catch {
        throw bad('attachment-info is not JSON');
      }
      const attachments = form.files
        .filter((f) => /^attachment\d+$/.test(f.name))
        .map((f) => ({
          filename: info[f.name]?.filename ?? info[f.name]?.name ?? f.filename,
          contentType: info[f.name]?.type ?? f.contentType,
          content: f.bytes,
          cid: info[f.name]?.['content-id'] ?? null,
        }));
      const messageId = normalizeMessageId(headerValue(headers, 'message-id'));
      const eml = await composeEml({
        from: get('from') ?? headerValue(headers, 'from'),
        to: get('to') ?? headerValue(headers, 'to'),
        cc: get('cc'),
        subject: get('subject') ?? headerValue(headers, 'subject'),
        date: headerValue(headers, 'date'),
        messageId,
        text: get('text'),
        html: get('html'),
        attachments,
      });
      return {
        eml,
        messageId,
        from: env.from ?? get('from'),
        to: env.to ?? get('to'),
        subject: get('subject'),
        providerIds: {},
      };
    },
  };
}
