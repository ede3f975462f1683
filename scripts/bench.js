'use strict';
/**
 * `npm run bench`: the API's production build on MariaDB, each figure beside a baseline measured
 * in the same run on the same machine and database.
 *   (a) guide search  GET /api/services?q=营业执照   vs a bare node:http server sending the same bytes, headers included (autocannon)
 *   (b) booking under contention (one hot slot with a place for each user; many slots) vs the same transaction straight through mysql2
 *   (c) filing list and detail for a user with 200 filings vs the equivalent SQL through mysql2
 *   (d) 20 concurrent 15 MB uploads: peak RSS of the API process vs its RSS at idle
 *   (e) guide detail  GET /api/services/:id (and its conditional GET) vs a bare node:http server
 *   (f) refusals once a slot is full (SLOT_FULL) vs the booking rate of the same run and one slot read via mysql2
 *   (g) booking p99 with 500 open ticket streams (SSE, a window calling meanwhile) vs the same round without them
 *   (h) a 10,000-booking .xlsx export: peak RSS vs idle (under 50 MB), and /api/metrics' booking counters vs (b)'s own counts (bench/exports.js)
 *   (i) the flash crowd: 5,000 users at one slot of 500 within 2 s while 200 others browse guides, without and with
 *       the Redis admission counter, vs the same arrivals through mysql2 (bench/flash.js; Redis at BENCH_REDIS_URL)
 *   (j) the cluster race: bookings through three API instances on a three-node Galera cluster vs one instance on one
 *       node, and a node SIGKILLed mid-storm (bench/cluster.js; the cluster of scripts/cluster.js, started and stopped)
 * Prints a table and writes bench/results.json. Options: BENCH_SECONDS (default 8), BENCH_USERS (300),
 * BENCH_STREAMS (500), BENCH_ONLY (comma list of search,guide,booking,refusals,streams,filings,uploads,exports,flash,cluster),
 * FLASH_USERS (5000), FLASH_CAPACITY (500), FLASH_WINDOW_MS (2000), FLASH_BROWSERS (200),
 * FLASH_WARMUP_USERS (3000; 0: the crowd meets a server that has not booked yet), FLASH_DUMP=<file>,
 * CLUSTER_USERS (600), CLUSTER_CAPACITY (200), CLUSTER_CONCURRENCY (32); BENCH_CPU_PROF=<folder> makes each API
 * process write a V8 CPU profile there when it stops; BENCH_SERVER_ENV='{"NAME":"value",…}' gives the API
 * processes settings of their own on top of the bench's (to measure what a setting costs, e.g. the
 * per-address rate limit, which the bench turns off because one address sends everything).
 */
const { randomBytes, randomUUID } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { log, run, npm, ensureInstalled } = require('./lib');
const h = require('./bench/harness');
const issue19 = require('./bench/exports');
const flash = require('./bench/flash');
const cluster = require('./bench/cluster');
const { slotRequest } = require('../test/support/slot-request');

const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const USERS = Number(process.env.BENCH_USERS || 300);
const CONNECTIONS = 32;
const STREAMS = Number(process.env.BENCH_STREAMS || 500);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((x) => x.trim())) : null;
const wanted = (part) => !ONLY || ONLY.has(part);
const ONE_SERVER_PARTS = ['search', 'guide', 'booking', 'refusals', 'streams', 'filings', 'uploads', 'exports', 'flash'];
const RESULTS_DIR = path.join(h.ROOT, 'bench');
const results = { at: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version, loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(1))) }, settings: { seconds: SECONDS, users: USERS, connections: CONNECTIONS, streams: STREAMS, only: ONLY ? [...ONLY] : 'all' } };
const rows = [];

const round = (n, d = 1) => Number(Number(n).toFixed(d));
const row = (what, subject, base, ratio, note = '') => rows.push({ what, subject, base, ratio, note });

/**
 * autocannon at CONNECTIONS for SECONDS. With `pid` (the API's), also the API process's CPU time per
 * answered request: a figure the other work on a shared machine hardly moves.
 */
async function cannon({ pid, ...opts }) {
  const autocannon = require('autocannon');
  const cpu0 = pid ? h.cpuMsOf(pid) : 0;
  const r = await autocannon({ connections: CONNECTIONS, duration: SECONDS, pipelining: 1, ...opts });
  const cpu = pid ? { cpuMsPerReq: round((h.cpuMsOf(pid) - cpu0) / Math.max(1, r.requests.total), 3) } : {};
  return {
    ...cpu,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    total: r.requests.total,
  };
}

const fmt = (x) => `${x.rps} req/s, p50 ${x.p50} ms, p99 ${x.p99} ms${x.cpuMsPerReq !== undefined ? `, ${x.cpuMsPerReq} ms CPU/req` : ''}`;

// ---- (a) guide search vs a bare node:http server -------------------------------------------

/**
 * A public GET of the API beside a bare node:http server sending the same bytes (the API's answer as
 * it came: its body and every header but Date and Connection, which Node adds itself — the security
 * headers, ETag, a request id of the same length), both under autocannon; with `conditional`, also
 * the same GET with If-None-Match (its 304s) when the answer carries an ETag.
 */
async function versusBare(srv, p, { conditional = false } = {}) {
  const sample = await fetch(srv.url + p);
  const bytes = Buffer.from(await sample.arrayBuffer());
  if (sample.status !== 200) throw new Error(`${p} answered ${sample.status}`);
  const etag = sample.headers.get('etag');
  const replayed = [];
  sample.headers.forEach((v, k) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(k)) replayed.push(k, v);
  });
  const bare = http.createServer((req, res) => {
    res.writeHead(200, replayed);
    res.end(bytes);
  });
  await new Promise((r) => bare.listen(0, '127.0.0.1', r));
  try {
    await cannon({ url: srv.url + p, duration: 2 }); // warm-up (JIT, caches, pool)
    const api = await cannon({ url: srv.url + p, pid: srv.pid });
    const base = await cannon({ url: `http://127.0.0.1:${bare.address().port}${p}` });
    const cond = conditional && etag ? await cannon({ url: srv.url + p, headers: { 'if-none-match': etag }, pid: srv.pid }) : null;
    return { bytes: bytes.length, etag: !!etag, api, base, cond };
  } finally {
    await new Promise((r) => bare.close(r));
  }
}

async function benchSearch(srv) {
  const { bytes, api, base } = await versusBare(srv, `/api/services?q=${encodeURIComponent('营业执照')}`);
  results.search = { bytes, api, bare: base, ratio: round(api.rps / base.rps, 3) };
  row('search 营业执照', fmt(api), fmt(base), `${(results.search.ratio * 100).toFixed(1)}% of bare`, `${bytes} B body; non-2xx ${api.non2xx}`);
  log(`(a) search: API ${fmt(api)}; bare ${fmt(base)}`);
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
  return { ...h.latencyStats(answers.map((a) => a.ms), wall), outcomes: by, answers };
}

/** The round's figures without the raw answers (for results.json). */
const strip = ({ answers: _a, ...r }) => r;

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
  // one hot slot with a place for each user (the issue's "500 users booking one slot of 500"): every
  // request is a booking, all of them on the one row; refusals are measured on their own in (f)
  const oneCap = n;
  const many = Math.max(2, Math.round(n / 10));

  // one slot, everybody at once
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
    oneSlot: { capacity: oneCap, api: strip(apiOne), mysql2: sqlOne, ratio: round(apiOne.perSec / sqlOne.perSec, 3) },
    manySlots: { slots: many, capacity: 10, api: strip(apiMany), mysql2: sqlMany, ratio: round(apiMany.perSec / sqlMany.perSec, 3) },
    invariant: { slotsWithWrongCount: Number(chk.bad), slotsOverCapacity: Number(chk.overcap) },
  };
  const f = (x) => `${x.perSec} /s, p50 ${x.p50} ms, p99 ${x.p99} ms`;
  row(`book: ${n} users, 1 slot of ${oneCap}`, f(apiOne), f(sqlOne), `${(results.booking.oneSlot.ratio * 100).toFixed(1)}% of mysql2`, JSON.stringify(apiOne.outcomes));
  row(`book: ${n} users, ${many} slots of 10`, f(apiMany), f(sqlMany), `${(results.booking.manySlots.ratio * 100).toFixed(1)}% of mysql2`, JSON.stringify(apiMany.outcomes));
  log(`(b) booking one slot: API ${f(apiOne)} ${JSON.stringify(apiOne.outcomes)}; mysql2 ${f(sqlOne)} ${JSON.stringify(sqlOne.outcomes)}`);
  log(`(b) booking many slots: API ${f(apiMany)} ${JSON.stringify(apiMany.outcomes)}; mysql2 ${f(sqlMany)} ${JSON.stringify(sqlMany.outcomes)}`);
  if (Number(chk.bad) || Number(chk.overcap)) log(`!! slot counts disagree with bookings: ${JSON.stringify(results.booking.invariant)}`);
  // for (f): the full slot and the users it refused
  // for (f): the slot, full now, and everyone (a request for it is refused whoever sends it)
  ctx.fullSlot = { id: slotA, losers: users, bookingRate: apiOne.perSec };
}

/** `work` run by CONNECTIONS loops at once for `seconds`: rate and latency. */
async function timedLoad(work, seconds = SECONDS) {
  const lat = [];
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      while (performance.now() < until) {
        const t = performance.now();
        await work(c);
        lat.push(performance.now() - t);
      }
    }),
  );
  const st = h.latencyStats(lat, performance.now() - t0);
  return { rps: st.perSec, p50: st.p50, p99: st.p99, n: st.n };
}
const sqlLoad = (work) => timedLoad(work, Math.max(3, SECONDS / 2));

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
  const listApi = await cannon({ url: `${srv.url}/api/applications`, headers, duration: Math.max(3, SECONDS / 2), pid: srv.pid });
  const detailApi = await cannon({ url: `${srv.url}/api/applications/${id0}`, headers, duration: Math.max(3, SECONDS / 2), pid: srv.pid });

  // baseline: the rows those answers are made of, straight from mysql2 at the same concurrency
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

// ---- (e) guide detail vs a bare node:http server --------------------------------------------

async function benchGuide(srv, ctx) {
  const { bytes, etag, api, base, cond } = await versusBare(srv, `/api/services/${ctx.serviceId}`, { conditional: true });
  results.guide = { bytes, etag, api, bare: base, ratio: round(api.rps / base.rps, 3) };
  row('guide detail', fmt(api), fmt(base), `${(results.guide.ratio * 100).toFixed(1)}% of bare`, `${bytes} B body; non-2xx ${api.non2xx}`);
  log(`(e) guide: API ${fmt(api)}; bare ${fmt(base)}`);
  if (cond) {
    results.guide.conditional = { api: cond, ratio: round(cond.rps / base.rps, 3) };
    row('guide detail, If-None-Match (304)', fmt(cond), fmt(base), `${(results.guide.conditional.ratio * 100).toFixed(1)}% of bare`, `non-2xx (the 304s) ${cond.non2xx}`);
    log(`(e) guide 304: API ${fmt(cond)}`);
  }
}

// ---- (f) refusals once the slot is full ----------------------------------------------------

async function benchRefusals(srv, ctx) {
  const { api, sqlPool, serviceId } = ctx;
  const full = ctx.fullSlot;
  if (!full || full.losers.length === 0) throw new Error('refusals need the full slot of the booking round');
  let k = 0;
  const by = {};
  await timedLoad(() => api.post('/api/bookings', { slotId: full.id, serviceId }, { token: full.losers[k++ % full.losers.length].token }), 1); // warm-up
  const cpu0 = h.cpuMsOf(srv.pid);
  const apiR = await timedLoad(async () => {
    const a = await api.post('/api/bookings', { slotId: full.id, serviceId }, { token: full.losers[k++ % full.losers.length].token });
    const key = a.status === 201 ? 'created' : `${a.status} ${a.body && a.body.code}`;
    by[key] = (by[key] || 0) + 1;
  });
  apiR.cpuMsPerReq = round((h.cpuMsOf(srv.pid) - cpu0) / Math.max(1, apiR.n), 3);
  const sqlR = await timedLoad(() => sqlPool.execute('SELECT booked, held, capacity, active FROM slots WHERE id = ?', [full.id]));
  results.refusals = {
    api: { ...apiR, outcomes: by },
    mysql2OneRead: sqlR,
    bookingRate: full.bookingRate,
    timesBookingRate: round(apiR.rps / full.bookingRate, 2),
    ratioToOneRead: round(apiR.rps / sqlR.rps, 3),
  };
  row(
    'refusals, slot full (SLOT_FULL)',
    fmt(apiR),
    `booking (1 slot) ${full.bookingRate}/s; one slot read via mysql2 ${fmt(sqlR)}`,
    `${results.refusals.timesBookingRate}× booking; ${(results.refusals.ratioToOneRead * 100).toFixed(1)}% of mysql2`,
    JSON.stringify(by),
  );
  log(`(f) refusals: API ${fmt(apiR)} ${JSON.stringify(by)}; mysql2 one read ${fmt(sqlR)}; booking ${full.bookingRate}/s`);
}

// ---- (g) booking with 500 open ticket streams ----------------------------------------------

/** Opens an SSE stream; resolves once its first event came. `events` counts every event after that. */
function openStream(srv, p, token) {
  const u = new URL(srv.url);
  return new Promise((resolve, reject) => {
    const s = { events: 0, req: null, closed: false };
    const timer = setTimeout(() => reject(new Error(`stream ${p}: no first event in 30 s`)), 30_000);
    s.req = http.get({ host: u.hostname, port: u.port, path: p, agent: false, headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) {
        clearTimeout(timer);
        reject(new Error(`stream ${p}: ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const ev = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (!/^data:/m.test(ev)) continue;
          if (s.events++ === 0) {
            clearTimeout(timer);
            resolve(s);
          }
        }
      });
      res.on('close', () => (s.closed = true));
    });
    s.req.on('error', (e) => {
      if (!s.closed) reject(e);
    });
  });
}

async function benchStreams(srv, ctx) {
  const { api, admin, hallId, serviceId, sqlPool, users } = ctx;
  const n = users.length;
  const many = Math.max(2, Math.round(n / 10));
  const newSlots = async (day) => {
    const ids = [];
    for (let i = 0; i < many; i++) {
      const r = await api.post('/api/admin/slots', slotRequest({ hallId, serviceId, start: startOn(day, 9, i * 5), capacity: 10 }), { token: admin });
      if (r.status !== 201) throw new Error(`slot ${r.status} ${r.text}`);
      ids.push(r.body.id);
    }
    return ids;
  };
  // two rounds without streams and two with them, as A B B A on four days, so that drift over the run
  // (the database warming, the tables growing) weighs on both sides alike
  const days = [];
  for (let d = 6; d < 10; d++) days.push(await newSlots(shanghaiDay(d)));
  const round_ = (slots) => bookingRound(api, users, (i) => slots[i % many], serviceId);
  const quietA = await round_(days[0]);

  // STREAMS waiting tickets of today in the hall, held by the bench users (rows as POST /halls/:id/tickets
  // writes them: taking one through the API is refused after the hall's closing time, and the bench runs at any hour)
  const today = shanghaiDay(0);
  const now = new Date();
  const tickets = [];
  for (let i = 0; i < STREAMS; i++) {
    const u = users[i % n];
    const id = randomUUID();
    const seq = 5000 + i;
    tickets.push({ id, token: u.token });
    await sqlPool.execute(
      `INSERT INTO queue_tickets (id, hall_id, service_id, day, lane, seq, number, status, user_id, green_requested, green_confirmed, taken_at, queued_at, call_count, requeue_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'normal', ?, ?, 'waiting', ?, 0, 0, ?, ?, 0, 0, ?, ?)`,
      [id, hallId, serviceId, today, seq, `N${seq}`, u.userId, new Date(now.getTime() + i), new Date(now.getTime() + i), now, now],
    );
  }
  const t0 = performance.now();
  const streams = await h.pool(tickets, 50, (t) => openStream(srv, `/api/tickets/${t.id}/events`, t.token));
  const openMs = Math.round(performance.now() - t0);

  // a window calls, serves and finishes a ticket every half second meanwhile: every stream moves
  const win = await api.post(`/api/admin/halls/${hallId}/windows`, { name: `压测窗口${randomBytes(2).toString('hex')}` }, { token: admin });
  if (win.status !== 201) throw new Error(`window ${win.status} ${win.text}`);
  let calling = true;
  let calls = 0;
  const caller = (async () => {
    while (calling) {
      const c = await api.post(`/api/staff/windows/${win.body.id}/call-next`, {}, { token: admin });
      if (c.status === 200) {
        calls++;
        await api.post(`/api/staff/tickets/${c.body.id}/serve`, {}, { token: admin });
        await api.post(`/api/staff/tickets/${c.body.id}/finish`, {}, { token: admin });
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  const eventsBefore = streams.reduce((a, s) => a + s.events, 0);
  const busyA = await round_(days[1]);
  const busyB = await round_(days[2]);
  calling = false;
  await caller;
  await new Promise((r) => setTimeout(r, 1500)); // the last call's events
  const events = streams.reduce((a, s) => a + s.events, 0) - eventsBefore;
  const stillOpen = streams.filter((s) => !s.closed).length;
  for (const s of streams) s.req.destroy();
  await new Promise((r) => setTimeout(r, 1000));
  const quietB = await round_(days[3]);
  const merge = (a, b) => ({ ...h.latencyStats([...a.answers, ...b.answers].map((x) => x.ms), a.wallMs + b.wallMs), outcomes: { a: a.outcomes, b: b.outcomes } });
  const quiet = merge(quietA, quietB);
  const busy = merge(busyA, busyB);

  results.streams = {
    streams: STREAMS,
    openMs,
    stillOpen,
    callsDuringRound: calls,
    eventsDuringRound: events,
    without: quiet,
    with: busy,
    p99Rise: round(busy.p99 / quiet.p99 - 1, 3),
    goal: 'p99 rises by no more than half (≤ 0.5)',
  };
  const f = (x) => `${x.perSec} /s, p50 ${x.p50} ms, p99 ${x.p99} ms`;
  row(`book with ${STREAMS} ticket streams open`, f(busy), `same round, no streams: ${f(quiet)}`, `p99 ×${round(busy.p99 / quiet.p99, 2)}`, `${calls} calls, ${events} events sent; ${stillOpen}/${STREAMS} streams open`);
  log(`(g) booking with ${STREAMS} streams: ${f(busy)} ${JSON.stringify(busy.outcomes)}; without: ${f(quiet)} ${JSON.stringify(quiet.outcomes)}; ${calls} calls, ${events} events`);
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

/** The parts on one API process on the normal MariaDB ((a) to (i)); all but the cluster race. */
async function benchOneServer() {
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

    const admin = await h.adminToken(api, env);
    const { hallId, serviceId } = await h.bookableService(api);
    const needUsers = ['booking', 'refusals', 'streams', 'filings', 'uploads', 'exports'].some(wanted);
    log(`准备 ${needUsers ? USERS : 0} 位实名用户…`);
    const t0 = performance.now();
    const users = needUsers ? await h.pool(Array.from({ length: USERS }), 16, () => h.verifiedCitizen(api, sms)) : [];
    results.setup = { users: USERS, signUpMs: Math.round(performance.now() - t0) };
    const ctx = { api, admin, hallId, serviceId, sqlPool, users };

    if (wanted('search')) await benchSearch(srv);
    if (wanted('guide')) await benchGuide(srv, ctx);
    const countersBefore = wanted('booking') ? await issue19.bookingCounters(srv, env.METRICS_TOKEN) : null;
    if (wanted('booking') || wanted('refusals')) await benchBooking(srv, ctx);
    if (countersBefore) issue19.checkBookingCounters(countersBefore, await issue19.bookingCounters(srv, env.METRICS_TOKEN), [results.booking.oneSlot.api.outcomes, results.booking.manySlots.api.outcomes], { results, row, log });
    if (wanted('refusals')) await benchRefusals(srv, ctx);
    if (wanted('streams')) await benchStreams(srv, ctx);
    const owner = wanted('filings') || wanted('uploads') ? await benchFilings(srv, ctx) : null;
    if (wanted('uploads')) await benchUploads(srv, ctx, owner);
    if (wanted('exports')) await issue19.benchExports({ srv, ...ctx }, { results, row, log });
    if (wanted('flash')) await flash.benchFlash({ srv, env, sms, database, logFile, ...ctx }, { results, row, log, shanghaiDay, startOn });
  } finally {
    await h.teardown({ api, sqlPool, srv, sms, database });
    fs.rmSync(env.UPLOAD_DIR, { recursive: true, force: true });
  }
}

async function main() {
  const started = Date.now();
  await ensureInstalled();
  if (ONE_SERVER_PARTS.some(wanted)) await benchOneServer();
  if (wanted('cluster')) await cluster.benchCluster({ results, row, log, shanghaiDay, startOn });

  results.totalSeconds = Math.round((Date.now() - started) / 1000);
  results.machine.loadAverageAtEnd = os.loadavg().map((x) => round(x, 1));
  printTable();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, process.env.BENCH_OUT || 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`结果已写入 bench/${process.env.BENCH_OUT || 'results.json'}（用时 ${results.totalSeconds} 秒）`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
