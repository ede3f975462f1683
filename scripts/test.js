'use strict';
/**
 * `npm test`: every test, in three levels, then one summary line.
 *   1. type-check every workspace
 *   2. unit tests (rules; no Nest, no database)
 *   3. integration tests (the Nest app over HTTP on fresh MariaDB databases; MariaDB started if down)
 *   4. browser e2e tests (the H5 build in Debian's Chromium via playwright-core; Chromium installed if missing)
 *   5. last: the log check — no full phone or ID number in any log line this run's test apps wrote
 * The integration level includes the fault, fuzz and security suites (server/test/faults|fuzz|security|
 * migrations.int.ts); the fault tests run server/dist/main.js as child processes, so the server is built
 * first, and Debian's sqlmap is installed with apt-get when it is missing and apt-get is there.
 * Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, npm, log, run, ensureInstalled, buildIfStale, ensureMariaDb, ensureChromium } = require('./lib');

const RUN_ID = `r${Date.now().toString(36)}`;
const RESULTS = path.join(ROOT, 'test-results');

async function jest(project, extra = []) {
  const out = path.join(RESULTS, `jest-${project}.json`);
  fs.rmSync(out, { force: true });
  let failed = false;
  try {
    await run(process.execPath, [
      path.join(ROOT, 'node_modules/jest/bin/jest.js'),
      '--selectProjects',
      project,
      '--json',
      `--outputFile=${out}`,
      '--testTimeout=120000',
      // the e2e suites share one server whose clock some of them pin for a moment (withServerClock: 16:50,
      // 17:12 …): run one at a time, so that no suite's fresh token meets another suite's pinned hour
      ...(project === 'unit' ? [] : project === 'e2e' ? ['--maxWorkers=1'] : ['--maxWorkers=2']),
      ...extra,
    ], { env: { ZWT_RUN_ID: RUN_ID } });
  } catch {
    failed = true;
  }
  const r = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : null;
  return {
    project,
    passed: r ? r.numPassedTests : 0,
    failed: r ? r.numFailedTests + (r.numRuntimeErrorTestSuites || 0) : 1,
    skipped: r ? r.numPendingTests + r.numTodoTests : 0,
    ok: !failed && !!r && r.success,
  };
}

async function dropLeftoverDatabases() {
  const mysql = require('mysql2/promise');
  const conn = await mysql.createConnection(process.env.ZWT_TEST_MYSQL || 'mysql://root@127.0.0.1:3306');
  try {
    const [rows] = await conn.query("SHOW DATABASES LIKE 'zwt\\_t\\_%'");
    for (const row of rows) {
      const name = Object.values(row)[0];
      if (String(name).startsWith(`zwt_t_${RUN_ID}`)) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
  } finally {
    await conn.end();
  }
}

/** Debian's sqlmap for the fuzz suite: installed when missing; a clear line when it cannot be. */
async function ensureSqlmap() {
  if (spawnSync('sqlmap', ['--version'], { stdio: 'ignore' }).status === 0) return;
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) {
    log('sqlmap 未安装且没有 apt-get：模糊测试中的 sqlmap 检查将不会运行');
    return;
  }
  log('安装 Debian sqlmap（模糊测试需要）…');
  try {
    await run('apt-get', ['install', '-y', '--no-install-recommends', 'sqlmap'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    try {
      await run('apt-get', ['update']);
      await run('apt-get', ['install', '-y', '--no-install-recommends', 'sqlmap'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      log('无法安装 sqlmap：模糊测试中的 sqlmap 检查将不会运行');
    }
  }
}

/** No full phone or ID number in the logs of this run (test/security/check-logs.js), counted as one test. */
function checkLogs() {
  const { check } = require('../test/security/check-logs');
  const r = check(RUN_ID);
  log(`日志检查：${r.files} 个日志文件，${r.lines} 行，发现完整手机号/身份证号 ${r.findings.length} 处`);
  for (const f of r.findings.slice(0, 20)) log(`  ${f}`);
  const ok = r.files > 0 && r.findings.length === 0;
  return { project: 'logs', passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok };
}

async function main() {
  const extra = process.argv.slice(2);
  fs.mkdirSync(RESULTS, { recursive: true });
  await ensureInstalled();
  log('构建共享包并做类型检查…');
  await run(npm, ['run', 'build:shared']);
  await run(npm, ['run', 'typecheck']);

  const only = (p) => !extra.includes('--selectProjects') || extra.includes(p);
  const passthrough = extra.filter((a, i) => a !== '--selectProjects' && extra[i - 1] !== '--selectProjects');
  const results = [];

  if (only('unit')) results.push(await jest('unit', passthrough));
  if (only('integration')) {
    await ensureMariaDb();
    await buildIfStale('服务端', path.join(ROOT, 'server/dist/main.js'), ['server/src', 'shared/src'], 'build:server');
    await ensureSqlmap();
    results.push(await jest('integration', passthrough));
    await dropLeftoverDatabases();
  }
  if (only('e2e')) {
    await ensureMariaDb();
    await ensureChromium();
    await buildIfStale('服务端', path.join(ROOT, 'server/dist/main.js'), ['server/src', 'shared/src'], 'build:server');
    await buildIfStale('H5 应用', path.join(ROOT, 'miniapp/dist/h5/index.html'), ['miniapp/src', 'miniapp/config', 'shared/src'], 'build:h5');
    results.push(await jest('e2e', passthrough));
    await dropLeftoverDatabases();
  }

  if (only('integration') || only('e2e')) results.push(checkLogs());

  const sum = (k) => results.reduce((n, r) => n + r[k], 0);
  process.stdout.write('\n');
  for (const r of results) log(`${r.project.padEnd(12)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
  const ok = results.every((r) => r.ok) && sum('skipped') === 0;
  process.stdout.write(`\ntests: ${sum('passed')} passed, ${sum('failed')} failed\n`);
  fs.writeFileSync(path.join(RESULTS, 'summary.json'), JSON.stringify({ passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped') }));
  if (sum('skipped') > 0) log('skipped tests are not allowed');
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
