/**
 * SignalWire (Twilio-compatible cXML) inbound fax, two requests:
 * 1. the number's fax webhook (`/webhooks/fax/signalwire`) is answered with
 *    `<Response><Receive action="…/webhooks/fax/signalwire/received"/></Response>`, which accepts the fax;
 * 2. after reception SignalWire posts to that action URL with `FaxStatus`, `NumPages`, `MediaUrl`;
 *    the `fetch` step downloads MediaUrl.
 * Both are application/x-www-form-urlencoded and signed: `X-SignalWire-Signature` (or
 * `X-Twilio-Signature`) = base64 HMAC-SHA1, keyed with the Signing Key, over the full URL followed
 * by every parameter `name + value` sorted by name (repeated names: values de-duplicated, sorted).
 */
import { createHmac } from 'node:crypto';
import { HttpError } from '../../errors.ts';
import { toE164 } from '../e164.ts';
import { type FormPairs, formValue, parseForm } from '../form-body.ts';
import { type Delivery, type FaxProvider, pass, type RawRequest, reject } from '../provider.ts';
import { timingSafeEqualStrings } from '../timing-safe-equal.ts';

export const SIGNALWIRE_RECEIVED_SUFFIX = '/received';

function signedString(url: string, pairs: FormPairs): string {
  const values = new Map<string, string[]>();
  for (const [k, v] of pairs) values.set(k, [...(values.get(k) ?? []), v]);
  let s = url;
  for (const name of [...values.keys()].sort()) {
    for (const v of [...new Set(values.get(name))].sort()) s += name + v;
  }
  return s;
}

/** The URL as signed, with and without the default port (the SDKs accept both). */
function urlVariants(url: string): string[] {
  const m = /^(https?):\/\/([^/?#]+?)(:\d+)?([/?#].*)?$/i.exec(url);
  if (!m) return [url];
  const [, scheme, host, port, rest = ''] = m;
  const defaultPort = scheme!.toLowerCase() === 'https' ? ':443' : ':80';
  if (port) return port === defaultPort ? [url, `${scheme}://${host}${rest}`] : [url];
  return [url, `${scheme}://${host}${defaultPort}${rest}`];
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The action URL for step 2: the step-1 URL (without its query) plus `/received`. */
export function receivedUrl(step1Url: string): string {
  return step1Url.split('?')[0]!.replace(/\/+$/, '') + SIGNALWIRE_RECEIVED_SUFFIX;
}

export function createSignalWireProvider(opts: { signingKey: string }): FaxProvider {
  return {
    name: 'signalwire',

    verify(raw: RawRequest) {
      const given = raw.headers['x-signalwire-signature'] ?? raw.headers['x-twilio-signature'];
      if (!given) return reject('missing X-SignalWire-Signature / X-Twilio-Signature header');
      const pairs = parseForm(raw.body);
      for (const url of urlVariants(raw.url)) {
        const expected = createHmac('sha1', opts.signingKey)
          .update(signedString(url, pairs))
          .digest('base64');
        if (timingSafeEqualStrings(given.trim(), expected)) return pass;
      }
      return reject(`signature does not match (signed URL ${raw.url.split('?')[0]})`);
    },

    parse(raw: RawRequest): Delivery {
      const pairs = parseForm(raw.body);
      const faxSid = formValue(pairs, 'FaxSid');
      if (!faxSid) throw new HttpError(400, 'BAD_REQUEST', 'SignalWire fax request without FaxSid');
      const status = formValue(pairs, 'FaxStatus');
      const path = new URL(raw.url).pathname.replace(/\/+$/, '');
      const summary = {
        step: path.endsWith(SIGNALWIRE_RECEIVED_SUFFIX) ? 'received' : 'incoming',
        faxSid,
        status,
      };

      if (!path.endsWith(SIGNALWIRE_RECEIVED_SUFFIX)) {
        const action = escapeXml(receivedUrl(raw.url));
        return {
          documents: [],
          event: summary,
          reply: {
            contentType: 'application/xml; charset=utf-8',
            body: `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Receive action="${action}" method="POST" mediaType="application/pdf"/></Response>\n`,
          },
        };
      }
      // Failed receptions (FaxStatus failed/no-answer, …) carry no media.
      const mediaUrl = formValue(pairs, 'MediaUrl');
      if (status !== 'received' || !mediaUrl) return { documents: [], event: summary };
      const pages = Number(formValue(pairs, 'NumPages'));
      return {
        documents: [
          {
            key: faxSid,
            meta: {
              channel: 'fax',
              provider: 'signalwire',
              from: toE164(formValue(pairs, 'From')),
              to: toE164(formValue(pairs, 'To')),
              receivedAt: raw.receivedAt.toISOString(),
              warnings: [],
            },
            pageCount: Number.isInteger(pages) && pages > 0 ? pages : null,
            providerIds: {
              faxSid,
              ...(formValue(pairs, 'AccountSid') ? { accountSid: formValue(pairs, 'AccountSid')! } : {}),
            },
            content: { kind: 'url', url: mediaUrl },
          },
        ],
        event: summary,
      };
    },
  };
}
