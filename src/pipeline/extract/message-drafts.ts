/**
 * The draft orders of one document. A fax or file is one order. An e-mail's attachments are
 * separate orders unless they yield nothing (terms, a price list); the mail's own text without
 * order lines of its own ("bitte bis 4.12. liefern", or the attached lines said again) is no order
 * but speaks for the attachments (message-notes.ts). When no part finds lines, one draft over all
 * pages goes to the clerk. The worker and the offline `faxgate extract` both decide this here.
 */
import { EMPTY_LEARNED, type LearnedIndex } from '../../learning/learned-mappings.ts';
import type { DraftOrder, InboundMeta, MasterData, PageContent } from '../types.ts';
import { extractDraft } from './extract-draft.ts';
import { fillFromNotes, restatesLines } from './message-notes.ts';
import { fromSubject } from './subject-fields.ts';

/** Pages that belong together, as the pages step groups them (documents stored before groups had a source lack it). */
export interface DraftGroup {
  /** `attachment:<file name>` or `body`. */
  source?: string;
  pages: number[];
}

/** The page contents split by their groups (one per e-mail attachment and the body); else all in one. */
function parts(
  contents: PageContent[],
  groups: DraftGroup[] | undefined,
): { source: string | null; contents: PageContent[] }[] {
  const all = [{ source: null, contents }];
  if (!groups || groups.length < 2) return all;
  const split = groups
    .map((g) => ({ source: g.source ?? null, contents: contents.filter((c) => g.pages.includes(c.page)) }))
    .filter((part) => part.contents.length > 0);
  return split.length ? split : all;
}

export function messageDrafts(
  contents: PageContent[],
  meta: InboundMeta,
  master: MasterData,
  groups: DraftGroup[] | undefined,
  learned: LearnedIndex = EMPTY_LEARNED,
): DraftOrder[] {
  const ps = parts(contents, groups);
  const drafts = ps.map((part) => extractDraft(part.contents, meta, master, learned));
  if (drafts.length === 1) return drafts;
  const attached = drafts.filter((d, i) => ps[i]!.source !== 'body' && d.lines.length > 0);
  const notes = drafts.filter(
    (d, i) => ps[i]!.source === 'body' && (d.lines.length === 0 || restatesLines(d, attached)),
  );
  const withLines = drafts.filter((d) => d.lines.length > 0 && !notes.includes(d));
  // (the subject's order number belongs to no one of several orders surely, as the body's does not)
  const own = withLines.length > 1 ? withLines.map(withoutSubjectReference) : withLines;
  return own.length > 0 ? fillFromNotes(own, notes) : [extractDraft(contents, meta, master, learned)];
}

/** The draft without the order number it took from the message's subject. */
function withoutSubjectReference(d: DraftOrder): DraftOrder {
  if (!fromSubject(d.fields.customerReference)) return d;
  return {
    ...d,
    customerReference: null,
    fields: { ...d.fields, customerReference: null },
    warnings: [
      ...d.warnings,
      `the subject names the order number ${d.customerReference}, but the message holds several orders; no order reference found`,
    ],
    // (as for any draft without a reference)
    confidence: Math.min(d.confidence, 0.8),
  };
}
