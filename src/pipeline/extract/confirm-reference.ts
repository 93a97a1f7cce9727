/**
 * Multi-page orders repeat their number ("Bestellung 4502387103 – Seite 2 von 3"), and one of the
 * copies is often read more cleanly than the labelled one. A reading of the reference that
 * differs from it in one or two characters elsewhere in the document and was read clearly more
 * surely wins, with a warning that names both readings.
 */
import type { PageContent, Word } from '../types.ts';
import type { HeaderField } from './header-fields.ts';
import type { TextLine } from './layout-lines.ts';

/** Only references with this many digits are compared: short ones match too much by chance. */
const MIN_DIGITS = 5;
/** A copy must be read this much more surely than the labelled reading to replace it. */
const MARGIN = 0.15;

/**
 * Letters and digits, capitals, without the accents specks make ("ÖRD/898/26" is ORD/898/26), and
 * a prefix's O read as a zero as cleanReference mends it ("0RD/780/26").
 */
const compact = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toUpperCase()
    .replace(/^0(?=[A-Z]{2})/, 'O');

function differences(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

export function confirmReference(
  ref: HeaderField<string> | null,
  pages: PageContent[],
  warnings: string[],
  orderYear: number | null = null,
): HeaderField<string> | null {
  if (!ref) return null;
  ref = cutShort(ref, warnings, orderYear);
  const own = compact(ref.value);
  if ((own.match(/\d/g) ?? []).length < MIN_DIGITS) return ref;
  const readings = new Map<string, { conf: number; word: Word; page: number }>();
  for (const p of pages) {
    for (const w of p.words) {
      const c = compact(w.text);
      if (c.length !== own.length) continue;
      const d = differences(c, own);
      if (d > 2 || (c.match(/\d/g) ?? []).length < MIN_DIGITS) continue;
      const seen = readings.get(c);
      if (!seen || w.conf > seen.conf) readings.set(c, { conf: w.conf, word: w, page: p.page });
    }
  }
  const labelled = readings.get(own)?.conf ?? 0;
  let best: [string, { conf: number; word: Word; page: number }] | null = null;
  for (const entry of readings) if (entry[0] !== own && (!best || entry[1].conf > best[1].conf)) best = entry;
  if (!best || best[1].conf < labelled + MARGIN) return ref;
  // the labelled reading's separators stay; only its letters and digits are taken from the copy
  const chars = [...best[0]];
  let k = 0;
  const value = ref.value.replace(/[\p{L}\p{N}]/gu, (ch) =>
    ch.toUpperCase() === ch ? chars[k++]! : chars[k++]!.toLowerCase(),
  );
  warnings.push(
    `order reference read as ${ref.value} and as ${value} on page ${best[1].page}; took ${value} (read more clearly), please check`,
  );
  return {
    value,
    confidence: Math.min(ref.confidence, 0.75),
    evidence: { page: best[1].page, box: best[1].word.box, text: best[1].word.text },
  };
}

/**
 * "45685309 14": a number followed, after one space, by a few more digits and nothing else may be
 * one number a gap in the print split (a standard-resolution fax drops thin strokes). The reading
 * stays, flagged and below the touchless confidence. A number in parts ("ORD/557 26") whose last
 * part is the order's year and whose separator OCR lost before it takes that part back with the
 * separator ("ORD/557/26"), flagged alike.
 */
function cutShort(
  ref: HeaderField<string>,
  warnings: string[],
  orderYear: number | null,
): HeaderField<string> {
  const text = ref.evidence?.text ?? '';
  const at = text.lastIndexOf(ref.value);
  if (!/\d$/.test(ref.value) || at < 0) return ref;
  const rest = /^ (\d{1,4})[\s,.;:|]*$/.exec(text.slice(at + ref.value.length));
  if (!rest) return ref;
  const sep = /^[A-Z]{1,4}([/-])\d+$/i.exec(ref.value)?.[1];
  if (sep && orderYear !== null && rest[1] === String(orderYear % 100).padStart(2, '0')) {
    const value = `${ref.value}${sep}${rest[1]}`;
    warnings.push(
      `order reference read as "${ref.value} ${rest[1]}"; took ${value} (a separator before the year lost), please check`,
    );
    return { ...ref, value, confidence: Math.min(ref.confidence, 0.6) };
  }
  warnings.push(
    `order reference read as ${ref.value}, followed by "${rest[1]}": the number may go on (${ref.value}${rest[1]}), please check`,
  );
  return { ...ref, confidence: Math.min(ref.confidence, 0.6) };
}

/**
 * "“8 26/2680" under the label, "Bestellung B 26/2680 Seite 1 von 1" in the footer: the number's
 * short letter prefix was garbled where it was labelled (and cut off with the garbage) but reads as
 * a word of its own where the number is repeated. Taken only when the labelled reading had
 * something before the number that is not its label.
 */
export function restorePrefix(
  ref: HeaderField<string> | null,
  lines: TextLine[],
  warnings: string[],
): HeaderField<string> | null {
  if (!ref || !/^\d/.test(ref.value) || !ref.evidence) return ref;
  const text = ref.evidence.text;
  const at = text.lastIndexOf(ref.value);
  // what stood right before the number where it was labelled: a speck or a garbled letter
  if (
    at < 0 ||
    !/[^\s:.]\s?$/u.test(text.slice(Math.max(0, at - 3), at)) ||
    /\p{L}{3,}[.:]?\s?$/u.test(text.slice(0, at))
  )
    return ref;
  const escaped = ref.value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\d])([A-Z]{1,3})([ -])${escaped}(?![\\w/])`, 'u');
  for (const l of lines) {
    if (l === undefined || l.text === text) continue;
    const m = pattern.exec(l.text);
    if (!m) continue;
    const value = `${m[1]}${m[2]}${ref.value}`;
    warnings.push(
      `order reference read as ${ref.value}, and as ${value} on page ${l.page}; took ${value}, please check`,
    );
    return {
      value,
      confidence: Math.min(ref.confidence, 0.75),
      evidence: { page: l.page, box: l.box, text: l.text },
    };
  }
  return ref;
}
