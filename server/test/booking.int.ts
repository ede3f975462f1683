import { PRIVACY_TERMS_VERSION } from '@gov/shared';
import { createApp } from '../src/app.factory';
import { client, Client, expectErrorShape, signIn } from './helpers/http';
import { adminToken, createSlot, pool, serviceAtHall, setClock, staffToken, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';
import { connectDatabase } from './helpers/test-app';

/** Appointments (DESIGN.md, Appointments): slots, capacity under races, the one-booking rule, no-shows. */
describe('bookings', () => {
  const f = useTestApp({ world: false });
  const api = f.api;
  let admin: string;
  let staff: { token: string; hallId: string };
  let service: { id: string; name: string };
  const NOW = '2026-12-07T00:00:00.000Z'; // Monday 08:00 in Shanghai

  beforeAll(async () => {
    await setClock(api, NOW);
    admin = await adminToken(api);
    staff = await staffToken(api);
    service = await serviceAtHall(api, staff.hallId);
  });

  const newSlot = async (start: string, minutes = 30, capacity = 5): Promise<string> => (await createSlot(api, admin, { hallId: staff.hallId, serviceId: service.id, start, minutes, capacity })).id;
  const book = (token: string, slotId: string) => api.post('/api/bookings', { slotId, serviceId: service.id }, { token });
  const dbCount = async (sql: string, params: unknown[]): Promise<number> => {
    const conn = await connectDatabase(f.t.config.database.url!);
    try {
      const [rows] = await conn.query(sql, params);
      return Number(Object.values((rows as Array<Record<string, unknown>>)[0])[0]);
    } finally {
      await conn.end();
    }
  };

  describe('slots from templates', () => {
    it('generates slots on working days only, across the 2026 National Day and Mid-Autumn holidays', async () => {
      // the hall also has the demo templates: this test's own are at 12:10, when the demo hall has none
      const mine: string[] = [];
      for (const weekday of [1, 2, 3, 4, 5]) {
        const r = await api.post('/api/admin/slot-templates', { hallId: staff.hallId, weekday, start: '12:10', end: '12:40', capacity: 3 }, { token: admin });
        expect(r.status).toBe(201);
        mine.push(r.body.id);
      }
      const gen = await api.post('/api/admin/slots/generate', { hallId: staff.hallId, from: '2026-09-21', to: '2026-10-11' }, { token: admin });
      expect(gen.status).toBe(200);
      const again = await api.post('/api/admin/slots/generate', { hallId: staff.hallId, from: '2026-09-21', to: '2026-10-11' }, { token: admin });
      expect(again.body).toEqual({ created: 0, existing: gen.body.created });

      await setClock(api, '2026-09-20T16:00:00.000Z'); // Monday 21 September, 00:00 in Shanghai
      try {
        const cal = await api.get('/api/calendar?from=2026-09-21&to=2026-10-05');
        const workdays = (cal.body as Array<{ date: string; workday: boolean }>).filter((d) => d.workday).map((d) => d.date);
        const slots = await api.get(`/api/services/${service.id}/slots?hallId=${staff.hallId}&from=2026-09-21&to=2026-10-05`);
        expect(slots.status).toBe(200);
        const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
        const own = (slots.body as Array<{ start: string }>).filter((s) => local(s.start).slice(11, 16) === '12:10');
        const days = [...new Set(own.map((s) => local(s.start).slice(0, 10)))];
        expect(days).toEqual(workdays);
        expect(days).not.toContain('2026-09-25');
        expect(days).not.toContain('2026-10-01');
        expect(own).toHaveLength(workdays.length);
        expect(own[0]).toMatchObject({ hallId: staff.hallId, capacity: 3, remaining: 3 });
      } finally {
        await setClock(api, NOW);
      }
      // the swapped working Saturday gets slots; the holiday week does not
      expect(await dbCount('SELECT COUNT(*) FROM slots WHERE template_id IN (?) AND day = ?', [mine, '2026-10-10'])).toBe(1);
      expect(await dbCount('SELECT COUNT(*) FROM slots WHERE hall_id = ? AND day BETWEEN ? AND ?', [staff.hallId, '2026-10-01', '2026-10-07'])).toBe(0);
    });

    it('only admins manage slots', async () => {
      const c = await signIn(api);
      expectErrorShape(await api.post('/api/admin/slots/generate', { hallId: staff.hallId, from: '2026-12-01', to: '2026-12-02' }, { token: c.accessToken }), 403, 'FORBIDDEN');
      expectErrorShape(await api.post('/api/admin/slots/generate', { hallId: staff.hallId, from: '2026-12-01', to: '2026-12-02' }, { token: staff.token }), 403, 'FORBIDDEN');
    });
  });

  describe('booking and cancelling', () => {
    it('books a slot with a check-in code and QR image, shows remaining capacity, and cancels it', async () => {
      const slotId = await newSlot('2026-12-08T01:00:00.000Z');
      const c = await verifiedCitizen(api);
      const r = await book(c.token, slotId);
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ status: 'booked', kind: 'regular', serviceId: service.id, hallId: staff.hallId, slot: { id: slotId } });
      expect(r.body.code).toMatch(/^[A-Z2-9]{8}$/);

      const detail = await api.get(`/api/bookings/${r.body.id}`, { token: c.token });
      expect(detail.body.qrImage).toMatch(/^data:image\/png;base64,/);
      const slots = await api.get(`/api/services/${service.id}/slots?hallId=${staff.hallId}&from=2026-12-08&to=2026-12-08`);
      expect(slots.body.find((s: { id: string }) => s.id === slotId).remaining).toBe(4);
      // a date that is no date is refused naming each field, here and on the admin's list
      const admin = await adminToken(api);
      for (const path of [`/api/services/${service.id}/slots?hallId=${staff.hallId}&from=2026-13-45&to=2026-02-30`, `/api/admin/slots?hallId=${staff.hallId}&from=2026-13-45&to=2026-02-30`]) {
        const bad = await api.get(path, { token: admin });
        expectErrorShape(bad, 400, 'VALIDATION_FAILED');
        expect(bad.body.details.fields.map((x: { field: string }) => x.field).sort()).toEqual(['from', 'to']);
      }
      const mine = await api.get('/api/bookings', { token: c.token });
      expect(mine.body.map((b: { id: string }) => b.id)).toContain(r.body.id);
      const msgs = await api.get('/api/messages', { token: c.token });
      expect(msgs.body[0]).toMatchObject({ type: 'booking_created', read: false });
      expect(msgs.body[0].body).toContain(r.body.code);
      expect((await api.post('/api/messages/read-all', undefined, { token: c.token })).body.marked).toBeGreaterThanOrEqual(1);
      expect((await api.get('/api/messages/unread-count', { token: c.token })).body.count).toBe(0);

      const cancelled = await api.post(`/api/bookings/${r.body.id}/cancel`, undefined, { token: c.token });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      const after = await api.get(`/api/services/${service.id}/slots?hallId=${staff.hallId}&from=2026-12-08&to=2026-12-08`);
      expect(after.body.find((s: { id: string }) => s.id === slotId).remaining).toBe(5);
      // a cancelled booking frees the day: the same person may book again
      expect((await book(c.token, slotId)).status).toBe(201);
      expectErrorShape(await api.post(`/api/bookings/${r.body.id}/cancel`, undefined, { token: c.token }), 409, 'INVALID_STATE');
    });

    it('cancelling sends 预约已取消, the 预约成功 no longer holds, and the code and QR are gone', async () => {
      const slotId = await newSlot('2026-12-08T03:00:00.000Z');
      const c = await verifiedCitizen(api);
      const r = await book(c.token, slotId);
      expect(r.status).toBe(201);
      const link = `/subpackages/booking/pages/detail/index?id=${r.body.id}`;
      expect((await api.get('/api/messages', { token: c.token })).body).toEqual([expect.objectContaining({ type: 'booking_created', link, superseded: false })]);
      const other = await verifiedCitizen(api);
      expect((await book(other.token, slotId)).status).toBe(201);

      expect((await api.post(`/api/bookings/${r.body.id}/cancel`, undefined, { token: c.token })).status).toBe(200);
      const msgs = (await api.get('/api/messages', { token: c.token })).body as Array<{ type: string; title: string; body: string; link: string; superseded: boolean; read: boolean }>;
      const cancelled = msgs.find((m) => m.type === 'booking_cancelled');
      expect(cancelled).toMatchObject({ title: '预约已取消', link, superseded: false, read: false });
      expect(cancelled!.body).toContain(service.name);
      expect(cancelled!.body).toContain('12-08 11:00');
      expect(msgs.find((m) => m.type === 'booking_created')).toMatchObject({ superseded: true });
      const detail = (await api.get(`/api/bookings/${r.body.id}`, { token: c.token })).body;
      expect(detail).toMatchObject({ status: 'cancelled', cancelledAt: NOW });
      expect(detail).not.toHaveProperty('qrImage');
      // someone else's booking of the same slot still holds
      expect((await api.get('/api/messages', { token: other.token })).body).toEqual([expect.objectContaining({ type: 'booking_created', superseded: false })]);
    });

    it('needs a verified real name', async () => {
      const slotId = await newSlot('2026-12-08T02:00:00.000Z');
      const c = await signIn(api);
      expectErrorShape(await book(c.accessToken, slotId), 403, 'REAL_NAME_REQUIRED');
    });

    it('one active booking per person, service and day', async () => {
      const a = await newSlot('2026-12-09T01:00:00.000Z');
      const b = await newSlot('2026-12-09T06:00:00.000Z');
      const c = await verifiedCitizen(api);
      expect((await book(c.token, a)).status).toBe(201);
      expectErrorShape(await book(c.token, b), 409, 'DUPLICATE_BOOKING');
    });

    it('ten parallel requests from one user give exactly one booking', async () => {
      const slotId = await newSlot('2026-12-10T01:00:00.000Z', 30, 50);
      const c = await verifiedCitizen(api);
      const answers = await Promise.all(Array.from({ length: 10 }, () => book(c.token, slotId)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 409 && a.body.code === 'DUPLICATE_BOOKING')).toHaveLength(9);
      expect(await dbCount('SELECT booked FROM slots WHERE id = ?', [slotId])).toBe(1);
    });

    it('refuses past, too distant and full slots', async () => {
      const c = await verifiedCitizen(api);
      const past = await newSlot('2026-12-06T01:00:00.000Z');
      expectErrorShape(await book(c.token, past), 409, 'SLOT_NOT_BOOKABLE');
      const far = await newSlot('2026-12-30T01:00:00.000Z');
      expectErrorShape(await book(c.token, far), 409, 'SLOT_NOT_BOOKABLE');
      const tiny = await newSlot('2026-12-11T01:00:00.000Z', 30, 1);
      expect((await book((await verifiedCitizen(api)).token, tiny)).status).toBe(201);
      expectErrorShape(await book(c.token, tiny), 409, 'SLOT_FULL');
      expectErrorShape(await api.post('/api/bookings', { slotId: 'nope', serviceId: service.id }, { token: c.token }), 404, 'NOT_FOUND');
    });

    it('cannot be cancelled once started; others cannot see it at all', async () => {
      const slotId = await newSlot('2026-12-07T01:00:00.000Z'); // today 09:00
      const c = await verifiedCitizen(api);
      const r = await book(c.token, slotId);
      expect(r.status).toBe(201);
      const stranger = await signIn(api);
      expectErrorShape(await api.get(`/api/bookings/${r.body.id}`, { token: stranger.accessToken }), 404, 'NOT_FOUND');
      expectErrorShape(await api.post(`/api/bookings/${r.body.id}/cancel`, undefined, { token: stranger.accessToken }), 404, 'NOT_FOUND');
      expect((await api.get(`/api/bookings/${r.body.id}`, { token: staff.token })).status).toBe(200);
      await setClock(api, '2026-12-07T01:00:00.000Z');
      try {
        const fresh = await api.post('/api/auth/refresh', { refreshToken: c.refreshToken }); // an hour later: a new access token
        expectErrorShape(await api.post(`/api/bookings/${r.body.id}/cancel`, undefined, { token: fresh.body.accessToken }), 409, 'CANCEL_TOO_LATE');
      } finally {
        await setClock(api, NOW);
      }
    });
  });

  describe('capacity under contention', () => {
    const racers: string[] = [];
    beforeAll(async () => {
      const users = await pool(Array.from({ length: 200 }), 20, () => verifiedCitizen(api));
      racers.push(...users.map((u) => u.token));
    }, 120_000);

    const race = async (clients: Client[], slotId: string) => {
      const answers = await Promise.all(racers.map((token, i) => clients[i % clients.length].post('/api/bookings', { slotId, serviceId: service.id }, { token })));
      return {
        created: answers.filter((a) => a.status === 201).length,
        full: answers.filter((a) => a.status === 409 && a.body.code === 'SLOT_FULL').length,
        fivexx: answers.filter((a) => a.status >= 500).length,
        other: answers.filter((a) => a.status !== 201 && !(a.status === 409 && a.body.code === 'SLOT_FULL')).map((a) => `${a.status} ${a.text}`),
      };
    };

    it('200 users racing for a slot of 5: exactly 5 bookings, 195 SLOT_FULL, no 5xx', async () => {
      const slotId = await newSlot('2026-12-14T01:00:00.000Z', 30, 5);
      const r = await race([api], slotId);
      expect(r.other).toEqual([]);
      expect(r).toMatchObject({ created: 5, full: 195, fivexx: 0 });
      expect(await dbCount('SELECT booked FROM slots WHERE id = ?', [slotId])).toBe(5);
      expect(await dbCount("SELECT COUNT(*) FROM bookings WHERE slot_id = ? AND status = 'booked'", [slotId])).toBe(5);
    });

    it('the same with two API instances sharing the database', async () => {
      const second = await createApp(f.t.config);
      await second.listen(0, '127.0.0.1');
      try {
        const api2 = client(`http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`);
        await setClock(api2, NOW);
        const slotId = await newSlot('2026-12-15T01:00:00.000Z', 30, 5);
        const r = await race([api, api2], slotId);
        expect(r.other).toEqual([]);
        expect(r).toMatchObject({ created: 5, full: 195, fivexx: 0 });
        expect(await dbCount('SELECT booked FROM slots WHERE id = ?', [slotId])).toBe(5);
        expect(await dbCount("SELECT COUNT(*) FROM bookings WHERE slot_id = ? AND status = 'booked'", [slotId])).toBe(5);
      } finally {
        await second.close();
      }
    });
  });

  describe('the booking horizon clients lay out', () => {
    it('GET /api/config tells anyone, signed in or not, how many days ahead slots are offered and which privacy terms to agree to', async () => {
      const r = await api.get('/api/config');
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ bookingHorizonDays: f.t.config.bookingHorizonDays, privacyTermsVersion: PRIVACY_TERMS_VERSION });
    });
  });
});
