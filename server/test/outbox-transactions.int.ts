import type { EntityManager } from 'typeorm';
import { Transactions } from '../src/common/db/transactions';
import { Notice, NotificationsService } from '../src/notifications/notifications.service';
import { UsersService } from '../src/users/users.service';
import { must, uniquePhone } from './helpers/http';
import { adminToken, refreshed, Session, setClock, staffToken, verifiedCitizen } from './helpers/world';
import { sql } from '../../test/support/test-app';
import { useTestApp } from '../../test/support/fixture';

const TOKEN = 'scrape-token-0123456789';
const DAY = '2026-12-07';
const shanghai = (hhmm: string) => `${DAY}T${hhmm}:00.000+08:00`;

/** One sample of the Prometheus text: the value of `name{labels}` (0 when the series is absent). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/**
 * The transactional outbox (issue 19): a notice is written in the transaction of the change that
 * caused it, so that a fault after the change leaves neither the change nor a message telling of it;
 * and the settled deliveries are deleted after OUTBOX_RETENTION_DAYS, failed ones kept.
 */
describe('transactional outbox', () => {
  // no worker: the deliveries stay as written, for the test to read
  const f = useTestApp({ now: shanghai('08:30'), env: { OUTBOX_WORKER: '0', METRICS_TOKEN: TOKEN, OUTBOX_RETENTION_DAYS: '30' } });
  const api = f.api;
  const db = () => f.t.config.database.url!;
  const toldOf = async (userId: string) => ({
    messages: await sql<{ type: string }>(db(), 'SELECT type FROM messages WHERE user_id = ?', [userId]),
    deliveries: await sql<{ channel: string; event: string; status: string }>(db(), 'SELECT channel, event, status FROM outbox_deliveries WHERE user_id = ?', [userId]),
  });

  /** The next change's notice is written, then its transaction fails (as a deadlock-free fault after the change would). */
  const faultAfterNextNotice = () => {
    const notifications = f.t.app.get(NotificationsService);
    const send = notifications.send.bind(notifications);
    const spy = jest.spyOn(notifications, 'send').mockImplementationOnce(async (n: Notice, em?: EntityManager) => {
      await send(n, em);
      throw new Error('a fault after the notice was written');
    });
    return () => spy.mockRestore();
  };

  it('a booking staff register: a fault after its notice leaves no booking, no message and no SMS; the next try books and queues one of each', async () => {
    const staff = f.world.staff.token;
    const slotId = await f.slot('2026-12-08T01:00:00.000Z', { capacity: 1 });
    const phone = uniquePhone();
    const register = () => api.post('/api/staff/bookings', { slotId, serviceId: f.world.service.id, name: '王小明', phone }, { token: staff });
    const restore = faultAfterNextNotice();
    try {
      expect((await register()).status).toBe(500);
    } finally {
      restore();
    }
    const person = await f.t.app.get(UsersService).findOrCreateByPhone(phone);
    expect(await toldOf(person.id)).toEqual({ messages: [], deliveries: [] });
    const day = must(await api.get('/api/staff/bookings?date=2026-12-08', { token: staff }), 200, 'day') as Array<{ applicant: { name: string } }>;
    expect(day.filter((b) => b.applicant.name === '王*明')).toEqual([]);
    const slots = must(await api.get(`/api/services/${f.world.service.id}/slots?hallId=${f.world.hallId}&from=2026-12-08&to=2026-12-08`), 200, 'slots');
    expect(slots.find((s: { id: string }) => s.id === slotId).remaining).toBe(1); // the place was not taken

    must(await register(), 201, 'register again');
    expect(await toldOf(person.id)).toEqual({ messages: [{ type: 'booking_created' }], deliveries: [{ channel: 'sms', event: 'booking_created', status: 'pending' }] });
  });

  it('a ticket called: a fault after its notice leaves the ticket waiting and its holder untold; the next call tells them once', async () => {
    await setClock(api, shanghai('09:00'));
    const staff = (await staffToken(api)).token;
    const [window] = must(await api.get('/api/staff/windows', { token: staff }), 200, 'windows') as Array<{ id: string }>;
    const { hallCode } = must(await api.get('/api/staff/hall-code', { token: staff }), 200, 'hall code');
    const holder = (await verifiedCitizen(api)) as Session;
    const ticket = must(await api.post(`/api/halls/${f.world.hallId}/tickets`, { serviceId: f.world.service.id, hallCode }, { token: holder.token }), 201, 'take');
    const seen = async () => must(await api.get(`/api/tickets/${ticket.id}`, { token: (await refreshed(api, holder)).token }), 200, 'ticket');
    const calledMessages = async () =>
      (must(await api.get('/api/messages', { token: (await refreshed(api, holder)).token }), 200, 'messages') as Array<{ type: string }>).filter((m) => m.type === 'ticket_called');

    const restore = faultAfterNextNotice();
    try {
      expect((await api.post(`/api/staff/windows/${window.id}/call-next`, undefined, { token: staff })).status).toBe(500);
    } finally {
      restore();
    }
    expect(await seen()).toMatchObject({ status: 'waiting', window: null });
    expect(await calledMessages()).toEqual([]);
    expect((await toldOf(holder.user.id)).deliveries.filter((d) => d.event === 'ticket_called')).toEqual([]);

    const called = must(await api.post(`/api/staff/windows/${window.id}/call-next`, undefined, { token: staff }), 200, 'call-next');
    expect(called.id).toBe(ticket.id);
    expect(await seen()).toMatchObject({ status: 'called' });
    expect(await calledMessages()).toHaveLength(1);
    expect((await toldOf(holder.user.id)).deliveries.filter((d) => d.event === 'ticket_called')).toEqual([{ channel: 'sms', event: 'ticket_called', status: 'pending' }]);
  });

  it('a booking moved (改约): a fault after its 预约已改期 leaves it in its old slot, the new place free and nobody told; the next try moves and tells once', async () => {
    await setClock(api, shanghai('08:30'));
    const person = (await verifiedCitizen(api)) as Session;
    const from = await f.slot('2026-12-09T01:00:00.000Z', { capacity: 1 });
    const to = await f.slot('2026-12-09T02:00:00.000Z', { capacity: 1 });
    const booking = must(await api.post('/api/bookings', { slotId: from, serviceId: f.world.service.id }, { token: person.token }), 201, 'book');
    const move = async () => api.post(`/api/bookings/${booking.id}/reschedule`, { slotId: to }, { token: (await refreshed(api, person)).token });
    const moved = async () => (await toldOf(person.user.id)).messages.filter((m) => m.type === 'booking_rescheduled');
    const remaining = async (slotId: string) =>
      (must(await api.get(`/api/services/${f.world.service.id}/slots?hallId=${f.world.hallId}&from=2026-12-09&to=2026-12-09`), 200, 'slots') as Array<{ id: string; remaining: number }>).find((s) => s.id === slotId)!.remaining;

    const restore = faultAfterNextNotice();
    try {
      expect((await move()).status).toBe(500);
    } finally {
      restore();
    }
    const mine = async () => must(await api.get(`/api/bookings/${booking.id}`, { token: (await refreshed(api, person)).token }), 200, 'booking');
    expect((await mine()).start).toBe('2026-12-09T01:00:00.000Z');
    expect([await remaining(from), await remaining(to)]).toEqual([0, 1]);
    expect(await moved()).toEqual([]);

    must(await move(), 200, 'move again');
    expect((await mine()).start).toBe('2026-12-09T02:00:00.000Z');
    expect([await remaining(from), await remaining(to)]).toEqual([1, 0]);
    expect(await moved()).toHaveLength(1);
  });

  it('the outbox-cleanup job deletes settled deliveries past the retention in batches, keeps failed, recent and pending ones and every message, and counts what it deleted', async () => {
    const users = f.t.app.get(UsersService);
    const notifications = f.t.app.get(NotificationsService);
    const people = await Promise.all(Array.from({ length: 3 }, () => users.findOrCreateByPhone(uniquePhone())));
    const ids = people.map((p) => p.id);
    // 1,300 reminders, each with its SMS delivery (more than two of the job's batches)
    await f.t.app.get(Transactions).run(async (em) => {
      for (let i = 0; i < 1300; i++) await notifications.send({ userId: ids[i % 3], type: 'booking_reminder', title: `提醒${i}`, body: `第 ${i} 条` }, em);
    });
    const rows = await sql<{ id: string }>(db(), `SELECT id FROM outbox_deliveries WHERE user_id IN (?, ?, ?) ORDER BY id`, ids);
    expect(rows).toHaveLength(1300);
    const settle = async (from: number, to: number, status: string, daysAgo: number) => {
      const at = new Date(Date.now() - daysAgo * 86_400_000);
      await sql(db(), `UPDATE outbox_deliveries SET status = ?, done_at = ?, attempts = 1 WHERE id IN (?)`, [status, at, rows.slice(from, to).map((r) => r.id)]);
    };
    await settle(0, 1100, 'sent', 31); // delivered 31 days ago: past the retention
    await settle(1100, 1150, 'skipped', 45); // nothing to send, long ago: past it too
    await settle(1150, 1180, 'failed', 60); // given up: kept for inspection however old
    await settle(1180, 1200, 'sent', 29); // delivered within the retention
    // 1200..1299 still pending

    const admin = await adminToken(api);
    const scrape = async () => (await api.get('/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).text;
    const before = sample(await scrape(), 'zwt_outbox_deleted_total');
    expect(must(await api.post('/api/admin/jobs/outbox-cleanup/run', undefined, { token: admin }), 200, 'cleanup')).toEqual({ deleted: 1150 });
    const left = await sql<{ status: string; n: number }>(db(), 'SELECT status, COUNT(*) AS n FROM outbox_deliveries WHERE user_id IN (?, ?, ?) GROUP BY status ORDER BY status', ids);
    expect(left.map((r) => [r.status, Number(r.n)])).toEqual([
      ['failed', 30],
      ['pending', 100],
      ['sent', 20],
    ]);
    const messages = await sql<{ n: number }>(db(), 'SELECT COUNT(*) AS n FROM messages WHERE user_id IN (?, ?, ?)', ids);
    expect(Number(messages[0].n)).toBe(1300); // the in-app messages stay
    const after = await scrape();
    expect(sample(after, 'zwt_outbox_deleted_total') - before).toBe(1150);
    expect(sample(after, 'zwt_job_runs_total{job="outbox-cleanup",result="ok"}')).toBe(1);
    expect(sample(after, 'zwt_outbox_deliveries{channel="sms",state="failed"}')).toBe(30);

    // nothing more to delete on the next run
    expect(must(await api.post('/api/admin/jobs/outbox-cleanup/run', undefined, { token: admin }), 200, 'again')).toEqual({ deleted: 0 });
  });
});
