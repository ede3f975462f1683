import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import { PRIVACY_TERMS_VERSION } from '@gov/shared';
import { createApp } from '../src/app.factory';
import { Transactions } from '../src/common/db/transactions';
import { loadConfig } from '../src/config/app-config';
import { NotificationsService } from '../src/notifications/notifications.service';
import { OutboxDeliveryEntity } from '../src/outbox/outbox-delivery.entity';
import { OUTBOX_QUEUE, outboxQueuePrefix, redisConnection } from '../src/outbox/outbox.queue';
import { UsersService } from '../src/users/users.service';
import { client, must, uniquePhone } from '../../test/support/http';
import { sql, startTestApp, testEnv } from '../../test/support/test-app';
import { adminToken, createSlot, serviceAtHall, setClock, staffToken, validIdNumber } from '../../test/support/world';
import { fakeWechat, startFake } from './fakes/fake-servers';
import { outboxSettled } from './helpers/outbox';

const REDIS_URL = process.env.ZWT_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/** The transactional outbox (issue 19): retries after an outside service recovers, and one delivery per row however many workers run. */
describe('outbox', () => {
  it('WeChat answering 500 three times: each reminder arrives once after it recovers, one consent credit spent for each', async () => {
    const faults = { sends: 0 };
    const wx = await fakeWechat('wx-outbox-app', 'wx-outbox-secret', faults);
    const t = await startTestApp({
      WECHAT_APPID: 'wx-outbox-app',
      WECHAT_SECRET: 'wx-outbox-secret',
      WECHAT_API_BASE: wx.url,
      WECHAT_TEMPLATE_BOOKING_REMINDER: 'tmpl-reminder-outbox',
      OUTBOX_RETRY_BASE_MS: '50',
      OUTBOX_POLL_MS: '100',
    });
    try {
      const api = client(t.url);
      const db = t.config.database.url!;
      await setClock(api, '2026-12-07T00:00:00.000Z');
      const token = must(await api.post('/api/auth/wechat/login', { code: 'good-outbox' }), 200, 'login').accessToken as string;
      must(await api.post('/api/me/consent', { version: PRIVACY_TERMS_VERSION }, { token }), 200, 'consent');
      must(await api.post('/api/me/verify', { realName: '周九', idNumber: validIdNumber() }, { token }), 200, 'verify');
      for (let i = 0; i < 2; i++) must(await api.post('/api/messages/subscriptions', { accepted: ['booking_reminder'] }, { token }), 200, 'subscribe');
      const credits = async () => Number((await sql<{ credits: number }>(db, 'SELECT credits FROM subscribe_consents WHERE template_key = ?', ['booking_reminder']))[0].credits);
      expect(await credits()).toBe(2);

      const { hallId } = await staffToken(api);
      const service = await serviceAtHall(api, hallId);
      const slot = await createSlot(api, await adminToken(api), { hallId, serviceId: service.id, start: '2026-12-08T01:00:00.000Z', capacity: 2 });
      must(await api.post('/api/bookings', { slotId: slot.id, serviceId: service.id }, { token }), 201, 'booking');
      const sent = () => wx.requests.filter((r) => r.url.startsWith('/cgi-bin/message/subscribe/send')).map((r) => JSON.parse(r.body).data.thing1.value as string);

      faults.sends = 3;
      await setClock(api, '2026-12-07T02:00:00.000Z');
      must(await api.post('/api/admin/jobs/reminders/run', undefined, { token: await adminToken(api) }), 200, 'day reminder');
      const [day] = (await outboxSettled(db)).filter((d) => d.channel === 'wechat');
      expect(day).toMatchObject({ status: 'sent', attempts: 4 });
      expect(sent()).toEqual(['明日预约提醒', '明日预约提醒', '明日预约提醒', '明日预约提醒']); // three 500s, then accepted
      expect(await credits()).toBe(1);

      faults.sends = 3;
      await setClock(api, '2026-12-08T00:30:00.000Z');
      must(await api.post('/api/admin/jobs/reminders/run', undefined, { token: await adminToken(api) }), 200, 'hour reminder');
      const wechat = (await outboxSettled(db)).filter((d) => d.channel === 'wechat');
      expect(wechat.map((d) => [d.status, d.attempts])).toEqual([
        ['sent', 4],
        ['sent', 4],
      ]);
      expect(sent().filter((s) => s === '预约即将开始')).toHaveLength(4);
      expect(await credits()).toBe(0);
      // another run of the outbox job finds nothing left to send
      expect(must(await api.post('/api/admin/jobs/outbox/run', undefined, { token: await adminToken(api) }), 200, 'outbox job')).toEqual({ sent: 0, skipped: 0, retried: 0, failed: 0 });
      expect(sent()).toHaveLength(8);
    } finally {
      await t.close();
      await wx.close();
    }
  });

  it('on the embedded database too: a message is written, sent once and recorded; a fault is retried', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwt-outbox-'));
    let fail = 1;
    const texts: string[] = [];
    const gateway = await startFake((_req, body, res) => {
      if (fail-- > 0) {
        res.writeHead(503);
        return res.end();
      }
      texts.push((JSON.parse(body) as { params: { title: string } }).params.title);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    const app = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        SQLITE_PATH: path.join(dir, 'db.sqlite'),
        SEED_DEMO: '0',
        LOG_LEVEL: 'silent',
        UPLOAD_DIR: path.join(dir, 'uploads'),
        SMS_PROVIDER: 'http',
        SMS_HTTP_URL: `${gateway.url}/send`,
        OUTBOX_RETRY_BASE_MS: '50',
        OUTBOX_POLL_MS: '100',
      }),
    );
    try {
      await app.init();
      const person = await app.get(UsersService).findOrCreateByPhone(uniquePhone());
      await app.get(NotificationsService).send({ userId: person.id, type: 'booking_created', title: '预约成功', body: '您已预约。' });
      const repo = app.get<Repository<OutboxDeliveryEntity>>(getRepositoryToken(OutboxDeliveryEntity));
      const until = Date.now() + 10_000;
      while ((await repo.count({ where: { status: 'pending' } })) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(await repo.find()).toEqual([expect.objectContaining({ channel: 'sms', status: 'sent', attempts: 2 })]);
      expect(texts).toEqual(['预约成功']);
    } finally {
      await app.close();
      await gateway.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe.each([
    ['in process on the database', {}],
    ['through BullMQ (REDIS_URL)', { REDIS_URL }],
  ])('two instances running the worker %s', (_mode, modeEnv: Record<string, string>) => {
    it('deliver each of 200 messages once', async () => {
      const texts: string[] = [];
      const gateway = await startFake((_req, body, res) => {
        texts.push((JSON.parse(body) as { params: { title: string } }).params.title);
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"ok":true}');
        }, 3);
      });
      const env = { ...modeEnv, SMS_PROVIDER: 'http', SMS_HTTP_URL: `${gateway.url}/send`, OUTBOX_RETRY_BASE_MS: '50', OUTBOX_POLL_MS: '200' };
      // two instances that send, and one that only writes: 200 notices in one transaction, which both senders find at once
      const writer = await startTestApp({ ...env, OUTBOX_WORKER: '0' });
      const workers: NestExpressApplication[] = [];
      try {
        const settings = testEnv(writer.database, { ...env, SEED_DEMO: '0', OUTBOX_POLL_MS: '100' });
        for (let i = 0; i < 2; i++) {
          const app = await createApp(loadConfig(settings));
          await app.init();
          workers.push(app);
        }
        const notifications = writer.app.get(NotificationsService);
        const users = writer.app.get(UsersService);
        const people = await Promise.all(Array.from({ length: 4 }, () => users.findOrCreateByPhone(uniquePhone())));
        await writer.app.get(Transactions).run(async (em) => {
          for (let i = 0; i < 200; i++) await notifications.send({ userId: people[i % 4].id, type: 'booking_reminder', title: `提醒${i}`, body: `第 ${i} 条` }, em);
        });
        const rows = await outboxSettled(writer.config.database.url!, 30_000);
        expect(rows.map((r) => [r.status, r.attempts]).filter(([s, a]) => s !== 'sent' || a !== 1)).toEqual([]);
        expect(texts).toHaveLength(200);
        expect(new Set(texts).size).toBe(200);
      } finally {
        for (const w of workers) await w.close();
        if (modeEnv.REDIS_URL) {
          const q = new Queue(OUTBOX_QUEUE, { connection: redisConnection(REDIS_URL), prefix: outboxQueuePrefix(writer.config) });
          await q.obliterate({ force: true });
          await q.close();
        }
        await writer.close();
        await gateway.close();
      }
    });
  });
});
