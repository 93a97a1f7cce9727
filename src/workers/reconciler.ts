/**
 * Re-enqueues documents that were stored but never reached a worker — Redis was down at
 * ingest, or its data was lost. Job ids are deterministic, so enqueueing a document whose job
 * still exists adds nothing.
 */
import { awaitsMedia, enqueueFirstStep } from '../ingest/first-step.ts';
import type { Queues } from '../jobs.ts';
import type { Logger } from '../logger.ts';
import type { Stores } from '../store/stores.ts';

export function startReconciler(opts: {
  stores: Stores;
  queues: Queues;
  log: Logger;
  afterMs: number;
  intervalMs: number;
  /** Back-off base for media downloads (documents whose bytes are still at the provider). */
  mediaRetryBaseMs: number;
}): { runOnce(): Promise<number>; stop(): void } {
  const { stores, queues, log } = opts;
  let running = false;

  async function runOnce(): Promise<number> {
    if (running) return 0;
    running = true;
    try {
      const ids = await stores.documents.listStuck({ statuses: ['received'], olderThanMs: opts.afterMs });
      let n = 0;
      for (const id of ids) {
        try {
          const doc = await stores.documents.get(id);
          if (!doc) continue;
          await enqueueFirstStep(queues, id, {
            awaitsMedia: awaitsMedia(doc),
            retryBaseMs: opts.mediaRetryBaseMs,
          });
          n++;
        } catch (err) {
          log.warn({ err, documentId: id }, 'reconciler could not enqueue; will try again');
          break; // Redis is down: try the rest next round
        }
      }
      if (n > 0) log.info({ count: n }, 'reconciler enqueued documents left in received');
      return n;
    } finally {
      running = false;
    }
  }

  const timer = setInterval(() => {
    runOnce().catch((err) => log.error({ err }, 'reconciler round failed'));
  }, opts.intervalMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
