import { describe, expect, it } from 'vitest';
import {
  cleanReference,
  deliveryValue,
  extractHeaderFields,
} from '../../../src/pipeline/extract/header-fields.ts';
import { layoutLines } from '../../../src/pipeline/extract/layout-lines.ts';
import { pageFromRows, rowAt } from './synthetic-page.ts';

const ref = new Date('2026-06-01T00:00:00Z');
const fields = (rows: string[]) => extractHeaderFields(layoutLines(pageFromRows(rows)), ref);

describe('header fields', () => {
  it('reads values right of the label and under it, never another label', () => {
    const f = fields([
      'Firma                                   Kunden-Nr.',
      'Muster AG                               1001',
      'Ihre Bestell-Nr.                        Datum',
      'B 26/0815                               12.06.26',
      'Liefertermin                            Lieferadresse',
      'sofort',
    ]);
    expect(f.reference?.value).toBe('B 26/0815');
    expect(f.orderDate?.value).toBe('2026-06-12');
    expect(f.deliveryDate).toBeNull();
    expect(f.deliveryAsap).toBe(true);
  });
  it('reads a boxed header on the title line: a label ends at a wide gap', () => {
    // "Bon de commande" (the title) and "N° de commande" (a box's label) are no label together
    const f = fields([
      'Bon de commande       N° de commande   Date de commande   Date de livraison',
      '                      ORD/832/26       26.05.2026         05.06.2026',
    ]);
    expect(f.reference?.value).toBe('ORD/832/26');
    expect(f.orderDate?.value).toBe('2026-05-26');
    expect(f.deliveryDate?.value).toBe('2026-06-05');
  });
  it('takes the order number left of the dates on a strip of values whose number label OCR lost', () => {
    // s10400 0030: "Bestell-Nr." lost, the title "Bestellung" beside the date labels
    const f = fields([
      'Bestellung                         Datum        Liefertermin',
      '            CMD-47818              27.02.26     02.03.26',
    ]);
    expect(f.reference?.value).toBe('CMD-47818');
    expect(f.reference!.confidence).toBeLessThan(0.8);
    expect(f.referenceUnlabelled).toBe(true);
    expect(f.orderDate?.value).toBe('2026-02-27');
    // a customer number, a phone number or a word is no such value
    for (const value of ['2007', '+41 44 555', 'Zürich']) {
      const g = fields([
        'Bestellung                         Datum        Liefertermin',
        `${' '.repeat(12)}${value.padEnd(23)}27.02.26     02.03.26`,
      ]);
      expect(g.reference, value).toBeNull();
    }
  });
  it('takes the number before an order date and a delivery date under labels garbled past reading', () => {
    // words at the columns they stood at on the page
    // s11700 0020: the number's label and the delivery date's misread
    const f = fields([
      rowAt([0, 'Bestellung'], [53, 'Bastel-Nr,'], [75, 'Datum'], [94, 'Liefyrtatiin']),
      rowAt([53, 'CMD-34714'], [74, '2026-09-08'], [94, '2026-09-18']),
    ]);
    expect(f.reference?.value).toBe('CMD-34714');
    expect(f.reference!.confidence).toBeLessThan(0.8);
    expect(f.referenceUnlabelled).toBe(true);
    // s9200 0002: dates with month names
    const labels = rowAt(
      [0, 'Bestellformular'],
      [38, '.'],
      [57, 'line,'],
      [75, 'Datum'],
      [94, 'Liufarternin'],
    );
    const g = fields([labels, rowAt([53, '4511227306'], [75, '27 Mär 2026'], [94, '5 April 2026'])]);
    expect(g.reference?.value).toBe('4511227306');
    // not without an order's two dates (a delivery at most two months after the order), nor
    // under a line of figures
    for (const rows of [
      [labels, rowAt([53, '4511227306'], [75, '27 Mär 2026'])],
      [labels, rowAt([53, '4511227306'], [75, '27 Mär 2026'], [94, '5 April 2027'])],
      [labels, rowAt([53, '4511227306'], [75, '27 Mär 2026'], [94, '5 Feb. 2026'])],
      [
        rowAt([0, 'Tel. 044 555 12 12'], [75, 'Datum']),
        rowAt([53, '4511227306'], [75, '27 Mär 2026'], [94, '5 April 2026']),
      ],
    ])
      expect(fields(rows).reference, rows.join(' / ')).toBeNull();
  });
  it('takes the date left of a bare "Data" on a strip for the order date, the one under it for delivery', () => {
    // s11000 0034: the order date's label garbled ("nata"), "Data di consegna" read as "Data" and two
    // words: the delivery date under it was taken for the order date
    const labels = rowAt(
      [0, 'Ordine fornitore'],
      [20, 'wunaro ordina'],
      [40, 'nata'],
      [55, 'Data di sonawgna'],
    );
    const f = fields([labels, rowAt([20, 'GMD-71311'], [40, '2026-07-06'], [55, '2026 07-25'])]);
    expect(f.orderDate?.value).toBe('2026-07-06');
    expect(f.orderDate!.confidence).toBeLessThan(0.8);
    expect(f.deliveryDate?.value).toBe('2026-07-25');
    // s12100 0019: the date under "Data" misread to one before the order date: the order date stands
    const g = fields([labels, rowAt([20, 'ORD/721/26'], [40, '02/03/2026'], [55, '05/02/2026'])]);
    expect(g.orderDate?.value).toBe('2026-03-02');
    expect(g.deliveryDate).toBeNull();
    // a date under a date label of its own keeps its label: "Datum" over the second is the order date
    const h = fields([
      rowAt([20, 'Bestell-Nr.'], [40, 'Liefertermin'], [55, 'Datum']),
      rowAt([20, 'CMD-10001'], [40, '2026-07-25'], [55, '2026-07-06']),
    ]);
    expect(h.orderDate?.value).toBe('2026-07-06');
    expect(h.deliveryDate?.value).toBe('2026-07-25');
  });
  it('reads values under their labels past lines of specks between them', () => {
    // s9200 0027, s9300 0024: specks read as "," and "'" made two lines of their own
    const page = pageFromRows([
      'Purchase Order      PO number    Order date    Delivery date',
      '',
      '                    ORD/447/26   03.12.26      17.12.26',
    ]);
    page.words.push(
      { text: ',', box: [340, 236, 3, 5], conf: 0.3 },
      { text: "'", box: [520, 256, 3, 5], conf: 0.3 },
    );
    const lines = layoutLines(page);
    expect(lines.map((l) => l.text)).toContain(',');
    const f = extractHeaderFields(lines, ref);
    expect(f.reference?.value).toBe('ORD/447/26');
    expect(f.orderDate?.value).toBe('2026-12-03');
    expect(f.deliveryDate?.value).toBe('2026-12-17');
  });
  it('tolerates OCR-mangled labels and keeps prefixes', () => {
    const f = fields([
      'Bestel1-Nr.:   PO-2026-0815',
      'Hestelldatum   09.03.26',
      'Gewunschter Liefertermin—20.03,26',
    ]);
    expect(f.reference?.value).toBe('PO-2026-0815');
    expect(f.orderDate?.value).toBe('2026-03-09');
    expect(f.deliveryDate?.value).toBe('2026-03-20');
    // a box border read as a bracket before the number
    expect(fields(['N° de commande: (CMD-32579']).reference?.value).toBe('CMD-32579');
    expect(fields(['Bestell-Nr.: „4711-26']).reference?.value).toBe('4711-26');
  });
  it('reads labels and dates OCR garbled a little: a letter, a word, a dot lost to a space', () => {
    const f = fields(['Dale de commande: 24.05 26', 'Date de hvrason souhaitée: 04 06.26']);
    expect(f.orderDate?.value).toBe('2026-05-24');
    // every separator lost, or the second read as a colon (s1300 0039, s1200 0004, s1800 0016), with
    // a four-digit year near; a long number is no date
    expect(fields(['Liefertermin: 02072026']).deliveryDate?.value).toBe('2026-07-02');
    expect(fields(['Delivery date: 2026 07 02']).deliveryDate?.value).toBe('2026-07-02');
    expect(fields(['Liefertermin: 28/06: 2026']).deliveryDate?.value).toBe('2026-06-28');
    // …with a two-digit year (s10500 0019: "22.10:26" gave way to the fax header's date)
    expect(fields(['Datum: 22.10:26']).orderDate?.value).toBe('2026-10-22');
    expect(fields(['Datum: 22.10:47']).orderDate).toBeNull();
    expect(fields(['Liefertermin: 4500072026']).deliveryDate).toBeNull();
    expect(fields(['Liefertermin: 02071996']).deliveryDate).toBeNull();
    // one of the two dots lost (s12500 0039: "Data; 0602.26"; s6100 0012, s7600 0007, s10400)
    expect(fields(['Data; 0602.26']).orderDate?.value).toBe('2026-02-06');
    expect(fields(['Liefertermin: 15.0326']).deliveryDate?.value).toBe('2026-03-15');
    // (not an impossible day or month, nor a year far off)
    expect(fields(['Datum: 3602.26']).orderDate).toBeNull();
    expect(fields(['Datum: 0602.19']).orderDate).toBeNull();
    // a date's first dot read as a colon (s3000 0002, c2 0011); a time is no date
    expect(fields(['Delivery date: 26:10. 26']).deliveryDate?.value).toBe('2026-10-26');
    expect(fields(['Liefertermin: 10:46 26']).deliveryDate).toBeNull();
    // a colon read as a letter i at the label's end (s3000 0023, 0036)
    expect(fields(['Licfertermini 23/06/2026']).deliveryDate?.value).toBe('2026-06-23');
    // (a short label with that letter is within its tolerance already, and stays as read)
    expect(fields(['Datumi 23/06/2026']).orderDate?.value).toBe('2026-06-23');
    // two letters off a long label (s2600 0002): "commande" inside it is no order-number label
    expect(fields(['Diane de commande: 25.05.26']).orderDate?.value).toBe('2026-05-25');
    expect(f.deliveryDate?.value).toBe('2026-06-04');
    expect(fields(['Delivery date: 18 06.2026']).deliveryDate?.value).toBe('2026-06-18');
    // a year no order has, one digit from this year's
    expect(fields(['Data: 15/09/2926']).orderDate).toMatchObject({ value: '2026-09-15' });
    expect(fields(['Data: 15/09/2926']).orderDate!.confidence).toBeLessThan(0.75);
    expect(fields(['Data: 15/09/2936']).orderDate).toBeNull();
    // both dots lost, with a four-digit year near
    expect(fields(['Datum: 26 05 2026']).orderDate?.value).toBe('2026-05-26');
    expect(fields(['Datum: 26 05 2016']).orderDate).toBeNull();
    // an amount after a quantity is no date, even after a label
    expect(fields(['Liefertermin: 3 12.50']).deliveryDate).toBeNull();
  });
  it('reads a date glued to its label by a hyphen, but keeps hyphenated order numbers whole', () => {
    expect(fields(['Data di consegna-07/04/2026—']).deliveryDate?.value).toBe('2026-04-07');
    expect(fields(['Bestellung-Nr.: CMD-44741']).reference?.value).toBe('CMD-44741');
    // a border read as a small l before the number's capital prefix
    expect(fields(['Numero ordine:lORD/198/26']).reference?.value).toBe('ORD/198/26');
  });
  it('reads a line that is only a date after a short date label misread by a letter', () => {
    const f = fields(['Dati: 13 agosto 2026', 'Data di consegna: 26 agosto 2026']);
    expect(f.orderDate).toMatchObject({ value: '2026-08-13' });
    expect(f.orderDate!.confidence).toBeLessThan(0.75);
    expect(f.deliveryDate?.value).toBe('2026-08-26');
    expect(fields(['i i Pata: 16 novembre 2026']).orderDate?.value).toBe('2026-11-16');
    // (the label cut short, a speck read as a quote before it)
    expect(fields(['; "Dat; 27.05.26']).orderDate?.value).toBe('2026-05-27');
    // a word two letters off, or no date right after it: no order date
    expect(fields(['Dose: 13.08.2026']).orderDate).toBeNull();
    expect(fields(['Art: 13.08.2026']).orderDate).toBeNull();
    expect(fields(['Tage: 3 Stk bis 13.08.2026']).orderDate).toBeNull();
    // a longer word opening with "Dat", its colon lost or not (s12400 0021, s6500 0005)
    expect(fields(['Datura 2026-08-24']).orderDate?.value).toBe('2026-08-24');
    expect(fields(['Dattan: 2026 12-14']).orderDate?.value).toBe('2026-12-14');
    expect(fields(['Datura 2026-08-24']).orderDate!.confidence).toBeLessThan(0.75);
    // (but not a word that opens otherwise, nor with no date right after it)
    expect(fields(['Natura 2026-08-24']).orderDate).toBeNull();
    expect(fields(['Datenblatt Seite 2 vom 24.08.2026']).orderDate).toBeNull();
  });
  it('reads the date an order number is dated ("vom", "du", "del", "of") as the order date', () => {
    for (const [row, iso] of [
      ['Bestellung Nr. 4711 vom 24.11.2026', '2026-11-24'],
      ['Commande 4711 du 24 novembre 2026', '2026-11-24'],
      ['Ordine n. 4711 del 24/11/2026', '2026-11-24'],
      ['Order No. 4711 of Nov 24, 2026', '2026-11-24'],
      // the number sign after a label that ended before it
      ['Notre commande n° 4711 du 24.11.2026', '2026-11-24'],
      ['Unsere Bestellung Nr. 4711 vom 24.11.2026', '2026-11-24'],
    ] as const) {
      const f = fields([row]);
      expect(f.reference?.value, row).toBe('4711');
      expect(f.orderDate?.value, row).toBe(iso);
    }
    // a bare title word takes no value from the line under it
    expect(fields(['Bestellung', '4711 Stk Schrauben']).reference).toBeNull();
  });
  it('gives as evidence the label and value cells, not the letterhead beside them', () => {
    const f = fields([
      'Muster Werkzeug AG                      Bestell-Nr.: BE-19596',
      'Werkstrasse 5                           Datum: 08.06.2026',
    ]);
    expect(f.reference?.evidence.text).toBe('Bestell-Nr.: BE-19596');
    expect(f.orderDate?.evidence.text).toBe('Datum: 08.06.2026');
    // the box starts at the label, right of the address
    expect(f.reference!.evidence.box![0]).toBeGreaterThan(100 + 20 * 12);
  });
  it('reads a delivery address from its box, over several lines', () => {
    const f = fields([
      'Liefertermin                            Lieferadresse (falls abweichend)',
      '21.06.2026                              Lager, Industriering 44',
      '                                        3250 Lyss',
      'Art.-Nr.   Bezeichnung     Menge',
    ]);
    expect(f.deliveryAddress?.value).toBe('Lager, Industriering 44, 3250 Lyss');
    expect(f.deliveryAddress?.evidence.page).toBe(1);
    expect(f.deliveryDate?.value).toBe('2026-06-21');
  });
  it('reads a delivery address after its label, not the sentence under it', () => {
    const f = fields([
      'Lieferung an:        Baustelle MFH Lindenpark, Lindenstrasse 19, 5430 Wettingen.',
      'Teillieferungen nur nach Rücksprache.',
    ]);
    expect(f.deliveryAddress?.value).toBe('Baustelle MFH Lindenpark, Lindenstrasse 19, 5430 Wettingen');
    expect(
      fields(['Deliver to: Lager, Industriering 44', '            3250 Lyss']).deliveryAddress?.value,
    ).toBe('Lager, Industriering 44, 3250 Lyss');
  });
  it('has no delivery address for "wie oben", an empty box or an order list', () => {
    expect(fields(['Lieferadresse: wie oben']).deliveryAddress).toBeNull();
    expect(
      fields(['Lieferadresse (falls abweichend)', '', 'Art.-Nr.   Bezeichnung']).deliveryAddress,
    ).toBeNull();
    expect(
      fields(['Madame, Monsieur, veuillez nous livrer :', '- 1 pièce SL7814 Eckventil']).deliveryAddress,
    ).toBeNull();
  });
  it('reads labelled remarks', () => {
    expect(fields(['Bemerkungen: Bitte vor Anlieferung anrufen.']).remarks?.value).toBe(
      'Bitte vor Anlieferung anrufen',
    );
    const f = fields(['Remarques :   livraison par la rampe arrière,', '              pas avant 7h00']);
    expect(f.remarks?.value).toBe('livraison par la rampe arrière, pas avant 7h00');
    expect(fields(['Note: none']).remarks).toBeNull();
  });
  it("takes a letter's own reference when nothing names the order number more directly", () => {
    for (const row of [
      'Unser Zeichen: BE-4711',
      'N/Réf. : BE-4711',
      'Ordine di acquisto n. BE-4711',
      'Ns. rif.: BE-4711',
    ])
      expect(fields([row]).reference?.value, row).toBe('BE-4711');
    expect(fields(['Unser Zeichen: BE-4711', 'Bestell-Nr.: 4500012345']).reference?.value).toBe('4500012345');
  });
  it('reads an order-number label whose first word OCR garbled, or whose second word it misread', () => {
    expect(fields(['Purchase Order', '                   FO number: CMD-82721']).reference?.value).toBe(
      'CMD-82721',
    );
    expect(fields(['Ordine fornitore -        Numero crdine: 4500787794']).reference?.value).toBe(
      '4500787794',
    );
    // the title is the label; what follows its colon after a garbled "N° de commande" is the number
    expect(fields(['Bon de commande          ;    N° de formmanide; ORD/773/26']).reference?.value).toBe(
      'ORD/773/26',
    );
    // s8300 0016: the number sign read as a quote ("N“ de commande’"), which left "commande" a
    // label of its own and the number without one
    expect(fields(['Bon de commande        N“ de commande’ 4586252739']).reference?.value).toBe('4586252739');
    expect(fields(['Bon de commande        Nº de commande 4586252739']).reference?.value).toBe('4586252739');
    // a phone number is no order number
    expect(fields(['Telefonnummer: 044 555 12 12']).reference).toBeNull();
  });
  it('reads "Date de commande" with its "e" read as "a" as that label, not as "Data" and "commande"', () => {
    // s10400 0008: both dates lost; "Purchase Order | PO number" stays two labels
    const f = fields(['Data de commande: 28/08/2026', 'Data de livraison: 02/09/2026']);
    expect(f.orderDate?.value).toBe('2026-08-28');
    expect(f.deliveryDate?.value).toBe('2026-09-02');
    expect(fields(['Purchase Order PO number: 4500123456']).reference?.value).toBe('4500123456');
  });
  it('reads "Date de commande" with its "de" misread as that label, not as "Date" and "commande"', () => {
    // s6000 0033: "Date dg commande: 2026-08-25" left "commande" the label of a date, and no order date
    expect(fields(['Date dg commande: 2026-08-25']).orderDate?.value).toBe('2026-08-25');
    // (a word between two labels that is one of its own stays itself: the reference)
    expect(fields(['Commande N° commande: 4586252739']).reference?.value).toBe('4586252739');
  });
  it('reads a long date label misread after its first word as that label, not as "Data"', () => {
    const f = fields(['Data: 08/06/2026', 'Data di consegria: 26/06/2026']);
    expect(f.orderDate?.value).toBe('2026-06-08');
    expect(f.deliveryDate?.value).toBe('2026-06-26');
  });
  it('knows delivery labels of purchase orders in English and short German ones', () => {
    for (const row of [
      'Ship date: 2026-06-22',
      'Due date: 22.06.2026',
      'Lieferung: 22.06.2026',
      'Consegna entro il 22/06/2026',
    ])
      expect(fields([row]).deliveryDate?.value, row).toBe('2026-06-22');
  });
  it('knows the other ways of asking for a delivery day: "Gewünschter Termin", "Benötigt bis"', () => {
    for (const row of [
      'Gewünschter Termin     22. Juni 2026',
      'Termin: 22.06.2026',
      'Benötigt bis: 22.06.26',
      'Wunschlieferdatum 22.06.2026',
      'Livraison souhaitée : 22.06.2026',
      'Data di consegna desiderata: 22/06/2026',
      'Needed by: 2026-06-22',
    ])
      expect(fields([row]).deliveryDate?.value, row).toBe('2026-06-22');
    // a week label makes its figure a calendar week (its Monday)
    for (const row of ['Lieferwoche: 49/2026', 'Liefer-KW 49', 'Semaine de livraison : 49'])
      expect(fields([row]).deliveryDate?.value, row).toBe('2026-11-30');
    // in running text: "Veuillez nous livrer jusqu'au …"
    expect(fields(["Veuillez nous livrer jusqu'au 22 juin 2026:"]).deliveryDate?.value).toBe('2026-06-22');
  });
  it('reads English month-first dates after a label, keeping their comma', () => {
    const f = fields(['Date: Nov 24, 2026', 'Delivery date: December 3, 2026']);
    expect(f.orderDate?.value).toBe('2026-11-24');
    expect(f.deliveryDate?.value).toBe('2026-12-03');
  });
  it('splits a combined "number/date" label', () => {
    const f = fields([
      '                         PO number/date',
      'Muster AG                4500400796 / 2026-11-05',
    ]);
    expect(f.reference?.value).toBe('4500400796');
    expect(f.orderDate?.value).toBe('2026-11-05');
  });
  it('does not take customer, supplier or project numbers for the reference', () => {
    const f = fields(['Kunden-Nr. 1003', 'Lieferanten-Nr. 49665', 'Projekt 2026-77']);
    expect(f.reference).toBeNull();
  });
  it('takes the letter line "Ort, Datum" and running-text references and delivery dates', () => {
    const f = fields([
      '                                              Zürich, 12. Juni 2026',
      'Materialbestellung Nr. BE-2026-058',
      'bitte liefern Sie uns bis spätestens 26.06.2026 folgendes Material:',
    ]);
    expect(f.orderDate?.value).toBe('2026-06-12');
    expect(f.reference?.value).toBe('BE-2026-058');
    expect(f.deliveryDate?.value).toBe('2026-06-26');
  });
  it('takes a delivery date after a bare "bis", not a payment or validity deadline', () => {
    const site = fields(['Bestellung 26/1188', 'Lieferung frei Baustelle bis 11.06.2026.']);
    expect(site.deliveryDate?.value).toBe('2026-06-11');
    const weekday = fields(['Für die Baustelle brauchen wir bis Donnerstag 4.6.:']);
    expect(weekday.deliveryDate?.value).toBe('2026-06-04');
    // (a day and month whose closing dot read as a comma, beside the label)
    expect(fields(['Lieferung bis: 3.6,']).deliveryDate?.value).toBe('2026-06-03');
    const colon = fields(['Bitte liefern bis: Freitag, 5. Juni 2026']);
    expect(colon.deliveryDate?.value).toBe('2026-06-05');
    const payment = fields([
      'Bestellung 26/1188',
      'Zahlbar bis 30.06.2026 netto',
      'Angebot gültig bis 15.07.2026',
    ]);
    expect(payment.deliveryDate).toBeNull();
  });
  it('takes the order date from "vom" under the order number, and a place after a speck, never a deadline', () => {
    const below = fields(['Bestellung           Nr. 88-3312', 'vom                  27. 5. 26']);
    expect(below.reference?.value).toBe('88-3312');
    expect(below.orderDate?.value).toBe('2026-05-27');
    const speck = fields(['Ihr Zeichen: mk   Unser Zeichen: ak   "Zug, 26.05.2026']);
    expect(speck.orderDate?.value).toBe('2026-05-26');
    // (a comma read as a semicolon)
    expect(fields(['Bestellung 2026-00911', 'Muttenz; 24. Mai 2026']).orderDate?.value).toBe('2026-05-24');
    // (an abbreviated place whose dot read as a comma)
    const comma = fields(['Bestell-Nr.: GS-26-588                  St, Gallen, 23.05.2026']);
    expect(comma.orderDate?.value).toBe('2026-05-23');
    // (OCR's dot after "bis": no place and date, the delivery date)
    const deadline = fields(['Bestellnummer: 26/1188', 'Lieferung frei Baustelle bis. 11.06.2026.']);
    expect(deadline.orderDate).toBeNull();
    expect(deadline.deliveryDate?.value).toBe('2026-06-11');
  });
  it('takes a bare "Nr." under the order\'s title, and no other bare number', () => {
    expect(fields(['BESTELLUNG', 'Nr.        HH-26-0913', 'Datum      19.05.2026']).reference?.value).toBe(
      'HH-26-0913',
    );
    expect(fields(['Lieferschein', 'Nr.        LS-4471']).reference).toBeNull();
    // (a speck between label and value)
    expect(fields(['Bestellung', 'Nr.   i   HH-26-0913']).reference?.value).toBe('HH-26-0913');
    expect(fields(['Bestellung', "Nr. '   Z-26-4410"]).reference?.value).toBe('Z-26-4410');
    // (its dot read as a comma)
    expect(fields(['Bestellung', 'Nr,   Z-26-4410']).reference?.value).toBe('Z-26-4410');
    // (also after the title on its line: "Ordine n, MA-26-3310")
    expect(fields(['Ordine n, MA-26-3310']).reference?.value).toBe('MA-26-3310');
  });
  it('takes the first day of a delivery window, as it takes the Monday of a calendar week', () => {
    for (const window of [
      '2.–4. Dezember 2026',
      '2.-4.12.2026',
      '2. bis 4. Dezember 2026',
      '2,-4. Dezember 2026',
    ])
      expect(fields([`Liefertermin:   ${window}`]).deliveryDate?.value, window).toBe('2026-12-02');
  });
  it('reads an English date whose space after the month OCR read as a hyphen, with its comma', () => {
    expect(fields(['Need by:   Dec-8, 2026']).deliveryDate?.value).toBe('2026-12-08');
    // (a block of its own beside the letterhead)
    const beside = fields([
      'Hofmann Haustechnik GmbH                          BESTELLUNG',
      'Landsberger Straße 302, 80687 München             Nr.: HH-26-1140',
    ]);
    expect(beside.reference?.value).toBe('HH-26-1140');
  });
  it("takes the letter's place and date from the last cell of a line that also holds the title", () => {
    const f = fields(['BON DE COMMANDE N° EF-2026-77              Muttenz, le 24/11/2026']);
    expect(f.orderDate?.value).toBe('2026-11-24');
    expect(f.reference?.value).toBe('EF-2026-77');
    // a wide typeface sets the place, "le" and the date cells apart
    const wide = fields(['BON DE COMMANDE N° EF-2026-77        Muttenz,     le     24/11/2026']);
    expect(wide.orderDate?.value).toBe('2026-11-24');
  });
  it('resolves a delivery date without a year after the order date', () => {
    const f = extractHeaderFields(
      layoutLines(pageFromRows(['Datum: 20.12.2026', 'Liefertermin: 7.1.'])),
      new Date('2026-12-20T00:00:00Z'),
    );
    expect(f.deliveryDate?.value).toBe('2027-01-07');
  });
  it('takes an order date without a year as written before the order came in', () => {
    const at = (rows: string[], received: string) =>
      extractHeaderFields(layoutLines(pageFromRows(rows)), new Date(`${received}T00:00:00Z`));
    // "28. Dez." on a fax of 5 January was written last year; its delivery date is ahead
    const f = at(['Datum: 28. Dezember', 'Liefertermin: 12.1.'], '2027-01-05');
    expect(f.orderDate?.value).toBe('2026-12-28');
    expect(f.deliveryDate?.value).toBe('2027-01-12');
    // a date a few days ahead of its arrival stays in that year
    expect(at(['Datum: 8. Januar'], '2027-01-05').orderDate?.value).toBe('2027-01-08');
  });
  it('reads a boxed field whose border OCR left as "|" between the label and the value', () => {
    const f = fields([
      'Kunden-Nr.                              Datum',
      '1001                                    |',
      '                                        12.06.26',
    ]);
    expect(f.orderDate?.value).toBe('2026-06-12');
  });
  it('rejects dimensions, amounts and dates as references', () => {
    expect(cleanReference('8x50')).toBeNull();
    expect(cleanReference('09/24/2026')).toBeNull();
    expect(cleanReference('2026/0815')).toBe('2026/0815');
    expect(cleanReference('1’250.50')).toBeNull();
    expect(cleanReference('12.06.2026')).toBeNull();
    expect(cleanReference(': 4500123456 vom 12.06.2026')).toBe('4500123456');
  });
  it('reads a reference after a colon OCR read as a semicolon', () => {
    expect(cleanReference('; ORD/687/26. -')).toBe('ORD/687/26');
    expect(fields(['Bestell-Nr ; ORD/687/26']).reference?.value).toBe('ORD/687/26');
  });
  it('reads a short date label whose colon OCR read as "!"', () => {
    expect(fields(['Data!   2026-11-20']).orderDate?.value).toBe('2026-11-20');
    // inside a label the "!" is still a misread l
    expect(fields(['Bestel!-Nr: 4711']).reference?.value).toBe('4711');
  });
  it('reads a prefix capital that specks made an umlaut as the capital', () => {
    expect(cleanReference('ÖRD/898/26')).toBe('ORD/898/26');
    expect(fields(['Bestellung   Bestell-Nr: ÖRD/898/26']).reference?.value).toBe('ORD/898/26');
  });
  it("reads a prefix's O that OCR read as a zero as the O, but keeps a number's leading zero", () => {
    expect(cleanReference('0RD/780/26')).toBe('ORD/780/26');
    expect(cleanReference('0450012345')).toBe('0450012345');
    expect(cleanReference('0A-4711')).toBe('0A-4711');
  });
  it('reads a reference a sentence gives: "Our order number is ZB-4471."', () => {
    expect(fields(['Our order number is ZB-4471.']).reference?.value).toBe('ZB-4471');
    expect(fields(['Unsere Bestellnummer lautet 88213.']).reference?.value).toBe('88213');
    // "Best.-Nr.", and a reference with separators of its own ("A-26/4471" is no misread "A/26/4471")
    expect(fields(['Best.-Nr.: A-26/4471']).reference?.value).toBe('A-26/4471');
    expect(cleanReference('PO.2026-9255')).toBe('PO-2026-9255');
    // written on a form's blank, or behind a speck read as a plus
    expect(fields(['Ihre Bestell-Nr.: ____ LU-3381 ____']).reference?.value).toBe('LU-3381');
    expect(fields(['Bestellung     Beatell-Nr. + CMD-40555']).reference?.value).toBe('CMD-40555');
    // a capital read small in a wide typeface, where the small letter has its shape
    expect(cleanReference('z-99812')).toBe('Z-99812');
    expect(cleanReference('b-99812')).toBe('b-99812');
    // a short capital prefix stays: "IS 4711" is a reference of its own
    expect(cleanReference('IS 4711')).toBe('IS 4711');
  });
  it('drops a misread "Nr" between a bare label word and the number', () => {
    expect(cleanReference('Ne 4502142515')).toBe('4502142515');
    expect(cleanReference('N° 4711-B')).toBe('4711-B');
    expect(cleanReference('PO 4711')).toBe('PO 4711');
  });
  it('reads calendar weeks, weekdays and asap after a delivery label', () => {
    const thu = new Date('2026-11-26T00:00:00Z');
    expect(deliveryValue('KW 49', thu)).toMatchObject({ iso: '2026-11-30' });
    expect(deliveryValue('Freitag', thu)).toMatchObject({ iso: '2026-11-27' });
    expect(deliveryValue('asap', thu)).toBe('asap');
    expect(deliveryValue('bis Freitag 4.12.', thu)).toMatchObject({ iso: '2026-12-04' });
  });
  it('reads a delivery date whose year OCR cut short as a day and month, less surely', () => {
    // s11900 0006: "Data di consegna: 28.12.2"
    const thu = new Date('2026-12-08T00:00:00Z');
    const cut = deliveryValue('28.12.2', thu);
    expect(cut).toMatchObject({ iso: '2026-12-28' });
    expect(deliveryValue('28.12.2026', thu)).toMatchObject({ iso: '2026-12-28', score: 0.9 });
    expect((cut as { score: number }).score).toBeLessThan(0.8);
    // (not a figure of a longer number)
    expect(deliveryValue('28.12.2345 Stk', thu)).toBeNull();
  });

  it('reads a delivery time said relatively in running text', () => {
    // (relative to the order date: Thursday 26 November 2026)
    for (const [row, iso] of [
      ['Datum: 26.11.2026 — bitte bis Ende nächster Woche liefern', '2026-12-04'],
      ['Datum: 26.11.2026 — Lieferung nächste Woche', '2026-11-30'],
      ['Datum: 26.11.2026 — Liefern Sie bitte in 2 Wochen', '2026-12-10'],
      ['Datum: 26.11.2026 — Lieferung: Mitte Dezember', '2026-12-15'],
      ['Date : 26.11.2026 — livraison la semaine prochaine', '2026-11-30'],
      ['Data: 26.11.2026 — consegna entro 10 giorni', '2026-12-06'],
      ['Date: 26.11.2026 — please deliver end of January', '2027-01-31'],
    ] as const) {
      const rows = row.split(' — ');
      const f = extractHeaderFields(layoutLines(pageFromRows(rows)), new Date('2026-11-26T00:00:00Z'));
      expect(f.deliveryDate?.value, row).toBe(iso);
    }
    // a span that says nothing of delivery is no delivery date
    expect(fields(['Datum: 26.11.2026', 'Zahlung innert 30 Tagen netto']).deliveryDate).toBeNull();
  });
});
