/**
 * Master data from the three CSVs fixed in DESIGN.md. Headers are checked exactly so that a file in
 * the wrong slot (customers.csv uploaded as products) fails loudly instead of importing garbage.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { FaxgateError } from '../errors.ts';
import type { Customer, CustomerSku, MasterData, Product } from '../pipeline/types.ts';
import { normalizeFax } from './normalize-fax.ts';

export const PRODUCTS_HEADER = ['sku', 'description', 'unit', 'price', 'gtin'] as const;
export const CUSTOMERS_HEADER = ['id', 'name', 'fax', 'email', 'street', 'zip', 'city', 'country'] as const;
export const CUSTOMER_SKUS_HEADER = ['customer_id', 'customer_sku', 'sku'] as const;
/**
 * customers.csv may carry one optional trailing column: the ERP's customer number. The fixed
 * header stays valid as it is (DESIGN.md contract); any other extra column is still an error.
 */
export const CUSTOMERS_OPTIONAL = ['erp_id'] as const;

function bad(file: string, message: string, line?: number, column?: string): FaxgateError {
  const where = [file, line === undefined ? null : `line ${line}`, column ? `column ${column}` : null]
    .filter(Boolean)
    .join(', ');
  return new FaxgateError('BAD_MASTER_DATA', `${where}: ${message}`, {
    details: { file, line, column },
  });
}

/**
 * Parse rows; line numbers are 1-based file lines (header = line 1). `optional` columns may follow
 * the fixed header, in order (a prefix of them); rows then have as many cells as the header row.
 */
function readRows(
  text: string,
  file: string,
  header: readonly string[],
  optional: readonly string[] = [],
): { line: number; cells: string[] }[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    throw bad(file, `not valid CSV (${(err as Error).message})`);
  }
  const [first, ...rest] = records;
  if (!first) throw bad(file, `empty file; expected header ${header.join(',')}`, 1);
  const got = first.map((c) => c.toLowerCase());
  const full = [...header, ...optional];
  if (got.length < header.length || got.length > full.length || got.some((c, i) => c !== full[i])) {
    const also = optional.length ? ` (optionally followed by ${optional.join(',')})` : '';
    throw bad(file, `header is "${first.join(',')}", expected "${header.join(',')}"${also}`, 1);
  }
  const width = got.length;
  return rest.map((cells, i) => {
    const line = i + 2;
    if (cells.length !== width) {
      throw bad(file, `${cells.length} columns, expected ${width}`, line);
    }
    return { line, cells };
  });
}

const emptyToNull = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);

export function parseProductsCsv(text: string, file = 'products.csv'): Product[] {
  const seen = new Set<string>();
  return readRows(text, file, PRODUCTS_HEADER).map(({ line, cells }) => {
    const [sku = '', description = '', unit = '', price = '', gtin = ''] = cells;
    if (!sku) throw bad(file, 'sku is empty', line, 'sku');
    if (seen.has(sku)) throw bad(file, `duplicate sku "${sku}"`, line, 'sku');
    seen.add(sku);
    if (!unit) throw bad(file, 'unit is empty', line, 'unit');
    let priceNum: number | null = null;
    if (price !== '') {
      priceNum = Number(price);
      if (!Number.isFinite(priceNum) || priceNum < 0) {
        throw bad(file, `price "${price}" is not a number (use a decimal point)`, line, 'price');
      }
    }
    if (gtin !== '' && !/^\d{8,14}$/.test(gtin)) {
      throw bad(file, `gtin "${gtin}" must be 8-14 digits`, line, 'gtin');
    }
    return { sku, description, unit, price: priceNum, gtin: emptyToNull(gtin) };
  });
}

export function parseCustomersCsv(text: string, file = 'customers.csv'): Customer[] {
  const seen = new Set<string>();
  return readRows(text, file, CUSTOMERS_HEADER, CUSTOMERS_OPTIONAL).map(({ line, cells }) => {
    const [
      id = '',
      name = '',
      fax = '',
      email = '',
      street = '',
      zip = '',
      city = '',
      country = '',
      erpId = '',
    ] = cells;
    if (!id) throw bad(file, 'id is empty', line, 'id');
    if (seen.has(id)) throw bad(file, `duplicate id "${id}"`, line, 'id');
    seen.add(id);
    if (!name) throw bad(file, 'name is empty', line, 'name');
    let faxE164: string | null = null;
    if (fax !== '') {
      const c = country === 'DE' ? 'DE' : 'CH';
      faxE164 = normalizeFax(fax, c);
      if (!faxE164) throw bad(file, `fax "${fax}" is not a phone number`, line, 'fax');
    }
    if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      throw bad(file, `email "${email}" is not an e-mail address`, line, 'email');
    }
    return {
      id,
      name,
      fax: faxE164,
      email: email === '' ? null : email.toLowerCase(),
      street: emptyToNull(street),
      zip: emptyToNull(zip),
      city: emptyToNull(city),
      country: emptyToNull(country),
      // Only when mapped: unmapped customers look exactly as before the column existed.
      ...(erpId !== '' ? { erpId } : {}),
    };
  });
}

export function parseCustomerSkusCsv(text: string, file = 'customer_skus.csv'): CustomerSku[] {
  return readRows(text, file, CUSTOMER_SKUS_HEADER).map(({ line, cells }) => {
    const [customerId = '', customerSku = '', sku = ''] = cells;
    if (!customerId) throw bad(file, 'customer_id is empty', line, 'customer_id');
    if (!customerSku) throw bad(file, 'customer_sku is empty', line, 'customer_sku');
    if (!sku) throw bad(file, 'sku is empty', line, 'sku');
    return { customerId, customerSku, sku };
  });
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Load products.csv, customers.csv and customer_skus.csv from `dir`; a missing file is an empty list. */
export async function loadMasterDataDir(dir: string): Promise<MasterData> {
  const [p, c, s] = await Promise.all([
    readOptional(join(dir, 'products.csv')),
    readOptional(join(dir, 'customers.csv')),
    readOptional(join(dir, 'customer_skus.csv')),
  ]);
  return {
    products: p === null ? [] : parseProductsCsv(p),
    customers: c === null ? [] : parseCustomersCsv(c),
    customerSkus: s === null ? [] : parseCustomerSkusCsv(s),
  };
}
