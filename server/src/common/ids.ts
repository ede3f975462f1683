import { createHash, randomUUID } from 'node:crypto';

/** Random string ids (no AUTO_INCREMENT hot spot on TiDB, nothing guessable from a neighbour). */
export const newId = (): string => randomUUID();

/** True for a string that could be one of our ids; anything else is simply not found. */
export const isId = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f-]{36}$/i.test(s);

/**
 * The same UUID-shaped id for the same name, on every instance (a name-based, version-5-style id
 * from SHA-256): seed rows without a natural key use it, so that two instances seeding at once
 * insert the same primary key and the second one is a harmless duplicate.
 */
export const stableId = (name: string): string => {
  const h = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
