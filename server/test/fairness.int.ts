import { expectErrorShape } from './helpers/http';
import { adminToken, countNoShowsWithoutCall, createSlot, pool, refreshed, Session, setClock, staffToken, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';
import { connectDatabase } from './helpers/test-app';

/** Fair rules people can see: the no-show record and appeals, and the waitlist. */
describe('no-show record, appeals and waitlist', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z' });
  const api = f.api;
  let hallId: string;
  let service: { id: string };

  beforeAll(async () => {
    ({ hallId, service } = f.world);
    await countNoShowsWithoutCall(api, f.world.admin, hallId); // the counting itself: no call first
  });

  const slot = async (start: string, capacity = 5) =>
    (await createSlot(api, await adminToken(api), { hallId, serviceId: service.id, start, capacity })).id;
  const book = async (s: Session, slotId: string) => api.post('/api/bookings', { slotId, serviceId: service.id }, { token: (await refreshed(api, s)).token });
  const sweep = async () => api.post('/api/admin/jobs/no-show-sweep/run', undefined, { token: await adminToken(api) });
  const dbValue = async (sql: string, params: unknown[]) => {
    const conn = await connectDatabase(f.t.config.database.url!);
    try {
      const [rows] = await conn.query(sql, params);
      return Object.values((rows as Array<Record<string, unknown>>)[0])[0];
    } finally {
      await conn.end();
    }
  };

  it('lists each no-show with whether it counts; one appeal each; a waived appeal un-forfeits; a rejected one is answered', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const starts = ['2026-12-08T01:00:00.000Z', '2026-12-09T01:00:00.000Z', '2026-12-10T01:00:00.000Z'];
    const ids: string[] = [];
    for (const start of starts) ids.push((await book(u, await slot(start))).body.id);
    await setClock(api, '2026-12-10T03:00:00.000Z');
    await sweep();
    const record = await api.get('/api/me/no-shows', { token: (await refreshed(api, u)).token });
    expect(record.body).toHaveLength(3);
    expect(record.body[0]).toMatchObject({ bookingId: ids[2], date: '2026-12-10', counts: true, reason: '计入爽约次数', appeal: null });
    expect(record.body[0].hallName).toContain('政务服务中心');
    expect((await api.get('/api/me/booking-eligibility', { token: u.token })).body.forfeited).toBe(true);

    const appeal = await api.post(`/api/me/no-shows/${ids[1]}/appeal`, { reason: '当天突发急病住院，有医院证明' }, { token: u.token });
    expect(appeal.status).toBe(201);
    expectErrorShape(await api.post(`/api/me/no-shows/${ids[1]}/appeal`, { reason: '再申诉一次' }, { token: u.token }), 409, 'INVALID_STATE');
    const rejectMe = await api.post(`/api/me/no-shows/${ids[0]}/appeal`, { reason: '忘记了' }, { token: u.token });

    const staff = (await staffToken(api)).token;
    const open = await api.get('/api/staff/appeals?status=open', { token: staff });
    expect(open.body.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([appeal.body.id, rejectMe.body.id]));
    const waived = await api.post(`/api/staff/appeals/${appeal.body.id}/decide`, { waive: true, answer: '已核实医院证明，予以豁免' }, { token: staff });
    expect(waived.body.status).toBe('waived');
    const rejected = await api.post(`/api/staff/appeals/${rejectMe.body.id}/decide`, { waive: false, answer: '未提供任何证明材料' }, { token: staff });
    expect(rejected.body.status).toBe('rejected');
    expectErrorShape(await api.post(`/api/staff/appeals/${appeal.body.id}/decide`, { waive: false, answer: '改主意了' }, { token: staff }), 409, 'INVALID_STATE');

    const after = (await api.get('/api/me/no-shows', { token: u.token })).body as Array<{ bookingId: string; counts: boolean; reason: string; appeal: { status: string; answer: string } }>;
    const one = after.find((r) => r.bookingId === ids[1])!;
    expect(one.counts).toBe(false);
    expect(one.reason).toContain('已豁免');
    expect(one.appeal).toMatchObject({ status: 'waived', answer: '已核实医院证明，予以豁免' });
    expect(after.find((r) => r.bookingId === ids[0])!.appeal).toMatchObject({ status: 'rejected', answer: '未提供任何证明材料' });
    expect((await api.get('/api/me/booking-eligibility', { token: u.token })).body).toMatchObject({ noShows: 2, forfeited: false });
    const types = (await api.get('/api/messages', { token: u.token })).body.map((m: { type: string }) => m.type);
    expect(types).toEqual(expect.arrayContaining(['appeal_waived', 'appeal_rejected', 'forfeited']));
  });

  it('waitlist: the first in line is offered a freed place with a hold; it lapses and passes on; the next accepts', async () => {
    await setClock(api, '2026-12-14T00:00:00.000Z');
    const [a, b, c, d] = (await pool([1, 2, 3, 4], 4, () => verifiedCitizen(api))) as Session[];
    const s = await slot('2026-12-15T01:00:00.000Z', 1);
    const booking = await book(a, s);
    expect(booking.status).toBe(201);

    const open = await slot('2026-12-15T02:00:00.000Z', 3);
    expectErrorShape(await api.post(`/api/slots/${open}/waitlist`, {}, { token: b.token }), 409, 'INVALID_STATE'); // not full: book it

    const jb = await api.post(`/api/slots/${s}/waitlist`, {}, { token: b.token });
    const jc = await api.post(`/api/slots/${s}/waitlist`, {}, { token: c.token });
    expect([jb.status, jb.body.position, jc.status, jc.body.position]).toEqual([201, 1, 201, 2]);
    expectErrorShape(await api.post(`/api/slots/${s}/waitlist`, {}, { token: b.token }), 409, 'INVALID_STATE');

    // a cancellation frees the place: B is offered it and it is held
    expect((await api.post(`/api/bookings/${booking.body.id}/cancel`, undefined, { token: a.token })).status).toBe(200);
    const bMine = (await api.get('/api/me/waitlist', { token: b.token })).body[0];
    expect(bMine).toMatchObject({ slotId: s, status: 'offered', position: 1 });
    expect(bMine.offer.expiresAt).toBe('2026-12-14T00:15:00.000Z');
    expect((await api.get('/api/messages', { token: b.token })).body[0]).toMatchObject({ type: 'waitlist_offer' });
    expectErrorShape(await book(d, s), 409, 'SLOT_FULL'); // held for B, not for whoever taps first

    // B lets the hold lapse: the offer passes to C
    await setClock(api, '2026-12-14T00:15:00.000Z');
    expectErrorShape(await api.post(`/api/waitlist/${jb.body.id}/accept`, undefined, { token: (await refreshed(api, b)).token }), 409, 'INVALID_STATE');
    const swept = await api.post('/api/admin/jobs/waitlist-offers/run', undefined, { token: await adminToken(api) });
    expect(swept.body).toMatchObject({ expired: 1, offered: 1 });
    const cMine = (await api.get('/api/me/waitlist', { token: (await refreshed(api, c)).token })).body[0];
    expect(cMine.status).toBe('offered');
    const accepted = await api.post(`/api/waitlist/${jc.body.id}/accept`, undefined, { token: c.token });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ status: 'booked', slot: { id: s, remaining: 0 } });
    expect(await dbValue('SELECT booked + held FROM slots WHERE id = ?', [s])).toBe(1);
  });

  it('50 racers for one freed place give exactly one booking', async () => {
    await setClock(api, '2026-12-14T00:00:00.000Z');
    const racers = (await pool(Array.from({ length: 50 }), 10, () => verifiedCitizen(api))) as Session[];
    const holder = (await verifiedCitizen(api)) as Session;
    const s = await slot('2026-12-16T01:00:00.000Z', 1);
    const held = await book(holder, s);
    const entries = await pool(racers, 10, async (r) => (await api.post(`/api/slots/${s}/waitlist`, {}, { token: r.token })).body.id as string);
    await api.post(`/api/bookings/${held.body.id}/cancel`, undefined, { token: holder.token });
    // everyone taps at once: each accepts their own place in line and also tries to book directly
    const answers = await Promise.all(
      racers.flatMap((r, i) => [
        api.post(`/api/waitlist/${entries[i]}/accept`, undefined, { token: r.token }),
        api.post('/api/bookings', { slotId: s, serviceId: service.id }, { token: r.token }),
      ]),
    );
    expect(answers.filter((x) => x.status >= 500)).toEqual([]);
    expect(answers.filter((x) => x.status === 201)).toHaveLength(1);
    expect(await dbValue("SELECT COUNT(*) FROM bookings WHERE slot_id = ? AND status = 'booked'", [s])).toBe(1);
    expect(await dbValue('SELECT booked + held FROM slots WHERE id = ?', [s])).toBe(1);
  });

  it('forfeited people cannot join a waitlist', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    for (const start of ['2026-12-08T05:00:00.000Z', '2026-12-09T05:00:00.000Z', '2026-12-10T05:00:00.000Z']) expect((await book(u, await slot(start))).status).toBe(201);
    await setClock(api, '2026-12-11T00:00:00.000Z');
    await sweep();
    const full = await slot('2026-12-14T05:00:00.000Z', 1);
    const other = (await verifiedCitizen(api)) as Session;
    expect((await book(other, full)).status).toBe(201);
    expectErrorShape(await api.post(`/api/slots/${full}/waitlist`, {}, { token: (await refreshed(api, u)).token }), 403, 'BOOKING_FORFEITED');
  });
});
