/**
 * The first pipeline step of a stored document: `fetch` while its bytes are still at the provider
 * (ingested with an empty body and the link in meta.media), `pages` otherwise. Job ids are
 * deterministic, so enqueueing again (re-delivery, reconciler) adds nothing.
 */
import { enqueueStep, jobId, type Queues } from '../jobs.ts';
import { limits } from '../limits.ts';

export function awaitsMedia(doc: { size: number; meta: Record<string, unknown> }): boolean {
  return doc.size === 0 && typeof doc.meta.media === 'object' && doc.meta.media !== null;
}

export async function enqueueFirstStep(
  queues: Queues,
  documentId: string,
  opts: { awaitsMedia: boolean; retryBaseMs: number },
): Promise<void> {
  if (!opts.awaitsMedia) return enqueueStep(queues, 'pages', documentId);
  await queues.fetch.add(
    'fetch',
    { documentId },
    {
      jobId: jobId(documentId, 'fetch'),
      attempts: limits.mediaFetchAttempts,
      backoff: { type: 'exponential', delay: opts.retryBaseMs },
    },
  );
}
