'use strict';
/**
 * Bench pieces of issue 19 (exports and metrics), called from scripts/bench.js; also runnable alone:
 * `node scripts/bench/exports.js` (production build on a throwaway MariaDB database, as bench.js).
 *   benchExports: EXPORT_BOOKINGS (default 10,000) bookings of one hall's day exported as .xlsx; peak RSS of
 *     the API process against its idle RSS (the growth must stay under 50 MB), and the file read back.
 *   bookingCounters / checkBookingCounters: zwt_bookings_total scraped from /api/metrics around the
 *     booking bench, compared with the bench's own counts of 201 and refused answers.
 */
const { randomBytes, randomUUID } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./harness');

const round = (n, d = 1) => Number(Number(n).toFixed(d));

/** Insert `n` bookings of one hall's day (status spread over the day's kinds), for `users` in turn, straight into the database. */
async function seedBookings(sqlPool, { n, day, hallId, serviceId, users }) {
  const statuses = ['checked_in', 'checked_in', 'no_show', 'cancelled', 'booked'];
  const dayStart = Date.parse(`${day}T00:00:00Z`) - 8 * 3600_000;
  for (let done = 0; done < n; ) {
    const batch = [];
    for (let i = 0; i < 1000 && done < n; i++, done++) {
      const u = users[done % users.length];
      const start = new Date(dayStart + 9 * 3600_000 + (done % 16) * 30 * 60_000);
      const status = statuses[done % statuses.length];
      batch.push([
        randomUUID(), u.userId, u.userId, null, `bench:${randomUUID().slice(0, 30)}`, randomUUID(), serviceId, hallId, day, start, new Date(start.getTime() + 30 * 60_000),
        'regular', status, `X${randomBytes(6).toString('hex').toUpperCase()}`, null, start, status === 'checked_in' ? start : null, status === 'no_show' ? start : null,
      ]);
    }
    await sqlPool.query(
      `INSERT INTO bookings (id, user_id, actor_id, enterprise_id, principal_key, slot_id, service_id, hall_id, day, start_at, end_at, kind, status, code, active_key, created_at, checked_in_at, no_show_at) VALUES ?`,
      [batch],
    );
  }
}

/** Stream a GET to a file; answers the status and the byte count. */
async function download(url, token, file) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`export ${res.status} ${await res.text()}`);
  const out = fs.createWriteStream(file);
  let bytes = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return bytes;
}

/**
 * The bookings export of a busy day. `ctx`: { srv, admin, hallId, serviceId, sqlPool, users };
 * `report`: { results, row, log } of the caller's table. Throws when the growth is 50 MB or more or
 * the file does not read back with every booking and masked phones.
 */
async function benchExports(ctx, report) {
  const n = Number(process.env.EXPORT_BOOKINGS || 10_000);
  const day = '2026-01-05';
  await seedBookings(ctx.sqlPool, { n, day, hallId: ctx.hallId, serviceId: ctx.serviceId, users: ctx.users });
  const file = path.join(os.tmpdir(), `zwt-bench-export-${process.pid}.xlsx`);
  const url = `${ctx.srv.url}/api/staff/exports/bookings.xlsx?date=${day}&hallId=${ctx.hallId}`;
  await download(url, ctx.admin, file); // warm-up: JIT, exceljs loaded, pool filled
  await new Promise((r) => setTimeout(r, 1500));
  const idle = h.memOf(ctx.srv.pid).rssKb;
  const sampler = h.sampleRss(ctx.srv.pid, 10);
  const t0 = performance.now();
  const bytes = await download(url, ctx.admin, file);
  const wall = performance.now() - t0;
  const peak = sampler.stop();

  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('预约签到');
  const rows = sheet.rowCount - 1;
  const phones = new Set(ctx.users.map((u) => u.phone));
  let unmaskedPhones = 0;
  sheet.eachRow((r) => {
    if (phones.has(String(r.getCell(8).value))) unmaskedPhones++;
  });
  fs.rmSync(file, { force: true });

  const growthMb = round((peak - idle) / 1024);
  report.results.exports = { bookings: n, rows, unmaskedPhones, bytes, wallMs: Math.round(wall), idleRssMb: round(idle / 1024), peakRssMb: round(peak / 1024), growthMb };
  report.row(`export ${n} bookings (.xlsx, streamed)`, `peak RSS ${round(peak / 1024)} MB (+${growthMb} MB)`, `idle RSS ${round(idle / 1024)} MB`, growthMb < 50 ? 'under 50 MB' : 'OVER 50 MB', `${rows} rows, ${round(bytes / 1024 / 1024, 2)} MB in ${(wall / 1000).toFixed(1)} s`);
  report.log(`(e) export: ${rows}/${n} rows, ${bytes} bytes in ${Math.round(wall)} ms; RSS idle ${round(idle / 1024)} MB → peak ${round(peak / 1024)} MB (+${growthMb} MB)`);
  if (rows !== n || unmaskedPhones !== 0) throw new Error(`export read back ${rows} rows of ${n}, ${unmaskedPhones} unmasked phones`);
  if (growthMb >= 50) throw new Error(`export grew the API by ${growthMb} MB (limit 50 MB)`);
}

/** zwt_bookings_total by result, scraped from /api/metrics (METRICS_TOKEN from the server's env when set). */
async function bookingCounters(srv, token) {
  const res = await fetch(`${srv.url}/api/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (res.status !== 200) throw new Error(`metrics ${res.status}`);
  const text = await res.text();
  const get = (result) => Number((new RegExp(`^zwt_bookings_total\\{result="${result}"\\} (\\S+)$`, 'm').exec(text) || [])[1] || 0);
  return { booked: get('booked'), refused: get('refused') };
}

/**
 * Compare the counters' growth over the booking bench with its own outcome counts (`outcomes`: maps
 * of `created` or `<status> <code>` to a count, as bookingRound gives them).
 */
function checkBookingCounters(before, after, outcomesList, report) {
  const seen = { booked: 0, refused: 0 };
  for (const outcomes of outcomesList)
    for (const [k, v] of Object.entries(outcomes)) {
      if (k === 'created') seen.booked += v;
      else {
        const status = Number(k.split(' ')[0]);
        if (status >= 400 && status < 500 && status !== 401 && status !== 429) seen.refused += v;
      }
    }
  const scraped = { booked: after.booked - before.booked, refused: after.refused - before.refused };
  const match = scraped.booked === seen.booked && scraped.refused === seen.refused;
  report.results.metrics = { bench: seen, scraped, match };
  report.row('/api/metrics over the booking bench', `booked ${scraped.booked}, refused ${scraped.refused}`, `bench saw ${seen.booked}, ${seen.refused}`, match ? 'match' : 'MISMATCH');
  report.log(`(b') metrics: zwt_bookings_total grew booked ${scraped.booked} / refused ${scraped.refused}; the bench saw ${seen.booked} / ${seen.refused}${match ? '' : ' — MISMATCH'}`);
  if (!match) throw new Error('zwt_bookings_total does not match the booking bench');
}

module.exports = { benchExports, bookingCounters, checkBookingCounters };

// ---- alone: node scripts/bench/exports.js --------------------------------------------------

async function main() {
  const { log } = require('../lib');
  const { database, sms, logFile, env } = await h.prepare();
  const results = {};
  const rows = [];
  let srv = null;
  let sqlPool = null;
  let api = null;
  try {
    srv = await h.startServer(env, { logFile });
    api = h.jsonClient(srv.url, 16);
    sqlPool = require('mysql2/promise').createPool({ uri: `${h.MYSQL_ROOT_URL}/${database}`, connectionLimit: 4, timezone: 'Z' });
    const admin = (await api.post('/api/auth/staff/login', { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD })).body.accessToken;
    const halls = (await api.get('/api/halls')).body;
    const services = (await api.get('/api/services?pageSize=5')).body.items;
    const users = await h.pool(Array.from({ length: 20 }), 4, () => h.verifiedCitizen(api, sms));
    await benchExports({ srv, admin, hallId: halls[0].id, serviceId: services[0].id, sqlPool, users }, { results, log, row: (...r) => rows.push(r) });
    console.table(rows.map(([what, subject, base, ratio, note]) => ({ what, subject, base, ratio, note })));
  } finally {
    await h.teardown({ api, sqlPool, srv, sms, database });
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e.stack || e}\n`);
    process.exit(1);
  });
}
