import { client, Client, expectErrorShape, signIn } from './helpers/http';
import { startTestApp, TestApp } from './helpers/test-app';
import { adminToken, refreshed, serviceAtHall, Session, setClock, staffToken, verifiedCitizen } from './helpers/world';

/** 好差评 (DESIGN.md, Ratings): once, only when finished, a ticket on 1–2, one re-rate after the answer. */
describe('ratings', () => {
  let t: TestApp;
  let api: Client;
  let hallId: string;
  let service: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    await setClock(api, '2026-12-07T00:00:00.000Z');
    hallId = (await staffToken(api)).hallId;
    service = await serviceAtHall(api, hallId);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A booking for today 09:00 that staff have checked in. */
  const finishedBooking = async (u: Session, start: string) => {
    const slot = await api.post('/api/admin/slots', { hallId, serviceId: service.id, start, end: new Date(Date.parse(start) + 1800_000).toISOString(), capacity: 20 }, { token: await adminToken(api) });
    const b = await api.post('/api/bookings', { slotId: slot.body.id, serviceId: service.id }, { token: (await refreshed(api, u)).token });
    expect(b.status).toBe(201);
    return b.body as { id: string; code: string };
  };
  const rate = (token: string, targetId: string, score: number, extra = {}) =>
    api.post('/api/ratings', { targetType: 'booking', targetId, score, tags: ['态度热情'], comment: '测试评价', ...extra }, { token });

  it('rates a finished booking once; a bad rating opens a ticket staff answer without seeing the rater; one re-rate after', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const good = await finishedBooking(u, '2026-12-07T01:00:00.000Z');
    expectErrorShape(await rate(u.token, good.id, 5), 409, 'INVALID_STATE'); // not yet served
    const staff = (await staffToken(api)).token;
    expect((await api.post('/api/staff/bookings/check-in', { code: good.code }, { token: staff })).status).toBe(200);
    const r5 = await rate(u.token, good.id, 5);
    expect(r5.status).toBe(201);
    expect(r5.body).toMatchObject({ score: 5, rectification: null });
    expectErrorShape(await rate(u.token, good.id, 4), 409, 'ALREADY_RATED');
    const stranger = await signIn(api);
    expectErrorShape(await api.post('/api/ratings', { targetType: 'booking', targetId: good.id, score: 1 }, { token: stranger.accessToken }), 404, 'NOT_FOUND');

    const u2 = (await verifiedCitizen(api)) as Session;
    const bad = await finishedBooking(u2, '2026-12-07T02:00:00.000Z');
    await api.post('/api/staff/bookings/check-in', { code: bad.code }, { token: staff });
    const r1 = await rate(u2.token, bad.id, 1, { comment: '排队太久，窗口人员态度冷淡' });
    expect(r1.status).toBe(201);
    expect(r1.body.rectification).toMatchObject({ status: 'open' });
    expect(r1.body.rectification.dueAt).toBe('2026-12-14T15:59:59.999Z'); // 5 working days, end of Monday 14 December
    expectErrorShape(await api.post(`/api/ratings/${r1.body.id}/rerate`, { score: 4 }, { token: u2.token }), 409, 'INVALID_STATE');

    const tickets = await api.get('/api/staff/rectifications?status=open', { token: staff });
    const mine = tickets.body.find((x: { id: string }) => x.id === r1.body.rectification.id);
    expect(mine).toMatchObject({ score: 1, label: '非常不满意', comment: '排队太久，窗口人员态度冷淡' });
    expect(tickets.text).not.toContain(u2.user.id);
    expect(tickets.text).not.toContain(u2.phone.slice(-4) + '"');
    expect(JSON.stringify(mine)).not.toMatch(/userId|phone|realName/);

    const answered = await api.post(`/api/staff/rectifications/${mine.id}/answer`, { answer: '已对窗口人员批评教育，并增设了取号引导。' }, { token: staff });
    expect(answered.body.status).toBe('answered');
    const msgs = await api.get('/api/messages', { token: u2.token });
    expect(msgs.body.find((m: { type: string }) => m.type === 'rectification_answered').body).toContain('增设了取号引导');
    const myRatings = await api.get('/api/ratings', { token: u2.token });
    expect(myRatings.body[0]).toMatchObject({ score: 1, canRerate: true, rectification: { status: 'answered', answer: '已对窗口人员批评教育，并增设了取号引导。' } });

    const again = await api.post(`/api/ratings/${r1.body.id}/rerate`, { score: 4, comment: '整改后满意' }, { token: u2.token });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ score: 4, canRerate: false });
    expectErrorShape(await api.post(`/api/ratings/${r1.body.id}/rerate`, { score: 5 }, { token: u2.token }), 409, 'INVALID_STATE');

    const stats = await api.get(`/api/stats/satisfaction?hallId=${hallId}`);
    expect(stats.body).toEqual({ count: 2, byScore: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 }, satisfactionRate: 1 });
  });

  it('flags an unanswered ticket as overdue after its due date, and keeps other halls out', async () => {
    await setClock(api, '2026-12-08T00:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const b = await finishedBooking(u, '2026-12-08T01:00:00.000Z');
    await api.post('/api/staff/bookings/check-in', { code: b.code }, { token: (await staffToken(api)).token });
    const r = await rate(u.token, b.id, 2);
    const halls = (await api.get('/api/halls')).body as Array<{ id: string }>;
    await api.post('/api/admin/staff', { username: 'town01', password: 'Town20261', name: '镇窗口', hallId: halls.find((h) => h.id !== hallId)!.id }, { token: await adminToken(api) });
    const other = (await api.post('/api/auth/staff/login', { username: 'town01', password: 'Town20261' })).body.accessToken;
    expect((await api.get('/api/staff/rectifications', { token: other })).body).toEqual([]);
    expectErrorShape(await api.post(`/api/staff/rectifications/${r.body.rectification.id}/answer`, { answer: '这不是我们大厅的' }, { token: other }), 404, 'NOT_FOUND');

    await setClock(api, '2026-12-16T00:00:00.000Z');
    const overdue = await api.get('/api/staff/rectifications?status=overdue', { token: (await staffToken(api)).token });
    expect(overdue.body.map((x: { id: string }) => x.id)).toContain(r.body.rectification.id);
    expect((await api.get('/api/ratings', { token: (await refreshed(api, u)).token })).body[0].rectification.status).toBe('overdue');
  });
});

describe('rating invitations', () => {
  let t: TestApp;
  let api: Client;
  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('invites once, 3 days after the service, only those who have not rated', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    const hallId = (await staffToken(api)).hallId;
    const service = await serviceAtHall(api, hallId);
    const served = async (u: Session, start: string) => {
      const slot = await api.post('/api/admin/slots', { hallId, serviceId: service.id, start, end: new Date(Date.parse(start) + 1800_000).toISOString(), capacity: 5 }, { token: await adminToken(api) });
      const b = await api.post('/api/bookings', { slotId: slot.body.id, serviceId: service.id }, { token: u.token });
      await api.post('/api/staff/bookings/check-in', { code: b.body.code }, { token: (await staffToken(api)).token });
      return b.body.id as string;
    };
    const quiet = (await verifiedCitizen(api)) as Session;
    const rater = (await verifiedCitizen(api)) as Session;
    const quietBooking = await served(quiet, '2026-12-07T01:00:00.000Z');
    const raterBooking = await served(rater, '2026-12-07T01:30:00.000Z');
    expect((await api.post('/api/ratings', { targetType: 'booking', targetId: raterBooking, score: 5 }, { token: rater.token })).status).toBe(201);
    const invite = async () => (await api.post('/api/admin/jobs/rating-invitations/run', undefined, { token: await adminToken(api) })).body.invited as number;

    await setClock(api, '2026-12-09T00:00:00.000Z');
    expect(await invite()).toBe(0); // too early
    await setClock(api, '2026-12-10T02:00:00.000Z');
    expect(await invite()).toBe(1);
    expect(await invite()).toBe(0); // once
    const msgs = (await api.get('/api/messages', { token: (await refreshed(api, quiet)).token })).body as Array<{ type: string; link: string }>;
    expect(msgs.filter((m) => m.type === 'rating_invitation').map((m) => m.link)).toEqual([`/subpackages/ratings/pages/rate/index?targetType=booking&targetId=${quietBooking}`]);
    expect((await api.get('/api/messages', { token: (await refreshed(api, rater)).token })).body.some((m: { type: string }) => m.type === 'rating_invitation')).toBe(false);
  });
});
