/**
 * Orders as CSV for ERPs that import spreadsheets: one row per line, the order's header fields
 * repeated on each row, RFC 4180 quoting, CRLF, header row first, UTF-8. Swiss Excel opens files
 * with `;` and needs a BOM to read UTF-8, so both are options. Columns are only ever appended.
 */
import type { DraftOrder } from '../pipeline/types.ts';
import { unitCode } from './unit-codes.ts';

const COLUMNS = [
  'order_id',
  'customer_id',
  'customer_reference',
  'order_date',
  'delivery_date',
  'position',
  'sku',
  'customer_sku',
  'gtin',
  'description',
  'quantity',
  'unit',
  'unit_price',
  'unit_code',
  'customer_name',
  'delivery_address',
  'remarks',
  'document_id',
  'customer_erp_id',
] as const;

export interface CsvOptions {
  /** Field separator: ',' (RFC 4180, default) or ';' (Excel in de-CH/de-DE/fr-CH). */
  separator?: ',' | ';';
  /** Prefix a UTF-8 byte-order mark so Excel reads umlauts correctly. */
  bom?: boolean;
}

/** `customer.erpId`: the ERP's customer number when the master data maps one (set by the caller). */
export type CsvOrder = DraftOrder & {
  id: string;
  documentId?: string;
  customer: DraftOrder['customer'] & { erpId?: string | null };
};

function cell(v: unknown, sep: string): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // Neutralise spreadsheet formulas so an OCR'd "=…" can never execute (numbers stay numbers).
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return safe.includes(sep) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function rows(order: CsvOrder, sep: string): string[] {
  return order.lines.map((l) =>
    [
      order.id,
      order.customer.id,
      order.customerReference,
      order.orderDate,
      order.deliveryDate,
      l.position,
      l.sku,
      l.customerSku,
      l.gtin,
      l.description,
      l.quantity,
      l.unit,
      l.unitPrice,
      unitCode(l.unit).code,
      order.customer.name,
      order.deliveryAddress,
      order.remarks,
      order.documentId,
      order.customer.erpId,
    ]
      .map((v) => cell(v, sep))
      .join(sep),
  );
}

/** Several orders in one file (the batch export); a header row even when there are none. */
export function ordersToCsv(orders: CsvOrder[], opts: CsvOptions = {}): string {
  const sep = opts.separator ?? ',';
  const out = [COLUMNS.join(sep), ...orders.flatMap((o) => rows(o, sep))];
  return `${opts.bom ? '\uFEFF' : ''}${out.join('\r\n')}\r\n`;
}

export function orderToCsv(order: CsvOrder, opts: CsvOptions = {}): string {
  return ordersToCsv([order], opts);
}
