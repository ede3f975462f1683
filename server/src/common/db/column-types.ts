import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';

/** Entity-side twins of the migration column builders (same types on every engine). */
export const timeCol = (name: string, nullable = false): ColumnOptions => ({ name, type: 'datetime', precision: 3, nullable });

/** Degrees (decimal 9,6), nullable; read back as a number (mysql2 gives decimals as strings). */
export const degreesCol = (name: string): ColumnOptions => ({
  name,
  type: 'decimal',
  precision: 9,
  scale: 6,
  nullable: true,
  transformer: { to: (v: number | null) => v, from: (v: string | number | null) => (v === null || v === undefined ? null : Number(v)) },
});

/** The row id: a UUID string, varchar(36), the primary key. */
export const IdColumn = (): PropertyDecorator => PrimaryColumn({ type: 'varchar', length: 36 });

/** A column holding another row's id (varchar 36) under its snake_case `name`; `nullable` when the reference is optional. */
export const RefColumn = (name: string, nullable = false): PropertyDecorator => Column({ name, type: 'varchar', length: 36, nullable });
