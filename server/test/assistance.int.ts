import { expectErrorShape, must, staffSignIn } from './helpers/http';
import { adminToken, refreshed, setClock, staffToken, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';
import { signIn } from '../../test/support/http';

/** The centre's own free help: 帮办代办, 异地代办, 一对一专办 (API.md assistance-requests; 罗山 异地代办). */
describe('assistance requests (帮办代办)', () => {
  const f = useTestApp({ now: '2026-12-07T02:00:00.000Z' }); // Monday 10:00 Shanghai
  const api = f.api;
  let helper: { id: string; name: string };
  let otherHallStaff: string;

  beforeAll(async () => {
    const admin = await adminToken(api);
    const created = must(await api.post('/api/admin/staff', { username: 'helper17', password: 'Helper2026x', name: '李帮办', hallId: f.world.hallId }, { token: admin }), 201, 'helper');
    helper = { id: created.id, name: '李帮办' };
    const halls = await api.json<Array<{ id: string }>>('GET', '/api/halls');
    must(await api.post('/api/admin/staff', { username: 'county18', password: 'County2026x', name: '县窗口', hallId: halls.find((h) => h.id !== f.world.hallId)!.id }, { token: admin }), 201, 'staff');
    otherHallStaff = (await staffSignIn(api, 'county18', 'County2026x')).accessToken;
  });

  it('an applicant asks for help, a supervisor assigns a helper of the hall, the applicant sees who and the number to call', async () => {
    await setClock(api, '2026-12-07T02:00:00.000Z');
    const u = await verifiedCitizen(api);
    const r = must(await api.post('/api/assistance-requests', { serviceId: f.world.service.id, kind: 'one_to_one', note: '老人行动不便' }, { token: u.token }), 201, 'ask');
    expect(r).toMatchObject({ kind: 'one_to_one', status: 'requested', hallId: f.world.hallId, serviceName: f.world.service.name, helper: null, dueBy: null });

    const staff = (await staffToken(api)).token;
    const waiting = must(await api.get('/api/staff/assistance-requests?status=requested', { token: staff }), 200, 'list') as Array<{ id: string; applicantName: string }>;
    expect(waiting.find((x) => x.id === r.id)?.applicantName).toBe('测**户');

    // only staff of the request's hall can be assigned, and only by that hall's staff
    expectErrorShape(await api.post(`/api/staff/assistance-requests/${r.id}/assign`, { staffId: u.user.id }, { token: staff }), 404, 'NOT_FOUND');
    expectErrorShape(await api.post(`/api/staff/assistance-requests/${r.id}/assign`, { staffId: helper.id }, { token: otherHallStaff }), 404, 'NOT_FOUND');
    expectErrorShape(await api.post(`/api/staff/assistance-requests/${r.id}/assign`, { staffId: helper.id }, { token: u.token }), 403, 'FORBIDDEN');

    const assigned = must(await api.post(`/api/staff/assistance-requests/${r.id}/assign`, { staffId: helper.id }, { token: staff }), 200, 'assign');
    expect(assigned).toMatchObject({ status: 'assigned', helper: { name: '李帮办' }, dueBy: null });
    const mine = must(await api.get('/api/assistance-requests', { token: u.token }), 200, 'mine') as Array<{ id: string; helper: { name: string; hallName: string; phone: string } }>;
    expect(mine).toHaveLength(1);
    expect(mine[0].helper.name).toBe('李帮办');
    expect(mine[0].helper.hallName).toBe(assigned.hallName);
    expect(mine[0].helper.phone).toMatch(/\d{3,}/);
    const msgs = must(await api.get('/api/messages', { token: u.token }), 200, 'messages') as Array<{ type: string; body: string }>;
    expect(msgs.find((m) => m.type === 'assistance_assigned')?.body).toContain('李帮办');

    // nobody else sees it
    const other = await signIn(api);
    expect(must(await api.get('/api/assistance-requests', { token: other.accessToken }), 200, 'other')).toEqual([]);
    expect((must(await api.get('/api/staff/assistance-requests', { token: otherHallStaff }), 200, 'county') as Array<{ id: string }>).map((x) => x.id)).not.toContain(r.id);
  });

  it('needs a verified real name and a known kind', async () => {
    await setClock(api, '2026-12-07T02:00:00.000Z');
    const anon = await signIn(api);
    expectErrorShape(await api.post('/api/assistance-requests', { serviceId: f.world.service.id, kind: 'helper' }, { token: anon.accessToken }), 403, 'REAL_NAME_REQUIRED');
    const u = await verifiedCitizen(api);
    expectErrorShape(await api.post('/api/assistance-requests', { serviceId: f.world.service.id, kind: 'vip' }, { token: u.token }), 400, 'VALIDATION_FAILED');
  });

  it('a remote (异地代办) request is due 7 working days after acceptance, across a holiday, and then goes to the supervisor', async () => {
    await setClock(api, '2026-09-28T02:00:00.000Z'); // Monday 28 September 2026
    const u = await verifiedCitizen(api);
    const r = must(await api.post('/api/assistance-requests', { serviceId: f.world.service.id, kind: 'remote', note: '人在外地' }, { token: u.token }), 201, 'ask');
    const staff = async () => (await staffToken(api)).token;
    const accepted = must(await api.post(`/api/staff/assistance-requests/${r.id}/assign`, { staffId: helper.id }, { token: await staff() }), 200, 'assign');
    // Tue 29, Wed 30, (1–7 October National Day) Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13
    expect(accepted.dueBy).toBe('2026-10-13T15:59:59.999Z');
    // a reassignment keeps the time limit
    must(await api.post('/api/admin/staff', { username: 'helper19', password: 'Helper2026y', name: '周帮办', hallId: f.world.hallId }, { token: await adminToken(api) }), 201, 'helper2');
    const list = must(await api.get('/api/admin/staff', { token: await adminToken(api) }), 200, 'staff') as Array<{ id: string; username: string }>;
    const second = list.find((s) => s.username === 'helper19')!;
    await setClock(api, '2026-10-09T02:00:00.000Z');
    const re = must(await api.post(`/api/staff/assistance-requests/${r.id}/assign`, { staffId: second.id }, { token: await staff() }), 200, 'reassign');
    expect(re).toMatchObject({ dueBy: '2026-10-13T15:59:59.999Z', helper: { name: '周帮办' } });

    const supervised = async () => (must(await api.get('/api/staff/supervision/assistance-requests', { token: await staff() }), 200, 'supervision') as Array<{ id: string }>).map((x) => x.id);
    await setClock(api, '2026-10-13T15:59:00.000Z');
    expect(await supervised()).not.toContain(r.id);
    await setClock(api, '2026-10-13T16:00:00.000Z');
    expect(await supervised()).toContain(r.id);
    expect((must(await api.get('/api/assistance-requests', { token: (await refreshed(api, u)).token }), 200, 'mine') as Array<{ overdue: boolean }>)[0].overdue).toBe(true);
  });
});
