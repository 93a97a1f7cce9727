import type { Customer, CustomerSku, MasterData, Product } from '../pipeline/types.ts';
import type { Database } from './database.ts';
import { type ReplaceCounts, replaceRows } from './replace-rows.ts';

/**
 * Master data as the three CSVs define it. Each replace makes the table match the file exactly,
 * in one transaction, so matching never sees half an import.
 */
export function createMasterDataStore(database: Database) {
  const { db } = database;

  return {
    replaceProducts: (rows: Product[]): Promise<ReplaceCounts> =>
      db.transaction().execute((trx) =>
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
      ),

    replaceCustomers: (rows: Customer[]): Promise<ReplaceCounts> =>
      db.transaction().execute((trx) =>
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
          })),
          'customers',
        ),
      ),

    replaceCustomerSkus: (rows: CustomerSku[]): Promise<ReplaceCounts> =>
      db.transaction().execute((trx) =>
        replaceRows(
          trx,
          'customer_skus',
          ['customer_id', 'customer_sku'],
          rows.map((r) => ({ customer_id: r.customerId, customer_sku: r.customerSku, sku: r.sku })),
          'customer_skus',
        ),
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
        customers: customers.map((c) => ({ ...c })),
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
