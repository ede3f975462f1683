import { expectErrorShape, must, staffSignIn } from './helpers/http';
import { adminToken, createService, pdfBytes, refreshed, setClock, supervisorToken, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

/**
 * 首问负责 and the centre's own free help (DESIGN.md, Across halls and departments; API.md Filings,
 * assistance-requests): who first takes a filing is named on it to the end; an assigned helper acts on
 * the applicant's filing as an agent does (helper and applicant recorded), strangers are told nothing
 * exists; the help is marked done and rated; a 异地代办 past its 7 working days goes to the supervisor.
 */
describe('首问负责 and 帮办代办', () => {
  const f = useTestApp({ now: '2026-12-07T02:00:00.000Z' }); // Monday 10:00 Shanghai
  const api = f.api;
  let svc: { id: string; materials: Array<{ id: string; name: string }> };
  let helper: { id: string; token: string };
  let stranger: { id: string; token: string };
  // the test clock jumps days: sign in again (tokens expire) after each jump
  const supervisor = async () => (await supervisorToken(api)).token;
  const helperNow = async () => (await staffSignIn(api, 'bangban17', 'Helper2026x')).accessToken;
  let staff01Name: string;
  let hallName: string;

  type Timeline = Array<{ action: string; actor: string; actorId: string | null; principalId: string | null; note: string | null }>;
  type Filing = { id: string; status: string; responsible: { name: string; hallName: string } | null; timeline: Timeline; party: { principalId: string } };

  async function newStaff(username: string, name: string): Promise<{ id: string; token: string }> {
    const created = must(await api.post('/api/admin/staff', { username, password: 'Helper2026x', name, hallId: f.world.hallId, roles: ['window'] }, { token: f.world.admin }), 201, username);
    return { id: created.id, token: (await staffSignIn(api, username, 'Helper2026x')).accessToken };
  }

  const filing = async (token: string, id: string): Promise<Filing> => must(await api.get(`/api/applications/${id}`, { token }), 200, 'filing') as Filing;
  const upload = (token: string, id: string, materialId: string) => api.upload(token, id, materialId, { name: 'scan.pdf', type: 'application/pdf', bytes: pdfBytes(materialId) });
  const allOk = () => svc.materials.map((m) => ({ materialId: m.id, ok: true, reason: null }));
  const messages = async (token: string) => must(await api.get('/api/messages', { token }), 200, 'messages') as Array<{ type: string; title: string; body: string }>;

  beforeAll(async () => {
    svc = await createService(api, f.world.admin, {
      hallIds: [f.world.hallId],
      audience: 'person',
      promisedDays: 3,
      materials: [
        { name: '申请书', required: true, tolerable: false },
        { name: '身份证件', required: true, tolerable: false },
      ],
    });
    helper = await newStaff('bangban17', '李帮办');
    stranger = await newStaff('bangban18', '赵窗口');
    const staffList = must(await api.get('/api/admin/staff', { token: f.world.admin }), 200, 'staff') as Array<{ username: string; name: string }>;
    staff01Name = staffList.find((s) => s.username === 'staff01')!.name;
    hallName = (await api.json<Array<{ id: string; name: string }>>('GET', '/api/halls')).find((h) => h.id === f.world.hallId)!.name;
  });

  it('names whoever accepts the filing as 首问负责人, to the applicant and staff, unchanged after approval, and the supervisor sees filings by responsible person', async () => {
    await setClock(api, '2026-12-07T02:00:00.000Z');
    const c = await verifiedCitizen(api);
    const id = must(await api.post('/api/applications', { serviceId: svc.id }, { token: c.token }), 201, 'create').id as string;
    for (const m of svc.materials) expect((await upload(c.token, id, m.id)).status).toBe(201);
    must(await api.post(`/api/applications/${id}/submit`, undefined, { token: c.token }), 200, 'submit');
    // pre-review does not take the filing: nobody is named yet
    must(await api.post(`/api/staff/applications/${id}/prereview`, { decisions: allOk() }, { token: f.world.staff.token }), 200, 'prereview');
    expect((await filing(c.token, id)).responsible).toBeNull();

    const accepted = must(await api.post(`/api/staff/applications/${id}/accept`, undefined, { token: f.world.staff.token }), 200, 'accept');
    expect(accepted.responsible).toEqual({ name: staff01Name, hallName });
    expect((await filing(c.token, id)).responsible).toEqual({ name: staff01Name, hallName });

    // the reviewer (another person) reviews and approves: the responsible person stays
    must(await api.post(`/api/staff/applications/${id}/advance`, { to: 'under_review' }, { token: f.world.reviewer.token }), 200, 'review');
    must(await api.post(`/api/staff/applications/${id}/advance`, { to: 'approved', note: '准予许可' }, { token: f.world.reviewer.token }), 200, 'approve');
    const approved = await filing(c.token, id);
    expect(approved.status).toBe('approved');
    expect(approved.responsible).toEqual({ name: staff01Name, hallName });
    const staffSide = must(await api.get('/api/staff/applications?status=approved', { token: f.world.staff.token }), 200, 'staff list') as Array<{ id: string; responsible: unknown }>;
    expect(staffSide.find((x) => x.id === id)?.responsible).toEqual({ name: staff01Name, hallName });

    // a second filing, accepted and left to run late: the supervisor's board groups it under staff01
    const late = must(await api.post('/api/applications', { serviceId: svc.id }, { token: c.token }), 201, 'create 2').id as string;
    for (const m of svc.materials) expect((await upload(c.token, late, m.id)).status).toBe(201);
    must(await api.post(`/api/applications/${late}/submit`, undefined, { token: c.token }), 200, 'submit 2');
    must(await api.post(`/api/staff/applications/${late}/prereview`, { decisions: allOk() }, { token: f.world.staff.token }), 200, 'prereview 2');
    must(await api.post(`/api/staff/applications/${late}/accept`, undefined, { token: f.world.staff.token }), 200, 'accept 2');
    await setClock(api, '2026-12-11T02:00:00.000Z'); // Friday: past the 3 working days (due Thursday 10th)
    const board = must(await api.get('/api/staff/supervision', { token: await supervisor() }), 200, 'board') as {
      filings: Array<{ id: string; sla: string }>;
      byResponsible: Array<{ responsible: { name: string; hallName: string } | null; applicationIds: string[]; overdue: number }>;
    };
    expect(board.filings.find((x) => x.id === late)?.sla).toBe('overdue');
    const mine = board.byResponsible.find((g) => g.responsible?.name === staff01Name);
    expect(mine?.responsible).toEqual({ name: staff01Name, hallName });
    expect(mine?.applicationIds).toContain(late);
    expect(mine?.overdue).toBeGreaterThanOrEqual(1);
  });

  it('an assigned helper creates, uploads to and submits the applicant\u2019s filing, every step recording helper and applicant; a stranger helper gets 404; done, the help is rated', async () => {
    await setClock(api, '2026-12-07T02:00:00.000Z');
    const c = await verifiedCitizen(api);
    const r = must(await api.post('/api/assistance-requests', { serviceId: svc.id, kind: 'helper', note: '不会用手机' }, { token: c.token }), 201, 'ask');
    const onBehalfOf = { type: 'person', id: c.user.id };

    // before any assignment, hall staff may not act for the applicant
    expectErrorShape(await api.post('/api/applications', { serviceId: svc.id, onBehalfOf }, { token: helper.token }), 404, 'NOT_FOUND');
    must(await api.post(`/api/staff/assistance-requests/${r.id}/assign`, { staffId: helper.id }, { token: f.world.supervisor.token }), 200, 'assign');

    // a stranger helper (not assigned) is told nothing exists
    expectErrorShape(await api.post('/api/applications', { serviceId: svc.id, onBehalfOf }, { token: stranger.token }), 404, 'NOT_FOUND');

    const created = must(await api.post('/api/applications', { serviceId: svc.id, onBehalfOf }, { token: helper.token }), 201, 'helper creates');
    const id = created.id as string;
    expect(created.party).toMatchObject({ principalId: c.user.id, agentId: helper.id });
    // the helper who takes it on is its 首问负责人
    expect(created.responsible).toEqual({ name: '李帮办', hallName });

    for (const m of svc.materials) expect((await upload(helper.token, id, m.id)).status).toBe(201);
    expect((await upload(stranger.token, id, svc.materials[0].id)).status).toBe(404);
    expectErrorShape(await api.get(`/api/applications/${id}`, { token: stranger.token }), 404, 'NOT_FOUND');
    expectErrorShape(await api.post(`/api/applications/${id}/submit`, undefined, { token: stranger.token }), 404, 'NOT_FOUND');
    must(await api.post(`/api/applications/${id}/submit`, undefined, { token: helper.token }), 200, 'helper submits');

    // the applicant sees it among their filings, and every step of the helper's names helper and applicant
    const mineList = must(await api.get('/api/applications', { token: c.token }), 200, 'mine') as Array<{ id: string }>;
    expect(mineList.map((x) => x.id)).toContain(id);
    const seen = await filing(c.token, id);
    const helperSteps = seen.timeline.filter((e) => e.actorId === helper.id);
    expect(helperSteps.map((e) => e.action)).toEqual(['create', 'upload', 'upload', 'submit']);
    for (const e of helperSteps) {
      expect(e.principalId).toBe(c.user.id);
      expect(e.actor).toBe('帮办专员（李帮办）');
    }
    expect(seen.timeline.filter((e) => e.action === 'upload').map((e) => e.note)).toEqual(['上传材料：申请书（scan.pdf）', '上传材料：身份证件（scan.pdf）']);

    // the help is finished: not by another clerk, by the helper; then the helper acts no more
    expectErrorShape(await api.post(`/api/staff/assistance-requests/${r.id}/done`, undefined, { token: stranger.token }), 403, 'FORBIDDEN');
    expectErrorShape(await api.post('/api/ratings', { targetType: 'assistance', targetId: r.id, score: 5 }, { token: c.token }), 409, 'INVALID_STATE');
    const done = must(await api.post(`/api/staff/assistance-requests/${r.id}/done`, undefined, { token: helper.token }), 200, 'done');
    expect(done).toMatchObject({ status: 'done', doneAt: '2026-12-07T02:00:00.000Z' });
    expectErrorShape(await api.post(`/api/staff/assistance-requests/${r.id}/done`, undefined, { token: helper.token }), 409, 'INVALID_STATE');
    expectErrorShape(await api.post(`/api/applications/${id}/withdraw`, {}, { token: helper.token }), 404, 'NOT_FOUND');
    expect((await messages(c.token)).find((m) => m.type === 'assistance_done')?.body).toContain('李帮办');

    // the applicant rates the help once; someone else cannot
    const mine = async () => (must(await api.get('/api/assistance-requests', { token: c.token }), 200, 'requests') as Array<{ id: string; status: string; rateable: boolean; rating: { score: number } | null }>).find((x) => x.id === r.id)!;
    expect(await mine()).toMatchObject({ status: 'done', rateable: true, rating: null });
    const other = await verifiedCitizen(api);
    expectErrorShape(await api.post('/api/ratings', { targetType: 'assistance', targetId: r.id, score: 5 }, { token: other.token }), 404, 'NOT_FOUND');
    must(await api.post('/api/ratings', { targetType: 'assistance', targetId: r.id, score: 5, comment: '帮办专员很耐心' }, { token: c.token }), 201, 'rate');
    expect(await mine()).toMatchObject({ rateable: false, rating: { score: 5 } });
    expectErrorShape(await api.post('/api/ratings', { targetType: 'assistance', targetId: r.id, score: 4 }, { token: c.token }), 409, 'ALREADY_RATED');
  });

  it('a 异地代办 not done within 7 working days of acceptance goes to the supervisor: the board, a notice, the applicant told; one done in time does not', async () => {
    await setClock(api, '2026-12-07T02:00:00.000Z'); // Monday 7 December
    const c = await verifiedCitizen(api);
    const late = must(await api.post('/api/assistance-requests', { serviceId: svc.id, kind: 'remote', note: '人在外地' }, { token: c.token }), 201, 'remote');
    const quick = must(await api.post('/api/assistance-requests', { serviceId: svc.id, kind: 'remote', note: '人在外地' }, { token: c.token }), 201, 'remote 2');
    const assigned = must(await api.post(`/api/staff/assistance-requests/${late.id}/assign`, { staffId: helper.id }, { token: f.world.supervisor.token }), 200, 'assign');
    must(await api.post(`/api/staff/assistance-requests/${quick.id}/assign`, { staffId: helper.id }, { token: f.world.supervisor.token }), 200, 'assign 2');
    // Tue 8 … Wed 16 December: the 7th working day
    expect(assigned.dueBy).toBe('2026-12-16T15:59:59.999Z');
    await setClock(api, '2026-12-15T02:00:00.000Z');
    must(await api.post(`/api/staff/assistance-requests/${quick.id}/done`, undefined, { token: await helperNow() }), 200, 'done in time');

    const scan = async () => must(await api.post('/api/admin/jobs/sla-scan/run', undefined, { token: await adminToken(api) }), 200, 'sla-scan');
    const board = async () => (must(await api.get('/api/staff/supervision', { token: await supervisor() }), 200, 'board') as { assistance: Array<{ id: string }> }).assistance.map((x) => x.id);
    const notices = async () => (await messages(await supervisor())).filter((m) => m.title === '督办：异地代办超期未办结');

    await setClock(api, '2026-12-16T15:59:00.000Z'); // the last minute of the 7th working day
    await scan();
    expect(await board()).not.toContain(late.id);
    expect(await notices()).toHaveLength(0);

    await setClock(api, '2026-12-16T16:00:00.000Z'); // Thursday 17 December, 00:00 in Shanghai
    await scan();
    await scan(); // a second run tells nobody twice
    expect(await board()).toEqual([late.id]);
    const told = await notices();
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('李帮办');
    expect(told[0].body).toContain('2026-12-16');
    const applicant = (await refreshed(api, c)).token;
    expect((await messages(applicant)).filter((m) => m.type === 'assistance_overdue')).toHaveLength(1);
    const mine = must(await api.get('/api/assistance-requests', { token: applicant }), 200, 'mine') as Array<{ id: string; overdue: boolean }>;
    expect(mine.find((x) => x.id === late.id)?.overdue).toBe(true);
    expect(mine.find((x) => x.id === quick.id)?.overdue).toBe(false);

    // done late, it leaves the board but stays marked as late
    must(await api.post(`/api/staff/assistance-requests/${late.id}/done`, undefined, { token: await supervisor() }), 200, 'done late');
    expect(await board()).toEqual([]);
  });
});
