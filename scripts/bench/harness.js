'use strict';
/**
 * Pieces of the benchmark: a production API process on a throwaway MariaDB database, a fake SMS
 * gateway that remembers the codes it was asked to send, a keep-alive HTTP client that records
 * latencies, and memory sampling from /proc. Plain Node; also usable by the fault tests.
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const MYSQL_ROOT_URL = process.env.ZWT_TEST_MYSQL || 'mysql://root@127.0.0.1:3306';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function withRoot(work) {
  const mysql = require('mysql2/promise');
  const conn = await mysql.createConnection(MYSQL_ROOT_URL);
  try {
    return await work(conn);
  } finally {
    await conn.end();
  }
}

async function createDatabase(prefix = 'zwt_bench') {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withRoot((c) => c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
  return name;
}

const dropDatabase = (name) => withRoot((c) => c.query(`DROP DATABASE IF EXISTS \`${name}\``));

/** A fake SMS gateway (SMS_PROVIDER=http): answers 200 and keeps the last code per phone. */
async function startFakeSms() {
  const codes = new Map();
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        codes.set(body.phone, body.params.code);
      } catch {
        /* ignore */
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/send`,
    codes,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Production-like environment for server/dist/main.js. */
function productionEnv({ database, port, smsUrl, extra = {} }) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: `${MYSQL_ROOT_URL}/${database}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_KEY: randomBytes(32).toString('hex'),
    LOOKUP_KEY: randomBytes(32).toString('hex'),
    // an SM2 private key (a random 32 bytes is below the curve's order but for a 2^-32 chance)
    CERT_SIGNING_KEY: randomBytes(32).toString('hex'),
    SMS_PROVIDER: 'http',
    SMS_HTTP_URL: smsUrl,
    SMS_HTTP_TOKEN: 'bench',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'Admin@Bench2026',
    SEED_DEMO: '1',
    JOBS_ENABLED: '0',
    THROTTLE_IP_LIMIT: '0',
    LOG_LEVEL: 'warn',
    UPLOAD_DIR: path.join(ROOT, 'test-results/bench-uploads', database),
    ...extra,
  };
}

/** Spawn `node server/dist/main.js`; resolves once /api/health answers 200. */
async function startServer(env, { logFile, timeoutMs = 240_000 } = {}) {
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  // BENCH_CPU_PROF=<folder>: each API process writes a V8 CPU profile there when it stops
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...prof, path.join(ROOT, 'server/dist/main.js')], { cwd: ROOT, env, stdio: ['ignore', out, out] });
  if (typeof out === 'number') fs.closeSync(out);
  const url = `http://127.0.0.1:${env.PORT}`;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + timeoutMs;
  let early = null;
  exited.then((e) => (early = e));
  while (Date.now() < deadline) {
    if (early) throw new Error(`server exited early (${early.code ?? early.signal}); see ${logFile || 'its output'}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.status === 200) return { child, url, pid: child.pid, exited };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not become healthy in time');
}

/** A keep-alive JSON client with a bounded socket pool. */
function jsonClient(baseUrl, maxSockets = 64) {
  // idle sockets dropped after 4 s, before the server's 5 s keep-alive timeout closes them under a new request
  // (Node 20's agent ignores the server's Keep-Alive hint unless it has a timeout of its own): no ECONNRESET
  const agent = new http.Agent({ keepAlive: true, maxSockets, timeout: 4000 });
  const u = new URL(baseUrl);
  function call(method, p, { body, token, headers = {} } = {}) {
    return new Promise((resolve, reject) => {
      const data = body === undefined ? null : Buffer.from(JSON.stringify(body));
      const h = { ...headers };
      if (data) {
        h['content-type'] = 'application/json';
        h['content-length'] = data.length;
      }
      if (token) h.authorization = `Bearer ${token}`;
      const started = process.hrtime.bigint();
      const req = http.request({ host: u.hostname, port: u.port, path: p, method, headers: h, agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed = null;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode, body: parsed, text, ms: Number(process.hrtime.bigint() - started) / 1e6 });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (data) req.write(data);
      req.end();
    });
  }
  return {
    call,
    get: (p, o) => call('GET', p, o),
    post: (p, body, o = {}) => call('POST', p, { ...o, body }),
    close: () => agent.destroy(),
  };
}

/** Run work over items, at most n at once. */
async function pool(items, n, work) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], i);
      }
    }),
  );
  return out;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function latencyStats(msList, wallMs) {
  const s = [...msList].sort((a, b) => a - b);
  return {
    n: s.length,
    perSec: Math.round((s.length / wallMs) * 1000),
    p50: Number(percentile(s, 50).toFixed(2)),
    p99: Number(percentile(s, 99).toFixed(2)),
    wallMs: Math.round(wallMs),
  };
}

/** kB of VmRSS / VmHWM of a process. */
function memOf(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number((new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s) || [])[1] || 0);
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return { rssKb: 0, hwmKb: 0 };
  }
}

/** CPU time (user + system, ms) a process has used so far, from /proc (0 where there is none). */
function cpuMsOf(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

/** Sample VmRSS every `everyMs` until stopped; returns the peak in kB. */
function sampleRss(pid, everyMs = 20) {
  let peak = 0;
  const t = setInterval(() => {
    peak = Math.max(peak, memOf(pid).rssKb);
  }, everyMs);
  return {
    stop() {
      clearInterval(t);
      peak = Math.max(peak, memOf(pid).rssKb);
      return peak;
    },
  };
}

let idSeq = 0;
/** A valid resident ID number (right check character), different on every call in this process. */
function idNumber() {
  const { idNumberCheckChar } = require('@gov/shared');
  idSeq++;
  const birth = new Date(Date.UTC(1960, 0, 1) + (idSeq % 15000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `110105${birth}${String(100 + Math.floor(idSeq / 15000) + (process.pid % 800)).slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
}

let phoneSeq = Math.floor(Math.random() * 1e7);
function phone() {
  phoneSeq = (phoneSeq + 7919) % 1e8;
  return `137${String(phoneSeq).padStart(8, '0')}`;
}

/** Sign in a citizen through the real SMS flow (codes from the fake gateway) and verify the real name. */
async function verifiedCitizen(api, sms, p = phone()) {
  const sent = await api.post('/api/auth/sms/send', { phone: p });
  if (sent.status !== 204) throw new Error(`sms send ${sent.status} ${sent.text}`);
  const code = sms.codes.get(p);
  const login = await api.post('/api/auth/sms/login', { phone: p, code });
  if (login.status !== 200) throw new Error(`sms login ${login.status} ${login.text}`);
  const token = login.body.accessToken;
  const { PRIVACY_TERMS_VERSION } = require('@gov/shared');
  const c = await api.post('/api/me/consent', { version: PRIVACY_TERMS_VERSION }, { token });
  if (c.status !== 200) throw new Error(`consent ${c.status} ${c.text}`);
  const v = await api.post('/api/me/verify', { realName: '压测用户', idNumber: idNumber() }, { token });
  if (v.status !== 200) throw new Error(`verify ${v.status} ${v.text}`);
  return { token, userId: login.body.user.id, phone: p };
}

/** The seeded admin's access token (ADMIN_USERNAME / ADMIN_PASSWORD of the server's environment). */
async function adminToken(api, env) {
  const r = await api.post('/api/auth/staff/login', { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD });
  if (r.status !== 200) throw new Error(`admin login ${r.status} ${r.text}`);
  return r.body.accessToken;
}

/**
 * Where the bench users book: the first 营业执照 guide for persons (a company-only one is
 * AUDIENCE_MISMATCH) offered at a hall and with materials, and that hall; { first hall, null } when none is.
 */
async function bookableService(api) {
  const list = (await api.get(`/api/services?q=${encodeURIComponent('营业执照')}&pageSize=50`)).body.items;
  for (const s of list.filter((x) => x.audience !== 'enterprise')) {
    const g = (await api.get(`/api/services/${s.id}`)).body;
    if (g.halls.length && g.materials.length) return { hallId: g.halls[0].id, serviceId: s.id };
  }
  return { hallId: (await api.get('/api/halls')).body[0].id, serviceId: null };
}

/**
 * What a bench needs before it starts the API: MariaDB up, the shared package and the server built when
 * stale, a throwaway database, the fake SMS gateway, a free port, a log file and the production environment.
 */
/** BENCH_SERVER_ENV: a JSON object of settings (strings) the API processes get on top of the bench's. */
function serverEnvOverride() {
  const raw = process.env.BENCH_SERVER_ENV;
  if (!raw) return {};
  const o = JSON.parse(raw);
  if (typeof o !== 'object' || o === null || Array.isArray(o) || Object.values(o).some((v) => typeof v !== 'string')) {
    throw new Error('BENCH_SERVER_ENV must be a JSON object of strings, e.g. {"THROTTLE_IP_LIMIT":"1000000"}');
  }
  return o;
}

async function prepare() {
  const { buildIfStale, ensureMariaDb } = require('../lib');
  await ensureMariaDb();
  await buildIfStale('共享包', path.join(ROOT, 'shared/dist/index.js'), ['shared/src'], 'build:shared');
  await buildIfStale('服务端', path.join(ROOT, 'server/dist/main.js'), ['server/src', 'shared/src'], 'build:server');
  const database = await createDatabase('zwt_bench');
  const sms = await startFakeSms();
  const port = await freePort();
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  const logFile = path.join(ROOT, 'test-results', `bench-${database}.log`);
  return { database, sms, port, logFile, env: productionEnv({ database, port, smsUrl: sms.url, extra: serverEnvOverride() }) };
}

/** Stop what a bench started, whatever got started: the client, the pool, the server (SIGTERM, then SIGKILL after 10 s), the fake SMS gateway, the database. */
async function teardown({ api, sqlPool, srv, sms, database }) {
  api?.close();
  await sqlPool?.end().catch(() => undefined);
  if (srv) {
    srv.child.kill('SIGTERM');
    await Promise.race([srv.exited, new Promise((r) => setTimeout(r, 10_000))]);
    srv.child.kill('SIGKILL');
  }
  await sms?.close();
  if (database) await dropDatabase(database).catch(() => undefined);
}

module.exports = {
  prepare,
  teardown,
  ROOT,
  MYSQL_ROOT_URL,
  freePort,
  createDatabase,
  dropDatabase,
  startFakeSms,
  productionEnv,
  startServer,
  jsonClient,
  pool,
  latencyStats,
  memOf,
  cpuMsOf,
  sampleRss,
  verifiedCitizen,
  adminToken,
  bookableService,
  idNumber,
  phone,
};
