'use strict';
/**
 * The flash crowd of issue 18 (`BENCH_ONLY=flash`): FLASH_USERS signed-in, verified users (5,000) hit
 * one slot of FLASH_CAPACITY places (500) within FLASH_WINDOW_MS (2 s, each at a random moment of
 * it: the arrivals do not wait for the answers), while FLASH_BROWSERS others (200) read guides and
 * search the catalogue, each pausing FLASH_BROWSE_PAUSE_MS (1 s) after an answer before the next
 * read as a person reading a page does (0: back to back, a load of its own bigger than the crowd). Run three times on fresh slots of the same size:
 *   - the API without Redis (the database's guarded update alone),
 *   - the API with REDIS_URL and SLOT_COUNTER=1 (the Redis admission counter; a second server on the same database),
 *   - the baseline: the same arrivals straight through mysql2 (insert + guarded update, 32 connections),
 *   - the HTTP floor: the same arrivals against a bare node:http server that checks the token and
 *     answers, without framework or database (http-floor.js): what this machine gives any Node API.
 * Before each measured crowd the server gets one of its own (FLASH_WARMUP_USERS, 3,000 fresh users,
 * on a slot of a tenth as many places, within 1.5 s; 0: none) through a client of its own
 * that is closed after it: a server that has been running is warm (its JIT has compiled the booking
 * path), while the measured crowd still opens every connection anew, as phones do at 8:00.
 * Checks exactly FLASH_CAPACITY booked (answers and rows), the rest SLOT_FULL, no 5xx. Each run
 * also gives the latency of the bookings made and of the refusals apart (`byOutcome`), and the CPU
 * each side used meanwhile (`cpuMs`: this client with its browsers, the server, MariaDB): on a
 * machine the three share, that says whose work the tail waits for. FLASH_DUMP=<file> appends each
 * run's answers as one JSON line of [ms due in the window, latency ms, status].
 */
const { randomBytes, randomUUID } = require('node:crypto');
const h = require('./harness');
const { slotRequest } = require('../../test/support/slot-request');

const USERS = Number(process.env.FLASH_USERS || 5000);
const CAPACITY = Number(process.env.FLASH_CAPACITY || 500);
const WINDOW_MS = Number(process.env.FLASH_WINDOW_MS || 2000);
const BROWSERS = Number(process.env.FLASH_BROWSERS || 200);
const BROWSE_PAUSE_MS = Number(process.env.FLASH_BROWSE_PAUSE_MS ?? 1000);
const WARMUP_USERS = Number(process.env.FLASH_WARMUP_USERS ?? 3000);
const WARMUP_CAPACITY = Math.max(1, Math.round(WARMUP_USERS / 10));
const WARMUP_WINDOW_MS = 1500;
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
const round = (n, d = 3) => Number(Number(n).toFixed(d));

/**
 * `n` verified citizens in a hurry: one signed up through the API (SMS code, consent, real name), its
 * row copied `n` times in SQL (own ids; the unique phone and ID hashes random), and an access token
 * for each signed as the API signs its own (the template's header and claims, another `sub`).
 */
async function crowdOf(n, { api, sms, sqlPool, jwtSecret }) {
  const jwt = require('jsonwebtoken');
  const template = await h.verifiedCitizen(api, sms);
  const decoded = jwt.decode(template.token, { complete: true });
  const [[row]] = await sqlPool.query('SELECT * FROM users WHERE id = ?', [template.userId]);
  const cols = Object.keys(row);
  const ids = Array.from({ length: n }, () => randomUUID());
  for (let i = 0; i < n; i += 500) {
    const batch = ids.slice(i, i + 500).map((id) => cols.map((c) => (c === 'id' ? id : c === 'phone_hash' || c === 'id_number_hash' ? randomBytes(32).toString('hex') : row[c])));
    await sqlPool.query(`INSERT INTO users (${cols.map((c) => `\`${c}\``).join(',')}) VALUES ?`, [batch]);
  }
  const iat = Math.floor(Date.now() / 1000);
  const key = Buffer.from(jwtSecret, 'utf8');
  return ids.map((id) => ({
    userId: id,
    token: jwt.sign({ ...decoded.payload, sub: id, iat, exp: iat + 3600 }, key, { algorithm: 'HS256', header: decoded.header, noTimestamp: true }),
  }));
}

/** The pid of the MariaDB server on this machine (its CPU is counted beside the API's), or null. */
function mariadbPid() {
  try {
    return Number(require('node:child_process').execFileSync('pgrep', ['-o', '-x', 'mariadbd'], { encoding: 'utf8' }).trim()) || null;
  } catch {
    return null;
  }
}

/**
 * The CPU each side used while `run` ran, in ms: this process (the bench client, browsers
 * included), the server processes `pids`, and MariaDB (when it runs here) — on a machine shared by
 * all three, what the server saves is what the others can use.
 */
async function cpuDuring(pids, run) {
  const db = mariadbPid();
  const server = () => pids.reduce((s, p) => s + h.cpuMsOf(p), 0);
  const c0 = process.cpuUsage();
  const s0 = server();
  const d0 = db ? h.cpuMsOf(db) : 0;
  const result = await run();
  const c = process.cpuUsage(c0);
  return { result, cpuMs: { client: Math.round((c.user + c.system) / 1000), server: Math.round(server() - s0), database: db ? Math.round(h.cpuMsOf(db) - d0) : null } };
}

/** Every user at a random moment of the window, none waiting for another's answer; latency from the moment it was due. */
async function arrivals(users, attempt, windowMs = WINDOW_MS) {
  const t0 = performance.now();
  const answers = await Promise.all(
    users.map(async (u) => {
      const due = Math.random() * windowMs;
      const wait = due - (performance.now() - t0);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const started = t0 + due;
      const a = await attempt(u).catch((e) => ({ status: 0, body: { code: String(e.code || e.message) } }));
      return { ...a, due, ms: performance.now() - started };
    }),
  );
  const wall = performance.now() - t0;
  // FLASH_DUMP=<file>: each answer's moment due, latency and status, for a closer look
  if (process.env.FLASH_DUMP && windowMs === WINDOW_MS) require('node:fs').appendFileSync(process.env.FLASH_DUMP, JSON.stringify(answers.map((a) => [Math.round(a.due), Math.round(a.ms), a.status])) + '\n');
  const outcomes = {};
  for (const a of answers) {
    const k = a.status === 201 ? 'created' : `${a.status} ${a.body && a.body.code}`;
    outcomes[k] = (outcomes[k] || 0) + 1;
  }
  const st = h.latencyStats(answers.map((a) => a.ms), wall);
  // where the tail is: the bookings made, and the refusals
  const part = (keep) => {
    const ms = answers.filter(keep).map((a) => a.ms);
    if (ms.length === 0) return null;
    const s = h.latencyStats(ms, wall);
    return { n: ms.length, p50: s.p50, p99: s.p99, max: round(Math.max(...ms), 1) };
  };
  const byOutcome = { created: part((a) => a.status === 201), refused: part((a) => a.status !== 201) };
  return { ...st, answeredPerSec: st.perSec, byOutcome, outcomes, created: answers.filter((a) => a.status === 201).length, full: answers.filter((a) => a.body && a.body.code === 'SLOT_FULL').length, x5xx: answers.filter((a) => a.status >= 500).length, noAnswer: answers.filter((a) => a.status === 0).length };
}

/** FLASH_BROWSERS loops reading guides and searching until `until()` says stop. */
function browse(url, serviceId, until) {
  const client = h.jsonClient(url, BROWSERS);
  const t0 = performance.now();
  const lat = [];
  let bad = 0;
  const paths = [`/api/services/${serviceId}`, `/api/services?q=${encodeURIComponent('营业执照')}`];
  const loops = Promise.all(
    Array.from({ length: BROWSERS }, async (_, i) => {
      let k = i;
      while (!until()) {
        const t = performance.now();
        const a = await client.get(paths[k++ % paths.length]).catch(() => ({ status: 0 }));
        if (a.status !== 200) bad++;
        lat.push(performance.now() - t);
        if (BROWSE_PAUSE_MS > 0) await new Promise((r) => setTimeout(r, BROWSE_PAUSE_MS * (0.5 + Math.random())));
      }
    }),
  );
  return loops.then(() => {
    client.close();
    return { ...h.latencyStats(lat, performance.now() - t0), non200: bad };
  });
}

/**
 * The warm-up crowd (FLASH_WARMUP_USERS) through a client of its own, closed after it (its
 * connections are not the measured crowd's): what came of it, or null when there is none.
 */
async function warmUp(url, ctx, slotId) {
  if (!ctx.warmCrowd) return null;
  const client = h.jsonClient(url, 512);
  try {
    const r = await arrivals(ctx.warmCrowd, (u) => client.post('/api/bookings', { slotId, serviceId: ctx.serviceId }, { token: u.token }), WARMUP_WINDOW_MS);
    return { users: ctx.warmCrowd.length, outcomes: r.outcomes, p99: r.p99 };
  } finally {
    client.close();
  }
}

/** One crowd on a fresh slot against the API at `url` (after its warm-up on `warmSlotId`), with the browsers meanwhile; checks the rows after. */
async function apiCrowd(url, ctx, slotId, pids, warmSlotId) {
  const warm = await warmUp(url, ctx, warmSlotId);
  const client = h.jsonClient(url, 512);
  let done = false;
  const browsing = browse(url, ctx.serviceId, () => done);
  try {
    const { result: r, cpuMs } = await cpuDuring(pids, () => arrivals(ctx.crowd, (u) => client.post('/api/bookings', { slotId, serviceId: ctx.serviceId }, { token: u.token })));
    done = true;
    const browsers = await browsing;
    const [[chk]] = await ctx.sqlPool.query(`SELECT s.booked, s.capacity, (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = s.id AND b.status = 'booked') AS rows_ FROM slots s WHERE s.id = ?`, [slotId]);
    return { ...r, cpuMs, browsers, warmUp: warm, slot: { booked: Number(chk.booked), bookingRows: Number(chk.rows_), capacity: Number(chk.capacity) } };
  } finally {
    done = true;
    client.close();
  }
}

/** The same arrivals straight through mysql2: begin, insert, guarded update, commit or roll back. */
async function sqlCrowd(ctx, slotId, day) {
  const mysql = require('mysql2/promise');
  const pool = mysql.createPool({ uri: `${h.MYSQL_ROOT_URL}/${ctx.database}`, connectionLimit: 32, timezone: 'Z' });
  try {
    const { result: r, cpuMs } = await cpuDuring([], () => arrivals(ctx.crowd, async (u) => {
      const conn = await pool.getConnection();
      try {
        await conn.beginTransaction();
        const now = new Date();
        await conn.execute(
          `INSERT INTO bookings (id, user_id, actor_id, enterprise_id, principal_key, slot_id, service_id, hall_id, day, start_at, end_at, kind, status, code, active_key, created_at)
           VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 'regular', 'booked', ?, 1, ?)`,
          [randomUUID(), u.userId, u.userId, `u:${u.userId}`, slotId, ctx.serviceId, ctx.hallId, day, now, now, randomBytes(6).toString('hex').toUpperCase(), now],
        );
        const [up] = await conn.execute('UPDATE slots SET booked = booked + 1 WHERE id = ? AND booked + held < capacity AND active = 1', [slotId]);
        if (up.affectedRows === 1) {
          await conn.commit();
          return { status: 201 };
        }
        await conn.rollback();
        return { status: 409, body: { code: 'SLOT_FULL' } };
      } catch (e) {
        await conn.rollback().catch(() => undefined);
        return { status: 500, body: { code: e.code } };
      } finally {
        conn.release();
      }
    }));
    const [[chk]] = await ctx.sqlPool.query('SELECT booked FROM slots WHERE id = ?', [slotId]);
    return { ...r, cpuMs, slot: { booked: Number(chk.booked) } };
  } finally {
    await pool.end();
  }
}

/** The same arrivals against the HTTP floor (http-floor.js, its own process): token check and answer, nothing else. */
async function floorCrowd(ctx) {
  const { spawn } = require('node:child_process');
  const port = await h.freePort();
  const child = spawn(process.execPath, [require('node:path').join(__dirname, 'http-floor.js')], {
    env: { PATH: process.env.PATH, PORT: String(port), JWT_SECRET: ctx.env.JWT_SECRET, FLOOR_CAPACITY: String(CAPACITY) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    await new Promise((resolve, reject) => {
      child.stdout.on('data', (d) => String(d).includes('listening') && resolve());
      child.once('exit', (code) => reject(new Error(`http floor exited (${code})`)));
    });
    const warm = await warmUp(`http://127.0.0.1:${port}`, ctx, 'warm-up');
    const client = h.jsonClient(`http://127.0.0.1:${port}`, 512);
    try {
      const { result: r, cpuMs } = await cpuDuring([child.pid], () => arrivals(ctx.crowd, (u) => client.post('/api/bookings', { slotId: 'floor', serviceId: ctx.serviceId }, { token: u.token })));
      return { ...r, cpuMs, warmUp: warm };
    } finally {
      client.close();
    }
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
}

async function benchFlash(ctx, { results, row, log, shanghaiDay, startOn }) {
  const { api, admin, hallId, serviceId, sqlPool, env, sms } = ctx;
  const newSlot = async (day, capacity = CAPACITY) => {
    // a fresh connection: the shared client's idle ones may have been closed by the server meanwhile
    const once = h.jsonClient(ctx.srv.url, 1);
    const r = await once.post('/api/admin/slots', slotRequest({ hallId, serviceId, start: startOn(day, 10), capacity }), { token: admin }).finally(() => once.close());
    if (r.status !== 201) throw new Error(`slot ${r.status} ${r.text}`);
    return r.body.id;
  };
  log(`(i) flash crowd: ${USERS} users…`);
  const t0 = performance.now();
  const crowd = await crowdOf(USERS, { api, sms, sqlPool, jwtSecret: env.JWT_SECRET });
  log(`(i) ${USERS} users ready in ${Math.round(performance.now() - t0)} ms`);
  const warmCrowd = WARMUP_USERS > 0 ? await crowdOf(WARMUP_USERS, { api, sms, sqlPool, jwtSecret: env.JWT_SECRET }) : null;
  const c = { ...ctx, crowd, warmCrowd };
  const warmSlot = (day) => (warmCrowd ? newSlot(day, WARMUP_CAPACITY) : null);
  const load = () => require('node:os').loadavg().map((x) => round(x, 1));

  // 1. the API as it runs without Redis
  const days = [shanghaiDay(11), shanghaiDay(12), shanghaiDay(13)];
  const slotA = await newSlot(days[0]);
  const loadA = load();
  const plain = await apiCrowd(ctx.srv.url, c, slotA, [ctx.srv.child.pid], await warmSlot(shanghaiDay(8)));
  log(`(i) without Redis: ${JSON.stringify(plain.outcomes)}, p50 ${plain.p50} ms, p99 ${plain.p99} ms, all answered in ${plain.wallMs} ms; browsers p99 ${plain.browsers.p99} ms; load ${loadA}`);
  log(`(i)   bookings made ${JSON.stringify(plain.byOutcome.created)}; refused ${JSON.stringify(plain.byOutcome.refused)}; CPU ms ${JSON.stringify(plain.cpuMs)}`);
  if (plain.warmUp) log(`(i)   after a warm-up of ${plain.warmUp.users} users: ${JSON.stringify(plain.warmUp.outcomes)}`);

  // 2. a second server on the same database with the Redis counter
  const port = await h.freePort();
  const srv2 = await h.startServer({ ...env, PORT: String(port), REDIS_URL, SLOT_COUNTER: '1', SEED_DEMO: '0' }, { logFile: ctx.logFile });
  let counted;
  let loadB;
  try {
    const slotB = await newSlot(days[1]);
    loadB = load();
    counted = await apiCrowd(srv2.url, c, slotB, [srv2.child.pid], await warmSlot(shanghaiDay(9)));
  } finally {
    srv2.child.kill('SIGTERM');
    await Promise.race([srv2.exited, new Promise((r) => setTimeout(r, 10_000))]);
    srv2.child.kill('SIGKILL');
  }
  log(`(i) with the Redis counter: ${JSON.stringify(counted.outcomes)}, p50 ${counted.p50} ms, p99 ${counted.p99} ms, all answered in ${counted.wallMs} ms; browsers p99 ${counted.browsers.p99} ms; load ${loadB}`);
  log(`(i)   bookings made ${JSON.stringify(counted.byOutcome.created)}; refused ${JSON.stringify(counted.byOutcome.refused)}; CPU ms ${JSON.stringify(counted.cpuMs)}`);

  // 3. the baseline: the same arrivals through mysql2
  const slotC = await newSlot(days[2]);
  const loadC = load();
  const floor = await sqlCrowd(c, slotC, days[2]);
  log(`(i) mysql2: ${JSON.stringify(floor.outcomes)}, p50 ${floor.p50} ms, p99 ${floor.p99} ms, all answered in ${floor.wallMs} ms; load ${loadC}; CPU ms ${JSON.stringify(floor.cpuMs)}`);

  // 4. the floor: a bare node:http server checking the token and answering, no framework, no database
  const loadD = load();
  const bare = await floorCrowd(c);
  log(`(i) HTTP floor: ${JSON.stringify(bare.outcomes)}, p50 ${bare.p50} ms, p99 ${bare.p99} ms, all answered in ${bare.wallMs} ms; load ${loadD}; CPU ms ${JSON.stringify(bare.cpuMs)}`);

  const exact = (x) => x.created === CAPACITY && x.slot.booked === CAPACITY && x.slot.bookingRows === CAPACITY && x.full === USERS - CAPACITY && x.x5xx === 0 && x.noAnswer === 0;
  results.flash = {
    users: USERS,
    capacity: CAPACITY,
    windowMs: WINDOW_MS,
    browsers: BROWSERS,
    browsePauseMs: BROWSE_PAUSE_MS,
    warmUp: { users: WARMUP_USERS, capacity: WARMUP_CAPACITY, windowMs: WARMUP_WINDOW_MS },
    withoutRedis: { ...plain, loadAverage: loadA, exact: exact(plain) },
    withRedisCounter: { ...counted, loadAverage: loadB, exact: exact(counted) },
    mysql2: { ...floor, loadAverage: loadC },
    httpFloor: { ...bare, loadAverage: loadD },
    goal: 'exactly the capacity booked, the rest SLOT_FULL, 0 × 5xx, p99 < 500 ms',
  };
  const f = (x) => `all ${USERS} answered in ${(x.wallMs / 1000).toFixed(1)} s (${x.answeredPerSec}/s), p50 ${x.p50} ms, p99 ${x.p99} ms`;
  const note = (x) => `${x.created} booked, ${x.full} SLOT_FULL, ${x.x5xx} × 5xx, ${x.noAnswer || 0} unanswered; browsers p50 ${x.browsers.p50} / p99 ${x.browsers.p99} ms; load ${x === plain ? loadA : loadB}`;
  row(`flash crowd ${USERS} → 1 slot of ${CAPACITY}, no Redis`, f(plain), `mysql2: ${f(floor)}`, `${round(plain.answeredPerSec / floor.answeredPerSec, 2)}× mysql2 rate`, note(plain));
  row(`flash crowd, Redis counter`, f(counted), `mysql2: ${f(floor)}`, `${round(counted.answeredPerSec / floor.answeredPerSec, 2)}× mysql2 rate`, note(counted));
  row(`flash crowd, p99 beside the HTTP floor`, `p99 ${plain.p99} ms (Redis counter ${counted.p99} ms)`, `bare node:http + token check, no database: p50 ${bare.p50} ms, p99 ${bare.p99} ms`, `${round(plain.p99 / bare.p99, 1)}× the floor's p99`, `the floor: ${bare.created} × 201, ${bare.full} SLOT_FULL`);
  const cpu = (x) => `server ${x.cpuMs.server} ms, client ${x.cpuMs.client} ms, MariaDB ${x.cpuMs.database ?? '?'} ms of CPU`;
  row(`flash crowd, CPU while it ran`, cpu(plain), `HTTP floor: ${cpu(bare)}`, `server ${round(plain.cpuMs.server / Math.max(1, bare.cpuMs.server), 2)}× the floor's`, `2 cores: ${Math.round(plain.wallMs * 2)} ms of CPU in the API's run`);
  for (const [name, x] of [['without Redis', plain], ['with the counter', counted]]) {
    if (!exact(x)) log(`!! flash crowd ${name}: not exact: ${JSON.stringify({ outcomes: x.outcomes, slot: x.slot })}`);
  }
}

module.exports = { benchFlash, crowdOf };
