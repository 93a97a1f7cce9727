/**
 * Webhook acknowledgement benchmark:
 * `node --import tsx bench/webhooks.ts [--requests N] [--concurrency C] [--max-seconds S] [--warmup W]`.
 * Starts the real app (SQLite in a temp dir, the Redis at FAXGATE_TEST_REDIS_URL or 127.0.0.1:6379
 * under a throw-away queue prefix, no workers) and a bare Fastify route taking the same bodies,
 * and drives each with autocannon (C connections over keep-alive, loopback only) posting signed
 * fax deliveries carrying a 200 KB document. autocannon's `setupRequest` builds every request as a
 * new fax (new id, fresh signature), so none is short-circuited by idempotency: each one is
 * verified, stored in one transaction and enqueued (the acknowledgements' distinct document ids
 * are counted to prove it). After W unmeasured requests, a row stops after N requests or S
 * seconds, whichever comes first. Prints p50/p99 latency and requests/s per target, and each
 * against the bare route measured in the same run.
 *
 * autocannon runs in this process, so client and server share the CPU (signing each request is
 * the client's cost too) — compare the rows with each other, not with other machines.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import autocannonPackage from 'autocannon/package.json' with { type: 'json' };
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
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    'max-seconds': { type: 'string', default: '60' },
    warmup: { type: 'string', default: '100' },
  },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);
const maxSeconds = Number(values['max-seconds']);
const warmup = Number(values.warmup);
const autocannonVersion = autocannonPackage.version;
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
  /** Distinct document ids in the acknowledgements: one per request when nothing was deduplicated. */
  documents: number;
}

/** A short unmeasured run first (JIT, connection set-up, SQLite page cache), then the measured one. */
async function load(name: string, port: number, make: () => WebhookRequest): Promise<Result> {
  if (warmup > 0) await run(name, port, make, Math.max(warmup, concurrency));
  return run(name, port, make, total);
}

async function run(name: string, port: number, make: () => WebhookRequest, count: number): Promise<Result> {
  // autocannon's own latency histogram has 1 ms resolution; the per-response times it emits are
  // hrtime-based floats, so the percentiles here are taken from those.
  const latencies: number[] = [];
  let lastResponse = 0;
  const documents = new Set<string>();
  const t0 = performance.now();
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: concurrency,
    pipelining: 1,
    maxOverallRequests: count,
    duration: maxSeconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const r = make(); // a new fax each time: new id, body and signature
          return { ...req, path: r.url, headers: r.headers, body: r.payload };
        },
        onResponse: (status, body) => {
          if (status !== 200) return;
          for (const id of (JSON.parse(body) as { documentIds?: string[] }).documentIds ?? [])
            documents.add(id);
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    lastResponse = performance.now();
    if (statusCode === 200) latencies.push(responseTime);
  });
  const result = await instance;
  const seconds = (lastResponse - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
  return {
    name,
    ok: latencies.length,
    documents: documents.size,
    // Connection errors and timeouts, non-2xx answers, and 2xx answers other than 200.
    failed: result.errors + result.non2xx + (result['2xx'] - latencies.length),
    p50: pct(50),
    p99: pct(99),
    rps: latencies.length / seconds,
  };
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

const base = results[0]!;
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}x` : '-').padStart(7);
process.stdout.write(
  `webhook acknowledgement (autocannon ${autocannonVersion}), up to ${total} requests or ${maxSeconds} s per row, ` +
    `${concurrency} connections, 200 KB document, loopback, after ${warmup} unmeasured requests, Node ${process.version}\n` +
    'ratios are against the bare Fastify route in this run (latency: x slower, req/s: fraction of bare)\n\n',
);
process.stdout.write(
  `${'target'.padEnd(52)}    ok  fail  new docs   p50 ms   p99 ms    req/s  p50 vs  p99 vs  rps vs\n`,
);
for (const r of results) {
  process.stdout.write(
    `${r.name.padEnd(52)} ${String(r.ok).padStart(5)} ${String(r.failed).padStart(5)} ` +
      `${(r === base ? '-' : String(r.documents)).padStart(9)} ` +
      `${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.rps.toFixed(0).padStart(8)} ` +
      `${times(r.p50 / base.p50)} ${times(r.p99 / base.p99)} ${times(r.rps / base.rps)}\n`,
  );
}
// Every acknowledged app request must have made its own document, or idempotency was measured.
const deduplicated = results.filter((r) => r !== base && r.documents !== r.ok);
if (deduplicated.length) {
  process.stdout.write(
    `\nWARNING: fewer new documents than acknowledgements: ${deduplicated.map((r) => r.name).join(', ')}\n`,
  );
  process.exitCode = 1;
}
