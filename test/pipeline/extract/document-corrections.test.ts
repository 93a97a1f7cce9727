import { describe, expect, it } from 'vitest';
import { extractDraft } from '../../../src/pipeline/extract/extract-draft.ts';
import type { InboundMeta, MasterData } from '../../../src/pipeline/types.ts';
import { pageFromRows } from './synthetic-page.ts';

const master: MasterData = {
  products: [
    { sku: '10-4711', description: 'Senkkopfschraube M4x20 verzinkt', unit: 'Pack', price: 9.5, gtin: null },
    { sku: 'AB-1020X', description: 'Kabelbinder schwarz 200 mm', unit: 'Stk', price: 0.2, gtin: null },
    { sku: '20-1772', description: 'Holzbohrer 8 mm', unit: 'Stk', price: 4.1, gtin: null },
  ],
  customers: [],
  customerSkus: [],
};
const meta: InboundMeta = {
  channel: 'email',
  provider: null,
  from: null,
  to: null,
  receivedAt: '2026-11-27T09:00:00Z',
};
const table = [
  'Pos   Art.-Nr.     Bezeichnung                  Menge',
  '1     10-4711      Senkkopfschraube M4x20       3',
  '2     AB-1020X     Kabelbinder schwarz 200 mm   100',
  '3     20-1772      Holzbohrer 8 mm              5',
];

describe('corrections written on the order', () => {
  it.each([
    ['Pos. 3 bitte 10 statt 5'],
    ['Position 3: 10 Stk statt 5'],
    ['item 3: please 10 instead of 5'],
    ['pos. 3 : 10 au lieu de 5'],
    ['pos. 3 10 invece di 5'],
  ])('"%s" sets line 3 to 10, with a warning', (note) => {
    const d = extractDraft([pageFromRows([...table, '', note])], meta, master);
    expect(d.lines.map((l) => l.quantity)).toEqual([3, 100, 10]);
    expect(d.warnings.join('\n')).toMatch(/line 3: quantity 5 corrected to 10/);
  });

  it('leaves the line alone, flagged, when it does not hold the old quantity', () => {
    const d = extractDraft([pageFromRows([...table, '', 'Pos. 3 bitte 10 statt 7'])], meta, master);
    expect(d.lines[2]!.quantity).toBe(5);
    expect(d.warnings.join('\n')).toMatch(/line 3: the order says .* but the line reads 5/);
  });

  it('reads ERP position numbers 10, 20, 30 as lines 1, 2, 3', () => {
    const d = extractDraft([pageFromRows([...table, '', 'Pos. 20 bitte 50 statt 100'])], meta, master);
    expect(d.lines[1]!.quantity).toBe(50);
  });
});
