import { expectErrorShape, must } from '../../test/support/http';
import { useTestApp } from '../../test/support/fixture';
import { refreshed, Session, setClock, staffToken, verifiedCitizen } from '../../test/support/world';
import { sql } from '../../test/support/test-app';

type Booking = { id: string; code: string; status: string; start: string; slot: { id: string } };

/**
 * Rescheduling (issue 15): POST /bookings/:id/reschedule takes the new place and frees the old one in
 * one transaction, applies every admission rule to the new slot, and keeps the booking's id and code.
 */
describe('rescheduling a booking', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z' });
  const api = f.api;
  const token = async (u: Session) => (await refreshed(api, u)).token;
  const book = async (u: Session, slotId: string): Promise<Booking> => must(await api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: await token(u) }), 201, 'book');
  const move = async (u: Session, id: string, slotId: string) => api.post(`/api/bookings/${id}/reschedule`, { slotId }, { token: await token(u) });
  const remaining = async (slotId: string, day: string): Promise<number> =>
    must(await api.get(`/api/services/${f.world.service.id}/slots?hallId=${f.world.hallId}&from=${day}&to=${day}`), 200, 'slots').find((s: { id: string }) => s.id === slotId).remaining;
  /** Every slot's counter equals its live bookings. */
  const consistent = async (slotIds: string[]) => {
    const rows = await sql<{ id: string; booked: number; live: number }>(
      f.t.config.database.url!,
      "SELECT s.id, s.booked, (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = s.id AND b.status IN ('booked','checked_in')) AS live FROM slots s WHERE s.id IN (?)",
      [slotIds],
    );
    for (const r of rows) expect({ id: r.id, booked: Number(r.booked) }).toEqual({ id: r.id, booked: Number(r.live) });
    return rows;
  };

  it('moves the booking: same id and code, new time, the old place freed and the new one taken; the person is told', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    const from = await f.slot('2026-12-08T01:00:00.000Z', { capacity: 2 });
    const to = await f.slot('2026-12-09T03:00:00.000Z', { capacity: 2 });
    const u = await verifiedCitizen(api);
    const b = await book(u, from);
    const moved = must(await move(u, b.id, to), 200, 'reschedule');
    expect(moved).toMatchObject({ id: b.id, code: b.code, status: 'booked', start: '2026-12-09T03:00:00.000Z', slot: { id: to } });
    expect(await remaining(from, '2026-12-08')).toBe(2);
    expect(await remaining(to, '2026-12-09')).toBe(1);
    const msgs = must(await api.get('/api/messages', { token: await token(u) }), 200, 'messages') as Array<{ type: string; body: string }>;
    expect(msgs.find((m) => m.type === 'booking_rescheduled')!.body).toContain(b.code);
    // the staff check it in on the new day, by the same code
    await setClock(api, '2026-12-09T02:50:00.000Z');
    expect(must(await api.post('/api/staff/bookings/check-in', { code: b.code }, { token: (await staffToken(api)).token }), 200, 'check-in').status).toBe('checked_in');
    await consistent([from, to]);
  });

  it('applies every rule to the new slot and leaves the booking where it was when refused', async () => {
    await setClock(api, '2026-12-14T00:00:00.000Z');
    const home = await f.slot('2026-12-15T01:00:00.000Z');
    const full = await f.slot('2026-12-15T02:00:00.000Z', { capacity: 1 });
    const taken = await f.slot('2026-12-16T01:00:00.000Z');
    const u = await verifiedCitizen(api);
    const other = await verifiedCitizen(api);
    const b = await book(u, home);
    await book(other, full);
    await book(u, taken); // u already has this service on 12-16
    const elsewhere = await f.slot('2026-12-16T02:00:00.000Z');

    expectErrorShape(await move(u, b.id, full), 409, 'SLOT_FULL');
    expectErrorShape(await move(u, b.id, elsewhere), 409, 'DUPLICATE_BOOKING');
    expectErrorShape(await move(u, b.id, home), 409, 'INVALID_STATE');
    expectErrorShape(await move(u, b.id, '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    expectErrorShape(await move(other, b.id, elsewhere), 404, 'NOT_FOUND');
    const closed = await f.slot('2026-12-17T01:00:00.000Z');
    must(await api.post(`/api/admin/slots/${closed}/close`, { reason: '系统维护' }, { token: f.world.admin }), 200, 'close');
    expectErrorShape(await move(u, b.id, closed), 409, 'HALL_CLOSED');
    const mine = must(await api.get(`/api/bookings/${b.id}`, { token: await token(u) }), 200, 'booking');
    expect(mine).toMatchObject({ status: 'booked', slot: { id: home } });

    // once it started, or when cancelled, it cannot move
    const later = await f.slot('2026-12-18T01:00:00.000Z');
    await setClock(api, '2026-12-15T01:00:00.000Z');
    expectErrorShape(await move(u, b.id, later), 409, 'INVALID_STATE');
    await consistent([home, full, taken, elsewhere, later]);
  });

  it('a reschedule and a direct booking racing for the last place: exactly one gets it, every time', async () => {
    await setClock(api, '2026-12-21T00:00:00.000Z');
    for (let round = 0; round < 8; round++) {
      const start = new Date(Date.parse('2026-12-22T01:00:00.000Z') + round * 30 * 60_000).toISOString();
      const home = await f.slot(new Date(Date.parse(start) + 24 * 3_600_000).toISOString());
      const last = await f.slot(start, { capacity: 1 });
      const [mover, booker] = [await verifiedCitizen(api), await verifiedCitizen(api)];
      const b = await book(mover, home);
      const [mt, bt] = [await token(mover), await token(booker)];
      const [moved, direct] = await Promise.all([
        api.post(`/api/bookings/${b.id}/reschedule`, { slotId: last }, { token: mt }),
        api.post('/api/bookings', { slotId: last, serviceId: f.world.service.id }, { token: bt }),
      ]);
      expect([moved.status === 200, direct.status === 201].filter(Boolean)).toHaveLength(1);
      const lost = moved.status === 200 ? direct : moved;
      expect(lost.status).toBe(409);
      expect(lost.body.code).toBe('SLOT_FULL');
      // the loser of a reschedule keeps the old place
      if (moved.status !== 200) expect(must(await api.get(`/api/bookings/${b.id}`, { token: await token(mover) }), 200, 'booking').slot.id).toBe(home);
      const rows = await consistent([home, last]);
      expect(Number(rows.find((r) => r.id === last)!.booked)).toBe(1);
    }
  });

  it('two moves of one booking at once: it lands in one slot, and no place is lost', async () => {
    await setClock(api, '2026-12-28T00:00:00.000Z');
    const home = await f.slot('2026-12-29T01:00:00.000Z', { capacity: 2 });
    const a = await f.slot('2026-12-30T01:00:00.000Z', { capacity: 2 });
    const c = await f.slot('2026-12-31T01:00:00.000Z', { capacity: 2 });
    const u = await verifiedCitizen(api);
    const b = await book(u, home);
    const t = await token(u);
    const answers = await Promise.all([api.post(`/api/bookings/${b.id}/reschedule`, { slotId: a }, { token: t }), api.post(`/api/bookings/${b.id}/reschedule`, { slotId: c }, { token: t })]);
    expect(answers.filter((x) => x.status === 200)).toHaveLength(1);
    const rows = await consistent([home, a, c]);
    expect(rows.reduce((n, r) => n + Number(r.booked), 0)).toBe(1);
  });
});
