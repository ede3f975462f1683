import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { SEED_SERVICES } from '../src/database/seeds/catalog.data';
import { client, staffSignIn } from './helpers/http';

/** The same catalogue migrations, seed and search on the embedded SQLite (sql.js) file that `npm start` uses. */
describe('catalogue on the embedded database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwt-sqlite-'));
  const env = {
    NODE_ENV: 'test',
    SQLITE_PATH: path.join(dir, 'db.sqlite'),
    THROTTLE_IP_LIMIT: '0',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'Admin@2026!',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'integration-test-secret-0123456789',
    UPLOAD_DIR: path.join(dir, 'uploads'),
  };
  const boot = async () => {
    const app: NestExpressApplication = await createApp(loadConfig(env));
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    return { app, api: client(`http://127.0.0.1:${port}`) };
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('migrates, seeds the demo catalogue (SEED_DEMO defaults on), searches and keeps overrides across a restart', async () => {
    let { app, api } = await boot();
    try {
      const all = await api.get('/api/services?pageSize=50');
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(SEED_SERVICES.length);
      const yyzz = await api.get('/api/services?q=yyzz');
      expect(yyzz.body.items.map((i: { name: string }) => i.name)).toContain('有限责任公司设立登记（营业执照）');
      const guide = await api.get(`/api/services/${yyzz.body.items[0].id}`);
      expect(guide.status).toBe(200);
      expect(typeof guide.body.materials[0].required).toBe('boolean');
      expect(typeof guide.body.keyProject).toBe('boolean');
      // 智能导办 topics (JSON in TEXT) are seeded and answered on SQLite too
      expect((await api.get('/api/guidance')).body.map((t: { title: string }) => t.title)).toEqual(['开办企业', '新生儿出生', '个体工商户', '不动产登记', '开办餐饮店']);
      const plan = await api.post('/api/guidance/start-company/answers', { answers: { invoice: 'no', staff: 'no', premises: 'own', district: 'city' } });
      expect(plan.body.services.map((x: { name: string }) => x.name)).toEqual(['有限责任公司设立登记（营业执照）', '印章刻制备案', '税务登记信息确认']);
      const admin = (await staffSignIn(api, 'admin', 'Admin@2026!')).accessToken;
      expect((await api.put('/api/admin/calendar/2027-10-01', { workday: false, name: '国庆节' }, { token: admin })).status).toBe(200);
    } finally {
      await app.close();
    }
    ({ app, api } = await boot());
    try {
      expect((await api.get('/api/services')).body.total).toBe(SEED_SERVICES.length);
      expect((await api.get('/api/calendar?from=2027-10-01&to=2027-10-01')).body).toEqual([{ date: '2027-10-01', workday: false, name: '国庆节' }]);
    } finally {
      await app.close();
    }
  });
});
