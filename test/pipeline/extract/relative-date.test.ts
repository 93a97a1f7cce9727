import { describe, expect, it } from 'vitest';
import {
  findCalendarWeek,
  findRelativeSpan,
  findWeekday,
  isoWeekMonday,
} from '../../../src/pipeline/extract/relative-date.ts';

const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);

describe('relative delivery dates', () => {
  it('computes ISO week Mondays (week 1 holds 4 January)', () => {
    expect(iso(isoWeekMonday(2026, 1))).toBe('2025-12-29');
    expect(iso(isoWeekMonday(2026, 49))).toBe('2026-11-30');
    expect(iso(isoWeekMonday(2021, 1))).toBe('2021-01-04');
  });
  it('resolves "KW 49" to the Monday, "bis KW 49" to the Friday, and a passed week to next year', () => {
    const ref = new Date('2026-11-20T00:00:00Z');
    expect(findCalendarWeek('Lieferung KW 49', ref, false)?.iso).toBe('2026-11-30');
    expect(findCalendarWeek('KW 49', ref, true)?.iso).toBe('2026-12-04');
    expect(findCalendarWeek('semaine 3', ref, false)?.iso).toBe('2027-01-18');
    expect(findCalendarWeek('KW 2/27', ref, false)?.iso).toBe('2027-01-11');
    expect(findCalendarWeek('Kw 60', ref, false)).toBeNull();
    // (a speck read as a comma or colon after the word)
    expect(findCalendarWeek('semaine, 50', ref, false)?.iso).toBe('2026-12-07');
    expect(findCalendarWeek('KW: 50', ref, false)?.iso).toBe('2026-12-07');
  });
  it('resolves a weekday alone to its next occurrence after the order date', () => {
    const thursday = new Date('2026-11-26T00:00:00Z');
    expect(findWeekday('bis Freitag', thursday)?.iso).toBe('2026-11-27');
    expect(findWeekday('by Thursday', thursday)?.iso).toBe('2026-12-03');
    expect(findWeekday('entro lunedì', thursday)?.iso).toBe('2026-11-30');
  });

  it('resolves next week, spans of days and weeks, and parts of a month', () => {
    const thu = new Date('2026-11-26T00:00:00Z'); // a Thursday
    const at = (text: string, deadline = false) => findRelativeSpan(text, thu, deadline)?.iso ?? null;
    expect(at('nächste Woche')).toBe('2026-11-30');
    expect(at('nächste Woche', true)).toBe('2026-12-04');
    expect(at('Ende nächster Woche')).toBe('2026-12-04');
    expect(at('end of next week')).toBe('2026-12-04');
    expect(at('la semaine prochaine')).toBe('2026-11-30');
    expect(at('la prossima settimana')).toBe('2026-11-30');
    expect(at('in 2 Wochen')).toBe('2026-12-10');
    expect(at('innert 10 Tagen')).toBe('2026-12-06');
    expect(at('dans 3 semaines')).toBe('2026-12-17');
    expect(at('entro 5 giorni')).toBe('2026-12-01');
    expect(at('within 14 days')).toBe('2026-12-10');
    expect(at('Mitte Dezember')).toBe('2026-12-15');
    expect(at('Anfang Januar')).toBe('2027-01-01');
    expect(at('Ende Februar')).toBe('2027-02-28');
    expect(at('fin novembre')).toBe('2026-11-30');
    expect(at('metà dicembre')).toBe('2026-12-15');
    // no span, no month: nothing
    expect(at('in 200 Wochen')).toBeNull();
    expect(at('Mitte der Seite')).toBeNull();
    expect(at('bitte liefern')).toBeNull();
  });
});
