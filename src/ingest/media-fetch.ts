/**
 * Downloads a provider's media (or calls its API) under the media policy: every hop — the first
 * URL and each redirect — is admitted again, the connection goes to the address that was checked
 * (no second DNS answer can point it elsewhere), the body is capped while it streams, and the
 * whole exchange has a deadline. Failures worth retrying throw MediaUnavailableError; refusals
 * and oversize documents throw permanent DocumentErrors.
 */
import { lookup as dnsLookup } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { DocumentError, LimitError } from '../errors.ts';
import { limits } from '../limits.ts';
import { admitMediaUrl, isPrivateAddress, type MediaPolicy } from './media-fetch-policy.ts';

/** Transient: the host was unreachable, slow, or answered with an error status. */
export class MediaUnavailableError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null = null) {
    super(message);
    this.name = 'MediaUnavailableError';
    this.status = status;
  }
}

export interface MediaResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
  url: string;
}

export interface MediaRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  maxBytes: number;
  policy: MediaPolicy;
  timeoutMs?: number;
}

class PrivateTarget extends Error {}

/** Resolves as usual, but refuses names that resolve to a private address (unless listed). */
function guardedLookup(listed: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const bad = listed ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (bad)
        return callback(new PrivateTarget(`${hostname} resolves to private address ${bad.address}`), '', 0);
      if (options.all)
        return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

function once(url: URL, opts: MediaRequest, listed: boolean, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: opts.method ?? 'GET',
      headers: { 'user-agent': 'faxgate', ...opts.headers },
      lookup: guardedLookup(listed),
      signal,
      timeout: limits.mediaHeadersTimeoutMs, // idle socket: a host that stops talking
      agent: false,
    });
    req.on('timeout', () => req.destroy(new MediaUnavailableError(`${url.host} stopped answering`)));
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
}

async function readCapped(res: IncomingMessage, maxBytes: number, what: string): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new LimitError(`${what} size in bytes`, declared, maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      res.destroy();
      throw new LimitError(`${what} size in bytes`, total, maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** One HTTP exchange under the media policy, following (re-checked) redirects. */
export async function guardedRequest(target: string, opts: MediaRequest): Promise<MediaResponse> {
  const signal = AbortSignal.timeout(opts.timeoutMs ?? limits.mediaTotalTimeoutMs);
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new DocumentError('BAD_REQUEST', 'media download refused: the provider sent an invalid URL');
  }
  let headers = opts.headers;
  for (let hop = 0; ; hop++) {
    const { listed } = admitMediaUrl(url, opts.policy);
    let res: IncomingMessage;
    try {
      res = await once(url, { ...opts, headers }, listed, signal);
    } catch (err) {
      if (err instanceof PrivateTarget)
        throw new DocumentError('FORBIDDEN', `media download refused: ${err.message}`);
      if (err instanceof MediaUnavailableError) throw err;
      const why = signal.aborted
        ? `no complete answer within ${opts.timeoutMs ?? limits.mediaTotalTimeoutMs} ms`
        : (err as Error).message;
      throw new MediaUnavailableError(`${url.host}: ${why}`);
    }
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if ([301, 302, 303, 307, 308].includes(status) && location) {
      res.resume();
      if (hop >= limits.mediaMaxRedirects) {
        throw new DocumentError(
          'FORBIDDEN',
          `media download refused: more than ${limits.mediaMaxRedirects} redirects`,
        );
      }
      const next = new URL(location, url);
      // Credentials meant for one host never follow a redirect to another.
      if (next.host !== url.host) headers = undefined;
      url = next;
      continue;
    }
    try {
      const body = await readCapped(res, opts.maxBytes, 'media download');
      return { status, headers: res.headers, body, url: url.toString() };
    } catch (err) {
      if (err instanceof LimitError) throw err;
      throw new MediaUnavailableError(
        `${url.host}: ${signal.aborted ? 'download too slow' : (err as Error).message}`,
      );
    }
  }
}

/** GET a document: 2xx → its bytes; any other status is retried (the status travels with the error). */
export async function fetchMedia(target: string, opts: MediaRequest): Promise<Buffer> {
  const res = await guardedRequest(target, opts);
  const host = new URL(res.url).host;
  if (res.status >= 200 && res.status < 300) {
    if (res.body.length === 0) throw new MediaUnavailableError(`${host} answered with an empty document`);
    return res.body;
  }
  throw new MediaUnavailableError(`${host} answered HTTP ${res.status}`, res.status);
}
