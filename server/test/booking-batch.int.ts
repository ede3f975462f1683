import { DataSource } from 'typeorm';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { must } from './helpers/http';
import { Session, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

/**
 * Issue 18, a booking in a few statements under a rush: the bookings of one slot that arrive while a
 * write for it is under way are written together (booking/booking-batch.service.ts) — and each
 * person still gets exactly the answer, the booking and the message they would get alone. Real
 * MariaDB, no Redis.
 */
describe('bookings of one slot written together', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z', env: { OUTBOX_WORKER: '0' } }); // Monday 08:00
  const api = f.api;
  let people: Session[];
  const book = (s: Session, slotId: string) => api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: s.token });
  const db = () => f.t.app.get(DataSource);

  beforeAll(async () => {
    people = [];
    for (let i = 0; i < 60; i += 20) people.push(...((await Promise.all(Array.from({ length: 20 }, () => verifiedCitizen(api)))) as Session[]));
  });

  it('60 people for a slot of 25 at once: exactly 25 booked in fewer writes than bookings, each with its 预约成功, the rest told SLOT_FULL', async () => {
    const slotId = await f.slot('2026-12-08T01:00:00.000Z', { capacity: 25 });
    const queries = jest.spyOn(MysqlQueryRunner.prototype, 'query');
    let sql: string[] = [];
    const answers = await Promise.all(people.map((p) => book(p, slotId))).finally(() => {
      sql = queries.mock.calls.map((c) => String(c[0]));
      queries.mockRestore();
    });
    const booked = answers.filter((a) => a.status === 201);
    expect({ booked: booked.length, full: answers.filter((a) => a.body?.code === 'SLOT_FULL').length }).toEqual({ booked: 25, full: 35 });
    // the guarded updates took the places in fewer transactions than there are bookings
    const updates = sql.filter((q) => /^UPDATE `slots` SET `booked` = LAST_INSERT_ID/.test(q));
    expect(updates.length).toBeLessThan(25);

    // the count each answer shows is the one its own place left, every one different, the last 25
    expect(booked.map((a) => a.body.slot.remaining).sort((x: number, y: number) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    const [[slot]] = [await db().query('SELECT booked, capacity FROM slots WHERE id = ?', [slotId])];
    const rows: Array<{ id: string; user_id: string }> = await db().query("SELECT id, user_id FROM bookings WHERE slot_id = ? AND status = 'booked'", [slotId]);
    expect({ booked: Number(slot.booked), rows: rows.length }).toEqual({ booked: 25, rows: 25 });
    // each booking has its own message, to its own person, naming its own code, and an SMS on its way
    const messages: Array<{ user_id: string; link: string; body: string; id: string }> = await db().query("SELECT id, user_id, link, body FROM messages WHERE type = 'booking_created' AND link LIKE ?", [`%`]);
    for (const a of booked) {
      const mine = messages.filter((m) => m.link.includes(a.body.id));
      expect(mine).toHaveLength(1);
      expect(mine[0].user_id).toBe(rows.find((r) => r.id === a.body.id)?.user_id);
      expect(mine[0].body).toContain(a.body.code);
    }
    const sms: Array<{ n: number }> = await db().query(
      "SELECT COUNT(*) AS n FROM outbox_deliveries d JOIN messages m ON m.id = d.message_id WHERE d.channel = 'sms' AND m.type = 'booking_created' AND m.user_id IN (?)",
      [rows.map((r) => r.user_id)],
    );
    expect(Number(sms[0].n)).toBe(25);
  });

  it('one person tapping twice at once among others: one booking for them, DUPLICATE_BOOKING for the second tap, the others booked', async () => {
    const slotId = await f.slot('2026-12-09T01:00:00.000Z', { capacity: 10 });
    const [twice, ...others] = people.slice(0, 8);
    const answers = await Promise.all([book(twice, slotId), book(twice, slotId), ...others.map((p) => book(p, slotId))]);
    const mine = answers.slice(0, 2).map((a) => (a.status === 201 ? 'booked' : a.body?.code)).sort();
    expect(mine).toEqual(['DUPLICATE_BOOKING', 'booked']);
    expect(answers.slice(2).map((a) => a.status)).toEqual(others.map(() => 201));
    const slots = must(await api.get(`/api/services/${f.world.service.id}/slots?hallId=${f.world.hallId}&from=2026-12-09&to=2026-12-09`), 200, 'slots') as Array<{ id: string; remaining: number }>;
    expect(slots.find((s) => s.id === slotId)?.remaining).toBe(10 - 8);
  });
});
