/**
 * Documents stored while Redis was unreachable sit in `received` without a job; the
 * reconciler enqueues them (once: job ids are the document ids).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { startReconciler } from '../../src/workers/reconciler.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

describe('reconciler', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('enqueues documents left in received, and only once', async () => {
    const { documentId } = await t.stores.documents.ingest({
      bytes: Buffer.from('%PDF-1.4 stored while Redis was down'),
      contentType: 'pdf',
      meta: { channel: 'upload', provider: 'upload', from: null, to: null, receivedAt: null },
      receiptKey: { provider: 'upload', key: 'redis-down-1' },
    });
    expect(await t.queues.pages.getJob(documentId)).toBeUndefined();

    const reconciler = startReconciler({
      stores: t.stores,
      queues: t.queues,
      log: createLogger('silent'),
      afterMs: 0,
      intervalMs: 3_600_000,
      mediaRetryBaseMs: 100,
    });
    try {
      await new Promise((r) => setTimeout(r, 5)); // `received` must be strictly older than now
      expect(await reconciler.runOnce()).toBeGreaterThanOrEqual(1);
      expect(await t.queues.pages.getJob(documentId)).toBeDefined();
      await reconciler.runOnce();
      const waiting = await t.queues.pages.getJobs(['waiting', 'active', 'delayed']);
      expect(waiting.filter((j) => j.data.documentId === documentId)).toHaveLength(1);
    } finally {
      reconciler.stop();
    }
  });
});
