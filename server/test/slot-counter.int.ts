import Redis from 'ioredis';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { createApp } from '../src/app.factory';
import { placesKey } from '../src/booking/slot-places.counter';
import { loadConfig } from '../src/config/app-config';
import { client, must } from './helpers/http';
import { testEnv } from './helpers/test-app';
import { Session, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Issue 18, the flash crowd: with the Redis admission counter (SLOT_COUNTER=1 with REDIS_URL) the
 * places of a slot are counted down in Redis first and only the requests that took one reach the
 * database, whose guarded update stays the source of truth. Real Redis and MariaDB.
 */
describe('slot admission counter (Redis)', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z', env: { REDIS_URL, SLOT_COUNTER: '1', OUTBOX_WORKER: '0' } }); // Monday 08:00
  const api = f.api;
  let redis: Redis;
  let racers: Session[];
  const book = (s: Session, slotId: string, via = api) => via.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: s.token });
  const remaining = async (slotId: string, day: string) =>
    (must(await api.get(`/api/services/${f.world.service.id}/slots?hallId=${f.world.hallId}&from=${day}&to=${day}`), 200, 'slots') as Array<{ id: string; remaining: number }>).find((s) => s.id === slotId)?.remaining;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    racers = [];
    for (let i = 0; i < 200; i += 20) racers.push(...((await Promise.all(Array.from({ length: 20 }, () => verifiedCitizen(api)))) as Session[]));
  });
  afterAll(() => redis.disconnect());

  it('200 racers for a slot of 50: exactly 50 booked, 150 told SLOT_FULL, and only the winners reach the database', async () => {
    const slotId = await f.slot('2026-12-08T01:00:00.000Z', { capacity: 50 });
    const queries = jest.spyOn(MysqlQueryRunner.prototype, 'query');
    let calls: Array<{ sql: string; params: unknown[] }> = [];
    const answers = await Promise.all(racers.map((r) => book(r, slotId))).finally(() => {
      calls = queries.mock.calls.map((c) => ({ sql: String(c[0]), params: (c[1] as unknown[] | undefined) ?? [] }));
      queries.mockRestore();
    });
    const by = (code: string) => answers.filter((a) => (a.status === 201 ? 'created' : a.body?.code) === code).length;
    expect({ created: by('created'), full: by('SLOT_FULL'), others: answers.filter((a) => a.status !== 201 && a.body?.code !== 'SLOT_FULL').map((a) => a.status) }).toEqual({ created: 50, full: 150, others: [] });
    // booking rows sent to the database, however many went in one statement (bookings of a slot are written together)
    // (`VALUES ?` with the rows as one nested array: BookingBatches through insertRows)
    const rowsSent = calls.filter((c) => /^INSERT INTO `bookings`/.test(c.sql)).reduce((n, c) => n + (c.sql.endsWith('VALUES ?') ? (c.params[0] as unknown[]).length : c.sql.split('), (').length), 0);
    expect(rowsSent).toBe(50);
    expect(await remaining(slotId, '2026-12-08')).toBe(0);
    expect(await redis.get(placesKey(slotId))).toBe('0');
  });

  it('a lost count is read again from the database; a cancelled booking gives its place back', async () => {
    const slotId = await f.slot('2026-12-09T01:00:00.000Z', { capacity: 3 });
    const [a, b, c, d, e] = racers;
    const first = must(await book(a, slotId), 201, 'a');
    must(await book(b, slotId), 201, 'b');
    expect(await redis.get(placesKey(slotId))).toBe('1');
    await redis.del(placesKey(slotId)); // the counter lost (Redis flushed, failed over)
    must(await book(c, slotId), 201, 'c, counted again from the database: one place left');
    expect(await redis.get(placesKey(slotId))).toBe('0');
    expect((await book(d, slotId)).body.code).toBe('SLOT_FULL');

    must(await api.post(`/api/bookings/${first.id}/cancel`, {}, { token: a.token }), 200, 'a cancels');
    expect(await redis.get(placesKey(slotId))).toBe('1');
    must(await book(d, slotId), 201, 'd takes the place given back');
    expect((await book(e, slotId)).body.code).toBe('SLOT_FULL');
    expect(await remaining(slotId, '2026-12-09')).toBe(0);
  });

  it('a count left too low (an instance died between taking a place and booking it) is read again when an instance starts', async () => {
    const slotId = await f.slot('2026-12-10T01:00:00.000Z', { capacity: 2 });
    const [, , , , , g, h] = racers;
    must(await book(g, slotId), 201, 'g');
    await redis.set(placesKey(slotId), '0', 'EX', 600); // a place taken by a request that never booked
    expect((await book(h, slotId)).body.code).toBe('SLOT_FULL');
    const restarted = await createApp(loadConfig(testEnv(f.t.database, { REDIS_URL, SLOT_COUNTER: '1', SEED_DEMO: '0', OUTBOX_WORKER: '0' })));
    try {
      await restarted.listen(0, '127.0.0.1');
      const other = client(`http://127.0.0.1:${(restarted.getHttpServer().address() as { port: number }).port}`);
      must(await book(h, slotId, other), 201, 'h, once the count was read again');
      expect(await redis.get(placesKey(slotId))).toBe('0');
    } finally {
      await restarted.close();
    }
  });
});
