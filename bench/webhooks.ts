/**
 * Webhook acknowledgement benchmark: `node --import tsx bench/webhooks.ts [--requests N] [--concurrency C]`.
 * Starts the real app (SQLite in a temp dir, the Redis at FAXGATE_TEST_REDIS_URL or 127.0.0.1:6379
 * under a throw-away queue prefix, no workers) and a bare Fastify route taking the same bodies,
 * and posts signed fax deliveries carrying a 200 KB document with C concurrent requests over
 * keep-alive. Every request is a new fax (new id), so each one is verified, stored in one
 * transaction and enqueued. Prints p50/p99 latency and requests/s per target.
 *
 * autocannon is not a dependency; the load comes from Node's own http client in this process,
 * so client and server share the CPU — compare the rows with each other, not with other machines.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { buildTestApp } from '../test/helpers/test-app.ts';
import {
  type Fax,
  phaxioDelivery,
  providerEnv,
  sinchDelivery,
  telnyxDelivery,
  type WebhookRequest,
} from '../test/ingest/helpers/deliveries.ts';
import { telnyxKeys } from '../test/ingest/helpers/sign.ts';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '50' } },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);
const publicUrl = 'https://fax.example.ch';
const keys = telnyxKeys();
const doc = Buffer.alloc(200 * 1024, 0x55);
doc.write('II*\0', 0, 'latin1');

let seq = 0;
const fax = (): Fax => ({
  id: String(1_000_000 + ++seq),
  from: '+41445551234',
  to: '+41445550100',
  bytes: doc,
  mediaUrl: 'https://s3.amazonaws.com/faxes/x.pdf',
});

interface Result {
  name: string;
  ok: number;
  failed: number;
  p50: number;
  p99: number;
  rps: number;
}

async function load(name: string, port: number, make: () => WebhookRequest): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const one = (r: WebhookRequest) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: r.url, headers: r.headers, agent },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(performance.now() - started)
              : reject(new Error(`${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(r.payload);
    });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) {
        const r = make(); // signing is the provider's cost, but cheap next to the request
        try {
          latencies.push(await one(r));
        } catch {
          failed++;
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return { name, ok: latencies.length, failed, p50: pct(50), p99: pct(99), rps: latencies.length / seconds };
}

const t = await buildTestApp('sqlite', { env: { ...providerEnv(keys), FAXGATE_PUBLIC_URL: publicUrl } });
await t.app.listen({ port: 0, host: '127.0.0.1' });
const appPort = (t.app.server.address() as AddressInfo).port;

const bare = Fastify({ bodyLimit: 64 * 1024 * 1024 });
bare.removeAllContentTypeParsers();
bare.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
bare.post('/bare', async () => ({ received: true, documentIds: [] }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const barePort = (bare.server.address() as AddressInfo).port;

const results: Result[] = [];
try {
  results.push(
    await load('bare Fastify route (same 200 KB multipart body)', barePort, () => ({
      ...sinchDelivery(fax()),
      url: '/bare',
    })),
  );
  results.push(await load('sinch (basic auth, multipart 200 KB)', appPort, () => sinchDelivery(fax())));
  results.push(
    await load('phaxio (HMAC-SHA1 + file SHA-1, multipart 200 KB)', appPort, () =>
      phaxioDelivery(publicUrl, fax()),
    ),
  );
  results.push(
    await load('telnyx (Ed25519, JSON; media fetched later)', appPort, () => telnyxDelivery(keys, fax())),
  );
} finally {
  await bare.close();
  await t.close();
}

process.stdout.write(
  `webhook acknowledgement, ${total} requests per row, ${concurrency} concurrent, Node ${process.version}\n`,
);
process.stdout.write(
  'target                                                 ok  fail   p50 ms   p99 ms    req/s\n',
);
for (const r of results) {
  process.stdout.write(
    `${r.name.padEnd(52)} ${String(r.ok).padStart(5)} ${String(r.failed).padStart(5)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.rps.toFixed(0).padStart(8)}\n`,
  );
}
