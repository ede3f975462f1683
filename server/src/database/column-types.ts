import { ColumnOptions } from 'typeorm';

/** Entity-side twins of the migration column builders (same types on every engine). */
export const timeCol = (name: string, nullable = false): ColumnOptions => ({ name, type: 'datetime', precision: 3, nullable });
