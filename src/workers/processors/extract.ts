/**
 * Step 3: words → draft order(s), matched against the master data, saved for review.
 * Creating the orders is idempotent per document, so a replay never makes a second order.
 */
import type { Job } from 'bullmq';
import type { DocumentJob } from '../../jobs.ts';
import { learnedIndexFor } from '../../learning/learned-index-for.ts';
import { extractDraft } from '../../pipeline/extract/extract-draft.ts';
import { fillFromNotes, restatesLines } from '../../pipeline/extract/message-notes.ts';
import type { InboundMeta, PageContent } from '../../pipeline/types.ts';
import type { StepContext } from '../step-context.ts';

/** A page group as the pages step stored it (documents stored before groups had a source lack it). */
type StoredGroup = { source?: string; pages: number[] };

/** The page contents split by the pages step's groups (one per e-mail attachment); else all in one. */
function draftsPerGroup(
  contents: PageContent[],
  groups: StoredGroup[] | undefined,
): { source: string | null; contents: PageContent[] }[] {
  const all = [{ source: null, contents }];
  if (!groups || groups.length < 2) return all;
  const parts = groups
    .map((g) => ({ source: g.source ?? null, contents: contents.filter((c) => g.pages.includes(c.page)) }))
    .filter((part) => part.contents.length > 0);
  return parts.length ? parts : all;
}

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
    pageGroups?: StoredGroup[];
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
  const parts = draftsPerGroup(contents, pipeline.pageGroups);
  const drafts = await ctx.guard(documentId, async () =>
    parts.map((part) => extractDraft(part.contents, meta, master, learned)),
  );
  // An e-mail's attachments are separate orders unless they yield nothing (terms, a price list):
  // keep the groups that found lines; when none did, one draft over all pages for the clerk.
  // the e-mail's own text without order lines of its own ("bitte bis 4.12. liefern", or the lines of
  // the attached order said again) is no order: it speaks for the attachments
  const attached = drafts.filter((d, i) => parts[i]!.source !== 'body' && d.lines.length > 0);
  const notes = drafts.filter(
    (d, i) => parts[i]!.source === 'body' && (d.lines.length === 0 || restatesLines(d, attached)),
  );
  const withLines = drafts.filter((d) => d.lines.length > 0 && !notes.includes(d));
  const kept =
    drafts.length === 1
      ? drafts
      : withLines.length > 0
        ? fillFromNotes(withLines, notes)
        : [extractDraft(contents, meta, master, learned)];
  await ctx.stores.orders.createFromDrafts(documentId, kept);
  await ctx.stores.documents.markProcessed(documentId);
}
