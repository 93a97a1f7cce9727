/**
 * Delivery dates written relative to the order: a calendar week ("KW 49", "semaine 12", "week 3"),
 * a weekday without a date ("bis Freitag", "by Monday"), next week ("Ende nächster Woche", "semaine
 * prochaine"), a span ("in 2 Wochen", "entro 10 giorni") and part of a month ("Mitte Dezember",
 * "fin janvier"). They resolve against the order date: a week to its Monday (its Friday after
 * "bis"/"by"/"until" or "Ende", a deadline), a weekday to its next occurrence after the order date,
 * a month's beginning, middle and end to its 1st, 15th and last day. Written dates always win over
 * these (the caller tries them first).
 */
import { monthOf } from './parse-date.ts';

const WEEKDAYS: [number, RegExp][] = [
  [1, /^(montag|mo|monday|mon|lundi|lun|luned[iì])$/i],
  [2, /^(dienstag|di|tuesday|tue|tues|mardi|mar|marted[iì])$/i],
  [3, /^(mittwoch|mi|wednesday|wed|mercredi|mer|mercoled[iì])$/i],
  [4, /^(donnerstag|do|thursday|thu|thur|jeudi|jeu|gioved[iì])$/i],
  [5, /^(freitag|fr|friday|fri|vendredi|ven|venerd[iì])$/i],
  [6, /^(samstag|sa|saturday|sat|samedi|sam|sabato)$/i],
];

export const WEEKDAY_WORD =
  /(?<!\p{L})(montag|dienstag|mittwoch|donnerstag|freitag|samstag|monday|tuesday|wednesday|thursday|friday|saturday|lundi|mardi|mercredi|jeudi|vendredi|samedi|luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato)(?!\p{L})/iu;

const WEEK =
  /\b(?:kw|kalenderwoche|woche|cw|wk|week|calendar\s+week|semaine|sem\.|settimana|sett\.)\s*[,:]?\s*(\d{1,2})(?:\s*[/.-]\s*(20\d\d|\d\d))?\b/i;

const DAY = 86_400_000;
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** 1 = Monday … 7 = Sunday for a weekday word, or null. */
export function weekdayOf(word: string): number | null {
  const w = word.replace(/[.,:;]+$/, '');
  for (const [d, re] of WEEKDAYS) if (re.test(w)) return d;
  return null;
}

/** Monday of ISO week `week` of ISO year `year`, as a UTC timestamp. */
export function isoWeekMonday(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Dow = (new Date(jan4).getUTCDay() + 6) % 7; // 0 = Monday
  return jan4 - jan4Dow * DAY + (week - 1) * 7 * DAY;
}

function isoWeekOf(t: number): { year: number; week: number } {
  const d = new Date(t);
  const dow = (d.getUTCDay() + 6) % 7;
  const thursday = t - dow * DAY + 3 * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { year, week };
}

export interface RelativeDate {
  iso: string;
  index: number;
  length: number;
}

/**
 * "KW 49" in `text` → the Monday of that week (Friday when `deadline`), the week taken in the
 * order's year or, when it has passed by then, the next year.
 */
export function findCalendarWeek(text: string, ref: Date, deadline: boolean): RelativeDate | null {
  const m = WEEK.exec(text);
  if (!m) return null;
  const week = Number(m[1]);
  if (week < 1 || week > 53) return null;
  let year: number;
  if (m[2]) year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  else {
    const now = isoWeekOf(ref.getTime());
    year = week + 1 < now.week ? now.year + 1 : now.year;
  }
  const monday = isoWeekMonday(year, week);
  return { iso: iso(monday + (deadline ? 4 * DAY : 0)), index: m.index, length: m[0].length };
}

/** A weekday word without a date ("bis Freitag") → its next occurrence after `ref`. */
export function findWeekday(text: string, ref: Date): RelativeDate | null {
  const m = WEEKDAY_WORD.exec(text);
  if (!m) return null;
  const want = weekdayOf(m[1]!);
  if (!want) return null;
  const start = Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate());
  const dow = ((new Date(start).getUTCDay() + 6) % 7) + 1;
  const ahead = (want - dow + 7) % 7 || 7;
  return { iso: iso(start + ahead * DAY), index: m.index, length: m[0].length };
}

const NEXT_WEEK =
  /(?<!\p{L})(?:(ende|end\s+of|fin\s+de\s+la|fine\s+della)\s+)?(?:(?:nächste[rn]?|naechste[rn]?|kommende[rn]?|next|la\s+prochaine|prochaine|prossima|la\s+prossima)\s+(?:woche|week|semaine|settimana)|(?:semaine|settimana)\s+(?:prochaine|prossima))(?!\p{L})/iu;
const SPAN =
  /(?<!\p{L})(?:in|innert|innerhalb(?:\s+von)?|within|in\s+the\s+next|dans|sous|d'ici|entro|tra|fra)\s+(\d{1,2})\s+(tage?n?|arbeitstage?n?|days?|working\s+days|business\s+days|jours?|jours\s+ouvrables|giorni|giorno|wochen|woche|weeks?|semaines?|settimane|settimana)(?!\p{L})/iu;
const PART_OF_MONTH =
  /(?<!\p{L})(anfang|mitte|ende|early|mid|end\s+of|beginning\s+of|début|debut|mi|fin|inizio|metà|meta|fine)[\s-]+(?:(?:de|di|du|of)\s+)?(\p{L}{3,9}\.?)(?!\p{L})/iu;

/**
 * "nächste Woche" → its Monday (its Friday after "Ende" or as a deadline), "in 2 Wochen" → 14 days
 * after `ref` (working days count as days: the clerk sees the date and the warning), "Mitte
 * Dezember" → the 15th, the month taken in `ref`'s year or, when it has passed, the next.
 */
export function findRelativeSpan(text: string, ref: Date, deadline: boolean): RelativeDate | null {
  const start = Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate());
  const week = NEXT_WEEK.exec(text);
  if (week) {
    const dow = (new Date(start).getUTCDay() + 6) % 7; // 0 = Monday
    const monday = start + (7 - dow) * DAY;
    const friday = week[1] !== undefined || deadline;
    return { iso: iso(monday + (friday ? 4 * DAY : 0)), index: week.index, length: week[0].length };
  }
  const span = SPAN.exec(text);
  if (span) {
    const n = Number(span[1]);
    const weeks = /^(w|se)/i.test(span[2]!);
    if (n < 1 || n > (weeks ? 12 : 90)) return null;
    return { iso: iso(start + n * (weeks ? 7 : 1) * DAY), index: span.index, length: span[0].length };
  }
  const part = PART_OF_MONTH.exec(text);
  if (part) {
    const month = monthOf(part[2]!);
    if (!month) return null;
    const which = part[1]!.toLowerCase();
    const year = month < ref.getUTCMonth() + 1 ? ref.getUTCFullYear() + 1 : ref.getUTCFullYear();
    const day = /^(anfang|early|beginning|début|debut|inizio)/.test(which)
      ? 1
      : /^(mitte|mid|mi|metà|meta)$/.test(which)
        ? 15
        : new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { iso: iso(Date.UTC(year, month - 1, day)), index: part.index, length: part[0].length };
  }
  return null;
}
