/**
 * `faxgate import products|customers|customer-skus FILE.csv`.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseCustomerSkusCsv, parseCustomersCsv, parseProductsCsv } from '../masterdata/read-csv.ts';
import { withStores } from './with-stores.ts';

const HELP = `Usage: faxgate import <products|customers|customer-skus> FILE.csv

Replaces that master-data table with the file's rows (rows not in the file are removed) and
prints the number of inserted, updated and deleted rows. CSV, UTF-8, with the header row:
  products.csv       sku,description,unit,price,gtin
  customers.csv      id,name,fax,email,street,zip,city,country
  customer_skus.csv  customer_id,customer_sku,sku

Options:
  --if-empty   import only when that table is still empty (first-run sample data)`;

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, 'if-empty': { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const [kind, file] = positionals;
  if (!kind || !file || !['products', 'customers', 'customer-skus'].includes(kind)) {
    process.stderr.write(HELP + '\n');
    return 2;
  }
  const text = await readFile(file, 'utf8');
  const counts = await withStores(async (stores) => {
    if (values['if-empty']) {
      const master = await stores.masterData.load();
      const current =
        kind === 'products' ? master.products : kind === 'customers' ? master.customers : master.customerSkus;
      if (current.length > 0) return null;
    }
    if (kind === 'products') return stores.masterData.replaceProducts(parseProductsCsv(text, file));
    if (kind === 'customers') return stores.masterData.replaceCustomers(parseCustomersCsv(text, file));
    return stores.masterData.replaceCustomerSkus(parseCustomerSkusCsv(text, file));
  });
  if (!counts) {
    process.stdout.write(`${kind}: already has data, left as it is\n`);
    return 0;
  }
  process.stdout.write(
    `${kind}: ${counts.inserted} inserted, ${counts.updated} updated, ${counts.deleted} deleted\n`,
  );
  return 0;
}
