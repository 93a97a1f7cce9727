/**
 * Phaxio v2.1 receive callback: multipart/form-data with `direction`, `fax` (JSON fax object),
 * `is_test`, `success` and the PDF as file part `file`. `X-Phaxio-Signature` is the lower-hex
 * HMAC-SHA1, keyed with the Callback Token, over the callback URL exactly as configured at Phaxio,
 * then every field `name + value` sorted by name, then every file `partName + sha1hex(bytes)`
 * sorted by part name (phaxio-ruby Webhook.valid_signature?).
 */
import { createHash, createHmac } from 'node:crypto';
import { HttpError } from '../../errors.ts';
import { toE164 } from '../e164.ts';
import { fieldValue, type MultipartBody, multipartBoundary, parseMultipart } from '../multipart-body.ts';
import { type Delivery, type FaxProvider, pass, type RawRequest, reject } from '../provider.ts';
import { timingSafeEqualStrings } from '../timing-safe-equal.ts';

interface PhaxioFax {
  id?: number | string;
  direction?: string;
  num_pages?: number;
  status?: string;
  from_number?: string | null;
  to_number?: string | null;
  completed_at?: string | null;
  created_at?: string | null;
  is_test?: boolean;
}

/** Stable sort by name: repeated names keep their wire order. */
const byName = <T extends { name: string }>(items: T[]): T[] =>
  items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.name < b.item.name ? -1 : a.item.name > b.item.name ? 1 : a.i - b.i))
    .map((x) => x.item);

function signedString(url: string, body: MultipartBody): string {
  let s = url;
  for (const f of byName(body.fields)) s += f.name + f.value;
  for (const f of byName(body.files)) s += f.name + createHash('sha1').update(f.bytes).digest('hex');
  return s;
}

function readForm(raw: RawRequest): MultipartBody {
  const boundary = multipartBoundary(raw.headers['content-type']);
  if (!boundary) throw new HttpError(400, 'BAD_REQUEST', 'Phaxio callback is not multipart/form-data');
  return parseMultipart(raw.body, boundary);
}

export function createPhaxioProvider(opts: { callbackToken: string }): FaxProvider {
  return {
    name: 'phaxio',

    verify(raw: RawRequest) {
      const given = raw.headers['x-phaxio-signature'];
      if (!given) return reject('missing X-Phaxio-Signature header');
      let form: MultipartBody;
      try {
        form = readForm(raw);
      } catch (err) {
        return reject(`unreadable body: ${(err as Error).message}`);
      }
      const expected = createHmac('sha1', opts.callbackToken)
        .update(signedString(raw.url, form))
        .digest('hex');
      return timingSafeEqualStrings(given.trim().toLowerCase(), expected)
        ? pass
        : reject(`X-Phaxio-Signature does not match (signed URL ${raw.url.split('?')[0]})`);
    },

    parse(raw: RawRequest): Delivery {
      const form = readForm(raw);
      const faxText = fieldValue(form, 'fax');
      let fax: PhaxioFax;
      try {
        fax = JSON.parse(faxText ?? '') as PhaxioFax;
      } catch {
        throw new HttpError(400, 'BAD_REQUEST', 'Phaxio callback without a JSON fax field');
      }
      const direction = fieldValue(form, 'direction') ?? fax.direction ?? null;
      const success = fieldValue(form, 'success');
      const summary = {
        direction,
        faxId: fax.id === undefined ? null : String(fax.id),
        success: success === null ? null : success === 'true',
        isTest: fieldValue(form, 'is_test') === 'true',
        status: fax.status ?? null,
      };
      // Sent-fax callbacks and failed receptions carry no order.
      if (direction !== 'received' || success === 'false') return { documents: [], event: summary };
      if (fax.id === undefined || fax.id === null) {
        throw new HttpError(400, 'BAD_REQUEST', 'Phaxio callback without fax.id');
      }
      const file = form.files.find((f) => f.name === 'file');
      const id = String(fax.id);
      return {
        documents: [
          {
            key: id,
            meta: {
              channel: 'fax',
              provider: 'phaxio',
              from: toE164(fax.from_number),
              to: toE164(fax.to_number),
              receivedAt: fax.completed_at ?? fax.created_at ?? raw.receivedAt.toISOString(),
              warnings: [],
            },
            pageCount: typeof fax.num_pages === 'number' ? fax.num_pages : null,
            providerIds: { faxId: id },
            content:
              file && file.bytes.length > 0
                ? { kind: 'bytes', bytes: file.bytes }
                : {
                    kind: 'missing',
                    reason:
                      'Phaxio announced the fax without its file (storage or HIPAA settings?): download it from ' +
                      'the Phaxio console and upload it.',
                  },
          },
        ],
        event: summary,
      };
    },
  };
}
