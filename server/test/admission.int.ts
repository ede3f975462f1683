import { expectErrorShape } from './helpers/http';
import { useTestApp } from '../../test/support/fixture';
import { adminToken, askOffhours, countNoShowsWithoutCall, refreshed, Session, setClock, staffToken, verifiedCitizen } from './helpers/world';

/**
 * Issue 14, fault 1 and fault 6: every door into a booking passes the same admission rules
 * (DESIGN.md, Appointments), and the booking a door answers is the booking GET shows.
 */
describe('admission: every door into a booking passes the same rules', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z' });
  const api = f.api;
  beforeAll(async () => {
    await countNoShowsWithoutCall(api, f.world.admin, f.world.hallId); // forfeiture by counted no-shows
  });

  const slot = (start: string, capacity = 3, minutes = 30) => f.slot(start, { capacity, minutes });
  const book = async (s: Session, slotId: string) => api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: (await refreshed(api, s)).token });
  const join = async (s: Session, slotId: string) => api.post(`/api/slots/${slotId}/waitlist`, {}, { token: (await refreshed(api, s)).token });
  const accept = async (s: Session, entryId: string) => api.post(`/api/waitlist/${entryId}/accept`, undefined, { token: (await refreshed(api, s)).token });
  const cancel = async (s: Session, bookingId: string) => api.post(`/api/bookings/${bookingId}/cancel`, undefined, { token: (await refreshed(api, s)).token });
  const myWaitlist = async (s: Session) => (await api.get('/api/me/waitlist', { token: (await refreshed(api, s)).token })).body as Array<{ id: string; slotId: string; status: string; offer: { expiresAt: string } | null }>;
  const myBookings = async (s: Session) => (await api.get('/api/bookings', { token: (await refreshed(api, s)).token })).body as Array<{ slot: { id: string }; status: string }>;
  const job = async (name: string) => (await api.post(`/api/admin/jobs/${name}/run`, undefined, { token: await adminToken(api) })).body;
  const citizen = async () => (await verifiedCitizen(api)) as Session;

  it('an offer ends at the slot start (not 15 minutes later), and accepting after the start is refused like a direct booking', async () => {
    // Tuesday 15 December 2026, 08:52 in Shanghai; the slot starts at 09:00, the hold is 15 minutes
    await setClock(api, '2026-12-15T00:52:00.000Z');
    const s = await slot('2026-12-15T01:00:00.000Z', 1);
    const [holder, waiting, late] = [await citizen(), await citizen(), await citizen()];
    const held = await book(holder, s);
    expect(held.status).toBe(201);
    const entry = await join(waiting, s);
    expect(entry.status).toBe(201);
    expect((await cancel(holder, held.body.id)).status).toBe(200);

    const offer = (await myWaitlist(waiting)).find((w) => w.slotId === s)!;
    expect(offer).toMatchObject({ status: 'offered', offer: { expiresAt: '2026-12-15T01:00:00.000Z' } });
    const told = (await api.get('/api/messages', { token: waiting.token })).body.find((m: { type: string }) => m.type === 'waitlist_offer');
    expect(told.body).toContain('保留 8 分钟（至 09:00）');

    await setClock(api, '2026-12-15T01:03:00.000Z'); // 09:03: the slot has started
    const accepted = await accept(waiting, entry.body.id);
    expectErrorShape(accepted, 409, 'SLOT_NOT_BOOKABLE');
    expect(accepted.body.message).toBe('该时段已开始或已过去，不能预约');
    expect((await myBookings(waiting)).filter((b) => b.slot.id === s)).toEqual([]);

    // the sweep lets the lapsed offer go and offers nothing more on a started slot; a direct booking is refused alike
    expect(await job('waitlist-offers')).toMatchObject({ expired: 1, offered: 0 });
    const direct = await book(late, s);
    expectErrorShape(direct, 409, 'SLOT_NOT_BOOKABLE');
    expect(direct.body.message).toBe(accepted.body.message);
  });

  it('a person who lost the right to book (three no-shows) gets no booking through a waitlist offer or an off-hours confirmation', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z'); // Monday 08:00
    const p = await citizen();
    const [h1, h2, q] = [await citizen(), await citizen(), await citizen()];
    // three bookings P will miss: Tuesday, Wednesday and Thursday at 09:00
    for (const start of ['2026-12-08T01:00:00.000Z', '2026-12-09T01:00:00.000Z', '2026-12-10T01:00:00.000Z']) expect((await book(p, await slot(start))).status).toBe(201);
    // two full Friday slots P queues for while still in good standing; Q is behind P on the second
    const f1 = await slot('2026-12-11T02:00:00.000Z', 1);
    const f2 = await slot('2026-12-11T03:00:00.000Z', 1);
    const b1 = await book(h1, f1);
    const b2 = await book(h2, f2);
    const e1 = await join(p, f1);
    const e2 = await join(p, f2);
    expect([e1.status, e2.status, (await join(q, f2)).status]).toEqual([201, 201, 201]);
    // and an off-hours request for Saturday 10:00–11:00, asked in time
    const asked = await askOffhours(api, p.token, { serviceId: f.world.service.id, hallId: f.world.hallId });
    expect(asked.status).toBe(201);

    // Thursday 09:25: two no-shows so far; a place on F1 frees and is offered to P
    await setClock(api, '2026-12-10T01:25:00.000Z');
    await job('no-show-sweep');
    expect((await api.get('/api/me/booking-eligibility', { token: (await refreshed(api, p)).token })).body).toMatchObject({ noShows: 2, forfeited: false });
    expect((await cancel(h1, b1.body.id)).status).toBe(200);
    expect((await myWaitlist(p)).find((w) => w.slotId === f1)).toMatchObject({ status: 'offered', offer: { expiresAt: '2026-12-10T01:40:00.000Z' } });

    // 09:31: the third no-show forfeits while the offer still holds
    await setClock(api, '2026-12-10T01:31:00.000Z');
    await job('no-show-sweep');
    const direct = await book(p, await slot('2026-12-14T01:00:00.000Z'));
    expectErrorShape(direct, 403, 'BOOKING_FORFEITED');
    const viaOffer = await accept(p, e1.body.id);
    expectErrorShape(viaOffer, 403, 'BOOKING_FORFEITED');
    expect(viaOffer.body).toEqual(direct.body);

    // a place freed on F2 now passes P over (P stays in line) and goes to Q
    expect((await cancel(h2, b2.body.id)).status).toBe(200);
    expect((await myWaitlist(p)).find((w) => w.slotId === f2)).toMatchObject({ status: 'waiting', offer: null });
    expect((await myWaitlist(q)).find((w) => w.slotId === f2)).toMatchObject({ status: 'offered' });

    // staff cannot confirm P's off-hours request either; it stays pending
    const staff = (await staffToken(api)).token;
    const confirm = await api.post(`/api/staff/offhours-requests/${asked.body.id}/confirm`, { start: '2026-12-12T02:00:00.000Z', end: '2026-12-12T03:00:00.000Z', staffName: '李窗口' }, { token: staff });
    expectErrorShape(confirm, 403, 'BOOKING_FORFEITED');
    expect((await api.get(`/api/offhours-requests/${asked.body.id}`, { token: p.token })).body).toMatchObject({ status: 'pending', bookingId: null });

    expect((await myBookings(p)).filter((b) => b.status === 'booked')).toEqual([]);
  });

  it('the 201 of POST /bookings shows the slot as GET does: its capacity and the places left', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    const s = await slot('2026-12-16T06:00:00.000Z', 4); // Wednesday 14:00, four places
    const [a, b] = [await citizen(), await citizen()];
    expect((await book(a, s)).status).toBe(201);
    const made = await book(b, s);
    expect(made.status).toBe(201);
    expect(made.body.slot).toMatchObject({ id: s, capacity: 4, remaining: 2 });
    const got = await api.get(`/api/bookings/${made.body.id}`, { token: b.token });
    expect(made.body.slot).toEqual(got.body.slot);
  });
});
