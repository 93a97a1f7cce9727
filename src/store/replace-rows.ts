import type { Transaction } from 'kysely';
import { FaxgateError } from '../errors.ts';

export interface ReplaceCounts {
  inserted: number;
  updated: number;
  deleted: number;
}

type Row = Record<string, string | number | null>;

/** Rows per INSERT: SQLite caps bound parameters per statement. */
const CHUNK = 200;

/**
 * Makes `table` hold exactly `rows` (keyed by `keys`): inserts new rows, updates rows whose values
 * changed (unchanged rows are not counted), deletes rows absent from `rows`. Runs in the caller's
 * transaction. Duplicate keys in `rows` are an error in the import file, not something to guess at.
 */
export async function replaceRows(
  // biome-ignore lint/suspicious/noExplicitAny: one helper for three tables with different keys
  trx: Transaction<any>,
  table: string,
  keys: string[],
  rows: Row[],
  label: string,
): Promise<ReplaceCounts> {
  const keyOf = (r: Row) => JSON.stringify(keys.map((k) => r[k]));
  const wanted = new Map<string, Row>();
  for (const r of rows) {
    const k = keyOf(r);
    if (wanted.has(k)) {
      throw new FaxgateError(
        'BAD_MASTER_DATA',
        `${label}: duplicate key ${keys.map((c) => r[c]).join(' / ')}`,
      );
    }
    wanted.set(k, r);
  }

  const existing = new Map<string, Row>();
  for (const r of (await trx.selectFrom(table).selectAll().execute()) as Row[]) existing.set(keyOf(r), r);

  const toInsert: Row[] = [];
  let updated = 0;
  for (const [k, r] of wanted) {
    const old = existing.get(k);
    if (!old) {
      toInsert.push(r);
      continue;
    }
    if (Object.keys(r).every((c) => old[c] === r[c])) continue;
    let q = trx.updateTable(table).set(r);
    for (const c of keys) q = q.where(c, '=', r[c]);
    await q.execute();
    updated++;
  }
  for (let i = 0; i < toInsert.length; i += CHUNK) {
    await trx
      .insertInto(table)
      .values(toInsert.slice(i, i + CHUNK))
      .execute();
  }
  let deleted = 0;
  for (const [k, old] of existing) {
    if (wanted.has(k)) continue;
    let q = trx.deleteFrom(table);
    for (const c of keys) q = q.where(c, '=', old[c]);
    await q.execute();
    deleted++;
  }
  return { inserted: toInsert.length, updated, deleted };
}
