/**
 * A local HTTP server on 127.0.0.1 (random port) that plays a provider's media host and the
 * Telnyx API. Each media path can be told to fail its first N requests (host "down for a while"),
 * to always fail, or to be expired (403) until the Telnyx API refresh is called.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MediaServer {
  /** host:port, for FAXGATE_MEDIA_HOSTS. */
  host: string;
  base: string;
  /** Serve `bytes` at `/media/<name>`; `failFirst` requests answer 503; `expired` answers 403 until refreshed. */
  serve(
    name: string,
    bytes: Buffer,
    opts?: { failFirst?: number; alwaysFail?: boolean; expired?: boolean },
  ): string;
  hits(name: string): number;
  /** Telnyx API calls seen (method + path). */
  apiCalls: string[];
  close(): Promise<void>;
}

export async function startMediaServer(): Promise<MediaServer> {
  const media = new Map<
    string,
    { bytes: Buffer; failFirst: number; alwaysFail: boolean; expired: boolean; hits: number }
  >();
  const apiCalls: string[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const api = /^\/v2\/faxes\/([^/]+)(\/actions\/refresh)?$/.exec(url.pathname);
    if (api) {
      apiCalls.push(`${req.method} ${url.pathname}`);
      if (req.headers.authorization !== 'Bearer telnyx-test-api-key') return void res.writeHead(401).end();
      const entry = media.get(api[1]!);
      if (!entry) return void res.writeHead(404).end();
      if (api[2]) {
        entry.expired = false;
        return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
      }
      const body = JSON.stringify({ data: { id: api[1], media_url: `${base}/media/${api[1]}?renewed=1` } });
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    }
    const m = /^\/media\/([^/]+)$/.exec(url.pathname);
    const entry = m ? media.get(m[1]!) : undefined;
    if (!entry) return void res.writeHead(404).end();
    entry.hits++;
    if (entry.alwaysFail || entry.hits <= entry.failFirst) return void res.writeHead(503).end('busy');
    if (entry.expired) return void res.writeHead(403).end('Request has expired');
    res
      .writeHead(200, { 'content-type': 'application/pdf', 'content-length': entry.bytes.length })
      .end(entry.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    host: `127.0.0.1:${port}`,
    base,
    serve(name, bytes, opts = {}) {
      media.set(name, {
        bytes,
        failFirst: opts.failFirst ?? 0,
        alwaysFail: opts.alwaysFail ?? false,
        expired: opts.expired ?? false,
        hits: 0,
      });
      return `${base}/media/${name}`;
    },
    hits: (name) => media.get(name)?.hits ?? 0,
    apiCalls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
