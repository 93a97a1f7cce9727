import { describe, expect, it } from 'vitest';
import { reviseColumnsByRows } from '../../../src/pipeline/extract/columns-by-rows.ts';
import { extractDraft } from '../../../src/pipeline/extract/extract-draft.ts';
import { layoutLines } from '../../../src/pipeline/extract/layout-lines.ts';
import { cellNumber, detectHeader } from '../../../src/pipeline/extract/table-columns.ts';
import type { InboundMeta, MasterData, PageContent } from '../../../src/pipeline/types.ts';
import { pageFromRows, rowAt } from './synthetic-page.ts';

const master: MasterData = {
  products: [
    {
      sku: '10-4711',
      description: 'Senkkopfschraube M4x20 verzinkt Pack à 100 Stk',
      unit: 'Pack',
      price: 9.5,
      gtin: null,
    },
    { sku: 'AB-1020X', description: 'Kabelbinder schwarz 200 mm', unit: 'Stk', price: 0.2, gtin: null },
    { sku: '0001550', description: 'Knieschoner Gel', unit: 'Paar', price: 18.4, gtin: null },
    { sku: '20-1772', description: 'Holzbohrer 8 mm', unit: 'Stk', price: 4.1, gtin: null },
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
const header = (row: string) => detectHeader(layoutLines(pageFromRows([row]))[0]!);

describe('table headers', () => {
  it('recognises multi-word and OCR-mangled column labels', () => {
    const kinds = (row: string) => header(row)?.columns.map((c) => c.kind);
    expect(
      kinds('Line   Item code   Item description          Order qty   UoM   Unit price   Amount'),
    ).toEqual(['pos', 'article', 'description', 'quantity', 'unit', 'price', 'total']);
    expect(kinds('Pos,   Liet.-Art.-Nr.   Beschreibung     Mange   ME   Preis   Total')).toContain(
      'quantity',
    );
    expect(header('Bitte liefern Sie die Menge zum Preis laut Offerte')).toBeNull();
    // SAP's and other ERPs' own words, Swiss German, French abbreviations
    expect(kinds('Bestellmenge   Mengeneinheit   Materialnummer   Materialkurztext')).toEqual([
      'quantity',
      'unit',
      'article',
      'description',
    ]);
    expect(kinds('Pos   Ident-Nr.   Benennung   Menge   Einh.')).toEqual([
      'pos',
      'article',
      'description',
      'quantity',
      'unit',
    ]);
    expect(kinds('Anzahl   Packung   Art-Nr   Beschrieb')).toEqual([
      'quantity',
      'unit',
      'article',
      'description',
    ]);
    expect(kinds('Stück   Artikel   Bezeichnung')).toEqual(['quantity', 'article', 'description']);
    expect(kinds('Nbre   Référence   Désignation')).toEqual(['quantity', 'article', 'description']);
    expect(kinds('Item   Part Number   Description   Quantity Ordered   Unit Cost   Extended')).toEqual([
      'pos',
      'article',
      'description',
      'quantity',
      'price',
      'total',
    ]);
    expect(kinds('Qty   Description            Our Part #   Your Part #   Unit Cost   Ext.')).toEqual([
      'quantity',
      'description',
      'article',
      'article',
      'price',
      'total',
    ]);
    expect(kinds('Qté   Unité   Référence    Désignation           PU HT     Montant HT')).toEqual([
      'quantity',
      'unit',
      'article',
      'description',
      'price',
      'total',
    ]);
    expect(kinds('Line   Item no.   Oty   Description        Amount   Unit   Unit price')?.[2]).toBe(
      'quantity',
    );
    // "Unit" over one column and "Price" over the next are two labels, "Unit price" in one cell one
    expect(kinds('Item no.     Description        Qty     Unit          Price     Amount')).toEqual([
      'article',
      'description',
      'quantity',
      'unit',
      'price',
      'total',
    ]);
    expect(kinds('Item no.     Description        Qty     Unit price     Amount')?.slice(3)).toEqual([
      'price',
      'total',
    ]);
    // an article label OCR lost ("Arten," for "Art.-Nr.") left of the description
    expect(kinds('Arten,   Bezeichnung          ME   Preis CHF   Menge')?.[0]).toBe('article');
    // …also when OCR put it into the position label's cell
    expect(kinds('Pos ANI,   Beschreibung          Menge Einheit')?.slice(0, 2)).toEqual(['pos', 'article']);
    // a stray letter glued to the front of a label ("HT" of the previous column)
    expect(kinds('Total HT   Désignation   Unité   N° article   Prix unitaire   HQuantité')).toContain(
      'quantity',
    );
    // …or the two letters of it (s10500 0027: "HIQuantité" lost the quantity column, and position
    // numbers became counts)
    expect(kinds('Réf.   Total HT   Unité   N° article   Désignation   Prix unitaire HIQuantité')).toContain(
      'quantity',
    );
  });
  // Regression (s2600 0035, a noisy form): a price label read as "Frois" beside "ArtsNe," left only
  // half the header's words labels, and the header was not found: the rows' position numbers
  // before their units ("3 Paket") were read as counts
  it('finds a header with three labels read right when its other words are labels garbled by two letters', () => {
    expect(header('Fos, - Einheit   Betrag   ArtsNe,   ©   Beseichuung          Frois')).not.toBeNull();
    // words not two letters off a label are a sentence's, with labels or not
    expect(header('Fos, - Einheit   Betrag   Beispiel   ©   Beseichuung          Hallo')).toBeNull();
  });
  // Regression (s7100 0034): "Prix unitaire méskgnation", the description label two letters off in
  // the price label's cell, put every description under the price
  it('takes a header word two letters off a description label for the description column', () => {
    const h = header('RéL.   Prix unitaire méskgnation            Unité   N° article   Total HT   Quantité');
    expect(h?.columns.map((c) => c.kind)).toEqual([
      'price',
      'description',
      'unit',
      'article',
      'total',
      'quantity',
    ]);
    // a word two letters off, but of another sort, stays the price's
    expect(
      header('Prix unitaire Beispiel   Unité   N° article   Quantité')?.columns.map((c) => c.kind),
    ).not.toContain('description');
  });
  it('takes an unlabelled header word before the prices for the quantity column', () => {
    expect(
      header('Pos   Art.-Nr.   Bezeichnung            Xqwerty   ME   Preis   Total')?.columns.map(
        (c) => c.kind,
      ),
    ).toContain('quantity');
  });
});

describe('table items', () => {
  it('continues a table over a carried-forward subtotal and the next page', () => {
    const p1 = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung                                  Menge   Preis    Total',
      '1     10-4711      Senkkopfschraube M4x20 verzinkt Pack à       3       9.50     28.50',
      '                   100 Stk',
      'Übertrag                                                                 28.50',
    ]);
    const p2 = pageFromRows(
      [
        'Pos   Art.-Nr.     Bezeichnung                                  Menge   Preis    Total',
        'Übertrag                                                                 28.50',
        '2     20-1772      Holzbohrer 8 mm                              10      4.10     41.00',
        'Total                                                                    69.50',
      ],
      2,
    );
    const d = extractDraft([p1, p2], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 3],
      ['20-1772', 10],
    ]);
  });
  it('does not read a pack content overhanging into the quantity column as the quantity', () => {
    const page = pageFromRows([
      'Item   Material     Description                       Order qty.   Unit   Price     Net value',
      '10     10-4711      Senkkopfschraube M4x20 Pack à     100 Stk',
      '                                                      6            PAK    9.50      57.00',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['10-4711', 6]]);
  });
  it('reads the quantity after a speck read as a lone "a" in the quantity column', () => {
    const page = pageFromRows([
      'Pos   Bezeichnung               Menge      ME    Art.-Nr.',
      '1     Holzbohrer 8 mm        a     6       Stk   20-1772',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['20-1772', 6]]);
  });
  it('reads a price per 100 pieces (a "PE" column) as agreeing with the quantity and the total', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung          Menge   ME    Preis    PE   Betrag',
      '1     20-1772      Holzbohrer 8 mm      500     Stk   4.10    100   20.50',
      '2     AB-1020X     Kabelbinder          40      Stk   0.20      1    8.00',
      '                                                      Total netto    28.50',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 500],
      ['AB-1020X', 40],
    ]);
    expect(d.warnings.join('\n')).not.toMatch(/please check|add up/);
  });
  it('repairs a misread quantity digit when price × quantity = total disagrees', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung             Menge   Preis    Total',
      '1     20-1772      Holzbohrer 8 mm         18      4.10     41.00',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines[0]).toMatchObject({ sku: '20-1772', quantity: 10 });
    expect(d.lines[0]!.confidence).toBeLessThan(0.7);
    expect(d.warnings.join('\n')).toMatch(/quantity read as 18/);
  });
  it('drops footer rows with neither a known article nor a quantity', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung             Menge   Preis',
      '1     20-1772      Holzbohrer 8 mm         5       4.10',
      '      UID CHE-123.456.789 MWST  IBAN CH00 0000',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['20-1772', 5]]);
  });
  it('keeps a row whose article and quantity did not read when its price and total did', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.      Bezeichnung             Menge   Preis   Total',
      '1     20-1772       Holzbohrer 8 mm         5       4.10    20.50',
      '2     2O4 2O8.42    Kabelbinder schwarz 200 mm    EE)   0.20    2.00!',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines).toHaveLength(2);
    // the quantity comes from the arithmetic, the article from description and price: both flagged
    expect(d.lines[1]).toMatchObject({ sku: 'AB-1020X', quantity: 10 });
    expect(d.lines[1]!.confidence).toBeLessThan(0.7);
  });
  it('checks the quantity against a total whose decimal mark OCR lost', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung             Menge   Preis   Total',
      '1     20-1772      Holzbohrer 8 mm         2       4.10    2050',
      '2     AB-1020X     Kabelbinder schwarz     10.     0.20    2.00',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['AB-1020X', 10],
    ]);
    expect(d.warnings.join('\n')).toMatch(/quantity read as 2.*took 5/);
  });
  it('reads a total printed without any mark as one whose decimal mark OCR lost', () => {
    // s7200 0001: "2 mètres … 14.20 28400": 20 at 14.20 (284.00), not 2000
    const read = (quantity: string, total: string) =>
      extractDraft(
        [
          pageFromRows([
            'Pos   Art.-Nr.     Bezeichnung             Menge   Preis   Total',
            `1     20-1772      Holzbohrer 8 mm         ${quantity.padEnd(8)}4.10    ${total}`,
          ]),
        ],
        meta,
        master,
      );
    const lost = read('2', '8200');
    expect(lost.lines.map((l) => [l.sku, l.quantity])).toEqual([['20-1772', 20]]);
    expect(lost.warnings.join('\n')).toMatch(/total read as 8200, taken as 82\.00 \(its decimal mark lost\)/);
    // the quantity read agrees with it: confirmed as it is
    expect(read('20', '8200').lines[0]!.quantity).toBe(20);
    // printed with its cents, or made by the quantity read, it is the total
    expect(read('2', '8200.00').lines[0]!.quantity).toBe(2000);
    expect(read('2', "8'200.00").lines[0]!.quantity).toBe(2000);
    expect(read('2000', '8200').lines[0]!.quantity).toBe(2000);
  });
  it('takes the quantity from price and total when the price is the catalog price and a digit was lost', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung             Menge   Preis   Total',
      '1     20-1772      Holzbohrer 8 mm         1       4.10    41.00',
      '2     AB-1020X     Kabelbinder schwarz     1       0.25    2.50',
    ]);
    const d = extractDraft([page], meta, master);
    // 4.10 is the catalog price of 20-1772: 41.00 ÷ 4.10 = 10 wins over the "1" read
    expect(d.lines[0]).toMatchObject({ sku: '20-1772', quantity: 10 });
    // 0.25 is not AB-1020X's price (0.20): the "1" stays, flagged
    expect(d.lines[1]).toMatchObject({ sku: 'AB-1020X', quantity: 1 });
    expect(d.warnings.join('\n')).toMatch(/line 2: quantity 1 × price 0.25 ≠ total 2.5/);
  });
  it('checks against the catalog price when the printed price is one digit misread', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung             Menge   Preis   Total',
      '1     20-1772      Holzbohrer 8 mm         19      4.70    41.00',
      '2     0001550      Knieschoner Gel         3       18.90   55.20',
    ]);
    const d = extractDraft([page], meta, master);
    // 4.70 does not divide 41.00, the catalog's 4.10 (one digit away) does: 10, not the 19 read
    expect(d.lines[0]).toMatchObject({ sku: '20-1772', quantity: 10 });
    expect(d.warnings.join('\n')).toMatch(/line 1: quantity read as 19, but total 41 ÷ price 4.1 = 10/);
    // 3 × 18.40 = 55.20 confirms the quantity read; the price misread does not change it
    expect(d.lines[1]).toMatchObject({ sku: '0001550', quantity: 3 });
  });
  it('checks quantity × price = total after the discount the row states', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung             Menge   Rabatt   Preis   Total',
      '1     20-1772      Holzbohrer 8 mm         10      10%      4.10    36.90',
      '2     0001550      Knieschoner Gel         3       -        18.40   55.20',
      '3     AB-1020X     Kabelbinder schwarz     18      20 %     0.20    16.00',
    ]);
    const d = extractDraft([page], meta, master);
    // 10 × 4.10 less 10 % is 36.90: the 10 read stands (not 9 from 36.90 ÷ 4.10)
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 10],
      ['0001550', 3],
      ['AB-1020X', 100],
    ]);
    expect(d.warnings.join('\n')).not.toMatch(/line 1: quantity/);
  });
  it('counts cartons, not pieces, when it computes a lost quantity of cartons priced per piece', () => {
    // the quantity column and its label were lost; "pièces 0.20" ran into one cell over the border
    const page = pageFromRows([
      'Ref.  N° article  Désignation              Unité               Prix unitaire  Total HT',
      '1     AB-1020X    Kabelbinder schwarz      cartons de 6 pièces 0.20           4.80',
      '2     20-1772     Holzbohrer 8 mm          pièces              4.10           41.00',
      '3     0001550     Knieschoner Gel          paires              18.40          1820',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit])).toEqual([
      ['AB-1020X', 4, 'Karton'],
      ['20-1772', 10, 'Stk'],
      // 1820 ÷ 18.40 is 98.9, not a whole number of pairs: no quantity is made up
      ['0001550', null, 'Paar'],
    ]);
    expect(d.warnings.join('\n')).toMatch(
      /line 1: quantity unreadable; 4 computed from total ÷ price ÷ 6 per Karton/,
    );
  });
  it("finds a customer's article number that a glued header label pushed under the price column", () => {
    const withCustomer: MasterData = {
      ...master,
      customers: [
        {
          id: 'C-9',
          name: 'Elektro Frei AG',
          fax: '+41615553390',
          email: null,
          street: null,
          zip: null,
          city: null,
          country: 'CH',
        },
      ],
      customerSkus: [{ customerId: 'C-9', customerSku: 'EF7555', sku: '20-1772' }],
    };
    // "Prix unitaire HT" ran into "Notre code": the article label's cell starts far right
    const page = pageFromRows([
      'Réf.  Prix unitaire HNotre code   Unité    Total HT   Désignation          Quantité',
      '1     4.10    EF7555              pièces   20.50      Holzbohrer 8 mm      5',
    ]);
    const d = extractDraft([page], { ...meta, from: '+41615553390' }, withCustomer);
    expect(d.lines.map((l) => [l.sku, l.customerSku, l.quantity])).toEqual([['20-1772', 'EF7555', 5]]);
  });
  it('takes a number far too long for a position, under a position label, for a misread article number', () => {
    // "Item no." read as "Hem no.": the article numbers stand under a "no." taken for positions
    const page = pageFromRows([
      'Hem   no.          Description           Qty   Unit   Unit price   Amount',
      '      20-17723     Holzbohrer 8 mm       5     pcs    4.10         20.50',
      '      AB-1020X     Kabelbinder schwarz   100   pcs    0.20         20.00',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['AB-1020X', 100],
    ]);
  });
  it('gives a quantity OCR put on a line of its own to the row it is nearer', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung                 ME      Preis    Menge',
      '20-1772      Holzbohrer 8 mm             Stk     4.10',
      '                                                          5',
      'AB-1020X     Kabelbinder schwarz         Stk     0.20',
      '0001550      Knieschoner Gel             Paar    18.40',
      '10-4711      Senkkopfschraube M4x20      Pack    9.50',
    ]);
    // the handwritten 5 sits just above the Kabelbinder row, well below the Holzbohrer row
    for (const w of page.words) if (w.box[1] === 280) w.box[1] = 296;
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['AB-1020X', 5]]);
  });
  it('reads a count written close after a long description, under the quantity label', () => {
    const page = pageFromRows([
      'Art.-Nr.   Bezeichnung                Menge',
      '20-1772    Holzbohrer 8 mm            ____',
      '0001550    Knieschoner Gel Profi lang 4',
      'AB-1020X   Kabelbinder schwarz        ____',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['0001550', 4]]);
  });
  it("keeps a form's unordered row under a row whose number a speck followed its own", () => {
    const screws = {
      ...master,
      products: [
        ...master.products,
        {
          sku: '10-4717',
          description: 'Senkkopfschraube M4x25 verzinkt',
          unit: 'Pack',
          price: 9.4,
          gtin: null,
        },
      ],
    };
    const page = pageFromRows([
      'Art.-Nr.   Bezeichnung                Menge',
      '10-4717 |  Senkkopfschraube M4x25     6',
      '10-4711    Senkkopfschraube M4x20',
      '0001550    Knieschoner Gel',
    ]);
    const d = extractDraft([page], meta, screws);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['10-4717', 6]]);
    // a row whose number did not read at all: the next row, with its own description, is no
    // wrapped line of it
    const lost = pageFromRows([
      'Art.-Nr.   Bezeichnung                Menge',
      'QQ-9999    Zubehör Sortiment          6',
      '10-4711    Senkkopfschraube M4x20',
      '20-1772    Holzbohrer 8 mm',
    ]);
    const l = extractDraft([lost], meta, screws).lines;
    expect(l.map((x) => [x.sku, x.quantity])).toEqual([[null, 6]]);
  });
  it('reads a unit glued to its count, and a lost decimal mark with a warning', () => {
    const page = pageFromRows([
      'Art.-Nr.   Bezeichnung                Menge',
      '20-1772    Holzbohrer 8 mm            12Stk',
      '30-0001    Kette verzinkt 6 mm        05m',
    ]);
    const chain = {
      ...master,
      products: [
        ...master.products,
        { sku: '30-0001', description: 'Kette verzinkt 6 mm', unit: 'm', price: 5.3, gtin: null },
      ],
    };
    const d = extractDraft([page], meta, chain);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit])).toEqual([
      ['20-1772', 12, 'Stk'],
      ['30-0001', 0.5, 'm'],
    ]);
    expect(d.warnings.join('\n')).toMatch(/quantity '05m?' taken as 0.5, its decimal mark lost/);
    expect(d.lines[1]!.confidence).toBeLessThanOrEqual(0.6);
  });
  it('finds the quantity column from the rows when its label was lost without a trace', () => {
    const page = pageFromRows([
      'Art.-Nr.    Bezeichnung                 Einheit',
      '20-1772     Holzbohrer 8 mm             Stk          20',
      'AB-1020X    Kabelbinder schwarz         Stk         100',
      '0001550     Knieschoner Gel             Paar',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 20],
      ['AB-1020X', 100],
      // an ERP's row whose count did not read stays, for the clerk
      ['0001550', null],
    ]);
  });
  it('takes a count read twice, once just above its row, for that row only', () => {
    const page = pageFromRows([
      'Pos   Menge   Art.-Nr.     Bezeichnung',
      '1             20-1772      Holzbohrer 8 mm',
      '2             AB-1020X     Kabelbinder schwarz',
      '3             10-4711      Senkkopfschraube M4x20',
      '4     12      0001550      Knieschoner Gel',
    ]);
    // the second reading of the third row's "12", placed a little above it
    const again = page.words.find((w) => w.text === '12')!;
    page.words.push({ ...again, box: [again.box[0] + 2, again.box[1] - 14, again.box[2], again.box[3]] });
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['0001550', 12]]);
  });
  it("says so when a form row's quantity column holds a figure that reads as no quantity", () => {
    const page = pageFromRows([
      'Art.-Nr.   Bezeichnung                Menge',
      '20-1772    Holzbohrer 8 mm            ____',
      '0001550    Knieschoner Gel            4',
      'AB-1020X   Kabelbinder schwarz        Z',
      '10-4711    Senkkopfschraube M4x20     ____',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['0001550', 4]]);
    expect(d.warnings.join('\n')).toMatch(/form row of AB-1020X has 'Z' in its quantity column/);
    expect(d.confidence).toBeLessThan(0.8);
    // (a handwritten 6 read as "&")
    const hand = extractDraft(
      [pageFromRows(page.text.split('\n').map((r) => r.replace(/Z$/, '&')))],
      meta,
      master,
    );
    expect(hand.warnings.join('\n')).toMatch(/form row of AB-1020X has '&' in its quantity column/);
  });
  // (its article number garbled too, so the clerk is told of the line total: the form-row message
  // names the article)
  it('says so when a row with a line total has a mark for its count and no article that reads', () => {
    const page = pageFromRows([
      'Art.-Nr.   Bezeichnung                Menge   Preis    Betrag',
      '0001550    Knieschoner Gel            4       12.50    50.00',
      'xq#%       Kabelbinder schwarz        Z                20.00',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['0001550', 4]]);
    expect(d.warnings.join('\n')).toMatch(/table row with the line total 20.00 did not read/);
  });
  // s7900 0016: the first row's article number garbled ("205,3100%"), under a header whose article
  // label went to the unit: the row was lost without a word, and the draft stood at 0.88
  it("keeps the table's first row, its article number unread, as a line when it has its own count", () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung                 Menge   Preis    Betrag',
      'xq%#         Kinderschuh Gel blau        10      18.50    195.00',
      '20-1772      Holzbohrer 8 mm             5       4.10     20.50',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      [null, 10],
      ['20-1772', 5],
    ]);
    expect(d.confidence).toBeLessThan(0.5);
  });

  // what is left of the article number and the garbled description name one product far ahead of
  // every other (0.47 against 0.20), below the usual score: a row as dev 0004 prints it (there
  // merged with the row under it), and as s7800 0024's "5253155! Suranminel Korund 80" for 0006150
  it('takes the product far ahead of every other for a garbled row, flagged', () => {
    const shop: MasterData = {
      ...master,
      products: [
        ...master.products,
        { sku: 'CK-2504T', description: 'Zinkspray 400 ml', unit: 'Stk', price: 17, gtin: null },
        { sku: '0002664', description: 'Markierspray rot 500 ml', unit: 'Stk', price: 9.9, gtin: null },
        {
          sku: '50-8416',
          description: 'Bremsenreiniger Spray 500 ml',
          unit: 'Stk',
          price: 8.9,
          gtin: null,
        },
      ],
    };
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung                 Menge   ME    Preis',
      '1     20-1772      Holzbohrer 8 mm             5       Stk   4.10',
      '2     [CK 26041    Zinkspray Ami 7]            4       Stk   16.15',
    ]);
    const d = extractDraft([page], meta, shop);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['CK-2504T', 4],
    ]);
    expect(d.warnings.join('\n')).toMatch(/line 2: article '\[CK 26041' not recognised; chose CK-2504T/);
    expect(d.lines[1]!.confidence).toBeLessThan(0.8);
  });

  // s11100 0040 (a born-digital order in Courier): "Prix unitaire HT" ran into "Quantité", and the
  // counts under the quantity label fell to the price column
  it('reads a header whose labels run into each other', () => {
    const page = pageFromRows([
      'Unité                 Total HT   Désignation          Prix unitaire HT Quantité  N° article',
      'pièces                20,50      Holzbohrer 8 mm      4,10             5         20-1772',
      'cartons de 10 pièces  2 050,00   Holzbohrer 8 mm      4,10             50        20-1772',
    ]);
    // (the price label's "HT" set so close that it ends past where "Quantité" begins)
    const ht = page.words.findLast((w) => w.text === 'HT')!;
    ht.box[2] += 40;
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit])).toEqual([
      ['20-1772', 5, 'Stk'],
      ['20-1772', 50, 'Karton'],
    ]);
    expect(d.warnings.join('\n')).not.toMatch(/computed from total|≠ total/);
  });
  // s11000 0027: a customer's article number read as a word like none of the catalog's ("BLTOTA")
  // pulled every candidate down, so the description's lead (M5x30) fell short of the margin
  it('takes the product far ahead on the description when the article text is like no article', () => {
    const shop: MasterData = {
      ...master,
      products: [
        ...master.products,
        {
          sku: '10-4720',
          description: 'Senkkopfschraube M5x30 verzinkt Pack à 100 Stk',
          unit: 'Pack',
          price: 11.2,
          gtin: null,
        },
        { sku: '0005302', description: 'Stahlkette verzinkt 6 mm', unit: 'm', price: 5.3, gtin: null },
      ],
    };
    const page = pageFromRows([
      'Pos   Our item no.   Description                          Qty    Unit price   Amount',
      '1     EF7555         Holzbohrer 8 mm                      5      4.10         20.50',
      '2     BLTOTA         Seblekop£ietiaune M5x30 verzinkt     100    0.08         1,004.00',
    ]);
    const d = extractDraft([page], meta, shop);
    expect(d.lines[1]?.sku).toBe('10-4720');
    expect(d.warnings.join('\n')).toMatch(/line 2: article 'BLTOTA' not recognised; chose 10-4720/);
    expect(d.lines[1]!.confidence).toBeLessThan(0.8);
  });

  // a form whose "Pos." label OCR garbled: the position numbers still begin the rows, so a row
  // whose article number did not read is no wrapped text of the unordered row above it (whose
  // price did not read either, so no amount of its own tells them apart)
  it('begins a row at the next position number under a garbled first label', () => {
    const page = pageFromRows([
      'RéL.  Prix    Désignation                        N° article   Total    Quantité',
      '1     4.10    Holzbohrer 8 mm                    20-1772      20.50    5',
      '2     H,50    Senkkopfschraube M4x20 verzinkt    10-4711',
      '4     18.40   Knie Gel                           xq:OO1#5O    36.80    2',
      '5     0.20    Kabelbinder schwarz 200 mm         AB-1020X',
      '6     4.10    Holzbohrer 8 mm lang               20-1772',
      '7     9.50    Senkkopfschraube M4x20 blank       10-4711',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => l.quantity)).toEqual([5, 2]);
    expect(d.lines[0]!.sku).toBe('20-1772');
    expect(d.lines[1]!.sku).not.toBe('10-4711');
    expect(d.lines[1]!.evidence?.text).toMatch(/^4 /);
    // (nor is a position number the price of its row: 5 × 4.10 = 20.50 stands)
    expect(d.warnings.join('\n')).not.toMatch(/line 1:/);
    expect(d.lines[0]!.confidence).toBeGreaterThanOrEqual(0.8);
  });
  it("takes an article number on the line under a row as that row's article, not as a row", () => {
    const page = pageFromRows([
      'Pos   Bezeichnung                 Menge   ME    Preis    Wert',
      '10    Holzbohrer 8 mm             5       ST    4.10     20.50',
      '      Ihre Materialnummer: 20-1772',
      '20    Kabelbinder schwarz         100     ST    0.20     20.00',
      '      Ihre Materialnummer: AB-1020X',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.matchedBy])).toEqual([
      ['20-1772', 5, 'sku'],
      ['AB-1020X', 100, 'sku'],
    ]);
  });
  // s12400 0037: a fax's line errors repeated the band of the article number under two rows
  it("takes the row's own article number again, alone under it, as part of that row, not as a row", () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung             Menge   Preis     Total',
      '20-1772      Holzbohrer 8 mm         5       4.10      20.50',
      '20-1772',
      'AB-1020X     Kabelbinder schwarz     100     0.20      20.00',
      'AB-1020X',
      '20-1772      Holzbohrer 8 mm         2       4.10      8.20',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['AB-1020X', 100],
      ['20-1772', 2],
    ]);
    expect(d.warnings.join('\n')).not.toMatch(/quantity not found/);
  });
  it('mends a unit price that lost its decimal mark when it is then the catalog price', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung             Menge   Preis     Total',
      '1     20-1772      Holzbohrer 8 mm         5       410       20.50',
      '2     0001550      Knieschoner Gel         2       18.40./   36.80',
      '3     AB-1020X     Kabelbinder schwarz     100     25        25.00',
    ]);
    const d = extractDraft([page], meta, master);
    // 410 is 4.10, the catalog price; "18.40./" is 18.40; 25 is no catalog price and stays
    expect(d.lines.map((l) => l.unitPrice)).toEqual([4.1, 18.4, 25]);
  });
  it('takes a row whose article number did not read but whose description names another product as its own row', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung                 ME      Preis    Menge',
      '20-1772      Holzbohrer 8 mm             Stk     4.10',
      '7O aw        Knieschoner Gel             Paar    18.40    3',
      'AB-1020X     Kabelbinder schwarz         Stk     0.20',
      '10-4711      Senkkopfschraube M4x20      Pack    9.50',
    ]);
    const d = extractDraft([page], meta, master);
    // not the Holzbohrer's quantity: the Knieschoner's, chosen by its description and flagged
    expect(d.lines.map((l) => [l.sku, l.quantity, l.matchedBy])).toEqual([['0001550', 3, 'description']]);
    expect(d.warnings.join('\n')).toMatch(/article number unreadable; chose 0001550 by its description/);
  });
  // dev 0005: article number and price garbled, the description misread but like no other product's
  it('takes such a row by its description alone when it is far ahead of every other product', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung                             ME      Preis    Menge',
      '0001550      Knieschoner Gel                         Paar    18.40    2',
      '10 aw        ; Sonkkopfschraube verzinkt Pack a 1OO  Pack    ‘A1      5',
      'AB-1020X     Kabelbinder schwarz                     Stk     0.20',
      '20-1772      Holzbohrer 8 mm                         Stk     4.10',
      '30-5120      Schleifpapier K80                       Stk     0.90',
    ]);
    const d = extractDraft([page], meta, master);
    // (0.45 for the screw, 0.05 for the next: below the score a row named with its price needs)
    expect(d.lines.map((l) => [l.sku, l.quantity, l.matchedBy])).toEqual([
      ['0001550', 2, 'sku'],
      ['10-4711', 5, 'description'],
    ]);
  });
  // s1200 0009: the price label lost, price and line total both under "Betrag"
  it('takes two amounts under the total label for price and total when no price column was found', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung                      Menge   ME        Betrag',
      '0001550      Knieschoner Gel                          Paar      18.40',
      '20-1772      Holzbohrer 8 mm                  x       Stk       4.10    41.00',
      '10 sim       Kabelbinder schwarz 200 mm       25      Stk       0.20    5.00',
      '10-4711      Senkkopfschraube M4x20                   Pack      9.50',
      'AB-1O2OX     Kabelbinder schwarz                      Stk       0.20',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([
      ['20-1772', 10, 4.1],
      ['AB-1020X', 25, 0.2],
    ]);
  });
  // Regression (s6100 0039): the header read "Unit \"URP RIOT,"; "piece 14.90 14.90" lost its 1
  it('takes the two amounts a row ends in for price and total when neither column label read', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung                 Menge   ME      "URP     RIOT,',
      '20-1772      Holzbohrer 8 mm                     Stk     4.10     41.00',
      'AB-1020X     Kabelbinder schwarz 200 mm  25      Stk     0.20     5.00',
      '0001550      Knieschoner Gel                     Paar    18.40    18.40',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([
      ['20-1772', 10, 4.1],
      ['AB-1020X', 25, 0.2],
      ['0001550', 1, 18.4],
    ]);
    expect(d.warnings.join('\n')).toMatch(/line 1: quantity unreadable; 10 computed from total ÷ price/);
  });
  // Regression (s6700 0014): "TOUS ZIT ROTE 00. ati 1160 1160.00", a garbled row, was taken for
  // the wrapped text of the row above, and the draft stood at 0.88 without it
  it('takes a garbled line with an amount over 1000 of its own, without thousands mark, for a row', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung                 Menge   ME      Preis    Total',
      '20-1772      Holzbohrer 8 mm             10      Stk     4.10     41.00',
      'TOUS ZIT     ROTE                        00.     ati     1160     1640.00',
      'AB-1020X     Kabelbinder schwarz 200 mm  25      Stk     0.20     5.00',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => l.sku)).toEqual(['20-1772', null, 'AB-1020X']);
    expect(d.lines[0]!.evidence?.text ?? '').not.toMatch(/ROTE/);
    expect(d.confidence).toBeLessThan(0.8);
  });
  // ("410" for 10 under a speck, at OCR confidence 0.64, stood at 0.84 in a table without totals)
  it('is unsure of a quantity OCR was unsure of, unless the line total confirms it', () => {
    const unsure = (rows: string[]): PageContent => {
      const page = pageFromRows(rows);
      return { ...page, words: page.words.map((w) => (w.text === '410' ? { ...w, conf: 0.64 } : w)) };
    };
    const bare = extractDraft(
      [
        unsure([
          'Art.-Nr.     Bezeichnung                 Menge   ME      Preis',
          '20-1772      Holzbohrer 8 mm             410     Stk     4.10',
          'AB-1020X     Kabelbinder schwarz 200 mm  25      Stk     0.20',
        ]),
      ],
      meta,
      master,
    );
    expect(bare.lines.map((l) => l.quantity)).toEqual([410, 25]);
    expect(bare.lines[0]!.confidence).toBeLessThan(0.8);
    expect(bare.lines[1]!.confidence).toBeGreaterThanOrEqual(0.8);
    expect(bare.warnings.join('\n')).toMatch(/line 1: quantity 410 read unsurely/);
    const totalled = extractDraft(
      [
        unsure([
          'Art.-Nr.     Bezeichnung                 Menge   ME      Preis    Total',
          '20-1772      Holzbohrer 8 mm             410     Stk     4.10     1681.00',
        ]),
      ],
      meta,
      master,
    );
    expect(totalled.lines[0]!.confidence).toBeGreaterThanOrEqual(0.8);
  });
  // Regression (s6800 0030): "cartons de 24 pièces 2", the unit set close before the count, gave no
  // quantity on a fine fax
  it('reads a count set close after a long unit, under the quantity label', () => {
    const page = pageFromRows([
      'Prix      Unité                           Quantité   N° article   Désignation',
      '4.10      pièces                          10         20-1772      Holzbohrer 8 mm',
      '18.40     paires de 2 pièces, boîte à 20 4           0001550      Knieschoner Gel',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => `${l.sku}|${l.quantity}`)).toEqual(['20-1772|10', '0001550|4']);
  });
  // Regression (s7100 0002): the price label read "Pr", so "89.00" stood under the description and
  // "7" for 2 (178.00 ÷ 89.00) was not caught
  it('takes an amount alone at the end of the description column for the price when its label was lost', () => {
    const page = pageFromRows([
      'Pos.  ArtNr.     Betrag    Menge   Einheit   Bezeichnung                   Pr',
      '1     20-1772    41.00     10      Stk       Holzbohrer 8 mm               4.10',
      '2     0001550    36.80     7       Paar      Knieschoner Gel               18.40',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => `${l.sku}|${l.quantity}|${l.unitPrice}`)).toEqual([
      '20-1772|10|4.1',
      '0001550|2|18.4',
    ]);
    expect(d.warnings.join('\n')).toMatch(
      /line 2: quantity read as 7, but total 36.8 ÷ price 18.4 = 2; took 2/,
    );
  });
  // (a JPEG scan of a two-column form: a blank line read as "1" on a line of its own, left of where
  // the counts stand, gave the row above it 1 at 0.88)
  it("takes no figure on a line of its own under a form row, off the quantities' edge, for its count", () => {
    const form: MasterData = {
      ...master,
      products: [
        ...master.products,
        { sku: '10-4717', description: 'Senkkopfschraube M4x25', unit: 'Pack', price: 9.4, gtin: null },
        { sku: '10-4720', description: 'Senkkopfschraube M5x30', unit: 'Pack', price: 11.2, gtin: null },
        { sku: '10-5120', description: 'Zylinderschraube M6x30', unit: 'Pack', price: 12.6, gtin: null },
      ],
    };
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung                 Menge',
      '20-1772      Holzbohrer 8 mm                15',
      'AB-1020X     Kabelbinder schwarz 200 mm',
      '                                         1',
      '0001550      Knieschoner Gel                 4',
      '10-4711      Senkkopfschraube M4x20',
      '10-4717      Senkkopfschraube M4x25',
      '10-4720      Senkkopfschraube M5x30',
      '10-5120      Zylinderschraube M6x30',
    ]);
    const d = extractDraft([page], meta, form);
    expect(d.lines.map((l) => `${l.sku}|${l.quantity}`)).toEqual(['20-1772|15', '0001550|4']);
  });
  // (a JPEG scan 1.5° askew: the count "1" of the second row fell on a line of its own, and the
  // first row took it for its count instead of its own "2")
  it("keeps a row's own count over a figure on a line split off under it", () => {
    // (the counts right-aligned; the askew first row's "2" a little left of their edge)
    const page = pageFromRows([
      'Menge   Einheit   Art.-Nr.     Bezeichnung',
      '2       Pack      10-4711      Senkkopfschraube M4x20',
      ' 1',
      '>       Stk       20-1772      Holzbohrer 8 mm',
      ' 5      Stk       AB-1020X     Kabelbinder schwarz',
      '12      Paar      0001550      Knieschoner Gel',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines[0]).toMatchObject({ sku: '10-4711', quantity: 2 });
  });
  // s700 0009: the first row lost its article number; its description and price name it
  it('takes the first row of a table, its article number lost, by its description and price', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung                 Menge   ME      Preis    Total',
      '             Knieschoner Gel             3       Paar    18.40    55.20',
      '20-1772      Holzbohrer 8 mm             4       Stk     4.10     16.40',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.matchedBy])).toEqual([
      ['0001550', 3, 'description'],
      ['20-1772', 4, 'sku'],
    ]);
  });
  it('takes the catalog price for a printed price whose first digit was misread as a zero', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung                 Menge   ME      Preis    Total',
      '1     10-4711      Senkkopfschraube M4x20              Pack    0,50     19.00',
    ]);
    const d = extractDraft([page], meta, master);
    // 19.00 ÷ 0.50 = 38 would divide too, but 0.50 is no price of a 9.50 article
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['10-4711', 2]]);
  });
  // dev 0021: "129 SI 12.60 7 1 51 1'440 pu" — the total label lost, specks before the total
  it('finds a line total the catalog price divides further right when the printed price is misread', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung                 Menge   ME      Preis',
      '1     10-4711      Senkkopfschraube M4x20      21      Pack    9.60    7   1   190.00',
    ]);
    const d = extractDraft([page], meta, master);
    // 9.60 is 9.50 misread; 190.00 ÷ 9.50 = 20, so 21 is a misread 20
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['10-4711', 20]]);
    expect(d.warnings.join('\n')).toMatch(/quantity read as 21, but total 190 ÷ price 9.5 = 20/);
  });
  it('reads a line total with a space between its thousands', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung             Menge   Preis    Total',
      '1     0001550      Knieschoner Gel         67      18,40    1 122,40',
    ]);
    const d = extractDraft([page], meta, master);
    // 1'122.40 ÷ 18.40 = 61: the 67 read is a misread digit
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['0001550', 61]]);
    expect(d.warnings.join('\n')).toMatch(/line 1: quantity read as 67, but total 1122.4 ÷ price 18.4 = 61/);
  });
  it('flags a line whose printed price is far from its catalog price, but not a lost decimal mark', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung             Menge   Preis',
      '1     20-1772      Holzbohrer 8 mm         5       96.00',
      '2     0001550      Knieschoner Gel         2       1840',
      '3     AB-1020X     Kabelbinder schwarz     100     0.18',
    ]);
    const d = extractDraft([page], meta, master);
    const warnings = d.warnings.join('\n');
    // 96.00 for a 4.10 drill: the row's figures may be another article's
    expect(warnings).toMatch(/line 1: printed price 96 is far from the catalog price 4.1 of 20-1772/);
    expect(d.lines[0]!.confidence).toBeLessThanOrEqual(0.55);
    // "1840" is 18.40 without its dot, and 0.18 a customer price near 0.20: no flag
    expect(warnings).not.toMatch(/line [23]: printed price/);
  });
  it('splits two column labels OCR glued into one word', () => {
    const kinds = (row: string) => header(row)?.columns.map((c) => c.kind);
    expect(
      kinds('Pos.   Material   Bezeichnung     Bestellmenge   Einheifreis pro Einheit   Nettowert'),
    ).toEqual(['pos', 'article', 'description', 'quantity', 'unit', 'price', 'total']);
    expect(kinds('Pos   Art.-Nr.   Bezeichnung   Menge   Einhet@reis   Total')).toEqual([
      'pos',
      'article',
      'description',
      'quantity',
      'unit',
      'price',
      'total',
    ]);
  });
  it('finds the line total right of the price when the total column label was lost', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung                 Menge   Preis',
      '1     20-1772      Holzbohrer 8 mm             5       4.10   20.50',
      '2     AB-1020X     Kabelbinder schwarz 200 mm          0.20   3.00',
      '3     0001550      Knieschoner Gel                     18.40  7',
    ]);
    const d = extractDraft([page], meta, master);
    // row 2's quantity did not read: 3.00 ÷ 0.20 gives it; row 3's "7" is no total (not a
    // multiple of the price) and the row, with neither quantity nor total, was not ordered
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['AB-1020X', 15],
    ]);
  });
  it('on a poorly read order form, counts the unreadable rows too when dropping rows without a quantity', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung                 ME     Preis   Menge',
      '10-4711      Senkkopfschraube M4x20      Pack   9.50',
      '77-3303      Gxqwzt vrmpf                Stk    0.20',
      '88-4404      Plqtz hrmn                  Paar   18.40',
      '99-5505      Wqrtz blmp                  Stk    4.10',
      '20-1772      Holzbohrer 8 mm             Stk    4.10    5',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['20-1772', 5]]);
  });
  it('finds an article number that OCR merged into the position cell', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung                 Menge',
      '13    20-1772      Holzbohrer 8 mm             4',
      '14 10-4711         Senkkopfschraube M4x20      30',
      '15 S0001550        Knieschoner Gel             6',
    ]);
    const d = extractDraft([page], meta, master);
    // (a near match too, after the position number: "S0001550" for 0001550)
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 4],
      ['10-4711', 30],
      ['0001550', 6],
    ]);
  });
  it('reads an article cell split at its hyphen and misread in a digit as a near match', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung                 Menge',
      '1     20 1773      Holzbohrer 8 mm             4',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['20-1772', 4]]);
    expect(d.warnings.join('\n')).toMatch(/not in catalog; read as 20-1772/);
  });
  it('keeps a quantity of packs when the price is per piece ("2 Kartons à 10 Stk")', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung          Menge   Einheit              Preis   Betrag',
      '20-1772      Holzbohrer 8 mm      2       Kartons à 10 Stk     4.10    82.00',
      '0001550      Knieschoner Gel      3       cartoni da 6 pezzi   18.40   331.20',
    ]);
    const d = extractDraft([page], meta, master);
    // 82.00 ÷ 4.10 = 20 pieces = 2 cartons of 10: the 2 stands, although 4.10 is the catalog price
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 2],
      ['0001550', 3],
    ]);
    expect(d.warnings.join('\n')).not.toMatch(/quantity/);
  });
  it('keeps a quantity of cartons whose content OCR garbled ("cartons ofl 24 pes")', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung          Qty   Unit                 Price   Amount',
      '20-1772      Holzbohrer 8 mm      3     cartons ofl 24 pes   4.10    295.20',
    ]);
    const d = extractDraft([page], meta, master);
    // 295.20 ÷ 4.10 = 72 pieces = 3 cartons of the 24 the row prints
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit])).toEqual([['20-1772', 3, 'Karton']]);
    expect(d.warnings.join('\n')).not.toMatch(/quantity/);
  });
  it('keeps a count of cartons whose content OCR misread, and says the content is in doubt', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung          Qté     Unité                      Prix      Montant',
      '20-1772      Holzbohrer 8 mm      3       cartons de 17 pièces       4.10      147.60',
    ]);
    const d = extractDraft([page], meta, master);
    // 147.60 ÷ 4.10 = 36 pieces: 3 cartons of 12, the "17" a misread 12
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit])).toEqual([['20-1772', 3, 'Karton']]);
    expect(d.warnings.join('\n')).toMatch(/36 pieces, 3 × 12 per Karton; please check the content/);
    expect(d.lines[0]!.confidence).toBeLessThan(0.8);
  });
  it('takes the count of cartons the stated content makes of the total, when the count was misread', () => {
    // Regression (s3200 0008): "1 cartons of 12 pcs | 95.00 | 4.560.00" for 4 cartons
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung          Qty   Unit                  Price   Amount',
      '20-1772      Holzbohrer 8 mm      1     cartons of 12 pcs     4.10    196.80',
    ]);
    const d = extractDraft([page], meta, master);
    // 196.80 ÷ 4.10 = 48 pieces = 4 cartons of 12
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit])).toEqual([['20-1772', 4, 'Karton']]);
    expect(d.warnings.join('\n')).toMatch(/quantity read as 1, but .* 48 pieces, 4 × 12 per Karton; took 4/);
    expect(d.lines[0]!.confidence).toBeLessThan(0.8);
    // with a price that is not the catalog's, the price may be the misread figure: the count stands
    const offPrice = pageFromRows([
      'Art.-Nr.     Bezeichnung          Qty   Unit                  Price   Amount',
      '20-1772      Holzbohrer 8 mm      1     cartons of 12 pcs     2.05    196.80',
    ]);
    expect(extractDraft([offPrice], meta, master).lines[0]!.quantity).toBe(1);
  });
  // Regression (s600 0005): a speck read as a dot ("da.24") hid the content, and 230.40 ÷ 4.80 = 48
  // replaced the 2 cartons that were ordered
  it('reads the content of a pack with a speck between word and number ("cartoni da.24 pezzi")', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung          Menge   Einheit              Preis   Betrag',
      '20-1772      Holzbohrer 8 mm      2       cartoni da.24 pezzi  4.10    196.80',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.conversion])).toEqual([
      ['20-1772', 2, { factor: 24, unit: 'Stk' }],
    ]);
    expect(d.warnings.join('\n')).not.toMatch(/quantity/);
  });
  it('finds an article number OCR merged into a long unit cell', () => {
    const page = pageFromRows([
      'Réf.  Quantité  Unité          N° article   Prix   Total    Désignation',
      '1     1         pièce          0001550      18.40  18.40    Knieschoner Gel',
      '2     3         cartons de 10 pièces 20-1772 4.10  123.00   Holzbohrer 8 mm',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['0001550', 1],
      ['20-1772', 3],
    ]);
  });
  it('takes the confusable twin of an exact reading when price and description fit it clearly', () => {
    const twins: MasterData = {
      ...master,
      products: [
        { sku: 'HS-101B', description: 'Hammer Schlosser 300 g', unit: 'Stk', price: 14.9, gtin: null },
        { sku: 'HS-1018', description: 'Hammer Schlosser 800 g', unit: 'Stk', price: 21.5, gtin: null },
      ],
    };
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung               Menge   Preis   Total',
      'HS-1018      Hammer Schlosser 300 g    8       14.90   119.20',
      'HS-1018      Hammer Schlosser 800 g    2       21.50   43.00',
    ]);
    const d = extractDraft([page], meta, twins);
    expect(d.lines.map((l) => l.sku)).toEqual(['HS-101B', 'HS-1018']);
    expect(d.lines[0]!.confidence).toBeLessThanOrEqual(0.6);
    expect(d.warnings.join('\n')).toMatch(/line 1: article read as HS-1018, but .* fit HS-101B/);
  });
  it('takes a SKU two characters from a number not in the catalog over the nearest when the row fits it', () => {
    const anchors: MasterData = {
      ...master,
      products: [
        { sku: '20-1145', description: 'Ankerstange verzinkt M12x160', unit: 'Stk', price: 1.5, gtin: null },
        {
          sku: '20-1122',
          description: 'Schwerlastanker verzinkt M12x110',
          unit: 'Stk',
          price: 3.9,
          gtin: null,
        },
      ],
    };
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung                          Menge   Preis',
      '201147       Schwerlastanker verzinkt M12x110     10      3.90',
      '201147       Ankerstange verzinkt M12x160         4       1.50',
    ]);
    const d = extractDraft([page], meta, anchors);
    // "201147" is one digit from 20-1145 and two from 20-1122: where description and price are
    // 20-1122's, it is meant; where they are 20-1145's, the nearest stands
    expect(d.lines.map((l) => l.sku)).toEqual(['20-1122', '20-1145']);
    expect(d.lines[0]!.confidence).toBeLessThanOrEqual(0.6);
    expect(d.warnings.join('\n')).toMatch(/line 1: '201147' not in catalog; nearest is 20-1145, but 20-1122/);
  });
  it('starts a row at a line with a quantity of its own whose position and article number did not read', () => {
    const jackets: MasterData = {
      ...master,
      products: [
        ...master.products,
        { sku: 'GB-3071B', description: 'Warnschutz-Regenjacke Gr. L', unit: 'Stk', price: 36.2, gtin: null },
        { sku: 'PB-6022V', description: 'Warnschutz-Regenjacke Gr. XL', unit: 'Stk', price: 33, gtin: null },
      ],
    };
    const page = pageFromRows([
      'Fos   Art.-Nr.    Bezeichnung                                Menge   ME',
      '26    10-4711     Senkkopfschraube M4x20 verzinkt Pack       10      Pack',
      '                  à 100 Stk',
      '27    GR3OB       Womschutz-Regenjacke Gr,                   3       Stk',
    ]);
    const d = extractDraft([page], meta, jackets);
    // the garbled "Pos" leaves "27" in the article column: the article-like "GR3OB" is what is
    // left of the number, and with the description it names GB-3071B
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 10],
      ['GB-3071B', 3],
    ]);
  });
  it('takes the SKU two characters from an unreadable number when the garbled description still fits it', () => {
    const tapes: MasterData = {
      ...master,
      products: [
        ...master.products,
        { sku: '70-1040', description: 'Absperrband rot/weiss 500 m', unit: 'Rolle', price: 19, gtin: null },
        { sku: '0003030', description: 'Schleifpapier K80', unit: 'Stk', price: 0.9, gtin: null },
        { sku: '40-3001', description: 'Schutzbrille klar', unit: 'Stk', price: 6.5, gtin: null },
      ],
    };
    const page = pageFromRows([
      'Pos   Art.-Nr.   Beschreibung                     Menge   Einheit',
      '1     4703040    Abspattyand rat /welss SOC m     10      Rel',
      '2     4703040    Schutzhandschuhe Leder           10      Paar',
    ]);
    const d = extractDraft([page], meta, tapes);
    // the second row's description fits no product near the number: unknown stays null
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['70-1040', 10],
      [null, 10],
    ]);
    expect(d.warnings.join('\n')).toMatch(/line 1: article '4703040' not recognised; chose 70-1040/);
  });
  it('takes the neighbour one digit away whose catalog price the row prints', () => {
    const drills: MasterData = {
      ...master,
      products: [
        { sku: '204.118.06', description: 'Spiralbohrer HSS-G 6.0 mm', unit: 'Stk', price: 4.8, gtin: null },
        { sku: '204.118.08', description: 'Spiralbohrer HSS-G 8.0 mm', unit: 'Stk', price: 6.9, gtin: null },
      ],
    };
    const page = pageFromRows([
      'Art.-Nr.       Bezeichnung                    Menge   Preis',
      '204.118.08     Spiralbohrer HSS-G 6.0 mm      2       4.80',
      '204.118.08     Spiralbohrer HSS-G 6.0 mm      3       6.90',
      '204.118.08     Spiralbohrer HSS-G 6.0 mm      4',
      // (the price's decimal mark lost: "480" is 4.80)
      '204.118.08     Spiralbohrer HSS-G 6.0 mm      5       480',
    ]);
    const d = extractDraft([page], meta, drills);
    // the 6 misread as 8: price and size are 204.118.06's (also the price without its decimal
    // mark), or the size alone where no price stands; where the price is 204.118.08's, the number
    // as read stands
    expect(d.lines.map((l) => l.sku)).toEqual(['204.118.06', '204.118.08', '204.118.06', '204.118.06']);
    expect(d.lines[2]!.confidence).toBeLessThanOrEqual(0.6);
    expect(d.warnings.join('\n')).toMatch(/line 1: article read as 204.118.08, but .* fit 204.118.06/);
  });
  // Regression (s6200 0023): "0003318 Abdockband Maler 38 wm x 50 m! 12 Rollen", the 9 read as 8,
  // stood as 0003318 (a Gewebeklebeband) at 0.82
  it('takes the neighbour one digit away that the description names far better, flagged; on a typed page it only flags', () => {
    const tapes: MasterData = {
      ...master,
      products: [
        {
          sku: '0003318',
          description: 'Gewebeklebeband silber 50 mm x 50 m',
          unit: 'Rolle',
          price: 9.8,
          gtin: null,
        },
        {
          sku: '0003319',
          description: 'Abdeckband Maler 38 mm x 50 m',
          unit: 'Rolle',
          price: 4.6,
          gtin: null,
        },
      ],
    };
    const rows = [
      'Art.-Nr.     Bezeichnung                      Menge',
      '0003318      Abdockband Maler 38 wm x 50 m    12',
      '0003318      Gewebeklebeband silber 50 mm     4',
    ];
    const scanned = extractDraft([pageFromRows(rows)], meta, tapes);
    expect(scanned.lines.map((l) => `${l.sku}|${l.quantity}`)).toEqual(['0003319|12', '0003318|4']);
    expect(scanned.lines[0]!.confidence).toBeLessThanOrEqual(0.6);
    expect(scanned.lines[1]!.confidence).toBeGreaterThanOrEqual(0.8);
    // typed: the number is what the customer wrote; the contradiction is the clerk's to settle
    const typed = extractDraft(
      [
        {
          ...pageFromRows(rows),
          source: 'text-layer',
          words: pageFromRows(rows).words.map((w) => ({ ...w, conf: 1 })),
        },
      ],
      meta,
      tapes,
    );
    expect(typed.lines.map((l) => `${l.sku}|${l.quantity}`)).toEqual(['0003318|12', '0003318|4']);
    expect(typed.lines[0]!.confidence).toBeLessThanOrEqual(0.6);
    expect(typed.warnings.join('\n')).toMatch(/line 1: article 0003318, but its description fits 0003319/);
  });
});

describe('letter lines', () => {
  it('takes the number set apart at the end of the line over figures inside the description', () => {
    const page = pageFromRows([
      'Sehr geehrte Damen und Herren, wir bestellen:',
      '10-4711 Senkkopfschraube 84120 verzinkt            20 th',
      '20-1772 Holzbohrer 8 mm                             5 Stk',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 20],
      ['20-1772', 5],
    ]);
  });
  it('joins an article number OCR split at its own separator, also when it then needs a fuzzy match', () => {
    const page = pageFromRows([
      'Please deliver:',
      '4 rolls Kabelbinder schwarz 200 mm (item AB- 1O20X)',
      '2 pcs Holzbohrer 8 mm (item 20 .1772)',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['AB-1020X', 4],
      ['20-1772', 2],
    ]);
  });
});

describe('columns taken from the rows', () => {
  // s600 0001, a photo-mode fax: "Unité" read as "una", "Prix unitaire | Prix total | Quantité" as
  // one garbled label; the quantity label stood over the units and the quantities under a price
  const garbled = [
    'Ref   N° article   una       Désignation               Pri unitalre  patate  Quebits',
    '1     10-4711      pièces    Senkkopfschraube M4x20    9.50          19.0O   2',
    '2     20-1772      pièces    Holzbohrer 8 mm           4.1O          1640    4',
    '3     0001550      paires    Knieschoner Gel           l8.40         55.20   3',
  ];

  it('takes the one column of whole numbers for the quantity when words stand under its label', () => {
    const d = extractDraft([pageFromRows(garbled)], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit])).toEqual([
      ['10-4711', 2, 'Stk'],
      ['20-1772', 4, 'Stk'],
      ['0001550', 3, 'Paar'],
    ]);
  });

  // s700 0021: "Unit price" read "Urlit price", "Qty" read "Qu,": the unknown "Urlit" was taken for
  // the lost quantity label, over the prices
  it('takes the one column of whole numbers for the quantity when prices stand under its label', () => {
    const page = pageFromRows([
      'Item no.    Urlit price   Qu,    Description                 Unit     Amount',
      '20-1772     4.10          4      Holzbohrer 8 mm             pcs      16.40',
      'AB-1020X    0.20          12     Kabelbinder schwarz 200 mm  pcs      2.40',
      '0001550     18.40         3      Knieschoner Gel             pairs    55.20',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([
      ['20-1772', 4, 4.1],
      ['AB-1020X', 12, 0.2],
      ['0001550', 3, 18.4],
    ]);
    expect(d.warnings.join('\n')).not.toMatch(/quantity/);
  });

  // s6200 0035: "Total HT" read as "HY ota] HT", and "ota" folds to "qta": a second quantity
  // label over the line totals, so no total confirmed a count or stood in for one that did not read
  it('takes a second quantity label right of the price, over amounts with cents, for the total', () => {
    const page = pageFromRows([
      'Réf.  N° article   Désignation               Quantité   Unité    Prix unitaire   HY ota]',
      '1     10-4711      Senkkopfschraube M4x20    2          pièces   9,50            19,00',
      '2     20-1772      Holzbohrer 8 mm           #          pièces   4,10            82,00',
      '3     0001550      Knieschoner Gel           3          paires   18,40           55,20',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([
      ['10-4711', 2, 9.5],
      ['20-1772', 20, 4.1],
      ['0001550', 3, 18.4],
    ]);
    expect(d.warnings.join('\n')).toMatch(/line 2: quantity unreadable; 20 computed from total ÷ price/);
  });

  // s8300 0019: a form row whose count did not read and whose total read "9.6C" was dropped as
  // not ordered, and the draft stood at 0.92
  // s7600 0012: neither row's count read, and the second row's amount read "sbé00": it was dropped
  // as an empty form row, without a word
  it('keeps a row of a known article whose count did not read and whose amount OCR garbled', () => {
    const page = pageFromRows([
      'Pos.  Art.-Nr.    Bezeichnung             Menge   Preis     Betrag',
      '1     10-4711     Senkkopfschraube M4x20  “0      9.50      95.00',
      '2     20-1772     Holzbohrer 8 mm         an      4.10      sbé00',
      '3     AB-1020X    Kabelbinder schwarz             0.20',
      'Meilleures salutations',
    ]);
    const d = extractDraft([page], meta, master);
    // (an empty cell, as on a form's row nobody ordered, is no such sign)
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 10],
      ['20-1772', null],
    ]);
    expect(d.confidence).toBe(0);
    // a thousands apostrophe read as a degree sign (s6400 0019)
    expect(cellNumber('1°512,00')).toBe("1'512,00");
  });
  // s11200 0028: "1127-5081 Schrautszwinye 300x120 … 5RB.00", its count lost, in an order whose
  // other rows all read: the row was gone without a word
  it('keeps a row whose article number and amount OCR both garbled, in a table of counted rows', () => {
    const page = pageFromRows([
      'Pos.  Art.-Nr.    Bezeichnung             Menge   Preis     Betrag',
      '1     10-4711     Senkkopfschraube M4x20  10      9.50      95.00',
      '2     1127-5Q81   Holzbohrer 8 mm                 4.10      5RB.00',
      '3     AB-1020X    Kabelbinder schwarz     100     0.20      20.00',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 10],
      ['20-1772', null],
      ['AB-1020X', 100],
    ]);
    expect(d.warnings.join('\n')).toMatch(/line 2: quantity not found/);
    expect(d.confidence).toBe(0);
  });
  // s9900 0030: page 2 repeated the column labels, and with half of its rows filled in, its empty
  // rows became lines without a count
  it('counts a form continued under the same labels on the next page as one form', () => {
    const head = 'Art.-Nr.     Bezeichnung                 ME     Preis   Menge';
    const p1 = pageFromRows([
      head,
      '10-4711      Senkkopfschraube M4x20      Pack   9.50',
      'AB-1020X     Kabelbinder schwarz         Stk    0.20',
      '0001550      Knieschoner Gel             Paar   18.40   2',
      'Suite à la page 2',
    ]);
    const p2 = pageFromRows(
      [
        head,
        '20-1772      Holzbohrer 8 mm             Stk    4.10    5',
        '10-4717      Senkkopfschraube M4x25      Pack   9.40',
      ],
      2,
    );
    const d = extractDraft([p1, p2], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['0001550', 2],
      ['20-1772', 5],
    ]);
  });
  // s9700 0002: the "2" of "Seite 2" stood in the amount column of the last row of page 1, and an
  // empty form row became an order line
  it('reads a note that the table goes on on the next page as neither a row nor its end', () => {
    const p1 = pageFromRows([
      'Betrag      Einheit  Bezeichnung                Preis   Menge  Art.-Nr.',
      '            Stk      Holzbohrer 8 mm            4.10           20-1772',
      '            Paar     Knieschoner Gel            18.40          0001550',
      'Fortsetzung auf Seite 2',
    ]);
    const p2 = pageFromRows(
      [
        'Bestellformular CMD-56477                     Seite 2 von 2',
        '            Stk      Kabelbinder schwarz        0.20           AB-1020X',
        '95.00       Pack     Senkkopfschraube M4x20     9.50    10     10-4711',
      ],
      2,
    );
    const d = extractDraft([p1, p2], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['10-4711', 10]]);
  });
  // s9200 0012: "Kartons|" (a ruling after the unit) was no unit, so 224.00 ÷ 5.60 counted 40
  // pieces where 4 cartons of 10 were ordered
  it('reads a unit with a ruling after it, and counts its cartons by the total', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung               Menge   Einheit             Preis    Betrag',
      '20-1772      Holzbohrer 8 mm           4       Kartons| & 10 Stk   4.10     164.00',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit])).toEqual([['20-1772', 4, 'Karton']]);
  });
  it('reads an amount with a digit read as the letter it resembles ("9.6C", "l8.40")', () => {
    const page = pageFromRows([
      'Art.-Nr.   Bezeichnung              Menge   Preis    Betrag',
      '10-4711    Senkkopfschraube M4x20           9.50',
      '20-1772    Holzbohrer 8 mm          na      4.10     41.0C',
      'AB-1020X   Kabelbinder schwarz              0.20',
      '0001550    Knieschoner Gel          2       l8.40    36.80',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([
      ['20-1772', 10, 4.1],
      ['0001550', 2, 18.4],
    ]);
    expect(d.warnings.join('\n')).toMatch(/line 1: quantity unreadable; 10 computed from total ÷ price/);
    // a low quote a speck made before an amount (s9300 0035: the row "Pack à B paduéts 5,90
    // ‚47,20" was dropped as not ordered)
    expect(cellNumber('‚47,20')).toBe('47,20');
    expect(cellNumber('«12.50')).toBe('12.50');
    // (words and counts stay what they are)
    expect(cellNumber('Stk')).toBe('Stk');
    expect(cellNumber('lO')).toBe('lO');
  });

  // s8100 0004: "Bremsenreiniger … 1 "8 | 234.00", the count read unsurely and the price lost: the
  // amount is 5 of the catalog's 46.80
  it('takes the count the catalog price makes the amount with, when the count read unsurely and the price not', () => {
    const rows = (amount: string) =>
      pageFromRows([
        'Art.-Nr.   Bezeichnung              Menge   Preis    Betrag',
        `0001550    Knieschoner Gel          8                ${amount}`,
        '20-1772    Holzbohrer 8 mm          5       4.10     20.50',
      ]);
    const page = rows('92.00');
    page.words.find((w) => w.text === '8')!.conf = 0.45;
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['0001550', 5],
      ['20-1772', 5],
    ]);
    expect(d.warnings.join('\n')).toMatch(
      /line 1: quantity read unsurely as 8, but the line amount 92 ÷ the catalog price 18.4 = 5; took 5/,
    );
    expect(d.lines[0]!.confidence).toBeLessThan(0.8);
    // (a count read surely stays; so does one beside the price read into the amount's column,
    // "1840" for 18.40)
    expect(extractDraft([rows('92.00')], meta, master).lines[0]!.quantity).toBe(8);
    const price = rows('1840');
    price.words.find((w) => w.text === '8')!.conf = 0.45;
    expect(extractDraft([price], meta, master).lines[0]!.quantity).toBe(8);
  });

  // s10700 0009, s8400 0021: "pezzo 480 … Spiralbohrer 6.0 mm", the price 4.80 in the count's place
  it('takes no catalog price without its decimal mark for a count', () => {
    const rows = (row: string) =>
      pageFromRows(['Art.-Nr.   Bezeichnung              Menge   Einheit   Betrag', row]);
    const d = extractDraft([rows('20-1772    Holzbohrer 8 mm          410     Stk')], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['20-1772', null]]);
    expect(d.warnings.join('\n')).toMatch(/line 1: 410 is the catalog price 4.1 without its decimal mark/);
    // a total that 410 of them make says it is a count
    const counted = extractDraft(
      [rows('20-1772    Holzbohrer 8 mm          410     Stk       1681.00')],
      meta,
      master,
    );
    expect(counted.lines[0]!.quantity).toBe(410);
  });

  // s11800 0032: "pair 380 … 3,80": the count lost, the contract price 3.80 (the catalog's 3.90
  // less a discount) without its decimal mark
  it('reads a contract price without its decimal mark that the total is a whole number of', () => {
    const rows = (price: string, total: string) =>
      pageFromRows([
        'Art.-Nr.   Bezeichnung              Menge   Preis    Betrag',
        `0001550    Knieschoner Gel          paar    ${price.padEnd(9)}${total}`,
        '20-1772    Holzbohrer 8 mm          5       4.10     20.50',
      ]);
    const d = extractDraft([rows('1790', '35.80')], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([
      ['0001550', 2, 17.9],
      ['20-1772', 5, 4.1],
    ]);
    expect(d.warnings.join('\n')).toMatch(/line 1: quantity unreadable; 2 computed from total ÷ price/);
    // not a price far below the catalog's, nor one the total is no whole number of
    expect(extractDraft([rows('1190', '23.80')], meta, master).lines[0]!.quantity).toBeNull();
    expect(extractDraft([rows('1790', '35.90')], meta, master).lines[0]!.quantity).toBeNull();
  });

  // s11900 0036: "Stretchfolie … 1 | 18.23 | 56.7": count and price misread, the total 3 × 18.90
  it('takes the count the catalog price makes the total with, when the printed price is the catalog’s misread', () => {
    const rows = (price: string, total: string) =>
      pageFromRows([
        'Art.-Nr.   Bezeichnung              Menge   Preis    Betrag',
        `0001550    Knieschoner Gel          1       ${price.padEnd(9)}${total}`,
        '20-1772    Holzbohrer 8 mm          5       4.10     20.50',
      ]);
    const d = extractDraft([rows('18.23', '55.20')], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['0001550', 3],
      ['20-1772', 5],
    ]);
    expect(d.warnings.join('\n')).toMatch(
      /line 1: quantity 1 × price 18.23 ≠ total 55.2, but the total ÷ the catalog price 18.4 = 3; took 3 \(the price misread\)/,
    );
    expect(d.lines[0]!.confidence).toBeLessThan(0.8);
    // a price far from the catalog's is no misreading of it; one that makes the total (a contract
    // price) counts as printed
    expect(extractDraft([rows('16.00', '55.20')], meta, master).lines[0]!.quantity).toBe(1);
    expect(extractDraft([rows('18.23', '54.69')], meta, master).lines[0]!.quantity).toBe(3);
  });

  // (the same fax: "20- pièces", a dash after the count; and the Swiss "19.–" for a price)
  it('reads a count or an amount with a dash after it', () => {
    const page = pageFromRows([
      'Art.-Nr.   Bezeichnung              Menge   Einheit   Preis    Betrag',
      '10-4711    Senkkopfschraube M4x20   2       Pack      9.50     19.–',
      '20-1772    Holzbohrer 8 mm          20-     Stk       4.10     82.00',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 2],
      ['20-1772', 20],
    ]);
    expect(d.warnings.join('\n')).not.toMatch(/quantity|total/);
  });

  // s7500 0007: "Quantità" and "Prezzo" read as "iguana" and "Pras": "Pras" was taken for the lost
  // quantity label, the counts stood in the article column's reach, and prices became counts
  it('finds the counts in the article column, right of the article numbers, when the quantity label went to the prices', () => {
    const page = pageFromRows([
      'Codice articolo   iguana   Pras    Descrizione                  Totale',
      '0001550 -         2        18.40   Knieschoner Gel              36.80',
      '10-4711                    9.50    Senkkopfschraube M4x20',
      '20-1772           5        4.10    Holzbohrer 8 mm              20.50',
      'AB-1020X                   0.20    Kabelbinder schwarz 200 mm',
      '0001551                    32.00   Knieschoner Gel XL',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['0001550', 2],
      ['20-1772', 5],
    ]);
  });

  it('leaves the header alone when figures stand under the quantity label', () => {
    const page = pageFromRows([
      'Art.-Nr.   Bezeichnung              Menge   Einheit   Preis    Betrag   Rabatt',
      '10-4711    Senkkopfschraube M4x20   2       Pack      9.50     19.00    0',
      '20-1772    Holzbohrer 8 mm          4       Stk       4.10     16.40    5',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 2],
      ['20-1772', 4],
    ]);
  });

  it('leaves it alone when the whole numbers are not one column', () => {
    // two columns of whole numbers: which one is the quantity the rows cannot say
    const two = garbled.map((r, i) => (i === 0 ? `${r}  Lager` : `${r}  ${[12, 7, 30][i - 1]}`));
    const d = extractDraft([pageFromRows(two)], meta, master);
    // (no count is read from either column; what counts there are, total ÷ price made)
    for (const n of [1, 2, 3])
      expect(d.warnings.join('\n')).toMatch(new RegExp(`line ${n}: quantity unreadable`));
  });
});

describe('quantity × price = total that no whole quantity explains', () => {
  it('flags a quantity when the three figures disagree and the total is no misreading', () => {
    // 28 × 24.50 = 686.00, printed total 1'122.50: one of them is misread, nobody knows which
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung             Menge   Preis   Total',
      '1     20-1772      Holzbohrer 8 mm         28      4.10    1122.50',
      '2     0001550      Knieschoner Gel         3       18.40   55.20',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 28],
      ['0001550', 3],
    ]);
    expect(d.warnings.join('\n')).toMatch(/line 1: quantity 28 × price 4.1 ≠ total 1122.5/);
    expect(d.lines[0]!.confidence).toBeLessThanOrEqual(0.5);
    expect(d.lines[1]!.confidence).toBeGreaterThan(0.8);
  });

  it('does not flag the quantity when the total only lost digits or had one misread', () => {
    const page = pageFromRows([
      'Pos   Art.-Nr.     Bezeichnung             Menge   Preis   Total',
      '1     20-1772      Holzbohrer 8 mm         40      4.10    64.00',
      '2     0001550      Knieschoner Gel         3       18.40   55.90',
    ]);
    // 40 × 4.10 = 164.00 read as "64.00"; 3 × 18.40 = 55.20 read as "55.90"
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 40],
      ['0001550', 3],
    ]);
    expect(d.warnings.join('\n')).not.toMatch(/≠ total/);
    for (const l of d.lines) expect(l.confidence).toBeGreaterThan(0.8);
  });
});

// Regression (s3000 0001, 0035: order forms in Courier): the description ran on past the border to
// the quantity column, its words a cell apart, and unordered rows took "Gr. 9" or "500 mm x 300" for
// their quantity
describe('a description in a wide typeface running on towards the quantity label', () => {
  const courier: MasterData = {
    products: [
      { sku: '0001547', description: 'Arbeitshandschuh Nitril Gr. 9', unit: 'Paar', price: 3.9, gtin: null },
      { sku: '0005231', description: 'Kupferrohr 18x1 mm', unit: 'm', price: 14.2, gtin: null },
      {
        sku: '0003402',
        description: 'Stretchfolie transparent 500 mm x 300 m',
        unit: 'Rolle',
        price: 18.9,
        gtin: null,
      },
    ],
    customers: [],
    customerSkus: [],
  };
  const page = pageFromRows([
    'Line  Item no.   Description                                         Qty    Unit     Unit price',
    '1     0001547    Arbeitshandschuh   Nitril   Gr.   9                          pair     3.90',
    '2     0005231    Kupferrohr   18x1   mm                                3      metres   14.20',
    '3     0003402    Stretchfolie   transparent   500   mm   x   300             roll     18.90',
  ]);
  it('keeps its figures in the description: only the row with a quantity under the label is ordered', () => {
    const d = extractDraft([page], meta, courier);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['0005231', 3]]);
  });
  it('keeps them there before a total column too, whose amounts stay totals', () => {
    // a form: rows 1 and 3 not filled in; "9" and "300" are no line totals of theirs
    const form = pageFromRows([
      'Line  Item no.   Unit price  Description                                        Amount    Qty   Unit',
      '1     0001547    3.90        Arbeitshandschuh   Nitril   Gr.   9                                pair',
      '2     0005231    14.20       Kupferrohr   18x1   mm                             42.60     3     metres',
      '3     0003402    18.90       Stretchfolie   transparent   500   mm   x   300                    roll',
    ]);
    const d = extractDraft([form], meta, courier);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['0005231', 3]]);
  });
});

describe('a quantity label no vocabulary knows', () => {
  it('is the header word standing over whole numbers ("Qiy" for "Qty")', () => {
    // s600 0027: the quantity column left of the article, its label misread
    const page = pageFromRows([
      'Line  Qiy   Item no.    Amount    Unit price   Description',
      '1     2     20-1772     8.20      4.10         Holzbohrer 8 mm',
      '2     12    AB-1020X    2.40      0.20         Kabelbinder schwarz 200 mm',
      '3     3     0001550     55.20     18.40        Knieschoner Gel',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 2],
      ['AB-1020X', 12],
      ['0001550', 3],
    ]);
  });
});

describe('two tables side by side', () => {
  // a pre-printed form listing its articles in two halves under one repeated header line
  const form = [
    'Bestellformular',
    'Art.-Nr.   Bezeichnung              Menge      Art.-Nr.   Bezeichnung              Menge',
    '10-4711    Senkkopfschraube M4x20   5          20-1772    Holzbohrer 8 mm                 ',
    'AB-1020X   Kabelbinder 200 mm                  0001550    Knieschoner Gel          3      ',
    '55-0001    Mutter M4                           55-0003    Scheibe M5                      ',
    '55-0002    Federring M4                        55-0004    Scheibe M6                      ',
  ];

  it('reads each half as a table of its own: every article with its own quantity', () => {
    const d = extractDraft([pageFromRows(form)], meta, master);
    // (the left half first; rows without a quantity are not ordered on a form)
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 5],
      ['0001550', 3],
    ]);
  });

  it('keeps a table whose labels do not repeat as one table', () => {
    const one = pageFromRows([
      'Art.-Nr.   Bezeichnung              Menge   Preis    Betrag',
      '10-4711    Senkkopfschraube M4x20   2       9.50     19.00',
      '20-1772    Holzbohrer 8 mm          4       4.10     16.40',
    ]);
    expect(extractDraft([one], meta, master).lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 2],
      ['20-1772', 4],
    ]);
  });
});

describe('an unknown header word over the rows positions', () => {
  it('is no quantity label: 1, 2, 3 are the rows positions', () => {
    // two header words no vocabulary knows, both over whole numbers: the counting one is the
    // position, the other one ("Qiy") the quantity
    const page = pageFromRows([
      'Zle   Qiy   Art.-Nr.    Bezeichnung                 Preis',
      '1     2     20-1772     Holzbohrer 8 mm             4.10',
      '2     12    AB-1020X    Kabelbinder schwarz 200 mm  0.20',
      '3     3     0001550     Knieschoner Gel             18.40',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 2],
      ['AB-1020X', 12],
      ['0001550', 3],
    ]);
  });
});

describe('a header whose left labels OCR lost', () => {
  it('takes the positions, article numbers and descriptions from how the rows are aligned', () => {
    const page = pageFromRows([
      '                                            Menge   Einheit   Preis',
      '1     20-1772     Holzbohrer 8 mm           4       Stk       4.10',
      '2     AB-1020X    Kabelbinder schwarz       12      Stk       0.20',
      '3     0001550     Knieschoner Gel           3       Paar      18.40',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit])).toEqual([
      ['20-1772', 4, 'Stk'],
      ['AB-1020X', 12, 'Stk'],
      ['0001550', 3, 'Paar'],
    ]);
  });
});

describe('a label alone under the header', () => {
  // s11900 0012: "Totale" read a second time on a line of its own under the header ended the table
  // before its first row
  it('is the header’s own second line, not the totals row that ends the table', () => {
    const page = (under: string) =>
      pageFromRows([
        'Pos   Art.-Nr.     Bezeichnung             Menge   Preis   Totale',
        under,
        '1     20-1772      Holzbohrer 8 mm         5       4.10    20.50',
        '2     0001550      Knieschoner Gel         2       18.40   36.80',
        'Totale                                                     57.30',
        '3     10-4711      Senkkopfschraube M4x20  3       9.50    28.50',
      ]);
    const d = extractDraft(
      [page('                                                           Totale')],
      meta,
      master,
    );
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['0001550', 2],
    ]);
  });
});

describe('an amount label OCR read as an article label', () => {
  // s11900 0004: "Ammnt Hem no. Qty Unit Unit price Description": the totals stood under an article
  // label, and a row whose count was lost could not be counted from its total
  it('is the line totals’ column when amounts with cents stand under it', () => {
    const page = pageFromRows([
      'Ammnt    Hem no.    Qty   Unit    Unit price   Description',
      '41.00    20-1772    10    pcs     4.10         Holzbohrer 8 mm',
      '36.80    0001550    2     pairs   18.40        Knieschoner Gel',
      '9.50     10-4711          pack    9.50         Senkkopfschraube M4x20',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 10],
      ['0001550', 2],
      ['10-4711', 1],
    ]);
    expect(d.warnings.join('\n')).toMatch(/line 3: quantity unreadable; 1 computed from total ÷ price/);
  });
});

describe('a description label OCR lost, at the left of a header whose article label read', () => {
  // s11800 0018: "Des: Prezza Unità Totale Quantità Codice articolo": the descriptions fell into
  // the price column, and a row whose article number was garbled went into the row above
  it('takes the description column from how the rows are aligned', () => {
    const page = pageFromRows([
      'Des:                       Prezzo   Unità    Totale   Quantità   Codice articolo',
      'Holzbohrer 8 mm            4.10     pezzi    20.50    5          20-1772',
      'Knieschoner Gel            18.40    paia     36.80    2          (on TO',
      'Senkkopfschraube M4x20     9.50     pacchi   28.50    3          10-4711',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['0001550', 2],
      ['10-4711', 3],
    ]);
  });
});

describe('several articles in one sentence', () => {
  it('gives each the count on its side of the "und" / "and" / comma between them', () => {
    const rows = (line: string) => pageFromRows(['Guten Tag', line, 'Freundliche Grüsse']);
    const lines = (line: string) =>
      extractDraft([rows(line)], { ...meta, channel: 'email' }, master).lines.map((l) => [l.sku, l.quantity]);
    expect(lines('bitte senden Sie 12 20-1772 und 1 Pack 10-4711.')).toEqual([
      ['20-1772', 12],
      ['10-4711', 1],
    ]);
    expect(lines('Wir benötigen 10-4711 (2 Pack) sowie 20-1772 (5 Stück).')).toEqual([
      ['10-4711', 2],
      ['20-1772', 5],
    ]);
    expect(lines('please send twelve 20-1772 and one pack of 10-4711')).toEqual([
      ['20-1772', 12],
      ['10-4711', 1],
    ]);
    expect(lines('merci de livrer deux paquets de 10-4711, dix pièces 20-1772')).toEqual([
      ['10-4711', 2],
      ['20-1772', 10],
    ]);
  });
});

describe('products named by their description in running text', () => {
  const withDrills: MasterData = {
    ...master,
    products: [
      ...master.products,
      { sku: '20-1773', description: 'Holzbohrer 10 mm', unit: 'Stk', price: 4.9, gtin: null },
    ],
  };
  const lines = (...rows: string[]) =>
    extractDraft([pageFromRows(rows)], { ...meta, channel: 'email' }, withDrills).lines.map((l) => [
      l.sku,
      l.quantity,
      l.unit,
      l.matchedBy,
    ]);

  it('takes a firm count followed by a description that names one product clearly', () => {
    expect(lines('Guten Tag', 'wir bestellen 20 Stück Holzbohrer 8 mm und 3 Paar Knieschoner Gel.')).toEqual([
      ['20-1772', 20, 'Stk', 'description'],
      ['0001550', 3, 'Paar', 'description'],
    ]);
    expect(lines('Bitte liefern: 1x Holzbohrer 10 mm, 2x Knieschoner')).toEqual([
      ['20-1773', 1, 'Stk', 'description'],
      ['0001550', 2, 'Paar', 'description'],
    ]);
  });

  it('takes nothing when the description fits two products, or none, or the count is loose', () => {
    // 8 or 10 mm: the clerk must choose, no guess
    expect(lines('Bitte 5 Stk Holzbohrer liefern')).toEqual([]);
    expect(lines('Seiten: 3 inkl. Deckblatt', 'Wir danken für die gute Zusammenarbeit')).toEqual([]);
    expect(lines('wir haben 2 Fragen zu Ihrer Rechnung über Holzbohrer 8 mm')).toEqual([]);
  });

  // dev 0007: "(item it) 6228)" for 10-6228
  it('takes a description two products fit when what is left of its article number confirms one', () => {
    expect(lines('1 pk Holzbohrer mm (item it) 1773)')).toEqual([['20-1773', 1, 'Pack', 'description']]);
    // remains like neither number, or like another product than the description names: no guess
    expect(lines('1 pk Holzbohrer mm (item it) 5508)')).toEqual([]);
    expect(lines('1 pk Holzbohrer mm (item it) 1550)')).toEqual([]);
  });

  it('says so in a warning, with less than full confidence', () => {
    const d = extractDraft(
      [pageFromRows(['wir bestellen 20 Stück Holzbohrer 8 mm'])],
      { ...meta, channel: 'email' },
      withDrills,
    );
    expect(d.warnings.join('\n')).toMatch(/chose 20-1772 by its description/);
    expect(d.lines[0]!.confidence).toBeLessThan(0.8);
  });
});

describe('a quantity on a line of its own in running text', () => {
  const lines = (...rows: string[]) =>
    extractDraft([pageFromRows(rows)], { ...meta, channel: 'email' }, master).lines.map((l) => [
      l.sku,
      l.quantity,
    ]);

  it('is taken from the line above or below the article, each line once', () => {
    expect(
      lines(
        'Position 1:',
        '20 Stk',
        '10-4711 Senkkopfschraube',
        'Position 2:',
        '5 Stk',
        '20-1772 Holzbohrer',
      ),
    ).toEqual([
      ['10-4711', 20],
      ['20-1772', 5],
    ]);
    expect(lines('10-4711 Senkkopfschraube', '20 Stk', '20-1772 Holzbohrer', '5 Stk')).toEqual([
      ['10-4711', 20],
      ['20-1772', 5],
    ]);
  });

  it('is taken from a labelled line a few lines below, before the next article', () => {
    expect(lines('Artikel-Nr.: 10-4711', 'Bezeichnung: Senkkopfschraube', 'Menge: 20 Pack')).toEqual([
      ['10-4711', 20],
    ]);
    // the next article's quantity is not this one's
    expect(
      lines('Artikel-Nr.: 10-4711', 'Bezeichnung: Senkkopfschraube', 'Artikel-Nr.: 20-1772', 'Menge: 5'),
    ).toEqual([
      ['10-4711', null],
      ['20-1772', 5],
    ]);
  });
});

describe('rows whose labels and article numbers OCR garbled', () => {
  // s800 0005: "Bezeichnung" read "Bözeichtung", the customer's article numbers garbled, a speck
  // after a position; the rows ran together into the first one, and an article text like none of
  // the catalog's outweighed a description read with two misread letters
  it('are rows of their own, named by description and figures', () => {
    const page = pageFromRows([
      'Pos,  Preis   Bözeichtung                  Binheit   Betrag   Mange   Unsere Art.-Nr.',
      '1     4.10    Holzbohrer 8 mm              Stk       16.40    4       MAB332',
      "2'    18.40   Kniesch0ner 6el              Paar      55.20    3       MARA43",
      '3     0.20    Kabelbinder schwarz 200 mm   Stk       2.40     12      MATOTA',
      '„4    9.50    Senkkopfschraube M4x20       Pack      19.00    2       MAT0TB',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 4],
      ['0001550', 3],
      ['AB-1020X', 12],
      ['10-4711', 2],
    ]);
    // chosen by description, and said so
    expect(d.warnings.join('\n')).toMatch(/article 'MARA43' not recognised; chose 0001550 by description/);
  });

  // s1400 0031: a form whose written-in quantity OCR read a little low, on a line of its own, in a
  // row whose article number did not read; the quantity went to the row above
  it('take a quantity that sits a little low as their own', () => {
    const page = pageFromRows([
      'Menge   Bezeichnung                  Art.-Nr.     Preis    Einheit',
      '        Holzbohrer 8 mm              20-1772      4.10     Stk',
      '        Knieschoner Gel              QX-#?!       18.40    Paar',
      '        Kabelbinder schwarz 200 mm   AB-1020X     0.20     Stk',
    ]);
    page.words.push({ text: '3', box: [100, 296, 12, 24], conf: 0.9 });
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['0001550', 3]]);
    expect(d.warnings.join('\n')).toMatch(/chose 0001550 by its description/);
  });
});

describe('a table row read as running text (its header did not read)', () => {
  it('takes the count from its price and line total when none is read', () => {
    const page = pageFromRows([
      'Réf, N° article Bésignaton {aire Hole WT',
      '3   0001550   Knieschoner Gel   Paire à 2 Pas   18.40   55,20',
    ]);
    const d = extractDraft([page], { ...meta, channel: 'email' }, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([['0001550', 3, 18.4]]);
  });
});

describe('a quantity label with no price or total labels right of it', () => {
  it('takes the numbers under the label, not the amounts further right', () => {
    // "Prix unitaire" and "Total" lost to OCR: every figure right of "Quantité" falls into its
    // column, and two quantities carry a speck ("2]", "3'"); the totals stand aligned in all rows
    const page = pageFromRows([
      'Réf.  N° article  Désignation                  Quantité  1',
      '1     20-1772     Holzbohrer 8 mm              12        pièces    4.10   49.20',
      '2     AB-1020X    Kabelbinder schwarz 200 mm   2]        pièces    0.20    0.40',
      "3     0001550     Knieschoner Gel              3'        paires   18.40   55.20",
      '4     10-4711     Senkkopfschraube M4x20       5         paquets   9.50   47.50',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 12],
      ['AB-1020X', 2],
      ['0001550', 3],
      ['10-4711', 5],
    ]);
  });
});

describe('a form whose quantity label OCR lost', () => {
  it('takes no position number for a count ("1 | carton" on a row nobody ordered)', () => {
    const page = pageFromRows([
      'Line   Amount   Unit      Qu    Item no.    Description                   Unit price',
      '1               pack            20-1772     Holzbohrer 8 mm               4.10',
      '2      19.00    pack      2     10-4711     Senkkopfschraube M4x20        9.50',
      '3               pair            0001550     Knieschoner Gel               18.40',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['10-4711', 2]]);
  });
});

describe('a description label cut short', () => {
  it('reads "Descrip" as the description column, so its words are no figures', () => {
    const kinds = (row: string) => header(row)?.columns.map((c) => c.kind);
    expect(kinds('Qty   price   Amount   Descrip            Unit   Item no.')).toEqual([
      'quantity',
      'price',
      'total',
      'description',
      'unit',
      'article',
    ]);
    // rows nobody ordered (a price only) on a form: the "8" of "Holzbohrer 8 mm" is no line total
    const page = pageFromRows([
      'Qty   price   Amount   Descrip                       Unit   Item no.',
      '      4.10             Holzbohrer 8 mm               pce    20-1772',
      '3     9.50    28.50    Senkkopfschraube M4x20        pack   10-4711',
      '      0.20             Kabelbinder schwarz 200 mm    pce    AB-1020X',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['10-4711', 3]]);
  });
});

describe('a table whose quantity and unit labels OCR lost', () => {
  it('takes the amount with cents after a count for the price, not the count', () => {
    // "Quantità Unità" read as "Us ta": count and unit fall under the price label
    const page = pageFromRows([
      'Codice articolo   Descrizione                  Us  ta     Prezzo    Totale',
      '0001550           Knieschoner Gel               8  paia   18.40     147.20',
      '20-1772           Holzbohrer 8 mm              40  ke     4.10      164.00',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([
      ['0001550', 8, 18.4],
      ['20-1772', 40, 4.1],
    ]);
  });
});

describe('a quantity label garbled at its ends, last in the header', () => {
  it('takes the word that keeps four letters of a quantity label for the quantity column', () => {
    const kinds = (row: string) => header(row)?.columns.map((c) => c.kind);
    expect(kinds('Clive articole   Unità   Proven   Descrizione   Totale   antith')).toEqual([
      'article',
      'unit',
      'description',
      'total',
      'quantity',
    ]);
    // a word that is no quantity label stays out
    expect(kinds('Clive articole   Unità   Proven   Descrizione   Totale   Note')).not.toContain('quantity');
    const page = pageFromRows([
      'Clive articole   Unità    Proven   Descrizione                 Totale    antith',
      '20-1772          pezzi    4.10     Holzbohrer 8 mm             20.50     5',
      '0001550          paia     18.40    Knieschoner Gel',
      'AB-1020X         pezzi    0.20     Kabelbinder schwarz 200 mm',
    ]);
    const d = extractDraft([page], meta, master);
    // (a form: the rows nobody ordered are dropped)
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['20-1772', 5]]);
  });
});

describe('a table whose quantity, article and price labels OCR lost', () => {
  it('takes the amount the total is a whole number of for the price, and the count from them', () => {
    const page = pageFromRows([
      'Totale     Descrizione                                 Unità',
      '47.50      Senkkopfschraube M4x20 verzinkt Pa          10-4711    9.50',
      '1.00       Kabelbinder schwarz 200 mm                  AB-1020X   0.20',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([
      ['10-4711', 5, 9.5],
      ['AB-1020X', 5, 0.2],
    ]);
    expect(d.warnings.join('\n')).toMatch(/line 1: quantity unreadable; 5 computed from total ÷ price/);
  });
});

describe('a row whose quantity did not read', () => {
  const rows = (price: string, total: string) =>
    pageFromRows([
      'Art.-Nr.   Bezeichnung                       Menge   Preis    Total',
      `10-4711    Senkkopfschraube M4x20 verzinkt   ¦|~     ${price}   ${total}`,
      '0001550    Knieschoner Gel                   2       18.40    36.80',
    ]);

  it('reads an amount beside specks read as quotes, but not a bare count', () => {
    expect(cellNumber('44.90"')).toBe('44.90');
    expect(cellNumber('“3.90')).toBe('3.90');
    expect(cellNumber("1'122.50”|")).toBe("1'122.50");
    // (a count and a quote may be a speck read as a count)
    expect(cellNumber('2"')).toBe('2"');
  });

  it('counts the prices in the total, also beside specks read as quotes', () => {
    const d = extractDraft([rows('"9.50', '47.50"')], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 5],
      ['0001550', 2],
    ]);
  });

  it('counts them in a total one digit off when the price is the catalog price, and says so', () => {
    // 40 × 9.50 = 380.00, read "386.00"
    const d = extractDraft([rows('9.50', '386.00')], meta, master);
    const line = d.lines.find((l) => l.sku === '10-4711')!;
    expect(line.quantity).toBe(40);
    expect(line.confidence).toBeLessThan(0.6);
    expect(d.warnings.join('\n')).toMatch(
      /line 1: quantity unreadable; 40 computed .*386 read one digit off 380\.00/,
    );
  });

  it('does not count them in such a total when the price is not the catalog price', () => {
    // 9.70 is no catalog price: price or total, either may be misread
    const d = extractDraft([rows('9.70', '386.00')], meta, master);
    expect(d.lines.find((l) => l.sku === '10-4711')?.quantity ?? null).toBeNull();
  });
});

describe('a printed price the catalog price contradicts', () => {
  it('keeps the quantity read when it times the catalog price makes the total', () => {
    // 40 × 9.50 = 380.00: the price "2.00" is misread, not the quantity (380 ÷ 2 = 190)
    const page = pageFromRows([
      'Art.-Nr.   Bezeichnung              Menge   Preis   Total',
      '10-4711    Senkkopfschraube M4x20   40      2.00    380.00',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['10-4711', 40]]);
    expect(d.warnings.join('\n')).toMatch(/line 1: printed price 2 does not make the total 380/);
  });
});

describe('a table whose price and total labels OCR lost', () => {
  it('takes no price for the quantity of a row whose quantity cell is empty', () => {
    // "Prix unitaire" lost and "Total" read as "Motal": every figure right of "Quantité" is in its
    // reach; the quantities stand at one edge, the prices further right
    const page = pageFromRows([
      'N° article   Désignation                  Quantité            Motal HT',
      '20-1772      Holzbohrer 8 mm              3         4.10      12.30',
      '0001550      Knieschoner Gel                        18.40',
      '10-4711      Senkkopfschraube M4x20       5         9.50      47.50',
      'AB-1020X     Kabelbinder schwarz 200 mm             2.20',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 3],
      ['0001550', null],
      ['10-4711', 5],
      ['AB-1020X', null],
    ]);
  });
});

describe('a header whose article label OCR garbled ("ANE")', () => {
  it('takes the column of article numbers from the rows, and a row with amounts of its own as a row', () => {
    const page = pageFromRows([
      'Bezeichnung                  Preis   Menge   Betrag    ANE         Einheit',
      'Holzbohrer 8 mm              4.10    5       20.50     20-1772     Stk',
      // article number and quantity lost: its price and total still make it a row of its own
      'Kabelbinder schwarz 200 mm   0.20            20.00     SOCKET      Stk',
      // descriptions too garbled to name the product: the article numbers decide
      'Se kkopf M4x20               9.50    3       28.50     1O-47l1     Pack',
      'Kn1esch Gl                   18.40   2       36.80     0001550     Paar',
    ]);
    const d = extractDraft([page], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['AB-1020X', 100],
      ['10-4711', 3],
      ['0001550', 2],
    ]);
  });
});

describe("a customer's own number one character from the number read", () => {
  const clamps: MasterData = {
    products: [
      { sku: 'BZ-5081', description: 'Schraubzwinge 300x120 mm', unit: 'Stk', price: 24.5, gtin: null },
      { sku: '0003319', description: 'Abdeckband Maler 38 mm x 50 m', unit: 'Rolle', price: 4.6, gtin: null },
    ],
    customers: [
      {
        id: 'C-9',
        name: 'Elektro Frei AG',
        fax: '+41615553390',
        email: null,
        street: null,
        zip: null,
        city: null,
        country: 'CH',
      },
    ],
    customerSkus: [
      { customerId: 'C-9', customerSku: 'BZ8073', sku: '0003319' },
      { customerId: 'C-9', customerSku: 'BZ7851', sku: 'BZ-5081' },
    ],
  };
  const read = (article: string, description: string, price: string) =>
    extractDraft(
      [
        pageFromRows([
          'Art.-Nr.    Bezeichnung                     Menge   Preis    Total',
          `${article}     ${description}   8       ${price}    196.00`,
        ]),
      ],
      { ...meta, from: '+41615553390' },
      clamps,
    );

  it('gives way to our article the number also nearly is, whose description and price the row has', () => {
    // BZ-5081 read "B2.8083": one digit from the customer's BZ8073 (a roll of tape)
    const d = read('B2.8083', 'Schraubzwinge 300x120 mm      ', '24.50');
    expect(d.lines.map((l) => [l.sku, l.customerSku, l.quantity])).toEqual([['BZ-5081', null, 8]]);
    expect(d.warnings.join('\n')).toMatch(/one character from the customer's number BZ8073 .* took BZ-5081/);
  });

  it('stands when the row is about the product it names', () => {
    const d = read('BZ8O78', 'Abdeckband Maler 38 mm x 50 m ', '4.60');
    expect(d.lines.map((l) => [l.sku, l.customerSku])).toEqual([['0003319', 'BZ8073']]);
  });
});

describe("a customer's number misread into another of theirs", () => {
  const product = (sku: string, description: string, unit: string, price: number) => ({
    sku,
    description,
    unit,
    price,
    gtin: null,
  });
  const master: MasterData = {
    products: [
      product('AB-2050S', 'Akku-Bohrschrauber 18 V ohne Akku', 'Stk', 189),
      product('0001547', 'Arbeitshandschuh Nitril Gr. 9', 'Paar', 3.9),
      product('0001574', 'Arbeitshandschuh Nitril Gr. 10', 'Paar', 3.9),
      product('12-0815', 'Spanplattenschraube Torx 5x60 Karton à 500 Stk', 'Karton', 38.5),
      product('12-0816', 'Spanplattenschraube Torx 5x80 Karton à 500 Stk', 'Karton', 42.0),
    ],
    customers: [
      {
        id: 'C-1',
        name: 'Baumann Metallbau AG',
        fax: '+41445551234',
        email: null,
        street: null,
        zip: null,
        city: null,
        country: 'CH',
      },
    ],
    customerSkus: [
      { customerId: 'C-1', customerSku: 'BM7666', sku: 'AB-2050S' },
      { customerId: 'C-1', customerSku: 'BM7888', sku: '0001547' },
      { customerId: 'C-1', customerSku: 'BM7925', sku: '0001574' },
      { customerId: 'C-1', customerSku: 'BM7259', sku: '12-0815' },
      { customerId: 'C-1', customerSku: 'BM7296', sku: '12-0816' },
    ],
  };
  const read = (row: string) =>
    extractDraft(
      [
        pageFromRows([
          'Nostro codice   Descrizione                          Quantità   Prezzo   Totale',
          row,
        ]),
      ],
      { ...meta, from: '+41445551234' },
      master,
    );

  // s7100 0036: their BM7888 read "BM7666", the number of a cordless drill
  it('is the number whose product the row describes, flagged', () => {
    const d = read('BM7666          Arbeitshandschuh Nitril Gr. 9         1 paio     3.90     3.90');
    expect(d.lines.map((l) => [l.sku, l.customerSku, l.quantity])).toEqual([['0001547', 'BM7888', 1]]);
    expect(d.lines[0]!.confidence).toBeLessThan(0.8);
    expect(d.warnings.join('\n')).toMatch(/'BM7666' reads as the customer's number BM7666 .* took 0001547/);
  });

  it('stands when the row is about its product, or is the number alone', () => {
    for (const row of [
      'BM7666          Akku-Bohrschrauber 18 V ohne Akku    1 pezzo    189.00   189.00',
      'BM7666                                               1 pezzo    189.00   189.00',
    ]) {
      const d = read(row);
      expect(
        d.lines.map((l) => [l.sku, l.customerSku]),
        row,
      ).toEqual([['AB-2050S', 'BM7666']]);
      expect(d.warnings.join('\n')).not.toMatch(/reads as the customer's number/);
    }
  });

  it('is doubted, not changed, when the row describes two of their products alike', () => {
    // s7900 0008: "Spanplattenschraube Torx Sx", its size garbled, under the gloves' number
    const d = read('BM7888          Spanplattenschraube Torx Sx Karton     12 cartoni');
    expect(d.lines.map((l) => l.sku)).toEqual(['0001547']);
    expect(d.lines[0]!.confidence).toBeLessThanOrEqual(0.5);
    expect(d.warnings.join('\n')).toMatch(/describes 12-0815 \(their BM7259\) or 12-0816 \(their BM7296\)/);
  });
});

describe('a price whose decimal point OCR read as a colon', () => {
  it('is that price', () => {
    expect(cellNumber('12:60')).toBe('12.60');
    expect(cellNumber('1250:00|')).toBe('1250.00');
    // (cents are two digits)
    expect(cellNumber('12:6')).toBe('12:6');
  });
});

describe('a price label OCR garbled past reading', () => {
  // s7100 0036: "Prezzo" read "Fresno": the prices fell into the total's column, the totals were lost
  // (words at the columns they stood at on the page)
  const row = (...cells: string[]) =>
    rowAt(...cells.map((c, i) => [[6, 24, 65, 76, 94, 107][i]!, c] as [number, string]));
  const page = (label: string) =>
    pageFromRows([
      row('Art.-Nr.', 'Descrizione', 'Quantità', 'Unità', label, 'Totale'),
      // (totals OCR misread, so that no row's figures agree: 20.50 read 26.50, 36.80 read 38.80)
      row('20-1772', 'Holzbohrer 8 mm', '5', 'pezzi', '4.10', '26.50'),
      row('0001550', 'Knieschoner Gel', '2', 'paia', '18.40', '38.80'),
    ]);

  it('is the price column when amounts with cents stand under it, left of the totals', () => {
    const d = extractDraft([page('Fresno')], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([
      ['20-1772', 5, 4.1],
      ['0001550', 2, 18.4],
    ]);
  });
});

describe('a row of which only the line total read', () => {
  const page = (row: string) =>
    pageFromRows([
      'Art.-Nr.   Bezeichnung                  Menge   Preis    Total',
      '20-1772    Holzbohrer 8 mm              5       4.10     20.50',
      row,
      '0001550    Knieschoner Gel              2       18.40    36.80',
    ]);

  it('is no line, but the clerk is told, and the draft is not touchless', () => {
    const d = extractDraft(
      [page('SOCKET     Kabelbinder schwarz 200 mm   ~       son      500.00')],
      meta,
      master,
    );
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['0001550', 2],
    ]);
    expect(d.warnings.join('\n')).toMatch(/a table row with the line total 500\.00 did not read/);
    expect(d.confidence).toBeLessThan(0.8);
  });

  it('says nothing of a row nobody ordered (no total)', () => {
    const d = extractDraft([page('SOCKET     Kabelbinder schwarz 200 mm            0.20')], meta, master);
    expect(d.warnings.join('\n')).not.toMatch(/did not read/);
  });
});

const page = (...rows: string[]) => pageFromRows(rows);

describe("a document's number style", () => {
  const rows = [
    'Line   Part No.   Description          Qty      UoM   Ext. Price',
    '1      10-4711    Countersunk M4x20    1.200    EA    11.400,00',
    '2      20-1772    Wood drill 8 mm      3        EA        12,30',
    '                               Order total EUR     11.412,30',
  ];
  it('groups thousands of a quantity with the dot where amounts take the decimal comma (text layer)', () => {
    const d = extractDraft([{ ...page(...rows), source: 'text-layer' }], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 1200],
      ['20-1772', 3],
    ]);
  });
  it("on an OCR page, where many a dot reads as a comma, only where the row's total says so", () => {
    // 1200 × 9.50 (the catalog price) = 11.400,00
    const d = extractDraft([page(...rows)], meta, master);
    expect(d.lines[0]!.quantity).toBe(1200);
    const unsure = extractDraft(
      [page(...rows.map((r) => r.replace('11.400,00', '11.500,00')))],
      meta,
      master,
    );
    expect(unsure.lines[0]!.quantity).not.toBe(1200);
  });
});

describe('a totals line whose label is not its first word', () => {
  it('ends the table: no row of its own, no line gets its amount', () => {
    const d = extractDraft(
      [
        page(
          'Pos.    Material     Kurztext                 Menge   ME     Nettowert',
          '00010   10-4711      Senkkopfschraube M4x20   4       Pack       38,00',
          '                     Liefertermin 09.12.2026',
          '00020   20-1772      Holzbohrer 8 mm          2       Stk         8,20',
          '                     Liefertermin 09.12.2026',
          '        Gesamtnettowert EUR                                       46,20',
        ),
      ],
      meta,
      master,
    );
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 4],
      ['20-1772', 2],
    ]);
    expect(d.warnings.join('\n')).not.toMatch(/did not read|add up/);
  });
});

describe('a measured quantity whose decimal mark the page lost', () => {
  const litres: MasterData = {
    ...master,
    products: [
      ...master.products,
      { sku: '0004120', description: 'Isopropanol 99.9 %', unit: 'l', price: 7.9, gtin: null },
    ],
  };
  const rows = (row: string) =>
    page(
      'Pos   Artikel    Bezeichnung               Menge   Einheit   Preis    Betrag',
      '1     20-1772    Holzbohrer 8 mm           5       Stk       4.10     20.50',
      row,
    );
  it('is the fraction that total ÷ price (printed, or the catalog price) makes, flagged', () => {
    for (const price of ['7.90', '7.80']) {
      const d = extractDraft(
        [rows(`2     0004120    Isopropanol 99.9 %        125     Liter     ${price}    98.75`)],
        meta,
        litres,
      );
      expect(d.lines[1]!.quantity).toBe(12.5);
      expect(d.lines[1]!.confidence).toBeLessThanOrEqual(0.6);
      expect(d.warnings.join('\n')).toMatch(/decimal mark lost/);
    }
  });
  it('is not made of a count (pieces come whole)', () => {
    const d = extractDraft(
      [rows('2     0001550    Knieschoner Gel           25      Paar      18.40    46.00')],
      meta,
      litres,
    );
    expect(d.lines[1]!.quantity).toBe(25);
  });
});

describe('a page set in a typewriter face', () => {
  /** Rows on a grid whose characters are as wide as they are high: a word space is a text height. */
  const typewritten = (rows: string[]): PageContent => {
    const words: PageContent['words'] = [];
    rows.forEach((row, r) => {
      for (const m of row.matchAll(/\S+/g))
        words.push({
          text: m[0],
          box: [100 + m.index * 20, 200 + r * 40, m[0].length * 20 - 4, 20],
          conf: 0.9,
        });
    });
    return {
      page: 1,
      width: 2400,
      height: 2300,
      source: 'ocr',
      words,
      text: rows.join('\n'),
      confidence: 0.9,
    };
  };
  const rows = [
    'Purchase order HH-PO-55102',
    'Line Part No.  Description             UoM Ext. Price',
    '1    10-4711   Countersunk screw M4x20 PK    57,00',
    '2    20-1772   Wood drill 8 mm         EA    20,50',
    '3    0001550   Knee pads gel           PR    36,80',
  ];
  it('reads a label of two words a word space apart as one ("Ext. Price"), a column two spaces apart as another', () => {
    const lines = layoutLines(typewritten(rows));
    expect(lines[0]!.typewriterSpace).toBeDefined();
    expect(layoutLines(pageFromRows(rows))[0]!.typewriterSpace).toBeUndefined();
    expect(detectHeader(lines[1]!)?.columns.map((c) => c.kind)).toEqual([
      'pos',
      'article',
      'description',
      'unit',
      'total',
    ]);
  });
  it('counts what a table of line amounts without a quantity column ordered by the catalog price, flagged', () => {
    const d = extractDraft([typewritten(rows)], meta, master);
    // 57.00 = 6 × 9.50, 20.50 = 5 × 4.10, 36.80 = 2 × 18.40
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 6],
      ['20-1772', 5],
      ['0001550', 2],
    ]);
    expect(Math.max(...d.lines.map((l) => l.confidence))).toBeLessThanOrEqual(0.6);
    expect(d.warnings.join('\n')).toMatch(/computed from the line amount 57 ÷ the catalog price 9.5/);
  });
});

// s11300 0031: "Karten J cartoni 44190 359.20", 8 × 44.90 with the count garbled and the price's
// decimal point read as a 1
describe('a row whose count did not read and whose price is garbled', () => {
  const table = (price: string, total: string) =>
    extractDraft(
      [
        pageFromRows([
          'Pos  Art.-Nr.   Bezeichnung              Menge  ME     Preis     Total',
          '1    20-1772    Holzbohrer 8 mm          5      Stk    4,10      20,50',
          `2    10-4711    Senkkopfschraube M4x20   J      Pack   ${price.padEnd(8)}  ${total}`,
        ]),
      ],
      meta,
      master,
    );
  it('is counted by the amount ÷ the catalog price, flagged', () => {
    const d = table('91150', '76,00');
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['10-4711', 8],
    ]);
    expect(d.lines[1]!.confidence).toBeLessThanOrEqual(0.6);
    expect(d.warnings.join('\n')).toMatch(/line 2: quantity unreadable; 8 computed from the line amount 76/);
  });
  // s11100 0005: "Lon pidean 6,56 556,00" for 100 × 5.56
  it('is counted by the total ÷ the price one digit off, when only that contract price makes a whole count', () => {
    const d = table('8,65', '85,50');
    expect(d.lines[1]).toMatchObject({ sku: '10-4711', quantity: 10 });
    expect(d.lines[1]!.confidence).toBeLessThanOrEqual(0.5);
    expect(d.warnings.join('\n')).toMatch(
      /line 2: quantity unreadable; 10 computed from total 85.5 ÷ price 8.55/,
    );
    // (no price one digit off within the contract range makes one: no count)
    expect(table('8,65', '85,70').lines[1]!.quantity).toBeNull();
  });
  it('is not, when the printed price may be a contract price read in part, or the count would be 1', () => {
    // ("8" of a contract price 8.55 whose cents stood apart: 76.00 is 8 at the list price by chance)
    expect(table('8', '76,00').lines[1]!.quantity).toBeNull();
    expect(table('91150', '9,50').lines[1]!.quantity).toBeNull();
  });
});

// s12300 0019: "Prix unitaire H'Fotat HT", the total's label garbled into the price label's, put
// the totals in the price column, and a count read as "$" had no total to be computed from
describe('a price label that took in the total label', () => {
  // the page's words where OCR put them (its boxes), the articles those of this test's catalog
  const page = (rows: [string, number, number, number, number][][]): PageContent => ({
    page: 1,
    width: 1728,
    height: 2292,
    source: 'ocr',
    words: rows.flat().map(([text, x, y, w, h]) => ({ text, box: [x, y, w, h], conf: 0.9 })),
    text: rows.map((r) => r.map((w) => w[0]).join(' ')).join('\n'),
    confidence: 0.9,
  });
  const header: [string, number, number, number, number][] = [
    ['Réf.', 180, 558, 42, 22],
    ['article', 264, 558, 99, 22],
    ['Désignation', 477, 558, 130, 25],
    ['Quantité', 973, 559, 92, 25],
    ['Unité', 1101, 560, 56, 20],
    ['Prix', 1313, 560, 43, 19],
    ['unitaire', 1363, 560, 82, 21],
    ["H'Fotat", 1452, 547, 72, 34],
    ['HT', 1530, 560, 30, 20],
  ];
  const row = (
    y: number,
    art: string,
    desc: string,
    qty: string,
    unit: string,
    figures: [string, number, number][],
  ) =>
    [
      [art, 266, y, 84, 30],
      [desc, 478, y, 170, 26],
      [qty, 975, y, 15, 26],
      [unit, 1097, y, 85, 30],
      ...figures.map(([t, x, w]) => [t, x, y, w, 22]),
    ] as [string, number, number, number, number][];
  const columnsOf = (p: PageContent) => {
    const lines = layoutLines(p);
    return reviseColumnsByRows(detectHeader(lines[0]!)!, lines.slice(1)).columns.map((c) => c.kind);
  };
  it('leaves the totals under it their own column, when the rows show two figures there', () => {
    const p = page([
      header,
      row(598, '10-4711', 'Senkkopfschraube', '$', 'paquets', [
        ['50', 1298, 59],
        ['76,00', 1469, 57],
      ]),
      row(640, '20-1772', 'Holzbohrer', '5', 'pièces', [
        ['4,10', 1313, 106],
        ['20,50', 1468, 45],
      ]),
      row(684, '0001550', 'Knieschoner', '2', 'paires', [
        ['18,40', 1313, 44],
        ['4 680,00', 1469, 89],
      ]),
    ]);
    expect(columnsOf(p).slice(-2)).toEqual(['price', 'total']);
    const d = extractDraft([p], meta, master);
    // (the first row's price, "50" for 9.50, garbled too: its count is the total's at the catalog
    // price)
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 8],
      ['20-1772', 5],
      ['0001550', 2],
    ]);
    expect(d.lines[2]!.unitPrice).toBe(18.4);
    expect(d.warnings.join('\n')).toMatch(/line 1: quantity unreadable; 8 computed from the line amount 76/);
  });
  it('stays one price column over one figure a row', () => {
    const p = page([
      header,
      row(598, '10-4711', 'Senkkopfschraube', '8', 'paquets', [['9,50', 1313, 59]]),
      row(640, '20-1772', 'Holzbohrer', '5', 'pièces', [['4,10', 1313, 59]]),
    ]);
    expect(columnsOf(p).at(-1)).toBe('price');
    const d = extractDraft([p], meta, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([
      ['10-4711', 8, 9.5],
      ['20-1772', 5, 4.1],
    ]);
  });
});

// s11500 0018: a table whose header OCR lost, read as running text: "Arbeitshandschuh Nitril 3,90 -
// paires 78.00 20 0001574" had no count
describe('a row of running text with a price and its total', () => {
  it('takes the one whole number that makes the one of the other for the count, flagged', () => {
    const d = extractDraft(
      [
        pageFromRows([
          'Bestellung 4571175695',
          'Knieschoner Gel          18,40 - paires    36.80    2     0001550',
          'Holzbohrer 8 mm          4,10 pièces       20,50    ‘5    20-1772',
        ]),
      ],
      meta,
      master,
    );
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['0001550', 2],
      ['20-1772', 5],
    ]);
    expect(d.warnings.join('\n')).toMatch(
      /line 1: quantity 2 taken as the figure that makes the price 18.4 the total 36.8/,
    );
    // (no whole number makes it, or two do: no count)
    const none = extractDraft(
      [
        pageFromRows([
          'Bestellung 4571175695',
          'Knieschoner Gel          18,40 - paires    37.80    2     0001550',
        ]),
      ],
      meta,
      master,
    );
    expect(none.lines[0]!.quantity).toBeNull();
  });
});

// s12100 0002: "Cohroui.goiqge D005 i pezzi 12250, 87-5081 da bo", 5 × 24.50 with the count and the
// price garbled and the total's decimal mark lost
describe('a row of which only the total read', () => {
  const table = (total: string) =>
    extractDraft(
      [
        pageFromRows([
          'Pos  Art.-Nr.   Bezeichnung              Menge  ME     Preis     Total',
          '1    20-1772    Holzbohrer 8 mm          5      Stk    4,10      20,50',
          `2    10-4711    Senkkopfschraube M4x20   J      Pack   da bo     ${total}`,
        ]),
      ],
      meta,
      master,
    );
  it('is counted by the total ÷ the catalog price, flagged; a total without its decimal mark too', () => {
    for (const total of ['76,00', '7600,']) {
      const d = table(total);
      expect(
        d.lines.map((l) => [l.sku, l.quantity]),
        total,
      ).toEqual([
        ['20-1772', 5],
        ['10-4711', 8],
      ]);
      expect(d.lines[1]!.confidence).toBeLessThanOrEqual(0.5);
      expect(d.warnings.join('\n')).toMatch(
        /line 2: quantity and price unreadable; 8 computed from the line total 76.00/,
      );
    }
  });
  it('is not, when no whole count of the catalog price makes the total', () => {
    expect(table('75,00').lines[1]!.quantity).toBeNull();
  });
});

// s11300 0017: "3 Senkkopfschraube M5x30 verzinkt Pack à 1 10 4720 11.20 confezioni 33.60", 3 packs
// read as 1, stood confirmed at 0.87 by a "3" the row does not state as a pack's content
describe('the contents a pack row may state', () => {
  const packs = (price: number, row: string) =>
    extractDraft(
      [
        pageFromRows([
          'Pos  Art.-Nr.   Bezeichnung              Menge  ME     Preis     Total',
          '1    20-1772    Holzbohrer 8 mm          5      Stk    4,10      20,50',
          row,
        ]),
      ],
      meta,
      {
        ...master,
        products: [
          ...master.products,
          { sku: '10-4720', description: 'Senkkopfschraube M5x30 Pack', unit: 'Pack', price, gtin: null },
        ],
      },
    );
  it('are not a digit of the total, nor the position number', () => {
    for (const [price, row] of [
      // the 3 of 33,60
      [11.2, '2    10-4720    Senkkopfschraube M5x30   1      Pack   11,20     33,60'],
      // the position number
      [110, '3    10-4720    Senkkopfschraube M5x30   1      Pack   110,00    330,00'],
    ] as const) {
      const d = packs(price, row);
      expect(d.lines[1]!.quantity).toBe(3);
      expect(d.warnings.join('\n')).toMatch(/line 2: quantity read as 1, but total .* = 3; took 3/);
    }
  });
});

describe('a lone stroke in the quantity column', () => {
  it('is a 1 set flush right in a table whose other rows have their counts, flagged', () => {
    const d = extractDraft(
      [
        pageFromRows([
          'Menge   Einh.   Art.-Nr.    Bezeichnung',
          '    2   Stk     20-1772     Holzbohrer 8 mm',
          '    |   Stk     AB-1020X    Kabelbinder schwarz',
          '   25   Paar    0001550     Knieschoner Gel',
        ]),
      ],
      meta,
      master,
    );
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 2],
      ['AB-1020X', 1],
      ['0001550', 25],
    ]);
    expect(d.lines[1]!.confidence).toBeLessThanOrEqual(0.6);
    expect(d.warnings.join('\n')).toMatch(/line 2: quantity read as a stroke/);
  });
  it("is a ruling in a form's empty cell", () => {
    const d = extractDraft(
      [
        pageFromRows([
          'Art.-Nr.    Bezeichnung                Menge',
          '20-1772     Holzbohrer 8 mm            |',
          'AB-1020X    Kabelbinder schwarz        4',
          '0001550     Knieschoner Gel            |',
          '10-4711     Senkkopfschraube M4x20     |',
        ]),
      ],
      meta,
      master,
    );
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['AB-1020X', 4]]);
  });
});

// s11400 0033: "Tim ns Nescrintion Qt, Lun price Amount" over a form of 12 rows, 4 filled in: every
// row became a line, 7 without a count and one counted by its price without the decimal mark
describe('a form whose column labels did not read', () => {
  const form = (rows: string[]) =>
    extractDraft(
      [
        pageFromRows([
          'Order form        PO number: B-4711',
          'Tim ns     Nescrintion                 Qt,    Lun price   Amount',
          ...rows,
        ]),
      ],
      meta,
      master,
    );
  it('takes its rows without a count, nor a price with a total, as not ordered, and says so', () => {
    const d = form([
      '10-4711    Senkkopfschraube M4x20     pack   9.50',
      '20-1772    Holzbohrer 8 mm            5 pcs  4.10        20.50',
      'AB-1020X   Kabelbinder schwarz 200 mm pcs    “20',
      '0001550    Knieschoner Gel            pairs  18.40',
      '10-4711    Senkkopfschraube M4x20     pack   9.50',
    ]);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['20-1772', 5]]);
    expect(d.warnings.join('\n')).toMatch(/column labels did not read; 4 of its rows without a quantity/);
    expect(d.confidence).toBeLessThanOrEqual(0.6);
  });
  // s11500 0018: a French order with its article number last, "Arbeitshandschuh Nitril 3,90 -
  // paires 78.00 20 0001574", whose rows' counts did not read as such
  it('keeps the rows of an order whose counts did not read but whose prices and totals did', () => {
    const d = form([
      'Senkkopfschraube M4x20     9,50 - paquets   95.00   10  10-4711',
      'Holzbohrer 8 mm            4,10 - pièces    20.50   5   20-1772',
      'Knieschoner Gel            18,40 - paires   36.80   2   0001550',
      'Kabelbinder schwarz 200 mm 0,20 - pièces    20.00   100 AB-1020X',
    ]);
    expect(d.lines.map((l) => l.sku)).toEqual(['10-4711', '20-1772', '0001550', 'AB-1020X']);
    expect(d.warnings.join('\n')).not.toMatch(/column labels did not read/);
  });
});

// s11400 0036: "4 10-4720 … Pack à Paket 11.20" over "9.80", the next row's price set apart by OCR:
// taken for the row's total, it made the unordered row a line without a count
describe('a form row with a figure of the next row under it', () => {
  const form = (stray: string) =>
    extractDraft(
      [
        pageFromRows([
          'Pos  Art.-Nr.   Bezeichnung              Menge  Einheit  Preis     Betrag',
          '1    20-1772    Holzbohrer 8 mm          5      Stk      4.10      20.50',
          '2    10-4711    Senkkopfschraube M4x20          Pack     9.50',
          `                                                                   ${stray}`,
          '3    AB-1020X   Kabelbinder schwarz             Stk      0.20',
          '4    10-4717    Senkkopfschraube M4x25          Pack     9.40',
          '5    0001550    Knieschoner Gel          2      Paar     18.40     36.80',
        ]),
      ],
      meta,
      master,
    );
  it('is not ordered when that figure is less than its price', () => {
    expect(form('0.20').lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['0001550', 2],
    ]);
  });
  // s11600 0011: "… Karton à cartone 42.00" over "198", counted 4 "from a total read one digit off"
  it('is not ordered when that figure is written without cents', () => {
    expect(form('198').lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['0001550', 2],
    ]);
  });
  it('is ordered when the figure under it can be its total', () => {
    expect(form('19.00').lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['10-4711', 2],
      ['0001550', 2],
    ]);
  });
});

// s11500 0006: "Réf. N° avcicle Désignation …": the position column read as the article column and
// the article column's label as a position label; "3 HS 1018 Hammer, Bchlosser" lost its article
// number (its description garbled too)
describe('an article column labelled as positions', () => {
  it('finds the article number there, also when read in two cells', () => {
    const d = extractDraft(
      [
        pageFromRows([
          'Réf.   N° avcicle    Désignation                 Quantité   Unité     Prix unitaire   Total HT',
          '1      20   1772     Hqlzbqhrqr                  5          pièces    4,10            20,50',
          '2      AB   1020X    Kqbqlbindqr                 100        pièces    0,20            20,00',
        ]),
      ],
      meta,
      master,
    );
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 5],
      ['AB-1020X', 100],
    ]);
  });
});
