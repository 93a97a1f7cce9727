import type { Selectable, Transaction } from 'kysely';
import type { Customer, CustomerSku, MasterData, Product } from '../pipeline/types.ts';
import type { Database } from './database.ts';
import { type ReplaceCounts, replaceRows } from './replace-rows.ts';
import type { CustomersTable, Schema } from './schema.ts';

/**
 * A customers row as the shared Customer type. `erpId` is present only when the customer is
 * mapped, so records without an ERP number look exactly as they did before the column existed.
 */
export function customerFromRow(row: Selectable<CustomersTable>): Customer {
  const { erp_id, ...rest } = row;
  return erp_id ? { ...rest, erpId: erp_id } : rest;
}

/** Thrown to roll a dry run's transaction back after the counts are known. */
class DryRun extends Error {
  constructor(readonly counts: ReplaceCounts) {
    super('dry run');
  }
}

/**
 * Master data as the three CSVs define it. Each replace makes the table match the file exactly,
 * in one transaction, so matching never sees half an import. `dryRun` answers the counts of
 * changes without keeping them (the import preview).
 */
export function createMasterDataStore(database: Database) {
  const { db } = database;

  /** One transaction; with `dryRun` it is rolled back and only the counts of changes come out. */
  async function inTransaction(
    fn: (trx: Transaction<Schema>) => Promise<ReplaceCounts>,
    dryRun = false,
  ): Promise<ReplaceCounts> {
    try {
      return await db.transaction().execute(async (trx) => {
        const counts = await fn(trx);
        if (dryRun) throw new DryRun(counts);
        return counts;
      });
    } catch (err) {
      if (err instanceof DryRun) return err.counts;
      throw err;
    }
  }

  return {
    replaceProducts: (rows: Product[], opts: { dryRun?: boolean } = {}): Promise<ReplaceCounts> =>
      inTransaction(
        (trx) =>
          replaceRows(
            trx,
            'products',
            ['sku'],
            rows.map((p) => ({
              sku: p.sku,
              description: p.description,
              unit: p.unit,
              price: p.price,
              gtin: p.gtin,
            })),
            'products',
          ),
        opts.dryRun,
      ),

    replaceCustomers: (rows: Customer[], opts: { dryRun?: boolean } = {}): Promise<ReplaceCounts> =>
      inTransaction(
        (trx) =>
          replaceRows(
            trx,
            'customers',
            ['id'],
            rows.map((c) => ({
              id: c.id,
              name: c.name,
              fax: c.fax,
              email: c.email,
              street: c.street,
              zip: c.zip,
              city: c.city,
              country: c.country,
              // Always written, so an import without the column clears old mappings (the table
              // matches the file) and a changed ERP number counts as an update.
              erp_id: c.erpId || null,
            })),
            'customers',
          ),
        opts.dryRun,
      ),

    replaceCustomerSkus: (rows: CustomerSku[], opts: { dryRun?: boolean } = {}): Promise<ReplaceCounts> =>
      inTransaction(
        (trx) =>
          replaceRows(
            trx,
            'customer_skus',
            ['customer_id', 'customer_sku'],
            rows.map((r) => ({ customer_id: r.customerId, customer_sku: r.customerSku, sku: r.sku })),
            'customer_skus',
          ),
        opts.dryRun,
      ),

    /** Everything, sorted by key (stable output for matching and tests). */
    async load(): Promise<MasterData> {
      const [products, customers, customerSkus] = await Promise.all([
        db.selectFrom('products').selectAll().orderBy('sku').execute(),
        db.selectFrom('customers').selectAll().orderBy('id').execute(),
        db.selectFrom('customer_skus').selectAll().orderBy('customer_id').orderBy('customer_sku').execute(),
      ]);
      return {
        products: products.map((p) => ({ ...p })),
        customers: customers.map(customerFromRow),
        customerSkus: customerSkus.map((r) => ({
          customerId: r.customer_id,
          customerSku: r.customer_sku,
          sku: r.sku,
        })),
      };
    },
  };
}

export type MasterDataStore = ReturnType<typeof createMasterDataStore>;
