import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentStore, type DocumentStore } from '../../src/store/document-store.ts';
import {
  createLearnedMappingsStore,
  type LearnedMappingsStore,
} from '../../src/store/learned-mappings-store.ts';
import { createOrderStore, type OrderStore } from '../../src/store/order-store.ts';
import { backends, openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { draftLine, draftOrder, newDocument } from './order-fixtures.ts';

describe.each(backends)('learned mappings store (%s)', (kind) => {
  let database: TestDatabase;
  let docs: DocumentStore;
  let orders: OrderStore;
  let learned: LearnedMappingsStore;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    docs = createDocumentStore(database);
    orders = createOrderStore(database);
    learned = createLearnedMappingsStore(database);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("records a clerk's SKU, quantity and customer corrections and serves them to extraction", async () => {
    const doc = await newDocument(docs);
    const line = {
      ...draftLine(1, '10-4711', 12),
      evidence: { page: 1, box: null, text: 'BH-20115 Schraube 12 Stk' },
    };
    const [id] = await orders.createFromDrafts(doc, [
      { ...draftOrder('PO-9', [line]), customer: { id: null, name: null, matchedBy: null, confidence: 0 } },
    ]);
    await orders.patch(
      id!,
      1,
      {
        customer: { id: 'C-1007', name: 'Baumann AG', matchedBy: 'manual', confidence: 1 },
        lines: [{ ...line, sku: 'AB-1020X', quantity: 120 }],
      },
      'meier',
    );
    const list = await learned.list('C-1007');
    expect(list.map((m) => [m.kind, m.sourceKey, m.target]).sort()).toEqual([
      ['quantity', 'a:8H20115|12', '120'],
      ['sender', '+41445551234', 'C-1007'],
      ['sku', 'a:8H20115', 'AB-1020X'],
    ]);
    expect(list.every((m) => m.createdBy === 'meier' && m.hits === 1)).toBe(true);

    const idx = await learned.indexFor('+41 44 555 12 34');
    expect(idx.senders.get('+41445551234')).toBe('C-1007');
    expect(idx.skus.get('C-1007')?.get('a:8H20115')).toBe('AB-1020X');

    // the same wording corrected again: one mapping, new target, counted
    await learned.save(
      [{ customerId: 'C-1007', kind: 'sku', sourceKey: 'a:8H20115', sourceText: 'x', target: '10-4711' }],
      'huber',
    );
    const again = (await learned.list('C-1007')).filter((m) => m.kind === 'sku');
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ target: '10-4711', hits: 2, createdBy: 'huber' });

    expect(await learned.remove('C-1007', again[0]!.id)).toBe(true);
    expect(await learned.remove('C-1007', again[0]!.id)).toBe(false);
    expect(await learned.removeAll('C-1007')).toBe(2);
    expect(await learned.list('C-1007')).toEqual([]);
  });

  it('an edit that changes nothing an extraction reads teaches nothing', async () => {
    const doc = await newDocument(docs);
    const [id] = await orders.createFromDrafts(doc, [draftOrder('PO-10')]);
    await orders.patch(id!, 1, { remarks: 'bitte anrufen' }, 'meier');
    expect(await learned.list('C-1007')).toEqual([]);
  });
});
