import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentError, LimitError } from '../../src/errors.ts';
import { fetchMedia, guardedRequest, MediaUnavailableError } from '../../src/ingest/media-fetch.ts';
import {
  admitMediaUrl,
  isPrivateAddress,
  PROVIDER_MEDIA_HOSTS,
} from '../../src/ingest/media-fetch-policy.ts';

let server: Server;
let host = '';
const body = Buffer.from('%PDF-1.4 media bytes');

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/doc':
        return void res.writeHead(200, { 'content-length': body.length }).end(body);
      case '/chunked':
        res.writeHead(200);
        res.write(Buffer.alloc(600, 1));
        return void res.end(Buffer.alloc(600, 2));
      case '/hop':
        return void res.writeHead(302, { location: '/doc' }).end();
      case '/to-metadata':
        return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      case '/to-unlisted':
        return void res.writeHead(307, { location: 'https://evil.example.net/x' }).end();
      case '/loop':
        return void res.writeHead(302, { location: '/loop' }).end();
      case '/busy':
        return void res.writeHead(503).end();
      case '/hang':
        return; // never answers
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const listed = () => ({ maxBytes: 1000, policy: { hosts: PROVIDER_MEDIA_HOSTS.telnyx, extra: [host] } });

describe('media policy', () => {
  const telnyx = { hosts: PROVIDER_MEDIA_HOSTS.telnyx, extra: [] };
  it.each([
    'https://s3.amazonaws.com/faxes-prod/a.pdf',
    'https://faxes-prod.s3.amazonaws.com/a.pdf',
    'https://s3.eu-central-1.amazonaws.com/b/a.pdf',
  ])('admits the provider host %s over https', (u) => {
    expect(admitMediaUrl(new URL(u), telnyx)).toEqual({ listed: false });
  });

  it.each([
    ['plain http', 'http://s3.amazonaws.com/a.pdf'],
    ['another host', 'https://evil.example.net/a.pdf'],
    ['a look-alike', 'https://s3.amazonaws.com.evil.net/a.pdf'],
    ['another scheme', 'ftp://s3.amazonaws.com/a.pdf'],
    ['credentials', 'https://u:p@s3.amazonaws.com/a.pdf'],
    ['loopback', 'https://127.0.0.1/a.pdf'],
    ['cloud metadata', 'http://169.254.169.254/latest/'],
  ])('refuses %s', (_name, u) => {
    expect(() => admitMediaUrl(new URL(u), telnyx)).toThrow(DocumentError);
  });

  it('admits FAXGATE_MEDIA_HOSTS entries, over plain http too, matching the port when one is listed', () => {
    const policy = { hosts: [], extra: ['127.0.0.1:8081', 'media.internal'] };
    expect(admitMediaUrl(new URL('http://127.0.0.1:8081/x'), policy)).toEqual({ listed: true });
    expect(admitMediaUrl(new URL('http://media.internal:9000/x'), policy)).toEqual({ listed: true });
    expect(() => admitMediaUrl(new URL('http://127.0.0.1:8082/x'), policy)).toThrow(/only https/);
    expect(() => admitMediaUrl(new URL('https://127.0.0.1:8082/x'), policy)).toThrow(
      /not a known media host/,
    );
  });

  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.31.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['8.8.8.8', false],
    ['52.216.0.1', false],
    ['2600:1f18::1', false],
  ])('isPrivateAddress(%s) = %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });
});

describe('guarded download', () => {
  it('downloads from a listed host and follows a same-host redirect', async () => {
    expect(await fetchMedia(`http://${host}/doc`, listed())).toEqual(body);
    expect(await fetchMedia(`http://${host}/hop`, listed())).toEqual(body);
  });

  it('re-checks redirects: to a private address or an unlisted host is refused', async () => {
    await expect(fetchMedia(`http://${host}/to-metadata`, listed())).rejects.toThrow(
      /169\.254\.169\.254|refused/,
    );
    await expect(fetchMedia(`http://${host}/to-unlisted`, listed())).rejects.toThrow(
      /not a known media host/,
    );
    await expect(fetchMedia(`http://${host}/loop`, listed())).rejects.toThrow(/redirects/);
  });

  it('refuses a name that resolves to a private address unless it is listed', async () => {
    const policy = { hosts: ['localhost'], extra: [] };
    await expect(guardedRequest('https://localhost:1/x', { maxBytes: 10, policy })).rejects.toThrow(
      /resolves to private address/,
    );
  });

  it('caps the size by Content-Length and while streaming', async () => {
    await expect(fetchMedia(`http://${host}/doc`, { ...listed(), maxBytes: 5 })).rejects.toBeInstanceOf(
      LimitError,
    );
    await expect(fetchMedia(`http://${host}/chunked`, listed())).rejects.toBeInstanceOf(LimitError);
  });

  it('reports a busy or silent host as transient', async () => {
    const busy = await fetchMedia(`http://${host}/busy`, listed()).catch((e) => e);
    expect(busy).toBeInstanceOf(MediaUnavailableError);
    expect(busy.status).toBe(503);
    const silent = await fetchMedia(`http://${host}/hang`, { ...listed(), timeoutMs: 300 }).catch((e) => e);
    expect(silent).toBeInstanceOf(MediaUnavailableError);
    const refused = await fetchMedia('http://127.0.0.1:1/doc', {
      ...listed(),
      policy: { hosts: [], extra: ['127.0.0.1:1'] },
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(MediaUnavailableError);
  });
});
