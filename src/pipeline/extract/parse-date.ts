/**
 * Dates as order documents write them: `27.11.2026`, `27.11.26`, `27. 11. 26`, `27/11/2026`,
 * `2026-11-27`, `27. Nov. 2026`, `27 novembre 2026`, `1er janvier 2027`, `November 27, 2026`, and
 * without a year (`3.12.`, `24 August`). Two-digit and missing years resolve toward the near future
 * relative to a reference date, because order dates are recent and delivery dates lie ahead.
 */
import { boundedDistance } from './fuzzy-label.ts';

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ['januar', 'jan', 'janvier', 'janv', 'gennaio', 'genn', 'gen', 'january', 'jänner', 'jän']],
  [2, ['februar', 'feb', 'febr', 'février', 'fevrier', 'févr', 'fevr', 'febbraio', 'february']],
  [3, ['märz', 'maerz', 'marz', 'mär', 'mrz', 'mars', 'marzo', 'mar', 'march']],
  [4, ['april', 'apr', 'avril', 'avr', 'aprile']],
  [5, ['mai', 'maggio', 'mag', 'may']],
  [6, ['juni', 'jun', 'juin', 'giugno', 'giu', 'june']],
  [7, ['juli', 'jul', 'juillet', 'juil', 'luglio', 'lug', 'july']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago']],
  [9, ['september', 'sep', 'sept', 'septembre', 'settembre', 'sett', 'set']],
  [10, ['oktober', 'okt', 'octobre', 'oct', 'ottobre', 'ott', 'october']],
  [11, ['november', 'nov', 'novembre']],
  [12, ['dezember', 'dez', 'décembre', 'decembre', 'déc', 'dec', 'dicembre', 'dic', 'december']],
];
for (const [m, names] of MONTH_NAMES) for (const n of names) MONTHS[n] = m;

/** 1–12 for a month name or abbreviation in DE/FR/IT/EN, or null. */
export function monthOf(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

export interface DateMatch {
  iso: string;
  index: number;
  length: number;
  /** The year was written (2 or 4 digits) rather than inferred. */
  hasYear: boolean;
  /** The month name was read one letter off ("agusto"): a reading to check. */
  misspelt?: boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The ISO date of year, month and day when that day exists in 1990–2100, else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** Year for a date written without one: the next occurrence on or after `ref` (a few days' slack). */
function inferYear(m: number, d: number, ref: Date): number {
  const y = ref.getUTCFullYear();
  const candidate = Date.UTC(y, m - 1, d);
  const slack = 14 * 86_400_000;
  return candidate + slack < ref.getTime() ? y + 1 : y;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

interface Pattern {
  re: RegExp;
  /** Year, month, day, whether the year was written, whether a misspelt month name was read. */
  build: (g: string[], ref: Date) => [number, number, number, boolean, boolean?] | null;
}

const LONG_MONTH_NAMES = Object.keys(MONTHS).filter((n) => n.length >= 5);

/** Month names of four letters (märz, mars, juni, juin…): a four-letter word may be two letters off one. */
const FOUR_LETTER_MONTH_NAMES = Object.keys(MONTHS).filter((n) => n.length === 4);

/**
 * The month a word one letter off a long month name means ("agusto", "Dezembor"), when only one;
 * two letters off a name of eight letters or more ("décemisre"), or with its "m" read "rn". A
 * four-letter word may be two letters off a four-letter name that starts as it does ("Mire" for
 * März or Mars): between a day and a year nothing else stands, but "Jufi" (Juni or Juli) stays open.
 */
function misspeltMonth(word: string): number | null {
  const w = word.toLowerCase();
  if (MONTHS[w] !== undefined) return null;
  // ("rn" is how OCR reads an "m": "dicernbre")
  const folded = w.replace(/rn/g, 'm');
  if (MONTHS[folded] !== undefined) return MONTHS[folded]!;
  if (w.length === 4) {
    const names = FOUR_LETTER_MONTH_NAMES.filter((n) => n[0] === w[0] && boundedDistance(n, w, 2) <= 2);
    const months = new Set(names.map((n) => MONTHS[n]!));
    return months.size === 1 ? [...months][0]! : null;
  }
  // the nearest names decide ("Nevember" is one letter from November, two from Dezember); a name
  // of six letters or more has room for two misread letters ("décemisre", "vetobre", "fevner")
  const edits = w.length >= 6 ? 2 : 1;
  // (thin letters a fax confuses, t, f, l and i, count as one: "ollobre" for ottobre)
  const near = LONG_MONTH_NAMES.map((n) => ({
    n,
    d: Math.min(boundedDistance(n, w, edits), boundedDistance(thinFolded(n), thinFolded(w), edits)),
  })).filter((x) => x.d <= edits);
  const best = Math.min(...near.map((x) => x.d));
  const months = new Set(near.filter((x) => x.d === best).map((x) => MONTHS[x.n]!));
  return months.size === 1 ? [...months][0]! : null;
}

const thinFolded = (w: string): string => w.replace(/[tfi]/g, 'l');

const PATTERNS: Pattern[] = [
  // ISO 2026-11-27
  {
    re: /\b(20\d\d)-(\d{1,2})-(\d{1,2})\b/giu,
    build: (g) => [Number(g[1]), Number(g[2]), Number(g[3]), true],
  },
  // 2026 01-30, 2026-01 30, 2026. 11-12: one of its hyphens OCR lost, or read as a dot and a space
  // (two-digit month and day, so that no year and figure are taken for one)
  {
    re: /\b(20\d\d)(?:\.?\s(\d{2})-|-(\d{2})\.?\s)(\d{2})\b(?![-.,]\d)/giu,
    build: (g) => [Number(g[1]), Number(g[2] ?? g[3]), Number(g[4]), true],
  },
  // 27.11.2026, 27. 11. 26, 27/11/2026, 27-11-2026
  {
    re: /(?<!\d)(?<!\d\.)(\d{1,2})\s?([./])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d])/gu,
    build: (g) => [fullYear(g[4]!), Number(g[3]), Number(g[1]), true],
  },
  // 2026/11/27, 2026.11.27
  {
    re: /\b(20\d\d)([./])(\d{1,2})\2(\d{1,2})\b/gu,
    build: (g) => [Number(g[1]), Number(g[3]), Number(g[4]), true],
  },
  // 27,11.2026 / 27.11,2026: OCR read one dot as a comma (a four-digit year keeps amounts out)
  {
    re: /(?<!\d)(?<!\d[.,])(\d{1,2})\s?(?:,\s?(\d{1,2})\s?\.|\.\s?(\d{1,2})\s?,)\s?(20\d\d)(?![\d])/gu,
    build: (g) => [Number(g[4]), Number(g[2] ?? g[3]), Number(g[1]), true],
  },
  {
    re: /(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})(?![\d-])/gu,
    build: (g) => [fullYear(g[3]!), Number(g[2]), Number(g[1]), true],
  },
  // 27. Nov. 2026, 27 novembre 2026, 1er janvier 2027, 3. Juli (no year), "3, Juni 2026",
  // "27. Nov, 2026", "1.,Dezember 2026" and "7 September-2026" (OCR)
  {
    re: new RegExp(
      `(?<!\\d)(\\d{1,2})(?:er|\\.,?|,)?\\s*(${MONTH_ALT})([.,]?)(?!\\p{L})(?:\\s+(\\d{4}|'?\\d{2}(?![\\d.:]))|\\s?[-–]\\s?(20\\d\\d)(?!\\d))?`,
      'giu',
    ),
    build: (g, ref) => {
      const m = MONTHS[g[2]!.toLowerCase()]!;
      const d = Number(g[1]);
      // (the dot after a short name read as a comma: "27. Nov, 2026"; a speck before the year read
      // as a hyphen: "7 September-2026")
      const year = g[4] ?? g[5];
      if (year) return [fullYear(year.replace("'", '')), m, d, true];
      // "12 Set" is a quantity and a unit, not 12 September: short names need a dot or a year
      if (g[2]!.length < 4 && g[3] !== '.') return null;
      return [inferYear(m, d, ref), m, d, false];
    },
  },
  // "li août 2026", "2O mai 2026": a day whose digits OCR read as the letters like them (l, I, i
  // for 1; O for 0), before a month name and a year: a reading to check
  {
    re: new RegExp(
      `(?<![\\p{L}\\d])([\\dlIiO|]{1,2})(?:er|\\.,?|,)?\\s*(${MONTH_ALT})[.,]?(?!\\p{L})\\s+(\\d{4})(?!\\d)`,
      'giu',
    ),
    build: (g) => {
      const day = g[1]!.replace(/[lIi|]/g, '1').replace(/O/g, '0');
      // (not the Italian article "i", nor a word: "i luglio")
      if (day === g[1] || g[1] === 'i' || !/^\d{1,2}$/.test(day)) return null;
      return [Number(g[3]), MONTHS[g[2]!.toLowerCase()]!, Number(day), true, true];
    },
  },
  // 26-Nov-2026, 04-Dec-26 (English ERPs)
  {
    re: new RegExp(`(?<![\\d\\p{L}-])(\\d{1,2})-(${MONTH_ALT})\\.?-(\\d{4}|\\d{2})(?![\\d-])`, 'giu'),
    build: (g) => [fullYear(g[3]!), MONTHS[g[2]!.toLowerCase()]!, Number(g[1]), true],
  },
  // "5 agusto 2026", "12 Dezembor 2026", "15 Mire 2026": a month name OCR misread, with a year
  {
    re: /(?<!\d)(\d{1,2})(?:er|\.,?|,)?\s*(\p{L}{4,10})\.?\s+(\d{4})(?!\d)/giu,
    build: (g) => {
      const m = misspeltMonth(g[2]!);
      return m === null ? null : [Number(g[3]), m, Number(g[1]), true, true];
    },
  },
  // November 27, 2026 / August 24 / "Dec-8, 2026" (OCR's hyphen for the space)
  {
    re: new RegExp(
      `(?<!\\p{L})(${MONTH_ALT})\\.?(?:\\s+|-)(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|[.,]\\d)(?:,?\\s+(\\d{4}))?`,
      'giu',
    ),
    build: (g, ref) => {
      const m = MONTHS[g[1]!.toLowerCase()]!;
      const d = Number(g[2]);
      if (g[3]) return [Number(g[3]), m, d, true];
      if (g[1]!.length < 4) return null;
      return [inferYear(m, d, ref), m, d, false];
    },
  },
  // 3.12. (no year) — the trailing dot is required so that prices like 3.12 do not count
  {
    re: /(?<!\d)(?<!\d\.)(\d{1,2})\.\s?(\d{1,2})\.(?!\s?\d)/gu,
    build: (g, ref) => {
      const m = Number(g[2]);
      const d = Number(g[1]);
      return [inferYear(m, d, ref), m, d, false];
    },
  },
];

/** All dates in `text`, left to right, without overlaps. `ref` anchors two-digit and missing years. */
export function findDates(text: string, ref: Date = new Date()): DateMatch[] {
  const found: DateMatch[] = [];
  for (const { re, build } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.index + f.length && end > f.index)) continue;
      const parts = build([...m] as string[], ref);
      if (!parts) continue;
      const [y, mo, d, hasYear, misspelt] = parts;
      const iso = isoDate(y, mo, d);
      if (!iso) continue;
      found.push({
        iso,
        index: start,
        length: m[0].length,
        hasYear,
        ...(misspelt ? { misspelt } : {}),
      });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first date in `text`, or null. */
export function parseDate(text: string, ref: Date = new Date()): string | null {
  return findDates(text, ref)[0]?.iso ?? null;
}
