/**
 * Step 2: every page without words yet is recognised and saved. Pages already done are
 * skipped, so a retried or recovered job continues where the last one stopped.
 */
import type { Job } from 'bullmq';
import { type DocumentJob, enqueueStep } from '../../jobs.ts';
import { pictureAsRead } from '../../pipeline/ocr/ocr-engine.ts';
import type { RawPage } from '../../pipeline/types.ts';
import type { StepContext } from '../step-context.ts';

export async function processOcr(job: Job<DocumentJob>, ctx: StepContext): Promise<void> {
  const { documentId } = job.data;
  const pages = await ctx.stores.documents.getPages(documentId);
  const ocr = await ctx.ocr();
  for (const p of pages) {
    if (p.text !== null) continue;
    const image = p.hasImage ? await ctx.stores.documents.getPageImage(documentId, p.page) : null;
    const raw: RawPage = {
      page: p.page,
      width: p.width,
      height: p.height,
      dpi: p.dpi ?? 200,
      image,
      words: p.words,
      source: p.source === 'text-layer' ? 'text-layer' : 'image',
      rotated: p.rotated,
    };
    const content = await ctx.guard(documentId, () => ocr.recognize(raw));
    // OCR turned a sideways or upside-down page upright, or straightened a page sent askew: store
    // the picture turned the same way, so that the evidence boxes sit on what the clerk sees.
    const turned = image ? await pictureAsRead(image, content) : null;
    await ctx.stores.documents.savePageContent(documentId, content, turned ?? undefined);
    await job.updateProgress({ page: p.page, of: pages.length });
  }
  await enqueueStep(ctx.queues, 'extract', documentId);
}
