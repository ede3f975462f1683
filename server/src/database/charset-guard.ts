import { DataSource, QueryRunner } from 'typeorm';

/** The character set and collation every table is created in, and converted to (utf8mb4: 4-byte characters). */
export const UTF8MB4 = { charset: 'utf8mb4', collation: 'utf8mb4_unicode_ci' } as const;

type Queryable = Pick<QueryRunner, 'query'> | Pick<DataSource, 'query'>;

/** Thrown at start-up when the database cannot hold what people type; the message names database and tables. */
export class CharsetError extends Error {}

/**
 * Make utf8mb4 the database's default, so that every table a migration creates afterwards is utf8mb4
 * whatever the database was created with (MariaDB/MySQL/TiDB; nothing to do on SQLite, which is UTF-8).
 * Only altered when it is not already so (ALTER DATABASE needs the ALTER privilege).
 */
export async function ensureUtf8mb4Default(q: Queryable): Promise<void> {
  const rows: Array<{ cs: string | null }> = await q.query('SELECT DEFAULT_CHARACTER_SET_NAME AS cs FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()');
  if (rows[0]?.cs === UTF8MB4.charset) return;
  await q.query(`ALTER DATABASE CHARACTER SET ${UTF8MB4.charset} COLLATE ${UTF8MB4.collation}`);
}

/**
 * The tables of the current database that cannot hold 4-byte characters (emoji, CJK Extension B and
 * later): their default or any text column is in another character set than utf8mb4. `{ table, charset }`.
 */
export async function narrowTables(q: Queryable): Promise<Array<{ table: string; charset: string }>> {
  const rows: Array<{ t: string; cs: string }> = await q.query(
    `SELECT c.TABLE_NAME AS t, c.CHARACTER_SET_NAME AS cs
       FROM information_schema.COLUMNS c JOIN information_schema.TABLES t
         ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'
      WHERE c.TABLE_SCHEMA = DATABASE() AND c.CHARACTER_SET_NAME IS NOT NULL AND c.CHARACTER_SET_NAME <> ?
     UNION
     SELECT t.TABLE_NAME AS t, a.CHARACTER_SET_NAME AS cs
       FROM information_schema.TABLES t JOIN information_schema.COLLATION_CHARACTER_SET_APPLICABILITY a ON a.COLLATION_NAME = t.TABLE_COLLATION
      WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' AND a.CHARACTER_SET_NAME <> ?`,
    [UTF8MB4.charset, UTF8MB4.charset],
  );
  const byTable = new Map<string, string>();
  for (const r of rows) if (!byTable.has(r.t)) byTable.set(r.t, r.cs);
  return [...byTable].map(([table, charset]) => ({ table, charset })).sort((a, b) => a.table.localeCompare(b.table));
}

/**
 * Start-up check, after the migrations: refuse to serve (throw CharsetError) when a table cannot hold
 * 4-byte characters, naming the database and each table, rather than answer 500 to the first emoji or
 * rare name. One query, no retries. Nothing to check on SQLite.
 */
export async function assertUtf8mb4(ds: DataSource): Promise<void> {
  if (ds.options.type !== 'mysql') return;
  const narrow = await narrowTables(ds);
  if (narrow.length === 0) return;
  const [{ db }] = (await ds.query('SELECT DATABASE() AS db')) as Array<{ db: string }>;
  const list = narrow.map((n) => `${n.table} (${n.charset})`).join(', ');
  throw new CharsetError(
    `database "${db}": table${narrow.length > 1 ? 's' : ''} ${list} cannot hold 4-byte characters (emoji, rare CJK characters). ` +
      `Convert ${narrow.length > 1 ? 'them' : 'it'} with ALTER TABLE <table> CONVERT TO CHARACTER SET ${UTF8MB4.charset} COLLATE ${UTF8MB4.collation}; the server will not start until then.`,
  );
}
