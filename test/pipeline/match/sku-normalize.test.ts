import { describe, expect, it } from 'vitest';
import { buildCatalogIndex } from '../../../src/pipeline/match/catalog-index.ts';
import { matchSkuToken } from '../../../src/pipeline/match/match-sku.ts';
import { confusionKey, gtinValid, normSku } from '../../../src/pipeline/match/sku-normalize.ts';
import type { MasterData } from '../../../src/pipeline/types.ts';

describe('SKU normalisation', () => {
  it('drops separators and case', () => {
    expect(normSku('204.118.05')).toBe('20411805');
    expect(normSku('ab-1020x')).toBe('AB1020X');
    expect(normSku('10 – 4711')).toBe('104711');
    expect(normSku('205,310,01')).toBe('20531001');
  });
  it('folds the characters OCR confuses to one key', () => {
    for (const read of ['AB-1O2OX', 'A8-1020X', 'AB 1O2O X', 'AB-l020X', 'AB-I020X']) {
      expect(confusionKey(read)).toBe(confusionKey('AB-1020X'));
    }
    expect(confusionKey('SI-2726E')).not.toBe(confusionKey('SI-2726F'));
    expect(confusionKey('ZG-5')).toBe('265');
  });
});

describe('GTIN', () => {
  it('checks the EAN-13 check digit (DOMAIN.md examples)', () => {
    for (const ok of ['7612345000015', '7612345000008', '4006381333931', '7622200004607']) {
      expect(gtinValid(ok)).toBe(true);
    }
    expect(gtinValid('7612345000016')).toBe(false);
    expect(gtinValid('761234500001')).toBe(false); // 12 digits with a wrong check digit
    expect(gtinValid('abc')).toBe(false);
  });

  const product = (sku: string, gtin: string) => ({ sku, description: sku, unit: 'Stk', price: 1, gtin });
  const idx = buildCatalogIndex({
    products: [product('0001547', '7612345000015'), product('0001548', '4006381333931')],
    customers: [],
    customerSkus: [],
  } satisfies MasterData);

  it('repairs one misread digit with the check digit, also through letter confusions', () => {
    const r = matchSkuToken('7612345000075', idx, null);
    expect(r?.kind === 'match' && r.match.product.sku).toBe('0001547');
    const o = matchSkuToken('76l2345OOOO15', idx, null);
    expect(o?.kind === 'match' && o.match.product.sku).toBe('0001547');
  });
  it('does not invent a product for an unrelated valid GTIN', () => {
    expect(matchSkuToken('7622200004607', idx, null)).toBeNull();
  });
});
