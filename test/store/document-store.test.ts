import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMeta, RawPage } from '../../src/pipeline/types.ts';
import { createDocumentStore, type DocumentStore } from '../../src/store/document-store.ts';
import { backends, openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const meta: InboundMeta = {
  channel: 'fax',
  provider: 'telnyx',
  from: '+41445551234',
  to: '+41445550000',
  receivedAt: '2026-11-27T09:14:03.000Z',
  warnings: ['partial'],
};
const pdf = Buffer.from('%PDF-1.4 fake order fax');

describe.each(backends)('document store (%s)', (kind) => {
  let database: TestDatabase;
  let docs: DocumentStore;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    docs = createDocumentStore(database);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it('ingests once per (provider, key) and keeps the bytes and facts', async () => {
    const first = await docs.ingest({
      bytes: new Uint8Array(pdf),
      contentType: 'pdf',
      meta,
      receiptKey: { provider: 'telnyx', key: 'fax-1' },
      extraMeta: { filename: 'order.pdf' },
    });
    expect(first.created).toBe(true);
    const again = await docs.ingest({
      bytes: pdf,
      contentType: 'pdf',
      meta,
      receiptKey: { provider: 'telnyx', key: 'fax-1' },
    });
    expect(again).toEqual({ documentId: first.documentId, created: false });
    // Same key from another provider is another delivery.
    const other = await docs.ingest({
      bytes: pdf,
      contentType: 'pdf',
      meta,
      receiptKey: { provider: 'sinch', key: 'fax-1' },
    });
    expect(other.created).toBe(true);
    expect(other.documentId).not.toBe(first.documentId);

    const rec = await docs.get(first.documentId);
    expect(rec).toMatchObject({
      status: 'received',
      size: pdf.length,
      contentType: 'pdf',
      attempts: 0,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      inbound: { ...meta },
      meta: { filename: 'order.pdf', warnings: ['partial'] },
    });
    expect(rec).not.toHaveProperty('bytes');
    expect(Buffer.compare((await docs.getBytes(first.documentId))!, pdf)).toBe(0);
    expect(await docs.get('nope')).toBeNull();
    expect(await docs.findOriginal(other.documentId, rec!.sha256)).toBe(first.documentId);
  });

  it('five concurrent identical ingests make one document', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        docs.ingest({
          bytes: pdf,
          contentType: 'pdf',
          meta,
          receiptKey: { provider: 'phaxio', key: 'race-1' },
        }),
      ),
    );
    const ids = new Set(results.map((r) => r.documentId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const receipts = await database.db
      .selectFrom('inbound_receipts')
      .select('document_id')
      .where('provider', '=', 'phaxio')
      .execute();
    expect(receipts).toHaveLength(1);
    const orphans = await database.db
      .selectFrom('documents')
      .select('id')
      .where('provider', '=', 'telnyx')
      .where('id', 'not in', database.db.selectFrom('inbound_receipts').select('document_id'))
      .execute();
    expect(orphans).toHaveLength(0);
  });

  it('moves through processing states and finds stuck documents', async () => {
    const { documentId: id } = await docs.ingest({
      bytes: pdf,
      contentType: 'pdf',
      meta,
      receiptKey: { provider: 'telnyx', key: 'states' },
    });
    expect(await docs.listStuck({ statuses: ['received'], olderThanMs: -60_000 })).toContain(id);
    expect(await docs.listStuck({ statuses: ['received'], olderThanMs: 60_000 })).not.toContain(id);
    expect(await docs.markProcessing(id)).toBe(true);
    await docs.markFailed(id, 'PDF is encrypted');
    expect(await docs.get(id)).toMatchObject({
      status: 'failed',
      failureReason: 'PDF is encrypted',
      attempts: 1,
    });
    expect(await docs.markProcessing(id)).toBe(true);
    await docs.markProcessed(id);
    expect(await docs.get(id)).toMatchObject({ status: 'processed', failureReason: null, attempts: 2 });
    expect(await docs.markProcessing(id)).toBe(false);
    await expect(docs.markProcessed('missing')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('replaces pages, serves images and OCR contents', async () => {
    const { documentId: id } = await docs.ingest({
      bytes: pdf,
      contentType: 'pdf',
      meta,
      receiptKey: { provider: 'telnyx', key: 'pages' },
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]);
    const words = [
      { text: 'Bestellung', box: [10, 20, 100, 18] as [number, number, number, number], conf: 0.97 },
    ];
    const pages: RawPage[] = [
      { page: 1, width: 1700, height: 2200, dpi: 200, image: png, words: null, source: 'image', rotated: 90 },
      { page: 2, width: 1240, height: 1754, dpi: 150, image: null, words, source: 'text-layer', rotated: 0 },
      { page: 3, width: 1, height: 1, dpi: 150, image: null, words: null, source: 'image', rotated: 0 },
    ];
    await docs.savePages(id, pages);
    await docs.savePages(id, pages.slice(0, 2)); // a re-run replaces, not appends
    const stored = await docs.getPages(id);
    expect(stored.map((p) => [p.page, p.hasImage, p.rotated])).toEqual([
      [1, true, 90],
      [2, false, 0],
    ]);
    expect(stored[1]!.words).toEqual(words);
    expect((await docs.get(id))!.pageCount).toBe(2);
    expect(Buffer.compare((await docs.getPageImage(id, 1))!, png)).toBe(0);
    expect(await docs.getPageImage(id, 2)).toBeNull();

    expect(await docs.getPageContents(id)).toEqual([]);
    const content = {
      page: 1,
      width: 1700,
      height: 2200,
      source: 'ocr' as const,
      words,
      text: 'Bestellung',
      confidence: 0.97,
    };
    await docs.savePageContent(id, content);
    await docs.savePageContent(id, { ...content, page: 2, source: 'text-layer', width: 1240, height: 1754 });
    expect(await docs.getPageContents(id)).toEqual([
      content,
      { ...content, page: 2, source: 'text-layer', width: 1240, height: 1754 },
    ]);
    // The image survives saving content.
    expect(Buffer.compare((await docs.getPageImage(id, 1))!, png)).toBe(0);
  });
});
