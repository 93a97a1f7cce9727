import { describe, expect, it, vi } from 'vitest';
import { extractDraft } from '../../../src/pipeline/extract/extract-draft.ts';
import type { InboundMeta, MasterData } from '../../../src/pipeline/types.ts';
import { pageFromRows } from './synthetic-page.ts';

const master: MasterData = {
  products: [
    {
      sku: '10-4711',
      description: 'Senkkopfschraube M4x20 verzinkt Pack à 100 Stk',
      unit: 'Pack',
      price: 9.5,
      gtin: '7612345000015',
    },
    { sku: 'AB-1020X', description: 'Kabelbinder schwarz 200 mm', unit: 'Stk', price: 0.2, gtin: null },
    { sku: '0001550', description: 'Knieschoner Gel', unit: 'Paar', price: 18.4, gtin: '4006381333931' },
    { sku: '20-1772', description: 'Holzbohrer 8 mm', unit: 'Stk', price: 4.1, gtin: null },
  ],
  customers: [
    {
      id: 'C-1001',
      name: 'Baumann Haustechnik AG',
      fax: '+41445556764',
      email: 'bestellung@baumann.ch',
      street: null,
      zip: null,
      city: null,
      country: 'CH',
    },
  ],
  customerSkus: [],
};
/** The master data with one more product. */
const withProduct = (product: MasterData['products'][number]): MasterData => ({
  ...master,
  products: [...master.products, product],
});
const fax: InboundMeta = {
  channel: 'fax',
  provider: null,
  from: '+41445556764',
  to: '+41445550000',
  receivedAt: '2026-11-27T09:00:00Z',
};

describe('extractDraft', () => {
  it('takes the quantity from its column, not the first integer (the position)', () => {
    const page = pageFromRows([
      '27.11.2026 09:14  FAX +41 44 555 67 64   BAUMANN          S. 1/1',
      '',
      'Bestell-Nr.: PO-2026-0815        Datum: 27.11.2026',
      'Liefertermin: 03.12.2026',
      '',
      'Pos   Art.-Nr.     Bezeichnung                              Menge   Einheit   Preis',
      '1     10-4711      Senkkopfschraube M4x20 Pack à 100 Stk       12   Pack       9.50',
      '2     AB-1020X     Kabelbinder schwarz 200 mm                 250   Stk        0.20',
      'Total                                                                        164.00',
    ]);
    const d = extractDraft([page], fax, master);
    expect(d.customer).toMatchObject({ id: 'C-1001', matchedBy: 'fax' });
    expect(d.customerReference).toBe('PO-2026-0815');
    expect(d.orderDate).toBe('2026-11-27');
    expect(d.deliveryDate).toBe('2026-12-03');
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit])).toEqual([
      ['10-4711', 12, 'Pack'],
      ['AB-1020X', 250, 'Stk'],
    ]);
    expect(d.confidence).toBeGreaterThan(0);
  });

  it('gives the line that named the customer as its evidence, none for the sender number', () => {
    const withCustomers: MasterData = {
      ...master,
      customers: [
        {
          id: 'C-1007',
          name: 'Baumann AG',
          fax: '+41445551234',
          email: 'einkauf@baumann.ch',
          street: null,
          zip: null,
          city: null,
          country: 'CH',
        },
      ],
    };
    const rows = [
      'Baumann AG, Industriestrasse 14',
      'Tel. 044 555 12 99   Fax 044 555 12 34',
      '20 Stk 20-1772',
    ];
    // faxed from an unknown branch number: the printed fax number names the customer
    const d = extractDraft([pageFromRows(rows)], { ...fax, from: '+41445559999' }, withCustomers);
    expect(d.customer).toMatchObject({ id: 'C-1007', matchedBy: 'phone' });
    expect(d.fields.customer?.evidence?.text).toContain('044 555 12 34');
    const bySender = extractDraft([pageFromRows(rows)], { ...fax, from: '+41445551234' }, withCustomers);
    expect(bySender.fields.customer).toEqual({ confidence: 0.97, evidence: null });
  });

  it('reads the header value from the line below its label', () => {
    const page = pageFromRows([
      'Order No.            Order date',
      'PO-77151             09.02.2026',
      '',
      'Please deliver 5 pcs 20-1772',
    ]);
    const d = extractDraft([page], fax, master);
    expect(d.customerReference).toBe('PO-77151');
    expect(d.orderDate).toBe('2026-02-09');
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['20-1772', 5]]);
    // each header field says how sure it is and which line of the page it came from
    expect(d.fields.customerReference?.evidence?.text).toContain('PO-77151');
    expect(d.fields.orderDate?.confidence).toBeGreaterThan(0.5);
    expect(d.fields.orderDate?.evidence).toMatchObject({
      page: 1,
      text: expect.stringContaining('09.02.2026'),
    });
    expect(d.fields.deliveryDate).toBeNull();
  });

  it('understands free-text order grammar', () => {
    const page = pageFromRows([
      'Guten Tag, wir bestellen:',
      '20 Stk 20-1772',
      'AB-1020X Kabelbinder, 50 Stück',
      '2 Kartons à 12 Stk 10-4711',
      '3 x 0001550 Knieschoner Gel',
    ]);
    const d = extractDraft([page], fax, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit])).toEqual([
      ['20-1772', 20, 'Stk'],
      ['AB-1020X', 50, 'Stk'],
      ['10-4711', 2, 'Karton'],
      ['0001550', 3, 'Paar'],
    ]);
    // 10-4711 is sold per Pack: a carton of pieces cannot be converted into packs
    expect(d.lines[2]!.conversion).toBeNull();
  });
  it('states the conversion when a carton of pieces is ordered of an article sold per piece', () => {
    const page = pageFromRows(['Wir bestellen:', '2 Kartons à 12 Stk AB-1020X Kabelbinder', '5 Stk 20-1772']);
    const d = extractDraft([page], fax, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit, l.conversion])).toEqual([
      ['AB-1020X', 2, 'Karton', { factor: 12, unit: 'Stk' }],
      ['20-1772', 5, 'Stk', null],
    ]);
  });
  it('in a letter, takes a lone 1 set apart after the count for its misread unit', () => {
    const page = pageFromRows([
      'Vi preghiamo di fornirci:',
      '- 20-1772 Holzbohrer 8 mm:     25      1',
      '- AB-1020X Kabelbinder         1',
    ]);
    const d = extractDraft([page], fax, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 25],
      ['AB-1020X', 1],
    ]);
  });
  // s10500 0023: "2.100 pezzi" had no count
  it('in a numbered list, parts the list number from the count OCR glued it to', () => {
    const rows = (second: string) => [
      'Vi preghiamo di fornirci:',
      '1. 10 Pack 10-4711 Senkkopfschraube M4x20',
      `${second} AB-1020X Kabelbinder`,
      '3. 20-1772 Holzbohrer 8 mm: 5 Stk',
    ];
    const d = extractDraft([pageFromRows(rows('2.100 pezzi'))], fax, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 10],
      ['AB-1020X', 100],
      ['20-1772', 5],
    ]);
    // (without a numbered line beside it, "2.100 Stück" is no list number and a hundred: on a scan
    // it may be 2100 pieces, or 2.1 misread)
    const alone = extractDraft(
      [pageFromRows(['Bitte liefern Sie uns:', '2.100 Stück AB-1020X Kabelbinder'])],
      fax,
      master,
    );
    expect(alone.lines[0]?.quantity).not.toBe(100);
  });
  it('in a letter, names the product by the description before the count when none follows it', () => {
    const bits = withProduct({
      sku: '205.310.01',
      description: 'Bit-Set Torx T10-T40 10-tlg.',
      unit: 'Stk',
      price: 19.5,
      gtin: null,
    });
    const page = pageFromRows([
      'Vi preghiamo di fornirci:',
      // the customer's own article number (not in the master data), the description garbled
      '- GS7451 Bit-Set Tork TIO-T40 10-(p.: 100 pezzi',
      '- 3 paia Knieschoner Gel',
      // "125 mm" garbled: the count is the one with the (misread) unit, 3 pcs
      '20-1772 Holzbohrer KRO 125 num: 3 pes',
    ]);
    const d = extractDraft([page], fax, bits);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['205.310.01', 100],
      ['0001550', 3],
      ['20-1772', 3],
    ]);
  });
  // s6200 0030: "1 kg 0006150 Strahlmittel Korund F80" read with its count and number garbled had
  // been lost without a word; the clerk now sees the product and fills in the count
  it('in a letter, names the product of a list line whose count did not read, its count unknown', () => {
    const blasting = withProduct({
      sku: '0006150',
      description: 'Strahlmittel Korund F80',
      unit: 'kg',
      price: 3.2,
      gtin: null,
    });
    const page = pageFromRows([
      'Gentili signori, vi preghiamo di fornirci:',
      '"+ è Kg VÜVE150 Strahimiitel Korund FS',
      '+ 3 paia Knieschoner Gel',
      'Distinti saluti',
    ]);
    const d = extractDraft([page], fax, blasting);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['0006150', null],
      ['0001550', 3],
    ]);
    expect(d.warnings.join('\n')).toMatch(/line 1: quantity not found/);
    expect(d.confidence).toBeLessThan(0.5);
    // a list line of words that name no product stays no line
    const note = extractDraft(
      [
        pageFromRows([
          'Vi preghiamo di fornirci:',
          '+ 3 paia Knieschoner Gel',
          '- Stk. wie besprochen, Lieferung frei Haus',
        ]),
      ],
      fax,
      blasting,
    );
    expect(note.lines.map((l) => l.sku)).toEqual(['0001550']);
  });
  // s7400 0008: descriptions garbled past the usual thresholds, each still far ahead of every other
  // product ("Schulzbrile.klar EN ids": 0.30 against 0.09); the customer's own numbers garbled too
  it('in a letter, names a product by a garbled description far ahead of every other, flagged', () => {
    const shop = {
      ...master,
      products: [
        ...master.products,
        { sku: '0001620', description: 'Schutzbrille klar EN 166', unit: 'Stk', price: 6.4, gtin: null },
        {
          sku: '0003319',
          description: 'Abdeckband Maler 38 mm x 50 m',
          unit: 'Rolle',
          price: 4.6,
          gtin: null,
        },
        {
          sku: '0003318',
          description: 'Gewebeklebeband silber 50 mm x 50 m',
          unit: 'Rolle',
          price: 9.8,
          gtin: null,
        },
        { sku: '0004105', description: 'Bohr- und Schneidöl', unit: 'l', price: 12.4, gtin: null },
      ],
    };
    const page = pageFromRows([
      'Madame, Monsieur, veuillez nous livrer :',
      '- 8 rouleaux G580/3 Abdeckband Maier x50om',
      '- 12 pieces GS7987 Schulzbrile.klar EN ids i',
      // (a description parted by "und" is one item with its article number, not two)
      '- 0004105 Bohr- und Schneidöl: 100 Liter',
      'Meilleures salutations',
    ]);
    const d = extractDraft([page], fax, shop);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['0003319', 8],
      ['0001620', 12],
      ['0004105', 100],
    ]);
    expect(d.warnings.join('\n')).toMatch(/line 1: .*chose 0003319 by its description/);
    expect(d.warnings.join('\n')).toMatch(/line 2: .*chose 0001620 by its description/);
    expect(d.confidence).toBeLessThan(0.8);
  });
  it('in a letter, skips a pack content and takes what is left of the article number among the words', () => {
    const batteries: MasterData = {
      ...master,
      products: [
        ...master.products,
        { sku: 'AB-2058S', description: 'Akku 18 V 5.0 Ah', unit: 'Stk', price: 95, gtin: null },
        {
          sku: 'AB-2050S',
          description: 'Akku-Bohrschrauber 18 V ohne Akku',
          unit: 'Stk',
          price: 189,
          gtin: null,
        },
      ],
    };
    const page = pageFromRows([
      'Dear Sirs, please deliver:',
      '- 4 cartons of 10 pes AB 20588 Akkır IS V 5.0 Ali',
    ]);
    const d = extractDraft([page], fax, batteries);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unit])).toEqual([['AB-2058S', 4, 'Karton']]);
  });
  it('reads running text with labels in it as text, and counts in brackets', () => {
    const page = pageFromRows([
      'Bonjour, veuillez nous livrer :',
      'réf. 20-1772 : quantité 12',
      'AB-1020X (40 pièces)',
      '5 boxes of 0001550 knee pads',
    ]);
    const d = extractDraft([page], fax, master);
    expect(d.lines.map((l) => [l.sku, l.quantity, l.conversion])).toEqual([
      ['20-1772', 12, null],
      ['AB-1020X', 40, null],
      // "of 0001550" names the article: no content of a box
      ['0001550', 5, null],
    ]);
  });
  it('reads numbered lines of labels and values as a list, not as table headers', () => {
    const page = pageFromRows([
      'Pos. 1: Art. 20-1772, Menge 12 Stk',
      'Pos. 2: Art. AB-1020X, Menge 40 Stk',
      'Pos. 3: Art. 0001550, Menge 5 Paar',
    ]);
    const d = extractDraft([page], fax, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 12],
      ['AB-1020X', 40],
      ['0001550', 5],
    ]);
  });
  it('in a letter, names a product by its description beside one named by its number', () => {
    const gloves = {
      ...master,
      products: [
        ...master.products,
        {
          sku: '0001547',
          description: 'Arbeitshandschuh Nitril Gr. 9',
          unit: 'Paar',
          price: 3.9,
          gtin: null,
        },
        {
          sku: '0001574',
          description: 'Arbeitshandschuh Nitril Gr. 10',
          unit: 'Paar',
          price: 3.9,
          gtin: null,
        },
      ],
    };
    for (const row of [
      'Bitte noch 2 Stk Holzbohrer (20-1772) und 10 Paar Arbeitshandschuhe Nitril Gr. 9.',
      'Bitte 10 Paar Arbeitshandschuhe Nitril Gr. 9 und 2 Stk 20-1772.',
    ]) {
      const d = extractDraft([pageFromRows([row])], fax, gloves);
      expect(
        d.lines.map((l) => [l.sku, l.quantity]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        row,
      ).toEqual([
        ['0001547', 10],
        ['20-1772', 2],
      ]);
    }
  });
  it("takes the reference and order date an e-mail's subject names when its body does not", () => {
    const mail: InboundMeta = { ...fax, channel: 'email', from: 'bestellung@baumann.ch' };
    const body = pageFromRows(['Guten Tag', 'bitte liefern: 20 Stk 20-1772', 'Gruss']);
    const d = extractDraft([body], { ...mail, subject: 'AW: Bestellung 5530021' }, master);
    expect(d.customerReference).toBe('5530021');
    expect(d.fields.customerReference?.evidence?.text).toBe('Subject: AW: Bestellung 5530021');
    expect(d.warnings.join('\n')).not.toMatch(/no order reference/);
    const dated = extractDraft([body], { ...mail, subject: 'Bestellung vom 20.11.2026' }, master);
    expect(dated.orderDate).toBe('2026-11-20');
    expect(dated.customerReference).toBeNull();
    // the body's own reference wins; a subject without one names nothing
    const own = pageFromRows(['Bestell-Nr.: PO-7781', '20 Stk 20-1772']);
    expect(extractDraft([own], { ...mail, subject: 'Bestellung 5530021' }, master).customerReference).toBe(
      'PO-7781',
    );
    expect(
      extractDraft([body], { ...mail, subject: 'Material Baustelle Kloten' }, master).customerReference,
    ).toBeNull();
  });
  it('reads a labelled quantity on the line under an article', () => {
    const page = pageFromRows([
      'Wir bestellen:',
      'Artikel: 20-1772 Holzbohrer 8 mm',
      'Menge: 12 Stk',
      '',
      'Artikel: AB-1020X',
      'Qty: 50',
    ]);
    const d = extractDraft([page], fax, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 12],
      ['AB-1020X', 50],
    ]);
  });
  it('reads "article x count" in running text, but not a dimension inside the description', () => {
    const page = pageFromRows([
      'Bitte senden Sie uns:',
      '20-1772 x 4',
      'AB-1020X Kabelbinder 4 x 200 mm, 50 Stück',
    ]);
    const d = extractDraft([page], fax, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['20-1772', 4],
      ['AB-1020X', 50],
    ]);
  });

  it('skips pre-printed order-form rows without a filled-in quantity', () => {
    const page = pageFromRows([
      'Art.-Nr.     Bezeichnung                          ME       Preis CHF    Menge',
      '10-4711      Senkkopfschraube M4x20               Pack      9.50',
      'AB-1020X     Kabelbinder schwarz 200 mm           Stk       0.20         40',
      '0001550      Knieschoner Gel                      Paar     18.40',
      '20-1772      Holzbohrer 8 mm                      Stk       4.10',
    ]);
    const d = extractDraft([page], fax, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['AB-1020X', 40]]);
  });

  it('has no lines and zero confidence for a page without an order', () => {
    const d = extractDraft(
      [pageFromRows(['Sehr geehrte Damen und Herren', 'bitte senden Sie uns Ihren Katalog.'])],
      fax,
      master,
    );
    expect(d.lines).toEqual([]);
    expect(d.confidence).toBe(0);
    expect(d.warnings).toContain('no order lines found');
  });

  it('says so when the reference was read from a strip of values whose number label OCR lost', () => {
    const d = extractDraft(
      [
        pageFromRows([
          'Bestellung                         Datum        Liefertermin',
          '            CMD-47818              27.02.26     02.03.26',
          '10-4711  Senkkopfschraube M4x20                     20 Stk',
        ]),
      ],
      fax,
      master,
    );
    expect(d.customerReference).toBe('CMD-47818');
    expect(d.warnings.join('\n')).toMatch(/CMD-47818 read from the row of values under the dates/);
    expect(d.confidence).toBeLessThan(0.8);
  });
  // s9200 0038: "Toatum" for Datum over its value, the delivery date beside it read
  it('takes the one other date on a row of values for the date whose label did not read, flagged', () => {
    const rows = (values: string) => [
      'Bestellformular      Bee           Toatum        Liefertermin',
      `                     ${values}`,
      '10-4711  Senkkopfschraube M4x20                     20 Stk',
    ];
    const d = extractDraft([pageFromRows(rows('B-4711        15/05/2026    31/05/2026'))], fax, master);
    expect(d.deliveryDate).toBe('2026-05-31');
    expect(d.orderDate).toBe('2026-05-15');
    expect(d.warnings.join('\n')).toMatch(/order date label unreadable; took 2026-05-15/);
    expect(d.confidence).toBeLessThan(0.8);
    // (a date after the delivery date, or months before it, is not taken)
    for (const [values, early] of [
      ['B-4711        02/06/2026    31/05/2026', '2026-06-02'],
      ['B-4711        15/01/2026    31/05/2026', '2026-01-15'],
    ] as const)
      expect(extractDraft([pageFromRows(rows(values))], fax, master).orderDate).not.toBe(early);
    // and the other way round (s9200 0002: "Liufarternin" for Liefertermin, its date beside the
    // order date read)
    const later = extractDraft(
      [
        pageFromRows([
          'Bestellformular      Bee           Datum         Liufarternin',
          '                     B-4711        27.03.2026    05.04.2026',
          '10-4711  Senkkopfschraube M4x20                     20 Stk',
        ]),
      ],
      fax,
      master,
    );
    expect(later.orderDate).toBe('2026-03-27');
    expect(later.deliveryDate).toBe('2026-04-05');
    expect(later.warnings.join('\n')).toMatch(/delivery date label unreadable; took 2026-04-05/);
    expect(later.confidence).toBeLessThan(0.8);
    // s11700 0020: a delivery label in the remarks whose value is no date ("Anlieferung Rampe 2")
    // does not stop it; an unread value on the row itself does
    const remarked = (values: string) =>
      extractDraft(
        [
          pageFromRows([
            'Bestellung           Bastel-Nr,    Datum         Liefyrtatiin',
            `                     ${values}`,
            'Bemerkung: Bitte Lieferschein beilegen, Anlieferung Rampe 2',
            '10-4711  Senkkopfschraube M4x20                     20 Stk',
          ]),
        ],
        fax,
        master,
      );
    const ramp = remarked('B-4711        27.03.2026    05.04.2026');
    expect(ramp.deliveryDate).toBe('2026-04-05');
    expect(ramp.warnings.join('\n')).toMatch(/delivery date label unreadable; took 2026-04-05/);
    expect(remarked('B-4711        27.03.2026    05.04.2026   Lieferung: 1?.04.').deliveryDate).toBeNull();
  });
  // s11200 0001: a letter with a box of labels OCR garbled ("[node commande FSIS FURR") over its values
  it('takes two unlabelled dates above a letter’s first order line, flagged; none below it', () => {
    const letter = (values: string, after = '') => [
      'Bon de commande  [node commande FSIS FURR',
      values,
      'Madame, Monsieur, veuillez nous livrer :',
      '20 pièces Art. 10-4711 Senkkopfschraube M4x20',
      after,
      'Meilleures salutations',
    ];
    const d = extractDraft([pageFromRows(letter('4586868283   14/05/2026   19/05/2026'))], fax, master);
    expect(d.orderDate).toBe('2026-05-14');
    expect(d.deliveryDate).toBe('2026-05-19');
    expect(d.warnings.join('\n')).toMatch(/date labels unreadable; took 2026-05-14 as the order date/);
    expect(d.confidence).toBeLessThan(0.8);
    // dates under the first order line are not the order's head
    const below = extractDraft([pageFromRows(letter('4586868283', '14/05/2026   19/05/2026'))], fax, master);
    expect(below.orderDate).toBeNull();
    expect(below.deliveryDate).toBeNull();
  });

  describe('order date from the fax header line', () => {
    // the sending machine's header line sits in the top strip of the page
    const withFaxHeader = (rows: string[]) => {
      const page = pageFromRows(['17.09.26  16:37  +41 44 555 67 64  BAUMANN  S. 1/1', ...rows]);
      for (const w of page.words) if (w.box[1] === 200) w.box[1] = 10;
      return page;
    };
    const order = ['Bestellung', '10-4711  Senkkopfschraube M4x20                     20 Stk'];

    it('is taken, flagged, when the printed date has a digit OCR could not read', () => {
      for (const printed of ['Thun, 17.40.2026', 'Datum: ??.??.2026']) {
        const d = extractDraft([withFaxHeader([printed, ...order])], fax, master);
        expect(d.orderDate).toBe('2026-09-17');
        expect(d.warnings.join('\n')).toMatch(/taken from the fax transmission header/);
        // (faxes go out a day or two after they are written, too: no such draft is touchless)
        expect(d.confidence).toBeLessThan(0.8);
      }
    });

    // s7700 0035: "Datum: 11/ 10/2026" on a page sent 01.10.2026 stood at 0.88
    it('flags a printed order date days after the page was sent, and leaves it as read', () => {
      const late = extractDraft(
        [withFaxHeader(['Datum: 27.09.2026', 'Liefertermin: 30.09.2026', ...order])],
        fax,
        master,
      );
      expect(late.orderDate).toBe('2026-09-27');
      expect(late.warnings.join('\n')).toMatch(
        /order date 2026-09-27 is after the fax was sent \(2026-09-17/,
      );
      expect(late.confidence).toBeLessThan(0.8);
      // the day it was sent, or the day after (a clock a little off), stands
      for (const printed of ['17.09.2026', '18.09.2026', '10.09.2026']) {
        const d = extractDraft([withFaxHeader([`Datum: ${printed}`, ...order])], fax, master);
        expect(d.warnings.join('\n')).not.toMatch(/after the fax was sent/);
      }
    });

    // s11900 0008: "01.12.24" and "11.12.28" on a page of December 2026
    it('mends a printed order date misread into a year long before the page was sent', () => {
      const d = extractDraft(
        [withFaxHeader(['Datum: 17.09.24', 'Liefertermin: 30.09.28', ...order])],
        { ...fax, receivedAt: null },
        master,
      );
      expect(d.orderDate).toBe('2026-09-17');
      expect(d.deliveryDate).toBe('2026-09-30');
      expect(d.warnings.join('\n')).toMatch(
        /order date read as 2024-09-17, long before the document was sent \(2026-09-17\)/,
      );
      expect(d.confidence).toBeLessThan(0.8);
      // a date of last year's late autumn on a page sent in January stands
      const january = extractDraft(
        [pageFromRows(['Datum: 17.12.2025', ...order])],
        { ...fax, receivedAt: '2026-01-08T10:00:00Z' },
        master,
      );
      expect(january.orderDate).toBe('2025-12-17');
    });

    it('mends a printed order date misread into a year after the page was sent', () => {
      const d = extractDraft(
        [withFaxHeader(['Datum: 17.09.2028', 'Liefertermin: 30.09.2026', ...order])],
        { ...fax, receivedAt: null },
        master,
      );
      expect(d.orderDate).toBe('2026-09-17');
      expect(d.deliveryDate).toBe('2026-09-30');
      expect(d.warnings.join('\n')).toMatch(
        /order date read as 2028-09-17, after the document was sent \(2026-09-17\)/,
      );
      // a header date OCR read with a comma and without its last dot counts the same
      const page = withFaxHeader(['Datum: 17.09.2028', ...order]);
      page.words[0]!.text = '17,09';
      page.words.splice(1, 0, { ...page.words[0]!, text: '2026', box: [160, 10, 48, 24] });
      expect(extractDraft([page], { ...fax, receivedAt: null }, master).orderDate).toBe('2026-09-17');
      // without a date of sending (no header, no receiving time), a date next year is left as read
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-11-28T10:00:00Z'));
      try {
        const bare = extractDraft(
          [pageFromRows(['Datum: 17.09.2027', ...order])],
          { ...fax, receivedAt: null },
          master,
        );
        expect(bare.orderDate).toBe('2027-09-17');
      } finally {
        vi.useRealTimers();
      }
    });

    it('completes a labelled date that lost its month with the month the page was sent in', () => {
      // the header's own day is garbled too: its month and year still say when
      const page = withFaxHeader(['Datum: 15.0: .2026', ...order]);
      page.words[0]!.text = '38.09.26';
      const d = extractDraft([page], { ...fax, receivedAt: null }, master);
      expect(d.orderDate).toBe('2026-09-15');
      expect(d.warnings.join('\n')).toMatch(/order date read only as "15\.0: \.2026"/);
      expect(d.confidence).toBeLessThan(0.85);
      // without a header, the time received; a day after it lies in the month before
      const bare = [pageFromRows(['Datum: 29.0 .2026', ...order])];
      expect(extractDraft(bare, { ...fax, receivedAt: '2026-10-02T08:00:00Z' }, master).orderDate).toBe(
        '2026-09-29',
      );
      // the surviving digit rules months out: "1" is not September
      const tens = [pageFromRows(['Datum: 29.1: .2026', ...order])];
      expect(extractDraft(tens, { ...fax, receivedAt: '2026-10-02T08:00:00Z' }, master).orderDate).toBeNull();
      // nothing says when it was sent: unknown stays unknown
      expect(extractDraft(bare, { ...fax, receivedAt: null }, master).orderDate).toBeNull();
    });

    it('takes a header year two years after the page was received for a misread digit', () => {
      const page = withFaxHeader(['Datum: ??.??.2026', 'Liefertermin: 30.09.2026', ...order]);
      page.words[0]!.text = '17.09.28';
      const d = extractDraft([page], fax, master);
      expect(d.orderDate).toBe('2026-09-17');
      expect(d.deliveryDate).toBe('2026-09-30');
      // a year after is a year that can be: it stands
      const alone = withFaxHeader(['Datum: ??.??.2026', ...order]);
      alone.words[0]!.text = '17.09.27';
      expect(extractDraft([alone], fax, master).orderDate).toBe('2027-09-17');
      // (unless the delivery date, a year before it, says otherwise: both fit in 2026, nearer the
      // time the page was received)
      page.words[0]!.text = '17.09.27';
      const d2 = extractDraft([page], fax, master);
      expect([d2.orderDate, d2.deliveryDate]).toEqual(['2026-09-17', '2026-09-30']);
    });

    it('reads a labelled date whose separators OCR lost, near the day it was sent', () => {
      // (the header says 17.09.26; the order was written two days before)
      const d = extractDraft([withFaxHeader(['Datum: 1509/2026', ...order])], fax, master);
      expect(d.orderDate).toBe('2026-09-15');
      expect(d.warnings.join('\n')).toMatch(/order date read only as "1509\/2026"; taken as 2026-09-15/);
    });

    it('is not taken when the order prints no date, or one unlike the header', () => {
      expect(extractDraft([withFaxHeader(order)], fax, master).orderDate).toBeNull();
      // a broken date that agrees with the header in neither day nor month is some other date
      expect(extractDraft([withFaxHeader(['Thun, 23.40.2025', ...order])], fax, master).orderDate).toBeNull();
    });
  });

  it('mends an order year no order can carry, one misread digit from this year', () => {
    // nothing says when the page was sent: this year is the machine's
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T10:00:00Z'));
    try {
      const unsent = { ...fax, receivedAt: null };
      const order = ['10-4711  Senkkopfschraube M4x20                     20 Stk'];
      const rows = ['Bestelldatum: 23.08.2076', 'Liefertermin: 26.08.2076', ...order];
      const d = extractDraft([pageFromRows(rows)], unsent, master);
      expect(d.orderDate).toBe('2026-08-23');
      expect(d.deliveryDate).toBe('2026-08-26');
      expect(d.warnings.join('\n')).toMatch(/order date read as 2076-08-23; taken as 2026-08-23/);
      // two years ahead no order is dated ("28" for "26": a 6 read as 8); next year may be meant
      const ahead = extractDraft([pageFromRows(['Bestelldatum: 23.08.28', ...order])], unsent, master);
      expect(ahead.orderDate).toBe('2026-08-23');
      const next = extractDraft([pageFromRows(['Bestelldatum: 23.08.2027', ...order])], unsent, master);
      expect(next.orderDate).toBe('2027-08-23');
      // with no order date to measure it against, the delivery date's year is mended alike
      const alone = extractDraft([pageFromRows(['Liefertermin: 23.11.2076', ...order])], unsent, master);
      expect(alone.orderDate).toBeNull();
      expect(alone.deliveryDate).toBe('2026-11-23');
      expect(alone.warnings.join('\n')).toMatch(/delivery date read as 2076-11-23; taken as 2026-11-23/);
      // and years back: "2020" for 2026 (a 6 read as 0)
      const back = extractDraft([pageFromRows(['Liefertermin: 22.08.2020', ...order])], unsent, master);
      expect(back.deliveryDate).toBe('2026-08-22');
      // a few years back may be meant (an old order sent again): it stays
      const old = extractDraft([pageFromRows(['Bestelldatum: 23.08.2023', ...order])], unsent, master);
      expect(old.orderDate).toBe('2023-08-23');
    } finally {
      vi.useRealTimers();
    }
  });
  // Regression (s2200 0011): "Liefertermin: Juli 2026", the day lost, gave a draft at 0.83 without
  // a word about the delivery date
  it('says so and is not touchless when the delivery label stands beside a date not read whole', () => {
    const rows = (delivery: string) => [
      'Bestell-Nr.: 4540658314',
      'Datum: 24.06.2026',
      delivery,
      'Pos  Art.-Nr.   Bezeichnung                 Menge  Einheit',
      '1    10-4711    Senkkopfschraube M4x20      20     Stk',
    ];
    const unread = extractDraft([pageFromRows(rows('Liefertermin:   Juli 2026'))], fax, master);
    expect(unread.deliveryDate).toBeNull();
    expect(unread.warnings.join('\n')).toMatch(/delivery date unreadable \('Juli 2026'\)/);
    expect(unread.confidence).toBeLessThan(0.8);
    // a delivery label with nothing after it, or a date read, is no such case
    for (const delivery of ['Liefertermin:', 'Liefertermin:   08.07.2026']) {
      const d = extractDraft([pageFromRows(rows(delivery))], fax, master);
      expect(d.warnings.join('\n')).not.toMatch(/delivery date unreadable/);
      expect(d.confidence).toBeGreaterThanOrEqual(0.8);
    }
    // …or in its box under it (s10800 0012: "March 2026", its day lost, stood at 0.88)
    const boxed = extractDraft(
      [
        pageFromRows([
          'Bestell-Nr.        Datum           Liefertermin',
          '4540658314         24.06.2026      Juli 2026',
          'Pos  Art.-Nr.   Bezeichnung                 Menge  Einheit',
          '1    10-4711    Senkkopfschraube M4x20      20     Stk',
        ]),
      ],
      fax,
      master,
    );
    expect(boxed.warnings.join('\n')).toMatch(/delivery date unreadable \('Juli 2026'\)/);
    expect(boxed.confidence).toBeLessThan(0.8);
  });

  // Regression (s6800 0031): "Rag de commande 19/17/7026", label and date garbled, left the draft
  // at 0.80 without an order date
  it('is not touchless without an order date when a date on the page did not read as one', () => {
    const rows = (dated: string) => [
      'Bestell-Nr.: CMD-55102',
      dated,
      'Liefertermin: 08.12.2026',
      'Pos  Art.-Nr.   Bezeichnung                 Menge  Einheit',
      '1    10-4711    Senkkopfschraube M4x20      20     Stk',
    ];
    const garbled = extractDraft([pageFromRows(rows('Rag de commande 19/17/7026'))], fax, master);
    expect(garbled.orderDate).toBeNull();
    expect(garbled.warnings.join('\n')).toMatch(/'19\/17\/7026' on the page did not read as a date/);
    expect(garbled.confidence).toBeLessThan(0.8);
    // an order that prints no date at all is as sure as before
    const none = extractDraft([pageFromRows(rows('Sehr geehrte Damen und Herren'))], fax, master);
    expect(none.warnings.join('\n')).not.toMatch(/did not read as a date/);
    expect(none.confidence).toBeGreaterThanOrEqual(0.8);
  });

  // Regression (s6600 0005): "PO number: &MD-93919" gave no reference, and the draft stood at 0.83
  it('is not touchless when a reference label stands beside a number that did not read', () => {
    const rows = (reference: string) => [
      `PO number: ${reference}`,
      'Order date: 24.06.2026',
      'Delivery date: 08.07.2026',
      'Pos  Art.-Nr.   Bezeichnung                 Menge  Einheit',
      '1    10-4711    Senkkopfschraube M4x20      20     Stk',
    ];
    const garbled = extractDraft([pageFromRows(rows('&MD-93919'))], fax, master);
    expect(garbled.customerReference).toBeNull();
    expect(garbled.warnings.join('\n')).toMatch(/order reference unreadable \('&MD-93919'\)/);
    expect(garbled.confidence).toBeLessThan(0.8);
    // no number beside the label at all: nothing to read, as on an order without one
    const blank = extractDraft([pageFromRows(rows(''))], fax, master);
    expect(blank.warnings.join('\n')).toMatch(/no order reference found/);
    expect(blank.confidence).toBeGreaterThanOrEqual(0.8);
  });

  // s7100 0017: "ORD/189/26" for ORD/159/26, its number read at 0.41, stood at 0.85
  it('is not touchless with a reference OCR read unsurely', () => {
    const page = (conf: number) => {
      const p = pageFromRows([
        'Bestell-Nr.: ORD/189/26',
        'Datum: 24.06.2026',
        'Liefertermin: 08.07.2026',
        'Pos  Art.-Nr.   Bezeichnung                 Menge  Einheit',
        '1    10-4711    Senkkopfschraube M4x20      20     Stk',
      ]);
      p.words.find((w) => w.text === 'ORD/189/26')!.conf = conf;
      return p;
    };
    const unsure = extractDraft([page(0.41)], fax, master);
    expect(unsure.customerReference).toBe('ORD/189/26');
    expect(unsure.warnings.join('\n')).toMatch(
      /order reference ORD\/189\/26 read unsurely \(OCR confidence 0.41\)/,
    );
    expect(unsure.fields.customerReference!.confidence).toBeLessThan(0.8);
    expect(unsure.confidence).toBeLessThan(0.8);
    const sure = extractDraft([page(0.9)], fax, master);
    expect(sure.warnings.join('\n')).not.toMatch(/read unsurely/);
    expect(sure.confidence).toBeGreaterThanOrEqual(0.8);
    // (a text layer has no OCR confidence to doubt)
    const typed = { ...page(0.41), source: 'text-layer' as const };
    expect(extractDraft([typed], fax, master).warnings.join('\n')).not.toMatch(/read unsurely/);
  });

  // Regression (s3300 0011): "CMI3-25159" for CMD-25159 stood at 0.80
  it('is not touchless with a reference whose letter prefix holds a digit, a misread letter', () => {
    const rows = (reference: string) => [
      `Bestell-Nr.: ${reference}`,
      'Datum: 24.06.2026',
      'Liefertermin: 08.07.2026',
      'Pos  Art.-Nr.   Bezeichnung                 Menge  Einheit',
      '1    10-4711    Senkkopfschraube M4x20      20     Stk',
    ];
    const misread = extractDraft([pageFromRows(rows('CMI3-25159'))], fax, master);
    expect(misread.customerReference).toBe('CMI3-25159');
    expect(misread.warnings.join('\n')).toMatch(/CMI3-25159: a digit among the letters of its prefix/);
    expect(misread.confidence).toBeLessThan(0.8);
    // a short prefix with a digit OCR reads for a letter: "GS-2026-77", "SL-0412"
    for (const reference of ['G5-2026-77', '5L-0412', '2-99812']) {
      const d = extractDraft([pageFromRows(rows(reference))], fax, master);
      expect(d.warnings.join('\n')).toMatch(/a digit among the letters of its prefix/);
      expect(d.confidence).toBeLessThan(0.8);
    }
    // two separators in a row: a character read as a stroke, or lost (s6400 0019: "ORD//44/26")
    const doubled = extractDraft([pageFromRows(rows('ORD//44/26'))], fax, master);
    expect(doubled.warnings.join('\n')).toMatch(/ORD\/\/44\/26: two separators in a row/);
    expect(doubled.confidence).toBeLessThan(0.8);
    // a letter among the digits of a group between separators, digits after it (s12100 0034:
    // "ORD/R00/26" for ORD/800/26 stood at 0.85)
    for (const reference of ['ORD/R00/26', 'ORD/8R9/26']) {
      const d = extractDraft([pageFromRows(rows(reference))], fax, master);
      expect(d.customerReference).toBe(reference);
      expect(d.warnings.join('\n')).toMatch(/a letter among the digits of a group between digits/);
      expect(d.confidence).toBeLessThan(0.8);
    }
    // a colon between the prefix and the number is its hyphen misread (s7700 0016: "CMD:64541" had
    // given "64541" at 0.83, the prefix taken for the end of the label)
    const colon = extractDraft([pageFromRows(rows('CMD:64541'))], fax, master);
    expect(colon.customerReference).toBe('CMD-64541');
    expect(colon.warnings.join('\n')).toMatch(/read as CMD:64541; took CMD-64541 \(a colon for its hyphen\)/);
    expect(colon.confidence).toBeLessThan(0.8);
    // a year after the letters, or letters only: references as they are written
    for (const reference of ['PO2026-1384', 'CMD-25159', 'PO54769', 'A4-1234', 'ORD/744/26', 'B-26/4471']) {
      const d = extractDraft([pageFromRows(rows(reference))], fax, master);
      expect(d.warnings.join('\n')).not.toMatch(/letters of its prefix/);
      expect(d.confidence).toBeGreaterThanOrEqual(0.8);
    }
    // a space where a scan lost the hyphen (s6400 0011: "CMD 17825" stood at 0.82); a text layer
    // says what was printed
    const spaced = extractDraft([pageFromRows(rows('CMD 17825'))], fax, master);
    expect(spaced.customerReference).toBe('CMD 17825');
    expect(spaced.warnings.join('\n')).toMatch(/CMD 17825: a space between its letters and its number/);
    expect(spaced.confidence).toBeLessThan(0.8);
    const printed = extractDraft([{ ...pageFromRows(rows('CMD 17825')), source: 'text-layer' }], fax, master);
    expect(printed.warnings.join('\n')).not.toMatch(/a space between its letters/);
    expect(printed.confidence).toBeGreaterThanOrEqual(0.8);
  });

  // Regression (s2600 0023): "09 07 2076", both dots lost and a year digit misread, was no date
  it('reads a delivery date with both dots lost and a year digit misread, and mends the year', () => {
    const page = pageFromRows([
      'Bestelldatum: 24.06.2026',
      'Liefertermin: 09 07 2076',
      '10-4711  Senkkopfschraube M4x20                     20 Stk',
    ]);
    const d = extractDraft([page], fax, master);
    expect(d.deliveryDate).toBe('2026-07-09');
    expect(d.warnings.join('\n')).toMatch(/delivery date read as 2076-07-09/);
  });

  it('mends a delivery year that OCR misread years after the order date', () => {
    const page = pageFromRows([
      'Bestelldatum: 25.07.2026',
      'Liefertermin: 07.08.2028',
      '10-4711  Senkkopfschraube M4x20                     20 Stk',
    ]);
    const d = extractDraft([page], fax, master);
    expect(d.orderDate).toBe('2026-07-25');
    expect(d.deliveryDate).toBe('2026-08-07');
    expect(d.warnings.join('\n')).toMatch(/delivery date read as 2028-08-07, long after the order date/);
  });
  it("restores a decimal point the fax lost in a quantity of kilograms when the order's total says so", () => {
    const withWire = withProduct({
      sku: '70-4572',
      description: 'Bindedraht verzinkt 1.4 mm',
      unit: 'kg',
      price: 5.15,
      gtin: null,
    });
    const page = (total: string) =>
      pageFromRows([
        'Pos   Art.-Nr.     Bezeichnung                       Menge   Einheit   Preis',
        '1     10-4711      Senkkopfschraube M4x20            2       Pack      9.50',
        '2     70-4572      Bindedraht verzinkt 1.4 mm        25      kg        5.15',
        `Total CHF                                                              ${total}`,
      ]);
    // 2 × 9.50 + 2.5 × 5.15 = 31.88 (with 25 kg: 147.75)
    const d = extractDraft([page('31.88')], fax, withWire);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 2],
      ['70-4572', 2.5],
    ]);
    expect(d.warnings.join('\n')).toMatch(/line 2: quantity read as 25 kg; the order's total says 2.5/);
    expect(d.warnings.join('\n')).not.toMatch(/add up to/);
    // a total the tenth does not explain: left as read, and the mismatch said
    const other = extractDraft([page('99.00')], fax, withWire);
    expect(other.lines[1]!.quantity).toBe(25);
    expect(other.warnings.join('\n')).toMatch(/the lines add up to 147.75/);
  });
  it('does not take a price that lost its decimal mark for the quantity too', () => {
    const withPipe = withProduct({
      sku: '0005231',
      description: 'Kupferrohr 18x1 mm',
      unit: 'm',
      price: 14.2,
      gtin: null,
    });
    // the quantity label lost; "1420 Meter" is 14.20 per metre, and the total 7100 is 71.00: 5 m
    const d = extractDraft(
      [
        pageFromRows([
          'Pos   Bezeichnung              Preis    Einheit   Art.-Nr.    Betrag',
          '1     Kupferrohr 18x1 mm       1420     Meter     0005231     7100',
        ]),
      ],
      fax,
      withPipe,
    );
    expect(d.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([['0005231', 5, 14.2]]);
    expect(d.warnings.join('\n')).toMatch(/1420 is the price 14.2 without its decimal mark/);
  });
  it('reads a litre sign OCR took for a last digit ("11" for "1 l") when the order\'s total says so', () => {
    const withSolvent = withProduct({
      sku: '0004120',
      description: 'Isopropanol 99.9 %',
      unit: 'l',
      price: 7.9,
      gtin: null,
    });
    const d = extractDraft(
      [
        pageFromRows([
          'Pos   Art.-Nr.     Bezeichnung                       Menge   Einheit   Preis',
          '1     10-4711      Senkkopfschraube M4x20            2       Pack      9.50',
          '2     0004120      Isopropanol 99.9 %                11                7.90',
          'Total CHF                                                              26.90',
        ]),
      ],
      fax,
      withSolvent,
    );
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['10-4711', 2],
      ['0004120', 1],
    ]);
    expect(d.warnings.join('\n')).toMatch(
      /line 2: quantity read as 11 l; the order's total says 1 \(the litre sign read as a 1\)/,
    );
  });
  it('takes no fraction of an article sold whole for its quantity', () => {
    const d = extractDraft(
      [pageFromRows(['Bitte liefern:', '10-4711 Senkkopfschraube M4x20 8,8'])],
      fax,
      master,
    );
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['10-4711', null]]);
    expect(d.warnings.join('\n')).toMatch(/8.8 is no count of Pack; quantity not read/);
  });
  it('mends a delivery date before the order date when one changed digit alone makes it fit', () => {
    const read = (delivery: string) =>
      extractDraft(
        [
          pageFromRows([
            'Bestelldatum: 27.08.2026',
            `Liefertermin: ${delivery}`,
            '10-4711  Senkkopfschraube M4x20  20 Stk',
          ]),
        ],
        fax,
        master,
      );
    const d = read('07.05.2026');
    expect(d.deliveryDate).toBe('2026-09-07');
    expect(d.warnings.join('\n')).toMatch(/taken as 2026-09-07 \(a digit misread\)/);
    // 27.08. or 07.09.: two readings fit, the clerk chooses
    const two = read('07.08.2026');
    expect(two.deliveryDate).toBe('2026-08-07');
    expect(two.warnings.join('\n')).toMatch(
      /delivery date 2026-08-07 is before the order date 2026-08-27; please check/,
    );
  });
  it('mends the year of whichever date is a year off the other, keeping the order date near', () => {
    const ORDER_ROW = '10-4711  Senkkopfschraube M4x20                     20 Stk';
    vi.useFakeTimers({ now: new Date('2026-11-28T10:00:00Z'), toFake: ['Date'] });
    try {
      const read = (order: string, delivery: string) =>
        extractDraft(
          [pageFromRows([`Data: ${order}`, `Data di consegna: ${delivery}`, ORDER_ROW])],
          { ...fax, receivedAt: null },
          master,
        );
      const orderOff = read('4 agosto 2025', '18 agosto 2026');
      expect([orderOff.orderDate, orderOff.deliveryDate]).toEqual(['2026-08-04', '2026-08-18']);
      expect(orderOff.warnings.join('\n')).toMatch(/order date read as 2025-08-04 taken as 2026-08-04/);
      const deliveryOff = read('4 agosto 2026', '18 agosto 2027');
      expect([deliveryOff.orderDate, deliveryOff.deliveryDate]).toEqual(['2026-08-04', '2026-08-18']);
      // ten months ahead, where neither year mended puts the delivery soon after the order: as written
      const far = read('4 agosto 2026', '18 giugno 2027');
      expect([far.orderDate, far.deliveryDate]).toEqual(['2026-08-04', '2027-06-18']);
      // both years misread, a digit each (s11200 0028: "5 marzo 2025" and "2076-03-11" gave both
      // dates in 2025; s11900 0008), or the order's a year behind a delivery across New Year
      // (s6600 0038: "20.12.25", "01.01.27")
      const both = read('5 marzo 2025', '2076-03-11');
      expect([both.orderDate, both.deliveryDate]).toEqual(['2026-03-05', '2026-03-11']);
      expect(both.warnings.join('\n')).toMatch(/do not fit together; took 2026-03-05 and 2026-03-11/);
      expect(both.confidence).toBeLessThan(0.8);
      const newYear = read('20.12.25', '01.01.27');
      expect([newYear.orderDate, newYear.deliveryDate]).toEqual(['2026-12-20', '2027-01-01']);
      // (a delivery year misread alone takes the order's year, not one moving the order date away)
      const delivery = read('17/03/2026', '19/03/2075');
      expect([delivery.orderDate, delivery.deliveryDate]).toEqual(['2026-03-17', '2026-03-19']);
    } finally {
      vi.useRealTimers();
    }
  });
});
