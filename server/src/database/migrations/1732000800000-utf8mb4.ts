import { MigrationInterface, QueryRunner } from 'typeorm';
import { ensureUtf8mb4Default, narrowTables, UTF8MB4 } from '../charset-guard';

/**
 * Every table in utf8mb4 (issue 14, fault 4): a rating comment with 👍 or a name with 𠈌 answered 500 on
 * a database created as utf8mb3. Makes utf8mb4 the database's default (so later tables are created in it)
 * and converts every table that is not yet utf8mb4, TypeORM's `migrations` table included. MariaDB/MySQL
 * only (SQLite is UTF-8 throughout). Down leaves the tables as they are: narrowing them again would lose data.
 */
export class Utf8mb41732000800000 implements MigrationInterface {
  name = 'Utf8mb41732000800000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'mysql') return;
    await ensureUtf8mb4Default(q);
    for (const { table } of await narrowTables(q)) {
      await q.query(`ALTER TABLE \`${table}\` CONVERT TO CHARACTER SET ${UTF8MB4.charset} COLLATE ${UTF8MB4.collation}`);
    }
  }

  async down(): Promise<void> {
    // nothing: converting back to a narrower character set would lose the 4-byte characters stored since
  }
}
