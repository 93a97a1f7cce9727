/**
 * Canonical forms of article numbers. `normSku` removes what OCR and people vary (spaces, dots and
 * the commas OCR reads for them, hyphens, slashes, case); `confusionKey` also folds the characters
 * OCR swaps (O↔0, I/l↔1, S↔5, B↔8, Z↔2, G↔6), so two strings with the same key differ only by
 * such misreads.
 */
export function normSku(s: string): string {
  return s.replace(/[\s.,\-–/_]/g, '').toUpperCase();
}

/** The digit each character stands for that OCR reads for it. */
export const CONFUSIONS: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  '|': '1',
  '!': '1',
  S: '5',
  B: '8',
  Z: '2',
  G: '6',
};

export function confusionKey(s: string): string {
  // lower-case l is the usual misread of 1; fold before upper-casing so 'l' and 'I' both become 1
  const upper = normSku(s.replace(/l/g, '1'));
  let out = '';
  for (const ch of upper) out += CONFUSIONS[ch] ?? ch;
  return out;
}

/** Number of positions where two equal-length strings differ (Infinity when lengths differ). */
export function hamming(a: string, b: string): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

/** All strings obtained by deleting one character (SymSpell-style distance-1 index keys). */
export function deletions(s: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < s.length; i++) out.add(s.slice(0, i) + s.slice(i + 1));
  return [...out];
}

/** GTIN (EAN-8/12/13/14) check digit test: weights 3,1,3,… from the rightmost data digit. */
export function gtinValid(digits: string): boolean {
  if (!/^\d{8}$|^\d{12,14}$/.test(digits)) return false;
  let sum = 0;
  const body = digits.slice(0, -1);
  for (let i = 0; i < body.length; i++) {
    const d = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}
