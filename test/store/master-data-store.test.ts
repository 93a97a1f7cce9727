import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, Product } from '../../src/pipeline/types.ts';
import { createMasterDataStore, type MasterDataStore } from '../../src/store/master-data-store.ts';
import { backends, openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const product = (sku: string, price: number | null = 1.5): Product => ({
  sku,
  description: `Artikel ${sku}`,
  unit: 'Stk',
  price,
  gtin: null,
});
const customer: Customer = {
  id: 'C-1007',
  name: 'Baumann AG',
  fax: '+41445551234',
  email: 'einkauf@baumann.example',
  street: 'Industriestrasse 4',
  zip: '8005',
  city: 'Zürich',
  country: 'CH',
};

describe.each(backends)('master data store (%s)', (kind) => {
  let database: TestDatabase;
  let master: MasterDataStore;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    master = createMasterDataStore(database);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it('replace counts inserted, changed and deleted rows', async () => {
    expect(await master.replaceProducts([product('A'), product('B'), product('C')])).toEqual({
      inserted: 3,
      updated: 0,
      deleted: 0,
    });
    // A unchanged, B new price, C gone, D new.
    expect(await master.replaceProducts([product('A'), product('B', 2.35), product('D', null)])).toEqual({
      inserted: 1,
      updated: 1,
      deleted: 1,
    });
    expect((await master.load()).products).toEqual([product('A'), product('B', 2.35), product('D', null)]);
    await expect(master.replaceProducts([product('A'), product('A')])).rejects.toMatchObject({
      code: 'BAD_MASTER_DATA',
    });
    expect((await master.load()).products).toHaveLength(3);
  });

  it('customers and customer article numbers round-trip', async () => {
    expect(await master.replaceCustomers([customer, { ...customer, id: 'C-2', fax: null }])).toEqual({
      inserted: 2,
      updated: 0,
      deleted: 0,
    });
    expect(await master.replaceCustomers([{ ...customer, city: 'Winterthur' }])).toEqual({
      inserted: 0,
      updated: 1,
      deleted: 1,
    });
    const skus = [
      { customerId: 'C-1007', customerSku: 'B-77', sku: 'A' },
      { customerId: 'C-1007', customerSku: 'B-78', sku: 'B' },
      { customerId: 'C-2', customerSku: 'B-77', sku: 'D' },
    ];
    expect(await master.replaceCustomerSkus(skus)).toEqual({ inserted: 3, updated: 0, deleted: 0 });
    expect(await master.replaceCustomerSkus([{ ...skus[0]!, sku: 'D' }, skus[2]!])).toEqual({
      inserted: 0,
      updated: 1,
      deleted: 1,
    });
    const data = await master.load();
    expect(data.customers).toEqual([{ ...customer, city: 'Winterthur' }]);
    expect(data.customerSkus).toEqual([{ ...skus[0], sku: 'D' }, skus[2]]);
  });

  it("the ERP's customer number round-trips, and a changed one counts as an update", async () => {
    const mapped = { ...customer, erpId: 'DEB-10042' };
    const other = { ...customer, id: 'C-3', fax: null };
    expect(await master.replaceCustomers([mapped, other])).toEqual({ inserted: 1, updated: 1, deleted: 0 });
    expect((await master.load()).customers).toEqual([mapped, other]);
    // Same file again: nothing changes.
    expect(await master.replaceCustomers([mapped, other])).toEqual({ inserted: 0, updated: 0, deleted: 0 });
    expect(await master.replaceCustomers([{ ...mapped, erpId: 'DEB-99' }, other], { dryRun: true })).toEqual({
      inserted: 0,
      updated: 1,
      deleted: 0,
    });
    expect((await master.load()).customers[0]?.erpId).toBe('DEB-10042');
    expect(await master.replaceCustomers([{ ...mapped, erpId: 'DEB-99' }, other])).toEqual({
      inserted: 0,
      updated: 1,
      deleted: 0,
    });
    expect((await master.load()).customers).toEqual([{ ...mapped, erpId: 'DEB-99' }, other]);
    // A file without the column unmaps (the table matches the file).
    expect(await master.replaceCustomers([customer, other])).toEqual({ inserted: 0, updated: 1, deleted: 0 });
    expect((await master.load()).customers).toEqual([customer, other]);
    expect((await master.load()).customers[0]).not.toHaveProperty('erpId');
  });
});
