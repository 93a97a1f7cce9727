/**
 * Postmark inbound: one JSON POST per message, attachments base64 in `Attachments[].Content`
 * (`RawEmail` when "include raw content" is on). No signature: basic-auth credentials in the
 * webhook URL. Postmark stops retrying on 403, so that is the answer to a message the gateway
 * will never accept; 401 (wrong credentials) is retried, giving the operator time to fix them.
 */
import { HttpError } from '../../errors.ts';
import type { RawRequest } from '../provider.ts';
import { checkBasicAuth } from './basic-auth.ts';
import { composeEml, normalizeMessageId } from './compose-eml.ts';
import type { EmailProvider, InboundEmail } from './email-provider.ts';
import { headerValue } from './header-block.ts';

const bad = (why: string) => new HttpError(400, 'BAD_REQUEST', `Postmark inbound: ${why}`);

interface PostmarkInbound {
  From?: string;
  FromName?: string;
  FromFull?: { Email?: string; Name?: string };
  To?: string;
  Cc?: string;
  OriginalRecipient?: string;
  Subject?: string;
  MessageID?: string;
  Date?: string;
  TextBody?: string;
  HtmlBody?: string;
  Headers?: Array<{ Name?: string; Value?: string }>;
  Attachments?: Array<{ Name?: string; Content?: string; ContentType?: string; ContentID?: string }>;
  RawEmail?: string;
}

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

export function createPostmarkProvider(opts: { username: string; password: string }): EmailProvider {
  return {
    name: 'postmark',
    rejectStatus: 403,

    async verify(raw: RawRequest) {
      return checkBasicAuth(raw, opts.username, opts.password);
    },

    async parse(raw: RawRequest): Promise<InboundEmail> {
      let body: PostmarkInbound;
      try {
        body = JSON.parse(raw.body.toString('utf8')) as PostmarkInbound;
      } catch {
        throw bad('body is not JSON');
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw bad('body is not an object');
      const headers = (Array.isArray(body.Headers) ? body.Headers : [])
        .filter((h) => typeof h?.Name === 'string' && typeof h.Value === 'string')
        .map((h) => `${h.Name}: ${h.Value!.replace(/[\r\n]+/g, ' ')}`)
        .join('\n');
      // the message's own Message-ID survives a re-send through another path; Postmark's id does not
      const messageId =
        normalizeMessageId(headerValue(headers, 'message-id')) ?? normalizeMessageId(str(body.MessageID));
      const fromAddr = str(body.FromFull?.Email) ?? str(body.From);
      const fromName = str(body.FromFull?.Name) ?? str(body.FromName);
      const common = {
        messageId,
        from: fromAddr,
        to: str(body.OriginalRecipient) ?? str(body.To),
        subject: str(body.Subject),
        providerIds: (str(body.MessageID) ? { postmarkMessageId: body.MessageID! } : {}) as Record<
          string,
          string
        >,
      };
      if (str(body.RawEmail)) return { eml: Buffer.from(body.RawEmail!, 'utf8'), ...common };
      const attachments = (Array.isArray(body.Attachments) ? body.Attachments : []).map((a, i) => {
        if (typeof a?.Content !== 'string' || !BASE64.test(a.Content))
          throw bad(`attachment ${i + 1} is not base64`);
        return {
          filename: str(a.Name) ?? `attachment-${i + 1}`,
          contentType: str(a.ContentType),
          content: Buffer.from(a.Content, 'base64'),
          cid: str(a.ContentID),
        };
      });
      const eml = await composeEml({
        from: fromAddr ? (fromName ? `"${fromName.replace(/["\\]/g, '')}" <${fromAddr}>` : fromAddr) : null,
        to: str(body.To),
        cc: str(body.Cc),
        subject: str(body.Subject),
        date: str(body.Date),
        messageId,
        text: str(body.TextBody),
        html: str(body.HtmlBody),
        attachments,
      });
      return { eml, ...common };
    },
  };
}
