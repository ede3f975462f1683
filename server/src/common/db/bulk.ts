import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per INSERT statement: well under SQLite's bound-parameter limit and MySQL's packet size. */
export const BULK_CHUNK = 200;

/**
 * Insert many rows, a chunk per statement, skipping every row whose primary or unique key is
 * already taken (MySQL/MariaDB/TiDB `INSERT IGNORE`, SQLite `INSERT OR IGNORE`, both made by
 * TypeORM): idempotent, and safe while another instance inserts the same rows. Pass rows in the
 * order of their unique key, so that two instances inserting the same rows wait on each other
 * instead of deadlocking. Returns how many rows were new where the driver says (MySQL), else the
 * number of rows offered (the caller left out rows it knew to exist).
 */
export async function insertIgnoringDuplicates<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, rows: T[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BULK_CHUNK) {
    const chunk = rows.slice(i, i + BULK_CHUNK);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r = await em.createQueryBuilder().insert().into(target).values(chunk as any).orIgnore().updateEntity(false).execute();
    const affected = (r.raw as { affectedRows?: unknown } | undefined)?.affectedRows;
    inserted += typeof affected === 'number' ? affected : chunk.length;
  }
  return inserted;
}
