/**
 * What a step processor gets: the stores, the queues, the OCR engine and a logger.
 * `guard` turns a permanent document error into a `failed` document (reason kept for the
 * clerk, a failed order in the queue) and an UnrecoverableError, so BullMQ does not retry it.
 */
import { UnrecoverableError } from 'bullmq';
import { isPermanent } from '../errors.ts';
import type { Queues } from '../jobs.ts';
import type { Logger } from '../logger.ts';
import type { OcrEngine } from '../pipeline/ocr/ocr-engine.ts';
import type { Stores } from '../store/stores.ts';

export interface StepContext {
  stores: Stores;
  queues: Queues;
  ocr: () => Promise<OcrEngine>;
  log: Logger;
  guard<T>(documentId: string, fn: () => Promise<T>): Promise<T>;
}

/** Record a document as failed, with one failed order so the clerk sees it in the queue. */
export async function failDocument(stores: Stores, documentId: string, reason: string): Promise<void> {
  const doc = await stores.documents.get(documentId);
  if (!doc) return;
  // The failed order first: whoever sees the document `failed` must find it in the queue too.
  await stores.orders.createFailed(documentId, reason, {
    channel: doc.inbound.channel,
    provider: doc.inbound.provider,
    from: doc.inbound.from,
    to: doc.inbound.to,
    receivedAt: doc.receivedAt,
    pages: doc.pageCount ?? 0,
  });
  await stores.documents.markFailed(documentId, reason);
}

export function createStepContext(base: Omit<StepContext, 'guard'>): StepContext {
  return {
    ...base,
    async guard(documentId, fn) {
      try {
        return await fn();
      } catch (err) {
        if (!isPermanent(err)) throw err; // transient: BullMQ retries with back-off
        const reason = (err as Error).message;
        await failDocument(base.stores, documentId, reason);
        throw new UnrecoverableError(reason);
      }
    },
  };
}
