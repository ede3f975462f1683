import { expectErrorShape, must, staffSignIn } from './helpers/http';
import { adminToken, refreshed, Session, setClock, staffToken, supervisorToken, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';
import { signIn } from '../../test/support/http';

/** 智能导办 and 咨询 (API.md, One-thing bundles, guidance and consultation; DESIGN.md, Across halls and departments). */
describe('智能导办 (guided topics)', () => {
  const f = useTestApp({ now: '2026-12-07T02:00:00.000Z' });
  const api = f.api;

  it('lists the seeded topics publicly, each with its questions and options', async () => {
    const topics = must(await api.get('/api/guidance'), 200, 'topics') as Array<{ id: string; title: string }>;
    expect(topics.map((t) => t.title)).toEqual(['开办企业', '新生儿出生', '个体工商户', '不动产登记', '开办餐饮店']);
    const t = must(await api.get(`/api/guidance/${topics[4].id}`), 200, 'topic');
    expect(t.questions[0]).toEqual({
      id: 'form',
      text: '您打算以什么形式经营？',
      options: [{ value: 'individual', label: '个体工商户', applicant: 'person' }, { value: 'company', label: '公司（有限责任公司）', applicant: 'enterprise' }],
    });
    expectErrorShape(await api.get('/api/guidance/no-such-topic'), 404, 'NOT_FOUND');
  });

  it('answers lead to the catalogue services to apply for and a personal checklist', async () => {
    const r = must(await api.post('/api/guidance/open-restaurant/answers', { answers: { form: 'individual', leisure: 'yes', staff: 'yes' } }), 200, 'answers');
    expect(r.services.map((s: { name: string }) => s.name)).toEqual(['个体工商户设立登记', '食品经营许可', '公共场所卫生许可']);
    // the ids are the guides' ids
    const guide = must(await api.get(`/api/services/${r.services[0].id}`), 200, 'guide');
    expect(guide.name).toBe('个体工商户设立登记');
    // exactly the services of the 开办餐饮店 bundle: apply for them in one go
    const bundles = must(await api.get('/api/bundles'), 200, 'bundles') as Array<{ id: string; name: string }>;
    expect(r.bundleId).toBe(bundles.find((b) => b.name === '开办餐饮店')!.id);
    expect(r.applicant).toBe('person'); // a 个体工商户 applies as a person, and each of these services takes one
    expect(r.hall).toBeNull();
    expect(r.materials).toContainEqual({ name: '从业人员健康证明', required: true, note: '从事接触直接入口食品工作的员工' });
    expect(r.materials.map((m: { name: string }) => m.name)).not.toContain('公司章程');

    const baby = must(await api.post('/api/guidance/newborn/answers', { answers: { birthplace: 'hospital', married: 'yes', maternity: 'yes', district: 'town' } }), 200, 'newborn');
    expect(baby.services.map((s: { name: string }) => s.name)).toEqual(['出生登记', '城乡居民基本医疗保险参保登记', '社会保障卡申领', '生育津贴申领']);
    // 生育津贴 is not handled at the town station: the county centre does it all
    expect(baby.hall).toMatchObject({ name: '云溪县政务服务中心', address: expect.stringContaining('云溪县') });
    const townOnly = must(await api.post('/api/guidance/newborn/answers', { answers: { birthplace: 'hospital', married: 'yes', maternity: 'no', district: 'town' } }), 200, 'newborn');
    expect(townOnly.hall.name).toBe('云溪县白沙镇便民服务中心');
  });

  it('refuses an incomplete or invented answer set, naming the questions', async () => {
    const a = await api.post('/api/guidance/start-company/answers', { answers: { invoice: 'maybe', staff: 'no' } });
    expectErrorShape(a, 400, 'VALIDATION_FAILED');
    expect(a.body.details.fields.map((x: { field: string }) => x.field).sort()).toEqual(['answers.district', 'answers.invoice', 'answers.premises']);
    expectErrorShape(await api.post('/api/guidance/start-company/answers', { answers: 'yes' }), 400, 'VALIDATION_FAILED');
    expectErrorShape(await api.post('/api/guidance/nope/answers', { answers: {} }), 404, 'NOT_FOUND');
  });
});

describe('咨询 (consultations)', () => {
  const f = useTestApp({ now: '2026-12-04T02:00:00.000Z' }); // Friday 10:00 Shanghai
  const api = f.api;
  const ask = (token: string, body: Record<string, unknown>) => api.post('/api/consultations', body, { token });

  it('is answered within one working day: Friday → end of Monday; a 调休 Saturday counts; across National Day', async () => {
    await setClock(api, '2026-12-04T02:00:00.000Z');
    const u = await verifiedCitizen(api);
    const fri = must(await ask(u.token, { serviceId: f.world.service.id, question: '可以用租来的房子登记吗？' }), 201, 'ask');
    expect(fri).toMatchObject({ status: 'open', answerBy: '2026-12-07T15:59:59.999Z', hallId: f.world.hallId, serviceName: f.world.service.name, answer: null, answeredBy: null });

    await setClock(api, '2026-10-09T03:00:00.000Z'); // Friday 9 October; Saturday 10 October is a working day (调休)
    const sat = must(await ask((await refreshed(api, u)).token, { question: '周六上班吗？' }), 201, 'ask');
    expect(sat.answerBy).toBe('2026-10-10T15:59:59.999Z');
    await setClock(api, '2026-09-30T08:00:00.000Z'); // Wednesday 30 September, before the National Day holiday
    expect(must(await ask((await refreshed(api, u)).token, { question: '节后哪天上班？' }), 201, 'ask').answerBy).toBe('2026-10-08T15:59:59.999Z');
  });

  it('a citizen sees only their own questions; another citizen and another hall get 404', async () => {
    await setClock(api, '2026-12-07T02:00:00.000Z');
    const u = await verifiedCitizen(api);
    const other = await signIn(api);
    const q = must(await ask(u.token, { serviceId: f.world.service.id, question: '需要本人到场吗？' }), 201, 'ask');
    expect(must(await api.get(`/api/consultations/${q.id}`, { token: u.token }), 200, 'own').question).toBe('需要本人到场吗？');
    expectErrorShape(await api.get(`/api/consultations/${q.id}`, { token: other.accessToken }), 404, 'NOT_FOUND');
    expect(must(await api.get('/api/consultations', { token: other.accessToken }), 200, 'list')).toEqual([]);
    expect((must(await api.get('/api/consultations', { token: u.token }), 200, 'list') as Array<{ id: string }>).map((c) => c.id)).toEqual([q.id]);
    // a citizen is not staff
    expectErrorShape(await api.post(`/api/staff/consultations/${q.id}/answer`, { answer: '不需要' }, { token: u.token }), 403, 'FORBIDDEN');

    const halls = await api.json<Array<{ id: string }>>('GET', '/api/halls');
    must(await api.post('/api/admin/staff', { username: 'county17', password: 'County2026x', name: '县窗口', hallId: halls.find((h) => h.id !== f.world.hallId)!.id }, { token: await adminToken(api) }), 201, 'staff');
    const county = (await staffSignIn(api, 'county17', 'County2026x')).accessToken;
    expectErrorShape(await api.post(`/api/staff/consultations/${q.id}/answer`, { answer: '不需要' }, { token: county }), 404, 'NOT_FOUND');
    expect((must(await api.get('/api/staff/consultations', { token: county }), 200, 'county list') as Array<{ id: string }>).map((c) => c.id)).not.toContain(q.id);
    expectErrorShape(await ask(u.token, { serviceId: '00000000-0000-4000-8000-000000000000', question: '？' }), 404, 'NOT_FOUND');
    expectErrorShape(await ask(u.token, { question: '' }), 400, 'VALIDATION_FAILED');
    // a person may ask about a service only companies apply for
    const food = (await api.get('/api/services?q=印章刻制备案')).body.items[0] as { id: string; name: string };
    expect(food.name).toBe('印章刻制备案');
    expect(must(await ask(u.token, { serviceId: food.id, question: '个体户也要刻章吗？' }), 201, 'ask').serviceName).toBe('印章刻制备案');
  });

  it('the first staff member to answer is named (首问负责), the applicant is told, a second answer is refused', async () => {
    await setClock(api, '2026-12-07T02:00:00.000Z');
    const u = await verifiedCitizen(api);
    const q = must(await ask(u.token, { serviceId: f.world.service.id, question: '个体户可以网上办吗？' }), 201, 'ask');
    const staff = (await staffToken(api)).token;
    const open = must(await api.get('/api/staff/consultations?status=open', { token: staff }), 200, 'open') as Array<{ id: string; applicantName: string; question: string }>;
    const mine = open.find((c) => c.id === q.id)!;
    expect(mine).toMatchObject({ question: '个体户可以网上办吗？', applicantName: '测**户' });

    // two staff answer at once: one answer stands
    const [a, b] = await Promise.all([
      api.post(`/api/staff/consultations/${q.id}/answer`, { answer: '可以，在“个人办事”中在线申报。' }, { token: staff }),
      api.post(`/api/staff/consultations/${q.id}/answer`, { answer: '可以。' }, { token: await adminToken(api) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a.body : b.body;
    expectErrorShape(a.status === 200 ? b : a, 409, 'INVALID_STATE');

    const seen = must(await api.get(`/api/consultations/${q.id}`, { token: u.token }), 200, 'answered');
    expect(seen).toMatchObject({ status: 'answered', answer: winner.answer, answeredBy: a.status === 200 ? '王窗口' : '系统管理员' });
    const msgs = must(await api.get('/api/messages', { token: u.token }), 200, 'messages') as Array<{ type: string; body: string; link: string }>;
    const m = msgs.find((x) => x.type === 'consultation_answered')!;
    expect(m.body).toContain(winner.answer);
    expect(m.link).toBe(`/subpackages/guidance/pages/consultations/index?id=${q.id}`);
    expect((must(await api.get('/api/staff/consultations?status=open', { token: staff }), 200, 'open') as Array<{ id: string }>).map((c) => c.id)).not.toContain(q.id);
  });

  it('an unanswered question past its working day goes to the supervisor', async () => {
    await setClock(api, '2026-12-08T02:00:00.000Z'); // Tuesday
    const u = await verifiedCitizen(api);
    const late = must(await ask(u.token, { serviceId: f.world.service.id, question: '要带户口本吗？' }), 201, 'ask');
    const answered = must(await ask(u.token, { serviceId: f.world.service.id, question: '要带照片吗？' }), 201, 'ask');
    const staff = async () => (await staffToken(api)).token;
    must(await api.post(`/api/staff/consultations/${answered.id}/answer`, { answer: '不需要' }, { token: await staff() }), 200, 'answer');
    const supervised = async () => (must(await api.get('/api/staff/supervision/consultations', { token: await staff() }), 200, 'supervision') as Array<{ id: string; overdue: boolean }>).filter((c) => [late.id, answered.id].includes(c.id));

    await setClock(api, '2026-12-09T15:59:00.000Z'); // Wednesday 23:59: still in time
    expect(await supervised()).toEqual([]);
    await setClock(api, '2026-12-09T16:00:00.000Z'); // Thursday 00:00
    expect(await supervised()).toEqual([expect.objectContaining({ id: late.id, overdue: true })]);
    // and on the supervisor's 督办 board beside late filings and off-hours requests
    const board = must(await api.get('/api/staff/supervision', { token: (await supervisorToken(api)).token }), 200, 'board') as { consultations: Array<{ id: string }> };
    expect(board.consultations.map((c) => c.id).filter((id) => [late.id, answered.id].includes(id))).toEqual([late.id]);
    expect(must(await api.get(`/api/consultations/${late.id}`, { token: (await refreshed(api, u as Session)).token }), 200, 'own').overdue).toBe(true);

    // 督办: the sla-scan puts it before the hall's supervisors once, even run by two instances at once
    const scan = async () => must(await api.post('/api/admin/jobs/sla-scan/run', undefined, { token: await adminToken(api) }), 200, 'sla-scan') as { consultationsEscalated: number };
    const [one, two] = await Promise.all([scan(), scan()]);
    expect(one.consultationsEscalated + two.consultationsEscalated).toBeGreaterThanOrEqual(1);
    expect((await scan()).consultationsEscalated).toBe(0);
    const told = async (token: string, question = '要带户口本吗？') =>
      (must(await api.get('/api/messages', { token }), 200, 'inbox') as Array<{ title: string; body: string; link: string }>).filter((m) => m.title === '督办：咨询超时未答复' && m.body.includes(question));
    const supervisorInbox = await told((await supervisorToken(api)).token);
    expect(supervisorInbox).toHaveLength(1);
    expect(supervisorInbox[0].link).toBe('/subpackages/staff/pages/consultations/index');
    expect(supervisorInbox[0].body).toContain('2026年12月9日');
    expect(await told(await staff())).toEqual([]); // a window clerk is not a supervisor
    // the answered question is never escalated
    expect(await told((await supervisorToken(api)).token, '要带照片吗？')).toEqual([]);
  });
});
