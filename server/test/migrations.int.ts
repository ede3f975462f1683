import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions, migrate } from '../src/database/data-source';
import { MIGRATIONS } from '../src/database/migrations';
import { Trust1732000710000 } from '../src/database/migrations/1732000710000-trust';
import { connectDatabase, createDatabase, dropDatabase, testEnv } from './helpers/test-app';
import { validCreditCode } from './helpers/world';

/** Every migration up, every one down, and up again, on an empty MariaDB database (issue 8). */
describe('migrations', () => {
  let database: string;
  let ds: DataSource;

  const tables = async (): Promise<string[]> => {
    const conn = await connectDatabase(loadConfig(testEnv(database)).database.url!);
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

/** The company-verification migration on data as it stood before, on both engines (MariaDB, and sql.js for `npm start`). */
describe.each(['MariaDB', 'SQLite'])('company verification migration on %s', (engine) => {
  let database: string | null = null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwt-trust-'));
  let ds: DataSource;

  beforeAll(async () => {
    const config =
      engine === 'MariaDB'
        ? loadConfig(testEnv((database = await createDatabase())))
        : loadConfig({ NODE_ENV: 'test', SQLITE_PATH: path.join(dir, 'db.sqlite'), JWT_SECRET: 'integration-test-secret-0123456789', UPLOAD_DIR: path.join(dir, 'uploads') });
    ds = new DataSource(dataSourceOptions(config));
    await ds.initialize();
    await migrate(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    if (database) await dropDatabase(database);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('judges existing companies by the legal-representative rule, keeps authorisations, and goes back to one company per code', async () => {
    const trust = new Trust1732000710000();
    const q = ds.createQueryRunner();
    const at = '2026-01-01 00:00:00.000';
    const later = '2026-02-01 00:00:00.000';
    const enterprises = async () =>
      (await q.query('SELECT id, status, claim_key FROM enterprises ORDER BY id')) as Array<{ id: string; status: string; claim_key: string | null }>;
    try {
      await trust.down(q);
      // as it stood: one company registered by its legal representative, one by somebody else, an authorisation in force
      for (const [id, name] of [
        ['u1', '张三'],
        ['u2', '李四'],
      ]) {
        await q.query('INSERT INTO users (id, role, real_name, verified_at, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [id, 'citizen', name, at, 0, at, at]);
      }
      const code1 = validCreditCode();
      const code2 = validCreditCode();
      const company = 'INSERT INTO enterprises (id, name, credit_code, legal_rep_name, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)';
      await q.query(company, ['e1', '张三的公司', code1, '张 三', 'u1', at, at]);
      await q.query(company, ['e2', '王五的公司', code2, '王五', 'u2', at, at]);
      await q.query(
        'INSERT INTO authorizations (id, principal_type, principal_id, agent_user_id, service_ids, valid_from, valid_to, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ['a1', 'person', 'u1', 'u2', null, '2026-01-01', '2026-12-31', 'active', 'u1', at],
      );

      await trust.up(q);
      expect(await enterprises()).toEqual([
        { id: 'e1', status: 'verified', claim_key: code1 },
        { id: 'e2', status: 'pending', claim_key: `${code2}:u2` },
      ]);
      expect(await q.query('SELECT status FROM authorizations')).toEqual([{ status: 'active' }]);
      // a second claim of a code is possible now; a second verified company of a code is not
      const claim = 'INSERT INTO enterprises (id, name, credit_code, legal_rep_name, status, claim_key, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
      await q.query(claim, ['e3', '王五的公司', code2, '王五', 'pending', `${code2}:u1`, 'u1', later, later]);
      await expect(q.query(claim, ['e4', '张三的公司', code1, '张三', 'verified', code1, 'u2', later, later])).rejects.toThrow();
      await q.query('INSERT INTO enterprise_members (enterprise_id, user_id, role, created_at) VALUES (?, ?, ?, ?)', ['e3', 'u1', 'admin', later]);

      // down: the older claim of a code stays, the later one goes with its members
      await trust.down(q);
      expect(await q.query('SELECT id FROM enterprises ORDER BY id')).toEqual([{ id: 'e1' }, { id: 'e2' }]);
      expect(Number((await q.query('SELECT COUNT(*) AS n FROM enterprise_members WHERE enterprise_id = ?', ['e3']))[0].n)).toBe(0);
      await expect(q.query(company, ['e5', '重复', code1, '张三', 'u2', later, later])).rejects.toThrow();
      await trust.up(q);
      expect((await enterprises()).map((e) => e.status)).toEqual(['verified', 'pending']);
    } finally {
      await q.release();
    }
  }, 120_000);
});
