import { describe, expect, it } from 'vitest';
import { findCalendarWeek, findWeekday, isoWeekMonday } from '../../../src/pipeline/extract/relative-date.ts';

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
  });
  it('resolves a weekday alone to its next occurrence after the order date', () => {
    const thursday = new Date('2026-11-26T00:00:00Z');
    expect(findWeekday('bis Freitag', thursday)?.iso).toBe('2026-11-27');
    expect(findWeekday('by Thursday', thursday)?.iso).toBe('2026-12-03');
    expect(findWeekday('entro lunedì', thursday)?.iso).toBe('2026-11-30');
  });
});
