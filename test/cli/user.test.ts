/**
 * `faxgate user add|passwd|disable|enable` as an operator runs them: the real CLI in a child
 * process on a SQLite store in a temp dir, while the app (same store, real Redis) is up. The
 * outcome is checked by logging in through the app: who can log in, with which role, whether a
 * one-time password must be changed first, and that passwd/disable end the user's sessions.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createQueues, producerConnection, type Queues } from '../../src/jobs.ts';
import { createLogger } from '../../src/logger.ts';
import { buildServer } from '../../src/server.ts';
import { type Database, migrateToLatest, openDatabase } from '../../src/store/database.ts';
import { createStores, type Stores } from '../../src/store/stores.ts';
import { testRedisUrl } from '../helpers/test-app.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/faxgate.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('faxgate user', () => {
  let dataDir: string;
  let database: Database;
  let stores: Stores;
  let app: FastifyInstance;
  let queues: Queues;
  let redis: Redis;
  const prefix = `fgtest-${randomBytes(4).toString('hex')}`;
  let oneTime = '';

  /** The real command; `stdin` is written and closed (an empty stdin when not given). */
  function cli(args: string[], stdin = ''): Promise<Run> {
    return new Promise((resolve, reject) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        FAXGATE_DATA_DIR: dataDir,
        FAXGATE_LOG_LEVEL: 'silent',
      };
      delete env.DATABASE_URL; // this test is about the SQLite store in dataDir
      const p = spawn(process.execPath, [bin, 'user', ...args], { cwd: root, env });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (d) => {
        stdout += d;
      });
      p.stderr.on('data', (d) => {
        stderr += d;
      });
      p.on('error', reject);
      p.on('close', (code) => resolve({ code, stdout, stderr }));
      p.stdin.end(stdin);
    });
  }

  const login = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const cookieOf = (res: { headers: Record<string, unknown> }) =>
    String(res.headers['set-cookie']).split(';')[0]!;
  const orders = (cookie: string) => app.inject({ url: '/api/v1/orders', headers: { cookie } });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'faxgate-cli-user-'));
    database = await openDatabase({ dataDir });
    await migrateToLatest(database);
    stores = createStores(database);
    const config = loadConfig({
      FAXGATE_DATA_DIR: dataDir,
      REDIS_URL: testRedisUrl,
      FAXGATE_QUEUE_PREFIX: prefix,
      FAXGATE_LOG_LEVEL: 'silent',
    });
    redis = producerConnection(testRedisUrl);
    queues = createQueues(redis, prefix);
    app = await buildServer({ config, stores, queues, redis }, createLogger('silent'));
  });
  afterAll(async () => {
    await app?.close();
    await queues?.close();
    redis?.disconnect();
    const r = new Redis(testRedisUrl);
    const keys = await r.keys(`${prefix}:*`);
    if (keys.length) await r.del(...keys);
    r.disconnect();
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('adds a clerk with a password from stdin who can log in at once', async () => {
    const res = await cli(
      ['add', 'mueller', '--role', 'clerk', '--locale', 'de', '--password-stdin'],
      'mueller password 1\n',
    );
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('created clerk mueller');
    expect(res.stdout).toBe(''); // nothing to print: the operator chose the password
    const user = await stores.users.getByUsername('mueller');
    expect(user).toMatchObject({ role: 'clerk', locale: 'de', disabled: false });
    expect(user!.passwordHash).toMatch(/^scrypt\$/); // hashed, never the plain text
    expect(user!.passwordHash).not.toContain('mueller password 1');

    const ok = await login('mueller', 'mueller password 1');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ username: 'mueller', role: 'clerk', mustChangePassword: false });
    expect((await orders(cookieOf(ok))).statusCode).toBe(200);
    expect((await login('mueller', 'wrong password 1')).statusCode).toBe(401);
  });

  it('adds an admin with a generated one-time password that must be changed at first login', async () => {
    const res = await cli(['add', 'chef', '--role', 'admin']);
    expect(res.code).toBe(0);
    const password = res.stdout.trim().split('\n').at(-1)!;
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(res.stderr).toMatch(/one-time password/);
    expect(res.stderr).not.toContain(password); // only stdout carries it, once

    const first = await login('chef', password);
    expect(first.statusCode).toBe(200);
    expect(first.json().user).toMatchObject({ role: 'admin', mustChangePassword: true });
    const cookie = cookieOf(first);
    expect((await orders(cookie)).statusCode).toBe(403); // nothing else before the change
    const change = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: password, newPassword: 'chef chose this one' },
      headers: { cookie, 'x-csrf-token': first.json().csrfToken },
    });
    expect(change.statusCode).toBe(200);
    const again = await login('chef', 'chef chose this one');
    expect(again.json().user.mustChangePassword).toBe(false);
    expect(
      (await app.inject({ url: '/erp/v1/orders', headers: { cookie: cookieOf(again) } })).statusCode,
    ).toBe(200);
  });

  it('refuses a bad role, a short password and a taken name without creating anything', async () => {
    const role = await cli(['add', 'x1', '--role', 'boss', '--password-stdin'], 'long enough password\n');
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/--role must be clerk or admin/);
    const short = await cli(['add', 'x2', '--role', 'clerk', '--password-stdin'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/password needs/);
    expect(await stores.users.getByUsername('x1')).toBeNull();
    expect(await stores.users.getByUsername('x2')).toBeNull();

    const before = (await stores.users.getByUsername('mueller'))!.passwordHash;
    const taken = await cli(
      ['add', 'mueller', '--role', 'admin', '--password-stdin'],
      'another password 1\n',
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already exists/);
    const after = (await stores.users.getByUsername('mueller'))!;
    expect(after.role).toBe('clerk');
    expect(after.passwordHash).toBe(before);
    expect((await cli(['add'])).code).toBe(2); // usage
  });

  it('passwd sets a new password from stdin and ends the open sessions', async () => {
    const ok = await login('mueller', 'mueller password 1');
    const cookie = cookieOf(ok);
    expect((await orders(cookie)).statusCode).toBe(200);
    const res = await cli(['passwd', 'mueller', '--password-stdin'], 'mueller password 2\n');
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('password changed for mueller');
    expect((await orders(cookie)).statusCode).toBe(401); // the old session is gone
    expect((await login('mueller', 'mueller password 1')).statusCode).toBe(401);
    const next = await login('mueller', 'mueller password 2');
    expect(next.statusCode).toBe(200);
    expect(next.json().user.mustChangePassword).toBe(false);
  });

  it('passwd without stdin prints a one-time password that must be changed at the next login', async () => {
    const res = await cli(['passwd', 'mueller']);
    expect(res.code).toBe(0);
    const password = res.stdout.trim().split('\n').at(-1)!;
    expect((await login('mueller', 'mueller password 2')).statusCode).toBe(401);
    const ok = await login('mueller', password);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.mustChangePassword).toBe(true);
    oneTime = password; // the next test logs in with it
  });

  it('disable blocks logins and ends sessions; enable lets the user in again', async () => {
    const me = (cookie: string) => app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    const cookie = cookieOf(await login('mueller', oneTime));
    expect((await me(cookie)).statusCode).toBe(200);
    const off = await cli(['disable', 'mueller']);
    expect(off.code).toBe(0);
    expect(off.stderr).toContain('disabled mueller');
    expect((await stores.users.getByUsername('mueller'))!.disabled).toBe(true);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await login('mueller', oneTime)).statusCode).toBe(401);

    const on = await cli(['enable', 'mueller']);
    expect(on.code).toBe(0);
    expect(on.stderr).toContain('enabled mueller');
    expect((await stores.users.getByUsername('mueller'))!.disabled).toBe(false);
    expect((await login('mueller', oneTime)).statusCode).toBe(200);
  });

  it('names an unknown user', async () => {
    for (const sub of ['passwd', 'disable']) {
      const res = await cli([sub, 'nobody', '--password-stdin'], 'long enough password\n');
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/no user nobody/);
    }
  });
});
