/**
 * What the XML exports and the confirmation need beyond the order itself: who we are (from
 * configuration), the customer's master record (name, address, fax, e-mail), and where the
 * source document can be fetched.
 */
import type { Config } from '../config.ts';
import type { Customer } from '../pipeline/types.ts';
import { customerFromRow } from '../store/master-data-store.ts';
import type { OrderView } from '../store/order-mapper.ts';
import type { Stores } from '../store/stores.ts';
import type { SupplierConfig } from './outbound-config.ts';

export interface ExportContext {
  supplier: SupplierConfig;
  customer: Customer | null;
  /** Absolute URL of the original document (needs FAXGATE_PUBLIC_URL), else null. */
  documentUrl: string | null;
  /** When the export was made (ISO); set by the caller so tests can fix it. */
  generatedAt: string;
}

export async function loadCustomer(stores: Stores, id: string | null): Promise<Customer | null> {
  if (!id) return null;
  const row = await stores.database.db
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? customerFromRow(row) : null;
}

/** The ERP's customer numbers of the given customers (only mapped ones), for the JSON feed. */
export async function loadErpCustomerIds(
  stores: Stores,
  ids: (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await stores.database.db
    .selectFrom('customers')
    .select(['id', 'erp_id'])
    .where('id', 'in', wanted)
    .where('erp_id', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.erp_id as string]));
}

export async function loadExportContext(
  stores: Stores,
  config: Pick<Config, 'supplier' | 'publicUrl'>,
  order: OrderView,
): Promise<ExportContext> {
  return {
    supplier: config.supplier,
    customer: await loadCustomer(stores, order.customer.id),
    documentUrl: config.publicUrl
      ? `${config.publicUrl}/api/v1/documents/${order.documentId}/original`
      : null,
    generatedAt: new Date().toISOString(),
  };
}

/** The ERP's own number for the order's customer, when the master data maps one, else null. */
export function erpCustomerId(order: OrderView, ctx: ExportContext): string | null {
  const c = ctx.customer;
  return c && c.id === order.customer.id && c.erpId ? c.erpId : null;
}

/** The id the ERP sees as the order number: the customer's own reference when there is one. */
export const buyerOrderId = (order: OrderView) => order.customerReference?.trim() || order.id;

/** Sum of quantity × unit price when every line has both, else null (a partial total misleads). */
export function orderTotal(order: OrderView): number | null {
  let total = 0;
  for (const l of order.lines) {
    if (l.quantity === null || l.unitPrice === null) return null;
    total += l.quantity * l.unitPrice;
  }
  return order.lines.length ? Math.round(total * 100) / 100 : null;
}

/** Why an ERP should not book this order without a look (missing facts), or null. */
export function incompleteReason(order: OrderView): string | null {
  const missing: string[] = [];
  if (!order.customer.id) missing.push('customer not identified');
  for (const l of order.lines) {
    if (l.quantity === null) missing.push(`line ${l.position}: no quantity`);
    if (!l.sku) missing.push(`line ${l.position}: no article number`);
  }
  return missing.length ? missing.join('; ') : null;
}
