'use strict';
/**
 * The cluster race of issue 18 (`BENCH_ONLY=cluster`; part of the default run). A three-node MariaDB
 * Galera cluster (scripts/cluster.js: up at the start, down at the end, also on failure), the API's
 * production build four times on one throwaway database: instances 1, 2, 3 on nodes 1, 2, 3, and a
 * fourth, alone, on node 1. CLUSTER_USERS signed-in, verified users (600) book, CLUSTER_CONCURRENCY (32)
 * at a time, spread round-robin over the instances of a set-up:
 *   - one slot of CLUSTER_CAPACITY places (200): exactly that many booked (answers, and the counter and
 *     rows on every node), the rest SLOT_FULL, no 5xx; then USERS / 20 slots of 20 (a place for everyone),
 *   - each on "3 instances on 3 nodes" and, as the baseline of the same run, "1 instance on 1 node"
 *     (in the order A B B A so that drift over the run weighs on both alike),
 *   - the one-slot race once more on the three instances with node 3 SIGKILLed after a sixth of the
 *     answers: every 201 is a booking on both surviving nodes and the slot is not over its capacity.
 * Throughput is answers (bookings and refusals) per second. Deadlock retries: /api/metrics has no
 * counter of them, so they are counted from the instances' logs (the transaction runner's
 * "transaction retry" warning), beside the nodes' own wsrep_local_cert_failures + wsrep_local_bf_aborts.
 * The bench's cluster lives in <tmp>/zwt-bench-cluster on SQL ports 26306-26308 (BENCH_CLUSTER_DIR,
 * BENCH_CLUSTER_PORT), away from the one `npm run test:cluster` starts (23306…): the bench kills a node.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./harness');
const { crowdOf } = require('./flash');
const { slotRequest } = require('../../test/support/slot-request');

const USERS = Number(process.env.CLUSTER_USERS || 600);
const CAPACITY = Number(process.env.CLUSTER_CAPACITY || 200);
const CONCURRENCY = Number(process.env.CLUSTER_CONCURRENCY || 32);
const PER_SLOT = 20;
const round = (n, d = 2) => Number(Number(n).toFixed(d));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** scripts/cluster.js on the bench's own folder and ports. */
function galera() {
  process.env.ZWT_CLUSTER_DIR = process.env.BENCH_CLUSTER_DIR || path.join(os.tmpdir(), 'zwt-bench-cluster');
  process.env.ZWT_CLUSTER_PORT = process.env.BENCH_CLUSTER_PORT || '26306';
  return require('../cluster');
}

/** One query on one node, after every write set the cluster committed before it (wsrep_sync_wait). */
async function onNode(node, database, sql, params = []) {
  const mysql = require('mysql2/promise');
  const conn = await mysql.createConnection({ uri: `${node.url}/${database}`, connectTimeout: 5000 });
  try {
    await conn.query('SET SESSION wsrep_sync_wait = 1');
    const [rows] = await conn.query(sql, params);
    return rows;
  } finally {
    await conn.end();
  }
}

/** The slots' booked counters and their booking rows, as each node sees them. */
const countsOn = (nodes, database, slotIds) =>
  Promise.all(
    nodes.map(async (node) => {
      const [r] = await onNode(node, database, "SELECT SUM(booked) AS booked, MAX(booked - capacity) AS over_, (SELECT COUNT(*) FROM bookings WHERE status = 'booked' AND slot_id IN (?)) AS rows_ FROM slots WHERE id IN (?)", [slotIds, slotIds]);
      return { node: node.n, booked: Number(r.booked), bookingRows: Number(r.rows_), overCapacity: Math.max(0, Number(r.over_)) };
    }),
  );

/** Certification failures and brute-force aborts so far, summed over `nodes`. */
async function galeraConflicts(nodes, database) {
  let n = 0;
  for (const node of nodes) {
    const rows = await onNode(node, database, "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_cert_failures', 'wsrep_local_bf_aborts')");
    for (const r of rows) n += Number(r.Value);
  }
  return n;
}

/** The transaction runner's retry warnings in an instance's log so far. */
function retriesIn(instance) {
  try {
    return fs.readFileSync(instance.logFile, 'utf8').split('transaction retry').length - 1;
  } catch {
    return 0;
  }
}

/**
 * Every user books once through the instances in turn (user i on instance i mod k), CONCURRENCY at a
 * time; `onAnswer` sees each answer as it comes. Latency per request; throughput is answers per second.
 */
async function race(instances, users, slotFor, serviceId, onAnswer = () => undefined) {
  const t0 = performance.now();
  const answers = await h.pool(users, CONCURRENCY, async (u, i) => {
    const k = i % instances.length;
    const t = performance.now();
    const r = await instances[k].client.post('/api/bookings', { slotId: slotFor(i), serviceId }, { token: u.token }).catch((e) => ({ status: 0, body: { code: e.code || e.message } }));
    const a = { status: r.status, code: r.body && r.body.code, id: r.status === 201 ? r.body.id : null, instance: k + 1, ms: performance.now() - t };
    onAnswer(a);
    return a;
  });
  const wall = performance.now() - t0;
  const outcomes = {};
  for (const a of answers) {
    const key = a.status === 201 ? 'created' : a.status === 0 ? 'no answer' : `${a.status} ${a.code}`;
    outcomes[key] = (outcomes[key] || 0) + 1;
  }
  return {
    ...h.latencyStats(answers.map((a) => a.ms), wall),
    outcomes,
    created: answers.filter((a) => a.status === 201).length,
    full: answers.filter((a) => a.status === 409 && a.code === 'SLOT_FULL').length,
    x5xx: answers.filter((a) => a.status >= 500).length,
    noAnswer: answers.filter((a) => a.status === 0).length,
    answers,
  };
}

/** The round's figures without the raw answers (for results.json). */
const strip = ({ answers: _a, ...r }) => r;

async function benchCluster({ results, row, log, shanghaiDay, startOn }) {
  const started = Date.now();
  const cluster = galera();
  const { NODES } = cluster;
  const instances = [];
  let sms = null;
  let sqlPool = null;
  let env = null;
  try {
    // 1. the build (before the cluster: a failed build leaves no node behind), then the cluster; when it
    // cannot start, the row says so and the bench goes on
    const { buildIfStale } = require('../lib');
    await buildIfStale('共享包', path.join(h.ROOT, 'shared/dist/index.js'), ['shared/src'], 'build:shared');
    await buildIfStale('服务端', path.join(h.ROOT, 'server/dist/main.js'), ['server/src', 'shared/src'], 'build:server');
    const t0 = Date.now();
    try {
      await cluster.up();
    } catch (e) {
      const why = String(e.message || e).split('\n')[0];
      log(`(j) cluster: the Galera cluster did not start: ${e.stack || e}`);
      results.cluster = { skipped: `the cluster did not start: ${why}` };
      row('cluster race (3-node Galera)', `not run: the cluster did not start (${why})`, '—', '—', 'the other parts are unaffected');
      return;
    }
    const upSeconds = round((Date.now() - t0) / 1000, 1);

    // 2. the API four times on one database: 1, 2, 3 on nodes 1, 2, 3; the fourth alone on node 1
    const t1 = Date.now();
    const database = `zwt_bench_cluster_${Date.now().toString(36)}`;
    await onNode(NODES[0], '', `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    sms = await h.startFakeSms();
    env = h.productionEnv({ database, port: 0, smsUrl: sms.url, extra: { SEED_DEMO: '0' } });
    fs.mkdirSync(path.join(h.ROOT, 'test-results'), { recursive: true });
    const start = async (name, node, extra = {}) => {
      const port = await h.freePort();
      const logFile = path.join(h.ROOT, 'test-results', `bench-${database}-${name}.log`);
      const srv = await h.startServer({ ...env, PORT: String(port), DATABASE_URL: `${node.url}/${database}`, ...extra }, { logFile });
      const it = { name, node, srv, logFile, client: h.jsonClient(srv.url, CONCURRENCY + 8) };
      instances.push(it);
      return it;
    };
    log(`(j) cluster: API 实例 1 启动于节点 1（迁移、演示数据）…`);
    const first = await start('instance1', NODES[0], { SEED_DEMO: '1' }); // migrates and seeds; the others find it done
    log(`(j) cluster: 实例 1 就绪（${round((Date.now() - t1) / 1000, 1)} s），实例 2、3 与单独实例启动…`);
    const [second, third, alone] = await Promise.all([start('instance2', NODES[1]), start('instance3', NODES[2]), start('alone', NODES[0])]);
    const three = [first, second, third];
    const instancesSeconds = round((Date.now() - t1) / 1000, 1);

    const api = first.client;
    const admin = await h.adminToken(api, env);
    const { hallId, serviceId } = await h.bookableService(api);
    const mysql = require('mysql2/promise');
    sqlPool = mysql.createPool({ uri: `${NODES[0].url}/${database}`, connectionLimit: 4, timezone: 'Z' });
    const t2 = Date.now();
    const users = await crowdOf(USERS, { api, sms, sqlPool, jwtSecret: env.JWT_SECRET });
    log(`(j) cluster up in ${upSeconds} s, 4 instances in ${instancesSeconds} s, ${USERS} users in ${Date.now() - t2} ms`);

    const newSlots = async (day, n, capacity) => {
      const ids = await h.pool(Array.from({ length: n }), 4, async (_, i) => {
        const r = await api.post('/api/admin/slots', slotRequest({ hallId, serviceId, start: startOn(day, 9, i * 5), capacity }), { token: admin });
        if (r.status !== 201) throw new Error(`slot ${r.status} ${r.text}`);
        return r.body.id;
      });
      await countsOn(NODES, database, ids); // every node has applied them before anybody books
      return ids;
    };
    /** One round on `set` and its checks on `nodes`: exact when the answers and every node say `expected` booked. */
    const measured = async (name, set, slotIds, expected, nodes = NODES) => {
      const retries0 = set.map(retriesIn);
      const conflicts0 = await galeraConflicts(nodes, database);
      const r = await race(set, users, (i) => slotIds[i % slotIds.length], serviceId);
      await sleep(300); // the last log lines
      const retries = set.reduce((n, it, k) => n + retriesIn(it) - retries0[k], 0);
      const conflicts = (await galeraConflicts(nodes, database)) - conflicts0;
      const counts = await countsOn(nodes, database, slotIds);
      const exact = r.created === expected && r.full === USERS - expected && r.x5xx === 0 && r.noAnswer === 0 && counts.every((c) => c.booked === expected && c.bookingRows === expected);
      log(`(j) cluster ${name}: ${r.perSec} answers/s, p50 ${r.p50} ms, p99 ${r.p99} ms ${JSON.stringify(r.outcomes)}; nodes ${JSON.stringify(counts)}; ${retries} tx retries, ${conflicts} Galera conflicts`);
      return { ...r, retries, galeraConflicts: conflicts, counts, exact };
    };

    // 3. the races, A B B A
    const hotAll = Math.min(USERS, CAPACITY);
    const slotsMany = Math.ceil(USERS / PER_SLOT);
    const hotThree = await measured('1 slot, 3 instances', three, await newSlots(shanghaiDay(2), 1, CAPACITY), hotAll);
    const hotAlone = await measured('1 slot, 1 instance', [alone], await newSlots(shanghaiDay(3), 1, CAPACITY), hotAll);
    const manyAlone = await measured('many slots, 1 instance', [alone], await newSlots(shanghaiDay(4), slotsMany, PER_SLOT), USERS);
    const manyThree = await measured('many slots, 3 instances', three, await newSlots(shanghaiDay(5), slotsMany, PER_SLOT), USERS);
    const f = (x) => `${x.perSec} answers/s, p50 ${x.p50} ms, p99 ${x.p99} ms`;
    const note = (x) =>
      `${x.created} booked, ${x.full} SLOT_FULL, ${x.x5xx} × 5xx${x.noAnswer ? `, ${x.noAnswer} unanswered` : ''}${x.exact ? '' : ' (NOT AS IT MUST BE)'}; ` +
      `nodes ${x.counts.map((c) => c.booked).join('/')} booked, ${x.counts.map((c) => c.bookingRows).join('/')} rows; ${x.retries} tx retries, ${x.galeraConflicts} Galera conflicts`;
    row(`cluster: ${USERS} users → 1 slot of ${CAPACITY}, 3 instances on 3 nodes`, f(hotThree), `1 instance on 1 node: ${f(hotAlone)}`, `${round(hotThree.perSec / hotAlone.perSec)}× one node`, `${note(hotThree)} (alone: ${note(hotAlone)})`);
    row(`cluster: ${USERS} users → ${slotsMany} slots of ${PER_SLOT}, 3 instances on 3 nodes`, f(manyThree), `1 instance on 1 node: ${f(manyAlone)}`, `${round(manyThree.perSec / manyAlone.perSec)}× one node`, `${note(manyThree)} (alone: ${note(manyAlone)})`);

    // 4. the one-slot race on the three instances, node 3 SIGKILLed after a sixth of the answers
    const killAt = Math.max(1, Math.round(USERS / 6));
    const [killSlot] = await newSlots(shanghaiDay(6), 1, CAPACITY);
    const survivors = NODES.slice(0, 2);
    const before = await galeraConflicts(survivors, database);
    let answered = 0;
    let killing = null;
    let dead = false;
    let bookedAfterKill = 0;
    const t3 = performance.now();
    const storm = await race(three, users, () => killSlot, serviceId, (a) => {
      if (++answered === killAt) {
        log(`(j) cluster: SIGKILL node 3 after ${killAt} answers`);
        killing = cluster.killNode(NODES[2]).then(() => void (dead = true));
      }
      if (dead && a.status === 201) bookedAfterKill++;
    });
    await killing;
    const stormMs = Math.round(performance.now() - t3);
    const acknowledged = storm.answers.filter((a) => a.status === 201).map((a) => a.id);
    const found = await Promise.all(
      survivors.map(async (node) => {
        const rows = acknowledged.length ? await onNode(node, database, "SELECT id FROM bookings WHERE status = 'booked' AND id IN (?)", [acknowledged]) : [];
        return rows.length;
      }),
    );
    const counts = await countsOn(survivors, database, [killSlot]);
    const conflicts = (await galeraConflicts(survivors, database)) - before;
    const lost = Math.max(...found.map((n) => acknowledged.length - n));
    const byInstance = (k) => storm.answers.filter((a) => a.instance === k).reduce((m, a) => ({ ...m, [a.status === 201 ? 'created' : `${a.status} ${a.code}`]: (m[a.status === 201 ? 'created' : `${a.status} ${a.code}`] || 0) + 1 }), {});
    const survivors5xx = storm.answers.filter((a) => a.instance < 3 && (a.status >= 500 || a.status === 0)).length;
    const overCapacity = counts.some((c) => c.booked > CAPACITY || c.overCapacity > 0);
    const agree = counts.every((c) => c.booked === counts[0].booked && c.bookingRows === c.booked);
    const nodeKilled = {
      killedAfterAnswers: killAt,
      acknowledged: acknowledged.length,
      foundOnSurvivors: found,
      lost,
      bookedAfterKill,
      counts,
      overCapacity,
      survivorsAgree: agree,
      survivors5xx,
      instance3: byInstance(3),
      survivorInstances: { 1: byInstance(1), 2: byInstance(2) },
      galeraConflicts: conflicts,
      ms: stormMs,
      ...h.latencyStats(storm.answers.map((a) => a.ms), stormMs),
    };
    log(`(j) cluster node 3 killed: ${JSON.stringify(nodeKilled)}`);
    row(
      `cluster: node 3 SIGKILLed mid-storm (${USERS} → 1 slot of ${CAPACITY})`,
      `${acknowledged.length} × 201 acknowledged, ${found.join(' / ')} of them on nodes 1 / 2`,
      `booked on nodes 1 / 2: ${counts.map((c) => c.booked).join(' / ')} of ${CAPACITY}`,
      `${lost} lost${overCapacity ? ', OVER CAPACITY' : ''}`,
      `killed after ${killAt} answers, ${bookedAfterKill} booked after; instance 3 ${JSON.stringify(nodeKilled.instance3)}; ${survivors5xx} × 5xx on instances 1–2; counts ${agree ? 'agree' : 'DISAGREE'}; ${nodeKilled.perSec} answers/s, p99 ${nodeKilled.p99} ms`,
    );

    results.cluster = {
      users: USERS,
      capacity: CAPACITY,
      concurrency: CONCURRENCY,
      setup: { clusterUpSeconds: upSeconds, instancesSeconds, nodes: NODES.map((n) => n.url) },
      oneSlot: { threeOnThree: strip(hotThree), oneOnOne: strip(hotAlone), ratio: round(hotThree.perSec / hotAlone.perSec, 3) },
      manySlots: { slots: slotsMany, capacity: PER_SLOT, threeOnThree: strip(manyThree), oneOnOne: strip(manyAlone), ratio: round(manyThree.perSec / manyAlone.perSec, 3) },
      nodeKilled,
      retriesNote: '/api/metrics has no retry counter: retries counted from the instances\' "transaction retry" log lines; Galera conflicts = wsrep_local_cert_failures + wsrep_local_bf_aborts over the nodes',
      goal: 'exactly the capacity booked on every node, the rest SLOT_FULL, 0 × 5xx; with a node killed, 0 acknowledged bookings lost and no over-capacity',
    };
    const bad = [
      ...[hotThree, hotAlone, manyAlone, manyThree].filter((x) => !x.exact).map((x) => `${x === hotThree || x === manyThree ? '3 instances' : '1 instance'} ${JSON.stringify(x.outcomes)}`),
      ...(lost ? [`${lost} acknowledged bookings lost`] : []),
      ...(overCapacity ? ['over capacity after the kill'] : []),
      ...(agree ? [] : ['the survivors disagree']),
      ...(bookedAfterKill ? [] : ['no booking after the kill: it fell outside the storm']),
    ];
    if (bad.length) {
      log(`!! cluster race not as it must be: ${bad.join('; ')}`);
      results.cluster.problems = bad;
      process.exitCode = 1;
    }
  } catch (e) {
    log(`(j) cluster: failed: ${e.stack || e}`);
    results.cluster = { ...(results.cluster || {}), failed: String(e.message || e) };
    row('cluster race (3-node Galera)', `FAILED: ${String(e.message || e).split('\n')[0]}`, '—', '—', 'see the log above');
    process.exitCode = 1;
  } finally {
    await Promise.all(
      instances.map(async (it) => {
        it.client.close();
        it.srv.child.kill('SIGTERM');
        await Promise.race([it.srv.exited, sleep(10_000)]);
        it.srv.child.kill('SIGKILL');
      }),
    );
    await sqlPool?.end().catch(() => undefined);
    await sms?.close();
    if (env) fs.rmSync(env.UPLOAD_DIR, { recursive: true, force: true });
    await cluster.down().catch((e) => log(`(j) cluster down: ${e.message}`));
    if (results.cluster) results.cluster.seconds = Math.round((Date.now() - started) / 1000);
    log(`(j) cluster part: ${Math.round((Date.now() - started) / 1000)} s`);
  }
}

module.exports = { benchCluster };
