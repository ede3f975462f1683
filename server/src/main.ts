import 'reflect-metadata';
import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './app.factory';
import { addAcceptors } from './common/http/acceptors';
import { CharsetError } from './database/charset-guard';

/** How long SIGTERM waits for in-flight requests before giving up (orchestrators usually allow 30 s). */
const SHUTDOWN_DRAIN_MS = 25_000;

/**
 * Connections the kernel queues for the server before it accepts them (capped by the kernel's
 * net.core.somaxconn, 4096 on current Linux). Node's default, 511, is too short for slots opening
 * at 8:00: connections past it are dropped and their clients try again only after a second (TCP's
 * first retransmission), which the flash crowd of `npm run bench` showed as early arrivals waiting
 * longest.
 */
const LISTEN_BACKLOG = 4096;

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
  // Nest hands the arguments after the port to Node's server.listen(port, host, backlog, callback); its type names only a callback there
  const listen = app.listen.bind(app) as unknown as (port: number, host: string, backlog: number) => Promise<unknown>;
  try {
    await listen(config.port, '0.0.0.0', LISTEN_BACKLOG);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`port ${config.port} is already in use (another 政务通, or another program): stop it or set PORT\n`);
      process.exit(1);
    }
    throw e;
  }
  // more than one connection taken per turn of the event loop when a crowd connects at once (acceptors.ts)
  const server = app.getHttpServer() as Server;
  const extras = await addAcceptors(server, config.httpAcceptors - 1, LISTEN_BACKLOG);
  if (!server.listening) return; // a shutdown began meanwhile
  const handles = 1 + extras.length;
  if (handles < config.httpAcceptors) process.stderr.write(`HTTP_ACCEPTORS=${config.httpAcceptors}, but only ${handles} handle(s) accept connections (the helper process could not give more)\n`);
  process.stdout.write(`政务通 listening on http://localhost:${config.port} (database: ${config.database.type}; ${handles} accepting handle${handles === 1 ? '' : 's'})\n`);
}

void main();
