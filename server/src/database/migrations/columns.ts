import { TableColumnOptions } from 'typeorm';

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
