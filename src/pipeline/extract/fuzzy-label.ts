/**
 * Tolerant label matching. OCR mangles labels ("Bestel1-Nr", "Hestelldatum", "Anlleterung"), so
 * labels are compared after folding the characters OCR swaps (1/l/I/|, 0/o/Q, 5/s, rn/m, accents)
 * and with a small edit distance that grows with the label's length. Words are compared joined
 * without separators, so "Bestell-Nr.", "Bestell Nr" and "BestellNr" are one label.
 */

/** Lower-case, accents removed, OCR-confusable characters folded, everything but letters dropped. */
export function foldLabel(s: string): string {
  // ("Nr.!": a colon read as "!" or "|" after the label's dot, not a letter of it)
  return (
    s
      .replace(/\.[!|]$/, '.')
      // "N“ de commande", "Nº": the number sign read as a quote, or written as the ordinal sign
      .replace(/^([Nn])[“”"'’‘º]$/u, '$1o')
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/°/g, 'o')
      .replace(/rn/g, 'm')
      .replace(/vv/g, 'w')
      .replace(/[1|!íìï]/g, 'l')
      .replace(/i/g, 'l')
      .replace(/0/g, 'o')
      .replace(/q/g, 'o')
      .replace(/5/g, 's')
      .replace(/[^a-z]/g, '')
  );
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Edits tolerated for a folded label of this length: none for short labels, where one edit makes another word. */
export function tolerance(len: number): number {
  if (len < 5) return 0;
  if (len < 12) return 1;
  return 2;
}

/** Whether folded `text` is the folded label `label`, within the tolerance. */
export function labelEquals(text: string, label: string): boolean {
  if (text === label) return true;
  const t = tolerance(label.length);
  if (t === 0) return false;
  // the first letter anchors the comparison: OCR rarely misreads it, but a form box's border can
  // swallow it ("atum" in a "Datum" box) or add one ("HQuantité" after a merged "HT"), which
  // costs one of the tolerated edits
  if (text[0] !== label[0] && label.length < 10) {
    const rest = label.slice(1);
    const extra = text.slice(1);
    if (text === rest || extra === label) return true;
    return t > 1 && boundedDistance(text, rest, t - 1) <= t - 1;
  }
  return boundedDistance(text, label, t) <= t || confusedTwice(text, label);
}

/**
 * Letter pairs faxes confuse in print: "Beseichuung" for Bezeichnung (s/z and u/n), "Anliclerung"
 * for Anlieferung (e/c and f/l), "Dascrisione" for Descrizione (a/e and s/z).
 */
const CONFUSED = new Set([
  'un',
  'nu',
  'sz',
  'zs',
  'ce',
  'ec',
  'hb',
  'bh',
  'ao',
  'oa',
  'nr',
  'rn',
  'fl',
  'lf',
  'ae',
  'ea',
]);

/**
 * A label of ten letters or more read with two letters swapped for ones OCR confuses them with, and
 * nothing else wrong: one more edit than the tolerance, but not a different word.
 */
function confusedTwice(text: string, label: string): boolean {
  if (label.length < 10 || text.length !== label.length) return false;
  let diff = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === label[i]) continue;
    if (!CONFUSED.has(text[i]! + label[i]!) || ++diff > 2) return false;
  }
  return true;
}

/** Two labels of one length that differ in one letter, a pair OCR confuses ("datadecommande"). */
function confusedOnce(text: string, label: string): boolean {
  if (text.length !== label.length) return false;
  const diff = [...text].flatMap((c, i) => (c === label[i] ? [] : [c + label[i]]));
  return diff.length === 1 && CONFUSED.has(diff[0]!);
}

export interface LabelSpan<K extends string> {
  kind: K;
  /** Word indexes [from, to) covered by the label. */
  from: number;
  to: number;
  /** Folded label text that matched. */
  label: string;
  /** 0 for an exact (folded) match, growing with edits. */
  edits: number;
}

/**
 * Labels in a run of words: spans of 1–4 words whose folded text equals a vocabulary entry, longest
 * first, without overlaps. A long entry may also end a compound word ("Materialbestellung Nr." ends
 * with "bestellungnr").
 */
export function findLabelSpans<K extends string>(
  words: string[],
  vocab: readonly (readonly [K, readonly string[]])[],
  opts: { misreadLonger?: boolean } = {},
): LabelSpan<K>[] {
  const folded = words.map(foldLabel);
  const cands: LabelSpan<K>[] = [];
  for (const len of [4, 3, 2, 1]) {
    for (let i = 0; i + len <= words.length; i++) {
      const parts = folded.slice(i, i + len);
      if (parts.some((p) => p === '')) continue;
      const text = parts.join('');
      if (text.length < 2) continue;
      let best: LabelSpan<K> | null = null;
      for (const [kind, labels] of vocab) {
        for (const label of labels) {
          let edits = -1;
          if (text === label) edits = 0;
          else if (labelEquals(text, label)) edits = boundedDistance(text, label, 2);
          else if (
            text.length > label.length &&
            len <= 2 &&
            // (a label of eight letters takes at most two before it: "HIQuantité", its "HT" merged)
            (label.length >= 9 || (label.length >= 8 && text.length - label.length <= 2))
          ) {
            if (text.endsWith(label)) edits = 1;
          }
          if (edits >= 0 && (!best || edits < best.edits))
            best = { kind, from: i, to: i + len, label, edits };
        }
      }
      if (best) cands.push(best);
    }
  }
  // exact matches before fuzzy ones (a stray "N" before "PO number/date" is not part of the label),
  // then the longest; with `misreadLonger`, a label misread within its tolerance (one edit, two for
  // labels of 14 letters or more: "Diane de commande") that holds an exact one and whole
  // words besides ("Dale de commande" around "commande") is the longer label misread, and goes
  // first (not for column labels, whose neighbours are labels of their own: "Menge ME")
  const absorbs = (f: LabelSpan<K>): boolean =>
    opts.misreadLonger === true &&
    f.edits >= 1 &&
    f.edits <= tolerance(f.label.length) &&
    // (the whole span is the label misread, not a compound ending in it)
    boundedDistance(folded.slice(f.from, f.to).join(''), f.label, f.edits) <= f.edits &&
    // (a label read right from the same first word, ended by its colon, ends before the words
    // after it: "Ihre Bestell-Nr.: GS 4471" is no misread label taking in the value's prefix; and
    // two labels read right are two labels: "Purchase Order | PO number:")
    !cands.some((x) => x.edits === 0 && x.from === f.from && x.to < f.to && /:$/.test(words[x.to - 1]!)) &&
    // (unless the span is the long label with one letter misread for one OCR confuses it with:
    // "Data de commande", where "Data" is the Italian date label and "commande" a label of its own)
    (confusedOnce(folded.slice(f.from, f.to).join(''), f.label) ||
      misreadBetween(f) ||
      !cands.some(
        (x, _, all) =>
          x.edits === 0 &&
          x.from >= f.from &&
          x.to <= f.to &&
          all.some((y) => y !== x && y.edits === 0 && y.from >= x.to && y.to <= f.to),
      )) &&
    cands.some((e) => {
      if (e.edits !== 0 || e.from < f.from || e.to > f.to || e.to - e.from >= f.to - f.from) return false;
      if (f.label.length < e.label.length + 3) return false;
      const extra = [...folded.slice(f.from, e.from), ...folded.slice(e.to, f.to)];
      return extra.every((w) => w.length >= 2) && extra.join('').length >= 3;
    });
  // ("Date dg commande": the label's one misread word stands between two labels read right, and is
  // no label of its own; the label is read with that word one edit off)
  const misreadBetween = (f: LabelSpan<K>): boolean => {
    for (let k = f.from + 1; k < f.to - 1; k++) {
      if (cands.some((x) => x.edits === 0 && x.from <= k && k < x.to)) continue;
      const pre = folded.slice(f.from, k).join('');
      const post = folded.slice(k + 1, f.to).join('');
      if (!f.label.startsWith(pre) || !f.label.endsWith(post)) continue;
      const mid = f.label.slice(pre.length, f.label.length - post.length);
      if (f.label.length - post.length < pre.length || mid.length < 2) continue;
      if (boundedDistance(folded[k]!, mid, 1) <= 1) return true;
    }
    return false;
  };
  const rank = new Map(cands.map((c) => [c, absorbs(c) ? 0 : c.edits]));
  cands.sort((a, b) => rank.get(a)! - rank.get(b)! || b.to - b.from - (a.to - a.from));
  const out: LabelSpan<K>[] = [];
  const used = new Set<number>();
  for (const c of cands) {
    let taken = false;
    for (let k = c.from; k < c.to; k++) if (used.has(k)) taken = true;
    if (taken) continue;
    out.push(c);
    for (let k = c.from; k < c.to; k++) used.add(k);
  }
  return out.sort((a, b) => a.from - b.from);
}
