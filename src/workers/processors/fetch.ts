/**
 * Step 0, only for documents that arrived as a link (Telnyx media_url, SignalWire MediaUrl):
 * download under the media policy, store the bytes with the document, enqueue `pages`.
 * Unreachable hosts throw and BullMQ retries with back-off; after the last try the worker marks
 * the document failed with the reason. Refused URLs and oversize media fail at once.
 */
import { type Job, UnrecoverableError } from 'bullmq';
import type { Config } from '../../config.ts';
import { DocumentError } from '../../errors.ts';
import { downloadPendingMedia, pendingMediaOf } from '../../ingest/provider-media.ts';
import { type DocumentJob, enqueueStep } from '../../jobs.ts';
import { sniffType } from '../../pipeline/pages/sniff-type.ts';
import type { StepContext } from '../step-context.ts';

export async function processFetch(
  job: Job<DocumentJob>,
  ctx: StepContext & { config: Config },
): Promise<void> {
  const { documentId } = job.data;
  const doc = await ctx.stores.documents.get(documentId);
  if (!doc) throw new UnrecoverableError(`document ${documentId} does not exist`);
  if (doc.status !== 'received') return; // already further along: a replayed job
  if (doc.size === 0) {
    const media = pendingMediaOf(doc.meta);
    const bytes = await ctx.guard(documentId, async () => {
      if (!media)
        throw new DocumentError('EMPTY_DOCUMENT', 'The provider sent neither the fax nor a link to it.');
      return downloadPendingMedia(media, ctx.config, ctx.log, (url) =>
        ctx.stores.documents.mergeMeta(documentId, { media: { ...media, url } }),
      );
    });
    await ctx.stores.documents.attachBytes(documentId, bytes, sniffType(bytes));
    ctx.log.info(
      { provider: media?.provider, bytes: bytes.length, attempt: job.attemptsMade + 1 },
      'media fetched',
    );
  }
  await enqueueStep(ctx.queues, 'pages', documentId);
}
