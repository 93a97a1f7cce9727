/**
 * The whole document pipeline in-process: pages → OCR → extract/match → draft order. Used by the
 * offline `faxgate extract` command and the accuracy benchmark; the worker runs the same steps
 * one job at a time.
 */
import { documentPages } from './document-pages.ts';
import { extractDraft } from './extract/extract-draft.ts';
import { type DraftGroup, messageDrafts } from './extract/message-drafts.ts';
import type { OcrEngine } from './ocr/ocr-engine.ts';
import type { DraftOrder, InboundMeta, MasterData, PageContent } from './types.ts';

export interface ReadDocument {
  contents: PageContent[];
  meta: InboundMeta;
  /** An e-mail's pages by attachment and body (absent for one group). */
  groups?: DraftGroup[];
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
  const groups = doc.extra.pageGroups as DraftGroup[] | undefined;
  return {
    contents,
    meta: { ...doc.meta, warnings: [...(doc.meta.warnings ?? []), ...doc.warnings] },
    ...(groups ? { groups } : {}),
  };
}

/**
 * The one draft order of a document read, decided as the worker decides (message-drafts.ts): an
 * e-mail whose text only speaks for its attached order gives that order's draft. A message of
 * several orders, of which the worker makes one draft each, gives one draft with all their lines,
 * and says so.
 */
export function documentDraft(read: ReadDocument, master: MasterData): DraftOrder {
  const drafts = messageDrafts(read.contents, read.meta, master, read.groups);
  if (drafts.length === 1) return drafts[0]!;
  const all = extractDraft(read.contents, read.meta, master);
  return {
    ...all,
    warnings: [
      ...all.warnings,
      `the message holds ${drafts.length} orders (its attachments); the gateway makes a draft of each, this one shows all their lines`,
    ],
  };
}

export async function runDocument(
  bytes: Uint8Array,
  meta: InboundMeta,
  deps: { ocr: OcrEngine; master: MasterData },
): Promise<DraftOrder> {
  return documentDraft(await readDocument(bytes, meta, deps.ocr), deps.master);
}
