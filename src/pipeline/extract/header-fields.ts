/**
 * Header fields found by their labels: the customer's order reference, the order date and the
 * requested delivery date. The value is on the same line right of the label or in the line below,
 * under the label (boxes, two-row forms). Labels are matched tolerantly because OCR mangles them
 * ("Bestel1-Nr"). Delivery dates also come from running text ("bis spätestens 26.03.2026").
 */
import type { Evidence } from '../types.ts';
import type { TextLine } from './layout-lines.ts';
import { findDates } from './parse-date.ts';

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
}

const REF_LABEL =
  /(?:bes[tl][eco1l]{1,3}[\s-]*(?:n[ru]mmer|nr|n[o°])|bestellung\s*(?:nr|n[o°]|nummer)|unsere\s+bestell(?:ung|nummer|-?nr)|ihre\s+bestellung|order\s*(?:no|number|nr|#|ref(?:erence)?)|purchase\s+order\s*(?:no|number|#)?|\bPO\s*(?:no|number|nr|#)?|n[°o]\s*(?:de\s+)?commande|commande\s*n[°o]|num(?:e|é)ro\s+(?:de\s+)?(?:commande|ordine)|ordine\s*n[°o.r]|n[°o.r]\s*ordine|beleg[\s-]*n(?:r|ummer)|auftrags?[\s-]*n(?:r|ummer)|our\s+ref(?:erence)?|unser\s+zeichen)\.?/giu;
const REF_EXCLUDE =
  /kunden|customer|vendor|lieferanten|supplier|fournisseur|fornitore|client|projekt|project|kommission|offert|quotation|kostenstelle|cost\s*cent|telefon|phone/i;
const ORDER_DATE_LABEL =
  /(?:bestell[\s-]*datum|beleg[\s-]*datum|auftrags?[\s-]*datum|order\s*date|date\s+(?:de\s+(?:la\s+)?)?commande|data\s+(?:dell'\s?)?ordine|\bdatum\b|\bdate\b|\bdata\b)/giu;
const DELIVERY_LABEL =
  /(?:liefer[\s-]*(?:termin|datum|date)|anlieferung|wunschtermin|delivery\s*(?:date|by|required)?|required\s+(?:by|date)|date\s+de\s+livraison(?:\s+(?:requise|souhait[ée]e))?|livraison|data\s+di\s+consegna|consegna|termine|\bbis\s+(?:sp[äa]testens|am|zum|ende)?|spätestens|by\s+(?:monday|tuesday|wednesday|thursday|friday|\w+day)?|until|entro(?:\s+il)?|d'ici\s+(?:le)?|au\s+plus\s+tard)\b/giu;
const ASAP =
  /\b(sofort|asap|dringend|umgehend|schnellstm[öo]glich|so\s*bald\s*wie\s*m[öo]glich|sobald\s+m[öo]glich|urgent|d[eè]s\s+que\s+possible|subito|al\s+pi[uù]\s+presto|immediately|as\s+soon\s+as\s+possible)\b/i;

const ev = (l: TextLine, text = l.text): Evidence => ({ page: l.page, box: l.box, text });

/** Text of the next line(s) under the label's x-range (value under a label in a box). */
function below(
  lines: TextLine[],
  i: number,
  x0: number,
  x1: number,
): { text: string; line: TextLine } | null {
  const l = lines[i]!;
  for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) {
    const n = lines[j]!;
    if (n.page !== l.page || n.box[1] - (l.box[1] + l.box[3]) > l.unit * 2.5) return null;
    const ws = n.words.filter((w) => w.box[0] + w.box[2] > x0 - l.unit && w.box[0] < x1 + l.unit * 8);
    if (ws.length === 0) continue;
    // the value block starts near the label's left edge
    const start = ws[0]!.box[0];
    if (Math.abs(start - x0) > l.unit * 6) continue;
    const cell = n.cells.find((c) => c.x0 <= start + 1 && c.x1 >= start);
    return { text: cell?.text ?? ws.map((w) => w.text).join(' '), line: n };
  }
  return null;
}

/** The x-range of the characters [from, to) of line.text. */
function spanX(line: TextLine, from: number, to: number): [number, number] {
  let pos = 0;
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = 0;
  for (const w of line.words) {
    const s = pos;
    const e = pos + w.text.length;
    if (e > from && s < to) {
      x0 = Math.min(x0, w.box[0]);
      x1 = Math.max(x1, w.box[0] + w.box[2]);
    }
    pos = e + 1;
  }
  return [x0 === Number.POSITIVE_INFINITY ? line.box[0] : x0, x1 || line.box[0] + line.box[2]];
}

/** The value cell right of the label: text up to the next wide gap. */
function valueAfter(line: TextLine, labelEnd: number): string {
  const [, x1] = spanX(line, labelEnd - 1, labelEnd);
  const cells = line.cells.filter((c) => c.x1 > x1 + 1);
  if (cells.length === 0) return '';
  const first = cells[0]!;
  // the label and value may share a cell ("Bestell-Nr.: 4711"): keep only what follows the label
  const words = first.words.filter((w) => w.box[0] >= x1 - 1);
  return words.map((w) => w.text).join(' ');
}

function cleanReference(raw: string): string | null {
  let s = raw.replace(/^[\s:.#°\-–]+/, '').trim();
  const date = findDates(s)[0];
  if (date && date.index > 0) s = s.slice(0, date.index);
  s = s.replace(/\s*(?:\/|vom|du|del|dated|from)\s*$/i, '').trim();
  s = s.replace(/[\s,;:]+$/, '');
  // a reference is one token, or a short prefix plus a number ("B 26/0815")
  const m = s.match(/^(?:[A-Za-z]{1,3}\s)?[A-Za-z0-9][\w/.\-–]*\d[\w/.\-–]*/u);
  if (!m) return null;
  const v = m[0].replace(/[.\-–/]+$/, '');
  if (!/\d/.test(v) || v.length < 3 || v.length > 30) return null;
  return v;
}

export function extractHeaderFields(lines: TextLine[], ref: Date): HeaderFields {
  let reference: HeaderField<string> | null = null;
  let orderDate: HeaderField<string> | null = null;
  let deliveryDate: HeaderField<string> | null = null;
  let deliveryAsap = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text;
    if (!reference) {
      for (const m of t.matchAll(REF_LABEL)) {
        const before = t.slice(Math.max(0, m.index - 12), m.index + m[0].length);
        if (REF_EXCLUDE.test(before)) continue;
        const end = m.index + m[0].length;
        const same = cleanReference(valueAfter(l, end) || t.slice(end));
        if (same) {
          reference = { value: same, confidence: 0.85, evidence: ev(l) };
          break;
        }
        const [x0, x1] = spanX(l, m.index, end);
        const b = below(lines, i, x0, x1);
        const v = b ? cleanReference(b.text) : null;
        if (v && b) {
          reference = { value: v, confidence: 0.75, evidence: ev(b.line) };
          break;
        }
      }
    }
    for (const [re, kind] of [
      [DELIVERY_LABEL, 'delivery'],
      [ORDER_DATE_LABEL, 'order'],
    ] as const) {
      if (kind === 'delivery' ? deliveryDate : orderDate) continue;
      for (const m of t.matchAll(re)) {
        if (
          kind === 'order' &&
          /liefer|deliver|livraison|consegna/i.test(t.slice(Math.max(0, m.index - 12), m.index + 12))
        )
          continue;
        const end = m.index + m[0].length;
        const rest = t.slice(end);
        const d = findDates(rest, ref)[0];
        // the date must follow the label closely (same field), not somewhere further on the line
        if (d && d.index <= 40) {
          const f = { value: d.iso, confidence: d.hasYear ? 0.9 : 0.75, evidence: ev(l) };
          if (kind === 'delivery') deliveryDate = f;
          else orderDate = f;
          break;
        }
        if (kind === 'delivery' && ASAP.test(rest.slice(0, 40))) {
          deliveryAsap = true;
          break;
        }
        const [x0, x1] = spanX(l, m.index, end);
        const b = below(lines, i, x0, x1);
        const bd = b ? findDates(b.text, ref)[0] : undefined;
        if (b && bd && bd.index <= 3) {
          const f = { value: bd.iso, confidence: bd.hasYear ? 0.8 : 0.7, evidence: ev(b.line) };
          if (kind === 'delivery') deliveryDate = f;
          else orderDate = f;
          break;
        }
        if (kind === 'delivery' && b && ASAP.test(b.text)) deliveryAsap = true;
      }
    }
  }
  return { reference, orderDate, deliveryDate, deliveryAsap };
}
