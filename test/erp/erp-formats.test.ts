/**
 * The ERP formats over HTTP: one order and a page of the feed as JSON, CSV (with the Swiss
 * Excel options), openTRANS and UBL, chosen by ?format= or by Accept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateFormat } from '../../src/erp/render-order.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { draftLine, draftOrder, newDocument } from '../store/order-fixtures.ts';

describe('format negotiation', () => {
  it('prefers ?format=, then the best Accept entry, then JSON', () => {
    expect(negotiateFormat(undefined, undefined)).toBe('json');
    expect(negotiateFormat('ubl', 'text/csv')).toBe('ubl');
    expect(negotiateFormat(undefined, 'text/csv')).toBe('csv');
    expect(negotiateFormat(undefined, 'application/xml')).toBe('opentrans');
    expect(negotiateFormat(undefined, 'application/xml; profile=ubl')).toBe('ubl');
    expect(negotiateFormat(undefined, 'application/ubl+xml')).toBe('ubl');
    expect(negotiateFormat(undefined, 'application/opentrans+xml')).toBe('opentrans');
    expect(negotiateFormat(undefined, 'text/csv;q=0.5, application/ubl+xml')).toBe('ubl');
    expect(negotiateFormat(undefined, '*/*')).toBe('json');
    expect(() => negotiateFormat(undefined, 'image/png')).toThrow(/cannot answer/);
    expect(() => negotiateFormat('edifact', undefined)).toThrow(/format must be/);
  });
});

describe('ERP formats over HTTP', () => {
  let t: TestApp;
  let ids: string[];
  const erp = () => ({ authorization: t.auth.erp });
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    ids = await t.stores.orders.createFromDrafts(await newDocument(t.stores.documents), [
      draftOrder('PO-1', [
        draftLine(1, '10-4711', 12),
        { ...draftLine(2, '10-4717', 3), customerSku: 'BMB-40725', description: 'Schraube; "M4"' },
      ]),
      draftOrder('PO-2'),
    ]);
    for (const id of ids) await t.stores.orders.confirm(id, 'clerk');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves one order as openTRANS and UBL by Accept and by ?format=', async () => {
    const ot = await t.app.inject({
      url: `/erp/v1/orders/${ids[0]}`,
      headers: { ...erp(), accept: 'application/xml' },
    });
    expect(ot.statusCode).toBe(200);
    expect(ot.headers['content-type']).toContain('application/xml');
    expect(ot.body).toContain('<ORDER xmlns="http://www.opentrans.org/XMLSchema/2.1"');
    expect(ot.body).toContain('<bmecat:BUYER_PID type="buyer_specific">BMB-40725</bmecat:BUYER_PID>');
    expect(ot.body).toContain('<bmecat:ORDER_UNIT>C62</bmecat:ORDER_UNIT>');
    const ubl = await t.app.inject({ url: `/erp/v1/orders/${ids[0]}?format=ubl`, headers: erp() });
    expect(ubl.body).toContain('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"');
    expect(ubl.body).toContain('<cbc:Quantity unitCode="C62">12</cbc:Quantity>');
    expect(ubl.body).toContain(`<cbc:SalesOrderID>${ids[0]}</cbc:SalesOrderID>`);
    const json = await t.app.inject({
      url: `/erp/v1/orders/${ids[0]}`,
      headers: { ...erp(), accept: 'application/json' },
    });
    expect(json.json().customerReference).toBe('PO-1');
    const refused = await t.app.inject({
      url: `/erp/v1/orders/${ids[0]}`,
      headers: { ...erp(), accept: 'image/png' },
    });
    expect(refused.statusCode).toBe(406);
  });

  it('serves CSV with ; and a BOM for Swiss Excel, quoting what needs it', async () => {
    const res = await t.app.inject({
      url: `/erp/v1/orders/${ids[0]}?format=csv&sep=;&bom=true`,
      headers: erp(),
    });
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFForder_id;customer_id;')).toBe(true);
    const rows = res.body.slice(1).split('\r\n');
    expect(rows).toHaveLength(4); // header, 2 lines, trailing empty
    expect(rows[2]).toContain('"Schraube; ""M4"""');
    expect(rows[2]).toContain(';BMB-40725;');
  });

  it('serves a page of the feed as CSV and as an XML batch with the cursor', async () => {
    const csv = await t.app.inject({
      url: '/erp/v1/orders?limit=1',
      headers: { ...erp(), accept: 'text/csv' },
    });
    expect(csv.headers['x-next-cursor']).toBeTruthy();
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(3);
    const xml = await t.app.inject({ url: '/erp/v1/orders?format=opentrans', headers: erp() });
    expect(xml.body).toContain('<OrderBatch xmlns="urn:faxgate:erp:batch:1" format="opentrans" count="2">');
    expect(xml.body.match(/<ORDER /g)).toHaveLength(2);
    expect(xml.headers['x-next-cursor']).toBeUndefined();
  });

  it("carries the ERP's customer number in every format once the master data maps it", async () => {
    const get = (q: string) => t.app.inject({ url: `/erp/v1/orders${q}`, headers: erp() });
    const customer = {
      id: 'C-1007',
      name: 'Baumann AG',
      fax: '+41445551234',
      email: null,
      street: 'Industriestrasse 4',
      zip: '8005',
      city: 'Zürich',
      country: 'CH',
    };
    await t.stores.masterData.replaceCustomers([customer]);
    expect((await get(`/${ids[0]}`)).json().customer).toMatchObject({ id: 'C-1007', erpId: null });
    const unmappedCsv = (await get(`/${ids[0]}?format=csv`)).body.split('\r\n');
    expect(unmappedCsv[0]?.endsWith(',document_id,customer_erp_id')).toBe(true);
    expect(unmappedCsv[1]?.endsWith(',')).toBe(true);
    const unmappedOt = (await get(`/${ids[0]}?format=opentrans`)).body;
    expect(unmappedOt).toContain('<bmecat:PARTY_ID type="supplier_specific">C-1007</bmecat:PARTY_ID>');
    expect(unmappedOt).not.toContain('type="faxgate"');

    await t.stores.masterData.replaceCustomers([{ ...customer, erpId: 'DEB-50017' }]);
    const one = (await get(`/${ids[0]}`)).json();
    expect(one.customer).toMatchObject({ id: 'C-1007', name: 'Baumann AG', erpId: 'DEB-50017' });
    const feed = (await get('?limit=100')).json();
    expect(feed.items.map((o: { customer: { erpId: string } }) => o.customer.erpId)).toEqual([
      'DEB-50017',
      'DEB-50017',
    ]);

    const ot = (await get(`/${ids[0]}?format=opentrans`)).body;
    expect(ot).toContain(
      '<bmecat:PARTY_ID type="supplier_specific">DEB-50017</bmecat:PARTY_ID><bmecat:PARTY_ID type="faxgate">C-1007</bmecat:PARTY_ID><PARTY_ROLE>buyer</PARTY_ROLE>',
    );
    expect(ot).toContain('<bmecat:BUYER_IDREF type="supplier_specific">DEB-50017</bmecat:BUYER_IDREF>');
    const ubl = (await get(`/${ids[0]}?format=ubl`)).body;
    expect(ubl).toContain('<cbc:SupplierAssignedAccountID>DEB-50017</cbc:SupplierAssignedAccountID>');
    expect(ubl).toContain('<cbc:ID schemeName="faxgate">C-1007</cbc:ID>');

    for (const q of [`/${ids[0]}?format=csv`, '?format=csv&sep=;']) {
      const rows = (await get(q)).body.split('\r\n').filter(Boolean);
      const sep = q.includes(';') ? ';' : ',';
      const header = rows[0]!.split(sep);
      expect(header.at(-1)).toBe('customer_erp_id');
      expect(header.indexOf('customer_erp_id')).toBe(header.length - 1);
      for (const r of rows.slice(1)) expect(r.endsWith(`${sep}DEB-50017`)).toBe(true);
    }
  });
});
