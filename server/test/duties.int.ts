import { expectErrorShape, staffSignIn } from './helpers/http';
import { useTestApp } from '../../test/support/fixture';
import { ADMIN, createService, refreshed, REVIEWER01, Session, setClock, STAFF01, SUPERVISOR01, uploadPdf, verifiedCitizen } from './helpers/world';

/**
 * 受审分离 (新郑; 新乡 受理、审核、制证"三分离") and 督办 (DESIGN.md, Pre-review and filings): window
 * staff accept, the reviewers of the service's department decide, never the one who accepted; a
 * late filing is put before its department's reviewers and the hall's supervisors, and the
 * applicant is told only what was done.
 */
describe('separation of duties and 督办', () => {
  const MONDAY = '2026-12-07T01:00:00.000Z'; // Monday 09:00 in Shanghai
  const f = useTestApp({ now: MONDAY });
  const api = f.api;
  const PASSWORD = 'Duties2026x';

  const login = async (username: string, password = PASSWORD) => (await staffSignIn(api, username, password)).accessToken;
  const departments = async () => (await api.get('/api/departments')).body as Array<{ id: string; name: string }>;
  const newStaff = async (username: string, body: Record<string, unknown>) => {
    const r = await api.post('/api/admin/staff', { username, password: PASSWORD, name: username, hallId: f.world.hallId, ...body }, { token: f.world.admin });
    expect(r.status).toBe(201);
    return r.body as { id: string; roles: string[] };
  };
  const inbox = async (token: string) => (await api.get('/api/messages', { token })).body as Array<{ title: string; body: string; link: string }>;

  /** A filing of a fresh one-material service (market department, `promisedDays`), submitted and not yet pre-reviewed. */
  async function submitted(promisedDays = 5): Promise<{ id: string; u: Session; decisions: Array<{ materialId: string; ok: boolean; reason: null }> }> {
    const svc = await createService(api, f.world.admin, { hallIds: [f.world.hallId], promisedDays, audience: 'person' });
    const u = (await verifiedCitizen(api)) as Session;
    const c = await api.post('/api/applications', { serviceId: svc.id, hallId: f.world.hallId }, { token: u.token });
    expect(c.status).toBe(201);
    const id = c.body.id as string;
    expect(await uploadPdf(api, u.token, id, svc.materials[0].id)).toBe(201);
    expect((await api.post(`/api/applications/${id}/submit`, undefined, { token: u.token })).status).toBe(200);
    return { id, u, decisions: [{ materialId: svc.materials[0].id, ok: true, reason: null }] };
  }

  /** A filing of a fresh one-material service (market department, `promisedDays`), accepted by `acceptor`. */
  async function accepted(acceptor: string, promisedDays = 5): Promise<{ id: string; number: string; u: Session }> {
    const { id, u, decisions } = await submitted(promisedDays);
    expect((await api.post(`/api/staff/applications/${id}/prereview`, { decisions }, { token: acceptor })).status).toBe(200);
    const a = await api.post(`/api/staff/applications/${id}/accept`, undefined, { token: acceptor });
    expect(a.status).toBe(200);
    return { id, number: a.body.number as string, u };
  }
  const advance = (id: string, token: string, to: string, note = '经审查符合法定条件') => api.post(`/api/staff/applications/${id}/advance`, { to, note }, { token });

  it('gives staff their duties: every duty by default, a reviewer only with a department', async () => {
    const [market] = await departments();
    expect((await newStaff('allrounder', { departmentId: market.id })).roles).toEqual(['window', 'reviewer', 'supervisor']);
    expect((await newStaff('clerkonly', {})).roles).toEqual(['window', 'supervisor']);
    expectErrorShape(await api.post('/api/admin/staff', { username: 'nodept', password: PASSWORD, name: '无部门', hallId: f.world.hallId, roles: ['reviewer'] }, { token: f.world.admin }), 400, 'VALIDATION_FAILED');
    expectErrorShape(await api.post('/api/admin/staff', { username: 'badrole', password: PASSWORD, name: '错岗', hallId: f.world.hallId, roles: ['boss'] }, { token: f.world.admin }), 400, 'VALIDATION_FAILED');
    const me = (await api.get('/api/me', { token: await login('allrounder') })).body;
    expect(me).toMatchObject({ roles: ['staff', 'window', 'reviewer', 'supervisor'], departmentId: market.id });
    expect((await api.get('/api/me', { token: f.world.staff.token })).body.roles).toEqual(['staff', 'window']);
  });

  it('refuses the decision to whoever accepted the filing (SEPARATION_OF_DUTIES); another reviewer of the department decides', async () => {
    const [market] = await departments();
    await newStaff('both01', { departmentId: market.id, roles: ['window', 'reviewer'] });
    const both = await login('both01');
    const { id } = await accepted(both);
    // opening the review decides nothing; the decision is another's
    expect((await advance(id, both, 'under_review')).body.status).toBe('under_review');
    const mine = await advance(id, both, 'approved');
    expectErrorShape(mine, 403, 'SEPARATION_OF_DUTIES');
    expect(mine.body.message).toContain('受审分离');
    expectErrorShape(await advance(id, both, 'denied', '不符合条件'), 403, 'SEPARATION_OF_DUTIES');
    const ok = await advance(id, f.world.reviewer.token, 'approved');
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    // the decision is the reviewer's on the timeline, the acceptance the clerk's
    const timeline = (await api.get(`/api/applications/${id}`, { token: both })).body.timeline as Array<{ status: string; actorId: string }>;
    expect(timeline.find((e) => e.status === 'approved')!.actorId).toBe(f.world.reviewer.id);
    expect(timeline.find((e) => e.status === 'accepted')!.actorId).not.toBe(f.world.reviewer.id);
    // the reviewer does not do the window's work
    expectErrorShape(await api.post(`/api/staff/applications/${id}/deliver`, { method: 'window' }, { token: f.world.reviewer.token }), 403, 'FORBIDDEN');
    expect((await api.post(`/api/staff/applications/${id}/deliver`, { method: 'window' }, { token: both })).status).toBe(200);
  });

  it('lets only reviewers of the service department decide: not window clerks, not another department', async () => {
    const [, other] = await departments();
    await newStaff('taxreviewer', { departmentId: other.id, roles: ['reviewer'] });
    const { id } = await accepted(f.world.staff.token);
    expectErrorShape(await advance(id, f.world.staff.token, 'under_review'), 403, 'FORBIDDEN');
    const foreign = await advance(id, await login('taxreviewer'), 'under_review');
    expectErrorShape(foreign, 403, 'FORBIDDEN');
    expect(foreign.body.message).toContain('不属于您所在部门');
    expect((await api.get(`/api/applications/${id}`, { token: f.world.staff.token })).body.status).toBe('accepted');
    expect((await advance(id, f.world.reviewer.token, 'under_review')).status).toBe(200);
    expect((await advance(id, f.world.reviewer.token, 'denied', '材料不符合法定形式')).body.status).toBe('denied');
    // each reviewer's list of their own department
    const listed = async (departmentId: string) =>
      ((await api.get(`/api/staff/applications?status=denied&departmentId=${departmentId}`, { token: f.world.reviewer.token })).body as Array<{ id: string }>).map((x) => x.id);
    expect(await listed((await departments())[0].id)).toContain(id);
    expect(await listed(other.id)).not.toContain(id);
  });

  it('puts an overdue filing before its department reviewer and the hall supervisor, and tells the applicant just that', async () => {
    await setClock(api, MONDAY);
    const [, other] = await departments();
    await newStaff('otherdept', { departmentId: other.id, roles: ['reviewer'] });
    const { id, number, u } = await accepted(f.world.staff.token, 2); // due at the end of Wednesday 9 December
    const reviewerInbox = async (title: string) =>
      (await inbox(await login(REVIEWER01.username, REVIEWER01.password))).filter((x) => x.title === title && x.body.includes(number));

    await setClock(api, '2026-12-08T01:00:00.000Z'); // Tuesday: one working day left (tokens of Monday have expired)
    // the clock jumps days: each scan signs the admin in afresh
    const scan = async () => {
      const admin = (await staffSignIn(api, ADMIN.username, ADMIN.password)).accessToken;
      return (await api.post('/api/admin/jobs/sla-scan/run', undefined, { token: admin })).body as Record<string, number>;
    };
    expect((await scan()).escalated).toBeGreaterThanOrEqual(2);
    expect(await reviewerInbox('督办：办件即将到期')).toHaveLength(1);
    expect((await inbox((await refreshed(api, u)).token)).some((x) => x.title === '办件已超期')).toBe(false);

    await setClock(api, '2026-12-10T01:00:00.000Z'); // Thursday: past its due date
    const run = await scan();
    expect(run.overdue).toBeGreaterThanOrEqual(1);
    expect(run.escalated).toBeGreaterThanOrEqual(2);
    const clerk = await login(STAFF01.username, STAFF01.password);

    const reviewer = await login(REVIEWER01.username, REVIEWER01.password);
    const supervisor = await login(SUPERVISOR01.username, SUPERVISOR01.password);
    for (const token of [reviewer, supervisor]) {
      const m = (await inbox(token)).filter((x) => x.title === '督办：办件已超期' && x.body.includes(number));
      expect(m).toHaveLength(1);
      expect(m[0].link).toBe(`/subpackages/staff/pages/review/index?id=${id}`);
    }
    // nobody else: not a reviewer of another department, not the window clerk
    expect((await inbox(await login('otherdept'))).some((x) => x.body.includes(number))).toBe(false);
    expect((await inbox(clerk)).some((x) => x.title.startsWith('督办') && x.body.includes(number))).toBe(false);

    const told = (await inbox((await refreshed(api, u)).token)).filter((x) => x.title === '办件已超期');
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('2026-12-09');
    expect(told[0].body).toContain('已将超期情况通报承办部门（清河市市场监督管理局）审核人员和大厅督办人员');
    expect(told[0].body).not.toContain('督促');

    // once: a second scan tells nobody again
    expect((await scan()).overdue).toBe(0);
    expect((await inbox(supervisor)).filter((x) => x.title === '督办：办件已超期' && x.body.includes(number))).toHaveLength(1);

    // the supervisor's board lists it; a window clerk has no board
    const board = await api.get('/api/staff/supervision', { token: supervisor });
    expect(board.status).toBe(200);
    expect(board.body.filings.find((x: { id: string }) => x.id === id)).toMatchObject({ sla: 'overdue' });
    expectErrorShape(await api.get('/api/staff/supervision', { token: clerk }), 403, 'FORBIDDEN');
  });

  it('puts a filing not accepted by its acceptance day (one working day) on the supervisor board, until it is accepted', async () => {
    await setClock(api, MONDAY);
    const { id, decisions } = await submitted(); // Monday 09:00: to be accepted on Tuesday 8 December at the latest
    const late = async () => {
      const supervisor = await login(SUPERVISOR01.username, SUPERVISOR01.password);
      const board = await api.get('/api/staff/supervision', { token: supervisor });
      expect(board.status).toBe(200);
      return (board.body.lateAcceptances as Array<{ id: string; acceptBy: string; status: string }>).filter((x) => x.id === id);
    };
    await setClock(api, '2026-12-08T15:59:00.000Z'); // Tuesday 23:59 Shanghai: still its acceptance day
    expect(await late()).toEqual([]);
    await setClock(api, '2026-12-08T16:00:00.000Z'); // Wednesday 00:00
    expect(await late()).toEqual([expect.objectContaining({ status: 'submitted', acceptBy: '2026-12-08' })]);
    // pre-reviewed but the originals not yet checked at the window: still not accepted
    const clerk = await login(STAFF01.username, STAFF01.password);
    expect((await api.post(`/api/staff/applications/${id}/prereview`, { decisions }, { token: clerk })).status).toBe(200);
    expect(await late()).toEqual([expect.objectContaining({ status: 'prereview_passed' })]);
    expect((await api.post(`/api/staff/applications/${id}/accept`, undefined, { token: clerk })).status).toBe(200);
    expect(await late()).toEqual([]);
  });
});
