import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { must } from './helpers/http';
import { Session, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

/** Every statement the app sends to MariaDB while `work` runs (the catalogue version's once-a-second read left out). */
async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
  const spy = jest.spyOn(MysqlQueryRunner.prototype, 'query');
  try {
    const result = await work();
    const sql = spy.mock.calls.map((c) => String(c[0]).replace(/\s+/g, ' ').trim()).filter((q) => !/FROM `catalog_state`/.test(q));
    return { result, sql };
  } finally {
    spy.mockRestore();
  }
}

/**
 * Issue 18: a booking in three statements. On a warm cache (the caller's context, the service, its
 * hall, the calendar, the person's no-show standing) a booking reads the slot once and then writes,
 * in one transaction, the booking row under the unique key, the 预约成功 message (with its SMS
 * delivery in the outbox) and, last, the guarded capacity update.
 */
describe('booking: statements per booking', () => {
  // no outbox worker here: its polls would be counted with the booking's statements
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z', env: { OUTBOX_WORKER: '0' } }); // Monday 08:00
  const api = f.api;
  let ann: Session;

  beforeAll(async () => {
    ann = (await verifiedCitizen(api)) as Session;
    // warm: the caller's context, the catalogue rows and ann's standing
    const warm = await f.slot('2026-12-08T01:00:00.000Z');
    must(await api.post('/api/bookings', { slotId: warm, serviceId: f.world.service.id }, { token: ann.token }), 201, 'warm-up booking');
  });

  it('reads the slot once, then writes the booking, the place and the message in one transaction', async () => {
    const slotId = await f.slot('2026-12-09T01:00:00.000Z', { capacity: 5 });
    const { result: answer, sql } = await statementsOf(() => api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: ann.token }));
    expect(answer.status).toBe(201);
    expect(answer.body.slot).toMatchObject({ id: slotId, capacity: 5, remaining: 4 }); // the count the guarded update left
    const begin = sql.indexOf('START TRANSACTION');
    const commit = sql.indexOf('COMMIT');
    expect(sql.slice(0, begin)).toEqual([expect.stringMatching(/^SELECT .* FROM `slots`/)]);
    const inside = sql.slice(begin + 1, commit);
    expect(inside).toEqual([
      expect.stringMatching(/^INSERT INTO `bookings`/),
      expect.stringMatching(/^INSERT INTO `messages`/),
      expect.stringMatching(/^INSERT INTO `outbox_deliveries`/),
      expect.stringMatching(/^UPDATE `slots` SET `booked` = LAST_INSERT_ID\(`booked` \+ 1\)/), // the hot row locked last
    ]);
    expect(sql.slice(commit + 1)).toEqual([]); // nothing read back afterwards

    // what the person sees: the booking with its place, and 预约成功 in the message centre
    const mine = must(await api.get(`/api/bookings/${answer.body.id}`, { token: ann.token }), 200, 'detail');
    expect(mine.slot.remaining).toBe(4);
    const messages = must(await api.get('/api/messages', { token: ann.token }), 200, 'messages') as Array<{ title: string; link: string }>;
    expect(messages.filter((m) => m.title === '预约成功' && m.link.includes(answer.body.id))).toHaveLength(1);
  });

  it('a second booking the same day for the same service is refused by the unique key as DUPLICATE_BOOKING, the place untaken', async () => {
    const first = await f.slot('2026-12-10T01:00:00.000Z', { capacity: 3 });
    const second = await f.slot('2026-12-10T03:00:00.000Z', { capacity: 3 });
    must(await api.post('/api/bookings', { slotId: first, serviceId: f.world.service.id }, { token: ann.token }), 201, 'first');
    const { result: again, sql } = await statementsOf(() => api.post('/api/bookings', { slotId: second, serviceId: f.world.service.id }, { token: ann.token }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DUPLICATE_BOOKING');
    expect(sql.filter((q) => /^UPDATE `slots`/.test(q))).toEqual([]); // refused at the insert, before the capacity guard
    const slots = must(await api.get(`/api/services/${f.world.service.id}/slots?hallId=${f.world.hallId}&from=2026-12-10&to=2026-12-10`), 200, 'slots') as Array<{ id: string; remaining: number }>;
    expect(slots.find((s) => s.id === second)?.remaining).toBe(3);
    // and the full slot is still told SLOT_FULL first, from the one read
    const full = await f.slot('2026-12-11T01:00:00.000Z', { capacity: 1 });
    must(await api.post('/api/bookings', { slotId: full, serviceId: f.world.service.id }, { token: ann.token }), 201, 'the one place');
    const bob = (await verifiedCitizen(api)) as Session;
    const refused = await api.post('/api/bookings', { slotId: full, serviceId: f.world.service.id }, { token: bob.token });
    expect(refused.body.code).toBe('SLOT_FULL');
  });
});
