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

/**
 * Insert `rows` (every column given) in one statement. On MySQL/MariaDB it is written as
 * `INSERT INTO t (columns) VALUES ?` with the rows as one nested array, which the driver expands
 * and escapes; TypeORM's insert builder costs about a millisecond of CPU per row of a wide table
 * there, and these inserts sit on the hot path (the bookings of a slot written together, their
 * messages and deliveries). Column names and values follow the entity's metadata (a property left
 * undefined takes the column's default). A table with a column transformer is refused (the values
 * would go in untransformed). On SQLite TypeORM builds it.
 * Throws the driver's error (a duplicate key as ER_DUP_ENTRY).
 */
/** The SQL keyword DEFAULT as a value the mysql2 driver writes unquoted (its `toSqlString` escape hatch). */
const COLUMN_DEFAULT = { toSqlString: (): string => 'DEFAULT' };

export async function insertRows<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, rows: T[]): Promise<void> {
  if (!rows.length) return;
  if (em.connection.options.type !== 'mysql') {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await em.createQueryBuilder().insert().into(target).values(rows as any).updateEntity(false).execute();
    return;
  }
  const meta = em.connection.getMetadata(target);
  const columns = meta.columns;
  const transformed = columns.find((c) => c.transformer);
  if (transformed) throw new Error(`insertRows: ${meta.tableName}.${transformed.databaseName} has a transformer, which this insert would not apply`);
  const names = columns.map((c) => `\`${c.databaseName}\``).join(', ');
  const valueOf = (row: T, c: (typeof columns)[number]): unknown => {
    const v: unknown = c.getEntityValue(row);
    return v === undefined ? COLUMN_DEFAULT : v;
  };
  const values = rows.map((r) => columns.map((c) => valueOf(r, c)));
  await em.query(`INSERT INTO \`${meta.tableName}\` (${names}) VALUES ?`, [values]);
}
