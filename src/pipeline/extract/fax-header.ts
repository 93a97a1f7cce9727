/**
 * The sending fax machine prints a header line on top of every page (date, time, sender number or
 * name, page counter). It is transport metadata: its date is not the order date and its numbers
 * are not references, so it is excluded from extraction (but kept for customer identification).
 */
import type { TextLine } from './layout-lines.ts';

/** A time of day ("17:18", "09.42"), not the day and month of a date ("20.11.2026"). */
const TIME = /(?<![\d.:/])\d{1,2}[:.]\d{2}(?::\d{2})?(?![\d.:/]*\d)/;
const DATEISH = /\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}\s?[A-Za-zäé]{3,9}\.?\s?\d{2,4}\b/;
const PAGE_COUNTER =
  /\b(?:S\.?|P\.?|Seite|Page|Pag\.?|p)\s?\d{1,3}\s?(?:\/|of|von|de|di)?\s?\d{0,3}\b|#\d{2,5}|\b\d{1,2}\/\d{1,2}\s*$/i;
const NUMBER = /\+?\d[\d\s]{6,}\d/;

export function isFaxHeaderLine(line: TextLine): boolean {
  // only the top strip of the page; the fax header is a single line of small print
  if (line.box[1] > line.pageHeight * 0.06) return false;
  const t = line.text;
  const others = [PAGE_COUNTER.test(t), NUMBER.test(t), /\bFAX\b/i.test(t)].filter(Boolean).length;
  // a time and one more sign; or, its time garbled, a date and another sign (a document's own first
  // line, "Bestellung Nr. 88-1234   Datum: 20.11.2026", has a date but nothing else of a fax's)
  return TIME.test(t) ? DATEISH.test(t) || others > 0 : DATEISH.test(t) && others > 0;
}
