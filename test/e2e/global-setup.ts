import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childProcessEnv, createDatabase, testEnv } from '../support/test-app';
import { e2eStateFile, E2eState } from './e2e-state';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Start the production build of the server (serving the H5 build) on a fresh MariaDB database, with
 * the test's settings only (testEnv): nothing of the caller's shell reaches it.
 */
export default async function globalSetup(): Promise<void> {
  const database = await createDatabase();
  const port = 3900 + Math.floor(Math.random() * 90);
  const env = childProcessEnv(testEnv(database, { PORT: String(port), LOG_FILE: path.join(ROOT, 'test-results/logs', `e2e-${database}.log`) }));
  const child = spawn(process.execPath, ['server/dist/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'], detached: false });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000; // a loaded machine takes over a minute to migrate and seed
  for (;;) {
    if (child.exitCode !== null) throw new Error(`e2e server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('e2e server did not become healthy');
    await new Promise((r) => setTimeout(r, 300));
  }
  // The journeys book slots "later today" and make no-shows "two hours ago": whatever the hour the
  // suite runs at, the server's clock ticks from 10:00 Asia/Shanghai of the same date, and the tests
  // read the same shifted time through serverNow() (browser.ts).
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const target = new Date(`${today}T10:00:00+08:00`);
  const shifted = await fetch(`${url}/api/__test__/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now: target.toISOString(), ticking: true }),
  });
  if (!shifted.ok) throw new Error(`could not set the e2e server's clock: ${shifted.status}`);
  const state: E2eState = { url, pid: child.pid!, database, clockOffsetMs: target.getTime() - Date.now() };
  fs.mkdirSync(path.dirname(e2eStateFile()), { recursive: true });
  fs.writeFileSync(e2eStateFile(), JSON.stringify(state));
  child.unref();
}
