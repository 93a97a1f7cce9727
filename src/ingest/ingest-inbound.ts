/**
 * One inbound document from a verified webhook → durable (document + receipt in one transaction,
 * idempotent on the provider's key) → first step enqueued. A re-delivery finds the receipt and
 * returns the same document; enqueueing again is harmless (deterministic job ids) and recovers a
 * document whose first enqueue failed.
 */
import type { Config } from '../config.ts';
import type { Queues } from '../jobs.ts';
import { sniffType } from '../pipeline/pages/sniff-type.ts';
import type { Stores } from '../store/stores.ts';
import { failDocument } from '../workers/step-context.ts';
import { enqueueFirstStep } from './first-step.ts';
import type { FaxProviderName, InboundDocument } from './provider.ts';
import type { PendingMedia } from './provider-media.ts';

export interface IngestDeps {
  stores: Stores;
  queues: Queues;
  config: Config;
  log: { warn(obj: object, msg: string): void };
}

export async function ingestInbound(
  deps: IngestDeps,
  provider: FaxProviderName,
  doc: InboundDocument,
): Promise<{ documentId: string; created: boolean }> {
  const { content } = doc;
  const bytes = content.kind === 'bytes' ? content.bytes : Buffer.alloc(0);
  const media: PendingMedia | null =
    content.kind === 'url' ? { provider, url: content.url, faxId: doc.providerIds.faxId ?? null } : null;
  const { documentId, created } = await deps.stores.documents.ingest({
    bytes,
    contentType: bytes.length > 0 ? sniffType(bytes) : null,
    meta: doc.meta,
    receiptKey: { provider, key: doc.key },
    extraMeta: {
      providerIds: doc.providerIds,
      providerPageCount: doc.pageCount,
      ...(media ? { media } : {}),
    },
  });
  if (content.kind === 'missing') {
    // Nothing to process, but the clerk must see that a fax came and why it is not there.
    if (created) await failDocument(deps.stores, documentId, content.reason);
    return { documentId, created };
  }
  try {
    await enqueueFirstStep(deps.queues, documentId, {
      awaitsMedia: media !== null,
      retryBaseMs: deps.config.mediaRetryBaseMs,
    });
  } catch (err) {
    deps.log.warn({ err, documentId }, 'enqueue failed; the reconciler will pick the document up');
  }
  return { documentId, created };
}
