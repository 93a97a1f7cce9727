/**
 * Order forms filled in by hand in boxes lose their small printed labels to OCR first ("Dahn)" for
 * "Datum", "Tan er" for "Liefertermin") while the written dates still read. When no date label was
 * recognised at all, two full dates above the order table, a few weeks apart at most, are the
 * order date and the requested delivery date — taken with a low confidence and said so, so the
 * clerk checks them. A letter has no table: there, the order's head is what stands above its first
 * order line ("4586868283  14/07/2026  19/07/2026" under a box of labels OCR garbled). Anything less
 * clear-cut stays null.
 */
import type { HeaderField } from './header-fields.ts';
import type { TextLine } from './layout-lines.ts';
import { findDates, monthOf } from './parse-date.ts';
import { repairDateDigits } from './repair-date-digits.ts';
import { detectHeader } from './table-columns.ts';

/** A delivery requested more than this long after the order is no longer the obvious reading. */
const MAX_LEAD_DAYS = 62;
const CONFIDENCE = 0.5;

export function unlabelledDates(
  lines: TextLine[],
  ref: Date,
  warnings: string[],
  firstItem: { page: number; y: number } | null = null,
): { orderDate: HeaderField<string>; deliveryDate: HeaderField<string> | null } | null {
  const table = lines.findIndex((l) => detectHeader(l) !== null);
  const head =
    table >= 0
      ? lines.slice(0, table).filter((l) => l.page === lines[table]!.page)
      : firstItem
        ? lines.filter((l) => l.page === firstItem.page && l.box[1] + l.box[3] <= firstItem.y)
        : [];
  const found = new Map<string, TextLine>();
  // (a digit OCR confused that makes a day or month impossible, "2026-16-06", mended as under a label)
  for (const l of head)
    for (const d of findDates(repairDateDigits(l.text, ref.getUTCFullYear()).text, ref))
      if (d.hasYear) found.set(d.iso, l);
  if (found.size === 1) return orderDateAbove(head, found, warnings);
  if (found.size !== 2) return null;
  const [first, second] = [...found.keys()].sort();
  const days = (Date.parse(second!) - Date.parse(first!)) / 86_400_000;
  if (days <= 0 || days > MAX_LEAD_DAYS) return null;
  const field = (iso: string): HeaderField<string> => {
    const l = found.get(iso)!;
    return { value: iso, confidence: CONFIDENCE, evidence: { page: l.page, box: l.box, text: l.text } };
  };
  warnings.push(
    `date labels unreadable; took ${first} as the order date and ${second} as the delivery date from the order's head — check them`,
  );
  return { orderDate: field(first!), deliveryDate: field(second!) };
}

/**
 * One full date, and under it a date whose day did not read ("3, Juni 2026" over "©. Juni 2026",
 * "Bestelldatum" over "Liefertermin" with both labels garbled): the full one is the order date.
 * The delivery date stays unknown.
 */
function orderDateAbove(
  head: TextLine[],
  found: Map<string, TextLine>,
  warnings: string[],
): { orderDate: HeaderField<string>; deliveryDate: null } | null {
  const [[iso, line]] = [...found.entries()] as [[string, TextLine]];
  const below = head.slice(head.indexOf(line) + 1);
  const broken = below.find(
    (l) =>
      findDates(l.text).length === 0 &&
      /(?<!\d)20\d\d(?!\d)/.test(l.text) &&
      l.text.split(/\s+/).some((w) => monthOf(w.replace(/[.,:;]+$/, '')) !== null),
  );
  if (!broken) return null;
  warnings.push(`date labels unreadable; took ${iso} as the order date from the order's head — check it`);
  return {
    orderDate: {
      value: iso,
      confidence: CONFIDENCE,
      evidence: { page: line.page, box: line.box, text: line.text },
    },
    deliveryDate: null,
  };
}
