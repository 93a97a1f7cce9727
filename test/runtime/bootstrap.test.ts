/**
 * The first-start admin (src/runtime/bootstrap.ts) as an operator meets it: `faxgate api` started
 * as a real process on an empty SQLite store prints a one-time password for user "admin" once;
 * logging in over HTTP with it works but everything except changing it is refused; a second
 * start prints nothing and creates nobody. Two API processes racing on an empty store make one
 * admin and one printout.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { ensureBootstrapAdmin } from '../../src/runtime/bootstrap.ts';
import { migrateToLatest, openDatabase } from '../../src/store/database.ts';
import { createSessionStore } from '../../src/store/session-store.ts';
import { createStores } from '../../src/store/stores.ts';
import { testRedisUrl, waitFor } from '../helpers/test-app.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/faxgate.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

interface Started {
  base: string;
  /** stderr so far */
  stderr(): string;
  /** SIGTERM, then everything the process wrote. */
  stop(): Promise<{ stdout: string; stderr: string; code: number | null }>;
}

describe('first start of faxgate api', () => {
  let dataDir: string;
  const prefix = `fgtest-${randomBytes(4).toString('hex')}`;
  let proc: ChildProcess | null = null;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'faxgate-bootstrap-'));
  });
  afterEach(() => {
    proc?.kill('SIGKILL');
    proc = null;
  });
  afterAll(async () => {
    const r = new Redis(testRedisUrl);
    const keys = await r.keys(`${prefix}:*`);
    if (keys.length) await r.del(...keys);
    r.disconnect();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** `faxgate api` on the test's store; resolves once it logs that it listens. */
  async function startApi(): Promise<Started> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FAXGATE_DATA_DIR: dataDir,
      FAXGATE_PORT: String(port),
      FAXGATE_HOST: '127.0.0.1',
      REDIS_URL: testRedisUrl,
      FAXGATE_QUEUE_PREFIX: prefix,
      FAXGATE_LOG_LEVEL: 'info',
    };
    delete env.DATABASE_URL;
    const p = spawn(process.execPath, [bin, 'api'], { cwd: root, env });
    proc = p;
    let stdout = '';
    let stderr = '';
    p.stderr.on('data', (d) => {
      stderr += d;
    });
    const closed = new Promise<number | null>((r) => p.on('close', (code) => r(code)));
    await new Promise<void>((resolve, reject) => {
      p.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.includes('faxgate is listening')) resolve();
      });
      closed.then((code) => reject(new Error(`faxgate api exited ${code}: ${stderr.slice(-2000)}`)));
    });
    return {
      base: `http://127.0.0.1:${port}`,
      stderr: () => stderr,
      async stop() {
        p.kill('SIGTERM');
        const code = await closed;
        proc = null;
        return { stdout, stderr, code };
      },
    };
  }

  it('prints a one-time admin password once, which must be changed at first login; a second start prints nothing', async () => {
    const first = await startApi();
    const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${first.base}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    // written to stderr before "listening" is logged, but stderr and stdout are separate pipes
    const printed = await waitFor(
      async () => /user "admin" was created[^\n]*\n\s*\n\s{4}(\S+)\n/.exec(first.stderr())?.[1],
      5000,
      'the one-time password on stderr',
    );
    const login = await post('/api/v1/auth/login', { username: 'admin', password: printed });
    expect(login.status).toBe(200);
    const body = (await login.json()) as {
      user: { role: string; mustChangePassword: boolean };
      csrfToken: string;
    };
    expect(body.user).toMatchObject({ role: 'admin', mustChangePassword: true });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    // a one-time password opens nothing but the password change
    expect((await fetch(`${first.base}/api/v1/orders`, { headers: { cookie } })).status).toBe(403);
    const change = await post(
      '/api/v1/auth/password',
      { currentPassword: printed, newPassword: 'the admin chose this' },
      { cookie, 'x-csrf-token': body.csrfToken },
    );
    expect(change.status).toBe(200);
    const out1 = await first.stop();
    // printed exactly once, on stderr only — never into the log on stdout
    expect(out1.stderr.split(printed).length - 1).toBe(1);
    expect(out1.stdout).not.toContain(printed);
    expect(out1.stdout).toContain('bootstrap admin user created');

    const second = await startApi();
    const again = await fetch(`${second.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'the admin chose this' }),
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(
      false,
    );
    const out2 = await second.stop();
    expect(out2.stderr).not.toMatch(/First start/);
    expect(out2.stdout).not.toContain('bootstrap admin user created');

    const database = await openDatabase({ dataDir });
    try {
      const stores = createStores(database);
      expect(await stores.users.count()).toBe(1);
      expect((await stores.users.getByUsername('admin'))?.role).toBe('admin');
    } finally {
      await database.close();
    }
  });
});

describe('ensureBootstrapAdmin', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('sqlite');
  });
  afterAll(async () => {
    await db?.cleanup();
  });

  it('creates one admin with a must-change password when two processes race on an empty store', async () => {
    // a second connection to the same SQLite file plays the other API process
    const other = await openDatabase({ dataDir: db.dataDir });
    await migrateToLatest(other);
    const writes: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      const log = createLogger('silent');
      await Promise.all([
        ensureBootstrapAdmin(createStores(db), log),
        ensureBootstrapAdmin(createStores(other), log),
      ]);
      await ensureBootstrapAdmin(createStores(db), log); // a later start: nothing
    } finally {
      spy.mockRestore();
      await other.close();
    }
    const stores = createStores(db);
    expect(await stores.users.count()).toBe(1);
    const admin = (await stores.users.getByUsername('admin'))!;
    expect(admin.role).toBe('admin');
    expect(await createSessionStore(db).mustChangePassword(admin.id)).toBe(true);
    expect(writes.filter((w) => w.includes('user "admin" was created'))).toHaveLength(1);
  });
});
