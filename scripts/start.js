'use strict';
/**
 * `npm start`: on a fresh clone, install what is missing, build the shared package, the server and
 * the H5 app, then run everything on http://localhost:3000 on the embedded SQLite database with demo data
 * (set DATABASE_URL=mysql://… to use MariaDB instead). Migrations and seeding run at start-up.
 */
const path = require('node:path');
const { spawn } = require('node:child_process');
const { ROOT, log, ensureInstalled, buildIfStale } = require('./lib');

async function main() {
  await ensureInstalled();
  await buildIfStale('共享包 @gov/shared', path.join(ROOT, 'shared/dist/index.js'), ['shared/src', 'shared/tsconfig.json'], 'build:shared');
  await buildIfStale('服务端', path.join(ROOT, 'server/dist/main.js'), ['server/src', 'shared/src', 'server/tsconfig.json'], 'build:server');
  await buildIfStale('H5 应用', path.join(ROOT, 'miniapp/dist/h5/index.html'), ['miniapp/src', 'miniapp/config', 'shared/src'], 'build:h5');

  const env = {
    ...process.env,
    PORT: process.env.PORT || '3000',
    ADMIN_USERNAME: process.env.ADMIN_USERNAME || 'admin',
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || 'Admin@2026',
  };
  log(`启动服务：http://localhost:${env.PORT}（接口文档 /api/docs）`);
  const child = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.js'], { cwd: ROOT, stdio: 'inherit', env });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
