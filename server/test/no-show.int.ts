import { client, Client, expectErrorShape, staffSignIn } from './helpers/http';
import { startTestApp, TestApp } from './helpers/test-app';
import { adminToken, countNoShowsWithoutCall, createSlot, refreshed, serviceAtHall, Session, setClock, staffToken, verifiedCitizen } from './helpers/world';

/** The three-no-shows rule, through the clock (DESIGN.md, Appointments). */
describe('no-shows, forfeiture and check-in', () => {
  let t: TestApp;
  let api: Client;
  let hallId: string;
  let service: { id: string };

  const at = (iso: string) => setClock(api, iso);
  const admin = () => adminToken(api);
  const staff = async () => (await staffToken(api)).token;
  const slot = async (start: string, capacity = 5) => (await createSlot(api, await admin(), { hallId, serviceId: service.id, start, capacity })).id;
  const book = async (s: Session, slotId: string) => {
    const r = await api.post('/api/bookings', { slotId, serviceId: service.id }, { token: (await refreshed(api, s)).token });
    expect(r.status).toBe(201);
    return r.body as { id: string; code: string };
  };
  const eligibility = async (s: Session) => (await api.get('/api/me/booking-eligibility', { token: (await refreshed(api, s)).token })).body;
  const sweep = async () => (await api.post('/api/admin/jobs/no-show-sweep/run', undefined, { token: await admin() })).body;

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    await at('2026-12-07T00:00:00.000Z');
    hallId = (await staffToken(api)).hallId;
    service = await serviceAtHall(api, hallId);
    await countNoShowsWithoutCall(api, await admin(), hallId); // the counting itself: no call first
  });
  afterAll(async () => {
    await t?.close();
  });

  it('grace period, sweep, three no-shows forfeit; cancellations never count; a waiver un-counts; reinstatement restarts the count', async () => {
    await at('2026-12-07T00:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const s1 = await slot('2026-12-08T01:00:00.000Z');
    const s2 = await slot('2026-12-09T01:00:00.000Z');
    const s3 = await slot('2026-12-10T01:00:00.000Z');
    const s4 = await slot('2026-12-11T01:00:00.000Z');
    const s5 = await slot('2026-12-14T01:00:00.000Z');
    const s6 = await slot('2026-12-15T01:00:00.000Z');
    const b1 = await book(u, s1);

    // staff may not mark a no-show before start + 30 minutes
    await at('2026-12-08T01:29:00.000Z');
    expectErrorShape(await api.post(`/api/staff/bookings/${b1.id}/no-show`, undefined, { token: await staff() }), 409, 'INVALID_STATE');
    await at('2026-12-08T01:30:00.000Z');
    const marked = await api.post(`/api/staff/bookings/${b1.id}/no-show`, undefined, { token: await staff() });
    expect(marked.status).toBe(200);
    expect(marked.body.status).toBe('no_show');
    expect(await eligibility(u)).toMatchObject({ noShows: 1, threshold: 3, forfeited: false, message: '已爽约 1 次，再爽约 2 次将暂停预约资格' });
    const msgs = await api.get('/api/messages', { token: u.token });
    expect(msgs.body.find((m: { type: string }) => m.type === 'no_show').body).toContain('再爽约 2 次');

    // the sweep marks the next one, once, however often it runs
    const b2 = await book(u, s2);
    await at('2026-12-09T01:29:59.000Z');
    expect((await sweep()).marked).toBe(0);
    await at('2026-12-09T01:30:00.000Z');
    const both = await Promise.all([sweep(), sweep(), sweep()]);
    expect(both.reduce((n, r) => n + r.marked, 0)).toBe(1);
    expect((await api.get(`/api/bookings/${b2.id}`, { token: (await refreshed(api, u)).token })).body.status).toBe('no_show');

    // a cancelled booking never counts
    await at('2026-12-09T02:00:00.000Z');
    const b3 = await book(u, s3);
    expect((await api.post(`/api/bookings/${b3.id}/cancel`, undefined, { token: u.token })).status).toBe(200);
    await at('2026-12-10T03:00:00.000Z');
    await sweep();
    expect(await eligibility(u)).toMatchObject({ noShows: 2, forfeited: false });

    // the third no-show forfeits: bookings and off-hours requests are refused with the reason
    const b4 = await book(u, s4);
    await at('2026-12-11T03:00:00.000Z');
    await sweep();
    expect(await eligibility(u)).toMatchObject({ noShows: 3, forfeited: true, until: null });
    const refused = await api.post('/api/bookings', { slotId: s5, serviceId: service.id }, { token: u.token });
    expectErrorShape(refused, 403, 'BOOKING_FORFEITED');
    expect(refused.body.details).toEqual({ noShows: 3, threshold: 3, until: null });
    expect(refused.body.message).toContain('恢复');
    const offhours = await api.post(
      '/api/offhours-requests',
      { serviceId: service.id, hallId, preferredStart: '2026-12-19T02:00:00.000Z', preferredEnd: '2026-12-19T03:00:00.000Z' },
      { token: u.token },
    );
    expectErrorShape(offhours, 403, 'BOOKING_FORFEITED');

    // staff waive one (audited): below the threshold, the forfeiture lifts
    const waived = await api.post(`/api/staff/bookings/${b4.id}/waive`, { reason: '申请人来电说明因病未能前来' }, { token: await staff() });
    expect(waived.body.status).toBe('no_show_waived');
    expect(await eligibility(u)).toMatchObject({ noShows: 2, forfeited: false });
    await book(u, s5);
    await at('2026-12-14T03:00:00.000Z');
    await sweep();
    expect(await eligibility(u)).toMatchObject({ noShows: 3, forfeited: true });

    // reinstatement lifts it and starts the count afresh
    const r = await api.post(`/api/staff/users/${u.user.id}/reinstate`, { reason: '申请人到窗口说明情况' }, { token: await staff() });
    expect(r.body).toMatchObject({ noShows: 0, forfeited: false });
    expect(await eligibility(u)).toMatchObject({ noShows: 0, forfeited: false });
    await book(u, s6);
  });

  it('staff check a booking in by its code, on its day, at their own hall only', async () => {
    await at('2026-12-21T00:00:00.000Z'); // Monday 08:00
    const u = (await verifiedCitizen(api)) as Session;
    const s = await slot('2026-12-21T01:00:00.000Z');
    const b = await book(u, s);

    const halls = (await api.get('/api/halls')).body as Array<{ id: string }>;
    const otherHall = halls.find((h) => h.id !== hallId)!.id;
    const created = await api.post('/api/admin/staff', { username: 'county01', password: 'County2026', name: '县窗口', hallId: otherHall }, { token: await admin() });
    expect(created.status).toBe(201);
    const other = (await staffSignIn(api, 'county01', 'County2026')).accessToken;
    expectErrorShape(await api.post('/api/staff/bookings/check-in', { code: b.code }, { token: other }), 404, 'NOT_FOUND');
    expectErrorShape(await api.post(`/api/staff/bookings/${b.id}/no-show`, undefined, { token: other }), 404, 'NOT_FOUND');
    expect((await api.get('/api/staff/bookings?date=2026-12-21', { token: other })).body.find((x: { id: string }) => x.id === b.id)).toBeUndefined();

    const list = await api.get('/api/staff/bookings?date=2026-12-21', { token: await staff() });
    const mine = list.body.find((x: { id: string }) => x.id === b.id);
    expect(mine.applicant.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(list.text).not.toContain(u.phone);

    const checked = await api.post('/api/staff/bookings/check-in', { code: b.code.toLowerCase() }, { token: await staff() });
    expect(checked.status).toBe(200);
    expect(checked.body.status).toBe('checked_in');
    expectErrorShape(await api.post('/api/staff/bookings/check-in', { code: b.code }, { token: await staff() }), 409, 'INVALID_STATE');
    expectErrorShape(await api.post('/api/staff/bookings/check-in', { code: 'ZZZZZZZZ' }, { token: await staff() }), 404, 'NOT_FOUND');
    // a checked-in booking is never a no-show
    await at('2026-12-21T03:00:00.000Z');
    await sweep();
    expect((await api.get(`/api/bookings/${b.id}`, { token: (await refreshed(api, u)).token })).body.status).toBe('checked_in');
  });

  it('reminds the day before and an hour before, once each', async () => {
    await at('2026-12-22T00:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const b = await book(u, await slot('2026-12-23T01:00:00.000Z'));
    const remind = async () => (await api.post('/api/admin/jobs/reminders/run', undefined, { token: await admin() })).body;
    await at('2026-12-22T02:00:00.000Z');
    await remind();
    await remind();
    await at('2026-12-23T00:30:00.000Z');
    await remind();
    const msgs = (await api.get('/api/messages', { token: (await refreshed(api, u)).token })).body as Array<{ type: string; title: string; link: string }>;
    const reminders = msgs.filter((m) => m.type === 'booking_reminder' && m.link.includes(b.id));
    expect(reminders.map((m) => m.title).sort()).toEqual(['明日预约提醒', '预约即将开始']);
  });
});

describe('FORFEIT_DAYS: forfeiture lapses by itself', () => {
  let t: TestApp;
  let api: Client;
  beforeAll(async () => {
    t = await startTestApp({ FORFEIT_DAYS: '10', NO_SHOW_THRESHOLD: '1' });
    api = client(t.url);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('after the configured days the person may book again, and the count restarts', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    const hallId = (await staffToken(api)).hallId;
    await countNoShowsWithoutCall(api, await adminToken(api), hallId);
    const service = await serviceAtHall(api, hallId);
    const slot = async (start: string) =>
      (await createSlot(api, await adminToken(api), { hallId, serviceId: service.id, start, capacity: 3 })).id;
    const u = (await verifiedCitizen(api)) as Session;
    const s1 = await slot('2026-12-08T01:00:00.000Z');
    expect((await api.post('/api/bookings', { slotId: s1, serviceId: service.id }, { token: u.token })).status).toBe(201);
    await setClock(api, '2026-12-08T02:00:00.000Z');
    await api.post('/api/admin/jobs/no-show-sweep/run', undefined, { token: await adminToken(api) });
    const e = (await api.get('/api/me/booking-eligibility', { token: (await refreshed(api, u)).token })).body;
    expect(e).toMatchObject({ noShows: 1, threshold: 1, forfeited: true, until: '2026-12-18T01:00:00.000Z' });
    await setClock(api, '2026-12-18T01:00:00.000Z');
    const later = (await api.get('/api/me/booking-eligibility', { token: (await refreshed(api, u)).token })).body;
    expect(later).toMatchObject({ noShows: 0, forfeited: false, until: null });
  });
});
