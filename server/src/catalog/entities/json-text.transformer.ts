import { ValueTransformer } from 'typeorm';

/** A JSON value kept in a TEXT column (same on MariaDB and SQLite). */
export const jsonText = <T>(fallback: T): ValueTransformer => ({
  to: (v: T | null | undefined): string => JSON.stringify(v ?? fallback),
  from: (s: string | null | undefined): T => {
    if (s === null || s === undefined || s === '') return fallback;
    try {
      return JSON.parse(s) as T;
    } catch {
      return fallback;
    }
  },
});
