'use strict';
/**
 * A three-node MariaDB Galera cluster on this machine (issue 18), beside the normal MariaDB on 3306:
 *
 *   npm run cluster:up     three `mariadbd` (own datadir, own --defaults-file, own SQL/gcomm/IST/SST
 *                          ports on 127.0.0.1), the first bootstrapping with --wsrep-new-cluster, the
 *                          other two joining by rsync SST; returns when all three are Synced
 *   npm run cluster:down   stops the three and removes their folder
 *   npm run test:cluster   up, the races of server/test/cluster/*.cluster.ts on it, down (also on failure)
 *
 * The nodes live in $ZWT_CLUSTER_DIR (default: <tmp>/zwt-cluster); SQL on 127.0.0.1:23306-23308 as
 * root without a password (ports moved with ZWT_CLUSTER_PORT, the first SQL port). Debian's
 * galera-4, rsync and iproute2 are installed with apt-get when they are missing. As root the servers run as
 * the `mysql` user (--user=mysql); as anyone else, as that user.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, log, run, ensureInstalled, buildIfStale, portOpen } = require('./lib');

const DIR = process.env.ZWT_CLUSTER_DIR || path.join(os.tmpdir(), 'zwt-cluster');
const BASE = Number(process.env.ZWT_CLUSTER_PORT || 23306);
const PROVIDER = '/usr/lib/galera/libgalera_smm.so';
const MARIADBD = '/usr/sbin/mariadbd';
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const SIZE = 3;

/** Each node's ports and files; node 1 bootstraps the cluster. */
const NODES = Array.from({ length: SIZE }, (_, i) => {
  const n = i + 1;
  const dir = path.join(DIR, `node${n}`);
  return {
    n,
    name: `node${n}`,
    dir,
    datadir: path.join(dir, 'data'),
    cnf: path.join(dir, 'my.cnf'),
    socket: path.join(dir, 'mysqld.sock'),
    pidFile: path.join(dir, 'mysqld.pid'),
    errorLog: path.join(dir, 'error.log'),
    sqlPort: BASE + i,
    gcommPort: BASE + 1000 + i * 10,
    istPort: BASE + 1001 + i * 10,
    sstPort: BASE + 1002 + i * 10,
    url: `mysql://root@127.0.0.1:${BASE + i}`,
  };
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function installer() {
  for (const p of ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db', '/usr/scripts/mariadb-install-db']) if (fs.existsSync(p)) return p;
  throw new Error('mariadb-install-db not found (Debian: apt-get install mariadb-server)');
}

/** Debian's Galera provider, rsync (the SST method) and ss when they are missing. */
async function ensurePackages() {
  const missing = [];
  if (!fs.existsSync(PROVIDER)) missing.push('galera-4');
  if (spawnSync('rsync', ['--version'], { stdio: 'ignore' }).status !== 0) missing.push('rsync');
  // the rsync SST script finds its listening port with ss (iproute2) or lsof
  const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  if (!has('ss') && !has('lsof')) missing.push('iproute2');
  if (!missing.length) return;
  log(`安装 Debian ${missing.join(' ')}（Galera 集群需要）…`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  } catch {
    await run('apt-get', ['update']);
    await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  }
}

function config(node) {
  const gcomm = NODES.map((o) => `127.0.0.1:${o.gcommPort}`).join(',');
  return `# written by scripts/cluster.js; node ${node.n} of ${SIZE}
[mysqld]
${IS_ROOT ? 'user = mysql' : ''}
datadir = ${node.datadir}
socket = ${node.socket}
pid-file = ${node.pidFile}
log-error = ${node.errorLog}
port = ${node.sqlPort}
bind-address = 127.0.0.1
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_general_ci
max_connections = 400
innodb_buffer_pool_size = 96M
innodb_log_file_size = 48M
# durability comes from the group: a commit is acknowledged once the write set is certified on all nodes
innodb_flush_log_at_trx_commit = 2
# what Galera needs
binlog_format = ROW
default_storage_engine = InnoDB
innodb_autoinc_lock_mode = 2
wsrep_on = ON
wsrep_provider = ${PROVIDER}
wsrep_cluster_name = zwt_cluster
wsrep_cluster_address = gcomm://${gcomm}
wsrep_node_name = ${node.name}
wsrep_node_address = 127.0.0.1:${node.gcommPort}
wsrep_provider_options = "gmcast.listen_addr=tcp://127.0.0.1:${node.gcommPort};ist.recv_addr=127.0.0.1:${node.istPort};gcache.size=64M;pc.weight=1"
wsrep_sst_method = rsync
wsrep_sst_receive_address = 127.0.0.1:${node.sstPort}
wsrep_slave_threads = 2
# a single statement outside a transaction that loses certification is retried by the server (default 1)
wsrep_retry_autocommit = 4
`;
}

function chownMysql(p) {
  if (IS_ROOT) spawnSync('chown', ['-R', 'mysql:mysql', p], { stdio: 'inherit' });
}

function pidOf(node) {
  try {
    const pid = Number(fs.readFileSync(node.pidFile, 'utf8').trim());
    if (!pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** One statement on a node as root over its socket (the TCP root account exists only once node 1 made it). */
async function query(node, sql) {
  const mysql = require('mysql2/promise');
  const conn = await mysql.createConnection({ socketPath: node.socket, user: 'root', connectTimeout: 3000 });
  try {
    const [rows] = await conn.query(sql);
    return rows;
  } finally {
    await conn.end();
  }
}

/** wsrep_local_state_comment of a node ('Synced', 'Joining', …), or null when it does not answer. */
async function stateOf(node) {
  try {
    const rows = await query(node, "SHOW STATUS LIKE 'wsrep_local_state_comment'");
    return rows[0] ? String(rows[0].Value) : null;
  } catch {
    return null;
  }
}

async function clusterSize(node) {
  const rows = await query(node, "SHOW STATUS LIKE 'wsrep_cluster_size'");
  return Number(rows[0]?.Value ?? 0);
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Start one node in the background; resolves when it answers SQL and says Synced. */
async function startNode(node, bootstrap, timeoutMs = 120_000) {
  const args = [`--defaults-file=${node.cnf}`, ...(bootstrap ? ['--wsrep-new-cluster'] : [])];
  const child = spawn(MARIADBD, args, { detached: true, stdio: 'ignore' });
  let exited = null;
  child.once('exit', (code, signal) => (exited = signal || code));
  child.unref();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${node.name} exited (${exited}):\n${tail(node.errorLog)}`);
    if ((await stateOf(node)) === 'Synced') return;
    await sleep(300);
  }
  throw new Error(`${node.name} not Synced after ${timeoutMs} ms:\n${tail(node.errorLog)}`);
}

/** True when all three nodes answer, say Synced and see a cluster of three. */
async function isUp() {
  for (const node of NODES) {
    if ((await stateOf(node)) !== 'Synced') return false;
    if ((await clusterSize(node)) !== SIZE) return false;
  }
  return true;
}

/** Three Synced nodes (a fresh cluster each time; one already up is left as it is). */
async function up() {
  if (await isUp()) {
    log(`Galera 集群已在运行（${NODES.map((n) => n.sqlPort).join(', ')}）`);
    return NODES;
  }
  await down({ quiet: true });
  await ensurePackages();
  const t0 = Date.now();
  fs.mkdirSync(DIR, { recursive: true });
  if (IS_ROOT) fs.chmodSync(DIR, 0o755);
  const first = NODES[0];
  for (const node of NODES) {
    fs.mkdirSync(node.datadir, { recursive: true });
    fs.writeFileSync(node.cnf, config(node));
  }
  const init = spawnSync(
    installer(),
    [
      '--no-defaults',
      `--datadir=${first.datadir}`,
      ...(IS_ROOT ? ['--user=mysql'] : []),
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--skip-name-resolve',
    ],
    { encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`mariadb-install-db failed:\n${init.stdout}\n${init.stderr}`);
  chownMysql(DIR);
  log(`Galera 节点 1 启动（新集群，SQL 端口 ${first.sqlPort}）…`);
  await startNode(first, true);
  // root over TCP from 127.0.0.1 without a password, as on the normal server (the joiners get it by SST)
  await query(first, "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''");
  await query(first, "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION");
  for (const node of NODES.slice(1)) {
    log(`Galera 节点 ${node.n} 加入（rsync SST，SQL 端口 ${node.sqlPort}）…`);
    await startNode(node, false);
  }
  for (const node of NODES) {
    const size = await clusterSize(node);
    if (size !== SIZE) throw new Error(`${node.name} sees a cluster of ${size}`);
  }
  log(`Galera 集群就绪：3 个节点 Synced，用时 ${((Date.now() - t0) / 1000).toFixed(1)} s（${NODES.map((n) => n.url).join(', ')}）`);
  return NODES;
}

/** Stop one node: SIGTERM, then SIGKILL after `graceMs`; resolves when its process is gone. */
async function stopNode(node, graceMs = 30_000, signal = 'SIGTERM') {
  const pid = pidOf(node);
  if (!pid) return;
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await sleep(100);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

/** Kill a node at once (as a crash would): SIGKILL, no shutdown. */
function killNode(node) {
  return stopNode(node, 10_000, 'SIGKILL');
}

/** Stop the three nodes (the last one last, so that no node is left waiting for the others) and remove their folder. */
async function down({ quiet = false } = {}) {
  const running = NODES.filter((n) => pidOf(n));
  for (const node of [...NODES].reverse()) await stopNode(node);
  fs.rmSync(DIR, { recursive: true, force: true });
  if (!quiet) log(running.length ? `Galera 集群已停止（${running.length} 个节点）` : 'Galera 集群未在运行');
}

/** `npm run test:cluster`: up, the cluster suites (jest project `cluster`), down, one summary line. */
async function test(extra) {
  const t0 = Date.now();
  await ensureInstalled();
  await buildIfStale('服务端', path.join(ROOT, 'server/dist/main.js'), ['server/src', 'shared/src'], 'build:server');
  const out = path.join(ROOT, 'test-results', 'jest-cluster.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.rmSync(out, { force: true });
  let ok = false;
  try {
    await up();
    try {
      await run(
        process.execPath,
        [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--selectProjects', 'cluster', '--runInBand', '--json', `--outputFile=${out}`, '--testTimeout=300000', ...extra],
        { env: { ZWT_TEST_MYSQL: NODES[0].url, ZWT_CLUSTER_URLS: NODES.map((n) => n.url).join(','), ZWT_CLUSTER_DIR: DIR, ZWT_CLUSTER_PORT: String(BASE) } },
      );
      ok = true;
    } catch {
      ok = false;
    }
  } finally {
    await down();
  }
  const r = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : null;
  const passed = r ? r.numPassedTests : 0;
  const failed = r ? r.numFailedTests + (r.numRuntimeErrorTestSuites || 0) : 1;
  const skipped = r ? r.numPendingTests + r.numTodoTests : 0;
  ok = ok && !!r && r.success && skipped === 0 && passed > 0;
  fs.writeFileSync(path.join(ROOT, 'test-results', 'cluster-summary.json'), JSON.stringify({ passed, failed, skipped, seconds: (Date.now() - t0) / 1000 }));
  log(`集群测试用时 ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  process.stdout.write(`\ncluster: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  return ok;
}

module.exports = { NODES, DIR, up, down, killNode, stopNode, startNode, stateOf };

if (require.main === module) {
  const [cmd, ...rest] = process.argv.slice(2);
  const main = async () => {
    if (cmd === 'up') await up();
    else if (cmd === 'down') await down();
    else if (cmd === 'test') process.exitCode = (await test(rest)) ? 0 : 1;
    else throw new Error('usage: node scripts/cluster.js up|down|test [jest args]');
  };
  main().catch(async (e) => {
    process.stderr.write(`${e.stack || e}\n`);
    if (cmd === 'test') await down({ quiet: true }).catch(() => undefined);
    process.exit(1);
  });
}
