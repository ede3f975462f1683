import { DataSource } from 'typeorm';
import { expectErrorShape, signIn, staffSignIn, uniquePhone } from './helpers/http';
import { adminToken, askOffhours, createSlot, serviceAtHall, Session, staffToken, TEST_REAL_NAME, validCreditCode, verifiedCitizen, verifiedCompany } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

/**
 * Companies people can trust (API.md, Enterprises and delegation; Staff): a company is verified at
 * once only for its legal representative; anyone else's waits for window staff and cannot act.
 */
describe('company verification', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z', world: false }); // Monday 08:00
  const api = f.api;
  let hallId: string;
  let staff: string;
  let service: { id: string };

  beforeAll(async () => {
    const s = await staffToken(api);
    hallId = s.hallId;
    staff = s.token;
    service = await serviceAtHall(api, hallId, '食品经营许可');
  });

  const asCompany = (id: string) => ({ type: 'enterprise', id });
  const slot = async (start: string) =>
    (await createSlot(api, await adminToken(api), { hallId, serviceId: service.id, start, capacity: 10 })).id;
  /** The three doors that take onBehalfOf: a booking, an off-hours request (Saturday), a filing. */
  const doors = async (token: string, companyId: string, day: string) => [
    await api.post('/api/bookings', { slotId: await slot(`${day}T01:00:00.000Z`), serviceId: service.id, onBehalfOf: asCompany(companyId) }, { token }),
    await askOffhours(api, token, { serviceId: service.id, hallId, onBehalfOf: asCompany(companyId) }),
    await api.post('/api/applications', { serviceId: service.id, hallId, onBehalfOf: asCompany(companyId) }, { token }),
  ];
  const register = (token: string, creditCode: string, legalRepName: string, name = '清河青山食品有限公司') =>
    api.post('/api/enterprises', { name, creditCode, legalRepName }, { token });
  const messages = async (token: string) => (await api.get('/api/messages', { token })).body as Array<{ type: string; title: string; body: string }>;
  const verify = (id: string, body: unknown, token = staff) => api.post(`/api/staff/enterprises/${id}/verify`, body, { token });

  it('is verified at once when the creator is its legal representative (names compared without spaces or dot variants)', async () => {
    const rep = (await verifiedCitizen(api, uniquePhone(), '艾力·买买提')) as Session;
    const code = validCreditCode();
    const created = await register(rep.token, code, ' 艾力 • 买买提 ');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), creditCode: code, role: 'admin', status: 'verified' });
    expect((await api.get('/api/me', { token: rep.token })).body.enterprises).toEqual([{ id: created.body.id, name: '清河青山食品有限公司', role: 'admin', status: 'verified' }]);
    for (const r of await doors(rep.token, created.body.id, '2026-12-08')) expect(r.status).toBe(201);
  });

  it("anyone else's company waits for the hall: every door refuses it, for every member, while its lists stay readable", async () => {
    const owner = (await verifiedCitizen(api)) as Session;
    const handlerPhone = uniquePhone();
    const created = await register(owner.token, validCreditCode(), '张大山');
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('pending');
    const id = created.body.id as string;
    expect((await api.post(`/api/enterprises/${id}/members`, { phone: handlerPhone, role: 'handler' }, { token: owner.token })).status).toBe(201);
    const handler = (await verifiedCitizen(api, handlerPhone)) as Session;

    for (const who of [owner, handler]) {
      for (const r of await doors(who.token, id, '2026-12-09')) {
        expectErrorShape(r, 403, 'FORBIDDEN');
        expect(r.body.details.reason).toBe('enterprise_pending');
        expect(r.body.message).toContain('待大厅核验');
      }
    }
    // nor can it give an authorisation in its name
    const auth = await api.post(
      '/api/authorizations',
      { principal: asCompany(id), agentPhone: uniquePhone(), serviceIds: null, validFrom: '2026-12-07', validTo: '2026-12-31' },
      { token: owner.token },
    );
    expectErrorShape(auth, 403, 'FORBIDDEN');
    expect(auth.body.details.reason).toBe('enterprise_pending');

    // what it has stays readable to its members
    expect((await api.get(`/api/enterprises/${id}`, { token: handler.token })).body).toMatchObject({ id, status: 'pending', legalRepName: '张大山' });
    expect((await api.get('/api/enterprises', { token: owner.token })).body).toEqual([expect.objectContaining({ id, status: 'pending' })]);
    for (const p of [`/api/bookings?enterpriseId=${id}`, `/api/applications?enterpriseId=${id}`]) {
      const l = await api.get(p, { token: owner.token });
      expect({ p, status: l.status, body: l.body }).toEqual({ p, status: 200, body: [] });
    }
  });

  it('window staff find it in the queue and verify it: audited, the creator told, and the company acts', async () => {
    const owner = (await verifiedCitizen(api)) as Session;
    const code = validCreditCode();
    const id = (await register(owner.token, code, '李青山', '清河绿野农业有限公司')).body.id as string;

    const queue = await api.get('/api/staff/enterprises?status=pending', { token: staff });
    expect(queue.status).toBe(200);
    const row = (queue.body as Array<{ id: string }>).find((e) => e.id === id);
    expect(row).toMatchObject({
      name: '清河绿野农业有限公司',
      creditCode: code,
      legalRepName: '李青山',
      status: 'pending',
      creator: { userId: owner.user.id, name: '测**户', phone: `${owner.phone.slice(0, 3)}****${owner.phone.slice(-4)}` },
      rivalClaims: 0,
    });
    expect(queue.text).not.toContain(owner.phone);
    // the pending queue is the default
    expect((await api.get('/api/staff/enterprises', { token: staff })).body.map((e: { id: string }) => e.id)).toContain(id);

    const done = await verify(id, { approve: true, note: '已核对营业执照原件和法定代表人授权书' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id, status: 'verified', reviewNote: '已核对营业执照原件和法定代表人授权书' });
    expectErrorShape(await verify(id, { approve: false, note: '再次核验' }), 409, 'INVALID_STATE');
    expect((await api.get('/api/staff/enterprises?status=pending', { token: staff })).body.map((e: { id: string }) => e.id)).not.toContain(id);
    expect((await api.get('/api/staff/enterprises?status=verified', { token: staff })).body.map((e: { id: string }) => e.id)).toContain(id);

    const staffId = (await api.get('/api/me', { token: staff })).body.id;
    const audit = await f.t.app.get(DataSource).query('SELECT actor_id, action, reason FROM audit_logs WHERE object_id = ? ORDER BY action', [id]);
    expect(audit).toEqual([
      { actor_id: owner.user.id, action: 'enterprise.create', reason: null },
      { actor_id: staffId, action: 'enterprise.verify', reason: '已核对营业执照原件和法定代表人授权书' },
    ]);
    expect(await messages(owner.token)).toContainEqual(expect.objectContaining({ type: 'enterprise_verified', title: '企业已通过核验', body: expect.stringContaining('清河绿野农业有限公司') }));

    for (const r of await doors(owner.token, id, '2026-12-10')) expect(r.status).toBe(201);
    expect((await api.get(`/api/enterprises/${id}`, { token: owner.token })).body.status).toBe('verified');
    expect((await api.get(`/api/applications?enterpriseId=${id}`, { token: owner.token })).body).toHaveLength(1);
  });

  it('a rejection needs a reason, which the creator reads; the company still cannot act, and the creator may register again', async () => {
    const owner = (await verifiedCitizen(api)) as Session;
    const code = validCreditCode();
    const id = (await register(owner.token, code, '赵小河')).body.id as string;
    for (const body of [{ approve: false }, { approve: false, note: ' ' }]) {
      const r = await verify(id, body);
      expectErrorShape(r, 400, 'VALIDATION_FAILED');
      expect(r.body.details.fields[0].field).toBe('note');
    }
    const rejected = await verify(id, { approve: false, note: '营业执照上的法定代表人与登记不符' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewNote: '营业执照上的法定代表人与登记不符' });
    const [booking] = await doors(owner.token, id, '2026-12-11');
    expectErrorShape(booking, 403, 'FORBIDDEN');
    expect(booking.body.details.reason).toBe('enterprise_rejected');
    expect(await messages(owner.token)).toContainEqual(expect.objectContaining({ type: 'enterprise_rejected', body: expect.stringContaining('营业执照上的法定代表人与登记不符') }));
    expect((await api.get(`/api/enterprises/${id}`, { token: owner.token })).body).toMatchObject({ status: 'rejected', reviewNote: '营业执照上的法定代表人与登记不符' });
    // a rejected claim holds nothing
    expect((await register(owner.token, code, '赵小河')).body.status).toBe('pending');
  });

  it('only window staff review companies', async () => {
    const owner = (await verifiedCitizen(api)) as Session;
    const id = (await register(owner.token, validCreditCode(), '钱多多')).body.id as string;
    for (const token of [owner.token, (await signIn(api)).accessToken]) {
      expectErrorShape(await api.get('/api/staff/enterprises?status=pending', { token }), 403, 'FORBIDDEN');
      expectErrorShape(await verify(id, { approve: true }, token), 403, 'FORBIDDEN');
    }
    // a staff account bound to no hall is not window staff
    const admin = await adminToken(api);
    expect((await api.post('/api/admin/staff', { username: 'backoffice01', password: 'Back2026office', name: '后台人员', hallId }, { token: admin })).status).toBe(201);
    await f.t.app.get(DataSource).query('UPDATE users SET hall_id = NULL WHERE username = ?', ['backoffice01']);
    const backOffice = (await staffSignIn(api, 'backoffice01', 'Back2026office')).accessToken;
    expectErrorShape(await api.get('/api/staff/enterprises', { token: backOffice }), 403, 'FORBIDDEN');
    expectErrorShape(await verify(id, { approve: true }, backOffice), 403, 'FORBIDDEN');
    expect((await api.get(`/api/enterprises/${id}`, { token: owner.token })).body.status).toBe('pending');

    expectErrorShape(await verify('00000000-0000-0000-0000-000000000000', { approve: true }), 404, 'NOT_FOUND');
    expectErrorShape(await verify(id, { approve: 'yes' }), 400, 'VALIDATION_FAILED');
    // admins may review too
    expect((await verify(id, { approve: true }, admin)).body.status).toBe('verified');
  });

  it('one verified company per credit code: pending claims never lock out the real company', async () => {
    const code = validCreditCode();
    const first = (await verifiedCitizen(api)) as Session;
    const second = (await verifiedCitizen(api)) as Session;
    const a = await register(first.token, code, '王小明');
    expect(a.body.status).toBe('pending');
    expectErrorShape(await register(first.token, code, '王小明'), 409, 'CONFLICT');
    // someone else may claim it too; staff see the rival claims side by side
    const b = await register(second.token, code, '王小明');
    expect(b.body.status).toBe('pending');
    const queue = (await api.get('/api/staff/enterprises', { token: staff })).body as Array<{ id: string; rivalClaims: number }>;
    expect(queue.filter((e) => [a.body.id, b.body.id].includes(e.id)).map((e) => e.rivalClaims)).toEqual([1, 1]);

    // the legal representative registers: verified at once, the other claims rejected and their creators told
    const rep = (await verifiedCitizen(api, uniquePhone(), '王小明')) as Session;
    const real = await register(rep.token, code, '王小明');
    expect(real.body.status).toBe('verified');
    for (const [who, claim] of [
      [first, a],
      [second, b],
    ] as const) {
      expect((await api.get(`/api/enterprises/${claim.body.id}`, { token: who.token })).body.status).toBe('rejected');
      expect((await messages(who.token)).map((m) => m.type)).toContain('enterprise_rejected');
    }
    expectErrorShape(await verify(a.body.id, { approve: true }), 409, 'INVALID_STATE');
    expectErrorShape(await register(second.token, code, '王小明'), 409, 'CONFLICT');
    expect((await verifiedCompany(api, rep.token, '另一家公司', '王小明')).status).toBe('verified');

    // staff verifying one of two claims rejects the other
    const code2 = validCreditCode();
    const c = await register(first.token, code2, '孙大圣');
    const d = await register(second.token, code2, '孙大圣');
    expect((await verify(c.body.id, { approve: true, note: '已核对' })).body.status).toBe('verified');
    expect((await api.get(`/api/enterprises/${d.body.id}`, { token: second.token })).body.status).toBe('rejected');
    expectErrorShape(await register(rep.token, code2, TEST_REAL_NAME), 409, 'CONFLICT');
  });
});
