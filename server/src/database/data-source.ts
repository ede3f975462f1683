import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { ensureUtf8mb4Default } from './charset-guard';

/** TypeORM options: MariaDB/MySQL through mysql2 when DATABASE_URL is set, an embedded SQLite file otherwise. */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false } as const;
  if (config.database.type === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      url: config.database.url!,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      supportBigNumbers: true,
      extra: {
        connectionLimit: config.database.poolSize,
        connectTimeout: config.database.acquireTimeoutMs,
        enableKeepAlive: true,
        waitForConnections: true,
        queueLimit: 0,
      },
    };
  }
  fs.mkdirSync(path.dirname(config.database.sqlitePath), { recursive: true });
  return { ...common, type: 'sqljs', location: config.database.sqlitePath, autoSave: true, useLocalForage: false };
}

/**
 * Run pending migrations. On MySQL a named lock keeps two instances starting together from
 * migrating at once (GET_LOCK is supported by MariaDB, MySQL and TiDB).
 */
export async function migrate(ds: DataSource): Promise<void> {
  if (ds.options.type !== 'mysql') {
    await ds.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    const rows: Array<{ got: number | string | null }> = await runner.query("SELECT GET_LOCK('zwt_migrations', 120) AS got");
    if (Number(rows[0]?.got) !== 1) throw new Error('could not take the migration lock');
    try {
      // every table the migrations create is utf8mb4, whatever the database was created with
      await ensureUtf8mb4Default(runner);
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query("SELECT RELEASE_LOCK('zwt_migrations')");
    }
  } finally {
    await runner.release();
  }
}
