/**
 * The data that flows between pipeline stages. Stages are pure where they can be:
 * pages → OCR → extract → match each take and return these shapes, never a DB row or a request.
 */

/** A box in page pixels: left, top, width, height. */
export type Box = [x: number, y: number, w: number, h: number];

/** One recognised (or text-layer) word with its position and a confidence in 0..1. */
export interface Word {
  text: string;
  box: Box;
  conf: number;
}

/**
 * One page as produced by the pages stage. A page has an `image` (8-bit greyscale PNG,
 * square pixels, upright) unless it came from a text layer without a rendering; text-layer
 * pages carry `words` already and need no OCR.
 */
export interface RawPage {
  page: number; // 1-based
  width: number; // pixels of `image` (or PDF points scaled to 150 dpi for text-layer pages)
  height: number;
  dpi: number;
  image: Buffer | null;
  words: Word[] | null;
  source: 'text-layer' | 'image';
  /** Rotation that was applied to make the page upright (0, 90, 180, 270). */
  rotated: number;
}

/** A page whose words are known (from the text layer or from OCR). */
export interface PageContent {
  page: number;
  width: number;
  height: number;
  source: 'text-layer' | 'ocr' | 'email-body';
  words: Word[];
  /** Plain text in reading order, lines separated by '\n'. */
  text: string;
  /** Mean word confidence, 0..1. */
  confidence: number;
  /**
   * Clockwise rotation (90, 180, 270) the OCR stage applied to the RawPage image because the page
   * read far better that way; words, width and height refer to the turned image. Absent = 0.
   */
  rotated?: number;
  /**
   * Radians (clockwise) by which OCR straightened the upright page, about its centre on a canvas of
   * its own size, before it read it; the words' boxes are those of the straightened page. Absent = 0.
   */
  skew?: number;
}

export type Channel = 'fax' | 'email' | 'upload';

export interface SourceInfo {
  channel: Channel;
  provider: string | null;
  from: string | null;
  to: string | null;
  receivedAt: string | null; // ISO timestamp
  pages: number;
}

export interface Evidence {
  page: number;
  box: Box | null;
  text: string;
}

export interface DraftLine {
  position: number;
  sku: string | null;
  customerSku: string | null;
  gtin: string | null;
  description: string | null;
  quantity: number | null;
  unit: string | null;
  unitPrice: number | null;
  /**
   * When the document orders in a unit the catalog counts in another ("2 Kartons à 12 Stk" of an
   * article sold per Stk): one ordered unit is `factor` × the catalog's `unit`. Absent or null
   * when the units agree or no content was stated.
   */
  conversion?: { factor: number; unit: string } | null;
  matchedBy: 'sku' | 'sku-fuzzy' | 'gtin' | 'customer-sku' | 'description' | 'learned' | 'manual' | null;
  confidence: number;
  evidence: Evidence | null;
}

export interface DraftCustomer {
  id: string | null;
  name: string | null;
  matchedBy: 'fax' | 'email' | 'domain' | 'customer-number' | 'name' | 'phone' | 'manual' | null;
  confidence: number;
}

/** How sure extraction is of one header field, and where on the page it read it. */
export interface FieldInfo {
  confidence: number;
  /** null once a clerk set the field. */
  evidence: Evidence | null;
}

/** Confidence and evidence of the header fields that were found (a field not found is null). */
export interface DraftFields {
  /** Evidence is the line that named the customer; null for a match by the sender's fax or e-mail. */
  customer?: FieldInfo | null;
  customerReference: FieldInfo | null;
  orderDate: FieldInfo | null;
  deliveryDate: FieldInfo | null;
  deliveryAddress: FieldInfo | null;
  remarks: FieldInfo | null;
}

/** The draft order as produced by extraction (the API adds id, status, documentId, version). */
export interface DraftOrder {
  source: SourceInfo;
  customer: DraftCustomer;
  customerReference: string | null;
  orderDate: string | null; // YYYY-MM-DD
  deliveryDate: string | null; // YYYY-MM-DD
  deliveryAddress: string | null;
  remarks: string | null;
  /** Per header field: its confidence and evidence. */
  fields: DraftFields;
  lines: DraftLine[];
  warnings: string[];
  confidence: number;
}

/** Master data, as loaded from the three CSVs of DESIGN.md or from the store. */
export interface Product {
  sku: string;
  description: string;
  unit: string;
  price: number | null;
  gtin: string | null;
}

export interface Customer {
  id: string;
  name: string;
  fax: string | null; // E.164
  email: string | null;
  street: string | null;
  zip: string | null;
  city: string | null;
  country: string | null;
  /** The ERP's own customer number, when mapped (optional `erp_id` column of customers.csv). */
  erpId?: string | null;
}

export interface CustomerSku {
  customerId: string;
  customerSku: string;
  sku: string;
}

export interface MasterData {
  products: Product[];
  customers: Customer[];
  customerSkus: CustomerSku[];
}

/** Transport facts about an incoming document, known before its content is read. */
export interface InboundMeta {
  channel: Channel;
  provider: string | null;
  from: string | null;
  to: string | null;
  receivedAt: string | null;
  /** An e-mail's own subject (not a fax-to-e-mail relay's): it may name the order's reference. */
  subject?: string | null;
  /** Warnings the transport already knows (e.g. a provider reported partial content). */
  warnings?: string[];
}
