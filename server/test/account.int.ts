import { creditCodeCheckChar, PRIVACY_TERMS_VERSION } from '@gov/shared';
import { SeedService } from '../src/database/seeds/seed.service';
import { expectErrorShape, must, signIn, uniquePhone } from './helpers/http';
import { adminService, adminToken, askOffhours, createSlot, setClock, staffToken, uploadPdf, validIdNumber } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';
import { connectDatabase } from './helpers/test-app';

/**
 * The account's own life (issue "The first hour"): consent to the privacy terms, 注销 (个人信息保护法
 * art. 47) with what it keeps and what it erases, the to-do summary, and halls on the map.
 */
describe('account', () => {
  const f = useTestApp({ world: false });
  const api = f.api;
  let admin: string;
  let staff: { token: string; hallId: string };
  let svc: { id: string; form: string; deed: string };
  let closedAccount: { phone: string; userId: string } | null = null;
  const NOW = '2026-12-07T00:00:00.000Z'; // Monday 08:00 in Shanghai

  const rows = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const conn = await connectDatabase(f.t.config.database.url!);
    try {
      return (await conn.query(sql, params))[0] as T[];
    } finally {
      await conn.end();
    }
  };

  /** A verified citizen who agreed to the terms, with the real name and ID number they gave. */
  async function citizen(realName = '林小满') {
    const s = await signIn(api);
    const idNumber = validIdNumber();
    must(await api.post('/api/me/verify', { realName, idNumber }, { token: s.accessToken }), 200, 'verify');
    return { ...s, token: s.accessToken, idNumber, realName };
  }

  let slotSeq = 0;
  const slot = async () => {
    slotSeq++;
    const start = new Date(Date.parse('2026-12-08T01:00:00.000Z') + slotSeq * 3_600_000).toISOString();
    return (await createSlot(api, admin, { hallId: staff.hallId, serviceId: svc.id, start, capacity: 5 })).id;
  };
  const upload = async (token: string, appId: string, materialId: string) => {
    const status = await uploadPdf(f.t.url, token, appId, materialId);
    if (status !== 201) throw new Error(`upload: ${status}`);
  };
  /** A submitted filing: the form uploaded, the tolerable deed under a credit commitment when asked. */
  async function submitted(token: string, o: { commit?: boolean } = {}): Promise<string> {
    const id = must(await api.post('/api/applications', { serviceId: svc.id }, { token }), 201, 'filing').id as string;
    await upload(token, id, svc.form);
    if (o.commit) must(await api.post(`/api/applications/${id}/commitment`, { materialIds: [svc.deed] }, { token }), 201, 'commitment');
    else await upload(token, id, svc.deed);
    must(await api.post(`/api/applications/${id}/submit`, undefined, { token }), 200, 'submit');
    return id;
  }

  beforeAll(async () => {
    await setClock(api, NOW);
    admin = await adminToken(api);
    staff = await staffToken(api);
    const s = await adminService(api, admin, {
      code: `QH-ACCT-${Date.now() % 100000}`,
      name: '注销测试许可事项',
      hallIds: [staff.hallId],
      materials: [
        { name: '申请书', required: true, tolerable: false, form: 'original' },
        { name: '房屋产权证明', required: true, tolerable: true, note: '可容缺' },
      ],
    });
    svc = { id: s.id, form: s.materials[0].id, deed: s.materials[1].id };
  });

  describe('consent to the privacy terms', () => {
    it('is null until given, then recorded with its version and time, and carried by /me', async () => {
      const s = await signIn(api, undefined, { consent: false });
      expect(s.user.consentVersion).toBeNull();
      expect((await api.get('/api/me', { token: s.accessToken })).body.consentVersion).toBeNull();

      expectErrorShape(await api.post('/api/me/consent', { version: '2019-01-01' }, { token: s.accessToken }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await api.post('/api/me/consent', {}, { token: s.accessToken }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await api.post('/api/me/consent', { version: PRIVACY_TERMS_VERSION }), 401, 'UNAUTHENTICATED');

      const r = await api.post('/api/me/consent', { version: PRIVACY_TERMS_VERSION }, { token: s.accessToken });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id: s.user.id, consentVersion: PRIVACY_TERMS_VERSION });
      expect((await api.get('/api/me', { token: s.accessToken })).body.consentVersion).toBe(PRIVACY_TERMS_VERSION);

      const [user] = await rows<{ consent_version: string; consent_at: Date }>('SELECT consent_version, consent_at FROM users WHERE id = ?', [s.user.id]);
      expect(user.consent_version).toBe(PRIVACY_TERMS_VERSION);
      expect(user.consent_at).toEqual(new Date(NOW));
      const audit = await rows<{ actor_id: string; data: string }>("SELECT actor_id, data FROM audit_logs WHERE action = 'privacy.consent' AND object_id = ?", [s.user.id]);
      expect(audit).toHaveLength(1);
      expect(audit[0].actor_id).toBe(s.user.id);
      expect(JSON.parse(audit[0].data)).toEqual({ version: PRIVACY_TERMS_VERSION });
    });

    it('is asked before the ID number: 实名认证 without consent to the current terms is refused and nothing is stored', async () => {
      const s = await signIn(api, undefined, { consent: false });
      const r = await api.post('/api/me/verify', { realName: '林小满', idNumber: validIdNumber() }, { token: s.accessToken });
      expectErrorShape(r, 403, 'FORBIDDEN');
      expect(r.body.details).toEqual({ reason: 'consent_required' });
      const [user] = await rows<{ id_number_enc: string | null; verified_at: Date | null }>('SELECT id_number_enc, verified_at FROM users WHERE id = ?', [s.user.id]);
      expect(user).toEqual({ id_number_enc: null, verified_at: null });
      must(await api.post('/api/me/consent', { version: PRIVACY_TERMS_VERSION }, { token: s.accessToken }), 200, 'consent');
      expect((await api.post('/api/me/verify', { realName: '林小满', idNumber: validIdNumber() }, { token: s.accessToken })).status).toBe(200);
    });
  });

  describe('注销', () => {
    const closingRefused = async (token: string, details: Record<string, number>, says: string) => {
      const r = await api.del('/api/me', { token });
      expectErrorShape(r, 409, 'INVALID_STATE');
      expect(r.body.details).toEqual(details);
      expect(r.body.message).toContain(says);
    };

    it('is refused with counts while a booking or filing is open, and closes once they are done', async () => {
      const c = await citizen();
      const agent = await signIn(api);
      const bookingId = must(await api.post('/api/bookings', { slotId: await slot(), serviceId: svc.id }, { token: c.token }), 201, 'booking').id;
      const filingId = await submitted(c.token);
      const first17 = `91410100MA${String(Date.now() % 1e7).padStart(7, '0')}`;
      const company = must(await api.post('/api/enterprises', { name: '清河注销测试有限公司', creditCode: first17 + creditCodeCheckChar(first17), legalRepName: c.realName }, { token: c.token }), 201, 'enterprise');
      const grant = must(
        await api.post('/api/authorizations', { principal: { type: 'person', id: c.user.id }, agentPhone: agent.phone, serviceIds: null, validFrom: '2026-12-07', validTo: '2026-12-31' }, { token: c.token }),
        201,
        'authorization',
      );

      await closingRefused(c.token, { bookings: 1, applications: 1, offhours: 0, enterprises: 0 }, '1 个待签到的预约');
      expect((await api.get('/api/me/closing-check', { token: c.token })).body).toEqual({ canClose: false, bookings: 1, applications: 1, offhours: 0, enterprises: 0 });

      must(await api.post(`/api/bookings/${bookingId}/cancel`, undefined, { token: c.token }), 200, 'cancel');
      const still = await api.del('/api/me', { token: c.token });
      expectErrorShape(still, 409, 'INVALID_STATE');
      expect(still.body.details).toMatchObject({ bookings: 0, applications: 1 });
      must(await api.post(`/api/applications/${filingId}/withdraw`, {}, { token: c.token }), 200, 'withdraw');
      expect((await api.get('/api/me/closing-check', { token: c.token })).body.canClose).toBe(true);

      const closed = await api.del('/api/me', { token: c.token });
      expect(closed.status).toBe(204);

      // the old tokens no longer work, on any route
      expectErrorShape(await api.get('/api/me', { token: c.token }), 401, 'UNAUTHENTICATED');
      expectErrorShape(await api.get('/api/bookings', { token: c.token }), 401, 'UNAUTHENTICATED');
      expectErrorShape(await api.post('/api/auth/refresh', { refreshToken: c.refreshToken }), 401, 'UNAUTHENTICATED');
      expectErrorShape(await api.del('/api/me', { token: c.token }), 401, 'UNAUTHENTICATED');

      // the user row keeps nothing that identifies the person
      const [u] = await rows('SELECT * FROM users WHERE id = ?', [c.user.id]);
      expect(u).toMatchObject({
        phone_enc: null,
        phone_hash: null,
        phone_tail: null,
        wechat_openid: null,
        alipay_user_id: null,
        real_name: null,
        display_name: null,
        id_number_enc: null,
        id_number_hash: null,
        verified_at: null,
        disabled: 1,
        closed_at: new Date(NOW),
      });
      const dump = JSON.stringify(u);
      for (const secret of [c.phone, c.phone.slice(-4), c.idNumber, c.realName]) expect(dump).not.toContain(secret);
      // memberships, messages and subscriptions are gone; the authorisation given is revoked
      expect(await rows('SELECT * FROM enterprise_members WHERE user_id = ?', [c.user.id])).toEqual([]);
      expect(await rows('SELECT * FROM messages WHERE user_id = ?', [c.user.id])).toEqual([]);
      const agentView = (await api.get('/api/authorizations?role=agent', { token: agent.accessToken })).body as Array<{ id: string; status: string }>;
      expect(agentView.find((a) => a.id === grant.id)?.status).toBe('revoked');
      // the company itself stays (its records are the company's)
      expect(await rows('SELECT id FROM enterprises WHERE id = ?', [company.id])).toHaveLength(1);

      // the filing stays, readable to the hall's staff, without the person's name or phone
      const filing = await api.get(`/api/applications/${filingId}`, { token: staff.token });
      expect(filing.status).toBe(200);
      expect(filing.body).toMatchObject({ id: filingId, status: 'withdrawn', applicant: { name: null, phone: null } });
      expect(filing.body.materials[0].files).toHaveLength(1);
      expect((await api.get(`/api/staff/applications`, { token: staff.token })).body.map((a: { id: string }) => a.id)).toContain(filingId);

      closedAccount = { phone: c.phone, userId: c.user.id };
    });

    it('keeps the only admin of a company with other members, and counts pending off-hours requests', async () => {
      const c = await citizen('周一鸣');
      const first17 = `91410100MB${String((Date.now() + 7) % 1e7).padStart(7, '0')}`;
      const company = must(await api.post('/api/enterprises', { name: '清河管理员测试有限公司', creditCode: first17 + creditCodeCheckChar(first17), legalRepName: c.realName }, { token: c.token }), 201, 'enterprise');
      const colleague = uniquePhone();
      must(await api.post(`/api/enterprises/${company.id}/members`, { phone: colleague, role: 'handler' }, { token: c.token }), 201, 'member');
      must(await askOffhours(api, c.token, { serviceId: svc.id, hallId: staff.hallId }), 201, 'offhours');
      await closingRefused(c.token, { bookings: 0, applications: 0, offhours: 1, enterprises: 1 }, '1 家企业仅有您一位管理员');
      expect((await api.get('/api/me', { token: c.token })).status).toBe(200);
    });

    it('is not for staff accounts', async () => {
      expectErrorShape(await api.del('/api/me', { token: staff.token }), 403, 'FORBIDDEN');
      expect((await api.get('/api/me', { token: staff.token })).status).toBe(200);
    });
  });

  describe('the to-do summary', () => {
    it('shows the next booking, filings waiting for the applicant and unread messages; nothing for a new account', async () => {
      const empty = await signIn(api);
      expect((await api.get('/api/me/todo', { token: empty.accessToken })).body).toEqual({ nextBooking: null, filings: [], unreadMessages: 0 });
      expectErrorShape(await api.get('/api/me/todo'), 401, 'UNAUTHENTICATED');

      const c = await citizen('宋知秋');
      const later = must(await api.post('/api/bookings', { slotId: await slot(), serviceId: svc.id }, { token: c.token }), 201, 'booking');
      const toCorrect = await submitted(c.token);
      must(
        await api.post(
          `/api/staff/applications/${toCorrect}/prereview`,
          { decisions: [{ materialId: svc.form, ok: false, reason: '缺少签名' }, { materialId: svc.deed, ok: true, reason: null }] },
          { token: staff.token },
        ),
        200,
        'flag',
      );
      const owed = await submitted(c.token, { commit: true });
      must(await api.post(`/api/staff/applications/${owed}/prereview`, { decisions: [{ materialId: svc.form, ok: true, reason: null }, { materialId: svc.deed, ok: true, reason: null }] }, { token: staff.token }), 200, 'pass');
      must(await api.post(`/api/staff/applications/${owed}/accept`, undefined, { token: staff.token }), 200, 'accept');
      const quiet = await submitted(c.token); // waits for the centre, not for the applicant

      const todo = (await api.get('/api/me/todo', { token: c.token })).body;
      expect(todo.nextBooking).toEqual({ id: later.id, serviceName: '注销测试许可事项', hallName: expect.any(String), start: later.slot.start, end: later.slot.end });
      expect(todo.nextBooking.hallName.length).toBeGreaterThan(0);
      const byId = new Map((todo.filings as Array<{ id: string; action: string }>).map((f) => [f.id, f.action]));
      expect(byId.get(toCorrect)).toBe('correction');
      expect(byId.get(owed)).toBe('materials_owed');
      expect(byId.has(quiet)).toBe(false);
      const unread = (await api.get('/api/messages/unread-count', { token: c.token })).body.count;
      expect(unread).toBeGreaterThan(0);
      expect(todo.unreadMessages).toBe(unread);

      // a cancelled booking is no longer on the card
      must(await api.post(`/api/bookings/${later.id}/cancel`, undefined, { token: c.token }), 200, 'cancel');
      expect((await api.get('/api/me/todo', { token: c.token })).body.nextBooking).toBeNull();
    });
  });

  describe('halls on the map', () => {
    it('carries coordinates on GET /halls, in the guide and on a booking', async () => {
      const halls = (await api.get('/api/halls')).body as Array<{ id: string; latitude: number | null; longitude: number | null }>;
      expect(halls.length).toBeGreaterThanOrEqual(3);
      for (const h of halls) {
        expect(typeof h.latitude).toBe('number');
        expect(typeof h.longitude).toBe('number');
        expect(h.latitude!).toBeGreaterThan(18);
        expect(h.longitude!).toBeGreaterThan(73);
      }
      const guide = (await api.get(`/api/services/${svc.id}`)).body;
      const hall = halls.find((h) => h.id === staff.hallId)!;
      expect(guide.halls[0]).toMatchObject({ id: staff.hallId, latitude: hall.latitude, longitude: hall.longitude });

      const c = await citizen('秦岭');
      const b = must(await api.post('/api/bookings', { slotId: await slot(), serviceId: svc.id }, { token: c.token }), 201, 'booking');
      const view = (await api.get(`/api/bookings/${b.id}`, { token: c.token })).body;
      expect(view.hall).toEqual({ id: staff.hallId, name: expect.any(String), address: view.hallAddress, latitude: hall.latitude, longitude: hall.longitude });
    });

    it('the seed places halls of an older database that have none, and leaves coordinates an admin set', async () => {
      const before = (await api.get('/api/halls')).body as Array<{ id: string; latitude: number; longitude: number }>;
      const [cityHall, countyHall] = before;
      await rows('UPDATE halls SET latitude = NULL, longitude = NULL');
      const edited = must(
        await api.put(`/api/admin/halls/${countyHall.id}`, { ...(await hallBody(countyHall.id)), latitude: 35.1, longitude: 113.5 }, { token: admin }),
        200,
        'edit hall',
      );
      expect(edited).toMatchObject({ latitude: 35.1, longitude: 113.5 });
      expect(((await api.get('/api/halls')).body as Array<{ id: string; latitude: number | null }>).find((h) => h.id === cityHall.id)!.latitude).toBeNull();

      await f.t.app.get(SeedService).seedDemo();
      const after = (await api.get('/api/halls')).body as Array<{ id: string; latitude: number; longitude: number }>;
      expect(after.find((h) => h.id === cityHall.id)).toMatchObject({ latitude: cityHall.latitude, longitude: cityHall.longitude });
      expect(after.find((h) => h.id === countyHall.id)).toMatchObject({ latitude: 35.1, longitude: 113.5 });
    });
  });

  // last, so that the phone's one-code-a-minute SMS limit has mostly run out meanwhile
  describe('after 注销', () => {
    it('the same phone signs up again as a new, empty account', async () => {
      expect(closedAccount).not.toBeNull();
      const { phone, userId } = closedAccount!;
      let sent = await api.post('/api/auth/sms/send', { phone });
      if (sent.status === 429) {
        await new Promise((r) => setTimeout(r, (Number(sent.headers.get('retry-after')) + 1) * 1000));
        sent = await api.post('/api/auth/sms/send', { phone });
      }
      expect(sent.status).toBe(204);
      const login = await api.post('/api/auth/sms/login', { phone, code: '123456' });
      expect(login.status).toBe(200);
      const token = login.body.accessToken as string;
      expect(login.body.user.id).not.toBe(userId);
      expect(login.body.user).toMatchObject({ phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`, verified: false, realName: null, consentVersion: null, enterprises: [] });
      expect((await api.get('/api/bookings', { token })).body).toEqual([]);
      expect((await api.get('/api/applications', { token })).body).toEqual([]);
      expect((await api.get('/api/messages', { token })).body).toEqual([]);
      expect((await api.get('/api/me/todo', { token })).body).toEqual({ nextBooking: null, filings: [], unreadMessages: 0 });
    }, 120_000);
  });

  async function hallBody(id: string) {
    const h = ((await api.get('/api/halls')).body as Array<Record<string, unknown>>).find((x) => x.id === id)!;
    return { name: h.name, address: h.address, phone: h.phone, hours: h.hours, level: h.level };
  }
});
