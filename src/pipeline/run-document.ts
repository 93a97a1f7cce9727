/**
 * The whole document pipeline in-process: pages → OCR → extract/match → draft order. Used by the
 * offline `faxgate extract` command and the accuracy benchmark; the worker runs the same steps
 * one job at a time.
 */
import { documentPages } from './document-pages.ts';
import { extractDraft } from './extract/extract-draft.ts';
import type { OcrEngine } from './ocr/ocr-engine.ts';
import type { DraftOrder, InboundMeta, MasterData, PageContent } from './types.ts';

export interface ReadDocument {
  contents: PageContent[];
  meta: InboundMeta;
}

/** Pages and OCR: everything before extraction (the benchmark caches this part). */
export async function readDocument(
  bytes: Uint8Array,
  meta: InboundMeta,
  ocr: OcrEngine,
): Promise<ReadDocument> {
  const doc = await documentPages(bytes, meta);
  // the engine queues pages over its workers, so recognising them together uses all of them
  const contents = await Promise.all(doc.pages.map((p) => ocr.recognize(p)));
  return { contents, meta: { ...doc.meta, warnings: [...(doc.meta.warnings ?? []), ...doc.warnings] } };
}

export async function runDocument(
  bytes: Uint8Array,
  meta: InboundMeta,
  deps: { ocr: OcrEngine; master: MasterData },
): Promise<DraftOrder> {
  const { contents, meta: m } = await readDocument(bytes, meta, deps.ocr);
  return extractDraft(contents, m, deps.master);
}
