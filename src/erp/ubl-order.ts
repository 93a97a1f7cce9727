/**
 * An order as OASIS UBL 2.1 Order (root `Order`). The customer's PO number is `cbc:ID`, faxgate's
 * order id is `cbc:SalesOrderID` (the seller's id for the order); customer article numbers go to
 * BuyersItemIdentification, ours to SellersItemIdentification, GTINs to StandardItemIdentification
 * (schemeID 0160 = GS1 GTIN). Amounts only when prices are known; `cbc:Quantity` always, because
 * the XSD leaves it optional but an order line without one means nothing.
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
import { decimal, el, leaf, money, XML_DECLARATION } from './xml-element.ts';

const NS = 'urn:oasis:names:specification:ubl:schema:xsd:Order-2';
const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

function buyer(order: OrderView, ctx: ExportContext): string {
  const c = ctx.customer;
  const name = c?.name ?? order.customer.name;
  const fax = c?.fax ?? (order.source.channel === 'fax' ? order.source.from : null);
  // SupplierAssignedAccountID is the supplier's number for the customer: the ERP's when mapped.
  const erpId = erpCustomerId(order, ctx);
  return el(
    'cac:BuyerCustomerParty',
    null,
    leaf('cbc:SupplierAssignedAccountID', erpId ?? order.customer.id),
    el(
      'cac:Party',
      null,
      // With an ERP number, ours stays findable as a party identification of its own scheme.
      erpId && order.customer.id
        ? el('cac:PartyIdentification', null, leaf('cbc:ID', order.customer.id, { schemeName: 'faxgate' }))
        : '',
      name ? el('cac:PartyName', null, leaf('cbc:Name', name)) : '',
      c
        ? el(
            'cac:PostalAddress',
            null,
            leaf('cbc:StreetName', c.street),
            leaf('cbc:CityName', c.city),
            leaf('cbc:PostalZone', c.zip),
            c.country ? el('cac:Country', null, leaf('cbc:IdentificationCode', c.country)) : '',
          )
        : '',
      fax || c?.email
        ? el('cac:Contact', null, leaf('cbc:Telefax', fax), leaf('cbc:ElectronicMail', c?.email))
        : '',
    ),
  );
}

function seller(ctx: ExportContext): string {
  const s = ctx.supplier;
  return el(
    'cac:SellerSupplierParty',
    null,
    el(
      'cac:Party',
      null,
      el(
        'cac:PartyIdentification',
        null,
        s.gln ? leaf('cbc:ID', s.gln, { schemeID: '0088' }) : leaf('cbc:ID', s.id),
      ),
      el('cac:PartyName', null, leaf('cbc:Name', s.name)),
      s.addressLines.length
        ? el(
            'cac:PostalAddress',
            null,
            s.addressLines.map((l) => el('cac:AddressLine', null, leaf('cbc:Line', l))),
          )
        : '',
      s.phone || s.fax || s.email
        ? el(
            'cac:Contact',
            null,
            leaf('cbc:Telephone', s.phone),
            leaf('cbc:Telefax', s.fax),
            leaf('cbc:ElectronicMail', s.email),
          )
        : '',
    ),
  );
}

function delivery(order: OrderView): string {
  if (!order.deliveryAddress && !order.deliveryDate) return '';
  const lines = (order.deliveryAddress ?? '')
    .split(/\n|;/)
    .map((l) => l.trim())
    .filter(Boolean);
  return el(
    'cac:Delivery',
    null,
    lines.length
      ? el(
          'cac:DeliveryAddress',
          null,
          lines.map((l) => el('cac:AddressLine', null, leaf('cbc:Line', l))),
        )
      : '',
    order.deliveryDate
      ? el(
          'cac:RequestedDeliveryPeriod',
          null,
          leaf('cbc:StartDate', order.deliveryDate),
          leaf('cbc:EndDate', order.deliveryDate),
        )
      : '',
  );
}

function orderLine(line: OrderView['lines'][number], currency: string): string {
  const unit = unitCode(line.unit);
  const cur = { currencyID: currency };
  return el(
    'cac:OrderLine',
    null,
    el(
      'cac:LineItem',
      null,
      leaf('cbc:ID', String(line.position)),
      // The unit as written, so nothing is lost when the code is a fallback.
      line.unit ? leaf('cbc:Note', `unit as written: ${line.unit}`) : '',
      line.quantity === null ? leaf('cbc:Note', 'quantity not known') : '',
      leaf('cbc:Quantity', decimal(line.quantity ?? 0), { unitCode: unit.code }),
      line.unitPrice !== null && line.quantity !== null
        ? leaf('cbc:LineExtensionAmount', money(line.quantity * line.unitPrice), cur)
        : '',
      line.unitPrice !== null
        ? el('cac:Price', null, leaf('cbc:PriceAmount', decimal(line.unitPrice, 4), cur))
        : '',
      el(
        'cac:Item',
        null,
        leaf('cbc:Name', line.description ?? line.sku ?? line.customerSku ?? `line ${line.position}`),
        line.customerSku ? el('cac:BuyersItemIdentification', null, leaf('cbc:ID', line.customerSku)) : '',
        line.sku ? el('cac:SellersItemIdentification', null, leaf('cbc:ID', line.sku)) : '',
        line.gtin
          ? el('cac:StandardItemIdentification', null, leaf('cbc:ID', line.gtin, { schemeID: '0160' }))
          : '',
      ),
    ),
  );
}

export function orderToUbl(order: OrderView, ctx: ExportContext): string {
  const currency = ctx.supplier.currency;
  const total = orderTotal(order);
  const stop = incompleteReason(order);
  const xml = el(
    'Order',
    { xmlns: NS, 'xmlns:cac': CAC, 'xmlns:cbc': CBC },
    leaf('cbc:UBLVersionID', '2.1'),
    leaf('cbc:ID', buyerOrderId(order)),
    leaf('cbc:SalesOrderID', order.id),
    leaf('cbc:IssueDate', order.orderDate ?? (order.confirmedAt ?? order.createdAt).slice(0, 10)),
    leaf('cbc:Note', order.remarks),
    stop ? leaf('cbc:Note', `check before booking: ${stop}`) : '',
    order.lines.some((l) => l.unitPrice !== null) ? leaf('cbc:DocumentCurrencyCode', currency) : '',
    leaf('cbc:CustomerReference', order.customerReference),
    leaf('cbc:LineCountNumeric', String(order.lines.length)),
    el(
      'cac:AdditionalDocumentReference',
      null,
      leaf('cbc:ID', order.documentId),
      leaf('cbc:DocumentType', `source ${order.source.channel}`),
      ctx.documentUrl
        ? el('cac:Attachment', null, el('cac:ExternalReference', null, leaf('cbc:URI', ctx.documentUrl)))
        : '',
    ),
    buyer(order, ctx),
    seller(ctx),
    delivery(order),
    total !== null
      ? el(
          'cac:AnticipatedMonetaryTotal',
          null,
          leaf('cbc:LineExtensionAmount', money(total), { currencyID: currency }),
          leaf('cbc:PayableAmount', money(total), { currencyID: currency }),
        )
      : '',
    order.lines.map((l) => orderLine(l, currency)),
  );
  return XML_DECLARATION + xml + '\n';
}
