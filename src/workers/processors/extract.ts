/**
 * Step 3: words → draft order(s), matched against the master data, saved for review.
 * Creating the orders is idempotent per document, so a replay never makes a second order.
 */
import type { Job } from 'bullmq';
import type { DocumentJob } from '../../jobs.ts';
import { extractDraft } from '../../pipeline/extract/extract-draft.ts';
import type { InboundMeta } from '../../pipeline/types.ts';
import type { StepContext } from '../step-context.ts';

export async function processExtract(job: Job<DocumentJob>, ctx: StepContext): Promise<void> {
  const { documentId } = job.data;
  const doc = await ctx.stores.documents.get(documentId);
  if (!doc) return;
  const contents = await ctx.stores.documents.getPageContents(documentId);
  const master = await ctx.stores.masterData.load();
  // The pages step may have learnt better transport facts (a fax-to-e-mail relay's caller number).
  const pipeline = (doc.meta.pipeline ?? {}) as { inbound?: InboundMeta; warnings?: string[] };
  const inbound = pipeline.inbound ?? doc.inbound;
  const meta: InboundMeta = {
    ...inbound,
    warnings: [
      ...new Set([
        ...(doc.inbound.warnings ?? []),
        ...(inbound.warnings ?? []),
        ...(pipeline.warnings ?? []),
      ]),
    ],
  };
  const draft = await ctx.guard(documentId, async () => extractDraft(contents, meta, master));
  await ctx.stores.orders.createFromDrafts(documentId, [draft]);
  await ctx.stores.documents.markProcessed(documentId);
}
