import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { Schema } from './schema.ts';

export interface AuditInput {
  actor: string;
  entityType: string;
  entityId: string;
  action: string;
  field?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  entityType: string;
  entityId: string;
  action: string;
  field: string | null;
  before: unknown;
  after: unknown;
}

type Executor = Kysely<Schema> | Transaction<Schema>;

const toJson = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Appends one event with the given executor, so other stores can audit inside their transaction. */
export async function appendAudit(
  db: Executor,
  event: AuditInput,
  at = new Date().toISOString(),
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at,
      actor: event.actor,
      entity_type: event.entityType,
      entity_id: event.entityId,
      action: event.action,
      field: event.field ?? null,
      before_json: toJson(event.before),
      after_json: toJson(event.after),
    })
    .execute();
}

export function createAuditStore(database: Database) {
  const { db } = database;
  return {
    append: (event: AuditInput): Promise<void> => appendAudit(db, event),

    /** Events of one entity, oldest first. */
    async list(entityType: string, entityId: string): Promise<AuditEvent[]> {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        at: r.at,
        actor: r.actor,
        entityType: r.entity_type,
        entityId: r.entity_id,
        action: r.action,
        field: r.field,
        before: r.before_json === null ? null : JSON.parse(r.before_json),
        after: r.after_json === null ? null : JSON.parse(r.after_json),
      }));
    },
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
