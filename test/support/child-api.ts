import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { childProcessEnv } from './test-app';

export const ROOT = path.resolve(__dirname, '../..');
const DIST_MAIN = path.join(ROOT, 'server/dist/main.js');

/** server/dist/main.js, built when missing or older than its sources (scripts/test.js builds it before the suites). */
export async function ensureServerBuild(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const lib = require(path.join(ROOT, 'scripts/lib.js'));
  await lib.buildIfStale('服务端', path.join(ROOT, 'shared/dist/index.js'), ['shared/src'], 'build:shared');
  await lib.buildIfStale('服务端', DIST_MAIN, ['server/src', 'shared/src'], 'build:server');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ChildApi {
  url: string;
  port: number;
  proc: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/**
 * `node server/dist/main.js` as its own process with exactly these settings (testEnv's, usually) and
 * nothing of the caller's shell; resolves when /api/health answers 200.
 */
export async function startChildApi(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildApi> {
  const port = Number(env.PORT);
  const proc = spawn(process.execPath, [DIST_MAIN], { cwd: ROOT, env: childProcessEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  let done: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => {
      done = { code, signal };
      resolve(done);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (done) throw new Error(`API process exited early (${JSON.stringify(done)}):\n${out.slice(-2000)}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.status === 200) return { url, port, proc, exited, output: () => out };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  proc.kill('SIGKILL');
  throw new Error(`API process not healthy after ${timeoutMs} ms:\n${out.slice(-2000)}`);
}

export function fileExists(p: string): boolean {
  return fs.existsSync(p);
}
