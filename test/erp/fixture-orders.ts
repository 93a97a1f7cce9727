/**
 * Confirmed-order views built from the fixture ground truth (fixtures/documents/*.json) and the
 * fixture master data: what the ERP exports of those faxes must look like once a clerk confirmed
 * them. Plus a few hostile variants (unknown customer, unmapped unit, no quantity, XML-special
 * characters, over-long texts) that the exports must still turn into schema-valid XML, and a
 * customer mapped to the ERP's own customer number.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportContext } from '../../src/erp/export-context.ts';
import { loadMasterDataDir } from '../../src/masterdata/read-csv.ts';
import type { Customer, DraftLine, MasterData } from '../../src/pipeline/types.ts';
import { EMPTY_FIELDS, type OrderView } from '../../src/store/order-mapper.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtureDocumentsDir = path.join(root, 'fixtures/documents');
export const fixtureMasterDataDir = path.join(root, 'fixtures/master-data');

interface GroundTruth {
  file: string;
  channel: 'fax' | 'email' | 'upload';
  from: string | null;
  to: string | null;
  customerId: string | null;
  customerReference: string | null;
  orderDate: string | null;
  deliveryDate: string | null;
  lines: { sku: string; quantity: number; unit: string }[];
}

export interface FixtureOrder {
  name: string;
  order: OrderView;
  ctx: ExportContext;
}

export const supplier: ExportContext['supplier'] = {
  id: 'L-100',
  gln: '7612345000008',
  name: 'Muster Beschläge AG',
  addressLines: ['Werkstrasse 1', '8000 Zürich', 'Schweiz'],
  phone: '+41445550000',
  fax: '+41445550100',
  email: 'verkauf@muster-beschlaege.ch',
  currency: 'CHF',
};

function view(id: string, truth: GroundTruth, md: MasterData): OrderView {
  const customer = md.customers.find((c) => c.id === truth.customerId) ?? null;
  const lines: DraftLine[] = truth.lines.map((l, i) => {
    const p = md.products.find((x) => x.sku === l.sku);
    const cs = md.customerSkus.find((x) => x.customerId === truth.customerId && x.sku === l.sku);
    return {
      position: i + 1,
      sku: l.sku,
      customerSku: cs?.customerSku ?? null,
      gtin: p?.gtin ?? null,
      description: p?.description ?? null,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: p?.price ?? null,
      matchedBy: 'sku',
      confidence: 0.95,
      evidence: null,
    };
  });
  return {
    id,
    status: 'confirmed',
    documentId: `doc-${id}`,
    source: {
      channel: truth.channel,
      provider: 'upload',
      from: truth.from,
      to: truth.to,
      receivedAt: '2026-11-27T09:14:03.000Z',
      pages: 1,
    },
    customer: {
      id: truth.customerId,
      name: customer?.name ?? null,
      matchedBy: truth.customerId ? 'fax' : null,
      confidence: truth.customerId ? 0.99 : 0,
    },
    customerReference: truth.customerReference,
    orderDate: truth.orderDate,
    deliveryDate: truth.deliveryDate,
    deliveryAddress: null,
    remarks: null,
    fields: EMPTY_FIELDS,
    lines,
    warnings: [],
    confidence: 0.95,
    version: 2,
    createdAt: '2026-11-27T09:14:05.000Z',
    updatedAt: '2026-11-27T09:20:00.000Z',
    confirmedAt: '2026-11-27T09:20:00.000Z',
    confirmedBy: 'token:clerk',
    confirmSeq: 1,
    exportedAt: null,
    erpOrderNumber: null,
    failureReason: null,
    rejectedReason: null,
  };
}

function ctxFor(customer: Customer | null): ExportContext {
  return {
    supplier,
    customer,
    documentUrl: 'https://faxgate.example.ch/api/v1/documents/doc-1/original',
    generatedAt: '2026-11-27T10:00:00.000Z',
  };
}

/** One confirmed order per fixture document, then the hostile variants. */
export async function fixtureOrders(): Promise<FixtureOrder[]> {
  const md = await loadMasterDataDir(fixtureMasterDataDir);
  const files = readdirSync(fixtureDocumentsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const out: FixtureOrder[] = [];
  for (const f of files) {
    const truth = JSON.parse(readFileSync(path.join(fixtureDocumentsDir, f), 'utf8')) as GroundTruth;
    const order = view(`ord-${f.replace(/\.json$/, '')}`, truth, md);
    out.push({
      name: f,
      order,
      ctx: ctxFor(md.customers.find((c) => c.id === truth.customerId) ?? null),
    });
  }
  if (out.length === 0) throw new Error(`no fixture ground truth in ${fixtureDocumentsDir}`);

  const base = out[0]!.order;
  const hostile: OrderView = {
    ...base,
    id: 'ord-hostile',
    customer: { id: null, name: 'Müller & Söhne <GmbH> "Einkauf"', matchedBy: null, confidence: 0 },
    customerReference: null,
    orderDate: null,
    deliveryAddress: 'Baustelle Nord; Zufahrt über Tor 3 & Rampe\nHinterweg 99, 8152 Glattbrugg',
    remarks: 'Bitte <dringend> liefern & "avisieren"\u0007',
    lines: [
      { ...base.lines[0]!, position: 1, unit: 'Fass', quantity: null, unitPrice: null },
      {
        ...base.lines[0]!,
        position: 2,
        sku: 'X'.repeat(40),
        customerSku: 'K'.repeat(60),
        description: `Sehr lange Beschreibung ${'ä'.repeat(200)}`,
        unit: null,
        unitPrice: 1.005,
        quantity: 2.5,
      },
      { ...base.lines[0]!, position: 3, sku: null, gtin: null, description: null, unit: 'pce', quantity: 3 },
    ],
  };
  out.push({ name: 'hostile variant', order: hostile, ctx: ctxFor(null) });

  // A customer the master data maps to the ERP's own number (optional erp_id of customers.csv);
  // one plain, one with XML-special characters.
  const mappedCustomer = md.customers[0];
  if (!mappedCustomer) throw new Error(`no fixture customers in ${fixtureMasterDataDir}`);
  for (const [name, erpId] of [
    ['ERP-mapped customer', 'DEB-10042'],
    ['ERP-mapped customer, special characters', 'K&S <10/42> "Nord"'],
  ] as const) {
    out.push({
      name,
      order: {
        ...base,
        id: `ord-erp-${out.length}`,
        customer: { id: mappedCustomer.id, name: mappedCustomer.name, matchedBy: 'fax', confidence: 0.99 },
      },
      ctx: ctxFor({ ...mappedCustomer, erpId }),
    });
  }
  return out;
}
