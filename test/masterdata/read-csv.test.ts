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
  it('reads customers with and without the optional trailing erp_id column', () => {
    const fixed = parseCustomersCsv('id,name,fax,email,street,zip,city,country\nC-1,A AG,,,,,,CH\n');
    expect(fixed[0]).not.toHaveProperty('erpId');
    const cs = parseCustomersCsv(
      'id,name,fax,email,street,zip,city,country,erp_id\nC-1,A AG,,,,,,CH,DEB-10042\nC-2,B AG,,,,,,CH,\n',
    );
    expect(cs[0]).toMatchObject({ id: 'C-1', country: 'CH', erpId: 'DEB-10042' });
    // An empty cell means "not mapped", exactly like a file without the column.
    expect(cs[1]).toEqual({ ...fixed[0], id: 'C-2', name: 'B AG' });
  });
  it('rejects other extra customer columns and rows that do not match the header width', () => {
    const head = 'id,name,fax,email,street,zip,city,country';
    expect(() => parseCustomersCsv(`${head},debtor\nC-1,A AG,,,,,,CH,D1\n`)).toThrow(
      /customers\.csv, line 1: header is ".*debtor", expected "id,name,fax,email,street,zip,city,country"/,
    );
    expect(() => parseCustomersCsv(`${head},erp_id,note\nC-1,A AG,,,,,,CH,D1,x\n`)).toThrow(/line 1: header/);
    expect(() => parseCustomersCsv(`erp_id,${head}\nD1,C-1,A AG,,,,,,CH\n`)).toThrow(/line 1: header/);
    expect(() => parseCustomersCsv(`${head},erp_id\nC-1,A AG,,,,,,CH\n`)).toThrow(
      /customers\.csv, line 2: 8 columns, expected 9/,
    );
    expect(() => parseCustomersCsv(`${head}\nC-1,A AG,,,,,,CH,D1\n`)).toThrow(
      /line 2: 9 columns, expected 8/,
    );
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
