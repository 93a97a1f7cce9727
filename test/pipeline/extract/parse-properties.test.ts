/** Property-based tests (fast-check) for the number and date parsers: print, then read back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from '../../../src/pipeline/extract/parse-date.ts';
import { parseNumber } from '../../../src/pipeline/extract/parse-number.ts';

const group = (int: string, sep: string): string => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/** Amounts as the locales of DOMAIN.md print them, with two decimals. */
const formats: Record<string, (cents: number) => string> = {
  'de-CH apostrophe': (c) => `${group(String(Math.floor(c / 100)), "'")}.${String(c % 100).padStart(2, '0')}`,
  'de-CH typographic': (c) =>
    `${group(String(Math.floor(c / 100)), '’')}.${String(c % 100).padStart(2, '0')}`,
  'de-DE': (c) => `${group(String(Math.floor(c / 100)), '.')},${String(c % 100).padStart(2, '0')}`,
  'fr-CH space': (c) => `${group(String(Math.floor(c / 100)), ' ')},${String(c % 100).padStart(2, '0')}`,
  'fr-CH nbsp': (c) => `${group(String(Math.floor(c / 100)), '\u202F')}.${String(c % 100).padStart(2, '0')}`,
  'no grouping': (c) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`,
};

describe('parseNumber properties', () => {
  for (const [name, fmt] of Object.entries(formats)) {
    it(`reads back every amount printed ${name}`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 99_999_999_99 }), (cents) => {
          expect(parseNumber(fmt(cents), 'amount')).toBeCloseTo(cents / 100, 6);
        }),
      );
    });
  }
  it('reads integers with grouping marks as amounts and as quantities', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.constantFrom("'", '’', ' ', '\u00A0'),
        (n, sep) => {
          expect(parseNumber(group(String(n), sep), 'amount')).toBe(n);
          expect(parseNumber(group(String(n), sep), 'quantity')).toBe(n);
        },
      ),
    );
  });
  it('reads ERP quantities with three decimals as quantities (20.000 = 20)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), (i, f) => {
        const q = parseNumber(`${i}.${String(f).padStart(3, '0')}`, 'quantity');
        expect(q).toBeCloseTo(i + f / 1000, 6);
      }),
    );
  });
  it('never throws and never returns NaN on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const n = parseNumber(s);
        expect(n === null || Number.isFinite(n)).toBe(true);
      }),
    );
  });
});

const MONTHS_DE = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];
const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTHS_IT = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2098-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const parts = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d, dd: String(d).padStart(2, '0'), mm: String(m).padStart(2, '0'), yy: String(y).slice(2) };
};

const dateFormats: Record<string, (iso: string) => string> = {
  'dd.mm.yyyy': (iso) => {
    const p = parts(iso);
    return `${p.dd}.${p.mm}.${p.y}`;
  },
  'd.m.yyyy': (iso) => {
    const p = parts(iso);
    return `${p.d}.${p.m}.${p.y}`;
  },
  'dd/mm/yyyy': (iso) => {
    const p = parts(iso);
    return `${p.dd}/${p.mm}/${p.y}`;
  },
  ISO: (iso) => iso,
  'd. Monat yyyy': (iso) => {
    const p = parts(iso);
    return `${p.d}. ${MONTHS_DE[p.m - 1]} ${p.y}`;
  },
  'd mois yyyy': (iso) => {
    const p = parts(iso);
    return `${p.d} ${MONTHS_FR[p.m - 1]} ${p.y}`;
  },
  'd mese yyyy': (iso) => {
    const p = parts(iso);
    return `${p.d} ${MONTHS_IT[p.m - 1]} ${p.y}`;
  },
};

describe('parseDate properties', () => {
  for (const [name, fmt] of Object.entries(dateFormats)) {
    it(`reads back every date printed ${name}`, () => {
      fc.assert(
        fc.property(isoDate, (iso) => {
          expect(parseDate(fmt(iso), new Date('2026-11-27'))).toBe(iso);
        }),
      );
    });
  }
  it('resolves two-digit years next to the reference date (dd.mm.yy and dd. mm. yy)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -300, max: 300 }), (iso, offsetDays) => {
        const ref = new Date(Date.parse(iso) + offsetDays * 86_400_000);
        const p = parts(iso);
        expect(parseDate(`${p.dd}.${p.mm}.${p.yy}`, ref)).toBe(iso);
        expect(parseDate(`${p.dd}. ${p.mm}. ${p.yy}`, ref)).toBe(iso);
      }),
    );
  });
  it('finds the date inside a sentence and never an impossible one', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const p = parts(iso);
        const found = findDates(
          `Liefertermin: ${p.dd}.${p.mm}.${p.y} bitte einhalten`,
          new Date('2026-11-27'),
        );
        expect(found.map((f) => f.iso)).toContain(iso);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 32, max: 99 }), fc.integer({ min: 13, max: 99 }), (d, m) => {
        expect(parseDate(`${d}.${m}.2026`, new Date('2026-11-27'))).toBeNull();
      }),
    );
  });
});
