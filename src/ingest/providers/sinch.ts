/**
 * Sinch Fax API v3. `INCOMING_FAX` arrives as multipart/form-data (fields `event`, `eventTime`,
 * `fax` = JSON string, file part `file`) or as JSON (`file` base64 with `fileType`), whichever the
 * Fax Service's webhookContentType says. Sinch does not sign callbacks: the incomingWebhookUrl
 * carries basic-auth credentials (`https://user:pass@host/webhooks/fax/sinch`), checked here.
 */
import { HttpError } from '../../errors.ts';
import { toE164 } from '../e164.ts';
import { fieldValue, multipartBoundary, parseMultipart } from '../multipart-body.ts';
import {
  type Delivery,
  type FaxProvider,
  type InboundContent,
  pass,
  type RawRequest,
  reject,
} from '../provider.ts';
import { timingSafeEqualStrings } from '../timing-safe-equal.ts';

interface SinchFax {
  id?: string;
  direction?: string;
  from?: string;
  to?: string;
  numberOfPages?: number;
  status?: string;
  completedTime?: string;
  createTime?: string;
  hasFile?: boolean | string;
  projectId?: string;
  serviceId?: string;
}

const badRequest = (why: string) => new HttpError(400, 'BAD_REQUEST', `Sinch callback: ${why}`);

function parseJsonField<T>(text: string | null | undefined, what: string): T {
  if (!text) throw badRequest(`no ${what}`);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw badRequest(`${what} is not JSON`);
  }
}

/** The event, the fax object and the file, from either content type. */
function readCallback(raw: RawRequest): { event: string | null; fax: SinchFax; file: Buffer | null } {
  const boundary = multipartBoundary(raw.headers['content-type']);
  if (boundary) {
    const form = parseMultipart(raw.body, boundary);
    const fax = parseJsonField<SinchFax>(fieldValue(form, 'fax'), 'fax field');
    const file = form.files.find((f) => f.name === 'file')?.bytes ?? null;
    return { event: fieldValue(form, 'event'), fax, file };
  }
  const body = parseJsonField<{ event?: string; fax?: SinchFax; file?: string }>(
    raw.body.toString('utf8'),
    'body',
  );
  if (!body.fax || typeof body.fax !== 'object') throw badRequest('no fax object');
  let file: Buffer | null = null;
  if (typeof body.file === 'string' && body.file.length > 0) {
    if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(body.file)) throw badRequest('file is not base64');
    file = Buffer.from(body.file, 'base64');
  }
  return { event: body.event ?? null, fax: body.fax, file };
}

export function createSinchProvider(opts: { username: string; password: string }): FaxProvider {
  return {
    name: 'sinch',

    verify(raw: RawRequest) {
      const header = raw.headers.authorization;
      const m = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
      if (!m) return reject('missing basic-auth credentials');
      const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const user = colon < 0 ? decoded : decoded.slice(0, colon);
      const password = colon < 0 ? '' : decoded.slice(colon + 1);
      // Both compared every time, so the answer time does not tell which one was wrong.
      const userOk = timingSafeEqualStrings(user, opts.username);
      const passwordOk = timingSafeEqualStrings(password, opts.password);
      return userOk && passwordOk ? pass : reject('wrong basic-auth credentials');
    },

    parse(raw: RawRequest): Delivery {
      const { event, fax, file } = readCallback(raw);
      const summary = { eventType: event, faxId: fax.id ?? null, status: fax.status ?? null };
      if (event !== 'INCOMING_FAX' || (fax.direction && fax.direction !== 'INBOUND')) {
        return { documents: [], event: summary };
      }
      if (!fax.id) throw badRequest('INCOMING_FAX without fax.id');
      const content: InboundContent =
        file && file.length > 0
          ? { kind: 'bytes', bytes: file }
          : {
              kind: 'missing',
              reason:
                'Sinch announced the fax without its file: set saveInboundFaxDocuments and the multipart or JSON ' +
                'webhook content type on the Sinch Fax Service, then download it from the Sinch dashboard.',
            };
      return {
        documents: [
          {
            key: fax.id,
            meta: {
              channel: 'fax',
              provider: 'sinch',
              from: toE164(fax.from),
              to: toE164(fax.to),
              receivedAt: fax.completedTime ?? fax.createTime ?? raw.receivedAt.toISOString(),
              warnings: [],
            },
            pageCount: typeof fax.numberOfPages === 'number' ? fax.numberOfPages : null,
            providerIds: {
              faxId: fax.id,
              ...(fax.projectId ? { projectId: fax.projectId } : {}),
              ...(fax.serviceId ? { serviceId: fax.serviceId } : {}),
            },
            content,
          },
        ],
        event: summary,
      };
    },
  };
}
