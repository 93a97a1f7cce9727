import { describe, expect, it } from 'vitest';
import {
  documentDecimalMark,
  parseNumber,
  regroupedQuantity,
} from '../../../src/pipeline/extract/parse-number.ts';

describe('parseNumber', () => {
  it.each([
    ["1'250.50", 1250.5],
    ['1’250.50', 1250.5],
    ['1.250,50', 1250.5],
    ['1 250,50', 1250.5],
    ['12,5', 12.5],
    ['12.-', 12],
    ['3', 3],
    ['1.250', 1250],
  ])('amount %s → %d', (s, n) => expect(parseNumber(s)).toBe(n));

  it("reads an amount's decimal comma read as a dot after dotted thousands", () => {
    expect(parseNumber('4.560.00')).toBe(4560);
    expect(parseNumber('1,234,567,89')).toBe(1234567.89);
    // not a quantity, and not with groups of other lengths
    expect(parseNumber('4.560.00', 'quantity')).toBeNull();
    expect(parseNumber('4.56.00')).toBeNull();
  });

  it('reads three-decimal quantities as decimals', () => {
    expect(parseNumber('20.000', 'quantity')).toBe(20);
    expect(parseNumber("1'000", 'quantity')).toBe(1000);
  });

  it("groups a quantity's thousands with the mark the document's amounts do not take as decimal", () => {
    const comma = documentDecimalMark(['1 Kupferrohr 1.200 m 17.040,00', 'Total EUR 17.309,40']);
    expect(comma).toBe(',');
    expect(regroupedQuantity(1.2, '1.200', comma)).toBe(1200);
    // the document's own decimal mark stays one: "20,000" from a German ERP is 20
    expect(regroupedQuantity(20, '20,000', comma)).toBe(20);
    const dot = documentDecimalMark(["Pipe 1,500 m 17'040.00", 'Total 1268.01']);
    expect(dot).toBe('.');
    expect(regroupedQuantity(1.5, '1,500', dot)).toBe(1500);
    expect(regroupedQuantity(20, '20.000', dot)).toBe(20);
    // amounts that do not say (none with cents, or both marks): as read
    expect(documentDecimalMark(['10 Stk 4711', 'Datum 27.11.26'])).toBeNull();
    expect(documentDecimalMark(['12.50', '13,40', '14.00'])).toBeNull();
    expect(regroupedQuantity(1.2, '1.200', null)).toBe(1.2);
  });

  it('reads a quantity with a leading zero as a decimal whose mark was lost ("05" = 0.5)', () => {
    expect(parseNumber('05', 'quantity')).toBe(0.5);
    expect(parseNumber('025', 'quantity')).toBe(0.25);
    expect(parseNumber('0', 'quantity')).toBe(0);
    // an amount keeps its digits
    expect(parseNumber('05')).toBe(5);
  });

  it('drops a quote mark OCR read before a handwritten figure', () => {
    expect(parseNumber('"12', 'quantity')).toBe(12);
    expect(parseNumber('„3', 'quantity')).toBe(3);
    expect(parseNumber('"1\'250.50')).toBe(1250.5);
    // only before a figure: a lone or trailing quote is still no number
    expect(parseNumber('"', 'quantity')).toBeNull();
    expect(parseNumber('"abc', 'quantity')).toBeNull();
    expect(parseNumber('12"', 'quantity')).toBeNull();
  });

  it('rejects non-numbers', () => {
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('10-4711')).toBeNull();
  });
});
