/**
 * A labelled order date that OCR damaged still says much:
 * - its month lost ("29.0· .2026": a digit lost to noise), it says its day and year; the month the
 *   page was sent in — from the sending machine's header line, whose own day may be garbled
 *   ("38.06.26"), or from the time it was received — completes it: orders are faxed the day they
 *   are written or soon after;
 * - its separators lost or read as digits ("1001/2026", "117112026" for 11.11.2026), its digits
 *   still give day, month and year; where they allow more than one reading, the one shortly
 *   before the page was sent is taken.
 * The result is a reading to check, always flagged.
 */
import { isoDate } from './parse-date.ts';

export interface PartialDate {
  day: number;
  year: number;
  /** Months the surviving digits allow ("0:" → 1–9; "1~" → 1, 10–12; nothing left → any). */
  months: number[];
  /** The text as printed, for the clerk. */
  printed: string;
}

export interface SentMonth {
  year: number;
  month: number;
  /** The day, when it read as one. */
  day: number | null;
}

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Day, garbled month of at most three characters, four-digit year, at the start of `text`. */
const PARTIAL = /^\s*(\d{1,2})\s?[.,/]\s?(\S{0,3}?)\s?[.,/]\s?((?:19|20)\d\d)(?!\d)/u;

export interface DamagedDate {
  /** The text as printed, for the clerk. */
  printed: string;
  /** Day and year, the month lost. */
  partial: PartialDate | null;
  /** Readings of a date whose separators were lost or misread (ISO dates). */
  compact: string[];
}

/** A damaged date at the start of `text` (see above), or null. */
export function damagedDate(text: string): DamagedDate | null {
  const partial = partialDate(text);
  if (partial) return { printed: partial.printed, partial, compact: [] };
  const m = /^\s*(\d[\d.,/-]{7,11})(?![\d.,/-])/u.exec(text);
  const compact = m ? compactDates(m[1]!) : [];
  return compact.length > 0 ? { printed: m![1]!, partial: null, compact } : null;
}

/**
 * "1001/2026" (10.01.2026 without its first slash), "117112026" (11.11.2026, a dot read as a 7 and
 * one lost): eight digits are day, month, year; of nine, one is a misread separator after the day
 * or the month.
 */
function compactDates(token: string): string[] {
  const digits = token.replace(/\D/g, '');
  const readings =
    digits.length === 8
      ? [digits]
      : digits.length === 9
        ? [2, 3, 4].map((i) => digits.slice(0, i) + digits.slice(i + 1))
        : [];
  const out = new Set<string>();
  for (const r of readings) {
    const [d, m, y] = [Number(r.slice(0, 2)), Number(r.slice(2, 4)), Number(r.slice(4))];
    const iso = isoDate(y, m, d);
    if (iso) out.add(iso);
  }
  return [...out];
}

/**
 * The date a damaged date most likely was, given when the page was sent (null: unknown); null
 * when that cannot be told.
 */
export function resolveDamagedDate(d: DamagedDate, sent: SentMonth | null): string | null {
  if (d.partial) return sent ? completeDate(d.partial, sent) : null;
  if (!sent) return d.compact.length === 1 ? d.compact[0]! : null;
  // written the day it was sent or up to two months before
  // (the day unknown: the month's last)
  const sentIso = isoDate(sent.year, sent.month, sent.day ?? daysIn(sent.year, sent.month));
  if (!sentIso) return null;
  const fits = d.compact
    .map((iso) => ({ iso, before: (Date.parse(sentIso) - Date.parse(iso)) / 86_400_000 }))
    .filter((c) => c.before >= -1 && c.before <= 62)
    .sort((a, b) => a.before - b.before);
  return fits[0]?.iso ?? null;
}

/** The day and year of a date at the start of `text` whose month is unreadable, or null. */
export function partialDate(text: string): PartialDate | null {
  const m = PARTIAL.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  if (day < 1 || day > 31) return null;
  const middle = m[2]!;
  // each garbled character stands for a digit or for nothing; a lone "0" lost the digit after it
  const whole = /^\d+$/.test(middle);
  if (whole && Number(middle) >= 1 && Number(middle) <= 12) return null;
  const shape = [...middle].map((c) => (/\d/.test(c) ? c : '\\d?')).join('') + (whole ? '\\d?' : '');
  const re = new RegExp(`^${shape}$`);
  const months = middle
    ? ALL_MONTHS.filter((n) => re.test(String(n)) || re.test(String(n).padStart(2, '0')))
    : ALL_MONTHS;
  if (months.length === 0) return null;
  return { day, year: Number(m[3]), months, printed: m[0].trim() };
}

/**
 * The month (and day, when it reads) of the first date in a fax header line, tolerating an
 * impossible day ("38.06.26") and a comma for a dot.
 */
export function sentMonth(text: string): SentMonth | null {
  for (const m of text.matchAll(/(?<![\d+])(\d{1,2})[.,/](\d{1,2})[.,/]\s?(\d{4}|\d{2})(?!\d)/g)) {
    const month = Number(m[2]);
    const y = m[3]!;
    const year = y.length === 2 ? 2000 + Number(y) : Number(y);
    if (month < 1 || month > 12 || year < 1990 || year > 2100) continue;
    const day = Number(m[1]);
    return { year, month, day: isoDate(year, month, day) ? day : null };
  }
  return null;
}

/** The day an ISO timestamp names ("2026-06-30T08:12:00Z"), as a SentMonth. */
export function sentOnDay(iso: string): SentMonth | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/**
 * The date `p` most likely names, sent as `sent` says: in the month it was sent, or the month before
 * when the day lies after the day it was sent; null when the year disagrees or no allowed month fits.
 */
export function completeDate(p: PartialDate, sent: SentMonth): string | null {
  const tries: [number, number][] = [[sent.year, sent.month]];
  const before: [number, number] = sent.month === 1 ? [sent.year - 1, 12] : [sent.year, sent.month - 1];
  // a day after the day it was sent belongs to the month before; with the sent day unknown, the
  // month it was sent is the likelier
  if (sent.day !== null && p.day > sent.day) tries.unshift(before);
  else tries.push(before);
  for (const [y, m] of tries) {
    const iso = y === p.year && p.months.includes(m) ? isoDate(y, m, p.day) : null;
    if (!iso || (sent.day !== null && y === sent.year && m === sent.month && p.day > sent.day)) continue;
    return iso;
  }
  return null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
