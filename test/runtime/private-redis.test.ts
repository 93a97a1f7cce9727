/**
 * The embedded Redis: started append-only under the data directory, shared by a second process
 * view of the same directory, stopped by its owner; a clear message when none is installed.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { startPrivateRedis } from '../../src/runtime/private-redis.ts';

const log = createLogger('silent');

describe('private redis-server', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'faxgate-redis-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts append-only under the data directory, is reused, and stops with its owner', async () => {
    const own = await startPrivateRedis(dataDir, log);
    const client = new Redis(own.url);
    try {
      const [, appendonly] = (await client.config('GET', 'appendonly')) as string[];
      expect(appendonly).toBe('yes');
      const [, dir] = (await client.config('GET', 'dir')) as string[];
      expect(dir).toBe(path.join(dataDir, 'redis'));
      const shared = await startPrivateRedis(dataDir, log);
      expect(shared.url).toBe(own.url);
      await shared.stop(); // not the owner: the server keeps running
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
    }
    await own.stop();
    const probe = new Redis(own.url, {
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    probe.on('error', () => {});
    await expect(probe.connect()).rejects.toThrow();
    probe.disconnect();
    expect(existsSync(path.join(dataDir, 'redis'))).toBe(true);
  });

  it('says how to get Redis when no redis-server is on PATH', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startPrivateRedis(mkdtempSync(path.join(tmpdir(), 'fg-nored-')), log)).rejects.toThrow(
        /apt-get install -y redis-server[\s\S]*brew install redis[\s\S]*docker compose[\s\S]*REDIS_URL/,
      );
    } finally {
      process.env.PATH = saved;
    }
  });
});
