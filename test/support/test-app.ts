/**
 * Test servers: a fresh MariaDB database per app, the settings every test server runs with, and the
 * whole Nest app in this process. Every setting comes from the test (`testEnv`), never from the
 * caller's shell: a DEV_SMS_CODE, PORT, DATABASE_URL, NODE_ENV or TZ exported there does not reach
 * a test server (`childProcessEnv` builds the environment of server processes from scratch).
 */
import 'reflect-metadata';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { createApp } from '../../server/src/app.factory';
import { AppConfig, loadConfig } from '../../server/src/config/app-config';
import { TEST_SMS_CODE } from './http';
import { TEST_TZ } from './test-zone';

/** Where MariaDB is (root, empty password, as on this machine and in CI). */
export const MYSQL_ROOT_URL = process.env.ZWT_TEST_MYSQL ?? 'mysql://root@127.0.0.1:3306';
const RUN_ID = process.env.ZWT_RUN_ID ?? `r${Date.now().toString(36)}`;
export const ROOT = path.resolve(__dirname, '../..');
export const LOG_DIR = path.join(ROOT, 'test-results/logs');
export { TEST_TZ };

export interface TestApp {
  url: string;
  config: AppConfig;
  app: NestExpressApplication;
  database: string;
  close(): Promise<void>;
}

export async function createDatabase(): Promise<string> {
  const name = `zwt_t_${RUN_ID}_${randomBytes(4).toString('hex')}`;
  const conn = await createConnection(MYSQL_ROOT_URL);
  try {
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  const conn = await createConnection(MYSQL_ROOT_URL);
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await conn.end();
  }
}

/**
 * A connection to a test database as the server opens them (data-source.ts): DATETIME columns are
 * UTC, whatever the zone of the test process (mysql2 would read them in the host's zone otherwise).
 */
export function connectDatabase(url: string) {
  return createConnection({ uri: url, timezone: 'Z' });
}

/** One statement on a database by URL, on a connection of its own (for looking behind the API). */
export async function sql<T = Record<string, unknown>>(url: string, query: string, params: unknown[] = []): Promise<T[]> {
  const conn = await connectDatabase(url);
  try {
    const [rows] = await conn.query(query, params);
    return rows as T[];
  } finally {
    await conn.end();
  }
}

/** The settings of a test server on `database`; each suite may override or add some. */
export function testEnv(database: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    TZ: TEST_TZ,
    DATABASE_URL: `${MYSQL_ROOT_URL}/${database}`,
    SMS_PROVIDER: 'dev',
    DEV_SMS_CODE: TEST_SMS_CODE,
    TEST_CLOCK: '1',
    THROTTLE_IP_LIMIT: '0',
    SEED_DEMO: '1',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'Admin@2026!',
    LOG_FILE: path.join(LOG_DIR, `${RUN_ID}-${database}.log`),
    LOG_LEVEL: 'info',
    DB_POOL_SIZE: '5',
    JWT_SECRET: 'integration-test-secret-0123456789',
    UPLOAD_DIR: path.join(ROOT, 'test-results/uploads', database),
    ...extra,
  };
}

/**
 * The whole environment of a server process started by a test: the test's settings and nothing
 * of the caller's but what finding programs and the home directory need.
 */
export function childProcessEnv(settings: Record<string, string>): Record<string, string> {
  const keep: Record<string, string> = {};
  for (const k of ['PATH', 'HOME', 'SYSTEMROOT']) if (process.env[k]) keep[k] = process.env[k]!;
  return { ...keep, ...settings };
}

/** The whole Nest app on a fresh MariaDB database, listening on a free port. */
export async function startTestApp(extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const database = await createDatabase();
  const config = loadConfig(testEnv(database, extraEnv));
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const addr = app.getHttpServer().address() as { port: number };
  return {
    url: `http://127.0.0.1:${addr.port}`,
    config,
    app,
    database,
    async close() {
      await app.close();
      await dropDatabase(database);
    },
  };
}
