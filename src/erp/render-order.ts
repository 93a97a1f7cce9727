/**
 * One place that turns orders into the ERP formats and picks the format from `?format=` or the
 * `Accept` header. XML variants: application/opentrans+xml, application/ubl+xml, or
 * application/xml (text/xml) with a `profile=opentrans|ubl` parameter; bare application/xml
 * means openTRANS, the format of the DACH market.
 */
import { HttpError } from '../errors.ts';
import type { OrderView } from '../store/order-mapper.ts';
import { type ExportContext, erpCustomerId } from './export-context.ts';
import { orderToOpenTrans } from './opentrans-order.ts';
import { type CsvOptions, ordersToCsv } from './order-csv.ts';
import { orderToUbl } from './ubl-order.ts';
import { XML_DECLARATION } from './xml-element.ts';

export const FORMATS = ['json', 'csv', 'opentrans', 'ubl'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  opentrans: 'application/xml; charset=utf-8; profile=opentrans',
  ubl: 'application/xml; charset=utf-8; profile=ubl',
};

function formatOfMediaType(type: string, params: Record<string, string>): Format | null {
  const profile = (params.profile ?? '').toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'text/csv') return 'csv';
  if (type === 'application/opentrans+xml' || type === 'application/vnd.opentrans+xml') return 'opentrans';
  if (type === 'application/ubl+xml' || type === 'application/vnd.oasis.ubl+xml') return 'ubl';
  if (type === 'application/xml' || type === 'text/xml') {
    if (profile.includes('ubl')) return 'ubl';
    return 'opentrans';
  }
  if (type === '*/*' || type === 'application/*') return 'json';
  if (type === 'text/*') return 'csv';
  return null;
}

/** `?format=` wins; else the Accept entry with the highest q that we can serve; else JSON. */
export function negotiateFormat(query: string | undefined, accept: string | undefined): Format {
  if (query) {
    if ((FORMATS as readonly string[]).includes(query)) return query as Format;
    throw new HttpError(400, 'BAD_REQUEST', `format must be one of ${FORMATS.join(', ')}`);
  }
  if (!accept?.trim()) return 'json';
  const entries = accept.split(',').map((part, i) => {
    const [type = '', ...rest] = part.split(';').map((s) => s.trim());
    const params: Record<string, string> = {};
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq > 0)
        params[p.slice(0, eq).trim().toLowerCase()] = p
          .slice(eq + 1)
          .trim()
          .replace(/^"|"$/g, '');
    }
    const q = params.q === undefined ? 1 : Number(params.q);
    return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0, i };
  });
  entries.sort((a, b) => b.q - a.q || a.i - b.i);
  for (const e of entries) {
    if (e.q <= 0) continue;
    const f = formatOfMediaType(e.type, e.params);
    if (f) return f;
  }
  throw new HttpError(
    406,
    'BAD_REQUEST',
    `cannot answer in ${accept}; use ${Object.values(CONTENT_TYPES)
      .map((c) => c.split(';')[0])
      .join(', ')} (with profile=ubl for UBL) or ?format=`,
  );
}

export function renderOrder(
  format: Exclude<Format, 'json'>,
  order: OrderView,
  ctx: ExportContext,
  csv: CsvOptions = {},
): string {
  if (format === 'csv') {
    return ordersToCsv(
      [{ ...order, customer: { ...order.customer, erpId: erpCustomerId(order, ctx) } }],
      csv,
    );
  }
  if (order.lines.length === 0) {
    throw new HttpError(422, 'INVALID_STATE', `order ${order.id} has no lines; ${format} needs at least one`);
  }
  return format === 'opentrans' ? orderToOpenTrans(order, ctx) : orderToUbl(order, ctx);
}

export const BATCH_NS = 'urn:faxgate:erp:batch:1';

/**
 * A page of the feed as XML. Neither openTRANS nor UBL has a container for several orders, so
 * the standard documents (each valid on its own) sit in a faxgate wrapper carrying the cursor.
 */
export function renderBatchXml(
  format: 'opentrans' | 'ubl',
  items: { order: OrderView; ctx: ExportContext }[],
  nextCursor: string | null,
): string {
  const docs = items
    .filter((x) => x.order.lines.length > 0)
    .map((x) => renderOrder(format, x.order, x.ctx).replace(XML_DECLARATION, '').trim());
  const cursor = nextCursor === null ? '' : ` nextCursor="${nextCursor}"`;
  return `${XML_DECLARATION}<OrderBatch xmlns="${BATCH_NS}" format="${format}" count="${docs.length}"${cursor}>\n${docs.join('\n')}\n</OrderBatch>\n`;
}
