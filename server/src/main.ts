import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './app.factory';
import { CharsetError } from './database/charset-guard';

/** How long SIGTERM waits for in-flight requests before giving up (orchestrators usually allow 30 s). */
const SHUTDOWN_DRAIN_MS = 25_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  let app;
  try {
    app = await createApp(config);
  } catch (e) {
    if (e instanceof CharsetError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  // Draining is bounded: a request still running this long after SIGTERM is cut off.
  const stopping = (): void => void setTimeout(() => process.exit(1), SHUTDOWN_DRAIN_MS).unref();
  process.once('SIGTERM', stopping);
  process.once('SIGINT', stopping);
  await app.listen(config.port, '0.0.0.0');
  process.stdout.write(`政务通 listening on http://localhost:${config.port} (database: ${config.database.type})\n`);
}

void main();
