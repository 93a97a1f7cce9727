/** Numeric dates with an impossible day or month, mended where one OCR digit confusion explains it. */
/** Digits OCR reads for one another on faxes. */
const DIGIT_CONFUSION: Record<string, string> = {
  '8': '036',
  '0': '86',
  '3': '8',
  '6': '850',
  '5': '6',
  '9': '8',
  '7': '1',
  '1': '7',
};

/**
 * Last, this and next year (in that order: this, last, next), those that differ from `year` in a
 * single digit: the years an OCR misread of `year` may stand for.
 */
export function yearsOneDigitFrom(year: number, thisYear: number): number[] {
  const read = String(year);
  return [thisYear, thisYear - 1, thisYear + 1].filter(
    (y) => [...String(y)].filter((c, i) => c !== read[i]).length === 1 && String(y).length === read.length,
  );
}

/**
 * A numeric date whose day or month cannot be ("84.09.2026", "12.19.2026", "12/68/2026") with the
 * one digit that OCR confuses replaced, or whose slash was read as a 7 ("28709/2026") — only when
 * exactly one replacement gives a real date; with `nearYear`, also a year no order has ("2926") one
 * digit from a year next to it.
 */
export function repairDateDigits(text: string, nearYear?: number): { text: string; repaired: boolean } {
  let repaired = false;
  // a slash read as a 7 beside the other slash ("28709/2026", "28/0972026"): a real day and month
  // on either side of it, and a four-digit year
  const slashes = text.replace(
    /\b(\d{2})(?:7(\d{2})\/|\/(\d{2})7)(\d{4})\b/g,
    (all, d: string, m1: string | undefined, m2: string | undefined, y: string) => {
      const m = m1 ?? m2!;
      if (+d < 1 || +d > 31 || +m < 1 || +m > 12) return all;
      repaired = true;
      return `${d}/${m}/${y}`;
    },
  );
  // a year no date has ("15/09/2926"): the one of last, this or next year a single digit from it
  const mended = slashes.replace(
    /\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b/g,
    (all, d: string, sep: string, m: string, y: string) => {
      if (nearYear === undefined || (+y >= 1990 && +y <= 2100)) return all;
      const near = yearsOneDigitFrom(+y, nearYear);
      if (near.length !== 1) return all;
      repaired = true;
      return `${d}${sep}${m}${sep}${near[0]}`;
    },
  );
  // ("12/68/2026" as "12.68.2026": day and month either side of slashes too)
  const out = mended.replace(
    /\b(\d{2})([./])(\d{2})\2(\d{4}|\d{2})\b/g,
    (all, d: string, sep: string, m: string, y: string) => {
      const fixed = oneDigitFix(d, m);
      if (fixed === undefined) return all;
      repaired = true;
      return `${fixed.d}${sep}${fixed.m}${sep}${y}`;
    },
  );
  // (and in an ISO date, "2026-16-06", "2626-01-11": its month and day, and its year, the same way)
  const iso = out.replace(
    /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g,
    (all, y: string, m: string, d: string) => {
      let year = y;
      if (+y < 1990 || +y > 2100) {
        const near = nearYear === undefined ? [] : yearsOneDigitFrom(+y, nearYear);
        if (near.length !== 1) return all;
        year = String(near[0]);
      } else if (!y.startsWith('20')) return all;
      const fixed = oneDigitFix(d, m);
      if (fixed === undefined && year === y) return all;
      repaired = true;
      return `${year}-${fixed?.m ?? m}-${fixed?.d ?? d}`;
    },
  );
  return { text: iso, repaired };
}

/**
 * A two-digit day and month of which one cannot be, with the one confused digit that makes both
 * real — only when exactly one replacement does; undefined when they are real already or none or
 * several replacements fit.
 */
function oneDigitFix(d: string, m: string): { d: string; m: string } | undefined {
  const ok = (dd: string, mm: string): boolean => +dd >= 1 && +dd <= 31 && +mm >= 1 && +mm <= 12;
  if (ok(d, m)) return undefined;
  const fixes = new Set<string>();
  const dm = d + m;
  for (let i = 0; i < 4; i++) {
    for (const c of DIGIT_CONFUSION[dm[i]!] ?? '') {
      const t = dm.slice(0, i) + c + dm.slice(i + 1);
      if (ok(t.slice(0, 2), t.slice(2))) fixes.add(t);
    }
  }
  if (fixes.size !== 1) return undefined;
  const [t] = [...fixes] as [string];
  return { d: t.slice(0, 2), m: t.slice(2) };
}
