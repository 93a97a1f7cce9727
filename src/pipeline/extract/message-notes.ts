/**
 * An e-mail whose order is attached often says something of its own in its text: "bitte bis
 * Freitag 4.12. liefern", "unsere Bestellung 4711". Such text is a part of the message without order
 * lines of its own (a note: no lines, or only lines the attached orders hold too, "anbei die
 * Bestellung über 20 Stk 10-4711"); what it states fills the header fields the attached order
 * leaves open, with the note's evidence, a capped confidence and a warning. The reference only when
 * the message holds one order: two attached orders do not share one order number.
 */
import type { DraftOrder, FieldInfo } from '../types.ts';

type NoteField = 'customerReference' | 'orderDate' | 'deliveryDate' | 'deliveryAddress' | 'remarks';

const SAID: Record<NoteField, string> = {
  customerReference: 'order reference',
  orderDate: 'order date',
  deliveryDate: 'delivery date',
  deliveryAddress: 'delivery address',
  remarks: 'remarks',
};

/** A field taken from the message's text is never surer than this. */
const NOTE_CONFIDENCE = 0.8;

export function fillFromNotes(orders: DraftOrder[], notes: DraftOrder[]): DraftOrder[] {
  if (notes.length === 0) return orders;
  const fields = (Object.keys(SAID) as NoteField[]).filter(
    (f) => f !== 'customerReference' || orders.length === 1,
  );
  return orders.map((order) => {
    const out: DraftOrder = { ...order, fields: { ...order.fields }, warnings: [...order.warnings] };
    for (const f of fields) {
      if (out[f] !== null) continue;
      const note = notes.find((n) => n[f] !== null);
      if (!note) continue;
      const info: FieldInfo | null = note.fields[f];
      const confidence = Math.min(info?.confidence ?? NOTE_CONFIDENCE, NOTE_CONFIDENCE);
      out[f] = note[f];
      out.fields[f] = { confidence, evidence: info?.evidence ?? null };
      out.confidence = Math.min(out.confidence, confidence);
      out.warnings = out.warnings.filter(
        (w) => !(f === 'customerReference' && w === 'no order reference found'),
      );
      out.warnings.push(`${SAID[f]} ${note[f]} taken from the e-mail's text, not the attached order`);
    }
    return out;
  });
}

/** Every line of `text` (matched, with its quantity) is a line of one of `orders`: it restates them. */
export function restatesLines(text: DraftOrder, orders: DraftOrder[]): boolean {
  if (text.lines.length === 0 || orders.length === 0) return false;
  return text.lines.every(
    (l) =>
      l.sku !== null && orders.some((o) => o.lines.some((m) => m.sku === l.sku && m.quantity === l.quantity)),
  );
}
