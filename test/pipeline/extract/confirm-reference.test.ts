import { describe, expect, it } from 'vitest';
import { confirmReference, restorePrefix } from '../../../src/pipeline/extract/confirm-reference.ts';
import type { HeaderField } from '../../../src/pipeline/extract/header-fields.ts';
import { layoutLines } from '../../../src/pipeline/extract/layout-lines.ts';
import type { PageContent, Word } from '../../../src/pipeline/types.ts';
import { pageFromRows } from './synthetic-page.ts';

const word = (text: string, conf: number, y = 100): Word => ({ text, conf, box: [100, y, 200, 20] });
const page = (n: number, words: Word[]): PageContent => ({
  page: n,
  width: 1728,
  height: 2292,
  source: 'ocr',
  words,
  text: words.map((w) => w.text).join(' '),
  confidence: 0.8,
});
const ref = (value: string): HeaderField<string> => ({
  value,
  confidence: 0.9,
  evidence: { page: 1, box: [100, 100, 200, 20], text: value },
});

describe('confirmReference', () => {
  it('takes no accent specks put on a letter for another reading of the number', () => {
    const warnings: string[] = [];
    const out = confirmReference(ref('ORD/898/26'), [page(1, [word('ÖRD/898/26', 0.93)])], warnings);
    expect(out?.value).toBe('ORD/898/26');
    expect(warnings).toEqual([]);
  });
  it("takes no zero for a prefix's O, as the labelled reading was mended, for another reading", () => {
    const warnings: string[] = [];
    const out = confirmReference(ref('ORD/780/26'), [page(1, [word('0RD/780/26', 0.93)])], warnings);
    expect(out?.value).toBe('ORD/780/26');
    expect(warnings).toEqual([]);
  });
  it('takes the clearer copy of a repeated order number, keeps the labelled separators, and warns', () => {
    const warnings: string[] = [];
    const pages = [
      page(1, [word('Bestellung', 0.9), word('4602387103', 0.62)]),
      page(2, [word('Bestellung', 0.95, 40), word('4502387103', 0.95, 40)]),
    ];
    const out = confirmReference(ref('4602387103'), pages, warnings);
    expect(out?.value).toBe('4502387103');
    expect(out?.evidence.page).toBe(2);
    expect(out!.confidence).toBeLessThan(0.9);
    expect(warnings.join('\n')).toMatch(/4602387103.*4502387103/);

    const dashed = confirmReference(
      ref('PO-2026-0B15'),
      [page(1, [word('PO-2026-0B15', 0.5)]), page(2, [word('PO2026-0815', 0.96)])],
      [],
    );
    expect(dashed?.value).toBe('PO-2026-0815');
  });

  it('keeps the labelled reading when no copy is clearly surer, or the reference is short', () => {
    const warnings: string[] = [];
    const same = [page(1, [word('4502387103', 0.9)]), page(2, [word('4502387108', 0.95)])];
    expect(confirmReference(ref('4502387103'), same, warnings)?.value).toBe('4502387103');
    const short = [page(1, [word('B-815', 0.4)]), page(2, [word('B-816', 0.99)])];
    expect(confirmReference(ref('B-815'), short, warnings)?.value).toBe('B-815');
    // three differences: another number, not a copy
    const other = [page(1, [word('4502387103', 0.5)]), page(2, [word('4511187103', 0.99)])];
    expect(confirmReference(ref('4502387103'), other, warnings)?.value).toBe('4502387103');
    expect(warnings).toEqual([]);
    expect(confirmReference(null, same, warnings)).toBeNull();
  });

  it('flags a number that a few more digits follow after one space: it may go on', () => {
    const labelled = (text: string, value: string): HeaderField<string> => ({
      value,
      confidence: 0.85,
      evidence: { page: 1, box: [100, 100, 300, 20], text },
    });
    const warnings: string[] = [];
    const cut = confirmReference(labelled('N° de commande: 45685309 14,', '45685309'), [], warnings);
    expect(cut?.value).toBe('45685309');
    expect(cut!.confidence).toBeLessThan(0.8);
    expect(warnings.join('\n')).toMatch(/45685309, followed by "14": the number may go on/);
    // a number with a date or a word after it is whole
    for (const text of ['Bestellung 4711 vom 24.11.2026', 'Order 4711 Seite 1', 'Bestellung 4711']) {
      const whole = confirmReference(labelled(text, '4711'), [], []);
      expect(whole!.confidence, text).toBe(0.85);
    }
  });

  // s11900 0006: "Numero ordine: ORD/557 26", the slash before the year lost
  it('takes back the order’s year after a number in parts whose separator before it OCR lost', () => {
    const labelled = (text: string, value: string): HeaderField<string> => ({
      value,
      confidence: 0.85,
      evidence: { page: 1, box: [100, 100, 300, 20], text },
    });
    const warnings: string[] = [];
    const back = confirmReference(labelled('Numero ordine: ORD/557 26', 'ORD/557'), [], warnings, 2026);
    expect(back?.value).toBe('ORD/557/26');
    expect(back!.confidence).toBeLessThan(0.8);
    expect(warnings.join('\n')).toMatch(/read as "ORD\/557 26"; took ORD\/557\/26/);
    // another year, a number without parts, or no order date: flagged as it may go on, not joined
    for (const [text, value, year] of [
      ['Numero ordine: ORD/557 25', 'ORD/557', 2026],
      ['N° de commande: 45685309 26', '45685309', 2026],
      ['Numero ordine: ORD/557 26', 'ORD/557', null],
    ] as const) {
      const w: string[] = [];
      expect(confirmReference(labelled(text, value), [], w, year)?.value, text).toBe(value);
      expect(w.join('\n')).toMatch(/the number may go on/);
    }
  });

  it("takes a number's short letter prefix from a copy where a speck garbled it under the label", () => {
    const labelled = (text: string): HeaderField<string> => ({
      value: '26/2680',
      confidence: 0.85,
      evidence: { page: 1, box: [100, 100, 300, 20], text },
    });
    const lines = layoutLines(
      pageFromRows([
        'Muster AG  Bestell-Nr. “8 26/2680',
        '',
        'Baumann AG + Bestellung B 26/2680 Seite 1 von 1',
      ]),
    );
    const warnings: string[] = [];
    const out = restorePrefix(labelled('Muster AG  Bestell-Nr. “8 26/2680'), lines, warnings);
    expect(out?.value).toBe('B 26/2680');
    expect(out!.confidence).toBeLessThan(0.8);
    expect(warnings.join('\n')).toMatch(/read as 26\/2680, and as B 26\/2680/);
    // nothing garbled before the labelled number: a prefix elsewhere is another number's
    expect(restorePrefix(labelled('Bestell-Nr. 26/2680'), lines, [])?.value).toBe('26/2680');
  });
});
