import { createApp } from '../src/app.factory';
import { SlotGenerationJob } from '../src/booking/slot-generation.job';
import { SEED_HALLS, demoSlotTemplates } from '../src/database/seeds/catalog.data';
import { client, Client, expectErrorShape, signIn } from './helpers/http';
import { adminToken, pool, refreshed, Session, setClock, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';
import { connectDatabase } from './helpers/test-app';

/**
 * The first hour (the demo data is bookable out of the box) and the admin's schedule: demo slot
 * templates for every demo hall, the `slot-generation` job (idempotent, on two instances at
 * once), and closing a slot (its bookings cancelled by the centre, told why, never no-shows).
 */
describe('schedule: demo templates, slot generation, closing a slot', () => {
  const f = useTestApp({ world: false });
  const api = f.api;
  let admin: string;
  let halls: Array<{ id: string; name: string; level: string }>;

  const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => {
    const conn = await connectDatabase(f.t.config.database.url!);
    try {
      const [rows] = await conn.query(query, params);
      return rows as T[];
    } finally {
      await conn.end();
    }
  };
  const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const workdays = async (from: string, to: string) =>
    ((await api.get(`/api/calendar?from=${from}&to=${to}`)).body as Array<{ date: string; workday: boolean }>).filter((d) => d.workday).map((d) => d.date);
  const runJob = async (a: Client, name: string) => {
    const r = await a.post(`/api/admin/jobs/${name}/run`, undefined, { token: admin });
    expect(r.status).toBe(200);
    return r.body as Record<string, number>;
  };
  /** Move the clock (an access token lives 15 minutes of it: sign the admin in again). */
  const at = async (iso: string, ...others: Client[]) => {
    for (const a of [api, ...others]) await setClock(a, iso);
    admin = await adminToken(api);
  };
  const allServices = async () => {
    const out: Array<{ id: string; name: string; audience: string }> = [];
    for (let page = 1; ; page++) {
      const r = (await api.get(`/api/services?pageSize=50&page=${page}`)).body as { items: Array<{ id: string; name: string; audience: string }>; total: number };
      out.push(...r.items);
      if (out.length >= r.total || r.items.length === 0) return out;
    }
  };
  const demoHall = (level: string) => halls.find((h) => h.level === level && SEED_HALLS.some((s) => s.name === h.name))!;
  const templatesPerWorkday = SEED_HALLS.reduce((n, h) => n + demoSlotTemplates(h).filter((x) => x.weekday === 1).length, 0);

  beforeAll(async () => {
    admin = await adminToken(api);
    halls = (await api.get('/api/halls')).body;
  });

  describe('the demo data after start', () => {
    it('has slot templates for every demo hall, Monday to Friday, more places at the city hall than in the town', async () => {
      for (const seed of SEED_HALLS) {
        const hall = halls.find((h) => h.name === seed.name)!;
        const r = await api.get(`/api/admin/slot-templates?hallId=${hall.id}`, { token: admin });
        expect(r.status).toBe(200);
        expect(r.body).toHaveLength(demoSlotTemplates(seed).length);
        expect([...new Set(r.body.map((x: { weekday: number }) => x.weekday))].sort()).toEqual([1, 2, 3, 4, 5]);
        expect(r.body.every((x: { serviceId: string | null; active: boolean }) => x.serviceId === null && x.active)).toBe(true);
      }
      const cap = async (level: string) => (await api.get(`/api/admin/slot-templates?hallId=${demoHall(level).id}`, { token: admin })).body[0].capacity;
      expect(await cap('city')).toBeGreaterThan(await cap('town'));
    });

    it('has the booking horizon filled from them at start-up: today through today + 14, working days only', async () => {
      const today = shanghaiToday();
      const last = addDays(today, f.t.config.bookingHorizonDays);
      const days = await workdays(today, last);
      const [row] = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM slots WHERE template_id IS NOT NULL AND day BETWEEN ? AND ?', [today, last]);
      expect(Number(row.n)).toBe(templatesPerWorkday * days.length);
      const byDay = await sql<{ day: string }>('SELECT DISTINCT day FROM slots WHERE template_id IS NOT NULL ORDER BY day');
      expect(byDay.map((d) => d.day)).toEqual(days);
    });

    it('lets every demo service be booked at every hall that handles it, and at no other', async () => {
      const today = shanghaiToday();
      const list = await allServices();
      expect(list.length).toBeGreaterThan(50);
      const problems: string[] = [];
      await pool(list, 8, async (s) => {
        const guide = (await api.get(`/api/services/${s.id}`)).body as { halls: Array<{ id: string }> };
        for (const h of halls) {
          const slots = (await api.get(`/api/services/${s.id}/slots?hallId=${h.id}&from=${today}&to=${addDays(today, 14)}`)).body as unknown[];
          const handles = guide.halls.some((g) => g.id === h.id);
          if (handles !== slots.length > 0) problems.push(`${s.name} @ ${h.name}: handles ${handles}, ${slots.length} slots`);
        }
      });
      expect(problems).toEqual([]);
    }, 120_000);
  });

  describe('booking a hall-wide slot', () => {
    it('books any service the hall handles, and refuses one it does not', async () => {
      await at('2027-03-01T01:00:00.000Z'); // Monday 09:00 in Shanghai
      await runJob(api, 'slot-generation');
      const town = demoHall('town');
      const city = demoHall('city');
      const list = await allServices();
      let cityOnly: string | null = null;
      let both: string | null = null;
      for (const s of list) {
        if (s.audience === 'enterprise') continue; // a person books here: the audience rule would answer first
        const g = (await api.get(`/api/services/${s.id}`)).body as { halls: Array<{ id: string }> };
        const atTown = g.halls.some((h) => h.id === town.id);
        const atCity = g.halls.some((h) => h.id === city.id);
        if (atCity && !atTown) cityOnly ??= s.id;
        if (atCity && atTown) both ??= s.id;
        if (cityOnly && both) break;
      }
      const slots = (await api.get(`/api/services/${both}/slots?hallId=${town.id}&from=2027-03-02&to=2027-03-02`)).body as Array<{ id: string; serviceId: string | null; capacity: number }>;
      expect(slots.length).toBeGreaterThan(0);
      expect(slots[0]).toMatchObject({ serviceId: null, capacity: 2 });
      const c = await verifiedCitizen(api);
      const ok = await api.post('/api/bookings', { slotId: slots[0].id, serviceId: both }, { token: c.token });
      expect(ok.status).toBe(201);
      expectErrorShape(await api.post('/api/bookings', { slotId: slots[1].id, serviceId: cityOnly }, { token: c.token }), 409, 'SLOT_NOT_BOOKABLE');
      expect((await api.get(`/api/services/${cityOnly}/slots?hallId=${town.id}`)).body).toEqual([]);
    });
  });

  describe('the slot-generation job', () => {
    it('fills the horizon once: a second run, or a run on a second instance at the same moment, adds nothing', async () => {
      await at('2027-04-05T01:00:00.000Z'); // Monday 5 April 2027 (清明 falls on the 5th)
      const from = '2027-04-05';
      const to = addDays(from, f.t.config.bookingHorizonDays);
      const expected = templatesPerWorkday * (await workdays(from, to)).length;
      const count = async () => Number((await sql<{ n: number }>('SELECT COUNT(*) AS n FROM slots WHERE template_id IS NOT NULL AND day BETWEEN ? AND ?', [from, to]))[0].n);
      const before = await count();
      const first = await runJob(api, 'slot-generation');
      expect(first.created).toBe(expected - before);
      expect(await count()).toBe(expected);
      const again = await runJob(api, 'slot-generation');
      expect(again).toMatchObject({ created: 0, existing: expected });

      // two instances, both a week later, at once
      const second = await createApp(f.t.config);
      await second.listen(0, '127.0.0.1');
      try {
        const api2 = client(`http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`);
        await at('2027-04-12T01:00:00.000Z', api2);
        const [a, b] = await Promise.all([runJob(api, 'slot-generation'), runJob(api2, 'slot-generation')]);
        const to2 = addDays('2027-04-12', f.t.config.bookingHorizonDays);
        const expected2 = templatesPerWorkday * (await workdays('2027-04-12', to2)).length;
        const fresh = expected2 - templatesPerWorkday * (await workdays('2027-04-12', to)).length;
        expect(a.created + b.created).toBe(fresh);
        const dup = await sql('SELECT template_id, day, COUNT(*) AS n FROM slots WHERE template_id IS NOT NULL GROUP BY template_id, day HAVING COUNT(*) > 1');
        expect(dup).toEqual([]);
        const [row] = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM slots WHERE template_id IS NOT NULL AND day BETWEEN ? AND ?', ['2027-04-12', to2]);
        expect(Number(row.n)).toBe(expected2);
      } finally {
        await second.close();
      }
    }, 120_000);

    it('on the every-minute schedule works only when the day, the templates or the calendar changed', async () => {
      await at('2027-05-10T01:00:00.000Z'); // Monday
      const job = f.t.app.get(SlotGenerationJob);
      expect((await job.run({ onlyIfChanged: true })).skipped).toBe(0);
      expect(await job.run({ onlyIfChanged: true })).toMatchObject({ skipped: 1, created: 0 });
      // a new template is picked up at the next tick
      const town = demoHall('town');
      const tpl = await api.post('/api/admin/slot-templates', { hallId: town.id, weekday: 6, start: '09:00', end: '11:00', capacity: 3 }, { token: admin });
      expect(tpl.status).toBe(201);
      expect((await job.run({ onlyIfChanged: true })).skipped).toBe(0);
      expect(await job.run({ onlyIfChanged: true })).toMatchObject({ skipped: 1 });
      // the next day moves the horizon
      await at('2027-05-11T01:00:00.000Z');
      const next = await job.run({ onlyIfChanged: true });
      expect(next.skipped).toBe(0);
      expect(next.created).toBe(templatesPerWorkday);
      expect((await api.del(`/api/admin/slot-templates/${tpl.body.id}`, { token: admin })).status).toBe(204);
    });
  });

  describe('closing a slot', () => {
    const citySlot = async (day: string, n: number) => {
      const r = await api.get(`/api/admin/slots?hallId=${demoHall('city').id}&from=${day}&to=${day}`, { token: admin });
      expect(r.status).toBe(200);
      return r.body[n] as { id: string; start: string; capacity: number; booked: number; held: number; remaining: number; active: boolean; serviceId: string | null; serviceName: string | null };
    };
    let serviceId: string;
    beforeAll(async () => {
      await at('2027-03-01T01:00:00.000Z'); // Monday 09:00
      await runJob(api, 'slot-generation');
      const s = (await api.get(`/api/services?q=${encodeURIComponent('户口迁移')}`)).body.items[0];
      serviceId = s.id;
    });

    it('lists a hall’s slots for the admin with what is taken', async () => {
      const slot = await citySlot('2027-03-03', 0);
      expect(slot).toMatchObject({ capacity: 6, booked: 0, held: 0, remaining: 6, active: true, serviceId: null, serviceName: null, day: '2027-03-03', kind: 'regular' });
      const c = await verifiedCitizen(api);
      expect((await api.post('/api/bookings', { slotId: slot.id, serviceId }, { token: c.token })).status).toBe(201);
      expect(await citySlot('2027-03-03', 0)).toMatchObject({ id: slot.id, booked: 1, remaining: 5 });
      const week = (await api.get(`/api/admin/slots?hallId=${demoHall('city').id}&from=2027-03-01&to=2027-03-07`, { token: admin })).body as Array<{ day: string }>;
      expect(new Set(week.map((s) => s.day))).toEqual(new Set(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05']));
      expectErrorShape(await api.get(`/api/admin/slots?hallId=${demoHall('city').id}&from=2027-03-01&to=2027-04-15`, { token: admin }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await api.get(`/api/admin/slots?hallId=nope&from=2027-03-01&to=2027-03-02`, { token: admin }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await api.get(`/api/admin/slots?hallId=${demoHall('city').id}&from=2027-03-01`, { token: admin }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await api.get(`/api/admin/slots?hallId=${demoHall('city').id}&from=2027-03-01&to=2027-03-02`, { token: c.token }), 403, 'FORBIDDEN');
    });

    it('cancels its bookings by the centre, tells each applicant why and offers another slot; never a no-show', async () => {
      const slot = await citySlot('2027-03-02', 2); // 10:00–10:30
      const people = [(await verifiedCitizen(api)) as Session, (await verifiedCitizen(api)) as Session];
      const bookings: string[] = [];
      for (const p of people) {
        const r = await api.post('/api/bookings', { slotId: slot.id, serviceId }, { token: p.token });
        expect(r.status).toBe(201);
        bookings.push(r.body.id);
      }
      // one of them cancelled earlier, by themself: that one stays `cancelled` and is not told again
      const third = (await verifiedCitizen(api)) as Session;
      const own = await api.post('/api/bookings', { slotId: slot.id, serviceId }, { token: third.token });
      expect((await api.post(`/api/bookings/${own.body.id}/cancel`, undefined, { token: third.token })).status).toBe(200);

      expectErrorShape(await api.post(`/api/admin/slots/${slot.id}/close`, { reason: '' }, { token: admin }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await api.post(`/api/admin/slots/${slot.id}/close`, { reason: '窗口系统升级' }, { token: people[0].token }), 403, 'FORBIDDEN');
      const closed = await api.post(`/api/admin/slots/${slot.id}/close`, { reason: '窗口系统升级，上午暂停办理' }, { token: admin });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ id: slot.id, active: false, booked: 0, cancelled: 2 });
      expectErrorShape(await api.post(`/api/admin/slots/${slot.id}/close`, { reason: '再关一次' }, { token: admin }), 409, 'INVALID_STATE');
      expectErrorShape(await api.post('/api/admin/slots/00000000-0000-4000-8000-000000000000/close', { reason: '不存在' }, { token: admin }), 404, 'NOT_FOUND');

      for (const [i, p] of people.entries()) {
        const b = await api.get(`/api/bookings/${bookings[i]}`, { token: p.token });
        expect(b.body.status).toBe('cancelled_by_centre');
        const msgs = (await api.get('/api/messages', { token: p.token })).body as Array<{ type: string; body: string; link: string }>;
        const m = msgs.find((x) => x.type === 'booking_cancelled_by_centre');
        expect(m?.body).toContain('窗口系统升级，上午暂停办理');
        expect(m?.body).toContain('不计入爽约');
        expect(m?.link).toBe(`/subpackages/booking/pages/book/index?serviceId=${serviceId}`);
      }
      expect(((await api.get(`/api/bookings/${own.body.id}`, { token: third.token })).body as { status: string }).status).toBe('cancelled');
      expect(((await api.get('/api/messages', { token: third.token })).body as Array<{ type: string }>).some((m) => m.type === 'booking_cancelled_by_centre')).toBe(false);

      // no longer offered, and not bookable
      const offered = (await api.get(`/api/services/${serviceId}/slots?hallId=${demoHall('city').id}&from=2027-03-02&to=2027-03-02`)).body as Array<{ id: string }>;
      expect(offered.map((s) => s.id)).not.toContain(slot.id);
      expect(offered.length).toBeGreaterThan(0);
      const refused = await api.post('/api/bookings', { slotId: slot.id, serviceId }, { token: (await verifiedCitizen(api)).token });
      expectErrorShape(refused, 409, 'HALL_CLOSED');
      expect(refused.body.message).toBe('服务中心已关闭该时段，请选择其他时段');
      // the freed day: the applicant may book another slot of the same service that day
      expect((await api.post('/api/bookings', { slotId: offered[offered.length - 1].id, serviceId }, { token: (await refreshed(api, people[0])).token })).status).toBe(201);

      // after the start and the grace period the sweep marks nothing of it; the record stays clean
      await at('2027-03-02T03:00:00.000Z'); // 11:00, past 10:00 + 30 minutes
      await runJob(api, 'no-show-sweep');
      for (const id of bookings) expect((await sql<{ status: string }>('SELECT status FROM bookings WHERE id = ?', [id]))[0].status).toBe('cancelled_by_centre');
      const standing = await api.get('/api/me/booking-eligibility', { token: (await refreshed(api, people[1])).token });
      expect(standing.body).toMatchObject({ noShows: 0, forfeited: false });
      const record = await api.get('/api/me/no-shows', { token: people[1].token });
      expect(record.body).toEqual([]);
      const audit = await sql<{ action: string; reason: string }>('SELECT action, reason FROM audit_logs WHERE object_id = ?', [slot.id]);
      expect(audit).toEqual([{ action: 'slot.close', reason: '窗口系统升级，上午暂停办理' }]);
      await at('2027-03-01T01:00:00.000Z');
    });

    it('racing bookings: each one is either refused or cancelled by the centre, and the slot ends with none booked', async () => {
      const slot = await citySlot('2027-03-04', 4);
      const people = await pool(Array.from({ length: 12 }), 6, () => verifiedCitizen(api));
      const [answers, closed] = await Promise.all([
        Promise.all(people.map((p) => api.post('/api/bookings', { slotId: slot.id, serviceId }, { token: p.token }))),
        new Promise((r) => setTimeout(r, 30)).then(() => api.post(`/api/admin/slots/${slot.id}/close`, { reason: '临时停电' }, { token: admin })),
      ]);
      expect(closed.status).toBe(200);
      const made = answers.filter((a) => a.status === 201).map((a) => a.body.id as string);
      expect(answers.every((a) => a.status === 201 || (a.status === 409 && ['SLOT_FULL', 'HALL_CLOSED'].includes(a.body.code)))).toBe(true);
      expect(made.length).toBeLessThanOrEqual(6);
      const rows = made.length ? await sql<{ status: string }>('SELECT status FROM bookings WHERE id IN (?)', [made]) : [];
      expect(rows.every((r) => r.status === 'cancelled_by_centre')).toBe(true);
      expect(closed.body.cancelled).toBe(made.length);
      const [s] = await sql<{ booked: number; active: number }>('SELECT booked, active FROM slots WHERE id = ?', [slot.id]);
      expect({ booked: Number(s.booked), active: Number(s.active) }).toEqual({ booked: 0, active: 0 });
    });

    it('only admins close slots', async () => {
      const slot = await citySlot('2027-03-05', 0);
      const c = await signIn(api);
      expectErrorShape(await api.post(`/api/admin/slots/${slot.id}/close`, { reason: '测试' }, { token: c.accessToken }), 403, 'FORBIDDEN');
    });
  });
});
