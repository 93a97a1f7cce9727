import { describe, expect, it } from 'vitest';
import { combinedRefDateLabel } from '../../../src/pipeline/extract/combined-label.ts';
import { cleanReference, extractHeaderFields } from '../../../src/pipeline/extract/header-fields.ts';
import { layoutLines } from '../../../src/pipeline/extract/layout-lines.ts';
import { repairDateDigits } from '../../../src/pipeline/extract/repair-date-digits.ts';
import type { PageContent, Word } from '../../../src/pipeline/types.ts';
import { pageFromRows } from './synthetic-page.ts';

const ref = new Date('2026-06-01T00:00:00Z');
const fields = (rows: string[]) => extractHeaderFields(layoutLines(pageFromRows(rows)), ref);

describe('mangled combined "order number / date" labels', () => {
  it('judges a label by its date tail and its closeness to an order-number label', () => {
    expect(combinedRefDateLabel(['PO', 'puraberdate'])).not.toBeNull();
    expect(combinedRefDateLabel(['Bestell', '/Dat'])).not.toBeNull();
    expect(combinedRefDateLabel(['Be', 'teed', 'Faummenr', 'Dat'])).not.toBeNull();
    expect(combinedRefDateLabel(['Datum'])).toBeNull();
    expect(combinedRefDateLabel(['Ansprechpartner/Telefon'])).toBeNull();
    expect(combinedRefDateLabel(['Lieferschein-Nr./Datum'])).toBeNull();
  });

  it('reads the number and date from the value row under such a label', () => {
    const f = fields([
      '                                        PO puraberdate',
      'Muster AG                               PO77151/ 09.02.2026',
    ]);
    expect(f.reference?.value).toBe('PO77151');
    expect(f.orderDate?.value).toBe('2026-02-09');
  });

  it('takes a label whose middle OCR lost, when the value has the number/date shape', () => {
    const f = fields(['Bestell      /Dat', '5968 14.08.2026']);
    expect(f.reference?.value).toBe('5968');
    expect(f.orderDate?.value).toBe('2026-08-14');
  });

  it('never takes the value of a customer-number/date box', () => {
    const f = fields(['Kunden-Nr./Dat', '1003 / 14.08.2026']);
    expect(f.reference).toBeNull();
  });

  it('joins a value word OCR placed a little lower than the rest of its row', () => {
    const w = (text: string, x: number, y: number, h = 20): Word => ({
      text,
      box: [x, y, text.length * 12, h],
      conf: 0.9,
    });
    // boxes as OCR gave them on a degraded fax: the value row's boxes reach up into the label row,
    // and "PO." of "PO-2026-9255" sits lower than the rest of its row
    const words = [
      w('Be', 942, 369, 13),
      w('teed', 979, 358, 33),
      w('Faummenr', 1017, 372, 6),
      w('Dat', 1108, 369, 14),
      w('Muster', 167, 380, 27),
      w('AG', 273, 380, 20),
      w('2026-9255', 987, 370, 40),
      w('/', 1132, 372, 35),
      w('84.09.2026', 1158, 372, 38),
      w('PO.', 942, 397, 19),
      w('Hauptstrasse', 166, 414, 22),
      w('Ihre', 942, 414, 20),
      w('Lieferantennummer', 1002, 414, 20),
    ];
    const page: PageContent = {
      page: 1,
      width: 1700,
      height: 2300,
      source: 'ocr',
      words,
      text: '',
      confidence: 0.8,
    };
    const f = extractHeaderFields(layoutLines(page), ref);
    expect(f.reference?.value).toBe('PO-2026-9255');
    expect(f.orderDate?.value).toBe('2026-09-04');
  });
});

describe('order numbers in titles and with misread prefixes', () => {
  it('takes "Bestellung <number>" from a running page header, not quantities or dates', () => {
    expect(fields(['Muster AG - Bestellung 4502387103   Seite 2 von 3']).reference?.value).toBe('4502387103');
    expect(fields(['Bestellung 20 Stk Schrauben']).reference).toBeNull();
    expect(fields(['Bestellung 12.06.2026']).reference).toBeNull();
  });

  it('reads past the rest of a longer label up to its colon', () => {
    const f = fields(['Bon de commande N° de commande: 4569745652', 'Date de commande: 20/06/2026']);
    expect(f.reference?.value).toBe('4569745652');
    expect(f.reference?.confidence).toBeGreaterThan(0.7);
    // OCR read the colon as a semicolon
    expect(fields(['Bon de commande N° de commande; CMD-54568']).reference?.value).toBe('CMD-54568');
  });

  it('repairs a letter prefix split off or misread', () => {
    expect(cleanReference('PO. 2026-9255 / 84.09.2026')).toBe('PO-2026-9255');
    expect(cleanReference('P0-2026-0815')).toBe('PO-2026-0815');
    expect(cleanReference('ORD/4G2/26')).toBe('ORD/462/26');
    expect(cleanReference('CMD-5O3l7')).toBe('CMD-50317');
    expect(cleanReference('ORD/S59/26')).toBe('ORD/559/26');
    // two of a middle group's three (s12100 0010: "ORD/SS6/26"); not three, nor a last group
    expect(cleanReference('ORD/SS6/26')).toBe('ORD/556/26');
    expect(cleanReference('ORD/SOS/2026')).toBe('ORD/SOS/2026');
    expect(cleanReference('ORD/26/SS6')).toBe('ORD/26/SS6');
    // a letter that opens a group of letters and digits stays
    expect(cleanReference('ORD/SA31/26')).toBe('ORD/SA31/26');
    // an amount is no order number, also behind a short word
    expect(cleanReference('rem 24.50')).toBeNull();
    expect(cleanReference('1,250.00')).toBeNull();
    expect(cleanReference('PO 2026/118')).toBe('PO 2026/118');
    expect(cleanReference('PO - 77151')).toBe('PO-77151');
    expect(cleanReference('PO.77151')).toBe('PO.77151');
    expect(cleanReference('B 26/0815')).toBe('B 26/0815');
    // a space OCR put beside the separator after the prefix (s7100 0028: no reference)
    expect(cleanReference('ORD /327/26')).toBe('ORD/327/26');
    expect(cleanReference('CMD- 40555')).toBe('CMD-40555');
  });
});

describe('impossible date digits', () => {
  it('repairs a day or month when exactly one confused digit explains it', () => {
    expect(repairDateDigits('84.09.2026')).toEqual({ text: '04.09.2026', repaired: true });
    expect(repairDateDigits('12.18.2026').repaired).toBe(true);
    expect(repairDateDigits('12.18.2026').text).toBe('12.10.2026');
    expect(repairDateDigits('14.08.2026')).toEqual({ text: '14.08.2026', repaired: false });
    // 00 → 08 or 06 (two readings): left alone
    expect(repairDateDigits('00.09.2026').repaired).toBe(false);
    // between slashes too (s11800 0001: "Data: 12/68/2026" gave no order date)
    expect(repairDateDigits('12/68/2026')).toEqual({ text: '12/08/2026', repaired: true });
    expect(fields(['Data: 12/68/2026']).orderDate?.value).toBe('2026-08-12');
    // and in an ISO date
    expect(repairDateDigits('2026-16-06')).toEqual({ text: '2026-10-06', repaired: true });
    expect(repairDateDigits('2026-10-06').repaired).toBe(false);
    // …and a year no order has, one digit from a year next to it (s7300 0027: "2626-01-11")
    expect(repairDateDigits('2626-01-11', 2026)).toEqual({ text: '2026-01-11', repaired: true });
    expect(fields(['Date de livraison souhaitée: 2626-01-11']).deliveryDate?.value).toBe('2026-01-11');
    expect(repairDateDigits('1234-56-78', 2026).repaired).toBe(false);
    // (not across two kinds of separator)
    expect(repairDateDigits('12/68.2026').repaired).toBe(false);
  });
  // Regression (s3100 0002): "Delivery date: 28709/2026" gave no delivery date
  it('repairs a slash read as a 7 beside the other slash', () => {
    expect(repairDateDigits('28709/2026')).toEqual({ text: '28/09/2026', repaired: true });
    expect(repairDateDigits('28/0972026')).toEqual({ text: '28/09/2026', repaired: true });
    expect(fields(['Delivery date: 28709/2026']).deliveryDate?.value).toBe('2026-09-28');
    // no day and month either side of the 7, or no slash: left alone
    expect(repairDateDigits('45713/2026').repaired).toBe(false);
    expect(repairDateDigits('2870902026').repaired).toBe(false);
  });
  it('takes a repaired date with a lower confidence', () => {
    const plain = fields(['Bestelldatum 04.09.2026']).orderDate!;
    const fixed = fields(['Bestelldatum 84.09.2026']).orderDate!;
    expect(fixed.value).toBe('2026-09-04');
    expect(fixed.confidence).toBeLessThan(plain.confidence);
  });
});
