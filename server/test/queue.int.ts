import { Client, expectErrorShape, must } from './helpers/http';
import { useTestApp } from '../../test/support/fixture';
import { openStream } from './helpers/sse';
import { outboxSettled } from './helpers/outbox';
import { QueueStreamsService } from '../src/queue/queue-streams.service';
import { adminToken, refreshed, Session, setClock, staffToken, verifiedCitizen } from './helpers/world';

/**
 * The hall's queue (issue 15; DESIGN.md "The hall's queue"; API.md, The hall's queue and Staff): the
 * daily hall code, numbers per lane, the call order, ahead and the estimate, skip / requeue once /
 * recall / serve / finish, 延时办 (served after closing, recorded), the public screen, and the live
 * ticket stream read over HTTP. Monday 2026-12-07 at the demo city hall (closes 17:00 by its policy).
 */
const DAY = '2026-12-07';
const shanghai = (hhmm: string) => `${DAY}T${hhmm}:00.000+08:00`;

interface Ticket {
  id: string;
  number: string;
  lane: string;
  status: string;
  ahead: number;
  estimatedWaitMinutes: number;
  window: { id: string; name: string } | null;
  greenRequested: boolean;
  greenConfirmed: boolean;
  canRequeue: boolean;
  callCount?: number;
}

describe('the hall queue', () => {
  const f = useTestApp({ now: shanghai('08:00') });
  let api: Client;
  let staff: string;
  let windows: Array<{ id: string; name: string }>;
  let code: string;

  const at = async (hhmm: string) => {
    await setClock(api, shanghai(hhmm));
    staff = (await staffToken(api)).token;
  };
  const citizen = async () => (await verifiedCitizen(api)) as Session;
  const take = async (s: Session, body: Record<string, unknown> = {}) =>
    must<Ticket>(await api.post(`/api/halls/${f.world.hallId}/tickets`, { serviceId: f.world.service.id, hallCode: code, ...body }, { token: (await refreshed(api, s)).token }), 201, 'take');
  const view = async (s: Session, id: string) => must<Ticket>(await api.get(`/api/tickets/${id}`, { token: (await refreshed(api, s)).token }), 200, 'ticket');
  const act = async (id: string, action: string, body?: unknown) => api.post(`/api/staff/tickets/${id}/${action}`, body, { token: staff });
  const callNext = async (w: number) => must<Ticket>(await api.post(`/api/staff/windows/${windows[w].id}/call-next`, undefined, { token: staff }), 200, 'call-next');

  beforeAll(async () => {
    api = f.api;
    await at('08:30');
    windows = must(await api.get('/api/staff/windows', { token: staff }), 200, 'windows');
    expect(windows.map((w) => w.name)).toEqual(['1号窗口', '2号窗口', '3号窗口', '4号窗口']);
  });

  it('prints a daily hall code and refuses a ticket without it', async () => {
    const hc = must(await api.get('/api/staff/hall-code', { token: staff }), 200, 'hall-code');
    expect(hc.validOn).toBe(DAY);
    expect(hc.hallCode).toMatch(/^[0-9A-F]{8}$/);
    expect(hc.qrImage).toMatch(/^data:image\/png;base64,/);
    code = hc.hallCode;
    const u = await citizen();
    expectErrorShape(await api.post(`/api/halls/${f.world.hallId}/tickets`, { serviceId: f.world.service.id, hallCode: 'WRONG123' }, { token: u.token }), 400, 'VALIDATION_FAILED');
    // tomorrow's code differs
    await setClock(api, '2026-12-08T01:00:00.000+08:00');
    const tomorrow = must(await api.get('/api/staff/hall-code', { token: (await staffToken(api)).token }), 200, 'hall-code');
    expect(tomorrow.hallCode).not.toBe(code);
    await at('08:30');
  });

  it('numbers per lane, calls in the documented order, counts who is ahead, and handles skip, requeue once, recall, serve and finish', async () => {
    // a booking for 09:30 today, made the day before
    await setClock(api, '2026-12-06T10:00:00.000+08:00');
    const slotId = await f.slot(shanghai('09:30'));
    const holder = await citizen();
    const booking = must(await api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: holder.token }), 201, 'booking');

    await at('09:00');
    const n1u = await citizen();
    const n1 = await take(n1u);
    await at('09:01');
    const n2u = await citizen();
    const n2 = await take(n2u);
    await at('09:02');
    const gu = await citizen();
    const g1 = await take(gu, { green: { reason: '孕妇' } });
    await at('09:03');
    const desk = must<Ticket>(await api.post('/api/staff/tickets', { serviceId: f.world.service.id, phone: '13900001234' }, { token: staff }), 201, 'desk ticket');
    expect([n1.number, n2.number, g1.number, desk.number]).toEqual(['N001', 'N002', 'G001', 'N003']);
    expect(g1).toMatchObject({ lane: 'green', greenRequested: true, greenConfirmed: false });
    expect((desk as Ticket & { phone: string }).phone).toBe('139****1234');

    // the booking's holder takes a ticket before the slot is due: appointment lane, checked in
    await at('09:05');
    const a1 = await take(holder, { bookingId: booking.id });
    expect(a1).toMatchObject({ number: 'A001', lane: 'appointment', bookingId: booking.id });
    const checked = must(await api.get(`/api/bookings/${booking.id}`, { token: (await refreshed(api, holder)).token }), 200, 'booking');
    expect(checked.status).toBe('checked_in');
    // taking again with the same booking answers the same ticket
    expect((await take(holder, { bookingId: booking.id })).id).toBe(a1.id);
    // someone else's booking is not found
    expectErrorShape(await api.post(`/api/halls/${f.world.hallId}/tickets`, { serviceId: f.world.service.id, hallCode: code, bookingId: booking.id }, { token: n1u.token }), 404, 'NOT_FOUND');

    // 09:05: the appointment is not yet due (09:15), the green request not confirmed: N001 N002 G001 N003 A001
    expect((await view(n1u, n1.id)).ahead).toBe(0);
    expect((await view(gu, g1.id)).ahead).toBe(2);
    expect((await view(holder, a1.id)).ahead).toBe(4);
    // the estimate: 10 minutes each (nothing finished yet) over the hall's 4 windows
    expect((await view(holder, a1.id)).estimatedWaitMinutes).toBe(10);

    // staff confirm the green request; at 09:16 the appointment is due: A001 G001 N001 N002 N003
    must(await act(g1.id, 'confirm-green'), 200, 'confirm green');
    await at('09:16');
    expect((await view(holder, a1.id)).ahead).toBe(0);
    expect((await view(gu, g1.id)).ahead).toBe(1);
    expect((await view(n2u, n2.id)).ahead).toBe(3);

    expect((await callNext(0)).number).toBe('A001');
    expect((await callNext(1)).number).toBe('G001');
    // a window with a called ticket must finish or skip it first
    expectErrorShape(await api.post(`/api/staff/windows/${windows[0].id}/call-next`, undefined, { token: staff }), 409, 'INVALID_STATE');
    const seen = await view(n1u, n1.id);
    expect(seen).toMatchObject({ ahead: 0, status: 'waiting' });
    const holderView = await view(holder, a1.id);
    expect(holderView).toMatchObject({ status: 'called', ahead: 0, window: { id: windows[0].id, name: '1号窗口' } });

    // recall, then skip A001; it may come back once, to the end of its lane (still due: called next)
    const recalled = must<Ticket>(await act(a1.id, 'recall'), 200, 'recall');
    expect(recalled.callCount).toBe(2);
    // the holder is told at each call, with a link to the ticket page
    const told = (must(await api.get('/api/messages', { token: (await refreshed(api, holder)).token }), 200, 'messages') as Array<{ type: string; title: string; link: string }>).filter((m) => m.type === 'ticket_called');
    expect(told).toHaveLength(2);
    expect(told[0]).toMatchObject({ title: 'A001 号请到1号窗口办理', link: `/subpackages/queue/pages/ticket/index?id=${a1.id}` });
    // and by SMS at each call, for a holder whose app is closed (issue 19)
    const texted = (await outboxSettled(f.t.config.database.url!)).filter((d) => d.channel === 'sms' && d.event === 'ticket_called' && d.user_id === holder.user.id);
    expect(texted.map((d) => d.status)).toEqual(['sent', 'sent']);
    must(await act(a1.id, 'skip'), 200, 'skip');
    expect((await view(holder, a1.id)).canRequeue).toBe(true);
    expectErrorShape(await act(a1.id, 'serve'), 409, 'INVALID_STATE');
    must(await act(a1.id, 'requeue'), 200, 'requeue');
    expect((await view(holder, a1.id))).toMatchObject({ status: 'waiting', ahead: 0, canRequeue: false });
    expect((await callNext(0)).number).toBe('A001');
    must(await act(a1.id, 'skip'), 200, 'skip again');
    expectErrorShape(await act(a1.id, 'requeue'), 409, 'INVALID_STATE');

    // serve and finish G001 at window 2 after 6 minutes: the estimate now uses 6 minutes
    must(await act(g1.id, 'serve'), 200, 'serve');
    await at('09:22');
    const done = must<Ticket>(await act(g1.id, 'finish'), 200, 'finish');
    expect(done.status).toBe('done');
    expectErrorShape(await act(g1.id, 'finish'), 409, 'INVALID_STATE');
    // N001 N002 N003 wait; two windows called within the hour: N002 has 1 ahead → 1 × 6 ÷ 2, rounded up
    expect(must(await api.get(`/api/staff/tickets?status=waiting`, { token: staff }), 200, 'list').map((t: Ticket) => t.number)).toEqual(['N001', 'N002', 'N003']);
    expect((await view(n2u, n2.id)).estimatedWaitMinutes).toBe(3);

    // the public screen: no names, the calls and the counts
    const screen = must(await api.get(`/api/halls/${f.world.hallId}/queue`), 200, 'screen');
    expect(screen).toMatchObject({ calling: [], waiting: { appointment: 0, green: 0, normal: 3 }, averageServiceMinutes: 6 });
    expect(JSON.stringify(screen)).not.toMatch(/1390000|测试用户/);

    // the holder's tickets; another citizen is told 404
    expect(must(await api.get('/api/me/tickets', { token: (await refreshed(api, holder)).token }), 200, 'mine').map((t: Ticket) => t.number)).toEqual(['A001']);
    expectErrorShape(await api.get(`/api/tickets/${a1.id}`, { token: (await refreshed(api, n1u)).token }), 404, 'NOT_FOUND');

    // clean up the morning: call and finish the three normal tickets
    for (const w of [0, 2, 3]) must(await act((await callNext(w)).id, 'finish'), 200, 'finish');
  });

  it('streams the ticket as the queue moves, across the HTTP stream (SSE), and the hall screen too', async () => {
    await at('10:00');
    const first = await citizen();
    const t1 = await take(first);
    const me = await citizen();
    const t2 = await take(me);
    expect(t2.ahead).toBe(1);

    const stranger = await citizen();
    const denied = await openStream(`${api.baseUrl}/api/tickets/${t2.id}/events`, stranger.token);
    expect(denied.status).toBe(404);
    denied.close();

    const stream = await openStream(`${api.baseUrl}/api/tickets/${t2.id}/events`, (await refreshed(api, me)).token);
    const screen = await openStream(`${api.baseUrl}/api/halls/${f.world.hallId}/queue/events`);
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toContain('text/event-stream');
      expect(await stream.next<Ticket>()).toMatchObject({ id: t2.id, ahead: 1, status: 'waiting' });
      expect((await screen.next<{ waiting: { normal: number } }>()).waiting.normal).toBe(2);

      const called = await callNext(0);
      expect(called.id).toBe(t1.id);
      expect(await stream.next<Ticket>()).toMatchObject({ ahead: 0, status: 'waiting' });
      expect(await screen.next()).toMatchObject({ calling: [{ number: t1.number, window: '1号窗口' }], waiting: { normal: 1 } });

      must(await act(t1.id, 'finish'), 200, 'finish');
      expect((await callNext(0)).id).toBe(t2.id);
      const mine = await stream.next<Ticket>();
      expect(mine).toMatchObject({ status: 'called', window: { name: '1号窗口' } });
      must(await act(t2.id, 'finish'), 200, 'finish');
      expect(await stream.next<Ticket>()).toMatchObject({ status: 'done' });
    } finally {
      stream.close();
      screen.close();
    }
  });

  it('serves 50 open streams of one hall from one poller: one snapshot read per change, not one per stream', async () => {
    await at('11:00');
    const u = await citizen();
    const first = await take(u);
    const tickets: Ticket[] = [];
    for (let i = 0; i < 50; i++) tickets.push(await take(u));
    // the poller's snapshot reads (the request paths read their own)
    const snapshots = jest.spyOn(f.t.app.get(QueueStreamsService) as unknown as { load: () => Promise<void> }, 'load');
    const streams = await Promise.all(tickets.map((t) => openStream(`${api.baseUrl}/api/tickets/${t.id}/events`, u.token)));
    try {
      const firstEvents = await Promise.all(streams.map((s) => s.next<Ticket>()));
      expect(firstEvents.map((e) => e.ahead)).toEqual(tickets.map((_, i) => i + 1));
      expect(f.t.app.get(QueueStreamsService).stats()).toEqual({ halls: 1, subscribers: 50 });
      // idle: no reads beyond the first snapshot
      await new Promise((r) => setTimeout(r, 2500));
      const before = snapshots.mock.calls.length;
      expect(before).toBe(1);
      expect((await callNext(0)).id).toBe(first.id);
      must(await act(first.id, 'finish'), 200, 'finish');
      const moved = await Promise.all(streams.map((s) => s.next<Ticket>()));
      expect(moved.map((e) => e.ahead)).toEqual(tickets.map((_, i) => i));
      // one snapshot for the change (the call and the finish may fall in one poll or two), shared by all 50 streams
      expect(snapshots.mock.calls.length - before).toBeLessThanOrEqual(2);
    } finally {
      streams.forEach((s) => s.close());
      snapshots.mockRestore();
    }
    // closing the streams stops the poller's work for the hall
    await new Promise((r) => setTimeout(r, 300));
    expect(f.t.app.get(QueueStreamsService).stats()).toEqual({ halls: 0, subscribers: 0 });
    for (let i = 0; i < tickets.length; i++) must(await act((await callNext(0)).id, 'finish'), 200, 'finish');
  });

  it('lets a holder leave the line (the others move up), and admins define windows, a service list each', async () => {
    await at('16:00');
    const u1 = await citizen();
    const u2 = await citizen();
    const t1 = await take(u1);
    const t2 = await take(u2);
    expect(t2.ahead).toBe(1);
    const left = must<Ticket>(await api.post(`/api/tickets/${t1.id}/leave`, undefined, { token: (await refreshed(api, u1)).token }), 200, 'leave');
    expect(left.status).toBe('left');
    expect((await view(u2, t2.id)).ahead).toBe(0);
    expectErrorShape(await api.post(`/api/tickets/${t2.id}/leave`, undefined, { token: (await refreshed(api, u1)).token }), 404, 'NOT_FOUND');
    must(await api.post(`/api/tickets/${t2.id}/leave`, undefined, { token: (await refreshed(api, u2)).token }), 200, 'leave');

    const admin = await adminToken(api);
    const created = must(await api.post(`/api/admin/halls/${f.world.hallId}/windows`, { name: '5号窗口', serviceIds: [f.world.service.id] }, { token: admin }), 201, 'window');
    expect(created).toMatchObject({ name: '5号窗口', serviceIds: [f.world.service.id] });
    expect(must(await api.get('/api/staff/windows', { token: staff }), 200, 'windows').map((w: { name: string }) => w.name)).toContain('5号窗口');
    expectErrorShape(await api.post(`/api/admin/halls/${f.world.hallId}/windows`, { name: '5号窗口' }, { token: admin }), 409, 'CONFLICT');
    expectErrorShape(await api.post(`/api/admin/halls/${f.world.hallId}/windows`, { name: '6号窗口', serviceIds: ['00000000-0000-4000-8000-000000000000'] }, { token: admin }), 400, 'VALIDATION_FAILED');
    expectErrorShape(await api.post(`/api/admin/halls/${f.world.hallId}/windows`, { name: '6号窗口' }, { token: staff }), 403, 'FORBIDDEN');
  });

  it('checks in a late applicant whose booking the sweep made a no-show, and calls them at once', async () => {
    await setClock(api, '2026-12-06T10:00:00.000+08:00');
    const slotId = await f.slot(shanghai('14:00'));
    const late = await citizen();
    const booking = must(await api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: late.token }), 201, 'booking');
    await at('15:10');
    must(await api.post('/api/admin/jobs/no-show-sweep/run', undefined, { token: await adminToken(api) }), 200, 'sweep');
    expect(must(await api.get(`/api/bookings/${booking.id}`, { token: (await refreshed(api, late)).token }), 200, 'booking').status).toBe('no_show');
    const normal = await take(await citizen());
    const ticket = await take(late, { bookingId: booking.id });
    expect(ticket).toMatchObject({ lane: 'appointment', ahead: 0 });
    expect(must(await api.get(`/api/bookings/${booking.id}`, { token: (await refreshed(api, late)).token }), 200, 'booking').status).toBe('checked_in');
    expect((await callNext(0)).id).toBe(ticket.id);
    must(await act(ticket.id, 'finish'), 200, 'finish');
    expect((await callNext(0)).id).toBe(normal.id);
    must(await act(normal.id, 'finish'), 200, 'finish');
  });

  it('延时办: no tickets from closing time, but everyone holding one is served and each service after 17:00 is recorded', async () => {
    await at('16:50');
    const late = await citizen();
    const last = await take(late);
    await at('17:00');
    const refused = await api.post(`/api/halls/${f.world.hallId}/tickets`, { serviceId: f.world.service.id, hallCode: code }, { token: (await refreshed(api, await citizen())).token });
    expectErrorShape(refused, 409, 'INVALID_STATE');
    expect(refused.body.details.reason).toBe('after_closing');

    await at('17:05');
    expect((await callNext(1)).id).toBe(last.id);
    must(await act(last.id, 'serve'), 200, 'serve');
    await at('17:20');
    must(await act(last.id, 'finish'), 200, 'finish');

    const records = must(await api.get(`/api/staff/overtime-services?date=${DAY}`, { token: staff }), 200, 'overtime');
    expect(records).toEqual([
      expect.objectContaining({ ticketId: last.id, number: last.number, date: DAY, window: { id: windows[1].id, name: '2号窗口' }, closingTime: '17:00', minutesPastClosing: 20, staffName: '王窗口' }),
    ]);
    // the morning's services were in time: only this one
    expect((await view(late, last.id)).status).toBe('done');
  });
});
