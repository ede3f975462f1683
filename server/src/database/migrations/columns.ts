import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions, TableIndex, TableOptions, TableUnique } from 'typeorm';

/**
 * The migrations' one vocabulary: column builders, keys, tables and the common migration shapes, for
 * migrations written with the query-runner table API, so that one set of migrations runs on
 * MariaDB/MySQL (and TiDB) and on the embedded SQLite file alike.
 * IDs are random UUID strings made by the application: no AUTO_INCREMENT hot spot.
 *
 * Migrations that have run are built from these: never change what a builder produces (that would
 * change their schema on a new database); add a new builder instead.
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
/** A flag with its `def`ault; `null`: nullable without default (not known until recorded). */
export const bool = (name: string, def: boolean | null = false): TableColumnOptions =>
  def === null ? { name, type: 'boolean', isNullable: true } : { name, type: 'boolean', isNullable: false, default: def ? 1 : 0 };
/** UTC time with milliseconds. */
export const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
export const date = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '10', isNullable: nullable });
export const timestamps = (): TableColumnOptions[] => [time('created_at'), time('updated_at')];

/** One column of a composite primary key (`idColumn()` is the single-column one). */
export const pk = (column: TableColumnOptions): TableColumnOptions => ({ ...column, isPrimary: true });

/** Who did `act` and when, both null until it is done: `<act>_by` then `<act>_at`. */
export const byAt = (act: string): TableColumnOptions[] => [ref(`${act}_by`, true), time(`${act}_at`, true)];
/** The same in the other column order: `<act>_at` then `<act>_by`. */
export const atBy = (act: string): TableColumnOptions[] => [time(`${act}_at`, true), ref(`${act}_by`, true)];

/** A named key over columns: a table's unique key or index. */
export interface Key {
  name: string;
  columnNames: string[];
  isUnique?: boolean;
}
/** The unique key or index `name` over `columnNames`, in that order (for `uniques`, `indices` and `addIndices`). */
export const key = (name: string, ...columnNames: string[]): Key => ({ name, columnNames });
/** A unique index (kept as an index on MySQL and SQLite alike, not as a table constraint). */
export const uniqueIndex = (name: string, ...columnNames: string[]): Key => ({ name, columnNames, isUnique: true });

/** A table keyed by `idColumn()`, followed by `columns`, with its unique keys and indices. */
export const entity = (name: string, columns: TableColumnOptions[], keys: Pick<TableOptions, 'uniques' | 'indices'> = {}): TableOptions => ({
  name,
  columns: [idColumn(), ...columns],
  ...keys,
});

/**
 * The party of a request made by or for someone (the access policy's party scope): `user_id` the person
 * or legal representative it is for, `actor_id` who made it (the same, or an authorized agent),
 * `enterprise_id` the company acted for. Goes first after the id, as a rule.
 */
export const partyColumns = (): TableColumnOptions[] => [ref('user_id'), ref('actor_id'), ref('enterprise_id', true)];

/** The indices the party lists read: `ix_<prefix>_user` (theirs, newest first) and `ix_<prefix>_actor` (an agent's). */
export const partyIndices = (prefix: string): Key[] => [key(`ix_${prefix}_user`, 'user_id', 'created_at'), key(`ix_${prefix}_actor`, 'actor_id')];

/** Creates the tables in order (a migration's `up`). */
export async function createTables(q: QueryRunner, ...tables: TableOptions[]): Promise<void> {
  for (const t of tables) await q.createTable(new Table(t));
}

/** Drops the tables named, in this order (a migration's `down`). */
export async function dropTables(q: QueryRunner, ...names: string[]): Promise<void> {
  for (const t of names) await q.dropTable(t);
}

/** Adds `columns` to `table` in one `addColumns` (on SQLite: one rebuild of the table). */
export async function addColumns(q: QueryRunner, table: string, ...columns: TableColumnOptions[]): Promise<void> {
  await q.addColumns(table, columns.map((c) => new TableColumn(c)));
}

/** Drops the columns named from `table`, one `dropColumn` each, in this order. */
export async function dropColumns(q: QueryRunner, table: string, ...names: string[]): Promise<void> {
  for (const c of names) await q.dropColumn(table, c);
}

/** Creates `indices` (see `key`) on `table`, in this order. */
export async function addIndices(q: QueryRunner, table: string, ...indices: Key[]): Promise<void> {
  for (const i of indices) await q.createIndex(table, new TableIndex(i));
}

/** Drops the indices named from `table`, in this order. */
export async function dropIndices(q: QueryRunner, table: string, ...names: string[]): Promise<void> {
  for (const n of names) await q.dropIndex(table, n);
}

/** A migration that only creates `tables`, in order; `down` drops them in the reverse order. */
export abstract class CreateTables implements MigrationInterface {
  abstract readonly name: string;
  protected abstract readonly tables: TableOptions[];

  async up(q: QueryRunner): Promise<void> {
    await createTables(q, ...this.tables);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, ...this.tables.map((t) => t.name).reverse());
  }
}

/** A migration that only adds indices (by table, in order); `down` drops them in the reverse order. */
export abstract class AddIndices implements MigrationInterface {
  abstract readonly name: string;
  protected abstract readonly indices: Record<string, Key[]>;

  async up(q: QueryRunner): Promise<void> {
    for (const [table, keys] of Object.entries(this.indices)) await addIndices(q, table, ...keys);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, keys] of Object.entries(this.indices).reverse()) await dropIndices(q, table, ...keys.map((k) => k.name).reverse());
  }
}

/** MySQL/MariaDB keep a unique key as a unique index; SQLite as a table constraint. */
const isMysql = (q: QueryRunner) => q.connection.options.type === 'mysql';

/** Drops the unique key `name` of `table` on either engine. */
export async function dropUnique(q: QueryRunner, table: string, name: string): Promise<void> {
  if (isMysql(q)) await q.dropIndex(table, name);
  else await q.dropUniqueConstraint(table, name);
}

/** Adds the unique key `name` over `columnNames` of `table` on either engine. */
export async function addUnique(q: QueryRunner, table: string, name: string, columnNames: string[]): Promise<void> {
  if (isMysql(q)) await q.createIndex(table, new TableIndex({ name, columnNames, isUnique: true }));
  else await q.createUniqueConstraint(table, new TableUnique({ name, columnNames }));
}
