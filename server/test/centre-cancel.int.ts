import { expectErrorShape, must, staffSignIn } from '../../test/support/http';
import { useTestApp } from '../../test/support/fixture';
import { adminToken, createService, refreshed, Session, setClock, staffToken, verifiedCitizen } from '../../test/support/world';

type Slot = { id: string; start: string; end: string; remaining: number; hallId: string };
type Message = { type: string; title: string; body: string; link: string };

/**
 * The centre's own failures (issue 15; 新郑 五(三)3): a staff cancel, a day closed in the calendar and a
 * service withdrawn at a hall each make the booking `cancelled_by_centre`, tell the applicant why with
 * the three nearest free slots, never count as a no-show, and leave the booking rateable.
 */
describe('bookings the centre cancels', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z' });
  const api = f.api;
  const at = (iso: string) => setClock(api, iso);
  const staff = async () => (await staffToken(api)).token;
  const book = async (u: Session, slotId: string, serviceId = f.world.service.id) =>
    must(await api.post('/api/bookings', { slotId, serviceId }, { token: (await refreshed(api, u)).token }), 201, 'book') as { id: string; code: string };
  const detail = async (u: Session, id: string) => must(await api.get(`/api/bookings/${id}`, { token: (await refreshed(api, u)).token }), 200, 'booking');
  const messages = async (u: Session): Promise<Message[]> => must(await api.get('/api/messages', { token: (await refreshed(api, u)).token }), 200, 'messages');
  const offered = async (serviceId: string, from: string, to: string): Promise<Slot[]> =>
    must(await api.get(`/api/services/${serviceId}/slots?hallId=${f.world.hallId}&from=${from}&to=${to}`), 200, 'slots');

  it('a staff cancel: cancelled by the centre with the reason and the three nearest free slots; never a no-show; rateable', async () => {
    await at('2026-12-07T00:00:00.000Z');
    const slotId = await f.slot('2026-12-08T01:00:00.000Z', { capacity: 2 });
    const u = await verifiedCitizen(api);
    const b = await book(u, slotId);

    expectErrorShape(await api.post(`/api/staff/bookings/${b.id}/cancel`, { reason: 'x' }, { token: await staff() }), 400, 'VALIDATION_FAILED');
    const halls = await api.json<Array<{ id: string; name: string }>>('GET', '/api/halls');
    must(await api.post('/api/admin/staff', { username: 'county03', password: 'County2026', name: '县窗口', hallId: halls.find((h) => h.id !== f.world.hallId)!.id }, { token: f.world.admin }), 201, 'staff');
    expectErrorShape(await api.post(`/api/staff/bookings/${b.id}/cancel`, { reason: '窗口设备故障' }, { token: (await staffSignIn(api, 'county03', 'County2026')).accessToken }), 404, 'NOT_FOUND');

    const cancelled = must(await api.post(`/api/staff/bookings/${b.id}/cancel`, { reason: '窗口设备故障，暂停办理' }, { token: await staff() }), 200, 'cancel');
    expect(cancelled).toMatchObject({ status: 'cancelled_by_centre', cancelReason: '窗口设备故障，暂停办理' });
    expectErrorShape(await api.post(`/api/staff/bookings/${b.id}/cancel`, { reason: '再取消一次' }, { token: await staff() }), 409, 'INVALID_STATE');

    // the three nearest free slots of the service at that hall, as the public listing offers them
    const free = (await offered(f.world.service.id, '2026-12-07', '2026-12-21')).filter((s) => s.remaining > 0 && s.id !== slotId);
    const mine = await detail(u, b.id);
    expect(mine).toMatchObject({ status: 'cancelled_by_centre', cancelReason: '窗口设备故障，暂停办理', noShow: null, rateable: true });
    expect(mine.rebookSlots.map((s: Slot) => s.id)).toEqual(free.slice(0, 3).map((s) => s.id));
    const m = (await messages(u)).find((x) => x.type === 'booking_cancelled_by_centre')!;
    expect(m.body).toContain('原因：窗口设备故障，暂停办理');
    expect(m.body).toContain('不计入爽约');
    expect(m.body).toContain('最近可预约的时段');
    expect(m.link).toBe(`/subpackages/booking/pages/book/index?serviceId=${f.world.service.id}`);

    // one tap: an offered slot books (another day: one booking per service and day)
    const other = (mine.rebookSlots as Slot[]).find((s) => s.start.slice(0, 10) !== '2026-12-08') ?? mine.rebookSlots[0];
    expect((await book(u, other.id)).id).toBeTruthy();

    // the place is free again, and the booking's time passing makes no no-show
    expect((await offered(f.world.service.id, '2026-12-08', '2026-12-08')).find((s) => s.id === slotId)!.remaining).toBe(2);
    await at('2026-12-08T03:00:00.000Z');
    must(await api.post('/api/admin/jobs/no-show-sweep/run', undefined, { token: await adminToken(api) }), 200, 'sweep');
    expect((await detail(u, b.id)).status).toBe('cancelled_by_centre');
    expect(must(await api.get('/api/me/booking-eligibility', { token: u.token }), 200, 'eligibility').noShows).toBe(0);
  });

  it('closing a day cancels its bookings on the regular opening; one-off slots of that day stay', async () => {
    await at('2026-12-07T00:00:00.000Z');
    const regular = (await offered(f.world.service.id, '2026-12-09', '2026-12-09')).find((s) => s.remaining > 0)!;
    const oneOff = await f.slot('2026-12-09T10:00:00.000Z'); // 18:00, an evening slot the admin made
    const [u1, u2] = [await verifiedCitizen(api), await verifiedCitizen(api)];
    const b1 = await book(u1, regular.id);
    const b2 = await book(u2, oneOff);

    must(await api.put('/api/admin/calendar/2026-12-09', { workday: false, name: '临时闭厅' }, { token: f.world.admin }), 200, 'close day');
    const d1 = await detail(u1, b1.id);
    expect(d1).toMatchObject({ status: 'cancelled_by_centre', rateable: true });
    expect(d1.cancelReason).toContain('临时闭厅');
    expect(d1.rebookSlots).toHaveLength(3);
    for (const s of d1.rebookSlots as Slot[]) expect(s.start.slice(0, 10) === '2026-12-09' && s.id !== oneOff).toBe(false);
    expect((await detail(u2, b2.id)).status).toBe('booked');
    expect((await messages(u1)).find((x) => x.type === 'booking_cancelled_by_centre')!.body).toContain('临时闭厅');
    // closing it again changes nothing and tells nobody twice
    must(await api.put('/api/admin/calendar/2026-12-09', { workday: false, name: '临时闭厅' }, { token: f.world.admin }), 200, 'close again');
    expect((await messages(u1)).filter((x) => x.type === 'booking_cancelled_by_centre')).toHaveLength(1);
    must(await api.del('/api/admin/calendar/2026-12-09', { token: f.world.admin }), 200, 'reopen');
  });

  it('withdrawing a service from a hall, or deactivating it, cancels its bookings there', async () => {
    await at('2026-12-07T00:00:00.000Z');
    const halls = await api.json<Array<{ id: string; name: string }>>('GET', '/api/halls');
    const county = halls.find((h) => h.name === '云溪县政务服务中心')!.id;
    const svc = await createService(api, f.world.admin, { hallIds: [f.world.hallId, county] });
    const citySlot = await f.slot('2026-12-10T01:00:00.000Z', { serviceId: svc.id });
    const countySlot = await f.slot('2026-12-10T01:00:00.000Z', { serviceId: svc.id, hallId: county });
    const [u1, u2] = [await verifiedCitizen(api), await verifiedCitizen(api)];
    const b1 = await book(u1, citySlot, svc.id);
    const b2 = await book(u2, countySlot, svc.id);

    must(await api.put(`/api/admin/services/${svc.id}`, { ...svc.body, hallIds: [county] }, { token: f.world.admin }), 200, 'withdraw at city');
    const d1 = await detail(u1, b1.id);
    expect(d1).toMatchObject({ status: 'cancelled_by_centre', cancelReason: '该事项已不在本大厅办理', rebookSlots: [] });
    expect((await detail(u2, b2.id)).status).toBe('booked');

    must(await api.del(`/api/admin/services/${svc.id}`, { token: f.world.admin }), 204, 'deactivate');
    expect(await detail(u2, b2.id)).toMatchObject({ status: 'cancelled_by_centre', cancelReason: '该事项已暂停办理' });
  });
});
