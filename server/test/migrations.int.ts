import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions, migrate } from '../src/database/data-source';
import { MIGRATIONS } from '../src/database/migrations';
import { createDatabase, dropDatabase, testEnv } from './helpers/test-app';

/** Every migration up, every one down, and up again, on an empty MariaDB database (issue 8). */
describe('migrations', () => {
  let database: string;
  let ds: DataSource;

  const tables = async (): Promise<string[]> => {
    const conn = await createConnection(loadConfig(testEnv(database)).database.url!);
    try {
      const [rows] = await conn.query('SHOW TABLES');
      return (rows as Array<Record<string, string>>).map((r) => Object.values(r)[0]).sort();
    } finally {
      await conn.end();
    }
  };

  beforeAll(async () => {
    database = await createDatabase();
    ds = new DataSource(dataSourceOptions(loadConfig(testEnv(database))));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await dropDatabase(database);
  });

  it('runs up, down to nothing, and up again', async () => {
    expect(await tables()).toEqual([]);
    await migrate(ds);
    const full = await tables();
    expect(full).toEqual(expect.arrayContaining(['users', 'slots', 'bookings', 'applications', 'files', 'messages', 'migrations']));
    expect(await ds.showMigrations()).toBe(false); // nothing pending

    let undone = 0;
    while ((await ds.query('SELECT COUNT(*) AS n FROM migrations'))[0].n > 0) {
      await ds.undoLastMigration({ transaction: 'each' });
      undone++;
      expect(undone).toBeLessThanOrEqual(MIGRATIONS.length);
    }
    expect(undone).toBe(MIGRATIONS.length);
    expect(await tables()).toEqual(['migrations']);

    await migrate(ds);
    expect(await tables()).toEqual(full);
    // and a second run has nothing to do (the named lock is free again)
    await migrate(ds);
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM migrations'))[0].n)).toBe(MIGRATIONS.length);
  }, 120_000);

  it('uses no triggers, procedures, events or AUTO_INCREMENT (TiDB-friendly schema)', async () => {
    const q = async (sql: string) => Number((await ds.query(sql, [database]))[0].n);
    expect(await q('SELECT COUNT(*) AS n FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?')).toBe(0);
    expect(await q('SELECT COUNT(*) AS n FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?')).toBe(0);
    expect(await q('SELECT COUNT(*) AS n FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?')).toBe(0);
    // the migrations bookkeeping table is TypeORM's own; every table of ours has a string (UUID) key
    expect(await q("SELECT COUNT(*) AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND EXTRA LIKE '%auto_increment%' AND TABLE_NAME <> 'migrations'")).toBe(0);
    expect(await q("SELECT COUNT(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?")).toBe(0);
  });
});
