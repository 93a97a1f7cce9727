import { describe, expect, it } from 'vitest';
import {
  buildLearnedIndex,
  correctionsOf,
  type LearnedMapping,
  rowKey,
} from '../../src/learning/learned-mappings.ts';
import { extractDraft } from '../../src/pipeline/extract/extract-draft.ts';
import type { InboundMeta, MasterData } from '../../src/pipeline/types.ts';
import { pageFromRows } from '../pipeline/extract/synthetic-page.ts';

const master: MasterData = {
  products: [
    { sku: '10-4711', description: 'Senkkopfschraube M4x20 verzinkt', unit: 'Stk', price: 0.2, gtin: null },
    { sku: '20-1145', description: 'Schwerlastanker M12x110 verzinkt', unit: 'Stk', price: 3.9, gtin: null },
  ],
  customers: [
    {
      id: 'C-1001',
      name: 'Baumann AG',
      fax: '+41445551234',
      email: null,
      street: null,
      zip: null,
      city: null,
      country: 'CH',
    },
    {
      id: 'C-1002',
      name: 'Keller GmbH',
      fax: '+41445559999',
      email: null,
      street: null,
      zip: null,
      city: null,
      country: 'CH',
    },
  ],
  customerSkus: [],
};
const meta = (from: string): InboundMeta => ({
  channel: 'fax',
  provider: null,
  from,
  to: null,
  receivedAt: '2026-11-27T08:00:00Z',
});
const page = pageFromRows([
  'Bestellung PO-4711 vom 27.11.2026',
  'Pos  Art.-Nr.    Bezeichnung                Menge  Einheit',
  '1    XK-99871    Anker schwer M12           10     Stk',
]);
const mapping = (over: Partial<LearnedMapping>): LearnedMapping => ({
  id: 'm1',
  customerId: 'C-1001',
  kind: 'sku',
  sourceKey: '',
  sourceText: '',
  target: '',
  hits: 1,
  createdBy: 'meier',
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  ...over,
});

describe('learning from corrections', () => {
  it('keys rows by their article token, OCR confusions folded, position numbers skipped', () => {
    expect(rowKey('1 XK-99871 Anker schwer M12 10 Stk')).toBe(rowKey('1 XK-99B7l Anker 10 Stk'));
    expect(rowKey('00010 BA-9613U Holzanker')).toBe('a:8A9613U');
    expect(rowKey('Holzbauschrauben Senkkopf verzinkt gross')).toBe(
      'd:holzbauschrauben senkkopf verzinkt gross',
    );
  });

  it("uses a customer's learned article for the same wording, and only for that customer", () => {
    const before = extractDraft([page], meta('+41445551234'), master);
    expect(before.customer.id).toBe('C-1001');
    expect(before.lines[0]?.sku).not.toBe('20-1145');

    const taught = correctionsOf(
      { source: { from: '+41445551234' }, customer: before.customer, lines: before.lines },
      { lines: [{ ...before.lines[0]!, sku: '20-1145' }] },
    );
    expect(taught).toEqual([
      expect.objectContaining({ kind: 'sku', customerId: 'C-1001', target: '20-1145' }),
    ]);
    const learned = buildLearnedIndex(taught.map((t, i) => mapping({ ...t, id: `m${i}` })));

    const after = extractDraft([page], meta('+41445551234'), master, learned);
    expect(after.lines[0]).toMatchObject({ sku: '20-1145', quantity: 10, matchedBy: 'learned' });
    const other = extractDraft([page], meta('+41445559999'), master, learned);
    expect(other.customer.id).toBe('C-1002');
    expect(other.lines[0]?.sku).not.toBe('20-1145');
  });

  it('maps an unknown sender to the customer a clerk chose, but not over a confident match', () => {
    const learned = buildLearnedIndex([
      mapping({ kind: 'sender', sourceKey: '+41449990000', target: 'C-1002', customerId: 'C-1002' }),
      mapping({ kind: 'sender', sourceKey: '+41445551234', target: 'C-1002', customerId: 'C-1002' }),
    ]);
    expect(extractDraft([page], meta('+41 44 999 00 00'), master).customer.id).toBeNull();
    expect(extractDraft([page], meta('+41 44 999 00 00'), master, learned).customer.id).toBe('C-1002');
    expect(extractDraft([page], meta('+41445551234'), master, learned).customer.id).toBe('C-1001');
  });
});
