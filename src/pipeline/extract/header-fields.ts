/**
 * Header fields found by their labels: the customer's order reference, the order date and the
 * requested delivery date. Labels are matched tolerantly (see fuzzy-label.ts) in German, French,
 * Italian and English; the value is on the same line right of the label (up to the next label) or
 * under it (boxes, two-row forms). Labels of other numbers (customer, supplier, project, quotation,
 * cost centre, phone) are recognised too, so that their values are never taken for a reference.
 * Without a labelled order date, the letter line "Ort, Datum" gives it. Delivery dates also come
 * from running text ("bis spätestens 26.03.2026", "by Monday 24 August", "Lieferung KW 49").
 */
import { confusionKey } from '../match/sku-normalize.ts';
import type { Box, Evidence } from '../types.ts';
import { combinedRefDateLabel } from './combined-label.ts';
import { boundedDistance, findLabelSpans, foldLabel, type LabelSpan } from './fuzzy-label.ts';
import { type Kind, VOCAB } from './header-vocabulary.ts';
import { boxOf, type TextLine } from './layout-lines.ts';
import { findDates, isoDate, monthOf } from './parse-date.ts';
import { type DamagedDate, damagedDate } from './partial-date.ts';
import { findCalendarWeek, findRelativeSpan, findWeekday, WEEKDAY_WORD } from './relative-date.ts';
import { repairDateDigits, yearsOneDigitFrom } from './repair-date-digits.ts';

export interface HeaderField<T> {
  value: T;
  confidence: number;
  evidence: Evidence;
}

export interface HeaderFields {
  reference: HeaderField<string> | null;
  orderDate: HeaderField<string> | null;
  deliveryDate: HeaderField<string> | null;
  /** A delivery label was found but its value is not a date ("sofort", "asap"). */
  deliveryAsap: boolean;
  /**
   * A delivery label beside a date no reading makes whole ("Liefertermin: Juli 2026", its day lost):
   * what stands there, for the clerk to look at. Null when a delivery date was read or nothing
   * date-like follows a delivery label.
   */
  deliveryUnread: { text: string; evidence: Evidence } | null;
  /** A strong reference label beside a number that did not read as one ("PO number: &MD-93919"). */
  referenceUnread: { text: string; evidence: Evidence } | null;
  /** The reference was read from a row of values whose own label OCR lost (see stripReference). */
  referenceUnlabelled?: boolean;
  /** An order-date label was found ("Datum", "Bestelldatum", "Date"…), whether or not its value read. */
  orderDateLabelled: boolean;
  /** A labelled order date that OCR damaged ("29.0· .2026", "1001/2026"; see partial-date.ts). */
  orderDateDamaged: { value: DamagedDate; evidence: Evidence } | null;
  /** A labelled delivery address ("Lieferadresse", "Ship to"…), its lines joined with ", ". */
  deliveryAddress: HeaderField<string> | null;
  /** A labelled remark ("Bemerkungen", "Remarques", "Note"…). */
  remarks: HeaderField<string> | null;
}

const ASAP =
  /\b(sofort|asap|a\.s\.a\.p|dringend|umgehend|schnellstm[öo]glich|so\s*bald\s*wie\s*m[öo]glich|sobald\s+m[öo]glich|baldm[öo]glichst|urgent|imm[ée]diat(?:ement)?|d[eè]s\s+que\s+possible|subito|urgente|al\s+pi[uù]\s+presto|immediately|as\s+soon\s+as\s+possible|express)\b/i;

/** Running-text phrases that introduce a requested delivery date. */
const DELIVERY_WORD = /(liefer|deliver|livr|consegn|ship|exp[ée]di|sped)/i;
/** Words that set a deadline: "bis", "by", "spätestens", "avant" (what follows is the last day). */
const DEADLINE = /\b(bis|by|until|sp[äa]testens|entro|avant|d'ici)\b/i;
const DELIVERY_PHRASE =
  /\b(?:bis(?:\s+(?:sp[äa]testens\s+am|sp[äa]testens|am|zum|ende))?|sp[äa]testens(?:\s+am|\s+bis)?|lieferung\s+(?:am|bis|per)|liefern\s+(?:sie\s+)?(?:uns\s+)?(?:bitte\s+)?(?:am|bis)|by|until|no\s+later\s+than|deliver(?:ed|y)?\b[^.:]{0,40}?\b(?:on|by)|entro(?:\s+il)?|per\s+il|d'ici\s+(?:le|au)?|jusqu['’]\s?(?:au|à)(?:\s+le)?|au\s+plus\s+tard(?:\s+le)?|avant\s+le|pour\s+le|livr\w*\b[^.:]{0,30}?\ble)[:.]?(?=\s)/giu;

/** Deadlines other than delivery: payment, an offer's or a price's validity. */
const NOT_DELIVERY =
  /(zahl|g[üu]ltig|skonto|rechnung|angebot|offert|valid|pay|invoice|paiement|facture|valable|offre|pagamento|fattura|offerta)/i;

const REF_PHRASE =
  /\b(?:\p{L}*bestell\p{L}*|order|commande|ordine|ordinazione)\b[^:\n]{0,40}?\b(?:nr|no|n°|nº|nummer|number|numéro|numero)\.?\s*:?\s*((?:[A-Z]{1,3}\s)?\S*\d\S*)/giu;

/**
 * A title naming the order and its number without "Nr." — "Bestellung 4502387103", the running header
 * "Firma – Bestellung 4502387103 – Seite 2": a number of five or more digits (optionally with a letter
 * prefix) right after the word; dates and quantities ("Bestellung 20 Stk") do not qualify.
 */
const REF_TITLE =
  /\b(?:bestellung|purchase\s+order|order|commande|ordine)\s*:?\s+((?:[A-Z]{1,3}[-\s]?)?\d[\d\-/.]{4,}\d)(?=\s|$)/giu;

interface Token {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * Evidence of a field read from line `l`: with the printed value known, only the cells holding it
 * and the cell of its label (`labelX`, on the same line) rather than the whole line, which on a
 * letterhead also holds the address beside it.
 */
function ev(l: TextLine, printed?: string, labelX?: number): Evidence {
  const whole = { page: l.page, box: l.box, text: l.text };
  const want = (printed ?? '')
    .split(/\s+/)
    .map(alnum)
    .filter((t) => t.length >= 2);
  if (want.length === 0) return whole;
  const cells = l.cells.filter(
    (c) =>
      (labelX !== undefined && c.x0 <= labelX + 1 && c.x1 >= labelX - 1) ||
      c.words.some((w) => {
        const t = alnum(w.text);
        return t.length >= 2 && want.some((x) => x.includes(t) || t.includes(x));
      }),
  );
  if (cells.length === 0) return whole;
  return {
    page: l.page,
    box: boxOf(cells.flatMap((c) => c.words)),
    text: cells.map((c) => c.text).join(' '),
  };
}

/** A text's letters and digits, in lower case (for comparing what OCR read). */
export const alnum = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const printedDate = (text: string, d: { index: number; length: number }): string =>
  text.slice(d.index, d.index + d.length);

/** Words of a line, with "Datum:12.3." and "Liefertermin—20.02.26" split into label and value. */
function tokensOf(line: TextLine): Token[] {
  const out: Token[] = [];
  for (const w of line.words) {
    // (and a label glued to its date by a hyphen OCR read for the colon: "consegna-07/04/2026")
    // (but not an order number's letter prefix, its hyphen read as a colon: "CMD:64541")
    const prefixed = /^([A-Z]{2,4}):\d/.exec(w.text);
    const parts =
      prefixed && findLabelSpans([prefixed[1]!], VOCAB).length === 0
        ? [w.text]
        : w.text.split(/(?<=[:—–])(?=\S)|(?<=\p{L}{5}-)(?=\d{1,2}[./]\d{1,2}[./]\d{2,4})/u);
    let x = w.box[0];
    const per = w.box[2] / Math.max(1, w.text.length);
    for (const p of parts) {
      out.push({ text: p, x0: x, x1: x + p.length * per, y0: w.box[1], y1: w.box[1] + w.box[3] });
      x += p.length * per;
    }
  }
  return out;
}

/** A label must be made of words, not numbers that fold into letters. */
function wordish(t: string): boolean {
  const letters = (t.match(/\p{L}/gu) ?? []).length;
  const digits = (t.match(/\d/g) ?? []).length;
  return letters >= 1 && letters >= digits * 2;
}

interface LineLabels {
  tokens: Token[];
  spans: LabelSpan<Kind>[];
}

/**
 * A colon OCR read as a letter i or l at a label's end ("Licfertermini" for "Liefertermin:"): a
 * word that is no label, but one without that last letter, is that label and its colon.
 */
function colonAsLetter(text: string): string {
  const m = /^(\p{L}{5,})[il]$/u.exec(text);
  if (!m || findLabelSpans([text], VOCAB).length > 0) return text;
  return findLabelSpans([m[1]!], VOCAB).length > 0 ? `${m[1]}:` : text;
}

function labelsOf(line: TextLine): LineLabels {
  const tokens = tokensOf(line);
  // (a colon read as "!" after a label, "Data!", is no letter l of it)
  const texts = tokens.map((t) =>
    wordish(t.text) ? colonAsLetter(t.text.replace(/(?<=\p{L})!$/u, ':')) : '#',
  );
  // a label's words stand together: a wide gap ends it ("Bon de commande" as the title, then in the
  // box beside it "N° de commande") — labels are looked for in each stretch between wide gaps
  const all: LabelSpan<Kind>[] = [];
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && tokens[i]!.x0 - tokens[i - 1]!.x1 <= line.unit * 3) continue;
    const part = texts.slice(start, i);
    for (const s of longerLabels(findLabelSpans(part, VOCAB, { misreadLonger: true }), part))
      all.push({ ...s, from: s.from + start, to: s.to + start });
    start = i;
  }
  const spans = all.filter((s) => {
    // one-word short labels ("po", "date", "fax") must stand as a word, not be the start of a sentence
    if (s.label.length <= 3 && s.edits > 0) return false;
    // a title word right after an order-number label is the rest of that label ("Bon de commande
    // N° | de commande: 4569…"), not a label of its own
    if (
      WEAK_REF_LABELS.has(s.label) &&
      all.some(
        (p) =>
          p !== s &&
          p.kind !== 'other' &&
          p.to <= s.from &&
          s.from - p.to <= 2 &&
          !all.some((o) => o.from >= p.to && o.to <= s.from),
      )
    )
      return false;
    return true;
  });
  return { tokens, spans };
}

const DATE_PHRASES = VOCAB.filter(([k]) => k === 'delivery' || k === 'orderDate').flatMap(([kind, ls]) =>
  ls.filter((l) => l.length >= 10).map((label) => ({ kind, label })),
);
const REF_PHRASES = VOCAB.filter(([k]) => k === 'ref').flatMap(([kind, ls]) =>
  ls.filter((l) => l.length >= 10).map((label) => ({ kind, label })),
);

/**
 * "Data di consegria:", "Numero crdine:": a first word read right that is a label of its own
 * ("data", "numero"), followed by the rest of a longer label read with an edit or two. Label
 * matching prefers the exact short word; when the words after it are no labels and complete a
 * longer date or order-number label, that label it is.
 */
function longerLabels(spans: LabelSpan<Kind>[], texts: string[]): LabelSpan<Kind>[] {
  return spans.map((s, i) => {
    if (s.to - s.from !== 1) return s;
    const phrases =
      s.kind === 'date'
        ? DATE_PHRASES
        : s.kind === 'ref' && WEAK_REF_LABELS.has(s.label)
          ? REF_PHRASES
          : null;
    if (!phrases) return s;
    // words only: a value ("26/10/2026" reads as "#") is not part of a label
    let free = 0;
    const end = spans[i + 1]?.from ?? texts.length;
    while (s.to + free < end && texts[s.to + free] !== '#') free++;
    for (const extra of [3, 2, 1]) {
      if (extra > free) continue;
      const joined = texts
        .slice(s.from, s.to + extra)
        .map(foldLabel)
        .join('');
      const hit = phrases.find(
        (p) => p.label.startsWith(s.label) && boundedDistance(joined, p.label, 2) <= 2,
      );
      if (hit) return { kind: hit.kind, from: s.from, to: s.to + extra, label: hit.label, edits: 2 };
    }
    return s;
  });
}

/** Text right of the label on its line, up to the next label. */
function sameLine(ll: LineLabels, i: number): string {
  const s = ll.spans[i]!;
  const next = ll.spans[i + 1]?.from ?? ll.tokens.length;
  return ll.tokens
    .slice(s.to, next)
    .map((t) => t.text)
    .join(' ');
}

const field = (c: Candidate<string> | null): HeaderField<string> | null =>
  c ? { value: c.value, confidence: round(c.score), evidence: c.evidence } : null;

/** Labels that also begin an address ("Baustelle Überbauung Sonnenhof"). */
const PLACE_WORDS = new Set(
  ['baustelle', 'objekt', 'projekt', 'chantier', 'cantiere', 'lager'].map(foldLabel),
);

/** "wie oben", "idem", "same as above": the field says there is nothing different to note. */
const NOTHING =
  /^(?:wie\s+oben|siehe\s+oben|gleich(?:\s+wie\s+oben)?|dito|idem|identique|comme\s+ci-dessus|come\s+sopra|same\s+as\s+above|keine|none|n\/a|aucune?|nessuna?|-+|–|—)\.?$/iu;

/**
 * A free-text block after a label, such as an address or a remark: the rest of the label's line
 * (past words that are labels too, like "Baustelle", while no wide gap opens a new field) and the
 * lines under it that start where it starts; or, when the line has nothing after the label, the
 * lines in the label's box below. At most `maxLines` lines, joined with ", ". A hint in brackets
 * after the label ("(falls abweichend)") is no value.
 */
function blockValue(
  lines: TextLine[],
  labels: Map<TextLine, LineLabels>,
  li: number,
  si: number,
  maxLines: number,
): { text: string; score: number; evidence: Evidence } | null {
  const l = lines[li]!;
  const ll = labels.get(l)!;
  const s = ll.spans[si]!;
  const rest: Token[] = [];
  for (let k = s.to; k < ll.tokens.length; k++) {
    const t = ll.tokens[k]!;
    const prev = ll.tokens[k - 1]!;
    const sp = ll.spans.find((x) => x.from === k);
    // a label after a wide gap is the next field, unless it names a place ("Lieferung an:
    // Baustelle MFH Lindenpark"), which is how addresses begin
    if (sp && !PLACE_WORDS.has(sp.label) && t.x0 - prev.x1 > l.unit * 1.5) break;
    rest.push(t);
  }
  const clean = (text: string): string =>
    text
      .replace(/^[\s:;.\-–—|]+/u, '')
      .replace(/^\([^)]{0,40}\)\s*[:;]?\s*/u, '')
      .replace(/[\s|.,;©]+$/u, '')
      .trim();
  const parts: string[] = [];
  let last = l;
  let x0: number;
  let left: number;
  let right: number;
  const first = clean(rest.map((t) => t.text).join(' '));
  const sameLineValue = /\p{L}{2}/u.test(first);
  if (sameLineValue) {
    parts.push(first);
    x0 = rest.find((t) => /[\p{L}\p{N}]/u.test(t.text))?.x0 ?? rest[0]!.x0;
    left = x0 - l.unit * 2;
    right = rest.at(-1)!.x1 + l.unit * 20;
  } else {
    x0 = ll.tokens[s.from]!.x0;
    const next = ll.spans.slice(si + 1).find((sp) => ll.tokens[sp.from]!.x0 > (rest.at(-1)?.x1 ?? x0));
    right = next ? ll.tokens[next.from]!.x0 - l.unit * 0.5 : Number.POSITIVE_INFINITY;
    const prev = ll.spans[si - 1];
    left = Math.max(prev ? ll.tokens[prev.to - 1]!.x1 + l.unit * 0.5 : 0, x0 - l.unit * 3);
  }
  for (let j = li + 1; j < lines.length && parts.length < maxLines; j++) {
    const n = lines[j]!;
    if (n.page !== l.page || n.box[1] - (last.box[1] + last.box[3]) > l.unit * 1.6) break;
    const nl = labels.get(n)!;
    const inBox = nl.tokens.filter((t) => t.x0 >= left && t.x0 < right && /[\p{L}\p{N}]/u.test(t.text));
    if (inBox.length === 0) {
      if (parts.length > 0) break;
      continue;
    }
    // another field's label, or a line that does not start where the value starts, ends the block
    if (
      nl.spans.some(
        (sp) => sp.kind !== 'other' && nl.tokens[sp.from]!.x0 >= left && nl.tokens[sp.from]!.x0 < right,
      )
    )
      break;
    if (nl.spans.some((sp) => nl.tokens[sp.from] === inBox[0])) break;
    if (Math.abs(inBox[0]!.x0 - x0) > l.unit * 3) break;
    // a list ("- 10 Stk 10-4711 …") under a line ending in a colon is the order, not the field
    if (/^[-–•*]$/u.test(nl.tokens[0]!.text)) break;
    if (sameLineValue) {
      // after a value on the label's line only lines that start under it continue it, and not
      // once it has ended a sentence; an address goes on in short lines, not in sentences
      if (nl.tokens[0]!.x0 < left || /[.!?]$/u.test(parts.at(-1) ?? '')) break;
      if (maxLines > 3 && inBox.length > 6) break;
    }
    parts.push(clean(inBox.map((t) => t.text).join(' ')));
    last = n;
  }
  const text = parts.filter((p) => p.length > 0).join(', ');
  if (!/\p{L}{3}/u.test(text) || NOTHING.test(text)) return null;
  const box: Box = [
    Math.min(l.box[0], last.box[0]),
    l.box[1],
    Math.max(l.box[0] + l.box[2], last.box[0] + last.box[2]) - Math.min(l.box[0], last.box[0]),
    last.box[1] + last.box[3] - l.box[1],
  ];
  return { text, score: sameLineValue ? 0.75 : 0.65, evidence: { page: l.page, box, text } };
}

/** Text under the label (next lines, within the label's box: from its left edge to the next label). */
function underLabel(
  lines: TextLine[],
  labels: Map<TextLine, LineLabels>,
  li: number,
  si: number,
): { text: string; line: TextLine } | null {
  const l = lines[li]!;
  const ll = labels.get(l)!;
  const s = ll.spans[si]!;
  const x0 = ll.tokens[s.from]!.x0;
  const next = ll.spans[si + 1];
  const right = next ? ll.tokens[next.from]!.x0 - l.unit * 0.5 : x0 + l.unit * 22;
  // a box's value may start left of a label whose first word OCR lost or split off ("Thre Bestell-Nr.")
  const prev = ll.spans[si - 1];
  const left = Math.max(prev ? ll.tokens[prev.to - 1]!.x1 + l.unit * 0.5 : 0, x0 - l.unit * 6);
  return underBox(lines, labels, li, x0, left, right);
}

/**
 * The value row under a label cell spanning [left, right) that starts near x0. OCR sometimes gives
 * one word of the value row a box a little lower or higher than its neighbours ("PO-" of
 * "PO-2026-9255" lands on a line of its own); words of the next line that overlap the value row
 * vertically and sit in the cell belong to it.
 */
function underBox(
  lines: TextLine[],
  labels: Map<TextLine, LineLabels>,
  li: number,
  x0: number,
  left: number,
  right: number,
): { text: string; line: TextLine } | null {
  const l = lines[li]!;
  // the next two lines that hold a letter or digit (specks read as "," or "'" between a label and
  // its value make lines of their own)
  let looked = 0;
  for (let j = li + 1; j < lines.length && looked < 2; j++) {
    const n = lines[j]!;
    if (n.page !== l.page || n.box[1] - (l.box[1] + l.box[3]) > l.unit * 2.5) return null;
    if (!/[\p{L}\p{N}]/u.test(n.text)) continue;
    looked++;
    const nl = labels.get(n)!;
    // a box's border OCR'd as "|" or "[" is no value
    const inBox = nl.tokens.filter((t) => t.x0 >= left && t.x0 < right && /[\p{L}\p{N}]/u.test(t.text));
    if (inBox.length === 0) continue;
    // another label in the box below: the field above is empty
    if (nl.spans.some((sp) => nl.tokens[sp.from]!.x0 >= left && nl.tokens[sp.from]!.x0 < right)) return null;
    const after = lines[j + 1];
    if (after && after.page === n.page) {
      const y0 = Math.min(...inBox.map((t) => t.y0));
      const y1 = Math.max(...inBox.map((t) => t.y1));
      for (const t of labels.get(after)!.tokens) {
        const overlap = Math.min(y1, t.y1) - Math.max(y0, t.y0);
        if (t.x0 >= left && t.x0 < right && overlap >= (t.y1 - t.y0) * 0.5) inBox.push(t);
      }
      inBox.sort((a, b) => a.x0 - b.x0);
    }
    if (Math.abs(inBox[0]!.x0 - x0) > l.unit * 6) return null;
    return { text: inBox.map((t) => t.text).join(' '), line: n };
  }
  return null;
}

/**
 * A letter prefix OCR misread or cut off its number: "P0-2026" (zero for O) → "PO-2026"; "PO. 2026-9255"
 * or "PO - 77151" (a space, or a separator unlike the number's own) → "PO-2026-9255", "PO-77151".
 * "B 26/0815" (a prefix and a space, no separator) stays as printed. A letter between two digits is a
 * digit misread ("ORD/4G2/26" → "ORD/462/26"), so is one opening a group of digits ("ORD/S31/26"),
 * and two of a middle group's three ("ORD/SS6/26").
 */

function repairPrefix(s: string): string {
  let out = s.replace(/^([A-Z]{1,2})0(?=[-–.]\s?\d)/, '$1O');
  // a capital whose small letter has the same shape, read small in a wide typeface ("z-99812")
  out = out.replace(/^[cosuvwxz](?=[A-Z]{0,3}[-–/.]\d)/, (c) => c.toUpperCase());
  // a letter OCR read for a digit between two digits ("ORD/4G2/26"), or opening a group of digits
  // between separators ("ORD/S31/26")
  out = out
    .replace(/(?<=\d)[OoDQIlSBGZ](?=\d)/g, confusionKey)
    .replace(/(?<=\p{L}[/.\-–]|\d[/.\-–])[OoDQIlSBGZ](?=\d{2,}(?:[/.\-–]|$))/gu, confusionKey)
    // (or two of its three, between separators with digits after: "ORD/SS6/26")
    .replace(
      /(?<=\p{L}[/.\-–])(?=[OoDQIlSBGZ\d]{3}[/.\-–]\d)(?=[^/.\-–]*\d)[OoDQIlSBGZ\d]{3}(?=[/.\-–]\d)/gu,
      (g) => g.replace(/[OoDQIlSBGZ]/g, confusionKey),
    );
  const m = /^([A-Z]{1,3})(\s?)([.\-–])(\s?)(\d[\w/.\-–]*)/.exec(out);
  if (m) {
    const own = /\d([-./])\d/.exec(m[5]!)?.[1];
    const spaced = m[2] !== '' || m[4] !== '';
    // (unspaced, only a dot is OCR's: "PO.2026-9255"; a hyphen is the reference's own, "A-26/4471")
    if (spaced || (own && own !== m[3] && m[3] === '.'))
      out = `${m[1]}${own ?? m[3]}${m[5]}${out.slice(m[0].length)}`;
  }
  return out;
}

/**
 * Reference labels that are also a document's title or a word of a sentence ("Bestellung",
 * "Purchase order", "Commande"): their value is taken only from the same line, with less trust.
 */
const WEAK_REF_LABELS = new Set(
  // (and a bare "number:" whose first word OCR lost: "FO number: CMD-82721")
  [
    'ordine',
    'purchase order',
    'bestellung',
    'auftrag',
    'order',
    'commande',
    'number',
    'nummer',
    'numéro',
    'numero',
  ].map(foldLabel),
);
/**
 * A letter's own reference ("Unser Zeichen", "N/Réf."): the order number when nothing names one
 * more directly, so it yields to "Bestell-Nr." and the like.
 */
const SECONDARY_REF_LABELS = new Set(
  [
    'unsere referenz',
    'unser zeichen',
    'n/réf',
    'ns réf',
    'nos réf',
    'notre réf',
    'nos références',
    'nostro rif',
    'ns rif',
  ].map(foldLabel),
);

/** A line that is a bare number label and its value (after a speck), and the title line of an order above it. */
const BARE_NUMBER =
  /^\s*(?:nr|no|n°|nº|nummer|number|numéro|numero)[.,]?\s*:?\s+(?:[|!:;il'‘’"“”,.]\s+)?(\S+)\s*$/iu;
const ORDER_TITLE =
  /^\s*(?:bestellung|purchase\s+order|order|commande|bon\s+de\s+commande|ordine|ordine\s+d['’]acquisto)\s*$/iu;

/** What follows "vom", "du", "del", "dated" after an order number (or opens the line under it). */
const DATED = /\s(?:vom|v\.|du|del|dated|of|from)\s+(.+)$/iu;
const DATED_BELOW = /^\s*(?:vom|du|del|dated)\s+(.+)$/iu;

/** The customer's order number in a value text: one token, or a short prefix plus a number ("B 26/0815"). */
export function cleanReference(raw: string): string | null {
  // (a box border or a speck read as a bracket or quote before the number: "(CMD-32579")
  // (and the line of a form's blank the number was written on: "____ LU-3381 ____", or a speck
  // read as a plus or a star: "+ CMD-40555")
  let s = raw.replace(/^[\s:;.,#°\-–—_+*|([{'"„“”‘’]+/, '').trim();
  // (specks over a capital of the prefix read as an umlaut or accent: "ÖRD/898/26")
  s = s.replace(/^\p{Lu}{1,4}(?=[-/.\s]?\d)/u, (p) => p.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  // (a border read as a small l glued to a capital prefix: "lORD/198/26")
  s = s.replace(/^l(?=[A-Z]{2,}[-/.\s]?\d)/u, '');
  // (the O of a capital prefix read as a zero: "0RD/780/26")
  s = s.replace(/^0(?=[A-Z]{2,}[-/.\s]?\d)/u, 'O');
  // (a space OCR put beside the separator after a letter prefix: "ORD /327/26", "CMD- 40555")
  s = s.replace(/^([A-Za-z]{2,4})(?:\s([-/])|([-/])\s)(?=\d)/u, '$1$2$3');
  // "Bestellung Nr. 4711" with the "Nr" misread ("Ne", "Nt"): a bare label word took the value
  s = s.replace(/^(?:N[a-zº°]?[.,]?|n[a-zº°]?[.,])\s+(?=[\w-]*\d)/u, '');
  // "n° 4711", "nº4711": the number sign of a label that ended before it ("Notre commande n° …")
  s = s.replace(/^[Nn][º°]\.?\s*(?=[\w-]*\d)/u, '');
  // "Our order number is ZB-4471", "Unsere Bestellnummer lautet 4711": the verb is no prefix
  s = s.replace(/^(?:is|ist|lautet|lautete|est|è|was|war)\s+(?=\S*\d)/u, '');
  const date = findDates(s)[0];
  if (date && date.index === 0) return null;
  if (date && date.index > 0) s = s.slice(0, date.index);
  s = s.replace(/\s*(?:\/|vom|du|del|dated|from|of)\s*$/i, '').trim();
  s = s.replace(/[\s,;:|]+$/, '');
  s = repairPrefix(s);
  // (a letter prefix and a colon before the number, "CMD:64541": a separator OCR misread, which
  // the draft reports; not a label, whose value would be the number alone)
  const m =
    s.match(/^[A-Za-z]{2,4}:\d[\w/.\-–]*/u) ??
    s.match(/^(?:[A-Za-z]{1,3}\s)?[A-Za-z0-9][\w/.\-–]*\d[\w/.\-–]*/u);
  if (!m) return null;
  const v = m[0].replace(/[.\-–/]+$/, '');
  const digits = (v.match(/\d/g) ?? []).length;
  if (digits === 0 || v.length < 3 || v.length > 30) return null;
  // dates, dimensions, quantities and amounts are not order numbers
  if (/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(v)) return null;
  // (also behind a short word: "rem 24.50" is an amount, not "REM-2450")
  const core = v.replace(/^[A-Za-z]{1,3}\s/, '');
  if (/^\d+(?:[.,]\d+)?\s?[x×]\s?\d/i.test(core) || /^\d{1,3}(?:['’]\d{3})*[.,]\d{2}$/.test(core))
    return null;
  if (/^\d{1,2}$/.test(v.replace(/\D/g, '')) && digits < 3) return null;
  return v;
}

/**
 * Dates in a value, tolerating a comma for a dot ("20.02,26") or one dot lost to a space ("04 12.26",
 * "04.12 26") as OCR writes them; an impossible day or month is repaired when one confused digit
 * explains it, and such a date is marked `repaired`.
 */
function datesIn(text: string, ref: Date): (ReturnType<typeof findDates>[number] & { repaired?: boolean })[] {
  // (not the comma of "Nov 24, 2026", after a month name and its day)
  const t = text
    // a window of days, "2.–4. Dezember 2026", "2.-4.12.2026", "2. bis 4. Dezember": its first day,
    // as a calendar week is its Monday
    .replace(
      /(?<![\d.])(\d{1,2})[.,]\s?(?:[-–—]|bis|au|al|to)\s?\d{1,2}[.,]\s?(?=\p{L}{3,}\.?\s+\d{4}|\d{1,2}\.\s?\d{2,4}(?!\d))/gu,
      '$1. ',
    )
    .replace(/(\d)\s?,\s?(\d)/g, (m, a: string, b: string, at: number) =>
      /\p{L}{3,}\.?(?:\s+|-)\d{1,2}$/u.test(text.slice(0, at + 1)) &&
      /^\d{4}(?!\d)/.test(text.slice(at + m.length - 1))
        ? m
        : `${a}.${b}`,
    )
    .replace(/(?<![\d.])(\d{1,2})(?: (\d{1,2})\.|\.(\d{1,2}) )(\d{4}|\d{2})(?![\d.])/g, (m, d, m1, m2, y) =>
      // (a two-digit year must be near: "3 12.50" is a count and an amount)
      y.length === 4 || Math.abs(2000 + Number(y) - ref.getUTCFullYear()) <= 2 ? `${d}.${m1 ?? m2}.${y}` : m,
    )
    // the first dot read as a colon: "26:10. 26", "26:10.2026" (a time has no year after it)
    .replace(/(?<![\d.:])(\d{1,2})\s?:\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d.:])/g, (m, d, mo, y) =>
      y.length === 4 || Math.abs(2000 + Number(y) - ref.getUTCFullYear()) <= 2 ? `${d}.${mo}.${y}` : m,
    )
    // the second separator read as a colon: "28/01: 2026", "28.01:2026", "22.10:26"
    .replace(/(?<![\d.:/])(\d{1,2})([./])(\d{1,2})\s?:\s?(\d{4}|\d{2})(?![\d.:])/g, (m, d, sep, mo, y) =>
      Math.abs((y.length === 2 ? 2000 : 0) + Number(y) - ref.getUTCFullYear()) <= 2
        ? `${d}${sep}${mo}${sep}${y}`
        : m,
    )
    // one of its dots lost: "0602.26", "06.0226" (a real day and month, a year near)
    .replace(
      /(?<![\d.,])(\d{2})(\d{2})\.(\d{2}|\d{4})(?![\d.,])|(?<![\d.,])(\d{2})\.(\d{2})(\d{2}|\d{4})(?![\d.,])/g,
      (m, d1, m1, y1, d2, m2, y2) => {
        const [d, mo, y] = d1 !== undefined ? [d1, m1, y1] : [d2, m2, y2];
        const year = y.length === 2 ? 2000 + Number(y) : Number(y);
        return +d >= 1 && +d <= 31 && +mo >= 1 && +mo <= 12 && Math.abs(year - ref.getUTCFullYear()) <= 1
          ? `${d}.${mo}.${y}`
          : m;
      },
    )
    // every separator lost, with a four-digit year near: "02072026", "2027 01 02"
    .replace(/(?<![\d.,/-])(\d{2})(\d{2})(20\d{2})(?![\d.,/-])/g, (m, d, mo, y) =>
      Math.abs(Number(y) - ref.getUTCFullYear()) <= 2 ? `${d}.${mo}.${y}` : m,
    )
    .replace(/(?<![\d.,/-])(20\d{2}) (\d{2}) (\d{2})(?![\d.,/-])/g, (m, y, mo, d) =>
      Math.abs(Number(y) - ref.getUTCFullYear()) <= 2 ? `${y}-${mo}-${d}` : m,
    )
    // both dots lost: "26 12 2026" (a four-digit year near, or a later year one digit from this
    // year's neighbours, which the draft then mends: "09 07 2076"; a past year such as 2016 may be
    // one a text speaks of, and stays no date)
    .replace(/(?<![\d.,])(\d{1,2}) (\d{1,2}) (\d{4})(?![\d.,])/g, (m, d, mo, y) =>
      Math.abs(Number(y) - ref.getUTCFullYear()) <= 2 ||
      (Number(y) > ref.getUTCFullYear() && yearsOneDigitFrom(Number(y), ref.getUTCFullYear()).length === 1)
        ? `${d}.${mo}.${y}`
        : m,
    );
  const r = repairDateDigits(t, ref.getUTCFullYear());
  // (a month name read one letter off counts as repaired too)
  const found = findDates(r.text, ref).map((d) => (d.misspelt ? { ...d, repaired: true } : d));
  if (!r.repaired) return found;
  const plain = new Set(findDates(t, ref).map((d) => `${d.index}:${d.iso}`));
  return found.map((d) => (plain.has(`${d.index}:${d.iso}`) ? d : { ...d, repaired: true }));
}

interface Candidate<T> {
  value: T;
  score: number;
  evidence: Evidence;
}

/**
 * A label run ending in a date word ("Be teed Faummenr Dat") that combinedRefDateLabel takes for a
 * mangled "order number/date" label, with a value "<number> [/] <date>" right of it or in the box under
 * it. Runs stop at recognised non-order labels (customer number, quotation…), so their values never
 * become the reference.
 */
function combinedRefDate(
  lines: TextLine[],
  labels: Map<TextLine, LineLabels>,
  li: number,
  ref: Date,
): {
  reference: Candidate<string>;
  orderDate: Candidate<{ iso: string; hasYear: boolean }> | null;
} | null {
  const l = lines[li]!;
  const ll = labels.get(l)!;
  const spanAt = (k: number): LabelSpan<Kind> | undefined => ll.spans.find((s) => k >= s.from && k < s.to);
  for (let end = 0; end < ll.tokens.length; end++) {
    if (!/dat/i.test(ll.tokens[end]!.text)) continue;
    let start = end;
    while (start > 0 && end - start < 4) {
      const p = ll.tokens[start - 1]!;
      const sp = spanAt(start - 1);
      if (!wordish(p.text) || ll.tokens[start]!.x0 - p.x1 > l.unit * 6) break;
      if (sp && (sp.kind === 'other' || sp.kind === 'delivery')) break;
      start--;
    }
    if (start === end) continue;
    const run = ll.tokens.slice(start, end + 1);
    if (run.some((_, k) => spanAt(start + k)?.kind === 'other')) continue;
    const score = combinedRefDateLabel(run.map((t) => t.text));
    if (score === null) continue;
    const nextSpan = ll.spans.find((s) => s.from > end);
    const here = ll.tokens
      .slice(end + 1, nextSpan?.from ?? ll.tokens.length)
      .map((t) => t.text)
      .join(' ');
    const x0 = run[0]!.x0;
    const right = nextSpan ? ll.tokens[nextSpan.from]!.x0 - l.unit * 0.5 : x0 + l.unit * 22;
    const prev = ll.tokens[start - 1];
    const left = Math.max(prev ? prev.x1 + l.unit * 0.5 : 0, x0 - l.unit * 6);
    const values = [{ text: here, line: l }];
    const u = underBox(lines, labels, li, x0, left, right);
    if (u) values.push(u);
    for (const v of values) {
      // the value must read "<number> [/] <date>"; the date may be misread, the shape may not
      const r = cleanReference(v.text);
      if (!r || !/\S\s*\/?\s*\d{1,2}[.,/]\s?\d{1,2}[.,/]\s?\d{2,4}\b/.test(v.text)) continue;
      const d = datesIn(v.text, ref).find((x) => x.hasYear && x.index > 0);
      const reference = { value: r, score, evidence: ev(v.line) };
      if (!d) return { reference, orderDate: null };
      const orderDate = { value: d, score: score + 0.1 - (d.repaired ? 0.2 : 0), evidence: ev(v.line) };
      return { reference, orderDate };
    }
  }
  return null;
}

/** "Zürich, 12. Juni 2026", "Thun, den 17.09.2026": the letter's place-and-date line. */
const PLACE_DATE =
  /^\s*["“„'‘]?(?:\p{Lu}\p{L}{0,3}[.,]\s*)?\p{Lu}[\p{L}'’\-. ]{1,30}?\s*[,.;]\s*(?:(?:den|le|il|am|the)\s+)?$/u;

function better<T>(a: Candidate<T> | null, b: Candidate<T>): Candidate<T> {
  return !a || b.score > a.score ? b : a;
}

/** Date labels (folded) a line may open with, one letter misread ("Dati:" for "Data:"). */
const SHORT_DATE_LABELS = ['datum', 'date', 'data'];

export function extractHeaderFields(lines: TextLine[], ref: Date): HeaderFields {
  const labels = new Map<TextLine, LineLabels>();
  for (const l of lines) labels.set(l, labelsOf(l));
  let reference: Candidate<string> | null = null;
  let orderDate: Candidate<{ iso: string; hasYear: boolean }> | null = null;
  let delivery: Candidate<string> | null = null;
  let deliveryAsap = false;
  let deliveryUnread: HeaderFields['deliveryUnread'] = null;
  let referenceUnread: HeaderFields['referenceUnread'] = null;
  let orderDateLabelled = false;
  let orderDateDamaged: HeaderFields['orderDateDamaged'] = null;
  let address: Candidate<string> | null = null;
  let remarks: Candidate<string> | null = null;

  lines.forEach((l, li) => {
    const ll = labels.get(l)!;
    ll.spans.forEach((s, si) => {
      if (s.kind === 'other') return;
      if (s.kind === 'orderDate' || s.kind === 'date' || s.kind === 'refDate') orderDateLabelled = true;
      const penalty = s.edits * 0.05;
      const here = sameLine(ll, si);
      const under = (): { text: string; line: TextLine } | null => underLabel(lines, labels, li, si);
      if (s.kind === 'ref' || s.kind === 'refDate') {
        const weak = s.label.length <= 3 || WEAK_REF_LABELS.has(s.label);
        // the label may have swallowed only part of a longer one ("Bon de commande N°| de commande: 45…")
        const colon = /^[^\d]{1,30}[:;]\s*(.*)$/u.exec(here);
        let v = cleanReference(here) ?? (colon ? cleanReference(colon[1]!) : null);
        let line = l;
        let src = here;
        let base = 0.85;
        if (!v && !weak) {
          const u = under();
          v = u ? cleanReference(u.text) : null;
          if (u) {
            line = u.line;
            src = u.text;
          }
          base = 0.78;
        }
        const labelX = line === l ? ll.tokens[s.from]!.x0 : undefined;
        // (what stands beside the label holds digits, but no number read: a glyph OCR garbled)
        const unread = here.trim().split(/\s+/)[0] ?? '';
        if (!v && !weak && /\d{3}/.test(unread))
          referenceUnread ??= { text: unread, evidence: ev(l, unread) };
        if (v)
          reference = better(reference, {
            value: v,
            score: base - penalty - (weak ? 0.15 : 0) - (SECONDARY_REF_LABELS.has(s.label) ? 0.1 : 0),
            evidence: ev(line, v, labelX),
          });
        // "Bestellung Nr. 4711 vom 24.11.2026": the date the number is dated is the order date
        // (or on the next line, under the label: "Bestellung  Nr. 88-3312" over "vom  27. 11. 26")
        const dated =
          s.kind === 'ref' && v
            ? (DATED.exec(src) ?? DATED_BELOW.exec(line === l ? (lines[li + 1]?.text ?? '') : ''))
            : null;
        const dd = dated ? datesIn(dated[1]!, ref)[0] : undefined;
        if (dd?.hasYear && dd.index === 0)
          orderDate = better(orderDate, {
            value: dd,
            score: 0.84 - penalty - (dd.repaired ? 0.2 : 0),
            evidence: ev(line),
          });
        if (s.kind === 'refDate') {
          const d = datesIn(src, ref)[0];
          if (d?.hasYear)
            orderDate = better(orderDate, {
              value: d,
              score: 0.86 - penalty - (d.repaired ? 0.2 : 0),
              evidence: ev(line),
            });
        }
        return;
      }
      if (s.kind === 'address' || s.kind === 'remarks') {
        const b = blockValue(lines, labels, li, si, s.kind === 'address' ? 4 : 3);
        if (b) {
          const c = { value: b.text, score: b.score - penalty, evidence: b.evidence };
          if (s.kind === 'address') address = better(address, c);
          else remarks = better(remarks, c);
        }
        return;
      }
      if (s.kind === 'orderDate' || s.kind === 'date') {
        // "Datum" next to a delivery word is the delivery date's label
        const base = s.kind === 'orderDate' ? 0.9 : 0.78;
        let d = datesIn(here, ref)[0];
        let line = l;
        let printed = d ? printedDate(here, d) : '';
        if (!d || d.index > 3) {
          const u = under();
          const ud = u ? datesIn(u.text, ref)[0] : undefined;
          d = ud && ud.index <= 3 ? ud : undefined;
          if (u) line = u.line;
          printed = u && d ? printedDate(u.text, d) : '';
        }
        const before =
          d && s.kind === 'date' && line !== l ? dateLeftInStrip(l, ll, s, line, labels, ref) : null;
        if (d && before) {
          // a strip of labels whose order-date label OCR garbled, and whose bare "Data" is the first
          // word of the delivery date's label ("Numero ordine nata Data di sonawgna" over
          // "GMD-71311 2026-07-06 2026 07-25"): the date left of it is the order date, the one under
          // it the delivery date when it follows within weeks; both less surely
          orderDate = better(orderDate, {
            value: before.date,
            score: 0.6 - penalty,
            evidence: before.evidence,
          });
          if (orderThenDelivery([before.date, d]))
            delivery = better(delivery, { value: d.iso, score: 0.55 - penalty, evidence: ev(line, printed) });
        } else if (d)
          orderDate = better(orderDate, {
            value: d,
            score: base - penalty - (d.repaired ? 0.2 : 0),
            evidence: ev(line, printed, line === l ? ll.tokens[s.from]!.x0 : undefined),
          });
        else if (!orderDateDamaged) {
          const onLine = damagedDate(here);
          const u = onLine ? null : under();
          const p = onLine ?? (u ? damagedDate(u.text) : null);
          if (p) orderDateDamaged = { value: p, evidence: ev(u ? u.line : l, p.printed) };
        }
        return;
      }
      // delivery ("Lieferwoche: 49/2026": the label says the figure is a calendar week)
      const weekLabel = /woche|week|semaine|settimana|\bkw\b/iu.test(
        ll.tokens
          .slice(s.from, s.to)
          .map((t) => t.text.replace(/[.:]+$/, ''))
          .join(' '),
      );
      const v = deliveryValue(
        weekLabel && /^\W*\d/.test(here) ? `KW ${here.replace(/^\W+/, '')}` : here,
        ref,
      );
      if (v === 'asap') deliveryAsap = true;
      else if (v)
        delivery = better(delivery, {
          value: v.iso,
          score: v.score - penalty,
          evidence: ev(l, here.slice(v.at).split(/\s+/).slice(0, 3).join(' '), ll.tokens[s.from]!.x0),
        });
      else {
        const u = under();
        const uv = u ? deliveryValue(u.text, ref) : null;
        if (uv === 'asap') deliveryAsap = true;
        else if (uv && u)
          delivery = better(delivery, {
            value: uv.iso,
            score: uv.score - 0.05 - penalty,
            evidence: ev(u.line, u.text.slice(uv.at).split(/\s+/).slice(0, 3).join(' ')),
          });
        else if (dateLike(here)) deliveryUnread ??= { text: here.trim(), evidence: ev(l, here.trim()) };
        // (or in its box under it: "March 2026", the day lost)
        else if (!here.trim() && u && dateLike(u.text))
          deliveryUnread ??= { text: u.text.trim(), evidence: ev(u.line, u.text.trim()) };
      }
    });

    // "Dati: 13 agosto 2026": a line that is nothing but a date after a word one letter off a date
    // label (too short for the tolerant matching, where one letter makes another word), or after a
    // word opening with "Dat" without its colon
    if (!ll.spans.some((s) => s.kind !== 'other')) {
      // (after specks OCR read as letters: "i i Pata: 16 novembre 2026")
      const m = /^\s*(?:\S{1,2}\s+){0,3}["“'‘]?(\p{L}{3,5})\s?[:;]\s*(.+)$/u.exec(l.text);
      // (or any word opening with "Dat", its colon lost or not: "Datura 2026-08-24", "Dattan: 2026 12-14")
      const dat = m ? null : /^\s*(?:\S{1,2}\s+){0,3}["“'‘]?(dat\p{L}{1,4})[:;.!]?\s+(.+)$/iu.exec(l.text);
      const d =
        m && SHORT_DATE_LABELS.some((w) => boundedDistance(foldLabel(m[1]!), w, 1) === 1)
          ? datesIn(m[2]!, ref)[0]
          : dat
            ? datesIn(dat[2]!, ref)[0]
            : undefined;
      if (d?.hasYear && d.index === 0) {
        orderDateLabelled = true;
        orderDate = better(orderDate, { value: d, score: 0.7 - (d.repaired ? 0.2 : 0), evidence: ev(l) });
      }
    }

    // a mangled combined "Bestellnummer/Datum" label over a "<number> / <date>" value
    const combined = combinedRefDate(lines, labels, li, ref);
    if (combined) {
      reference = better(reference, combined.reference);
      if (combined.orderDate) orderDate = better(orderDate, combined.orderDate);
    }

    // running text: "bis spätestens 26.03.2026", "by Monday 24 August", "Lieferung KW 49"
    for (const m of l.text.matchAll(DELIVERY_PHRASE)) {
      // a bare "bis"/"by"/"until" may set another deadline: "zahlbar bis 31.12.2026", "valid until …"
      if (/^(?:bis|by|until)[:.]?$/i.test(m[0]) && NOT_DELIVERY.test(l.text.slice(0, m.index))) continue;
      const rest = l.text.slice(m.index + m[0].length);
      const v = deliveryValue(rest, ref, /bis|by|until|entro|tard|avant|sp[äa]t/i.test(m[0]));
      if (v && v !== 'asap' && v.at <= 14)
        delivery = better(delivery, { value: v.iso, score: v.score - 0.12, evidence: ev(l) });
    }

    // running text that speaks of delivery and says when relatively: "liefern Sie bitte in 2 Wochen",
    // "livraison la semaine prochaine"
    if (DELIVERY_WORD.test(l.text)) {
      const r = findRelativeSpan(l.text, ref, DEADLINE.test(l.text));
      if (r) delivery = better(delivery, { value: r.iso, score: 0.48, evidence: ev(l) });
    }

    // running text: "Bestellung Verbrauchsmaterial Nr. 4500029135", "Materialbestellung Nr. BE-2026-058"
    for (const m of l.text.matchAll(REF_PHRASE)) {
      const v = cleanReference(m[1]!);
      if (v) reference = better(reference, { value: v, score: 0.66, evidence: ev(l) });
    }

    for (const m of l.text.matchAll(REF_TITLE)) {
      const v = cleanReference(m[1]!);
      if (v && (v.match(/\d/g) ?? []).length >= 5)
        reference = better(reference, { value: v, score: 0.6, evidence: ev(l) });
    }

    // a bare "Nr." right under the order's title ("BESTELLUNG" over "Nr.  HH-26-0913"), also in a
    // block of its own beside the letterhead
    const above = li > 0 && lines[li - 1]!.page === l.page ? lines[li - 1]! : null;
    const titles = above ? above.cells.filter((t) => ORDER_TITLE.test(t.text)) : [];
    for (const [k, c] of titles.length ? l.cells.entries() : []) {
      if (!titles.some((t) => Math.abs(t.x0 - c.x0) <= 2 * l.unit)) continue;
      const bare = BARE_NUMBER.exec(
        l.cells
          .slice(k)
          .map((x) => x.text)
          .join(' '),
      );
      const v = bare ? cleanReference(bare[1]!) : null;
      if (v && /\d/.test(v)) reference = better(reference, { value: v, score: 0.7, evidence: ev(l, v) });
    }

    // the letter's "Ort, Datum" line, or its last cell ("BON DE COMMANDE N° 77 | Muttenz, le 24/11/2026")
    // (its last cells: a wide typeface sets "Muttenz, | le | 24/11/2026" apart); only a line that
    // ends in the digits of a year is looked at
    const tails = /\d.?$/u.test(l.text.trimEnd())
      ? [
          l.text,
          ...[1, 2, 3].map((k) =>
            l.cells
              .slice(-k)
              .map((c) => c.text)
              .join(' '),
          ),
        ]
      : [];
    for (const text of new Set(tails)) {
      const d = findDates(text, ref)[0];
      if (d?.hasYear && d.index > 1 && d.index + d.length >= text.trimEnd().length - 1) {
        // (a line that sets a deadline names no place: "Lieferung frei Baustelle bis. 11.12.2026.")
        const head = text.slice(0, d.index);
        if (PLACE_DATE.test(head) && !DELIVERY_WORD.test(head) && !DEADLINE.test(head))
          orderDate = better(orderDate, { value: d, score: 0.72, evidence: ev(l) });
      }
    }
  });

  const unlabelled = reference ? null : stripReference(lines, labels, ref);
  if (unlabelled) reference = unlabelled;
  const od = orderDate as Candidate<{ iso: string; hasYear: boolean }> | null;
  const ref0 = reference as Candidate<string> | null;
  const dl = delivery as Candidate<string> | null;
  return {
    reference: ref0 ? { value: ref0.value, confidence: round(ref0.score), evidence: ref0.evidence } : null,
    orderDate: od
      ? {
          value: od.value.hasYear ? od.value.iso : writtenBefore(od.value.iso, ref),
          confidence: round(od.value.hasYear ? od.score : od.score - 0.1),
          evidence: od.evidence,
        }
      : null,
    deliveryDate: dl ? { value: dl.value, confidence: round(dl.score), evidence: dl.evidence } : null,
    deliveryAsap,
    deliveryUnread: delivery ? null : deliveryUnread,
    referenceUnread: reference ? null : referenceUnread,
    ...(unlabelled ? { referenceUnlabelled: true } : {}),
    orderDateLabelled,
    orderDateDamaged,
    deliveryAddress: field(address as Candidate<string> | null),
    remarks: field(remarks as Candidate<string> | null),
  };
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** An order number's usual shapes: "CMD-47818", "ORD/447/26", "PO.2026-118", "4511227306". */
const REFERENCE_SHAPE = /^(?:[A-Z]{2,4}[-/.]\d{3,}(?:[-/.]\d{2,})*|\d{7,12})$/;

/**
 * A strip of header labels whose order-number label OCR lost ("Bestellung  Datum  Liefertermin"
 * over "CMD-47818  27.02.26  02.03.26"): on the row of values under two date labels, the value left
 * of them, shaped like an order number, is the reference — with a low confidence, and said so.
 */
function stripReference(
  lines: TextLine[],
  labels: Map<TextLine, LineLabels>,
  ref: Date,
): Candidate<string> | null {
  for (const [li, l] of lines.entries()) {
    const ll = labels.get(l)!;
    const dated = ll.spans.filter(
      (s) => s.kind === 'orderDate' || s.kind === 'date' || s.kind === 'delivery',
    );
    // (the order's title may stand on the line: "Bestellung" is no order-number label of its own)
    const numbered = ll.spans.some(
      (s) => (s.kind === 'ref' || s.kind === 'refDate') && !WEAK_REF_LABELS.has(s.label),
    );
    if (numbered) continue;
    const row = lines.slice(li + 1, li + 4).find((n) => n.page === l.page && /[\p{L}\p{N}]/u.test(n.text));
    if (!row || row.box[1] - (l.box[1] + l.box[3]) > l.unit * 2.5) continue;
    const dates = findDates(row.text, ref);
    if (dates.length === 0) continue;
    let v: string | null = null;
    if (dated.length >= 2) {
      const left = ll.tokens[dated[0]!.from]!.x0 - l.unit * 0.5;
      const before = labels.get(row)!.tokens.filter((t) => t.x1 <= left);
      v = before.length > 0 ? cleanReference(before.map((t) => t.text).join(' ')) : null;
    } else if (!/\d/.test(l.text) && orderThenDelivery(dates)) {
      // the labels garbled past reading ("Bestellung Bastel-Nr, Datum Liefyrtatiin") over
      // "CMD-34714  2026-09-08  2026-09-18": the number, the order date and the delivery date
      v = cleanReference(row.text.slice(0, dates[0]!.index));
    }
    if (v && REFERENCE_SHAPE.test(v)) return { value: v, score: 0.6, evidence: ev(row, v) };
  }
  return null;
}

/**
 * The full date on a strip's row of values left of a bare date label's own, under no date label of
 * its own (the one under an order-number label, or a label OCR garbled), and the only one there.
 */
function dateLeftInStrip(
  l: TextLine,
  ll: LineLabels,
  s: LabelSpan<Kind>,
  row: TextLine,
  labels: Map<TextLine, LineLabels>,
  ref: Date,
): { date: { iso: string; hasYear: boolean }; evidence: Evidence } | null {
  const x0 = ll.tokens[s.from]!.x0 - l.unit * 0.5;
  const dated = ll.spans.some(
    (o) =>
      o !== s &&
      ll.tokens[o.from]!.x0 < x0 &&
      (o.kind === 'orderDate' || o.kind === 'date' || o.kind === 'delivery' || o.kind === 'refDate'),
  );
  if (dated) return null;
  const left = labels
    .get(row)!
    .tokens.filter((t) => t.x1 <= x0)
    .map((t) => t.text)
    .join(' ');
  const dates = findDates(left, ref).filter((x) => x.hasYear);
  if (dates.length !== 1) return null;
  const date = dates[0]!;
  return { date, evidence: ev(row, left.slice(date.index, date.index + date.length)) };
}

/** Two full dates, the second at most two months after the first: an order's date and its delivery date. */
function orderThenDelivery(dates: { iso: string; hasYear: boolean }[]): boolean {
  if (dates.length !== 2 || !dates.every((d) => d.hasYear)) return false;
  const days = (Date.parse(dates[1]!.iso) - Date.parse(dates[0]!.iso)) / 86_400_000;
  return days >= 0 && days <= 62;
}

/**
 * An order date printed without its year was written before the order came in: a year back when
 * the date's next occurrence lies weeks after it ("28. Dez." on a fax of 5 January).
 */
function writtenBefore(iso: string, received: Date): string {
  const twoWeeks = 14 * 86_400_000;
  if (Date.parse(`${iso}T00:00:00Z`) <= received.getTime() + twoWeeks) return iso;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return isoDate(y - 1, m, d) ?? iso;
}

/** A few words with a month name or digits: a date, read in part ("Juli 2026", "2O.O6.26"). */
function dateLike(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= 4 &&
    words.some((w) => /\d/.test(w) || monthOf(w.replace(/[.,:;]+$/, '')) !== null)
  );
}

/**
 * The delivery date in the text right after a delivery label or phrase: a written date, a calendar
 * week, a weekday alone, or "sofort/asap" (no date). `at` is where it starts.
 */
export function deliveryValue(
  text: string,
  ref: Date,
  deadline = false,
): { iso: string; score: number; at: number } | 'asap' | null {
  // (a day and month whose closing dot OCR read as a comma or lost, right after the label: "3.12,";
  // or whose year it cut short: "28.12.2", read as a day and month, less surely)
  const bare = /^(\s*\d{1,2}\.\d{1,2})(?:[,;]|(\.\d{1,3})?\s*$)/.exec(text);
  const d = datesIn(text, ref)[0] ?? (bare ? datesIn(`${bare[1]}.`, ref)[0] : undefined);
  if (d && d.index <= 40) {
    const cut = !d.hasYear && bare?.[2] !== undefined;
    return { iso: d.iso, score: (d.hasYear ? 0.9 : cut ? 0.6 : 0.8) - (d.repaired ? 0.2 : 0), at: d.index };
  }
  const head = text.slice(0, 40);
  const byThen = deadline || /\b(bis|by|until|sp[äa]testens|entro)\b/i.test(head);
  const w = findCalendarWeek(head, ref, byThen);
  if (w) return { iso: w.iso, score: 0.7, at: w.index };
  if (ASAP.test(head)) return 'asap';
  const rel = findRelativeSpan(head, ref, byThen);
  if (rel && rel.index <= 20) return { iso: rel.iso, score: 0.6, at: rel.index };
  const wd = WEEKDAY_WORD.exec(head);
  if (wd && wd.index <= 12) {
    const r = findWeekday(head, ref);
    if (r) return { iso: r.iso, score: 0.65, at: r.index };
  }
  return null;
}

/**
 * Date labels beside a value that reads as no date, where the OCR stage looks again: a faint
 * "13/08/2026" read "13/0", a light "2026-12-14" read "2026-17-14". The label's line, where the
 * label ends and where the next label on the line begins. (A label with nothing after it is left
 * alone: its date may stand under it.)
 */
export function unreadDateValues(
  lines: TextLine[],
  ref: Date,
): { line: TextLine; labelEnd: number; nextLabel: number | null }[] {
  const out: { line: TextLine; labelEnd: number; nextLabel: number | null }[] = [];
  for (const l of lines) {
    const ll = labelsOf(l);
    ll.spans.forEach((s, si) => {
      if (s.kind !== 'orderDate' && s.kind !== 'date' && s.kind !== 'delivery') return;
      const here = sameLine(ll, si);
      if (!/\d/.test(here)) return;
      const d = datesIn(here, ref)[0];
      if (d?.hasYear && d.index <= 3) return;
      if (s.kind === 'delivery' && deliveryValue(here, ref) !== null) return;
      const next = ll.spans[si + 1];
      out.push({
        line: l,
        labelEnd: ll.tokens[s.to - 1]!.x1,
        nextLabel: next ? ll.tokens[next.from]!.x0 : null,
      });
    });
  }
  return out;
}
