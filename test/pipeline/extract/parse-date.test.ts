import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from '../../../src/pipeline/extract/parse-date.ts';

const ref = new Date('2026-11-20T00:00:00Z');

describe('parseDate', () => {
  it.each([
    ['27.11.2026', '2026-11-27'],
    ['27.11.26', '2026-11-27'],
    ['27. 11. 26', '2026-11-27'],
    ['27/11/2026', '2026-11-27'],
    ['2026-11-27', '2026-11-27'],
    ['27. Nov. 2026', '2026-11-27'],
    ['27 novembre 2026', '2026-11-27'],
    ['1er janvier 2027', '2027-01-01'],
    ['23. Juni 2026', '2026-06-23'],
    ['August 24, 2026', '2026-08-24'],
    ['2026/11/27', '2026-11-27'],
    ['2026.11.27', '2026-11-27'],
    // OCR: a speck after the day's dot read as a comma, a hyphen for the space after a month
    ['1.,Dezember 2026', '2026-12-01'],
    ['Dec-8, 2026', '2026-12-08'],
    // and a speck before the year read as a hyphen (a ruled box's corner beside it)
    ['7 September-2026', '2026-09-07'],
    // English ERPs
    ['26-Nov-2026', '2026-11-26'],
    ['04-Dec-26', '2026-12-04'],
  ])('%s → %s', (s, iso) => expect(parseDate(s, ref)).toBe(iso));

  it('resolves missing years toward the near future', () => {
    expect(parseDate('bis Freitag 3.12.', ref)).toBe('2026-12-03');
    expect(parseDate('bis 7.1.', ref)).toBe('2027-01-07');
    expect(findDates('bis 7.1.', ref)[0]?.hasYear).toBe(false);
  });

  it('does not read prices, article numbers or units as dates', () => {
    expect(findDates('Preis 3.12 CHF, Art. 10-4711, 12 Set', ref)).toEqual([]);
    // an impossible day-first date is a misread, not an American one
    expect(findDates('Datum 09/24/2026', ref)).toEqual([]);
    expect(findDates('Art. 2026.118.06', ref)).toEqual([]);
  });

  it('reads a date behind a stray dot after its label, but not inside dotted article numbers', () => {
    expect(parseDate('souhaitée: .13.04.26', ref)).toBe('2026-04-13');
    expect(parseDate('Termin:.3.12.', ref)).toBe('2026-12-03');
    expect(findDates('Art. 302.866.86 und 204.11.06', ref)).toEqual([]);
  });

  it('reads a month name OCR misread by one letter when a year follows, and says so', () => {
    expect(findDates('Data: 5 agusto 2026', ref)).toMatchObject([{ iso: '2026-08-05', misspelt: true }]);
    expect(parseDate('Liefertermin 12. Dezembor 2026', ref)).toBe('2026-12-12');
    expect(findDates('23. Juni 2026', ref)[0]!.misspelt).toBeUndefined();
    // no year, a short name, or a word one letter from no month (or from two): no date
    expect(findDates('5 agusto', ref)).toEqual([]);
    expect(findDates('5 Junl 2026', ref)).toEqual([]);
    expect(findDates('12 Stücke 2026', ref)).toEqual([]);
  });

  // s11800 0038, s6100 0010: "li août 2026", "|| mars 2026" gave no delivery date
  it('reads a day whose 1s or 0s OCR read as letters before a month name and a year, and says so', () => {
    expect(findDates('souhaitée: li août 2026', ref)).toMatchObject([{ iso: '2026-08-11', misspelt: true }]);
    expect(findDates('|| mars 2026', ref)).toMatchObject([{ iso: '2026-03-11' }]);
    expect(findDates('bis Il. Juli 2026', ref)).toMatchObject([{ iso: '2026-07-11' }]);
    expect(findDates('2O mai 2026', ref)).toMatchObject([{ iso: '2026-05-20' }]);
    // not a word's letters, the Italian article, or without a year
    expect(findDates('Juli 2026', ref)).toEqual([]);
    expect(findDates('consegna i luglio 2026', ref)).toEqual([]);
    expect(findDates('li août', ref)).toEqual([]);
  });

  // Regression (c2h 0027, s2800 0024): "31 dicernbre 2026", "24 décemisre 2026" gave no date
  it('reads a long month name with its "m" read "rn", or two letters off', () => {
    expect(findDates('31 dicernbre 2026', ref)).toMatchObject([{ iso: '2026-12-31', misspelt: true }]);
    expect(findDates('24 décemisre 2026', ref)).toMatchObject([{ iso: '2026-12-24', misspelt: true }]);
    // the nearest name decides: "Nevember" is one letter from November, two from Dezember
    expect(findDates('14 Nevember 2026', ref)).toMatchObject([{ iso: '2026-11-14', misspelt: true }]);
    // so has one of six or seven (s6300 0003, s7100 0012, s8100 0023: no delivery date)
    expect(findDates('2 vetobre 2026', ref)).toMatchObject([{ iso: '2026-10-02', misspelt: true }]);
    expect(findDates('31 orrobre 2026', ref)).toMatchObject([{ iso: '2026-10-31', misspelt: true }]);
    expect(findDates('16 fevner 2026', ref)).toMatchObject([{ iso: '2026-02-16', misspelt: true }]);
    // shorter words two letters off a name stay no month
    expect(findDates('3 Oktb 2026', ref)).toEqual([]);
    expect(findDates('3 Augen 2026', ref)).toEqual([]);
  });

  // Regression (s7700 0025, s6700 0001): "Data: 24 ollobre 2026" gave no order date, and the draft
  // stood at 0.85
  it('reads a month name whose thin letters (t, f, l, i) OCR confused, as one misread letter', () => {
    expect(findDates('Data: 24 ollobre 2026', ref)).toMatchObject([{ iso: '2026-10-24', misspelt: true }]);
    expect(findDates('12 lulio 2026', ref)).toMatchObject([{ iso: '2026-07-12', misspelt: true }]);
    // (a short word still names no month)
    expect(findDates('5 mal 2026', ref)).toEqual([]);
  });

  // Regression (s2800 0029, s2500 0017): "Delivery date: 2026 01-30" gave no date
  it('reads an ISO date one of whose hyphens OCR read as a space', () => {
    expect(parseDate('Delivery date: 2026 01-30', ref)).toBe('2026-01-30');
    expect(parseDate('Order date: 2026-06 17', ref)).toBe('2026-06-17');
    // or as a dot and a space (s11100 0029: "Liefertermin! 2026. 11-12" gave no delivery date)
    expect(parseDate('Liefertermin: 2026. 11-12', ref)).toBe('2026-11-12');
    // a year beside an article number, or a one-digit month: no date
    expect(findDates('2026 10-4711', ref)).toEqual([]);
    expect(findDates('2026 1-30', ref)).toEqual([]);
  });

  // Regression (s2800 0005): "Datum: 15 Mire 2026" gave no order date
  it('reads a four-letter word two letters off a four-letter month name that starts as it does', () => {
    expect(findDates('Datum: 15 Mire 2026', ref)).toMatchObject([{ iso: '2026-03-15', misspelt: true }]);
    // Juni or Juli, a word like no month, or no year: no date
    expect(findDates('15 Jufi 2026', ref)).toEqual([]);
    expect(findDates('12 Stck 2026', ref)).toEqual([]);
    expect(findDates('15 Mire', ref)).toEqual([]);
  });

  it('reads a date whose dot OCR turned into a comma, but no amounts', () => {
    expect(parseDate('Liefertermin 3, Juni 2026', ref)).toBe('2026-06-03');
    // the dot after a short month name: "27. Nov, 2026"; without a year it is no date ("12 Set, 4 Stk")
    expect(parseDate('Bestelldatum 27. Nov, 2026', ref)).toBe('2026-11-27');
    expect(findDates('12 Set, 4 Stk', ref)).toEqual([]);
    expect(parseDate('Datum 27,11.2026', ref)).toBe('2026-11-27');
    expect(parseDate('Datum 27.11,2026', ref)).toBe('2026-11-27');
    expect(findDates('Preis 1,250.50 CHF 1.250,20 Menge 12,50', ref)).toEqual([]);
  });
});
