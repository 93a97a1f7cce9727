import { describe, expect, it } from 'vitest';
import { findQuantities, tokenize } from '../../../src/pipeline/extract/quantity-grammar.ts';

describe('tokenize', () => {
  it('parts a figure from a word OCR glued to it with a dot or a bracket', () => {
    expect(tokenize('Art. 20-3876: 2.Packungen')).toEqual(['Art.', '20-3876:', '2', 'Packungen']);
    expect(tokenize('10(Stk 1}PAK')).toEqual(['10', 'Stk', '1', 'PAK']);
    expect(tokenize('20Stk x20')).toEqual(['20', 'Stk', 'x', '20']);
  });

  it('keeps an article number ending in X whole, and the count after it', () => {
    expect(tokenize('AB-1020X 40 Stk')).toEqual(['AB-1020X', '40', 'Stk']);
    expect(findQuantities(tokenize('AB-1020X 40 Stk'))[0]!.quantity).toBe(40);
    // the second factor of a dimension is still no count
    expect(findQuantities(tokenize('Schraube M8x 40'))).toEqual([]);
  });

  it('drops a list bullet or speck glued to the front of a figure', () => {
    expect(tokenize("-'10 Rollen •5 Stk")).toEqual(['10', 'Rollen', '5', 'Stk']);
  });

  it('takes the content of a carton for no count ("cartons de 6 pièces")', () => {
    const hits = findQuantities(tokenize('4 cartons de 6 pièces'));
    expect(hits[0]!.quantity).toBe(4);
    expect(hits.map((h) => h.quantity)).not.toContain(6);
  });

  it('leaves decimals, dates and article numbers whole', () => {
    expect(tokenize('2.5 kg am 27.11.2026 für 10-4711')).toEqual([
      '2.5',
      'kg',
      'am',
      '27.11.2026',
      'für',
      '10-4711',
    ]);
    expect(tokenize("1'250.50 CHF")).toEqual(["1'250.50", 'CHF']);
  });

  it('a quantity glued to its unit by OCR is still found', () => {
    const hits = findQuantities(tokenize('Schlagdübel 6x40, Art. 20-3876: 2.Packungen'));
    expect(hits.map((h) => h.quantity)).toContain(2);
  });
});
