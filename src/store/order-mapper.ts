/**
 * Row ↔ OrderView mapping. OrderView is the draft order JSON of DESIGN.md plus the review/ERP
 * bookkeeping fields; it is what the review API and the ERP feed return.
 */
import type { Insertable, Selectable } from 'kysely';
import type {
  DraftCustomer,
  DraftFields,
  DraftLine,
  DraftOrder,
  Evidence,
  SourceInfo,
} from '../pipeline/types.ts';
import type { OrderLinesTable, OrderStatus, OrdersTable } from './schema.ts';

export interface OrderView {
  id: string;
  status: OrderStatus;
  documentId: string;
  source: SourceInfo;
  customer: DraftCustomer;
  customerReference: string | null;
  orderDate: string | null;
  deliveryDate: string | null;
  deliveryAddress: string | null;
  remarks: string | null;
  fields: DraftFields;
  lines: DraftLine[];
  warnings: string[];
  confidence: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  /** Position in the ERP feed; null until confirmed. */
  confirmSeq: number | null;
  exportedAt: string | null;
  erpOrderNumber: string | null;
  failureReason: string | null;
  rejectedReason: string | null;
}

export type OrderRow = Selectable<OrdersTable>;
export type OrderLineRow = Selectable<OrderLinesTable>;

/** The header fields a clerk may change (PATCH); `lines` replaces the whole list. */
export interface OrderChanges {
  customer?: Partial<DraftCustomer>;
  customerReference?: string | null;
  orderDate?: string | null;
  deliveryDate?: string | null;
  deliveryAddress?: string | null;
  remarks?: string | null;
  lines?: DraftLine[];
}

export const EMPTY_CUSTOMER: DraftCustomer = { id: null, name: null, matchedBy: null, confidence: 0 };

export const EMPTY_FIELDS: DraftFields = {
  customerReference: null,
  orderDate: null,
  deliveryDate: null,
  deliveryAddress: null,
  remarks: null,
};

/** The columns a draft fills (everything except identity, status and bookkeeping). */
export function draftColumns(draft: DraftOrder) {
  return {
    customer_id: draft.customer.id,
    customer_json: JSON.stringify(draft.customer),
    customer_reference: draft.customerReference,
    order_date: draft.orderDate,
    delivery_date: draft.deliveryDate,
    delivery_address: draft.deliveryAddress,
    remarks: draft.remarks,
    warnings_json: JSON.stringify(draft.warnings),
    fields_json: JSON.stringify(draft.fields),
    source_json: JSON.stringify(draft.source),
    confidence: draft.confidence,
  } satisfies Partial<Insertable<OrdersTable>>;
}

/** Line rows, numbered 1..n in list order (positions are the ERP's line numbers, so no gaps). */
export function lineRows(orderId: string, lines: DraftLine[]): Insertable<OrderLinesTable>[] {
  return lines.map((l, i) => ({
    order_id: orderId,
    position: i + 1,
    sku: l.sku,
    customer_sku: l.customerSku,
    gtin: l.gtin,
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    unit_price: l.unitPrice,
    matched_by: l.matchedBy,
    confidence: l.confidence,
    evidence_json: l.evidence ? JSON.stringify(l.evidence) : null,
    conversion_json: l.conversion ? JSON.stringify(l.conversion) : null,
  }));
}

export function toDraftLine(r: OrderLineRow): DraftLine {
  return {
    position: r.position,
    sku: r.sku,
    customerSku: r.customer_sku,
    gtin: r.gtin,
    description: r.description,
    quantity: r.quantity,
    unit: r.unit,
    unitPrice: r.unit_price,
    matchedBy: r.matched_by as DraftLine['matchedBy'],
    confidence: r.confidence,
    evidence: r.evidence_json ? (JSON.parse(r.evidence_json) as Evidence) : null,
    conversion: r.conversion_json ? (JSON.parse(r.conversion_json) as DraftLine['conversion']) : null,
  };
}

export function toOrderView(row: OrderRow, lines: OrderLineRow[]): OrderView {
  return {
    id: row.id,
    status: row.status,
    documentId: row.document_id,
    source: JSON.parse(row.source_json) as SourceInfo,
    customer: { ...EMPTY_CUSTOMER, ...(JSON.parse(row.customer_json) as DraftCustomer) },
    customerReference: row.customer_reference,
    orderDate: row.order_date,
    deliveryDate: row.delivery_date,
    deliveryAddress: row.delivery_address,
    remarks: row.remarks,
    fields: {
      ...EMPTY_FIELDS,
      ...(row.fields_json ? (JSON.parse(row.fields_json) as Partial<DraftFields>) : {}),
    },
    lines: lines.map(toDraftLine),
    warnings: JSON.parse(row.warnings_json) as string[],
    confidence: row.confidence,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    confirmedAt: row.confirmed_at,
    confirmedBy: row.confirmed_by,
    confirmSeq: row.confirm_seq === null ? null : Number(row.confirm_seq),
    exportedAt: row.exported_at,
    erpOrderNumber: row.erp_order_number,
    failureReason: row.failure_reason,
    rejectedReason: row.rejected_reason,
  };
}
