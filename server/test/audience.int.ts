import { expectErrorShape, uniquePhone } from './helpers/http';
import { acceptedAuthorization, adminToken, companyOf, createService, createSlot, Session, setClock, staffToken, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

/**
 * Who a service is for, on every door (DESIGN.md: a service's 服务对象; API.md 409 AUDIENCE_MISMATCH):
 * a person-only service (户口迁移) is not for a company, a company-only service is not for a person.
 */
describe('audience on every door', () => {
  const f = useTestApp({ world: false });
  const api = f.api;
  let admin: string;
  let staff: { token: string; hallId: string };
  let personOnly: Awaited<ReturnType<typeof createService>>;
  let companyOnly: Awaited<ReturnType<typeof createService>>;
  let owner: Session;
  let company: { id: string; name: string };
  let person: Session;
  const NOW = '2026-12-07T00:00:00.000Z'; // Monday 08:00 in Shanghai
  const TUE_9 = '2026-12-08T01:00:00.000Z';
  const SAT_10 = '2026-12-12T02:00:00.000Z';
  const SAT_11 = '2026-12-12T03:00:00.000Z';

  beforeAll(async () => {
    await setClock(api, NOW);
    [admin, staff] = await Promise.all([adminToken(api), staffToken(api)]);
    personOnly = await createService(api, admin, { hallIds: [staff.hallId], audience: 'person', name: '户口迁移（测试）' });
    companyOnly = await createService(api, admin, { hallIds: [staff.hallId], audience: 'enterprise', name: '食品经营许可（测试）' });
    owner = (await verifiedCitizen(api)) as Session;
    company = await companyOf(api, owner, '清河市好运来餐饮有限公司');
    person = (await verifiedCitizen(api)) as Session;
  });

  const forCompany = () => ({ type: 'enterprise', id: company.id });
  const slot = async (serviceId: string, start = TUE_9, capacity = 5): Promise<string> => (await createSlot(api, admin, { hallId: staff.hallId, serviceId, start, capacity })).id;
  const book = (token: string, serviceId: string, slotId: string, onBehalfOf?: unknown) =>
    api.post('/api/bookings', { slotId, serviceId, ...(onBehalfOf ? { onBehalfOf } : {}) }, { token });
  const askOffhours = (token: string, serviceId: string, onBehalfOf?: unknown) =>
    api.post('/api/offhours-requests', { serviceId, hallId: staff.hallId, preferredStart: SAT_10, preferredEnd: SAT_11, note: '白天上班', ...(onBehalfOf ? { onBehalfOf } : {}) }, { token });
  const file = (token: string, serviceId: string, onBehalfOf?: unknown) => api.post('/api/applications', { serviceId, ...(onBehalfOf ? { onBehalfOf } : {}) }, { token });
  /** The admin changes only the service's audience. */
  const setAudience = async (svc: Awaited<ReturnType<typeof createService>>, audience: string) => {
    const r = await api.put(`/api/admin/services/${svc.id}`, { ...svc.body, audience }, { token: admin });
    expect(r.status).toBe(200);
  };
  /** A service for both (so the audience can change later), its one place at `start` booked by `holder`, and `waiting` on its waitlist. */
  const fullSlotWithWaiter = async (start: string) => {
    const svc = await createService(api, admin, { hallIds: [staff.hallId], audience: 'both' });
    const s = await slot(svc.id, start, 1);
    const holder = (await verifiedCitizen(api)) as Session;
    const waiting = (await verifiedCitizen(api)) as Session;
    const held = await book(holder.token, svc.id, s);
    expect(held.status).toBe(201);
    const joined = await api.post(`/api/slots/${s}/waitlist`, {}, { token: waiting.token });
    expect(joined.status).toBe(201);
    return { svc, s, holder, waiting, held, joined };
  };
  const expectMismatch = (a: Awaited<ReturnType<typeof book>>, says: string) => {
    expectErrorShape(a, 409, 'AUDIENCE_MISMATCH');
    expect(a.body.message).toContain(says);
  };

  it('a company is refused a person-only service when booking, asking for off-hours service and filing', async () => {
    const s = await slot(personOnly.id);
    const booking = await book(owner.token, personOnly.id, s, forCompany());
    expectMismatch(booking, '仅面向个人办理，不能以企业名义申请');
    expect(booking.body.message).toContain('户口迁移（测试）');
    expect(booking.body.details).toMatchObject({ audience: 'person', principal: 'enterprise' });
    expectMismatch(await askOffhours(owner.token, personOnly.id, forCompany()), '仅面向个人办理');
    expectMismatch(await file(owner.token, personOnly.id, forCompany()), '仅面向个人办理');
    // nothing was kept for the company
    expect((await api.get(`/api/bookings?enterpriseId=${company.id}`, { token: owner.token })).body).toEqual([]);
    expect((await api.get('/api/offhours-requests', { token: owner.token })).body).toEqual([]);
    expect((await api.get(`/api/applications?enterpriseId=${company.id}`, { token: owner.token })).body).toEqual([]);
    // the same member, for themself, is served
    expect((await book(owner.token, personOnly.id, s)).status).toBe(201);
    expect((await askOffhours(owner.token, personOnly.id)).status).toBe(201);
    expect((await file(owner.token, personOnly.id)).status).toBe(201);
  });

  it('a person is refused a company-only service on the same doors; the company is served', async () => {
    const s = await slot(companyOnly.id);
    expectMismatch(await book(person.token, companyOnly.id, s), '仅面向企业（法人）办理');
    expectMismatch(await askOffhours(person.token, companyOnly.id), '仅面向企业');
    expectMismatch(await file(person.token, companyOnly.id), '仅面向企业');
    // saying "for myself" out loud changes nothing
    expectMismatch(await book(person.token, companyOnly.id, s, { type: 'person', id: person.user.id }), '仅面向企业');
    expect((await book(owner.token, companyOnly.id, s, forCompany())).status).toBe(201);
    expect((await askOffhours(owner.token, companyOnly.id, forCompany())).status).toBe(201);
    expect((await file(owner.token, companyOnly.id, forCompany())).status).toBe(201);
    expect((await api.get(`/api/bookings?enterpriseId=${company.id}`, { token: owner.token })).body).toHaveLength(1);
    expect((await api.get(`/api/applications?enterpriseId=${company.id}`, { token: owner.token })).body).toHaveLength(1);
  });

  it('an agent acting for a person is refused a company-only service (the principal is a person)', async () => {
    const agentPhone = uniquePhone();
    const agent = (await verifiedCitizen(api, agentPhone)) as Session;
    const given = await acceptedAuthorization(api, person.token, agent.token, {
      principal: { type: 'person', id: person.user.id },
      agentPhone,
      serviceIds: null,
      validFrom: '2026-12-07',
      validTo: '2026-12-31',
    });
    expect(given.status).toBe('active');
    const s = await slot(companyOnly.id, '2026-12-09T01:00:00.000Z');
    expectMismatch(await book(agent.token, companyOnly.id, s, { type: 'person', id: person.user.id }), '仅面向企业');
    expectMismatch(await file(agent.token, companyOnly.id, { type: 'person', id: person.user.id }), '仅面向企业');
  });

  it('a person cannot queue for a full slot of a company-only service', async () => {
    const full = await slot(companyOnly.id, '2026-12-10T01:00:00.000Z', 1);
    expect((await book(owner.token, companyOnly.id, full, forCompany())).status).toBe(201);
    expectMismatch(await api.post(`/api/slots/${full}/waitlist`, {}, { token: person.token }), '仅面向企业');
    expect((await api.get('/api/me/waitlist', { token: person.token })).body).toEqual([]);
  });

  it('accepting a waitlist offer checks the audience again, like a direct booking', async () => {
    const { svc, s, holder, waiting, held, joined } = await fullSlotWithWaiter('2026-12-11T01:00:00.000Z');
    expect((await api.post(`/api/bookings/${held.body.id}/cancel`, undefined, { token: holder.token })).status).toBe(200);
    expect((await api.get('/api/me/waitlist', { token: waiting.token })).body[0]).toMatchObject({ slotId: s, status: 'offered' });
    await setAudience(svc, 'enterprise'); // the catalogue changes while the offer holds
    expectMismatch(await api.post(`/api/waitlist/${joined.body.id}/accept`, undefined, { token: waiting.token }), '仅面向企业');
    expect((await api.get('/api/bookings', { token: waiting.token })).body).toEqual([]);
  });

  it('a freed place is not offered to a person the service is no longer for: they stay in line', async () => {
    const { svc, s, holder, waiting, held } = await fullSlotWithWaiter('2026-12-11T02:00:00.000Z');
    await setAudience(svc, 'enterprise'); // the catalogue changes while they wait
    expect((await api.post(`/api/bookings/${held.body.id}/cancel`, undefined, { token: holder.token })).status).toBe(200);
    expect((await api.get('/api/me/waitlist', { token: waiting.token })).body[0]).toMatchObject({ slotId: s, status: 'waiting', offer: null });
    expect((await api.get('/api/messages', { token: waiting.token })).body.map((m: { type: string }) => m.type)).not.toContain('waitlist_offer');
  });

  it('staff confirming an off-hours request check the audience again; nothing is booked when it no longer fits', async () => {
    const svc = await createService(api, admin, { hallIds: [staff.hallId], audience: 'both' });
    const asked = await askOffhours(owner.token, svc.id, forCompany());
    expect(asked.status).toBe(201);
    await setAudience(svc, 'person');
    const confirm = await api.post(`/api/staff/offhours-requests/${asked.body.id}/confirm`, { start: SAT_10, end: SAT_11, staffName: '王窗口' }, { token: staff.token });
    expectMismatch(confirm, '仅面向个人办理');
    const after = await api.get(`/api/offhours-requests/${asked.body.id}`, { token: owner.token });
    expect(after.body).toMatchObject({ status: 'pending', bookingId: null });
  });
});
