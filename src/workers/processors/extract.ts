/**
 * Step 3: words → draft order(s), matched against the master data, saved for review.
 * Creating the orders is idempotent per document, so a replay never makes a second order.
 */
import type { Job } from 'bullmq';
import type { DocumentJob } from '../../jobs.ts';
import { learnedIndexFor } from '../../learning/learned-index-for.ts';
import { type DraftGroup, messageDrafts } from '../../pipeline/extract/message-drafts.ts';
import type { InboundMeta } from '../../pipeline/types.ts';
import type { StepContext } from '../step-context.ts';

export async function processExtract(job: Job<DocumentJob>, ctx: StepContext): Promise<void> {
  const { documentId } = job.data;
  const doc = await ctx.stores.documents.get(documentId);
  if (!doc) return;
  const contents = await ctx.stores.documents.getPageContents(documentId);
  const master = await ctx.stores.masterData.load();
  // The pages step may have learnt better transport facts (a fax-to-e-mail relay's caller number).
  const pipeline = (doc.meta.pipeline ?? {}) as {
    inbound?: InboundMeta;
    warnings?: string[];
    pageGroups?: DraftGroup[];
  };
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
  const learned = await learnedIndexFor(ctx.stores.database, contents, meta, master); // clerks' corrections
  // one draft per attached order (see message-drafts.ts)
  const kept = await ctx.guard(documentId, async () =>
    messageDrafts(contents, meta, master, pipeline.pageGroups, learned),
  );
  await ctx.stores.orders.createFromDrafts(documentId, kept);
  await ctx.stores.documents.markProcessed(documentId);
}
