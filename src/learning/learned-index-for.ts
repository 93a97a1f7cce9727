/**
 * The learned mappings that apply to one document: the sender's learned customer, and the line
 * mappings of the customer the document turns out to be from (found by a first, learning-free
 * extraction — cheap next to OCR).
 */
import { extractDraft } from '../pipeline/extract/extract-draft.ts';
import type { InboundMeta, MasterData, PageContent } from '../pipeline/types.ts';
import type { Database } from '../store/database.ts';
import { createLearnedMappingsStore } from '../store/learned-mappings-store.ts';
import type { LearnedIndex } from './learned-mappings.ts';

export async function learnedIndexFor(
  database: Database,
  contents: PageContent[],
  meta: InboundMeta,
  master: MasterData,
): Promise<LearnedIndex> {
  const store = createLearnedMappingsStore(database);
  const bySender = await store.indexFor(meta.from);
  const customerId = extractDraft(contents, meta, master, bySender).customer.id;
  return customerId ? store.indexFor(meta.from, [customerId]) : bySender;
}
