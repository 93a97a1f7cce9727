/**
 * The few column types that differ between SQLite and PostgreSQL. Everything else in the
 * migrations uses portable types (text, integer, double precision) so one migration serves both.
 */
import type { ColumnDataType, ColumnDefinitionBuilder } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export interface DialectTypes {
  /** Binary data: `blob` on SQLite, `bytea` on PostgreSQL. */
  blob: ColumnDataType;
  /** Type and modifiers of an auto-incrementing integer primary key. */
  serialType: ColumnDataType;
  serialPrimaryKey: (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
}

export function dialectTypes(dialect: DialectName): DialectTypes {
  if (dialect === 'postgres') {
    return { blob: 'bytea', serialType: 'serial', serialPrimaryKey: (col) => col.primaryKey() };
  }
  // AUTOINCREMENT (not just rowid aliasing) so ids are never reused after deletes.
  return { blob: 'blob', serialType: 'integer', serialPrimaryKey: (col) => col.primaryKey().autoIncrement() };
}
