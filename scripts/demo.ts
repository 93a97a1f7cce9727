/**
 * `npm run demo`: starts a gateway on its own data directory (./data-demo), loads the sample
 * master data, uploads the bundled sample faxes, waits for their drafts and prints them as a
 * table. The gateway keeps running for a look at the API until Ctrl-C (or exits with --exit).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/faxgate.js');
const { values } = parseArgs({ options: { exit: { type: 'boolean' }, port: { type: 'string' } } });
const port = values.port ?? process.env.FAXGATE_PORT ?? '3100';
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  FAXGATE_DATA_DIR: process.env.FAXGATE_DATA_DIR ?? path.join(root, 'data-demo'),
  FAXGATE_PORT: port,
  FAXGATE_LOG_LEVEL: process.env.FAXGATE_LOG_LEVEL ?? 'warn',
};

const cli = (...args: string[]) => execFileSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, timeoutMs: number, fn: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`demo: timed out waiting for ${what}`);
    await sleep(250);
  }
}

function pad(s: unknown, n: number): string {
  const t = String(s ?? '—');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t.padEnd(n);
}

let gateway: ChildProcess | null = null;
try {
  const master = path.join(root, 'fixtures/master-data');
  console.log('loading sample master data …');
  cli('import', 'products', path.join(master, 'products.csv'));
  cli('import', 'customers', path.join(master, 'customers.csv'));
  cli('import', 'customer-skus', path.join(master, 'customer_skus.csv'));
  const token = cli('token', 'create', '--scope', 'admin', '--name', 'demo').trim().split('\n').at(-1)!;
  const auth = { authorization: `Bearer ${token}` };

  console.log(`starting faxgate on ${base} …`);
  gateway = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  await until('the gateway to listen', 90_000, async () =>
    (await fetch(`${base}/healthz`)).ok ? true : undefined,
  );

  const dir = path.join(root, 'fixtures/documents');
  const samples = readdirSync(dir).filter((f) => /\.(tif|pdf)$/.test(f));
  const uploads: Array<{ file: string; documentId: string }> = [];
  for (const file of samples) {
    const truth = JSON.parse(readFileSync(path.join(dir, file.replace(/\.\w+$/, '.json')), 'utf8'));
    const form = new FormData();
    if (truth.from) form.set('from', truth.from);
    form.set('channel', truth.channel === 'email' ? 'email' : 'fax');
    form.set('file', new Blob([readFileSync(path.join(dir, file))]), file);
    const res = await fetch(`${base}/api/v1/documents`, { method: 'POST', body: form, headers: auth });
    const { documentId } = (await res.json()) as { documentId: string };
    console.log(`uploaded ${file} → document ${documentId}`);
    uploads.push({ file, documentId });
  }

  console.log('waiting for the drafts (OCR takes a few seconds a page) …\n');
  console.log(`${pad('file', 24)} ${pad('status', 13)} ${pad('customer', 30)} ${pad('lines', 44)} conf`);
  for (const u of uploads) {
    const doc = await until(`document ${u.documentId}`, 180_000, async () => {
      const d = (await (
        await fetch(`${base}/api/v1/documents/${u.documentId}`, { headers: auth })
      ).json()) as {
        status: string;
        failureReason: string | null;
        orderIds: string[];
      };
      return ['processed', 'failed', 'duplicate'].includes(d.status) ? d : undefined;
    });
    const orderId = doc.orderIds[0];
    const order = orderId
      ? ((await (await fetch(`${base}/api/v1/orders/${orderId}`, { headers: auth })).json()) as {
          status: string;
          customer: { id: string | null; name: string | null };
          lines: Array<{ sku: string | null; quantity: number | null }>;
          confidence: number;
        })
      : null;
    const lines =
      order?.lines.map((l) => `${l.quantity ?? '?'}×${l.sku ?? '?'}`).join(' ') ?? doc.failureReason;
    const customer = order?.customer.id ? `${order.customer.id} ${order.customer.name ?? ''}` : null;
    console.log(
      `${pad(u.file, 24)} ${pad(order?.status ?? doc.status, 13)} ${pad(customer, 30)} ${pad(lines, 44)} ${order ? order.confidence.toFixed(2) : ''}`,
    );
  }
  console.log(`\nReview queue: ${base}/api/v1/orders?status=needs_review (Authorization: Bearer ${token})`);
  console.log(`API documentation: ${base}/docs`);
  if (values.exit) {
    gateway.kill('SIGTERM');
  } else {
    console.log('The gateway keeps running; Ctrl-C stops it.');
    process.on('SIGINT', () => gateway?.kill('SIGTERM'));
  }
  await new Promise((r) => gateway?.once('exit', r));
} catch (err) {
  console.error((err as Error).message);
  gateway?.kill('SIGTERM');
  process.exitCode = 1;
}
