import { expectErrorShape, signIn, uniquePhone } from './helpers/http';
import { acceptedAuthorization, adminToken, countNoShowsWithoutCall, createSlot, refreshed, serviceAtHall, Session, setClock, staffToken, TEST_REAL_NAME, validCreditCode as creditCode, verifiedCitizen, verifiedCompany } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

/** Companies, their members, written authorisations and acting on behalf (DESIGN.md, Delegation and enterprises). */
describe('enterprises and delegation', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z', world: false });
  const api = f.api;
  let hallId: string;
  let s1: { id: string };
  let s2: { id: string };

  beforeAll(async () => {
    hallId = (await staffToken(api)).hallId;
    // two services a person may ask an agent to book (audience person or both)
    s1 = await serviceAtHall(api, hallId, '个体工商户设立登记');
    s2 = await serviceAtHall(api, hallId, '不动产转移登记（住宅）');
  });

  const slotFor = async (serviceId: string, start = '2026-12-08T01:00:00.000Z') =>
    (await createSlot(api, await adminToken(api), { hallId, serviceId, start, capacity: 10 })).id;
  const bookFor = (token: string, serviceId: string, slotId: string, onBehalfOf?: { type: string; id: string }) =>
    api.post('/api/bookings', { slotId, serviceId, ...(onBehalfOf ? { onBehalfOf } : {}) }, { token });
  /** Moving the booking to `toSlotId` and cancelling it, as `token`: each refused 403 AUTHORIZATION_INVALID for `reason`, nothing changed. */
  const expectMayNotAct = async (bookingId: string, toSlotId: string, token: string, reason: string) => {
    for (const attempt of [
      () => api.post(`/api/bookings/${bookingId}/reschedule`, { slotId: toSlotId }, { token }),
      () => api.post(`/api/bookings/${bookingId}/cancel`, undefined, { token }),
    ]) {
      const r = await attempt();
      expectErrorShape(r, 403, 'AUTHORIZATION_INVALID');
      expect(r.body.details.reason).toBe(reason);
    }
  };
  /** Two verified citizens: a principal and the agent they may authorize (by the agent's phone), and `onBehalf` naming the principal. */
  const principalAndAgent = async () => {
    const principal = (await verifiedCitizen(api)) as Session;
    const agentPhone = uniquePhone();
    const agent = (await verifiedCitizen(api, agentPhone)) as Session;
    return { principal, agent, agentPhone, onBehalf: { type: 'person', id: principal.user.id } };
  };

  describe('enterprises', () => {
    it('validates the credit code check character, and registers a company once', async () => {
      const boss = (await verifiedCitizen(api)) as Session;
      const code = creditCode();
      const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
      expectErrorShape(await api.post('/api/enterprises', { name: '清河星火科技有限公司', creditCode: wrong, legalRepName: '张三' }, { token: boss.token }), 400, 'INVALID_CREDIT_CODE');
      const ok = await api.post('/api/enterprises', { name: '清河星火科技有限公司', creditCode: code, legalRepName: TEST_REAL_NAME }, { token: boss.token });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ name: '清河星火科技有限公司', creditCode: code, role: 'admin', status: 'verified' });
      const other = (await verifiedCitizen(api)) as Session;
      expectErrorShape(await api.post('/api/enterprises', { name: '另一家', creditCode: code, legalRepName: '李四' }, { token: other.token }), 409, 'CONFLICT');
      const unverified = await signIn(api);
      expectErrorShape(await api.post('/api/enterprises', { name: '某公司', creditCode: creditCode(), legalRepName: '王五' }, { token: unverified.accessToken }), 403, 'REAL_NAME_REQUIRED');
    });

    it('members act for the company; removal takes effect at once; only admins manage members', async () => {
      const boss = (await verifiedCitizen(api)) as Session;
      const e = await verifiedCompany(api, boss.token, '清河云帆商贸有限公司');
      const handlerPhone = uniquePhone();
      const added = await api.post(`/api/enterprises/${e.id}/members`, { phone: handlerPhone, role: 'handler' }, { token: boss.token });
      expect(added.status).toBe(201);
      expect(added.body.members.map((m: { role: string }) => m.role).sort()).toEqual(['admin', 'handler']);
      expect(added.text).not.toContain(handlerPhone);

      const handler = (await verifiedCitizen(api, handlerPhone)) as Session;
      expect((await api.get('/api/me', { token: handler.token })).body.enterprises).toEqual([{ id: e.id, name: '清河云帆商贸有限公司', role: 'handler', status: 'verified' }]);
      expectErrorShape(await api.post(`/api/enterprises/${e.id}/members`, { phone: uniquePhone(), role: 'admin' }, { token: handler.token }), 403, 'FORBIDDEN');

      const slotId = await slotFor(s1.id);
      const booked = await bookFor(handler.token, s1.id, slotId, { type: 'enterprise', id: e.id });
      expect(booked.status).toBe(201);
      // the company's other members see it; a stranger does not
      expect((await api.get(`/api/bookings/${booked.body.id}`, { token: boss.token })).status).toBe(200);
      const stranger = await signIn(api);
      expectErrorShape(await api.get(`/api/bookings/${booked.body.id}`, { token: stranger.accessToken }), 404, 'NOT_FOUND');
      expectErrorShape(await api.get(`/api/enterprises/${e.id}`, { token: stranger.accessToken }), 404, 'NOT_FOUND');
      const companyList = await api.get(`/api/bookings?enterpriseId=${e.id}`, { token: boss.token });
      expect(companyList.body.map((x: { id: string }) => x.id)).toEqual([booked.body.id]);
      expect((await api.get(`/api/bookings?enterpriseId=${e.id}`, { token: stranger.accessToken })).body).toEqual([]);
      // one active booking per company, service and day: the refusal says it is the company's
      const twice = await bookFor(boss.token, s1.id, slotId, { type: 'enterprise', id: e.id });
      expectErrorShape(twice, 409, 'DUPLICATE_BOOKING');
      expect(twice.body.message).toBe('该企业当天已预约过该事项，如需改约请先取消原预约');

      const removed = await api.del(`/api/enterprises/${e.id}/members/${handler.user.id}`, { token: boss.token });
      expect(removed.status).toBe(204);
      const afterRemoval = await bookFor(handler.token, s2.id, await slotFor(s2.id), { type: 'enterprise', id: e.id });
      expectErrorShape(afterRemoval, 403, 'AUTHORIZATION_INVALID');
      expect(afterRemoval.body.message).toContain('您不是该企业的成员');
      // the booking they made is still theirs to see, but no longer theirs to move or cancel
      expect((await api.get(`/api/bookings/${booked.body.id}`, { token: handler.token })).status).toBe(200);
      await expectMayNotAct(booked.body.id, await slotFor(s1.id, '2026-12-09T01:00:00.000Z'), handler.token, 'none');
      expect((await api.get(`/api/bookings/${booked.body.id}`, { token: boss.token })).body.status).toBe('booked');
      // the company's remaining member still may
      const cancelled = await api.post(`/api/bookings/${booked.body.id}/cancel`, undefined, { token: boss.token });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
    });

    it('keeps at least one admin', async () => {
      const boss = (await verifiedCitizen(api)) as Session;
      const e = (await api.post('/api/enterprises', { name: '清河独资工作室', creditCode: creditCode(), legalRepName: '钱老板' }, { token: boss.token })).body;
      expectErrorShape(await api.del(`/api/enterprises/${e.id}/members/${boss.user.id}`, { token: boss.token }), 409, 'INVALID_STATE');
    });
  });

  describe('authorisations', () => {
    it('an agent acts within scope and validity; every other case is AUTHORIZATION_INVALID; the principal sees what was done', async () => {
      await setClock(api, '2026-12-07T00:00:00.000Z');
      const { principal, agent, agentPhone, onBehalf } = await principalAndAgent();

      // no authorisation at all
      const none = await bookFor(agent.token, s1.id, await slotFor(s1.id), onBehalf);
      expectErrorShape(none, 403, 'AUTHORIZATION_INVALID');
      expect(none.body.details.reason).toBe('none');

      const given = await acceptedAuthorization(api, principal.token, agent.token, { principal: onBehalf, agentPhone, serviceIds: [s1.id], validFrom: '2026-12-07', validTo: '2026-12-20' });
      expect(given.status).toBe('active');

      const ok = await bookFor(agent.token, s1.id, await slotFor(s1.id, '2026-12-09T01:00:00.000Z'), onBehalf);
      expect(ok.status).toBe(201);
      expect(ok.body.onBehalf).toBe(true);
      // the principal sees the booking made for them
      const theirs = await api.get('/api/bookings', { token: principal.token });
      expect(theirs.body.map((b: { id: string }) => b.id)).toContain(ok.body.id);

      const scope = await bookFor(agent.token, s2.id, await slotFor(s2.id), onBehalf);
      expectErrorShape(scope, 403, 'AUTHORIZATION_INVALID');
      expect(scope.body.details.reason).toBe('out_of_scope');

      const listAgent = await api.get('/api/authorizations?role=agent', { token: agent.token });
      expect(listAgent.body.map((a: { id: string }) => a.id)).toEqual([given.id]);
      const listPrincipal = await api.get('/api/authorizations?role=principal', { token: principal.token });
      expect(listPrincipal.body[0]).toMatchObject({ id: given.id, status: 'active', agent: { phone: `${agentPhone.slice(0, 3)}****${agentPhone.slice(-4)}` } });

      // after the validity period
      await setClock(api, '2026-12-21T00:00:00.000Z');
      const late = await bookFor((await refreshed(api, agent)).token, s1.id, await slotFor(s1.id, '2026-12-22T01:00:00.000Z'), onBehalf);
      expect(late.body.details.reason).toBe('expired');
      expect((await api.get('/api/authorizations?role=principal', { token: (await refreshed(api, principal)).token })).body[0].status).toBe('expired');

      // before the validity period
      const future = await acceptedAuthorization(api, principal.token, agent.token, { principal: onBehalf, agentPhone, serviceIds: null, validFrom: '2026-12-28', validTo: '2027-01-31' });
      const early = await bookFor(agent.token, s1.id, await slotFor(s1.id, '2026-12-23T01:00:00.000Z'), onBehalf);
      expect(early.body.details.reason).toBe('not_yet_valid');

      // after revocation
      await setClock(api, '2026-12-28T00:00:00.000Z');
      const during = await bookFor((await refreshed(api, agent)).token, s2.id, await slotFor(s2.id, '2026-12-29T01:00:00.000Z'), onBehalf);
      expect(during.status).toBe(201);
      const revoked = await api.post(`/api/authorizations/${future.id}/revoke`, undefined, { token: (await refreshed(api, principal)).token });
      expect(revoked.body.status).toBe('revoked');
      const after = await bookFor(agent.token, s1.id, await slotFor(s1.id, '2026-12-30T01:00:00.000Z'), onBehalf);
      expectErrorShape(after, 403, 'AUTHORIZATION_INVALID');
      expect(after.body.details.reason).toBe('revoked');
      // nor may the agent move or cancel what they booked under it; the principal may
      await expectMayNotAct(during.body.id, await slotFor(s2.id, '2026-12-30T02:00:00.000Z'), agent.token, 'revoked');
      const principalNow = (await refreshed(api, principal)).token;
      expect((await api.get(`/api/bookings/${during.body.id}`, { token: principalNow })).body).toMatchObject({ status: 'booked', slot: { id: during.body.slot.id } });
      expect((await api.post(`/api/bookings/${during.body.id}/cancel`, undefined, { token: principalNow })).body.status).toBe('cancelled');
      // only the principal may revoke
      expectErrorShape(await api.post(`/api/authorizations/${given.id}/revoke`, undefined, { token: agent.token }), 404, 'NOT_FOUND');
    });

    it('is pending, and gives no rights, until the agent signed in with that phone accepts it; nobody else can answer it', async () => {
      await setClock(api, '2026-12-07T00:00:00.000Z');
      const principal = (await verifiedCitizen(api)) as Session;
      const stranger = (await verifiedCitizen(api)) as Session;
      const agentPhone = uniquePhone();
      const onBehalf = { type: 'person', id: principal.user.id };

      // given to a phone that has never signed in
      const older = await api.post('/api/authorizations', { principal: onBehalf, agentPhone, serviceIds: [s1.id], validFrom: '2026-12-07', validTo: '2026-12-31' }, { token: principal.token });
      expect(older.status).toBe(201);
      expect(older.body).toMatchObject({ id: expect.any(String), status: 'pending' });
      expect((await api.get('/api/authorizations?role=principal', { token: principal.token })).body[0]).toMatchObject({ id: older.body.id, status: 'pending' });

      // the agent signs in later: a message, and the invitation in their list with the principal's masked name
      const agent = (await verifiedCitizen(api, agentPhone)) as Session;
      const messages = (await api.get('/api/messages', { token: agent.token })).body as Array<{ type: string; title: string; body: string }>;
      expect(messages.find((m) => m.type === 'authorization_received')).toMatchObject({ title: expect.stringContaining('待您确认'), body: expect.stringContaining('测**户') });
      const newer = await acceptedAuthorization(api, principal.token, agent.token, { principal: onBehalf, agentPhone, serviceIds: [s2.id], validFrom: '2026-12-07', validTo: '2026-12-31' });
      const list = (await api.get('/api/authorizations?role=agent', { token: agent.token })).body as Array<{ id: string; status: string; principal: { name: string } }>;
      // waiting invitations first, though older
      expect(list.map((a) => [a.id, a.status])).toEqual([
        [older.body.id, 'pending'],
        [newer.id, 'active'],
      ]);
      expect(list[0].principal.name).toBe('测**户');

      // pending: no rights, and the agent is told they have not accepted
      const slotId = await slotFor(s1.id, '2026-12-10T01:00:00.000Z');
      const refused = await bookFor(agent.token, s1.id, slotId, onBehalf);
      expectErrorShape(refused, 403, 'AUTHORIZATION_INVALID');
      expect(refused.body.details.reason).toBe('none');
      expect(refused.body.message).toContain('尚未接受');

      // nobody but the agent may answer it, not even the principal
      for (const token of [principal.token, stranger.token]) {
        for (const action of ['accept', 'decline']) expectErrorShape(await api.post(`/api/authorizations/${older.body.id}/${action}`, undefined, { token }), 404, 'NOT_FOUND');
      }
      const accepted = await api.post(`/api/authorizations/${older.body.id}/accept`, undefined, { token: agent.token });
      expect(accepted.status).toBe(200);
      expect(accepted.body.status).toBe('active');
      // once only
      expectErrorShape(await api.post(`/api/authorizations/${older.body.id}/accept`, undefined, { token: agent.token }), 409, 'INVALID_STATE');
      expectErrorShape(await api.post(`/api/authorizations/${older.body.id}/decline`, undefined, { token: agent.token }), 409, 'INVALID_STATE');

      expect((await bookFor(agent.token, s1.id, slotId, onBehalf)).status).toBe(201);
      const told = (await api.get('/api/messages', { token: principal.token })).body as Array<{ type: string }>;
      expect(told.map((m) => m.type)).toContain('authorization_accepted');
    });

    it('the agent may decline: it never takes effect, the principal is told, and it cannot be accepted or revoked afterwards', async () => {
      await setClock(api, '2026-12-07T00:00:00.000Z');
      const { principal, agent, agentPhone, onBehalf } = await principalAndAgent();
      const given = await api.post('/api/authorizations', { principal: onBehalf, agentPhone, serviceIds: null, validFrom: '2026-12-07', validTo: '2026-12-31' }, { token: principal.token });
      const declined = await api.post(`/api/authorizations/${given.body.id}/decline`, undefined, { token: agent.token });
      expect(declined.status).toBe(200);
      expect(declined.body.status).toBe('declined');

      const refused = await bookFor(agent.token, s1.id, await slotFor(s1.id, '2026-12-10T01:00:00.000Z'), onBehalf);
      expectErrorShape(refused, 403, 'AUTHORIZATION_INVALID');
      expect(refused.body.details.reason).toBe('none');
      expectErrorShape(await api.post(`/api/authorizations/${given.body.id}/accept`, undefined, { token: agent.token }), 409, 'INVALID_STATE');
      expectErrorShape(await api.post(`/api/authorizations/${given.body.id}/revoke`, undefined, { token: principal.token }), 409, 'INVALID_STATE');
      expect((await api.get('/api/authorizations?role=principal', { token: principal.token })).body[0]).toMatchObject({ id: given.body.id, status: 'declined' });
      const told = (await api.get('/api/messages', { token: principal.token })).body as Array<{ type: string }>;
      expect(told.map((m) => m.type)).toContain('authorization_declined');

      // a pending invitation may be withdrawn; the agent can no longer accept it
      const again = await api.post('/api/authorizations', { principal: onBehalf, agentPhone, serviceIds: null, validFrom: '2026-12-07', validTo: '2026-12-31' }, { token: principal.token });
      expect((await api.post(`/api/authorizations/${again.body.id}/revoke`, undefined, { token: principal.token })).body.status).toBe('revoked');
      expectErrorShape(await api.post(`/api/authorizations/${again.body.id}/accept`, undefined, { token: agent.token }), 409, 'INVALID_STATE');
    });

    it('the scope is chosen explicitly: serviceIds missing or empty is refused naming it; null means every service', async () => {
      await setClock(api, '2026-12-07T00:00:00.000Z');
      const principal = (await verifiedCitizen(api)) as Session;
      const base = { principal: { type: 'person', id: principal.user.id }, agentPhone: uniquePhone(), validFrom: '2026-12-07', validTo: '2026-12-31' };
      for (const [body, said] of [
        [base, '请选择授权的事项，或明确选择全部事项'],
        [{ ...base, serviceIds: [] }, '请至少选择一个事项，或选择全部事项'],
      ] as const) {
        const r = await api.post('/api/authorizations', body, { token: principal.token });
        expectErrorShape(r, 400, 'VALIDATION_FAILED');
        // one message, the one that says what to do (not the items' "至少 1 个字")
        expect(r.body.details.fields.filter((f: { field: string }) => f.field === 'serviceIds')).toEqual([{ field: 'serviceIds', message: said }]);
      }
      const all = await api.post('/api/authorizations', { ...base, serviceIds: null }, { token: principal.token });
      expect(all.status).toBe(201);
      expect(all.body).toMatchObject({ status: 'pending', serviceIds: null });
    });

    it("an agent's no-show counts on the principal's record", async () => {
      await setClock(api, '2027-01-04T00:00:00.000Z');
      await countNoShowsWithoutCall(api, await adminToken(api), hallId);
      const { principal, agent, agentPhone, onBehalf } = await principalAndAgent();
      await acceptedAuthorization(api, principal.token, agent.token, { principal: onBehalf, agentPhone, serviceIds: null, validFrom: '2027-01-04', validTo: '2027-02-28' });
      const b = await bookFor(agent.token, s1.id, await slotFor(s1.id, '2027-01-05T01:00:00.000Z'), onBehalf);
      expect(b.status).toBe(201);
      await setClock(api, '2027-01-05T02:00:00.000Z');
      await api.post('/api/admin/jobs/no-show-sweep/run', undefined, { token: await adminToken(api) });
      expect((await api.get('/api/me/booking-eligibility', { token: (await refreshed(api, principal)).token })).body.noShows).toBe(1);
      expect((await api.get('/api/me/booking-eligibility', { token: (await refreshed(api, agent)).token })).body.noShows).toBe(0);
    });
  });
});
