import { FULL_MEMO_MS } from '../src/booking/slot-places.counter';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { client, Client, must, uniquePhone } from './helpers/http';
import { testEnv } from './helpers/test-app';
import { companyOf, Session, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * The guard keeps a caller's company memberships in a short in-process cache (no database read per
 * request). A membership change must still take effect at once: a removed member loses sight of the
 * company's bookings with the next request, on this instance and, through Redis pub/sub, on another.
 */
describe('caller context cache: membership changes take effect at once', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z', env: { REDIS_URL } }); // Monday 08:00
  const api = f.api;

  /** A company with an admin and a handler, and a booking in the company's name the handler can see. */
  async function companyWithBooking(start: string) {
    const owner = (await verifiedCitizen(api)) as Session;
    const company = await companyOf(api, owner);
    const handlerPhone = uniquePhone();
    const handler = (await verifiedCitizen(api, handlerPhone)) as Session;
    must(await api.post(`/api/enterprises/${company.id}/members`, { phone: handlerPhone, role: 'handler' }, { token: owner.token }), 201, 'add member');
    const slotId = await f.slot(start);
    const booking = must(
      await api.post('/api/bookings', { slotId, serviceId: f.world.service.id, onBehalfOf: { type: 'enterprise', id: company.id } }, { token: owner.token }),
      201,
      'company booking',
    ) as { id: string };
    return { owner, company, handler, handlerPhone, booking };
  }

  const remove = (owner: Session, companyId: string, userId: string) => api.del(`/api/enterprises/${companyId}/members/${userId}`, { token: owner.token });

  it('a removed member loses the company booking with the very next request; added back, sees it again at once', async () => {
    const { owner, company, handler, handlerPhone, booking } = await companyWithBooking('2026-12-08T01:00:00.000Z');
    // seen (and the handler's memberships now cached) several times
    for (let i = 0; i < 3; i++) expect((await api.get(`/api/bookings/${booking.id}`, { token: handler.token })).status).toBe(200);

    expect((await remove(owner, company.id, handler.user.id)).status).toBe(204);
    expect((await api.get(`/api/bookings/${booking.id}`, { token: handler.token })).status).toBe(404);
    const mine = await api.get('/api/me', { token: handler.token });
    expect(mine.body.enterprises).toEqual([]);

    must(await api.post(`/api/enterprises/${company.id}/members`, { phone: handlerPhone, role: 'handler' }, { token: owner.token }), 201, 'add back');
    expect((await api.get(`/api/bookings/${booking.id}`, { token: handler.token })).status).toBe(200);
  });

  it('a closed account (注销) stops working at once although its memberships were cached', async () => {
    const { handler, booking } = await companyWithBooking('2026-12-08T02:00:00.000Z');
    expect((await api.get(`/api/bookings/${booking.id}`, { token: handler.token })).status).toBe(200);
    const closed = await api.del('/api/me', { token: handler.token });
    expect(closed.status).toBe(204);
    expect((await api.get('/api/me', { token: handler.token })).status).toBe(401);
  });

  it('refuses a full slot with no database read while this instance knows it full, then with one (the slot), the caller known from the cache', async () => {
    const slotId = await f.slot('2026-12-09T01:00:00.000Z', { capacity: 1 });
    const first = (await verifiedCitizen(api)) as Session;
    must(await api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: first.token }), 201, 'the one place');
    const late = (await verifiedCitizen(api)) as Session;
    expect((await api.get('/api/me', { token: late.token })).status).toBe(200); // the caller's context now cached
    const queries = jest.spyOn(MysqlQueryRunner.prototype, 'query');
    try {
      // the booking that took the last place told this instance: refused from memory (the fast lane)
      const refused = await api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: late.token });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('SLOT_FULL');
      expect(queries.mock.calls).toEqual([]);
      // a second on (FULL_MEMO_MS), the slot is read again: one read
      await new Promise((r) => setTimeout(r, FULL_MEMO_MS + 100));
      const again = await api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: late.token });
      expect(again.body.code).toBe('SLOT_FULL');
      expect(queries.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^SELECT .* FROM `slots`/s)]);
    } finally {
      queries.mockRestore();
    }
  });

  describe('two instances sharing Redis (REDIS_URL)', () => {
    let second: Awaited<ReturnType<typeof createApp>>;
    let other: Client;
    beforeAll(async () => {
      second = await createApp(loadConfig(testEnv(f.t.database, { REDIS_URL, SEED_DEMO: '0' })));
      await second.listen(0, '127.0.0.1');
      other = client(`http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`);
    });
    afterAll(async () => {
      await second?.close();
    });

    it('a member removed through one instance loses access on the other well before the cache would expire (pub/sub)', async () => {
      const { owner, company, handler, booking } = await companyWithBooking('2026-12-08T03:00:00.000Z');
      // cached on the second instance
      for (let i = 0; i < 3; i++) expect((await other.get(`/api/bookings/${booking.id}`, { token: handler.token })).status).toBe(200);

      expect((await remove(owner, company.id, handler.user.id)).status).toBe(204); // through the first instance
      const t0 = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - t0 < 3000) {
        status = (await other.get(`/api/bookings/${booking.id}`, { token: handler.token })).status;
        if (status === 200) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(404);
      // the message crosses in milliseconds; without it the entry would live 60 s (5 s with Redis down)
      expect(Date.now() - t0).toBeLessThan(1000);
    });
  });
});
