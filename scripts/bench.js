'use strict';
/**
 * `npm run bench`: the API's production build on MariaDB, each figure beside a baseline measured
 * in the same run on the same machine and database.
 *   (a) guide search  GET /api/services?q=营业执照   vs a bare node:http server sending the same bytes (autocannon)
 *   (b) booking under contention (one slot; many slots) vs the same transaction straight through mysql2
 *   (c) filing list and detail for a user with 200 filings vs the equivalent SQL through mysql2
 *   (d) 20 concurrent 15 MB uploads: peak RSS of the API process vs its RSS at idle
 *   (e) a 10,000-booking .xlsx export: peak RSS vs idle (under 50 MB), and /api/metrics' booking counters vs (b)'s own counts (bench/exports.js)
 * Prints a table and writes bench/results.json. Options: BENCH_SECONDS (default 8), BENCH_USERS (300).
 */
const { randomBytes, randomUUID } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { log, run, npm, ensureInstalled } = require('./lib');
const h = require('./bench/harness');
const issue19 = require('./bench/exports');
const { slotRequest } = require('../test/support/slot-request');

const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const USERS = Number(process.env.BENCH_USERS || 300);
const CONNECTIONS = 32;
const RESULTS_DIR = path.join(h.ROOT, 'bench');
const results = { at: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, settings: { seconds: SECONDS, users: USERS, connections: CONNECTIONS } };
const rows = [];

const round = (n, d = 1) => Number(Number(n).toFixed(d));
const row = (what, subject, base, ratio, note = '') => rows.push({ what, subject, base, ratio, note });

async function cannon(opts) {
  const autocannon = require('autocannon');
  const r = await autocannon({ connections: CONNECTIONS, duration: SECONDS, pipelining: 1, ...opts });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    total: r.requests.total,
  };
}

const fmt = (x) => `${x.rps} req/s, p50 ${x.p50} ms, p99 ${x.p99} ms`;

// ---- (a) guide search vs a bare node:http server -------------------------------------------

async function benchSearch(srv) {
  const q = `/api/services?q=${encodeURIComponent('营业执照')}`;
  const sample = await fetch(srv.url + q);
  const bytes = Buffer.from(await sample.arrayBuffer());
  if (sample.status !== 200) throw new Error(`search answered ${sample.status}`);
  const bare = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
    res.end(bytes);
  });
  await new Promise((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${bare.address().port}`;
  try {
    await cannon({ url: srv.url + q, duration: 2 }); // warm-up (JIT, caches, pool)
    const api = await cannon({ url: srv.url + q });
    const base = await cannon({ url: bareUrl + q });
    results.search = { bytes: bytes.length, api, bare: base, ratio: round(api.rps / base.rps, 3) };
    row('search 营业执照', fmt(api), fmt(base), `${(results.search.ratio * 100).toFixed(1)}% of bare`, `${bytes.length} B body; non-2xx ${api.non2xx}`);
    log(`(a) search: API ${fmt(api)}; bare ${fmt(base)}`);
  } finally {
    await new Promise((r) => bare.close(r));
  }
}

// ---- (b) booking under contention vs mysql2 ------------------------------------------------

function shanghaiDay(offsetDays) {
  const d = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}
const startOn = (day, hour, minute = 0) => new Date(Date.parse(`${day}T00:00:00Z`) - 8 * 3600_000 + hour * 3600_000 + minute * 60_000);

async function bookingRound(api, users, slotFor, serviceId) {
  const t0 = performance.now();
  const answers = await h.pool(users, CONNECTIONS, (u, i) => api.post('/api/bookings', { slotId: slotFor(i), serviceId }, { token: u.token }));
  const wall = performance.now() - t0;
  const by = {};
  for (const a of answers) by[a.status === 201 ? 'created' : `${a.status} ${a.body && a.body.code}`] = (by[`${a.status === 201 ? 'created' : `${a.status} ${a.body && a.body.code}`}`] || 0) + 1;
  return { ...h.latencyStats(answers.map((a) => a.ms), wall), outcomes: by };
}

async function sqlRound(sqlPool, n, slotFor, serviceId, hallId, day) {
  const one = async (i) => {
    const t = performance.now();
    const conn = await sqlPool.getConnection();
    let ok = false;
    try {
      await conn.beginTransaction();
      const slotId = slotFor(i);
      const now = new Date();
      await conn.execute(
        `INSERT INTO bookings (id, user_id, actor_id, enterprise_id, principal_key, slot_id, service_id, hall_id, day, start_at, end_at, kind, status, code, active_key, created_at)
         VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 'regular', 'booked', ?, 1, ?)`,
        [randomUUID(), randomUUID(), randomUUID(), `bench:${randomUUID().slice(0, 30)}`, slotId, serviceId, hallId, day, now, now, randomBytes(6).toString('hex').toUpperCase(), now],
      );
      const [r] = await conn.execute('UPDATE slots SET booked = booked + 1 WHERE id = ? AND booked + held < capacity AND active = 1', [slotId]);
      if (r.affectedRows === 1) {
        await conn.commit();
        ok = true;
      } else await conn.rollback();
    } catch (e) {
      await conn.rollback().catch(() => undefined);
      if (e.errno !== 1213) throw e;
    } finally {
      conn.release();
    }
    return { ms: performance.now() - t, ok };
  };
  const t0 = performance.now();
  const answers = await h.pool(Array.from({ length: n }), CONNECTIONS, (_, i) => one(i));
  const wall = performance.now() - t0;
  return { ...h.latencyStats(answers.map((a) => a.ms), wall), outcomes: { created: answers.filter((a) => a.ok).length, full: answers.filter((a) => !a.ok).length } };
}

async function benchBooking(srv, ctx) {
  const { api, admin, hallId, serviceId, sqlPool } = ctx;
  const newSlot = async (start, capacity) => {
    const r = await api.post('/api/admin/slots', slotRequest({ hallId, serviceId, start, capacity }), { token: admin });
    if (r.status !== 201) throw new Error(`slot ${r.status} ${r.text}`);
    return r.body.id;
  };
  const users = ctx.users;
  const n = users.length;
  const oneCap = Math.max(5, Math.round(n / 10));
  const many = Math.max(2, Math.round(n / 10));

  // one slot, everybody at once (capacity n/10)
  const dayA = shanghaiDay(2);
  const slotA = await newSlot(startOn(dayA, 9), oneCap);
  const apiOne = await bookingRound(api, users, () => slotA, serviceId);
  const dayB = shanghaiDay(3);
  const slotB = await newSlot(startOn(dayB, 9), oneCap);
  const sqlOne = await sqlRound(sqlPool, n, () => slotB, serviceId, hallId, dayB);

  // many slots (n/10 slots of 10), everybody at once
  const dayC = shanghaiDay(4);
  const slotsC = [];
  for (let i = 0; i < many; i++) slotsC.push(await newSlot(startOn(dayC, 9, i * 5), 10));
  const apiMany = await bookingRound(api, users, (i) => slotsC[i % many], serviceId);
  const dayD = shanghaiDay(5);
  const slotsD = [];
  for (let i = 0; i < many; i++) slotsD.push(await newSlot(startOn(dayD, 9, i * 5), 10));
  const sqlMany = await sqlRound(sqlPool, n, (i) => slotsD[i % many], serviceId, hallId, dayD);

  // the invariant, after all of it
  const [[chk]] = await sqlPool.query(
    `SELECT SUM(s.booked <> (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = s.id AND b.status IN ('booked','checked_in'))) AS bad,
            SUM(s.booked > s.capacity) AS overcap FROM slots s WHERE s.id IN (?)`,
    [[slotA, slotB, ...slotsC, ...slotsD]],
  );
  results.booking = {
    users: n,
    oneSlot: { capacity: oneCap, api: apiOne, mysql2: sqlOne, ratio: round(apiOne.perSec / sqlOne.perSec, 3) },
    manySlots: { slots: many, capacity: 10, api: apiMany, mysql2: sqlMany, ratio: round(apiMany.perSec / sqlMany.perSec, 3) },
    invariant: { slotsWithWrongCount: Number(chk.bad), slotsOverCapacity: Number(chk.overcap) },
  };
  const f = (x) => `${x.perSec} /s, p50 ${x.p50} ms, p99 ${x.p99} ms`;
  row(`book: ${n} users, 1 slot of ${oneCap}`, f(apiOne), f(sqlOne), `${(results.booking.oneSlot.ratio * 100).toFixed(1)}% of mysql2`, JSON.stringify(apiOne.outcomes));
  row(`book: ${n} users, ${many} slots of 10`, f(apiMany), f(sqlMany), `${(results.booking.manySlots.ratio * 100).toFixed(1)}% of mysql2`, JSON.stringify(apiMany.outcomes));
  log(`(b) booking one slot: API ${f(apiOne)} ${JSON.stringify(apiOne.outcomes)}; mysql2 ${f(sqlOne)} ${JSON.stringify(sqlOne.outcomes)}`);
  log(`(b) booking many slots: API ${f(apiMany)} ${JSON.stringify(apiMany.outcomes)}; mysql2 ${f(sqlMany)} ${JSON.stringify(sqlMany.outcomes)}`);
  if (Number(chk.bad) || Number(chk.overcap)) log(`!! slot counts disagree with bookings: ${JSON.stringify(results.booking.invariant)}`);
}

// ---- (c) filings: list and detail for a user with 200 filings -------------------------------

async function benchFilings(srv, ctx) {
  const { api, sqlPool, serviceId } = ctx;
  const owner = ctx.users[0];
  const first = await api.post('/api/applications', { serviceId }, { token: owner.token });
  if (first.status === 404 && first.body && first.body.code === 'NOT_FOUND' && !first.body.id) {
    log('(c) filings: POST /api/applications is not there — skipped');
    results.filings = { skipped: 'no filings module' };
    return null;
  }
  if (first.status !== 201) throw new Error(`filing ${first.status} ${first.text}`);
  const id0 = first.body.id;
  // clone it 199 times in SQL (the filing, its materials and its timeline), each with its own number
  const [[app]] = await sqlPool.query('SELECT * FROM applications WHERE id = ?', [id0]);
  const [mats] = await sqlPool.query('SELECT * FROM application_materials WHERE application_id = ?', [id0]);
  const [events] = await sqlPool.query('SELECT * FROM application_events WHERE application_id = ?', [id0]);
  const insertRow = (table, r) => {
    const cols = Object.keys(r);
    return sqlPool.query(`INSERT INTO ${table} (${cols.map((c) => `\`${c}\``).join(',')}) VALUES (?)`, [cols.map((c) => r[c])]);
  };
  const day = app.number.slice(2, 10);
  for (let i = 1; i < 200; i++) {
    const id = randomUUID();
    const created = new Date(app.created_at.getTime() - i * 60_000);
    await insertRow('applications', { ...app, id, number: `ZW${day}-${String(900000 - i).padStart(6, '0')}`, created_at: created, updated_at: created });
    for (const m of mats) await insertRow('application_materials', { ...m, id: randomUUID(), application_id: id });
    for (const e of events) await insertRow('application_events', { ...e, id: randomUUID(), application_id: id });
  }
  const headers = { authorization: `Bearer ${owner.token}` };
  const list = await api.get('/api/applications', { token: owner.token });
  if (list.status !== 200 || list.body.length !== 200) throw new Error(`filing list: ${list.status}, ${Array.isArray(list.body) ? list.body.length : list.text}`);
  const listApi = await cannon({ url: `${srv.url}/api/applications`, headers, duration: Math.max(3, SECONDS / 2) });
  const detailApi = await cannon({ url: `${srv.url}/api/applications/${id0}`, headers, duration: Math.max(3, SECONDS / 2) });

  // baseline: the rows those answers are made of, straight from mysql2 at the same concurrency
  const sqlLoad = async (work) => {
    const lat = [];
    const until = performance.now() + Math.max(3, SECONDS / 2) * 1000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          const t = performance.now();
          await work();
          lat.push(performance.now() - t);
        }
      }),
    );
    const s = h.latencyStats(lat, performance.now() - t0);
    return { rps: s.perSec, p50: s.p50, p99: s.p99 };
  };
  const listSql = await sqlLoad(async () => {
    const [apps] = await sqlPool.query('SELECT * FROM applications WHERE user_id = ? OR actor_id = ? ORDER BY created_at DESC LIMIT 200', [owner.userId, owner.userId]);
    await sqlPool.query('SELECT id, name FROM services WHERE id IN (?)', [[...new Set(apps.map((a) => a.service_id))]]);
  });
  const detailSql = await sqlLoad(async () => {
    await sqlPool.query('SELECT * FROM applications WHERE id = ?', [id0]);
    await sqlPool.query('SELECT * FROM application_materials WHERE application_id = ? ORDER BY sort_order', [id0]);
    await sqlPool.query('SELECT * FROM application_events WHERE application_id = ? ORDER BY seq', [id0]);
    await sqlPool.query('SELECT * FROM files WHERE application_id = ?', [id0]);
  });
  results.filings = {
    count: 200,
    listBytes: Buffer.byteLength(list.text),
    list: { api: listApi, mysql2: listSql, ratio: round(listApi.rps / listSql.rps, 3) },
    detail: { api: detailApi, mysql2: detailSql, ratio: round(detailApi.rps / detailSql.rps, 3) },
  };
  row('filing list (200 filings)', fmt(listApi), fmt(listSql), `${(results.filings.list.ratio * 100).toFixed(1)}% of mysql2`, `${results.filings.listBytes} B body`);
  row('filing detail', fmt(detailApi), fmt(detailSql), `${(results.filings.detail.ratio * 100).toFixed(1)}% of mysql2`, '');
  log(`(c) filings list: API ${fmt(listApi)}; mysql2 ${fmt(listSql)}. detail: API ${fmt(detailApi)}; mysql2 ${fmt(detailSql)}`);
  return owner;
}

// ---- (d) 20 concurrent 15 MB uploads: peak RSS ---------------------------------------------

function uploadOnce(srv, token, appId, materialId, big, tag) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan-${tag}.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n% ${tag} ${randomUUID()}\n`,
  );
  const tail = Buffer.from(`\n%%EOF\n\r\n--${boundary}--\r\n`);
  const u = new URL(srv.url);
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        method: 'POST',
        path: `/api/applications/${appId}/materials/${materialId}/files`,
        headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + big.length + tail.length },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t }));
      },
    );
    req.on('error', reject);
    req.write(head);
    // in 1 MB pieces, as a phone on a fast network would send it
    for (let off = 0; off < big.length; off += 1 << 20) req.write(big.subarray(off, Math.min(big.length, off + (1 << 20))));
    req.end(tail);
  });
}

async function benchUploads(srv, ctx, owner) {
  const { api, serviceId } = ctx;
  if (!owner) {
    results.uploads = { skipped: 'no filings module' };
    log('(d) uploads: no filings module — skipped');
    return;
  }
  const N = 20;
  const SIZE = 15 * 1024 * 1024;
  const targets = [];
  for (let i = 0; i < N; i++) {
    const a = await api.post('/api/applications', { serviceId }, { token: owner.token });
    if (a.status !== 201) throw new Error(`filing ${a.status} ${a.text}`);
    targets.push({ id: a.body.id, materialId: a.body.materials[0].materialId });
  }
  const big = randomBytes(SIZE);
  if (global.gc) global.gc();
  await new Promise((r) => setTimeout(r, 1500));
  const idle = h.memOf(srv.pid).rssKb;
  const sampler = h.sampleRss(srv.pid, 10);
  const t0 = performance.now();
  const answers = await Promise.all(targets.map((t, i) => uploadOnce(srv, owner.token, t.id, t.materialId, big, i)));
  const wall = performance.now() - t0;
  const peak = sampler.stop();
  const ok = answers.filter((a) => a.status === 201).length;
  results.uploads = {
    count: N,
    sizeBytes: SIZE,
    ok,
    statuses: answers.map((a) => a.status),
    idleRssMb: round(idle / 1024),
    peakRssMb: round(peak / 1024),
    growthMb: round((peak - idle) / 1024),
    payloadMb: round((N * SIZE) / 1024 / 1024),
    wallMs: Math.round(wall),
    throughputMBs: round((N * SIZE) / 1024 / 1024 / (wall / 1000)),
  };
  row(
    `${N} × 15 MB uploads at once`,
    `peak RSS ${results.uploads.peakRssMb} MB (+${results.uploads.growthMb} MB)`,
    `idle RSS ${results.uploads.idleRssMb} MB`,
    `${round(peak / idle, 2)}× idle`,
    `${ok}/${N} stored, ${results.uploads.payloadMb} MB in ${(wall / 1000).toFixed(1)} s`,
  );
  log(`(d) uploads: ${ok}/${N} in ${Math.round(wall)} ms; RSS idle ${results.uploads.idleRssMb} MB → peak ${results.uploads.peakRssMb} MB`);
}

// ---- main ----------------------------------------------------------------------------------

function printTable() {
  const cols = ['what', 'subject', 'base', 'ratio', 'note'];
  const titles = { what: 'measure', subject: 'API (production build)', base: 'baseline', ratio: 'ratio', note: 'note' };
  const width = (s) => [...String(s)].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const w = Object.fromEntries(cols.map((c) => [c, Math.max(width(titles[c]), ...rows.map((r) => width(r[c])))]));
  const pad = (s, n) => String(s) + ' '.repeat(Math.max(0, n - width(s)));
  const line = (r) => `| ${cols.map((c) => pad(r[c], w[c])).join(' | ')} |`;
  process.stdout.write(`\n${line(titles)}\n|${cols.map((c) => '-'.repeat(w[c] + 2)).join('|')}|\n${rows.map(line).join('\n')}\n\n`);
}

async function main() {
  const started = Date.now();
  await ensureInstalled();
  const { database, sms, port, logFile, env } = await h.prepare();
  let srv = null;
  let sqlPool = null;
  let api = null;
  try {
    log(`生产构建 (NODE_ENV=production) 启动于端口 ${port}，数据库 ${database}…`);
    srv = await h.startServer(env, { logFile });
    api = h.jsonClient(srv.url, CONNECTIONS + 8);
    const mysql = require('mysql2/promise');
    sqlPool = mysql.createPool({ uri: `${h.MYSQL_ROOT_URL}/${database}`, connectionLimit: 10, timezone: 'Z' });

    const adminLogin = await api.post('/api/auth/staff/login', { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD });
    if (adminLogin.status !== 200) throw new Error(`admin login ${adminLogin.status} ${adminLogin.text}`);
    const admin = adminLogin.body.accessToken;
    const halls = (await api.get('/api/halls')).body;
    const list = (await api.get(`/api/services?q=${encodeURIComponent('营业执照')}&pageSize=50`)).body.items;
    let hallId = null;
    let serviceId = null;
    // the bench users book for themselves: a service for persons (a company-only one is AUDIENCE_MISMATCH)
    for (const s of list.filter((x) => x.audience !== 'enterprise')) {
      const g = (await api.get(`/api/services/${s.id}`)).body;
      if (g.halls.length && g.materials.length) {
        hallId = g.halls[0].id;
        serviceId = s.id;
        break;
      }
    }
    if (!serviceId) hallId = halls[0].id;
    log(`准备 ${USERS} 位实名用户…`);
    const t0 = performance.now();
    const users = await h.pool(Array.from({ length: USERS }), 16, () => h.verifiedCitizen(api, sms));
    results.setup = { users: USERS, signUpMs: Math.round(performance.now() - t0) };
    const ctx = { api, admin, hallId, serviceId, sqlPool, users };

    await benchSearch(srv);
    const countersBefore = await issue19.bookingCounters(srv, env.METRICS_TOKEN);
    await benchBooking(srv, ctx);
    issue19.checkBookingCounters(countersBefore, await issue19.bookingCounters(srv, env.METRICS_TOKEN), [results.booking.oneSlot.api.outcomes, results.booking.manySlots.api.outcomes], { results, row, log });
    const owner = await benchFilings(srv, ctx);
    await benchUploads(srv, ctx, owner);
    await issue19.benchExports({ srv, ...ctx }, { results, row, log });

    results.totalSeconds = Math.round((Date.now() - started) / 1000);
    printTable();
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`结果已写入 bench/results.json（用时 ${results.totalSeconds} 秒）`);
  } finally {
    await h.teardown({ api, sqlPool, srv, sms, database });
    fs.rmSync(env.UPLOAD_DIR, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
