import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/pipeline/extract/parse-number.ts';

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
