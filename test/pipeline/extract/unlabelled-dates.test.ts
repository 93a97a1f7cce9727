import { describe, expect, it } from 'vitest';
import { layoutLines } from '../../../src/pipeline/extract/layout-lines.ts';
import { unlabelledDates } from '../../../src/pipeline/extract/unlabelled-dates.ts';
import { pageFromRows } from './synthetic-page.ts';

const ref = new Date('2026-02-25T00:00:00Z');
const TABLE = 'Art.-Nr.   Bezeichnung              ME     Preis CHF   Menge';
const lines = (rows: string[]) => layoutLines(pageFromRows(rows));

describe('unlabelledDates', () => {
  it('takes two dates above the order table, order before delivery, with a low confidence and a warning', () => {
    const warnings: string[] = [];
    const got = unlabelledDates(
      lines([
        'Bésfoltor  Stifan Gerber       Dahn)  24.02.2026',
        'Tan er  04.03.2026',
        TABLE,
        '10-5056  Blechschraube',
      ]),
      ref,
      warnings,
    );
    expect(got?.orderDate.value).toBe('2026-02-24');
    expect(got?.deliveryDate?.value).toBe('2026-03-04');
    expect(got!.orderDate.confidence).toBeLessThanOrEqual(0.5);
    expect(warnings.join('\n')).toMatch(/check them/);
  });

  // Regression (s12000 0008): "2026-16-06" under "Darm: en 2026-10-03" gave neither date
  it('mends a day or month that one confused digit made impossible, as under a label', () => {
    const got = unlabelledDates(
      lines(['Bestellung. i | Beste IR: ORDIB49/26', '"Darm: en 2026-10-03 i', '2026-16-06', TABLE]),
      ref,
      [],
    );
    expect(got?.orderDate.value).toBe('2026-10-03');
    expect(got?.deliveryDate?.value).toBe('2026-10-06');
    // (two mends alike, "2026-00-06" for 08 or 06: no date)
    expect(
      unlabelledDates(lines(['Darm: 2026-10-03', '2026-00-06', TABLE]), ref, [])?.deliveryDate ?? null,
    ).toBeNull();
  });

  it('takes one full date over a date whose day did not read for the order date', () => {
    const warnings: string[] = [];
    const got = unlabelledDates(
      lines(['Hologgdation 3, Juni 2026', 'Listordatutn ©. Juni 2026', TABLE, '10-5056  Blechschraube']),
      ref,
      warnings,
    );
    expect(got?.orderDate.value).toBe('2026-06-03');
    expect(got?.deliveryDate).toBeNull();
    expect(warnings.join('\n')).toMatch(/took 2026-06-03 as the order date from the order's head — check it/);
    // the broken date above the full one: which is which cannot be told
    expect(
      unlabelledDates(lines(['Listordatutn ©. Juni 2026', 'Datun 3, Juni 2026', TABLE]), ref, []),
    ).toBeNull();
  });

  it('stays out of it when the reading is not clear-cut', () => {
    const warnings: string[] = [];
    // one date only, three dates, dates far apart, dates only below the table, no table
    expect(unlabelledDates(lines(['Datum? 24.02.2026', TABLE]), ref, warnings)).toBeNull();
    expect(unlabelledDates(lines(['24.02.2026  01.03.2026  04.03.2026', TABLE]), ref, warnings)).toBeNull();
    expect(unlabelledDates(lines(['24.02.2026   30.09.2026', TABLE]), ref, warnings)).toBeNull();
    expect(unlabelledDates(lines([TABLE, '10-5056  24.02.2026  04.03.2026']), ref, warnings)).toBeNull();
    expect(unlabelledDates(lines(['24.02.2026   04.03.2026']), ref, warnings)).toBeNull();
    expect(warnings).toEqual([]);
  });
});
