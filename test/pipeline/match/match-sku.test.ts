import { describe, expect, it } from 'vitest';
import { buildCatalogIndex } from '../../../src/pipeline/match/catalog-index.ts';
import { matchSkuToken } from '../../../src/pipeline/match/match-sku.ts';
import type { MasterData } from '../../../src/pipeline/types.ts';

const p = (sku: string, gtin: string | null = null) => ({
  sku,
  description: `Artikel ${sku}`,
  unit: 'Stk',
  price: 1,
  gtin,
});
const master: MasterData = {
  products: [
    p('AB-1020X'),
    p('10-4711'),
    p('204.118.05'),
    p('SI-2726E'),
    p('SI-2726F'),
    p('0001547', '7612345000015'),
  ],
  customers: [],
  customerSkus: [
    { customerId: 'C-1001', customerSku: 'BH-20115', sku: '10-4711' },
    { customerId: 'C-1001', customerSku: 'BH-20118', sku: '204.118.05' },
  ],
};
const idx = buildCatalogIndex(master);
const sku = (read: string, customer: string | null = null) => {
  const r = matchSkuToken(read, idx, customer);
  if (r?.kind === 'match') return [r.match.product.sku, r.match.matchedBy];
  if (r?.kind === 'ambiguous') return ['?', r.amb.candidates.map((c) => c.sku).sort()];
  return null;
};

describe('matchSkuToken', () => {
  it('matches exactly and after normalisation', () => {
    expect(sku('10-4711')).toEqual(['10-4711', 'sku']);
    expect(sku('204 118 05')).toEqual(['204.118.05', 'sku']);
    expect(sku('ab1020x')).toEqual(['AB-1020X', 'sku']);
    // dots read as commas
    expect(sku('204,118,05')).toEqual(['204.118.05', 'sku']);
  });
  it('folds OCR confusions when the result is unique', () => {
    expect(sku('AB-1O2OX')).toEqual(['AB-1020X', 'sku-fuzzy']);
    expect(sku('l0-47ll')).toEqual(['10-4711', 'sku-fuzzy']);
  });
  it('reports an ambiguity instead of guessing', () => {
    expect(sku('SI-2726')).toEqual(['?', ['SI-2726E', 'SI-2726F']]);
  });
  it('repairs one misread GTIN digit via the check digit', () => {
    expect(sku('7612345000015')).toEqual(['0001547', 'gtin']);
    expect(sku('7612345000915')).toEqual(['0001547', 'gtin']);
  });
  it("uses the customer's own article numbers only for that customer", () => {
    expect(sku('BH-20115', 'C-1001')).toEqual(['10-4711', 'customer-sku']);
    expect(sku('BH-20115', 'C-9999')).toBeNull();
  });
  it("takes a customer's number with one character misread, dropped or added only when unique", () => {
    expect(sku('BH-2O1I5', 'C-1001')).toEqual(['10-4711', 'customer-sku']);
    expect(sku('BH-70115', 'C-1001')).toEqual(['10-4711', 'customer-sku']);
    expect(sku('BH-2115', 'C-1001')).toEqual(['10-4711', 'customer-sku']);
    expect(sku('BH-201189', 'C-1001')).toEqual(['204.118.05', 'customer-sku']);
    // one edit from both of the customer's numbers: no choice is safe
    expect(sku('BH-20119', 'C-1001')).toBeNull();
    expect(sku('BH-70115', 'C-9999')).toBeNull();
  });
});
