import { describe, expect, it } from 'vitest';
import { parseCustomersCsv, parseProductsCsv } from '../../src/masterdata/read-csv.ts';

describe('master data CSV', () => {
  it('reads products with a BOM and normalises customer fax numbers to E.164', () => {
    const ps = parseProductsCsv('\uFEFFsku,description,unit,price,gtin\n10-4711,"Schraube, M4",Stk,9.50,\n');
    expect(ps).toEqual([
      { sku: '10-4711', description: 'Schraube, M4', unit: 'Stk', price: 9.5, gtin: null },
    ]);
    const cs = parseCustomersCsv(
      'id,name,fax,email,street,zip,city,country\nC-1,A AG,044 555 67 64,a@b.ch,,,,CH\n',
    );
    expect(cs[0]?.fax).toBe('+41445556764');
  });
  it('rejects a wrong header naming the file and line', () => {
    expect(() => parseProductsCsv('id,name\n1,x\n')).toThrow(/products\.csv, line 1: header/);
  });
  it('rejects a bad price naming line and column', () => {
    expect(() => parseProductsCsv('sku,description,unit,price,gtin\nA1,x,Stk,9,50,\n')).toThrow(/line 2/);
    expect(() => parseProductsCsv('sku,description,unit,price,gtin\nA1,x,Stk,abc,\n')).toThrow(
      /line 2, column price/,
    );
  });
});
