/**
 * A labelled order date whose month did not survive the fax ("29.0· .2026": a digit lost to noise)
 * still says its day and year. The month the page was sent in — from the sending machine's header
 * line, whose own day may be garbled ("38.06.26"), or from the time it was received — completes it:
 * orders are faxed the day they are written or soon after. The result is a guess from transport
 * metadata and is always flagged.
 */

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
    return { year, month, day: day >= 1 && day <= daysIn(year, month) ? day : null };
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
    if (y !== p.year || !p.months.includes(m) || p.day > daysIn(y, m)) continue;
    if (sent.day !== null && y === sent.year && m === sent.month && p.day > sent.day) continue;
    return `${y}-${String(m).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  }
  return null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
