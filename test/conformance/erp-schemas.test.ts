/**
 * Conformance tier: the openTRANS 2.1 and UBL 2.1 exports of every fixture order (ground truth
 * of fixtures/documents + fixture master data, plus hostile variants) validate with xmllint
 * against the official schemas in ../shared/schemas. Missing schemas or a missing xmllint FAIL
 * this file — a conformance run that silently validates nothing would be worse than none.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { orderToOpenTrans } from '../../src/erp/opentrans-order.ts';
import { orderToUbl } from '../../src/erp/ubl-order.ts';
import { fixtureOrders } from '../erp/fixture-orders.ts';

const schemas = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/schemas');
const OPENTRANS_XSD = path.join(schemas, 'opentrans-2.1/opentrans_2_1.xsd');
const UBL_XSD = path.join(schemas, 'ubl-2.1/xsd/maindoc/UBL-Order-2.1.xsd');

for (const f of [OPENTRANS_XSD, UBL_XSD]) {
  if (!existsSync(f)) {
    throw new Error(`conformance: schema ${f} is missing — check out ../shared/schemas next to the repo`);
  }
}
const probe = spawnSync('xmllint', ['--version']);
if (probe.error || probe.status !== 0) {
  throw new Error('conformance: xmllint is not installed (apt-get install libxml2-utils)');
}

const dir = mkdtempSync(path.join(tmpdir(), 'faxgate-conformance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** xmllint's verdict; `--nonet` so nothing is fetched from the network. */
function validate(xsd: string, xml: string, name: string): { ok: boolean; output: string } {
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', xsd, file], {
    cwd: path.dirname(xsd),
    encoding: 'utf8',
  });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

const orders = await fixtureOrders();

describe('ERP exports validate against the official schemas', () => {
  it('has the fixture orders (one per fixture document plus variants)', () => {
    expect(orders.length).toBeGreaterThanOrEqual(5);
  });

  it.each(orders.map((o) => [o.name, o] as const))('openTRANS 2.1 ORDER of %s', (name, o) => {
    const xml = orderToOpenTrans(o.order, o.ctx);
    expect(xml).toContain('<ORDER xmlns="http://www.opentrans.org/XMLSchema/2.1"');
    const r = validate(OPENTRANS_XSD, xml, `opentrans-${name}`);
    expect(r.output).toContain('validates');
    expect(r.ok, r.output).toBe(true);
    for (const l of o.order.lines) {
      if (l.customerSku)
        expect(xml).toContain(`<bmecat:BUYER_PID type="buyer_specific">${l.customerSku.slice(0, 10)}`);
    }
    expect(xml).not.toMatch(/ORDER_UNIT>(PCE|H87)</);
  });

  it.each(orders.map((o) => [o.name, o] as const))('UBL 2.1 Order of %s', (name, o) => {
    const xml = orderToUbl(o.order, o.ctx);
    expect(xml).toContain('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"');
    const r = validate(UBL_XSD, xml, `ubl-${name}`);
    expect(r.ok, r.output).toBe(true);
    expect(xml.match(/<cac:OrderLine>/g)?.length).toBe(o.order.lines.length);
  });

  it("names a mapped customer by the ERP's number (supplier_specific / SupplierAssignedAccountID), ours beside it", () => {
    const mapped = orders.filter((o) => o.ctx.customer?.erpId);
    expect(mapped.length).toBeGreaterThanOrEqual(1);
    for (const o of mapped) {
      const erpId = o.ctx.customer!.erpId!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const ot = orderToOpenTrans(o.order, o.ctx);
      expect(ot).toContain(`<bmecat:PARTY_ID type="supplier_specific">${erpId}</bmecat:PARTY_ID>`);
      expect(ot).toContain(`<bmecat:PARTY_ID type="faxgate">${o.order.customer.id}</bmecat:PARTY_ID>`);
      expect(ot).toContain(`<bmecat:BUYER_IDREF type="supplier_specific">${erpId}</bmecat:BUYER_IDREF>`);
      const ubl = orderToUbl(o.order, o.ctx);
      expect(ubl).toContain(`<cbc:SupplierAssignedAccountID>${erpId}</cbc:SupplierAssignedAccountID>`);
      expect(ubl).toContain(`<cbc:ID schemeName="faxgate">${o.order.customer.id}</cbc:ID>`);
    }
  });

  it('maps the fixture units to Rec 20 codes (Stk → C62, Paar → PR, Pack → PK, Karton → CT, m → MTR)', () => {
    const all = orders.map((o) => orderToOpenTrans(o.order, o.ctx)).join('\n');
    const codes = new Set([...all.matchAll(/<bmecat:ORDER_UNIT>([^<]+)</g)].map((m) => m[1]));
    for (const c of ['C62', 'PR', 'PK', 'CT', 'MTR']) expect(codes).toContain(c);
  });

  it('the validator is not vacuous: PCE as unit and a missing ORDER_SUMMARY are rejected', () => {
    const o = orders[0]!;
    const good = orderToOpenTrans(o.order, o.ctx);
    const pce = good.replace(/<bmecat:ORDER_UNIT>[^<]+</, '<bmecat:ORDER_UNIT>PCE<');
    expect(validate(OPENTRANS_XSD, pce, 'negative-pce').ok).toBe(false);
    const noSummary = good.replace(/<ORDER_SUMMARY>.*<\/ORDER_SUMMARY>/s, '');
    expect(validate(OPENTRANS_XSD, noSummary, 'negative-summary').ok).toBe(false);
    const ublNoItem = orderToUbl(o.order, o.ctx).replace(/<cac:Item>.*?<\/cac:Item>/s, '');
    expect(validate(UBL_XSD, ublNoItem, 'negative-ubl').ok).toBe(false);
  });
});
