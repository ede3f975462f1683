import { QueryRunner, Table, TableColumnOptions, TableIndex, TableIndexOptions, TableOptions, TableUnique } from 'typeorm';

/**
 * Column builders for migrations written with the query-runner table API, so that one set of
 * migrations runs on MariaDB/MySQL (and TiDB) and on the embedded SQLite file alike.
 * IDs are random UUID strings made by the application: no AUTO_INCREMENT hot spot.
 */
export const idColumn = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
export const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
export const str = (name: string, length: number, nullable = false, def?: string): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
  ...(def !== undefined ? { default: `'${def}'` } : {}),
});
export const text = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
export const int = (name: string, def?: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'int',
  isNullable: nullable,
  ...(def !== undefined ? { default: def } : {}),
});
export const bool = (name: string, def = false): TableColumnOptions => ({ name, type: 'boolean', isNullable: false, default: def ? 1 : 0 });
/** UTC time with milliseconds. */
export const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
export const date = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '10', isNullable: nullable });
export const timestamps = (): TableColumnOptions[] => [time('created_at'), time('updated_at')];

/**
 * The party of a request made by or for someone (the access policy's party scope): `user_id` the person
 * or legal representative it is for, `actor_id` who made it (the same, or an authorized agent),
 * `enterprise_id` the company acted for. Goes right after `idColumn()`.
 */
export const partyColumns = (): TableColumnOptions[] => [ref('user_id'), ref('actor_id'), ref('enterprise_id', true)];

/** The indices the party lists read: `ix_<prefix>_user` (theirs, newest first) and `ix_<prefix>_actor` (an agent's). */
export const partyIndices = (prefix: string): TableIndexOptions[] => [
  { name: `ix_${prefix}_user`, columnNames: ['user_id', 'created_at'] },
  { name: `ix_${prefix}_actor`, columnNames: ['actor_id'] },
];

/** Creates the tables in order (a migration's `up`); for migrations from 1732001000000 on. */
export async function createTables(q: QueryRunner, ...tables: TableOptions[]): Promise<void> {
  for (const t of tables) await q.createTable(new Table(t));
}

/** MySQL/MariaDB keep a unique key as a unique index; SQLite as a table constraint. */
const isMysql = (q: QueryRunner) => q.connection.options.type === 'mysql';

/** Drops the unique key `name` of `table` on either engine (for migrations from 1732001030000 on). */
export async function dropUnique(q: QueryRunner, table: string, name: string): Promise<void> {
  if (isMysql(q)) await q.dropIndex(table, name);
  else await q.dropUniqueConstraint(table, name);
}

/** Adds the unique key `name` over `columnNames` of `table` on either engine. */
export async function addUnique(q: QueryRunner, table: string, name: string, columnNames: string[]): Promise<void> {
  if (isMysql(q)) await q.createIndex(table, new TableIndex({ name, columnNames, isUnique: true }));
  else await q.createUniqueConstraint(table, new TableUnique({ name, columnNames }));
}
