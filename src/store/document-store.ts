import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { HttpError } from '../errors.ts';
import type { InboundMeta } from '../pipeline/types.ts';
import type { Database } from './database.ts';
import { createDocumentPages } from './document-pages.ts';

export type { PageRecord } from './document-pages.ts';

import type { DocumentStatus, DocumentsTable, SniffedType } from './schema.ts';

export interface IngestInput {
  bytes: Uint8Array;
  contentType: SniffedType | null;
  meta: InboundMeta;
  /** The provider's own id for the delivery (fax id, message id, or an upload key). */
  receiptKey: { provider: string; key: string };
  /** Kept in meta_json (subject, filename, …). */
  extraMeta?: Record<string, unknown>;
}

export interface DocumentRecord {
  id: string;
  sha256: string;
  size: number;
  contentType: SniffedType | null;
  status: DocumentStatus;
  failureReason: string | null;
  duplicateOf: string | null;
  pageCount: number | null;
  attempts: number;
  receivedAt: string;
  updatedAt: string;
  /** Transport facts, as given to ingest (receivedAt is the provider's time when it sent one). */
  inbound: InboundMeta;
  /** Everything in meta_json: warnings, providerReceivedAt and the ingest's extraMeta. */
  meta: Record<string, unknown>;
}

/** Thrown inside the ingest transaction to roll it back when another delivery won the race. */
class ReceiptExists extends Error {}

const nowIso = () => new Date().toISOString();
const toBuffer = (b: Uint8Array) =>
  Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
const notFound = (id: string) => new HttpError(404, 'NOT_FOUND', `document ${id} not found`);

export function createDocumentStore(database: Database) {
  const { db } = database;

  const findReceipt = (provider: string, key: string) =>
    db
      .selectFrom('inbound_receipts')
      .select('document_id')
      .where('provider', '=', provider)
      .where('external_key', '=', key)
      .executeTakeFirst();

  async function setStatus(id: string, changes: Partial<DocumentsTable>): Promise<void> {
    const res = await db
      .updateTable('documents')
      .set({ ...changes, updated_at: nowIso() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (res.numUpdatedRows === 0n) throw notFound(id);
  }

  return {
    /**
     * Persists a delivery and its bytes in one transaction, or returns the document an earlier
     * delivery with the same (provider, key) created. Concurrent identical deliveries end as one
     * document: the receipt insert is ON CONFLICT DO NOTHING and the loser rolls back.
     */
    async ingest(input: IngestInput): Promise<{ documentId: string; created: boolean }> {
      const { provider, key } = input.receiptKey;
      const known = await findReceipt(provider, key);
      if (known) return { documentId: known.document_id, created: false };

      const bytes = toBuffer(input.bytes);
      const id = randomUUID();
      const now = nowIso();
      const meta = {
        ...input.extraMeta,
        warnings: input.meta.warnings ?? [],
        providerReceivedAt: input.meta.receivedAt,
      };
      try {
        // The document goes first so the transaction's first statement is a write (see sqlite-dialect.ts).
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('documents')
            .values({
              id,
              sha256: createHash('sha256').update(bytes).digest('hex'),
              bytes,
              size: bytes.byteLength,
              content_type: input.contentType,
              channel: input.meta.channel,
              provider: input.meta.provider,
              from_addr: input.meta.from,
              to_addr: input.meta.to,
              status: 'received',
              meta_json: JSON.stringify(meta),
              received_at: now,
              updated_at: now,
              attempts: 0,
            })
            .execute();
          const receipt = await trx
            .insertInto('inbound_receipts')
            .values({ id: randomUUID(), provider, external_key: key, document_id: id, received_at: now })
            .onConflict((oc) => oc.columns(['provider', 'external_key']).doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!receipt) throw new ReceiptExists();
        });
        return { documentId: id, created: true };
      } catch (err) {
        if (!(err instanceof ReceiptExists)) throw err;
        const winner = await findReceipt(provider, key);
        if (!winner) throw err;
        return { documentId: winner.document_id, created: false };
      }
    },

    /** The document without its bytes, or null. */
    async get(id: string): Promise<DocumentRecord | null> {
      const row = await db
        .selectFrom('documents')
        .select([
          'id',
          'sha256',
          'size',
          'content_type',
          'channel',
          'provider',
          'from_addr',
          'to_addr',
          'status',
          'failure_reason',
          'duplicate_of',
          'page_count',
          'meta_json',
          'received_at',
          'updated_at',
          'attempts',
        ])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      const meta = JSON.parse(row.meta_json) as Record<string, unknown>;
      const warnings = Array.isArray(meta.warnings) ? (meta.warnings as string[]) : [];
      const providerReceivedAt = typeof meta.providerReceivedAt === 'string' ? meta.providerReceivedAt : null;
      return {
        id: row.id,
        sha256: row.sha256,
        size: Number(row.size),
        contentType: row.content_type,
        status: row.status,
        failureReason: row.failure_reason,
        duplicateOf: row.duplicate_of,
        pageCount: row.page_count,
        attempts: row.attempts,
        receivedAt: row.received_at,
        updatedAt: row.updated_at,
        inbound: {
          channel: row.channel as InboundMeta['channel'],
          provider: row.provider,
          from: row.from_addr,
          to: row.to_addr,
          receivedAt: providerReceivedAt ?? row.received_at,
          warnings,
        },
        meta,
      };
    },

    /** Shallow-merges `patch` into the document's meta (what the pipeline learnt about it). */
    async mergeMeta(id: string, patch: Record<string, unknown>): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('documents')
          .select('meta_json')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) throw notFound(id);
        const meta = { ...(JSON.parse(row.meta_json) as Record<string, unknown>), ...patch };
        await trx
          .updateTable('documents')
          .set({ meta_json: JSON.stringify(meta), updated_at: nowIso() })
          .where('id', '=', id)
          .execute();
      });
    },

    /**
     * Stores the bytes of a document ingested without them (a provider sent only a media URL).
     * Only the first attach wins, so a retried fetch never replaces bytes the pipeline already read.
     */
    async attachBytes(id: string, bytes: Uint8Array, contentType: SniffedType | null): Promise<boolean> {
      const buf = toBuffer(bytes);
      const res = await db
        .updateTable('documents')
        .set({
          bytes: buf,
          size: buf.byteLength,
          sha256: createHash('sha256').update(buf).digest('hex'),
          content_type: contentType,
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .where('size', '=', 0)
        .executeTakeFirst();
      return res.numUpdatedRows > 0n;
    },

    async getBytes(id: string): Promise<Buffer | null> {
      const row = await db.selectFrom('documents').select('bytes').where('id', '=', id).executeTakeFirst();
      return row ? row.bytes : null;
    },

    /**
     * received/processing/failed → processing, counting the attempt. Returns false (and changes
     * nothing) when the document is already processed or a duplicate, so a re-run job can stop.
     */
    async markProcessing(id: string): Promise<boolean> {
      const res = await db
        .updateTable('documents')
        .set({
          status: 'processing',
          attempts: sql`attempts + 1`,
          failure_reason: null,
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .where('status', 'in', ['received', 'processing', 'failed'])
        .executeTakeFirst();
      if (res.numUpdatedRows > 0n) return true;
      const exists = await db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw notFound(id);
      return false;
    },

    markProcessed: (id: string) => setStatus(id, { status: 'processed', failure_reason: null }),

    /** `reason` is shown to clerks: say what is wrong with the document, not a stack trace. */
    markFailed: (id: string, reason: string) => setStatus(id, { status: 'failed', failure_reason: reason }),

    markDuplicate: (id: string, originalId: string) =>
      setStatus(id, { status: 'duplicate', duplicate_of: originalId }),

    /** The oldest other document with the same content that is not itself a duplicate. */
    async findOriginal(id: string, sha256: string): Promise<string | null> {
      const row = await db
        .selectFrom('documents')
        .select('id')
        .where('sha256', '=', sha256)
        .where('id', '!=', id)
        .where('status', '!=', 'duplicate')
        .orderBy('received_at')
        .orderBy('id')
        .executeTakeFirst();
      return row?.id ?? null;
    },

    /** Documents sitting in one of `statuses` for longer than `olderThanMs`, oldest first. */
    async listStuck(opts: { statuses: string[]; olderThanMs: number; limit?: number }): Promise<string[]> {
      if (opts.statuses.length === 0) return [];
      const cutoff = new Date(Date.now() - opts.olderThanMs).toISOString();
      const rows = await db
        .selectFrom('documents')
        .select('id')
        .where('status', 'in', opts.statuses as DocumentStatus[])
        .where('updated_at', '<', cutoff)
        .orderBy('updated_at')
        .limit(opts.limit ?? 500)
        .execute();
      return rows.map((r) => r.id);
    },

    ...createDocumentPages(database),
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
