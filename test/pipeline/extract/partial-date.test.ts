import { describe, expect, it } from 'vitest';
import {
  completeDate,
  damagedDate,
  partialDate,
  resolveDamagedDate,
  sentMonth,
  sentOnDay,
} from '../../../src/pipeline/extract/partial-date.ts';

describe('partialDate', () => {
  it('reads day and year of a date whose month is lost, and the months its remains allow', () => {
    expect(partialDate('29.0: .2026')).toMatchObject({
      day: 29,
      year: 2026,
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    });
    expect(partialDate(' 3. . 2026')).toMatchObject({ day: 3, year: 2026 });
    expect(partialDate('3. . 2026')!.months).toHaveLength(12);
    expect(partialDate('12.1~.2026')!.months).toEqual([1, 10, 11, 12]);
    expect(partialDate('12.4: .2026')!.months).toEqual([4]);
    // a lone 0 lost the digit after it
    expect(partialDate('29.0 .2026')!.months).toHaveLength(9);
  });

  it('is no partial date when the month reads, the day is impossible or nothing like a date is there', () => {
    expect(partialDate('29.06.2026')).toBeNull();
    expect(partialDate('29.06 .2026')).toBeNull();
    expect(partialDate('41.0: .2026')).toBeNull();
    expect(partialDate('29.13 .2026')).toBeNull();
    expect(partialDate('Pack 12 2026')).toBeNull();
    expect(partialDate('BE-2026-007')).toBeNull();
  });
});

describe('sentMonth', () => {
  it('takes month and year of a header date, its day only when possible', () => {
    expect(sentMonth('Von: +41525557369 An: +41 44 555 00 00 38.06.26 10:47 Seite 1 von 1')).toEqual({
      year: 2026,
      month: 6,
      day: null,
    });
    expect(sentMonth('21.09.2026 17:11 +41615554762 S. 1/3')).toEqual({ year: 2026, month: 9, day: 21 });
    expect(sentMonth('30,06,2026')).toEqual({ year: 2026, month: 6, day: 30 });
    // a phone number is no date
    expect(sentMonth('+41.44.555')).toBeNull();
    expect(sentMonth('S. 1/3')).toBeNull();
  });

  it('reads the day of an ISO timestamp', () => {
    expect(sentOnDay('2026-06-30T08:12:00Z')).toEqual({ year: 2026, month: 6, day: 30 });
    expect(sentOnDay('yesterday')).toBeNull();
  });
});

describe('completeDate', () => {
  const p = partialDate('29.0: .2026')!;
  it('takes the month it was sent in, or the month before for a day after the day it was sent', () => {
    expect(completeDate(p, { year: 2026, month: 6, day: null })).toBe('2026-06-29');
    expect(completeDate(p, { year: 2026, month: 6, day: 30 })).toBe('2026-06-29');
    expect(completeDate(p, { year: 2026, month: 7, day: 2 })).toBe('2026-06-29');
  });

  it('gives nothing when the year or the surviving digit disagrees, or the day does not exist', () => {
    expect(completeDate(p, { year: 2025, month: 6, day: null })).toBeNull();
    expect(completeDate(p, { year: 2026, month: 11, day: 20 })).toBeNull();
    expect(completeDate(partialDate('30.0: .2026')!, { year: 2026, month: 3, day: 2 })).toBeNull();
  });
});

describe('damagedDate', () => {
  it('reads a date whose separators were lost or read as digits', () => {
    expect(damagedDate('1001/2026 ')).toMatchObject({ printed: '1001/2026', compact: ['2026-01-10'] });
    // nine digits: one is a separator misread (after the day here, a dot read as 7)
    expect(damagedDate('117112026')!.compact).toEqual(['2026-11-11']);
    expect(damagedDate('29.0: .2026')).toMatchObject({ partial: { day: 29 }, compact: [] });
  });

  it('is nothing for an intact date, a long number or a price', () => {
    expect(damagedDate('12345678901')).toBeNull();
    expect(damagedDate('4500012345')).toBeNull();
    expect(damagedDate('1250.50')).toBeNull();
    expect(damagedDate('99999999')).toBeNull();
  });

  it('takes the reading shortly before the page was sent, or the only one', () => {
    const twoWays = damagedDate('120112026')!; // 12.11.2026 with a 0 for its dot, or 12.01.2026 with a 1
    expect(twoWays.compact.sort()).toEqual(['2026-01-12', '2026-11-12']);
    expect(resolveDamagedDate(twoWays, { year: 2026, month: 11, day: 13 })).toBe('2026-11-12');
    expect(resolveDamagedDate(twoWays, null)).toBeNull();
    expect(resolveDamagedDate(damagedDate('1001/2026')!, null)).toBe('2026-01-10');
    // long before or after it was sent: no reading
    expect(resolveDamagedDate(damagedDate('1001/2026')!, { year: 2026, month: 6, day: 2 })).toBeNull();
    // the month lost: only with when it was sent
    expect(resolveDamagedDate(damagedDate('29.0: .2026')!, null)).toBeNull();
    expect(resolveDamagedDate(damagedDate('29.0: .2026')!, { year: 2026, month: 6, day: null })).toBe(
      '2026-06-29',
    );
  });
});
