import type { Updateable } from 'kysely';
import { HttpError } from '../errors.ts';
import { appendAudit } from './audit-store.ts';
import { recordCorrections } from './learned-mappings-store.ts';
import { type Executor, loadOrder, replaceLines } from './order-lines.ts';
import type { OrderChanges, OrderView } from './order-mapper.ts';
import type { OrdersTable } from './schema.ts';

type HeaderField = Exclude<keyof OrderChanges, 'customer' | 'lines'>;

const HEADER_COLUMNS: Record<HeaderField, keyof OrdersTable> = {
  customerReference: 'customer_reference',
  orderDate: 'order_date',
  deliveryDate: 'delivery_date',
  deliveryAddress: 'delivery_address',
  remarks: 'remarks',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A clerk's edit of an order under review. Header fields are merged (customer field by field),
 * `lines` replaces the list. Optimistic concurrency: a stale `expectedVersion` → 409 CONFLICT; a
 * concurrent writer between read and write is caught by the version-guarded UPDATE. Every
 * successful patch bumps `version` and audits each field that really changed.
 */
export async function patchOrder(
  db: Executor,
  id: string,
  expectedVersion: number | null,
  changes: OrderChanges,
  actor: string,
): Promise<OrderView> {
  return db.transaction().execute(async (trx) => {
    const before = await loadOrder(trx, id);
    if (!before) throw new HttpError(404, 'NOT_FOUND', `order ${id} not found`);
    if (expectedVersion !== null && expectedVersion !== before.version) {
      throw new HttpError(
        409,
        'CONFLICT',
        `order ${id} was changed by someone else (version ${before.version})`,
        {
          version: before.version,
        },
      );
    }
    if (before.status !== 'needs_review') {
      throw new HttpError(
        409,
        'INVALID_STATE',
        `order ${id} is ${before.status}, only orders under review can be edited`,
      );
    }

    const now = new Date().toISOString();
    const set: Updateable<OrdersTable> = {};
    const changed: Array<{ field: string; before: unknown; after: unknown }> = [];

    if (changes.customer !== undefined) {
      const customer = { ...before.customer, ...changes.customer };
      if (!same(customer, before.customer)) {
        set.customer_json = JSON.stringify(customer);
        set.customer_id = customer.id;
        changed.push({ field: 'customer', before: before.customer, after: customer });
      }
    }
    const fields = { ...before.fields };
    if (set.customer_json !== undefined) fields.customer = { confidence: 1, evidence: null };
    for (const [field, column] of Object.entries(HEADER_COLUMNS) as Array<[HeaderField, keyof OrdersTable]>) {
      const value = changes[field];
      if (value === undefined || value === before[field]) continue;
      set[column] = value as never;
      changed.push({ field, before: before[field], after: value });
      // what a clerk set is certain, and no longer what was read on the page
      fields[field] = value === null ? null : { confidence: 1, evidence: null };
    }
    if (!same(fields, before.fields)) set.fields_json = JSON.stringify(fields);
    const linesChanged = changes.lines !== undefined && !same(renumber(changes.lines), before.lines);
    if (linesChanged) changed.push({ field: 'lines', before: before.lines, after: renumber(changes.lines!) });

    const res = await trx
      .updateTable('orders')
      .set({ ...set, version: before.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', before.version)
      .where('status', '=', 'needs_review')
      .executeTakeFirst();
    if (res.numUpdatedRows === 0n) {
      throw new HttpError(409, 'CONFLICT', `order ${id} was changed by someone else`);
    }
    if (linesChanged) await replaceLines(trx, id, changes.lines!);
    await recordCorrections(trx, before, changes, actor); // learn what the clerk's fix means (src/learning)
    for (const c of changed) {
      await appendAudit(trx, { actor, entityType: 'order', entityId: id, action: 'update', ...c }, now);
    }
    return (await loadOrder(trx, id))!;
  });
}

/** Lines as they will be stored (positions 1..n), for comparison and the audit trail. */
const renumber = (lines: NonNullable<OrderChanges['lines']>) =>
  lines.map((l, i) => ({ ...l, position: i + 1 }));
