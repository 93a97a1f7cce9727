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
 * A numeric date whose day or month cannot be ("84.09.2026", "12.19.2026") with the one digit
 * that OCR confuses replaced — only when exactly one replacement gives a real date.
 */
export function repairDateDigits(text: string): { text: string; repaired: boolean } {
  let repaired = false;
  const out = text.replace(/\b(\d{2})\.(\d{2})\.(\d{4}|\d{2})\b/g, (all, d: string, m: string, y: string) => {
    const ok = (dd: string, mm: string): boolean => +dd >= 1 && +dd <= 31 && +mm >= 1 && +mm <= 12;
    if (ok(d, m)) return all;
    const fixes = new Set<string>();
    const dm = d + m;
    for (let i = 0; i < 4; i++) {
      for (const c of DIGIT_CONFUSION[dm[i]!] ?? '') {
        const t = dm.slice(0, i) + c + dm.slice(i + 1);
        if (ok(t.slice(0, 2), t.slice(2))) fixes.add(`${t.slice(0, 2)}.${t.slice(2)}.${y}`);
      }
    }
    if (fixes.size !== 1) return all;
    repaired = true;
    return [...fixes][0]!;
  });
  return { text: out, repaired };
}
