import { PRIVACY_TERMS_VERSION } from '@gov/shared';
import { client, Client } from './helpers/http';
import { startTestApp, TestApp } from './helpers/test-app';
import { fakeWechat, FakeServer } from './fakes/fake-servers';
import { outboxSettled } from './helpers/outbox';
import { adminToken, createSlot, serviceAtHall, setClock, staffToken, validIdNumber } from './helpers/world';

/** WeChat subscribe messages through the real client, against a fake WeChat server. */
describe('WeChat subscribe messages', () => {
  let t: TestApp;
  let api: Client;
  let wx: FakeServer;

  beforeAll(async () => {
    wx = await fakeWechat('wx-sub-app', 'wx-sub-secret');
    t = await startTestApp({
      WECHAT_APPID: 'wx-sub-app',
      WECHAT_SECRET: 'wx-sub-secret',
      WECHAT_API_BASE: wx.url,
      WECHAT_TEMPLATE_BOOKING_REMINDER: 'tmpl-reminder-001',
    });
    api = client(t.url);
  });
  afterAll(async () => {
    await t?.close();
    await wx?.close();
  });

  it('sends a reminder only where the user consented, one message per consent', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    expect((await api.get('/api/messages/subscribe-templates')).body).toEqual({ booking_reminder: 'tmpl-reminder-001' });

    const login = await api.post('/api/auth/wechat/login', { code: 'good-subscriber' });
    const token = login.body.accessToken as string;
    expect((await api.post('/api/me/consent', { version: PRIVACY_TERMS_VERSION }, { token })).status).toBe(200);
    expect((await api.post('/api/me/verify', { realName: '赵六', idNumber: validIdNumber() }, { token })).status).toBe(200);
    const consent = await api.post('/api/messages/subscriptions', { accepted: ['booking_reminder', 'unknown_key'] }, { token });
    expect(consent.body).toMatchObject({ booking_reminder: 1 });

    const { hallId } = await staffToken(api);
    const service = await serviceAtHall(api, hallId);
    const slot = await createSlot(api, await adminToken(api), { hallId, serviceId: service.id, start: '2026-12-08T01:00:00.000Z', capacity: 2 });
    const b = await api.post('/api/bookings', { slotId: slot.id, serviceId: service.id }, { token });
    expect(b.status).toBe(201);

    await setClock(api, '2026-12-07T02:00:00.000Z');
    await api.post('/api/admin/jobs/reminders/run', undefined, { token: await adminToken(api) });
    await setClock(api, '2026-12-08T00:30:00.000Z');
    await api.post('/api/admin/jobs/reminders/run', undefined, { token: await adminToken(api) });
    await outboxSettled(t.config.database.url!);

    const sends = wx.requests.filter((r) => r.url.startsWith('/cgi-bin/message/subscribe/send'));
    expect(sends).toHaveLength(1); // one consent, one message; the in-app message centre has both
    const body = JSON.parse(sends[0].body);
    expect(body).toMatchObject({ touser: 'o-good-subscriber', template_id: 'tmpl-reminder-001', data: { thing1: { value: '明日预约提醒' }, time2: { value: '2026-12-08 09:00' } } });
    expect(body.page).toContain(b.body.id);
  });
});
