/**
 * An order as openTRANS 2.1 ORDER (root `ORDER`, namespace http://www.opentrans.org/XMLSchema/2.1,
 * BMEcat 2005 elements in their own namespace). Element order follows the XSD sequences; lengths
 * are clipped to the XSD maxima; units are UN/ECE Rec 20 codes from the dtPUNIT list.
 * Facts faxgate does not know are left out, never invented: a line without a quantity carries 0
 * and the header carries STOP_AUTOMATIC_PROCESSING saying why.
 */
import type { OrderView } from '../store/order-mapper.ts';
import {
  buyerOrderId,
  type ExportContext,
  erpCustomerId,
  incompleteReason,
  orderTotal,
} from './export-context.ts';
import { unitCode } from './unit-codes.ts';
import { clip, decimal, el, leaf, money, XML_DECLARATION } from './xml-element.ts';

const NS = 'http://www.opentrans.org/XMLSchema/2.1';
const BMECAT = 'http://www.bmecat.org/bmecat/2005';

const COUNTRY = /^[A-Z]{2}$/;

/**
 * The buyer's id in the supplier's numbering (`supplier_specific`): the ERP's customer number when
 * the master data maps one, else ours. With an ERP number ours stays beside it under the custom
 * type `faxgate` (the XSD allows any \w+ type), so both sides can find the customer.
 */
function buyerIds(order: OrderView, ctx: ExportContext): { primary: string; faxgate: string | null } {
  const erpId = clip(erpCustomerId(order, ctx), 250);
  const ours = order.customer.id ?? 'UNKNOWN';
  return erpId ? { primary: erpId, faxgate: ours } : { primary: ours, faxgate: null };
}

function buyerParty(order: OrderView, ctx: ExportContext): string {
  const c = ctx.customer;
  const name = clip(c?.name ?? order.customer.name, 50);
  const ids = buyerIds(order, ctx);
  return el(
    'PARTY',
    null,
    leaf('bmecat:PARTY_ID', ids.primary, { type: 'supplier_specific' }),
    ids.faxgate ? leaf('bmecat:PARTY_ID', ids.faxgate, { type: 'faxgate' }) : '',
    el('PARTY_ROLE', null, 'buyer'),
    name || c
      ? el(
          'ADDRESS',
          null,
          leaf('bmecat:NAME', name),
          leaf('bmecat:STREET', clip(c?.street, 50)),
          leaf('bmecat:ZIP', clip(c?.zip, 20)),
          leaf('bmecat:CITY', clip(c?.city, 50)),
          c?.country && COUNTRY.test(c.country) ? leaf('bmecat:COUNTRY_CODED', c.country) : '',
          leaf('bmecat:FAX', clip(c?.fax ?? (order.source.channel === 'fax' ? order.source.from : null), 50)),
          leaf('bmecat:EMAIL', clip(c?.email, 255)),
        )
      : '',
  );
}

function supplierParty(ctx: ExportContext): string {
  const s = ctx.supplier;
  return el(
    'PARTY',
    null,
    s.gln ? leaf('bmecat:PARTY_ID', s.gln, { type: 'gln' }) : '',
    leaf('bmecat:PARTY_ID', s.id, { type: 'supplier_specific' }),
    el('PARTY_ROLE', null, 'supplier'),
    el('ADDRESS', null, leaf('bmecat:NAME', clip(s.name, 50))),
  );
}

/** The delivery address as written on the order: free text, so it goes into ADDRESS_REMARKS. */
function deliveryParty(order: OrderView, id: string): string {
  const lines = (order.deliveryAddress ?? '')
    .split(/\n|;/)
    .map((l) => clip(l, 250))
    .filter(Boolean);
  return el(
    'PARTY',
    null,
    leaf('bmecat:PARTY_ID', id, { type: 'buyer_specific' }),
    el('PARTY_ROLE', null, 'delivery'),
    el(
      'ADDRESS',
      null,
      leaf('bmecat:NAME', clip(lines[0], 50)),
      lines.map((l) => leaf('bmecat:ADDRESS_REMARKS', l)),
    ),
  );
}

function item(line: OrderView['lines'][number]): string {
  const unit = unitCode(line.unit);
  const qty = line.quantity ?? 0;
  return el(
    'ORDER_ITEM',
    null,
    leaf('LINE_ITEM_ID', String(line.position)),
    el(
      'PRODUCT_ID',
      null,
      leaf('bmecat:SUPPLIER_PID', clip(line.sku, 32), { type: 'supplier_specific' }),
      leaf('bmecat:INTERNATIONAL_PID', line.gtin, { type: 'gtin' }),
      leaf('bmecat:BUYER_PID', clip(line.customerSku, 50), { type: 'buyer_specific' }),
      leaf('bmecat:DESCRIPTION_SHORT', clip(line.description, 150)),
    ),
    leaf('QUANTITY', decimal(qty)),
    leaf('bmecat:ORDER_UNIT', unit.code),
    line.unitPrice !== null
      ? el('PRODUCT_PRICE_FIX', null, leaf('bmecat:PRICE_AMOUNT', decimal(line.unitPrice, 4)))
      : '',
    line.unitPrice !== null && line.quantity !== null
      ? leaf('PRICE_LINE_AMOUNT', money(line.quantity * line.unitPrice))
      : '',
    // The unit as the customer wrote it, so nothing is lost when the code is a fallback.
    line.unit
      ? el(
          'ITEM_UDX',
          null,
          leaf('UDX.FAXGATE.UNIT_TEXT', line.unit),
          unit.mapped ? '' : leaf('UDX.FAXGATE.UNIT_UNMAPPED', 'true'),
        )
      : '',
  );
}

export function orderToOpenTrans(order: OrderView, ctx: ExportContext): string {
  const orderDate = order.orderDate ?? (order.confirmedAt ?? order.createdAt).slice(0, 10);
  const hasPrices = order.lines.some((l) => l.unitPrice !== null);
  const total = orderTotal(order);
  const stop = incompleteReason(order);
  const deliveryId = order.deliveryAddress ? `${order.customer.id ?? 'UNKNOWN'}-DELIVERY-${order.id}` : null;
  const xml = el(
    'ORDER',
    { xmlns: NS, 'xmlns:bmecat': BMECAT, version: '2.1', type: 'standard' },
    el(
      'ORDER_HEADER',
      null,
      el(
        'CONTROL_INFO',
        null,
        leaf('STOP_AUTOMATIC_PROCESSING', clip(stop, 250)),
        leaf('GENERATOR_INFO', 'faxgate'),
        leaf('GENERATION_DATE', ctx.generatedAt.replace(/\.\d+Z$/, 'Z')),
      ),
      el(
        'ORDER_INFO',
        null,
        leaf('ORDER_ID', clip(buyerOrderId(order), 250)),
        leaf('ORDER_DATE', orderDate),
        order.deliveryDate
          ? el(
              'DELIVERY_DATE',
              { type: 'fixed' },
              leaf('DELIVERY_START_DATE', order.deliveryDate),
              leaf('DELIVERY_END_DATE', order.deliveryDate),
            )
          : '',
        el(
          'PARTIES',
          null,
          buyerParty(order, ctx),
          supplierParty(ctx),
          deliveryId ? deliveryParty(order, deliveryId) : '',
        ),
        el(
          'ORDER_PARTIES_REFERENCE',
          null,
          leaf('bmecat:BUYER_IDREF', buyerIds(order, ctx).primary, { type: 'supplier_specific' }),
          leaf('bmecat:SUPPLIER_IDREF', ctx.supplier.id, { type: 'supplier_specific' }),
          deliveryId
            ? el(
                'SHIPMENT_PARTIES_REFERENCE',
                null,
                leaf('DELIVERY_IDREF', deliveryId, { type: 'buyer_specific' }),
              )
            : '',
        ),
        hasPrices ? leaf('bmecat:CURRENCY', ctx.supplier.currency) : '',
        ctx.documentUrl
          ? el(
              'MIME_INFO',
              null,
              el(
                'MIME',
                null,
                leaf('bmecat:MIME_SOURCE', clip(ctx.documentUrl, 255)),
                leaf('bmecat:MIME_DESCR', `${order.source.channel} as received`),
                leaf('MIME_PURPOSE', order.source.channel === 'fax' ? 'fax_image' : 'original_document'),
              ),
            )
          : '',
        leaf('REMARKS', clip(order.remarks, 64000), { type: 'order' }),
        el(
          'HEADER_UDX',
          null,
          leaf('UDX.FAXGATE.ORDER_ID', order.id),
          leaf('UDX.FAXGATE.DOCUMENT_ID', order.documentId),
          leaf('UDX.FAXGATE.CUSTOMER_REFERENCE', order.customerReference),
          leaf('UDX.FAXGATE.CHANNEL', order.source.channel),
        ),
      ),
    ),
    el('ORDER_ITEM_LIST', null, order.lines.map(item)),
    el(
      'ORDER_SUMMARY',
      null,
      leaf('TOTAL_ITEM_NUM', String(order.lines.length)),
      total !== null ? leaf('TOTAL_AMOUNT', money(total)) : '',
    ),
  );
  return XML_DECLARATION + xml + '\n';
}
