/**
 * Step 1: the stored document → its pages (text layer or images), saved with the document.
 */
import { type Job, UnrecoverableError } from 'bullmq';
import { type DocumentJob, enqueueStep } from '../../jobs.ts';
import { documentPages } from '../../pipeline/document-pages.ts';
import type { StepContext } from '../step-context.ts';

export async function processPages(job: Job<DocumentJob>, ctx: StepContext): Promise<void> {
  const { documentId } = job.data;
  const doc = await ctx.stores.documents.get(documentId);
  if (!doc) throw new UnrecoverableError(`document ${documentId} does not exist`);
  if (!(await ctx.stores.documents.markProcessing(documentId))) return; // processed already: a replayed job
  const bytes = await ctx.stores.documents.getBytes(documentId);
  if (!bytes) throw new UnrecoverableError(`document ${documentId} has no stored bytes`);

  const result = await ctx.guard(documentId, () => documentPages(bytes, doc.inbound));
  await ctx.stores.documents.savePages(documentId, result.pages);
  // Kept apart from what ingest stored (the transport's own warnings stay in meta.warnings).
  await ctx.stores.documents.mergeMeta(documentId, {
    pipeline: { ...result.extra, inbound: result.meta, warnings: result.warnings },
  });
  await enqueueStep(ctx.queues, 'ocr', documentId);
}
