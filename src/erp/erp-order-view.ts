/**
 * An order as the ERP sees it in JSON (feed, single order, push): the customer with the ERP's own
 * number (`customer.erpId`, null when unmapped) and a link to the source document.
 */
import type { Config } from '../config.ts';
import type { OrderView } from '../store/order-mapper.ts';
import type { Stores } from '../store/stores.ts';
import { loadErpCustomerIds } from './export-context.ts';

export const erpDocumentPath = (orderId: string) => `/erp/v1/orders/${encodeURIComponent(orderId)}/document`;

export type ErpOrderView = OrderView & {
  customer: OrderView['customer'] & { erpId: string | null };
  documentUrl: string;
};

export async function erpOrderViews(
  stores: Stores,
  config: Config,
  orders: OrderView[],
): Promise<ErpOrderView[]> {
  const erpIds = await loadErpCustomerIds(
    stores,
    orders.map((o) => o.customer.id),
  );
  return orders.map((order) => ({
    ...order,
    customer: { ...order.customer, erpId: (order.customer.id && erpIds.get(order.customer.id)) || null },
    documentUrl: `${config.publicUrl ?? ''}${erpDocumentPath(order.id)}`,
  }));
}
