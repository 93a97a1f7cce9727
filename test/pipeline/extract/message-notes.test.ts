import { describe, expect, it } from 'vitest';
import { extractDraft } from '../../../src/pipeline/extract/extract-draft.ts';
import { messageDrafts } from '../../../src/pipeline/extract/message-drafts.ts';
import { fillFromNotes, restatesLines } from '../../../src/pipeline/extract/message-notes.ts';
import type { InboundMeta, MasterData } from '../../../src/pipeline/types.ts';
import { pageFromRows } from './synthetic-page.ts';

const master: MasterData = {
  products: [{ sku: '10-4711', description: 'Senkkopfschraube M4x20', unit: 'Pack', price: 9.5, gtin: null }],
  customers: [],
  customerSkus: [],
};
const meta: InboundMeta = {
  channel: 'email',
  provider: 'imap',
  from: null,
  to: null,
  receivedAt: '2026-11-27T09:00:00Z',
};
const draft = (rows: string[]) => extractDraft([pageFromRows(rows)], meta, master);

describe('fields from the e-mail text for its attached order', () => {
  const note = draft(['Guten Tag', 'anbei unsere Bestellung Nr. 4711.', 'Liefertermin: 04.12.2026', 'Gruss']);
  const attached = draft(['Bestellung', 'Datum: 26.11.2026', '10-4711   Senkkopfschraube M4x20   20 Pack']);

  it('fills what the attached order leaves open, said so, with the note as evidence', () => {
    expect(note.lines).toEqual([]);
    expect(attached.customerReference).toBeNull();
    expect(attached.deliveryDate).toBeNull();
    const [order] = fillFromNotes([attached], [note]);
    expect(order!.customerReference).toBe('4711');
    expect(order!.deliveryDate).toBe('2026-12-04');
    // what the order states itself stays
    expect(order!.orderDate).toBe('2026-11-26');
    expect(order!.fields.deliveryDate?.evidence?.text).toMatch(/04\.12\.2026/);
    expect(order!.fields.deliveryDate!.confidence).toBeLessThanOrEqual(0.8);
    expect(order!.confidence).toBeLessThanOrEqual(0.8);
    expect(order!.warnings).toContain(
      "delivery date 2026-12-04 taken from the e-mail's text, not the attached order",
    );
    expect(order!.warnings).not.toContain('no order reference found');
    // the drafts given are left as they were
    expect(attached.deliveryDate).toBeNull();
  });

  it("gives the subject's order number to the message's one order, not to each of several", () => {
    const order = pageFromRows([
      'Bestellung',
      'Datum: 26.11.2026',
      '10-4711   Senkkopfschraube M4x20   20 Pack',
    ]);
    const two = [order, { ...pageFromRows(['10-4711   Senkkopfschraube M4x20   5 Pack'], 2) }];
    const withSubject = { ...meta, subject: 'Bestellung 5530021' };
    const [one] = messageDrafts([order], withSubject, master, undefined);
    expect(one!.customerReference).toBe('5530021');
    const drafts = messageDrafts(two, withSubject, master, [
      { source: 'attachment:a.pdf', pages: [1] },
      { source: 'attachment:b.pdf', pages: [2] },
    ]);
    expect(drafts.map((d) => d.customerReference)).toEqual([null, null]);
    expect(drafts[0]!.warnings.join('\n')).toMatch(
      /subject names the order number 5530021, but the message holds several orders/,
    );
    expect(drafts[0]!.confidence).toBeLessThanOrEqual(0.8);
  });

  it('gives two attached orders the delivery date, but not one order number for both', () => {
    const orders = fillFromNotes([attached, attached], [note]);
    expect(orders.map((o) => [o.customerReference, o.deliveryDate])).toEqual([
      [null, '2026-12-04'],
      [null, '2026-12-04'],
    ]);
  });

  it('changes nothing without a note', () => {
    expect(fillFromNotes([attached], [])).toEqual([attached]);
  });

  it('takes a text that only says the attached lines again for a note, not a second order', () => {
    const again = draft(['Guten Tag', 'anbei unsere Bestellung über 20 Pack 10-4711.', 'Gruss']);
    expect(again.lines.map((l) => [l.sku, l.quantity])).toEqual([['10-4711', 20]]);
    expect(restatesLines(again, [attached])).toBe(true);
    const other = draft(['Guten Tag', 'zusätzlich bitte 5 Pack 10-4711.', 'Gruss']);
    expect(restatesLines(other, [attached])).toBe(false);
    expect(restatesLines(note, [attached])).toBe(false);
  });
});
