import * as fs from 'node:fs';
import { expectErrorShape, signIn, staffSignIn, uniquePhone } from './helpers/http';
import { adminToken, createSlot, serviceAtHall, setClock, validIdNumber } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';
import { connectDatabase } from './helpers/test-app';

/**
 * The staff desk: whom staff serve (masked, and the audited full reveal), one search box over the
 * hall's bookings and filings, opt-in paging of the long staff lists, and the stock correction phrases.
 */
describe('staff desk', () => {
  const f = useTestApp({ world: false });
  const api = f.api;
  let admin: string;
  let staff: { token: string; hallId: string; userId: string };
  let otherStaff: string;
  let service: { id: string; name: string };
  const NOW = '2026-12-07T02:00:00.000Z'; // Monday 10:00 in Shanghai

  /** A citizen verified under a name of our choosing (names are searched). */
  async function person(realName: string, phone = uniquePhone()) {
    const s = await signIn(api, phone);
    const idNumber = validIdNumber();
    const r = await api.post('/api/me/verify', { realName, idNumber }, { token: s.accessToken });
    expect(r.status).toBe(200);
    return { token: s.accessToken, id: s.user.id as string, phone, idNumber, realName };
  }
  type Person = Awaited<ReturnType<typeof person>>;

  const slot = async (start: string): Promise<string> => (await createSlot(api, admin, { hallId: staff.hallId, serviceId: service.id, start, capacity: 20 })).id;
  const book = async (who: Person, slotId: string, onBehalfOf?: unknown) => {
    const r = await api.post('/api/bookings', { slotId, serviceId: service.id, ...(onBehalfOf ? { onBehalfOf } : {}) }, { token: who.token });
    expect(r.status).toBe(201);
    return r.body as { id: string; code: string };
  };
  const auditRows = async (objectId: string) => {
    const conn = await connectDatabase(f.t.config.database.url!);
    try {
      const [rows] = await conn.query('SELECT actor_id, action, object_type, at, data FROM audit_logs WHERE object_id = ? ORDER BY at', [objectId]);
      return rows as Array<{ actor_id: string; action: string; object_type: string; at: Date; data: string }>;
    } finally {
      await conn.end();
    }
  };

  let principal: Person;
  let agent: Person;
  let stranger: Person;
  let booking: { id: string; code: string };
  let agentBooking: { id: string; code: string };
  let filing: { id: string; number: string };

  beforeAll(async () => {
    await setClock(api, NOW);
    admin = await adminToken(api);
    const s = await staffSignIn(api, 'staff01', 'Staff@2026');
    staff = { token: s.accessToken, hallId: s.user.hallId, userId: s.user.id };
    service = await serviceAtHall(api, staff.hallId);
    const hall = await api.post('/api/admin/halls', { name: '清河市西区便民服务中心', address: '西区 2 号', phone: '0391-26600019', hours: '周一至周五', level: 'county' }, { token: admin });
    expect(hall.status).toBe(201);
    expect((await api.post('/api/admin/staff', { username: 'staff-west', password: 'Staff@2026west', name: '王西区', hallId: hall.body.id }, { token: admin })).status).toBe(201);
    otherStaff = (await staffSignIn(api, 'staff-west', 'Staff@2026west')).accessToken;

    principal = await person('欧阳明月');
    agent = await person('司马代办');
    stranger = await person('路人甲');
    booking = await book(principal, await slot('2026-12-07T02:30:00.000Z'));
    // the agent books for the principal (a valid authorisation for every service)
    const given = await api.post(
      '/api/authorizations',
      { principal: { type: 'person', id: principal.id }, agentPhone: agent.phone, serviceIds: null, validFrom: '2026-12-07', validTo: '2026-12-31' },
      { token: principal.token },
    );
    expect(given.status).toBe(201);
    // the agent accepts it (a pending authorisation gives no rights)
    expect((await api.post(`/api/authorizations/${given.body.id}/accept`, undefined, { token: agent.token })).status).toBe(200);
    agentBooking = await book(agent, await slot('2026-12-08T02:30:00.000Z'), { type: 'person', id: principal.id });

    // a submitted filing of the principal's at the same hall (a service with online pre-review)
    const svc = (await api.get('/api/services?q=个体工商户设立登记&pageSize=50')).body.items.find((x: { onlinePrereview: boolean }) => x.onlinePrereview);
    const app = await api.post('/api/applications', { serviceId: svc.id, hallId: staff.hallId }, { token: principal.token });
    expect(app.status).toBe(201);
    for (const m of (app.body.materials as Array<{ materialId: string; required: boolean }>).filter((x) => x.required)) {
      const fd = new FormData();
      fd.append('file', new Blob([Buffer.from(`%PDF-1.4\n% ${m.materialId}\n%%EOF\n`)], { type: 'application/pdf' }), 'scan.pdf');
      const up = await fetch(`${f.t.url}/api/applications/${app.body.id}/materials/${m.materialId}/files`, { method: 'POST', body: fd, headers: { authorization: `Bearer ${principal.token}` } });
      expect(up.status).toBe(201);
    }
    expect((await api.post(`/api/applications/${app.body.id}/submit`, undefined, { token: principal.token })).status).toBe(200);
    filing = { id: app.body.id, number: app.body.number };
  });

  describe('whom staff serve', () => {
    it('shows the applicant masked (name, ID, phone) and the agent who acts for them', async () => {
      const list = await api.get('/api/staff/bookings?date=2026-12-08', { token: staff.token });
      const b = list.body.find((x: { id: string }) => x.id === agentBooking.id);
      expect(b.applicant).toMatchObject({
        userId: principal.id,
        name: '欧**月',
        idNumber: `${principal.idNumber.slice(0, 3)}${'*'.repeat(11)}${principal.idNumber.slice(-4)}`,
        phone: `${principal.phone.slice(0, 3)}****${principal.phone.slice(-4)}`,
        verified: true,
        agent: { userId: agent.id, name: '司**办', phone: `${agent.phone.slice(0, 3)}****${agent.phone.slice(-4)}` },
        enterprise: null,
      });
      expect(list.text).not.toContain(principal.idNumber);
      expect(list.text).not.toContain(principal.phone);
    });

    it('reveals the full ID and phone to the hall’s staff, audited with who, when and which', async () => {
      const r = await api.post(`/api/staff/bookings/${booking.id}/reveal-applicant`, undefined, { token: staff.token });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ userId: principal.id, name: '欧阳明月', idNumber: principal.idNumber, phone: principal.phone });
      const f = await api.post(`/api/staff/applications/${filing.id}/reveal-applicant`, undefined, { token: admin });
      expect(f.status).toBe(200);
      expect(f.body.idNumber).toBe(principal.idNumber);

      const [row] = await auditRows(booking.id);
      expect(row).toMatchObject({ actor_id: staff.userId, action: 'booking.reveal_applicant', object_type: 'booking' });
      expect(new Date(row.at).toISOString()).toBe(NOW);
      expect(JSON.parse(row.data)).toEqual({ userId: principal.id, fields: ['name', 'idNumber', 'phone'] });
      expect((await auditRows(filing.id)).map((x) => x.action)).toContain('application.reveal_applicant');
    });

    it('answers 404 to another hall’s staff (and audits nothing), 403 to a citizen, 404 for a missing id', async () => {
      expectErrorShape(await api.post(`/api/staff/bookings/${booking.id}/reveal-applicant`, undefined, { token: otherStaff }), 404, 'NOT_FOUND');
      expectErrorShape(await api.post(`/api/staff/applications/${filing.id}/reveal-applicant`, undefined, { token: otherStaff }), 404, 'NOT_FOUND');
      expectErrorShape(await api.post('/api/staff/bookings/00000000-0000-0000-0000-000000000000/reveal-applicant', undefined, { token: staff.token }), 404, 'NOT_FOUND');
      // a citizen is refused by role, like every staff route (the security sweep holds every /staff route to it)
      expectErrorShape(await api.post(`/api/staff/bookings/${booking.id}/reveal-applicant`, undefined, { token: principal.token }), 403, 'FORBIDDEN');
      expectErrorShape(await api.post(`/api/staff/applications/${filing.id}/reveal-applicant`, undefined, { token: stranger.token }), 403, 'FORBIDDEN');
      // only the two reveals that were answered are in the log
      expect([...(await auditRows(booking.id)), ...(await auditRows(filing.id))].filter((r) => r.action.endsWith('reveal_applicant'))).toHaveLength(2);
    });

    it('says from when a no-show may be recorded, and allows it only then', async () => {
      const before = (await api.get('/api/staff/bookings?date=2026-12-07', { token: staff.token })).body.find((x: { id: string }) => x.id === booking.id);
      expect(before).toMatchObject({ noShowFrom: '2026-12-07T03:00:00.000Z', canMarkNoShow: false });
      await setClock(api, '2026-12-07T03:00:00.000Z');
      try {
        // (access tokens live 15 minutes: sign in again at the new time)
        const later = (await staffSignIn(api, 'staff01', 'Staff@2026')).accessToken;
        const after = (await api.get('/api/staff/bookings?date=2026-12-07', { token: later })).body.find((x: { id: string }) => x.id === booking.id);
        expect(after.canMarkNoShow).toBe(true);
      } finally {
        await setClock(api, NOW);
      }
    });
  });

  describe('search', () => {
    const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);
    const search = (q: string, token = staff.token) => api.get(`/api/staff/search?q=${encodeURIComponent(q)}`, { token });

    it('finds a booking by its code, typed in any case', async () => {
      const r = await search(booking.code.toLowerCase());
      expect(r.status).toBe(200);
      expect(r.body.keys).toContain('bookingCode');
      expect(ids(r.body.bookings)).toEqual([booking.id]);
      expect(r.body.bookings[0].applicant.name).toBe('欧**月');
    });

    it('finds a filing by its number, and the applicant’s filings by name', async () => {
      const r = await search(filing.number.toLowerCase());
      expect(r.body.keys).toEqual(['filingNumber']);
      expect(ids(r.body.applications)).toEqual([filing.id]);
      expect(r.body.bookings).toEqual([]);
      expect(ids((await search('欧阳')).body.applications)).toEqual([filing.id]);
    });

    it('finds the applicant’s bookings and filings by name (the start of it), and the agent’s by the agent’s name', async () => {
      const byName = await search('欧阳明');
      expect(byName.body.keys).toEqual(['name']);
      expect(ids(byName.body.bookings).sort()).toEqual([booking.id, agentBooking.id].sort());
      const byAgent = await search('司马代办');
      expect(ids(byAgent.body.bookings)).toEqual([agentBooking.id]);
      expect((await search('没有这个人')).body.bookings).toEqual([]);
      // LIKE wildcards are matched literally
      expect((await search('%')).body.bookings).toEqual([]);
      expect((await search('欧_明')).body.bookings).toEqual([]);
    });

    it('finds by the last four digits of the phone, and by the whole phone or ID number', async () => {
      const tail = await search(principal.phone.slice(-4));
      expect(tail.body.keys).toEqual(['phoneTail']);
      expect(ids(tail.body.bookings)).toEqual(expect.arrayContaining([booking.id, agentBooking.id]));
      expect(ids((await search(principal.phone)).body.bookings)).toEqual(expect.arrayContaining([booking.id, agentBooking.id]));
      expect(ids((await search(principal.idNumber)).body.bookings)).toEqual(expect.arrayContaining([booking.id, agentBooking.id]));
    });

    it('finds by a phone or ID number typed with +86, spaces, dashes or full-width digits, and logs none of them in full', async () => {
      const p = principal.phone;
      const full = (d: string) => d.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      const idSpaced = `${principal.idNumber.slice(0, 6)} ${principal.idNumber.slice(6, 14)} ${principal.idNumber.slice(14)}`;
      for (const typed of [`${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`, `+86 ${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`, `86${p}`, full(p), idSpaced]) {
        const r = await search(typed);
        expect(ids(r.body.bookings)).toEqual(expect.arrayContaining([booking.id, agentBooking.id]));
        // the answer repeats the query only masked
        expect(r.text).not.toContain(p);
        expect(r.text).not.toContain(principal.idNumber);
      }
      // forms the search does not read as a number (zero-width spaces, underscores, slashes) are still masked in the log
      for (const odd of [`${p.slice(0, 3)}\u200b${p.slice(3, 7)}\u200b${p.slice(7)}`, `${p.slice(0, 3)}_${p.slice(3, 7)}_${p.slice(7)}`, `${p.slice(0, 3)}/${p.slice(3, 7)}/${p.slice(7)}`]) {
        expect((await search(odd)).status).toBe(200);
      }
      await new Promise((r) => setTimeout(r, 300));
      const digitsOnly = fs.readFileSync(f.t.config.logFile!, 'utf8').replace(/%20|%2B|%2D|%2F|%E2%80%8B|[\s+\-_/\u200b]/gi, '');
      expect(digitsOnly).toContain(`${p.slice(0, 3)}****${p.slice(-4)}`);
      expect(digitsOnly).not.toContain(p);
      expect(digitsOnly).not.toContain(principal.idNumber);
      expect(digitsOnly).not.toContain(full(p));
    });

    it('stays within the caller’s hall; admins search every hall; an empty query is refused', async () => {
      const other = await search(booking.code, otherStaff);
      expect(other.status).toBe(200);
      expect(other.body.bookings).toEqual([]);
      expect((await search('欧阳明月', otherStaff)).body).toMatchObject({ bookings: [], applications: [] });
      expect(ids((await search(booking.code, admin)).body.bookings)).toEqual([booking.id]);
      expectErrorShape(await api.get('/api/staff/search', { token: staff.token }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await search('张三', principal.token), 403, 'FORBIDDEN');
    });
  });

  describe('paging', () => {
    it('answers the whole array without `page`, and one page with the total with it', async () => {
      const slotId = await slot('2026-12-09T02:00:00.000Z');
      for (let i = 0; i < 4; i++) await book(await person(`分页${'甲乙丙丁'[i]}`), slotId);
      const all = await api.get('/api/staff/bookings?date=2026-12-09', { token: staff.token });
      expect(Array.isArray(all.body)).toBe(true);
      expect(all.body).toHaveLength(4);
      const p1 = await api.get('/api/staff/bookings?date=2026-12-09&page=1&pageSize=3', { token: staff.token });
      expect(p1.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
      expect(p1.body.items).toHaveLength(3);
      const p2 = await api.get('/api/staff/bookings?date=2026-12-09&page=2&pageSize=3', { token: staff.token });
      expect(p2.body.items.map((x: { id: string }) => x.id)).toEqual([all.body[3].id]);
      expect(p1.body.items.map((x: { id: string }) => x.id)).toEqual(all.body.slice(0, 3).map((x: { id: string }) => x.id));
      expectErrorShape(await api.get('/api/staff/bookings?page=0', { token: staff.token }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await api.get('/api/staff/bookings?page=1&pageSize=x', { token: staff.token }), 400, 'VALIDATION_FAILED');
    });

    it('pages the filings, appeals, rectifications and call-backs the same way', async () => {
      for (const path of ['/api/staff/applications', '/api/staff/appeals', '/api/staff/rectifications', '/api/staff/callbacks']) {
        const whole = await api.get(path, { token: staff.token });
        expect({ path, array: Array.isArray(whole.body) }).toEqual({ path, array: true });
        const page = await api.get(`${path}?page=1&pageSize=1`, { token: staff.token });
        expect({ path, body: page.body }).toMatchObject({ path, body: { total: whole.body.length, page: 1, pageSize: 1 } });
        expect(page.body.items).toHaveLength(Math.min(1, whole.body.length));
      }
      const filings = await api.get('/api/staff/applications?page=1&pageSize=50', { token: staff.token });
      expect(filings.body.total).toBeGreaterThan(0);
    });
  });

  describe('常用补正语', () => {
    it('offers the seeded phrases to staff, in order', async () => {
      const r = await api.get('/api/staff/phrases', { token: staff.token });
      expect(r.status).toBe(200);
      expect(r.body.length).toBeGreaterThanOrEqual(8);
      expect(r.body.map((p: { text: string }) => p.text)).toEqual(expect.arrayContaining(['材料模糊不清，请重新拍摄上传', '缺少签字或盖章']));
      const orders = r.body.map((p: { sortOrder: number }) => p.sortOrder);
      expect(orders).toEqual([...orders].sort((a: number, b: number) => a - b));
    });

    it('lets admins add, edit and remove phrases; staff and citizens may not', async () => {
      const made = await api.post('/api/admin/phrases', { text: '  请补充近三个月的银行流水  ' }, { token: admin });
      expect(made.status).toBe(201);
      expect(made.body.text).toBe('请补充近三个月的银行流水');
      const texts = async () => (await api.get('/api/staff/phrases', { token: staff.token })).body.map((p: { text: string }) => p.text);
      expect((await texts()).at(-1)).toBe('请补充近三个月的银行流水');

      const edited = await api.put(`/api/admin/phrases/${made.body.id}`, { text: '请补充近六个月的银行流水', sortOrder: 0 }, { token: admin });
      expect(edited.status).toBe(200);
      expect((await texts())[0]).toBe('请补充近六个月的银行流水');
      expectErrorShape(await api.post('/api/admin/phrases', { text: '请补充近六个月的银行流水' }, { token: admin }), 409, 'CONFLICT');
      expectErrorShape(await api.post('/api/admin/phrases', { text: '短' }, { token: admin }), 400, 'VALIDATION_FAILED');

      expectErrorShape(await api.post('/api/admin/phrases', { text: '工作人员加的' }, { token: staff.token }), 403, 'FORBIDDEN');
      expectErrorShape(await api.put(`/api/admin/phrases/${made.body.id}`, { text: '工作人员改的' }, { token: staff.token }), 403, 'FORBIDDEN');
      expectErrorShape(await api.del(`/api/admin/phrases/${made.body.id}`, { token: staff.token }), 403, 'FORBIDDEN');
      expectErrorShape(await api.get('/api/staff/phrases', { token: principal.token }), 403, 'FORBIDDEN');

      expect((await api.del(`/api/admin/phrases/${made.body.id}`, { token: admin })).status).toBe(204);
      expect(await texts()).not.toContain('请补充近六个月的银行流水');
      expectErrorShape(await api.del(`/api/admin/phrases/${made.body.id}`, { token: admin }), 404, 'NOT_FOUND');
      expectErrorShape(await api.put(`/api/admin/phrases/${made.body.id}`, { text: '已删除的' }, { token: admin }), 404, 'NOT_FOUND');
    });
  });
});
