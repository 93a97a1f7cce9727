/**
 * An e-mail's subject often names the order the body does not: "Bestellung 5530021", "AW: Order
 * PO54769 / Baustelle Überbauung", "Bestellung vom 27.11.2026". It is read with the header
 * vocabulary, like a line of the body, and stands only for a field the pages do not give.
 */
import { textToPage } from '../email/body-page.ts';
import type { Evidence, FieldInfo, PageContent } from '../types.ts';
import { extractHeaderFields, type HeaderField } from './header-fields.ts';
import { layoutLines } from './layout-lines.ts';

/** Reply and forward prefixes of mail clients: "AW:", "Re:", "WG:", "Fwd:", "TR:", "R:", "I:". */
const REPLY_PREFIX = /^(?:\s*(?:aw|re|wg|fw|fwd|tr|rif|r|i)\s*(?:\[\d+\])?\s*:)+\s*/iu;

/** Typed text, but not where the clerk looks first: below what a label on the page earns. */
const SUBJECT_CONFIDENCE = 0.85;
/** How a field taken from the subject shows its evidence. */
const SUBJECT_EVIDENCE = 'Subject: ';

/** A field taken from the message's subject (its evidence is the subject). */
export const fromSubject = (f: FieldInfo | null | undefined): boolean =>
  f?.evidence?.text.startsWith(SUBJECT_EVIDENCE) ?? false;

export interface SubjectFields {
  reference: HeaderField<string> | null;
  orderDate: HeaderField<string> | null;
}

/** The reference and order date the subject names; `page` is the page the evidence points to. */
export function subjectFields(subject: string | null | undefined, page: number, ref: Date): SubjectFields {
  const text = (subject ?? '').replace(REPLY_PREFIX, '').trim();
  if (!text) return { reference: null, orderDate: null };
  const raw = textToPage(text, page);
  const content: PageContent = {
    page,
    width: raw.width,
    height: raw.height,
    words: raw.words ?? [],
    source: 'email-body',
    text,
    confidence: 1,
  };
  const fields = extractHeaderFields(layoutLines(content), ref);
  const evidence: Evidence = { page, box: null, text: `${SUBJECT_EVIDENCE}${subject!.trim()}` };
  const taken = (f: HeaderField<string> | null): HeaderField<string> | null =>
    f ? { value: f.value, confidence: Math.min(f.confidence, SUBJECT_CONFIDENCE), evidence } : null;
  return { reference: taken(fields.reference), orderDate: taken(fields.orderDate) };
}
