import { expectErrorShape, must, staffSignIn } from '../../test/support/http';
import { useTestApp } from '../../test/support/fixture';
import { adminToken, createSlot, refreshed, serviceAtHall, Session, setClock, staffToken, verifiedCitizen } from '../../test/support/world';

type Booking = { id: string; code: string; status: string; noShow: null | { counts: boolean; contact: null | { reached: boolean; outcome: string } } };

/**
 * No-shows as each hall's own rules say (issue 15): the city hall calls a late applicant before the
 * no-show counts (罗山 预约办 四.2, 30 minutes), the county hall counts after 60 minutes without a call
 * (新郑 五(三)3); a late applicant is checked in whatever the policy.
 */
describe('no-shows by the hall’s policy', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z' });
  const api = f.api;
  let county: { hallId: string; serviceId: string };

  const at = (iso: string) => setClock(api, iso);
  const staff = async () => (await staffToken(api)).token;
  const admin = () => adminToken(api);
  const sweep = async () => must(await api.post('/api/admin/jobs/no-show-sweep/run', undefined, { token: await admin() }), 200, 'sweep') as { marked: number };
  const book = async (u: Session, slotId: string, serviceId = f.world.service.id): Promise<Booking> =>
    must(await api.post('/api/bookings', { slotId, serviceId }, { token: (await refreshed(api, u)).token }), 201, 'book');
  const mine = async (u: Session, id: string): Promise<Booking> => must(await api.get(`/api/bookings/${id}`, { token: (await refreshed(api, u)).token }), 200, 'booking');
  const noShows = async (u: Session): Promise<number> => must(await api.get('/api/me/booking-eligibility', { token: (await refreshed(api, u)).token }), 200, 'eligibility').noShows;
  const messages = async (u: Session): Promise<Array<{ type: string; body: string }>> => must(await api.get('/api/messages', { token: (await refreshed(api, u)).token }), 200, 'messages');
  const contact = (id: string, body: Record<string, unknown>, token: string) => api.post(`/api/staff/bookings/${id}/contact`, body, { token });

  beforeAll(async () => {
    const halls = await api.json<Array<{ id: string; name: string }>>('GET', '/api/halls');
    const hallId = halls.find((h) => h.name === '云溪县政务服务中心')!.id;
    const service = await serviceAtHall(api, hallId);
    must(await api.post('/api/admin/staff', { username: 'county02', password: 'County2026', name: '县窗口', hallId }, { token: f.world.admin }), 201, 'county staff');
    county = { hallId, serviceId: service.id };
  });

  it('city hall (罗山): past 30 minutes a no-show is pending; the call list shows it; only a failed call makes it count', async () => {
    await at('2026-12-07T00:00:00.000Z');
    const slotId = await f.slot('2026-12-08T01:00:00.000Z', { capacity: 6 }); // Tuesday 09:00
    const [u1, u2, u3, u4] = await Promise.all([0, 1, 2, 3].map(() => verifiedCitizen(api)));
    const [b1, b2, b3, b4] = [await book(u1, slotId), await book(u2, slotId), await book(u3, slotId), await book(u4, slotId)];

    await at('2026-12-08T01:29:00.000Z');
    expect((await sweep()).marked).toBe(0);
    // the call list already holds late bookings, before the grace is over
    const early = must(await api.get('/api/staff/bookings?date=2026-12-08&status=late', { token: await staff() }), 200, 'late list');
    expect(early.map((b: { id: string }) => b.id).sort()).toEqual([b1.id, b2.id, b3.id, b4.id].sort());
    expect(early[0]).toMatchObject({ status: 'booked', contactRequired: true, contact: null, canMarkNoShow: false });

    await at('2026-12-08T01:30:00.000Z');
    expect((await sweep()).marked).toBe(4);
    expect(await mine(u1, b1.id)).toMatchObject({ status: 'no_show', noShow: { counts: false, contact: null } });
    expect(await noShows(u1)).toBe(0);
    const told = (await messages(u1)).map((m) => m.type);
    expect(told).toContain('no_show_pending');
    expect(told).not.toContain('no_show');

    // the call list: every pending no-show of the day
    const list = must(await api.get('/api/staff/bookings?date=2026-12-08&status=late', { token: await staff() }), 200, 'late list');
    expect(list.map((b: { id: string }) => b.id).sort()).toEqual([b1.id, b2.id, b3.id, b4.id].sort());

    // u1 cannot be reached: now it counts, and they are told
    const s = await staff();
    const r1 = must(await contact(b1.id, { reached: false, outcome: 'none', note: '电话无人接听' }, s), 200, 'contact u1');
    expect(r1).toMatchObject({ status: 'no_show', noShow: { counts: true }, contact: { reached: false, outcome: 'none', note: '电话无人接听' } });
    expect(await noShows(u1)).toBe(1);
    expect((await messages(u1)).map((m) => m.type)).toContain('no_show');
    // a later call is kept, but a counted no-show stays counted
    expect(must(await contact(b1.id, { reached: true, outcome: 'gave_up' }, s), 200, 'call again')).toMatchObject({ status: 'no_show', noShow: { counts: true } });
    expect(await noShows(u1)).toBe(1);

    // u2 is reached and still comes: checked in late and served, never counted
    must(await contact(b2.id, { reached: true, outcome: 'coming' }, s), 200, 'contact u2');
    await at('2026-12-08T02:45:00.000Z');
    const checked = must(await api.post('/api/staff/bookings/check-in', { code: b2.code }, { token: await staff() }), 200, 'late check-in');
    expect(checked.status).toBe('checked_in');
    expect(await noShows(u2)).toBe(0);

    // u4 is reached and gives up: cancelled without penalty
    const gave = must(await contact(b4.id, { reached: true, outcome: 'gave_up' }, await staff()), 200, 'contact u4');
    expect(gave.status).toBe('cancelled');
    expect(await noShows(u4)).toBe(0);

    // the call list now holds only u3, whom nobody called
    const rest = must(await api.get('/api/staff/bookings?date=2026-12-08&status=late', { token: await staff() }), 200, 'late list');
    expect(rest.map((b: { id: string }) => b.id)).toEqual([b3.id]);

    // mismatched answers are refused
    expectErrorShape(await contact(b3.id, { reached: false, outcome: 'coming' }, await staff()), 400, 'VALIDATION_FAILED');
    expectErrorShape(await contact(b3.id, { reached: true, outcome: 'maybe' }, await staff()), 400, 'VALIDATION_FAILED');
    expectErrorShape(await contact(b3.id, { reached: true, outcome: 'coming' }, (await staffSignIn(api, 'county02', 'County2026')).accessToken), 404, 'NOT_FOUND');

    // next day: u3, never called, does not count, cannot be made to count, and has nothing to appeal
    await at('2026-12-09T01:00:00.000Z');
    expect(await noShows(u3)).toBe(0);
    expect(await mine(u3, b3.id)).toMatchObject({ status: 'no_show', noShow: { counts: false, contact: null } });
    expectErrorShape(await contact(b3.id, { reached: false, outcome: 'none' }, await staff()), 409, 'INVALID_STATE');
    expectErrorShape(await api.post(`/api/me/no-shows/${b3.id}/appeal`, { reason: '我没有爽约记录为何显示' }, { token: (await refreshed(api, u3)).token }), 409, 'INVALID_STATE');
    expect(must(await api.get('/api/me/no-shows', { token: (await refreshed(api, u3)).token }), 200, 'record')).toEqual([]);
  });

  it('county hall (新郑): a no-show counts after 60 minutes without a call; a late applicant is still checked in and it no longer counts', async () => {
    await at('2026-12-09T00:00:00.000Z');
    const slotId = (await createSlot(api, await admin(), { hallId: county.hallId, serviceId: county.serviceId, start: '2026-12-10T01:00:00.000Z' })).id;
    const u = await verifiedCitizen(api);
    const b = await book(u, slotId, county.serviceId);

    await at('2026-12-10T01:59:00.000Z');
    const cs = (await staffSignIn(api, 'county02', 'County2026')).accessToken;
    expectErrorShape(await api.post(`/api/staff/bookings/${b.id}/no-show`, undefined, { token: cs }), 409, 'INVALID_STATE');
    await sweep();
    expect((await mine(u, b.id)).status).toBe('booked');
    const listed = must(await api.get('/api/staff/bookings?date=2026-12-10', { token: cs }), 200, 'list').find((x: { id: string }) => x.id === b.id);
    expect(listed).toMatchObject({ noShowFrom: '2026-12-10T02:00:00.000Z', contactRequired: false, canMarkNoShow: false });

    await at('2026-12-10T02:00:00.000Z');
    expect((await sweep()).marked).toBeGreaterThanOrEqual(1);
    expect(await mine(u, b.id)).toMatchObject({ status: 'no_show', noShow: { counts: true, contact: null } });
    expect(await noShows(u)).toBe(1);
    // not on the call list: it already counts
    expect(must(await api.get('/api/staff/bookings?date=2026-12-10&status=late', { token: cs }), 200, 'late').map((x: { id: string }) => x.id)).not.toContain(b.id);

    await at('2026-12-10T03:10:00.000Z');
    const checked = must(await api.post('/api/staff/bookings/check-in', { code: b.code }, { token: (await staffSignIn(api, 'county02', 'County2026')).accessToken }), 200, 'late check-in');
    expect(checked.status).toBe('checked_in');
    expect(await noShows(u)).toBe(0);
    expect((await messages(u)).map((m) => m.type)).toContain('no_show_withdrawn');
  });

  it('staff record a no-show by hand only after the hall’s grace, pending where a call is required', async () => {
    await at('2026-12-10T00:00:00.000Z');
    const slotId = await f.slot('2026-12-11T01:00:00.000Z');
    const u = await verifiedCitizen(api);
    const b = await book(u, slotId);
    await at('2026-12-11T01:29:00.000Z');
    expectErrorShape(await api.post(`/api/staff/bookings/${b.id}/no-show`, undefined, { token: await staff() }), 409, 'INVALID_STATE');
    await at('2026-12-11T01:30:00.000Z');
    const marked = must(await api.post(`/api/staff/bookings/${b.id}/no-show`, undefined, { token: await staff() }), 200, 'no-show');
    expect(marked).toMatchObject({ status: 'no_show', noShow: { counts: false } });
    expect(await noShows(u)).toBe(0);
  });
});
