/**
 * No data lost: the all-in-one process (private Redis, SQLite) is killed with SIGKILL right
 * after it acknowledged an upload; started again, the document ends as exactly one order.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/test-app.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/faxgate.js');
const tiff = readFileSync(path.join(root, 'fixtures/documents/order-fine-g4.tif'));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

describe('crash recovery of the all-in-one process', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'faxgate-crash-'));
  const children: ChildProcess[] = [];
  let env: NodeJS.ProcessEnv;

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    // The private redis-server outlives a SIGKILLed parent by design; stop it here.
    const url = readFileSync(path.join(dataDir, 'redis/redis.url'), 'utf8').trim();
    if (url) {
      const r = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
      r.on('error', () => {});
      await r.call('SHUTDOWN', 'NOSAVE').catch(() => {});
      r.disconnect();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(port: number): Promise<ChildProcess> {
    const child = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    child.stderr?.resume();
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`faxgate start exited with ${child.exitCode}`);
        return fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => (r.ok ? true : undefined),
          () => undefined,
        );
      },
      60_000,
      'faxgate to listen',
    );
    return child;
  }

  it('keeps an acknowledged upload through a SIGKILL and makes exactly one order of it', async () => {
    const port = await freePort();
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      FAXGATE_DATA_DIR: dataDir,
      FAXGATE_PORT: String(port),
      FAXGATE_LOG_LEVEL: 'warn',
      FAXGATE_OCR_LANGUAGES: 'deu+eng',
    };
    const token = execFileSync(process.execPath, [bin, 'token', 'create', '--scope', 'admin'], {
      env,
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .at(-1)!;
    const auth = { authorization: `Bearer ${token}` };
    const base = `http://127.0.0.1:${port}`;

    const first = await start(port);
    const form = new FormData();
    form.set('from', '+41445551234');
    form.set('file', new Blob([tiff]), 'fax.tif');
    const res = await fetch(`${base}/api/v1/documents`, { method: 'POST', body: form, headers: auth });
    expect(res.status).toBe(202);
    first.kill('SIGKILL');
    const { documentId } = (await res.json()) as { documentId: string };
    await new Promise((r) => first.once('exit', r));

    await start(port);
    const doc = await waitFor(
      async () => {
        const d = (await (
          await fetch(`${base}/api/v1/documents/${documentId}`, { headers: auth })
        ).json()) as {
          status: string;
          orderIds: string[];
        };
        return d.status === 'processed' || d.status === 'failed' ? d : undefined;
      },
      120_000,
      'the document to be processed after the restart',
    );
    expect(doc.status).toBe('processed');
    expect(doc.orderIds).toHaveLength(1);
    const all = (await (await fetch(`${base}/api/v1/orders?limit=100`, { headers: auth })).json()) as {
      items: Array<{ documentId: string; status: string }>;
    };
    expect(all.items.filter((o) => o.documentId === documentId)).toHaveLength(1);
    expect(all.items[0]?.status).toBe('needs_review');
  }, 240_000);
});
