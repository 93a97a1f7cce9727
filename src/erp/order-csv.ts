/**
 * An order as CSV for ERPs that import spreadsheets: one row per line, the header repeated
 * on each row, RFC 4180 quoting, header row first.
 */
import type { DraftOrder } from '../pipeline/types.ts';

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
] as const;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // Quote, and neutralise spreadsheet formulas so an OCR'd "=…" can never execute.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function orderToCsv(order: DraftOrder & { id: string }): string {
  const rows = [COLUMNS.join(',')];
  for (const l of order.lines) {
    rows.push(
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
      ]
        .map(cell)
        .join(','),
    );
  }
  return rows.join('\r\n') + '\r\n';
}
