import { describe, expect, it } from 'vitest';
import { extractDraft } from '../../../src/pipeline/extract/extract-draft.ts';
import { layoutLines } from '../../../src/pipeline/extract/layout-lines.ts';
import { printedTotals } from '../../../src/pipeline/extract/order-total.ts';
import type { InboundMeta, MasterData } from '../../../src/pipeline/types.ts';
import { pageFromRows } from './synthetic-page.ts';

const master: MasterData = {
  products: [
    { sku: '20-1772', description: 'Holzbohrer 8 mm', unit: 'Stk', price: 4.1, gtin: null },
    { sku: 'AB-1020X', description: 'Kabelbinder schwarz 200 mm', unit: 'Stk', price: 0.2, gtin: null },
    { sku: '0001550', description: 'Knieschoner Gel', unit: 'Paar', price: 18.4, gtin: null },
  ],
  customers: [],
  customerSkus: [],
};
const meta: InboundMeta = {
  channel: 'fax',
  provider: null,
  from: null,
  to: null,
  receivedAt: '2026-11-27T09:00:00Z',
};
const table = [
  'Pos   Art.-Nr.     Bezeichnung             Menge   Preis   Total',
  '1     20-1772      Holzbohrer 8 mm         5       4.10    20.50',
  '2     AB-1020X     Kabelbinder schwarz     100     0.20    20.00',
  '3     0001550      Knieschoner Gel         2       18.40   36.80',
];

describe('order total', () => {
  it('reads the printed totals, not the VAT line, also with a quote or currency before them', () => {
    const lines = layoutLines(
      pageFromRows([
        'Total netto          CHF 77.30',
        'MWST 8.1%            6.26',
        'Endbetrag            “83.56',
      ]),
    );
    expect(printedTotals(lines)).toEqual([77.3, 83.56]);
    // thousands set apart by a space, as French orders print them; not a count in a cell of its own
    expect(printedTotals(layoutLines(pageFromRows(['Total HT     3 790,00'])))).toEqual([3790]);
    expect(printedTotals(layoutLines(pageFromRows(['Total    12    790,00'])))).toEqual([790]);
  });

  it('agrees with the lines, net or with VAT', () => {
    for (const total of ['Total netto     77.30', 'Gesamtbetrag inkl. MWST     83.56']) {
      const d = extractDraft([pageFromRows([...table, total])], meta, master);
      expect(d.warnings.join('\n'), total).not.toMatch(/add up/);
    }
  });

  // s11700 0029 (a fine fax): "4,80 cartons de 10 pièces 3 144,00" counted 14.40 in the sum, so
  // the total disagreed, a litre count of 10 was "mended" to 1, and ~30 right drafts stood at 0.5;
  // the ERP got 3 cartons at 4.80 too
  it('prices cartons priced per piece per carton, as the row total says', () => {
    const d = extractDraft(
      [
        pageFromRows([
          'Pos   Art.-Nr.     Bezeichnung                      Menge   Einheit                 Preis   Total',
          '1     20-1772      Holzbohrer 8 mm                  5       Stk                     4.10    20.50',
          '2     AB-1020X     Kabelbinder schwarz              3       cartons de 100 pièces   0.20    60.00',
          'Total netto     80.50',
        ]),
      ],
      meta,
      master,
    );
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit, l.unitPrice])).toEqual([
      ['20-1772', 5, 'Stk', 4.1],
      ['AB-1020X', 3, 'Karton', 20],
    ]);
    expect(d.lines[1]!.conversion).toEqual({ factor: 100, unit: 'Stk' });
    expect(d.warnings.join('\n')).not.toMatch(/add up|total says/);
  });

  it('prices cartons per carton where the price printed without a total is the price of a piece', () => {
    const table = (price: string) =>
      extractDraft(
        [
          pageFromRows([
            'Pos   Art.-Nr.     Bezeichnung          Menge   Einheit                 Preis',
            `1     20-1772      Holzbohrer 8 mm      2       Kartons à 12 Stk        ${price}`,
            '2     0001550      Knieschoner Gel      3       Paar                    18.40',
          ]),
        ],
        meta,
        master,
      ).lines[0]!;
    const piece = table('4.10');
    expect([piece.quantity, piece.unit, piece.unitPrice, piece.conversion]).toEqual([
      2,
      'Karton',
      49.2,
      { factor: 12, unit: 'Stk' },
    ]);
    // (a price far above a piece's is the carton's already)
    expect(table('48.00').unitPrice).toBe(48);
  });

  it('agrees with a subtotal when the grand total adds a discount and freight', () => {
    for (const sub of ['Zwischentotal', 'Subtotale', 'Imponibile']) {
      const d = extractDraft(
        [
          pageFromRows([
            ...table,
            `${sub}     77.30`,
            'Rabatt 2%     -1.55',
            'Fracht     25.00',
            'Total CHF     100.75',
          ]),
        ],
        meta,
        master,
      );
      expect(d.warnings.join('\n'), sub).not.toMatch(/add up/);
    }
  });

  it('flags a draft whose lines do not add up to the total: a row was lost', () => {
    // the Knieschoner row did not read at all
    const d = extractDraft([pageFromRows([...table.slice(0, 3), 'Total netto     77.30'])], meta, master);
    expect(d.lines).toHaveLength(2);
    expect(d.warnings.join('\n')).toMatch(/the lines add up to 40.50, but the order's total reads 77.30/);
    expect(d.confidence).toBeLessThanOrEqual(0.5);
  });

  it('takes no item row for a totals line, whatever its description begins with', () => {
    const d = extractDraft(
      [
        pageFromRows([
          'Qté   Désignation                  Réf.         Prix unit.',
          '5     Holzbohrer 8 mm              20-1772      4.10',
          '2     Nettoyant Knieschoner Gel    0001550      18.40',
        ]),
      ],
      meta,
      master,
    );
    expect(d.lines.map((l) => `${l.sku}|${l.quantity}`)).toEqual(['20-1772|5', '0001550|2']);
    expect(d.warnings.join('\n')).not.toMatch(/add up/);
  });

  // Regression (s6200 0025: "26 payes age rem" for "20 paires 3.90 78.00", taken at 0.80)
  it('is not sure of a scanned row whose price and amount did not read, among priced rows', () => {
    const rows = (last: string) => [...table.slice(0, 3), last];
    const garbled = extractDraft(
      [pageFromRows(rows('3     0001550      Knieschoner Gel         2       age     rem'))],
      meta,
      master,
    );
    expect(garbled.lines.map((l) => `${l.sku}|${l.quantity}`)).toEqual([
      '20-1772|5',
      'AB-1020X|100',
      '0001550|2',
    ]);
    expect(garbled.lines[2]!.confidence).toBeLessThan(0.8);
    expect(garbled.warnings.join('\n')).toMatch(
      /line 3: its price and amount did not read, so nothing confirms quantity 2/,
    );
    // the same row with its figures, or on a text-layer page, is as sure as the others
    const read = extractDraft([pageFromRows(rows(table[3]!))], meta, master);
    expect(read.lines[2]!.confidence).toBeGreaterThanOrEqual(0.8);
    const born = extractDraft(
      [{ ...pageFromRows(rows('3     0001550      Knieschoner Gel         2')), source: 'text-layer' }],
      meta,
      master,
    );
    expect(born.lines[2]!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('does not check what it cannot: a line without a price, or no total printed', () => {
    const noPrice = [
      'Pos   Art.-Nr.     Bezeichnung             Menge',
      '1     20-1772      Holzbohrer 8 mm         5',
    ];
    expect(
      extractDraft([pageFromRows([...noPrice, 'Total    99.00'])], meta, master).warnings.join('\n'),
    ).not.toMatch(/add up/);
    expect(extractDraft([pageFromRows(table)], meta, master).warnings.join('\n')).not.toMatch(/add up/);
  });
});
