import { randomUUID } from 'node:crypto';

/** Random string ids (no AUTO_INCREMENT hot spot on TiDB, nothing guessable from a neighbour). */
export const newId = (): string => randomUUID();

/** True for a string that could be one of our ids; anything else is simply not found. */
export const isId = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f-]{36}$/i.test(s);
