'use strict';
/* Helpers shared by start.js, test.js and bench.js: plain Node, no shell-isms. */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function log(msg) {
  process.stdout.write(`\x1b[36m[政务通]\x1b[0m ${msg}\n`);
}

/** Run a command to completion, inheriting stdio; rejects on a non-zero exit. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts, env: { ...process.env, ...(opts.env || {}) } });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${signal || code}`)),
    );
  });
}

function newestMtime(dir, skip = ['node_modules', 'dist', '.taro-cache']) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  const st = fs.statSync(dir);
  if (!st.isDirectory()) return st.mtimeMs;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip.includes(e.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(dir, e.name), skip));
  }
  return newest;
}

function mtime(file) {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}

/**
 * npm ci when node_modules is missing or older than the lock file. The build and test tools are
 * devDependencies: `--include=dev` installs them even when the caller's shell says NODE_ENV=production
 * (or npm's `omit=dev`).
 */
async function ensureInstalled() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (mtime(marker) >= mtime(path.join(ROOT, 'package-lock.json'))) return;
  log('安装依赖 (npm ci)…');
  await run(npm, ['ci', '--include=dev', '--no-audit', '--no-fund']);
}

/**
 * What each build runs with, whatever the caller's shell says: the mini-app builds (H5, WeChat,
 * Alipay) are production builds (under NODE_ENV=development Taro makes a dev build that needs
 * react-refresh, which `taro build` does not install).
 */
const BUILD_ENV = {
  'build:h5': { NODE_ENV: 'production' },
  'build:weapp': { NODE_ENV: 'production' },
  'build:alipay': { NODE_ENV: 'production' },
};

/** Build a target when its output is missing or older than any of its inputs. */
async function buildIfStale(label, output, inputs, npmScript) {
  const outTime = mtime(output);
  const inTime = Math.max(...inputs.map((i) => newestMtime(path.join(ROOT, i))));
  if (outTime > 0 && outTime >= inTime) return;
  log(`构建 ${label}…`);
  await run(npm, ['run', npmScript], { env: BUILD_ENV[npmScript] || {} });
}

function portOpen(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/** MariaDB at 127.0.0.1:3306; started (as on this machine and in CI) when it is down. */
async function ensureMariaDb() {
  if (await portOpen(3306)) return;
  log('MariaDB 未运行，正在启动…');
  fs.mkdirSync('/run/mysqld', { recursive: true });
  spawnSync('chown', ['mysql:', '/run/mysqld'], { stdio: 'inherit' });
  spawnSync('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', '/usr/sbin/mariadbd', '--', '--user=mysql'], {
    stdio: 'inherit',
  });
  for (let i = 0; i < 60; i++) {
    if (await portOpen(3306)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('MariaDB did not start on 127.0.0.1:3306');
}

const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium for the browser tests; installed with apt-get when missing. */
async function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  log('安装 Debian Chromium（浏览器测试需要）…');
  await run('apt-get', ['update']);
  await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
  if (!fs.existsSync(CHROMIUM)) throw new Error('chromium was not installed');
  return CHROMIUM;
}

module.exports = { ROOT, npm, log, run, ensureInstalled, buildIfStale, BUILD_ENV, ensureMariaDb, ensureChromium, portOpen, CHROMIUM };
