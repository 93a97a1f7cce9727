/**
 * Kysely table interfaces. The same shape on SQLite and PostgreSQL: timestamps are ISO-8601 UTC
 * text with milliseconds (so they sort the same as strings on both), JSON is text, booleans are
 * integers 0/1 and binary columns come back as Buffer from both drivers.
 */
import type { Generated } from 'kysely';

export type DocumentStatus = 'received' | 'processing' | 'processed' | 'failed' | 'duplicate';
export type OrderStatus = 'needs_review' | 'confirmed' | 'exported' | 'rejected' | 'failed';
export type SniffedType = 'pdf' | 'tiff' | 'png' | 'jpeg' | 'eml';
export type TokenScope = 'ingest' | 'erp' | 'admin';
export type UserRole = 'clerk' | 'admin';

export interface DocumentsTable {
  id: string;
  sha256: string;
  bytes: Buffer;
  size: number;
  content_type: SniffedType | null;
  channel: string;
  provider: string | null;
  from_addr: string | null;
  to_addr: string | null;
  status: DocumentStatus;
  failure_reason: string | null;
  duplicate_of: string | null;
  page_count: number | null;
  meta_json: string;
  received_at: string;
  updated_at: string;
  attempts: number;
}

export interface InboundReceiptsTable {
  id: string;
  provider: string;
  external_key: string;
  document_id: string;
  received_at: string;
}

export interface PagesTable {
  document_id: string;
  page_no: number;
  width: number;
  height: number;
  dpi: number | null;
  /** How the page was produced: 'text-layer' | 'image'. */
  source: string;
  rotated: number;
  image: Buffer | null;
  words_json: string | null;
  text: string | null;
  confidence: number | null;
  /** Where the saved content came from ('text-layer' | 'ocr' | 'email-body'); null until saved. */
  content_source: string | null;
}

export interface OrdersTable {
  id: string;
  document_id: string;
  doc_seq: number;
  status: OrderStatus;
  customer_id: string | null;
  customer_json: string;
  customer_reference: string | null;
  order_date: string | null;
  delivery_date: string | null;
  delivery_address: string | null;
  remarks: string | null;
  warnings_json: string;
  /** DraftFields as JSON; null for orders made before it existed and for failed ones. */
  fields_json: string | null;
  source_json: string;
  confidence: number;
  failure_reason: string | null;
  rejected_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  confirmed_by: string | null;
  confirm_seq: number | null;
  exported_at: string | null;
  erp_order_number: string | null;
}

export interface OrderLinesTable {
  order_id: string;
  position: number;
  sku: string | null;
  customer_sku: string | null;
  gtin: string | null;
  description: string | null;
  quantity: number | null;
  unit: string | null;
  unit_price: number | null;
  matched_by: string | null;
  confidence: number;
  evidence_json: string | null;
  /** DraftLine.conversion as JSON, or null. */
  conversion_json: string | null;
}

export interface ProductsTable {
  sku: string;
  description: string;
  unit: string;
  price: number | null;
  gtin: string | null;
}

export interface CustomersTable {
  id: string;
  name: string;
  fax: string | null;
  email: string | null;
  street: string | null;
  zip: string | null;
  city: string | null;
  country: string | null;
  /** Added by migration 0007; null when the customer is not mapped to an ERP number. */
  erp_id: string | null;
}

export interface CustomerSkusTable {
  customer_id: string;
  customer_sku: string;
  sku: string;
}

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  role: UserRole;
  disabled: number;
  locale: string | null;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  scope: TokenScope;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor: string;
  entity_type: string;
  entity_id: string;
  action: string;
  field: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface OutboundMessagesTable {
  id: string;
  order_id: string;
  kind: string;
  channel: string;
  target: string | null;
  language: string | null;
  status: string;
  attempts: number;
  generation: number;
  last_error: string | null;
  last_attempt_at: string | null;
  delivered_at: string | null;
  provider: string | null;
  provider_ref: string | null;
  created_at: string;
  updated_at: string;
}

export interface CustomerOutboundSettingsTable {
  customer_id: string;
  confirmations: string | null;
  language: string | null;
  updated_at: string;
}

export interface Schema {
  documents: DocumentsTable;
  inbound_receipts: InboundReceiptsTable;
  pages: PagesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  products: ProductsTable;
  customers: CustomersTable;
  customer_skus: CustomerSkusTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  counters: CountersTable;
  outbound_messages: OutboundMessagesTable;
  customer_outbound_settings: CustomerOutboundSettingsTable;
}
