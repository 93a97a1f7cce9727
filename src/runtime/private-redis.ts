/**
 * The embedded Redis: when REDIS_URL is unset, faxgate runs its own `redis-server` from PATH,
 * append-only, with its data under the data directory. Processes sharing a data directory
 * share that server: its address is kept in `<dataDir>/redis/redis.url`, and whoever finds a
 * live one there reuses it instead of starting another. The process that owns it (the starter,
 * or whoever finds it orphaned after its starter was killed) shuts it down on exit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { FaxgateError } from '../errors.ts';
import type { Logger } from '../logger.ts';

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

export const REDIS_MISSING_HELP = [
  'faxgate needs Redis, and REDIS_URL is not set, so it tried to start its own redis-server from PATH — none is installed.',
  'Either install one:',
  '  Debian/Ubuntu:  sudo apt-get install -y redis-server',
  '  macOS:          brew install redis',
  '  Docker:         docker compose up -d redis   (see docker-compose.yml)',
  'or point faxgate at an existing server:  REDIS_URL=redis://host:6379 npm start',
].join('\n');

function findRedisServer(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

async function ping(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** SHUTDOWN makes redis-server flush the append-only file and exit. */
async function shutdown(url: string, urlFile: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  await client.call('SHUTDOWN').catch(() => {}); // the connection drops as the server exits
  client.disconnect();
  writeFileSync(urlFile, '');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new FaxgateError('DEPENDENCY_MISSING', `redis-server exited with code ${child.exitCode}`);
    if (await ping(url)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new FaxgateError('DEPENDENCY_MISSING', `redis-server did not answer within ${timeoutMs / 1000} s`);
}

export async function startPrivateRedis(dataDir: string, log: Logger): Promise<PrivateRedis> {
  const dir = path.join(dataDir, 'redis');
  const urlFile = path.join(dir, 'redis.url');
  mkdirSync(dir, { recursive: true });

  const ownerFile = path.join(dir, 'redis.owner');
  const existing = readText(urlFile);
  if (existing && (await ping(existing))) {
    const owner = Number(readText(ownerFile));
    if (owner && isAlive(owner)) {
      log.info(
        { url: existing },
        'using the private redis-server that another faxgate process runs for this data directory',
      );
      return { url: existing, stop: async () => {} };
    }
    // Its starter is gone (killed): adopt it, so that it stops with us.
    writeFileSync(ownerFile, String(process.pid));
    log.info({ url: existing }, 'adopted the private redis-server left running for this data directory');
    return { url: existing, stop: () => shutdown(existing, urlFile) };
  }

  const bin = findRedisServer();
  if (!bin) throw new FaxgateError('DEPENDENCY_MISSING', REDIS_MISSING_HELP);

  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--daemonize',
      'no',
      '--logfile',
      path.join(dir, 'redis.log'),
      // Jobs must never be evicted: BullMQ requires noeviction.
      '--maxmemory-policy',
      'noeviction',
    ],
    // A separate process group: Ctrl-C in a terminal reaches faxgate, which then stops Redis in order.
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  await waitUntilUp(url, child, 15_000);
  writeFileSync(urlFile, url + '\n');
  writeFileSync(ownerFile, String(process.pid));
  log.info({ url, dir }, 'started private redis-server (append-only)');

  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM'); // redis-server flushes the append-only file on SIGTERM
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try {
        writeFileSync(urlFile, '');
      } catch {
        // data dir gone: nothing to clean
      }
    },
  };
}
