import type { Kysely, Migration } from 'kysely';
import { type DialectName, dialectTypes } from './dialect-types.ts';

/** The initial schema (see ../schema.ts for the row types and the storage conventions). */
export function initialMigration(dialect: DialectName): Migration {
  const t = dialectTypes(dialect);
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('bytes', t.blob, (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('content_type', 'text')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('provider', 'text')
        .addColumn('from_addr', 'text')
        .addColumn('to_addr', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('failure_reason', 'text')
        .addColumn('duplicate_of', 'text')
        .addColumn('page_count', 'integer')
        .addColumn('meta_json', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('documents_sha256_idx').on('documents').column('sha256').execute();
      // The reconciler scans by status and age.
      await db.schema
        .createIndex('documents_status_updated_idx')
        .on('documents')
        .columns(['status', 'updated_at'])
        .execute();

      await db.schema
        .createTable('inbound_receipts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('external_key', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('inbound_receipts_provider_key_uq', ['provider', 'external_key'])
        .execute();

      await db.schema
        .createTable('pages')
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('page_no', 'integer', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('dpi', 'integer')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('rotated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('image', t.blob)
        .addColumn('words_json', 'text')
        .addColumn('text', 'text')
        .addColumn('confidence', 'double precision')
        .addColumn('content_source', 'text')
        .addPrimaryKeyConstraint('pages_pk', ['document_id', 'page_no'])
        .execute();

      await db.schema
        .createTable('orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
        .addColumn('doc_seq', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text')
        .addColumn('customer_json', 'text', (c) => c.notNull())
        .addColumn('customer_reference', 'text')
        .addColumn('order_date', 'text')
        .addColumn('delivery_date', 'text')
        .addColumn('delivery_address', 'text')
        .addColumn('remarks', 'text')
        .addColumn('warnings_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('source_json', 'text', (c) => c.notNull())
        .addColumn('confidence', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('failure_reason', 'text')
        .addColumn('rejected_reason', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text')
        .addColumn('confirmed_by', 'text')
        // The ERP feed cursor: assigned once, in commit order, never reused.
        .addColumn('confirm_seq', 'integer', (c) => c.unique())
        .addColumn('exported_at', 'text')
        .addColumn('erp_order_number', 'text')
        // Makes "one set of orders per document" race-safe: a second writer collides on doc_seq 1.
        .addUniqueConstraint('orders_document_seq_uq', ['document_id', 'doc_seq'])
        .execute();
      await db.schema
        .createIndex('orders_status_created_idx')
        .on('orders')
        .columns(['status', 'created_at', 'id'])
        .execute();
      await db.schema.createIndex('orders_created_idx').on('orders').columns(['created_at', 'id']).execute();

      await db.schema
        .createTable('order_lines')
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('sku', 'text')
        .addColumn('customer_sku', 'text')
        .addColumn('gtin', 'text')
        .addColumn('description', 'text')
        .addColumn('quantity', 'double precision')
        .addColumn('unit', 'text')
        .addColumn('unit_price', 'double precision')
        .addColumn('matched_by', 'text')
        .addColumn('confidence', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('evidence_json', 'text')
        .addPrimaryKeyConstraint('order_lines_pk', ['order_id', 'position'])
        .execute();

      // Master data has no foreign keys: the three CSVs are imported independently, in any order.
      await db.schema
        .createTable('products')
        .addColumn('sku', 'text', (c) => c.primaryKey())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('price', 'double precision')
        .addColumn('gtin', 'text')
        .execute();
      await db.schema
        .createTable('customers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('fax', 'text')
        .addColumn('email', 'text')
        .addColumn('street', 'text')
        .addColumn('zip', 'text')
        .addColumn('city', 'text')
        .addColumn('country', 'text')
        .execute();
      await db.schema
        .createTable('customer_skus')
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('customer_sku', 'text', (c) => c.notNull())
        .addColumn('sku', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('customer_skus_pk', ['customer_id', 'customer_sku'])
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locale', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();

      await db.schema
        .createTable('audit_events')
        .addColumn('id', t.serialType, t.serialPrimaryKey)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('field', 'text')
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .execute();
      await db.schema
        .createIndex('audit_events_entity_idx')
        .on('audit_events')
        .columns(['entity_type', 'entity_id', 'id'])
        .execute();

      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
      // Seeded here so confirm only ever needs an UPDATE … RETURNING (row-locked on PostgreSQL).
      await db.insertInto('counters').values({ name: 'confirm_seq', value: 0 }).execute();
    },
  };
}
