import 'reflect-metadata';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { createApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/app-config';

/** Where MariaDB is (root, empty password, as on this machine and in CI). */
export const MYSQL_ROOT_URL = process.env.ZWT_TEST_MYSQL ?? 'mysql://root@127.0.0.1:3306';
const RUN_ID = process.env.ZWT_RUN_ID ?? `r${Date.now().toString(36)}`;
export const LOG_DIR = path.resolve(__dirname, '../../../test-results/logs');

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

/** One statement on a database by URL, on a connection of its own (for looking behind the API). */
export async function sql<T = Record<string, unknown>>(url: string, query: string, params: unknown[] = []): Promise<T[]> {
  const conn = await createConnection(url);
  try {
    const [rows] = await conn.query(query, params);
    return rows as T[];
  } finally {
    await conn.end();
  }
}

/** Test defaults; each suite may override. */
export function testEnv(database: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: `${MYSQL_ROOT_URL}/${database}`,
    TEST_CLOCK: '1',
    THROTTLE_IP_LIMIT: '0',
    SEED_DEMO: '1',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'Admin@2026!',
    LOG_FILE: path.join(LOG_DIR, `${RUN_ID}-${database}.log`),
    LOG_LEVEL: 'info',
    DB_POOL_SIZE: '5',
    JWT_SECRET: 'integration-test-secret-0123456789',
    UPLOAD_DIR: path.resolve(__dirname, '../../../test-results/uploads', database),
    ...extra,
  };
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
