/**
 * The sending fax machine prints a header line on top of every page (date, time, sender number or
 * name, page counter). It is transport metadata: its date is not the order date and its numbers
 * are not references, so it is excluded from extraction (but kept for customer identification).
 */
import type { TextLine } from './layout-lines.ts';

const TIME = /\b\d{1,2}[:.]\d{2}(?::\d{2})?\b/;
const DATEISH = /\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}\s?[A-Za-zäé]{3,9}\.?\s?\d{2,4}\b/;
const PAGE_COUNTER =
  /\b(?:S\.?|P\.?|Seite|Page|Pag\.?|p)\s?\d{1,3}\s?(?:\/|of|von|de|di)?\s?\d{0,3}\b|#\d{2,5}|\b\d{1,2}\/\d{1,2}\s*$/i;
const NUMBER = /\+?\d[\d\s]{6,}\d/;

export function isFaxHeaderLine(line: TextLine): boolean {
  // only the top strip of the page; the fax header is a single line of small print
  if (line.box[1] > line.pageHeight * 0.06) return false;
  const t = line.text;
  const signals = [TIME.test(t), DATEISH.test(t), PAGE_COUNTER.test(t), NUMBER.test(t), /\bFAX\b/i.test(t)];
  return signals.filter(Boolean).length >= 2 && TIME.test(t);
}
