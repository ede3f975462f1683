import { expectErrorShape, signIn } from './helpers/http';
import { useTestApp } from '../../test/support/fixture';
import { adminToken, createSlot, refreshed, REVIEWER01, reviewerToken, serviceAtHall, Session, setClock, staffToken, SUPERVISOR01, uploadPdf, verifiedCitizen } from './helpers/world';

/** 好差评 (DESIGN.md, Ratings): once, only when finished, a ticket on 1–2, one re-rate after the answer. */
describe('ratings', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z' });
  const api = f.api;

  /** A booking for today 09:00 that staff have checked in. */
  const finishedBooking = async (u: Session, start: string) => {
    const slotId = await f.slot(start, { capacity: 20 });
    const b = await api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: (await refreshed(api, u)).token });
    expect(b.status).toBe(201);
    return b.body as { id: string; code: string };
  };
  const rate = (token: string, targetId: string, score: number, extra = {}) =>
    api.post('/api/ratings', { targetType: 'booking', targetId, score, tags: ['态度热情'], comment: '测试评价', ...extra }, { token });

  it('rates a finished booking once; a bad rating opens a ticket staff answer without seeing the rater; one re-rate after', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const good = await finishedBooking(u, '2026-12-07T01:00:00.000Z');
    expectErrorShape(await rate(u.token, good.id, 5), 409, 'INVALID_STATE'); // not yet served
    const staff = (await staffToken(api)).token;
    expect((await api.post('/api/staff/bookings/check-in', { code: good.code }, { token: staff })).status).toBe(200);
    const r5 = await rate(u.token, good.id, 5);
    expect(r5.status).toBe(201);
    expect(r5.body).toMatchObject({ score: 5, rectification: null });
    expectErrorShape(await rate(u.token, good.id, 4), 409, 'ALREADY_RATED');
    const stranger = await signIn(api);
    expectErrorShape(await api.post('/api/ratings', { targetType: 'booking', targetId: good.id, score: 1 }, { token: stranger.accessToken }), 404, 'NOT_FOUND');

    const u2 = (await verifiedCitizen(api)) as Session;
    const bad = await finishedBooking(u2, '2026-12-07T02:00:00.000Z');
    await api.post('/api/staff/bookings/check-in', { code: bad.code }, { token: staff });
    const r1 = await rate(u2.token, bad.id, 1, { comment: '排队太久，窗口人员态度冷淡' });
    expect(r1.status).toBe(201);
    expect(r1.body.rectification).toMatchObject({ status: 'open' });
    expect(r1.body.rectification.dueAt).toBe('2026-12-14T15:59:59.999Z'); // 5 working days, end of Monday 14 December
    expectErrorShape(await api.post(`/api/ratings/${r1.body.id}/rerate`, { score: 4 }, { token: u2.token }), 409, 'INVALID_STATE');

    const tickets = await api.get('/api/staff/rectifications?status=open', { token: staff });
    const mine = tickets.body.find((x: { id: string }) => x.id === r1.body.rectification.id);
    expect(mine).toMatchObject({ score: 1, label: '非常不满意', comment: '排队太久，窗口人员态度冷淡' });
    expect(tickets.text).not.toContain(u2.user.id);
    expect(tickets.text).not.toContain(u2.phone.slice(-4) + '"');
    expect(JSON.stringify(mine)).not.toMatch(/userId|phone|realName/);

    const answered = await api.post(`/api/staff/rectifications/${mine.id}/answer`, { answer: '已对窗口人员批评教育，并增设了取号引导。' }, { token: staff });
    expect(answered.body.status).toBe('answered');
    const msgs = await api.get('/api/messages', { token: u2.token });
    expect(msgs.body.find((m: { type: string }) => m.type === 'rectification_answered').body).toContain('增设了取号引导');
    const myRatings = await api.get('/api/ratings', { token: u2.token });
    expect(myRatings.body[0]).toMatchObject({ score: 1, canRerate: true, rectification: { status: 'answered', answer: '已对窗口人员批评教育，并增设了取号引导。' } });

    const again = await api.post(`/api/ratings/${r1.body.id}/rerate`, { score: 4, comment: '整改后满意' }, { token: u2.token });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ score: 4, canRerate: false });
    expectErrorShape(await api.post(`/api/ratings/${r1.body.id}/rerate`, { score: 5 }, { token: u2.token }), 409, 'INVALID_STATE');

    const stats = await api.get(`/api/stats/satisfaction?hallId=${f.world.hallId}`);
    expect(stats.body).toEqual({ count: 2, byScore: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 }, satisfactionRate: 1 });
  });

  it('offers 评价 on a served booking only, once; staff never see whose rating it is', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const b = await finishedBooking(u, '2026-12-07T03:00:00.000Z');
    const view = async (token = u.token) => (await api.get(`/api/bookings/${b.id}`, { token })).body;
    expect(await view()).toMatchObject({ status: 'booked', rateable: false, ratingStage: null, rating: null });
    const staff = (await staffToken(api)).token;
    await api.post('/api/staff/bookings/check-in', { code: b.code }, { token: staff });
    expect(await view()).toMatchObject({ status: 'checked_in', rateable: true, ratingStage: { stage: 'service', label: '窗口办理' }, rating: null });
    expect((await api.get('/api/bookings', { token: u.token })).body.find((x: { id: string }) => x.id === b.id)).toMatchObject({ rateable: true });
    const r = await rate(u.token, b.id, 4);
    expect(r.body).toMatchObject({ score: 4, stage: 'service' });
    expect(await view()).toMatchObject({ rateable: false, rating: { id: r.body.id, score: 4, stage: 'service', stageLabel: '窗口办理' } });
    const seenByStaff = await view(staff);
    expect(seenByStaff.status).toBe('checked_in');
    expect(seenByStaff).not.toHaveProperty('rating');
    expect(seenByStaff).not.toHaveProperty('rateable');
    expect((await api.get(`/api/ratings?targetType=booking&targetId=${b.id}`, { token: u.token })).body).toEqual([
      expect.objectContaining({ id: r.body.id, stage: 'service', stageLabel: '窗口办理', score: 4, tags: ['态度热情'], comment: '测试评价' }),
    ]);
    expect((await api.get(`/api/ratings?targetType=booking&targetId=${b.id}`, { token: (await verifiedCitizen(api)).token })).body).toEqual([]);

    // a booking the applicant cancelled has nothing to rate
    const other = (await verifiedCitizen(api)) as Session;
    const gone = await finishedBooking(other, '2026-12-07T05:00:00.000Z');
    expect((await api.post(`/api/bookings/${gone.id}/cancel`, undefined, { token: other.token })).status).toBe(200);
    expect((await api.get(`/api/bookings/${gone.id}`, { token: other.token })).body).toMatchObject({ status: 'cancelled', rateable: false, rating: null });
    expectErrorShape(await rate(other.token, gone.id, 5), 409, 'INVALID_STATE');
  });

  it('rates a filing once at each stage it reaches: acceptance, decision, delivery', async () => {
    await setClock(api, '2026-12-07T02:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const staff = (await staffToken(api)).token;
    const svc = await serviceAtHall(api, f.world.hallId, '个体工商户设立登记');
    const created = await api.post('/api/applications', { serviceId: svc.id, hallId: f.world.hallId }, { token: u.token });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const m of (created.body.materials as Array<{ materialId: string; required: boolean }>).filter((x) => x.required)) {
      const fd = new FormData();
      fd.append('file', new Blob([Buffer.from(`%PDF-1.4\n% ${m.materialId}\n%%EOF\n`)], { type: 'application/pdf' }), 'scan.pdf');
      const up = await fetch(`${f.t.url}/api/applications/${id}/materials/${m.materialId}/files`, { method: 'POST', body: fd, headers: { authorization: `Bearer ${u.token}` } });
      expect(up.status).toBe(201);
    }
    const view = async () => (await api.get(`/api/applications/${id}`, { token: u.token })).body;
    const rateFiling = (score: number) => api.post('/api/ratings', { targetType: 'application', targetId: id, score, tags: [], comment: '' }, { token: u.token });
    // 受审分离: the window clerk accepts and delivers, the department's reviewer decides
    const reviewer = (await reviewerToken(api)).token;
    const tokenFor = (path: string) => (path.endsWith('/advance') ? reviewer : path.startsWith('staff') ? staff : u.token);
    const step = async (path: string, body?: unknown) => expect((await api.post(`/api/${path}`, body, { token: tokenFor(path) })).status).toBe(200);

    expect(await view()).toMatchObject({ status: 'draft', rateable: false, ratingStage: null });
    expectErrorShape(await rateFiling(5), 409, 'INVALID_STATE');
    await step(`applications/${id}/submit`);
    const decisions = (created.body.materials as Array<{ materialId: string }>).map((m) => ({ materialId: m.materialId, ok: true, reason: null }));
    await step(`staff/applications/${id}/prereview`, { decisions });
    expect(await view()).toMatchObject({ status: 'prereview_passed', rateable: false });
    await step(`staff/applications/${id}/accept`);

    expect(await view()).toMatchObject({ status: 'accepted', rateable: true, ratingStage: { stage: 'acceptance', label: '受理环节' }, rating: null });
    expect((await api.get('/api/applications', { token: u.token })).body.find((x: { id: string }) => x.id === id)).toMatchObject({ rateable: true });
    const accepted = await rateFiling(4);
    expect(accepted.body).toMatchObject({ score: 4, stage: 'acceptance' });
    expectErrorShape(await rateFiling(5), 409, 'ALREADY_RATED');
    await step(`staff/applications/${id}/advance`, { to: 'under_review' });
    expect(await view()).toMatchObject({ status: 'under_review', rateable: false, rating: { id: accepted.body.id, score: 4, stage: 'acceptance' } });
    expectErrorShape(await rateFiling(5), 409, 'ALREADY_RATED');

    await step(`staff/applications/${id}/advance`, { to: 'approved', note: '符合法定条件，准予许可' });
    expect(await view()).toMatchObject({ status: 'approved', rateable: true, ratingStage: { stage: 'decision', label: '审批决定' }, rating: null });
    expect((await rateFiling(5)).body).toMatchObject({ stage: 'decision', rectification: null });
    expectErrorShape(await rateFiling(3), 409, 'ALREADY_RATED');

    // at the window the result is first ready for collection (the decision stage still), then handed over
    await step(`staff/applications/${id}/deliver`, { method: 'window' });
    expect(await view()).toMatchObject({ status: 'ready_for_pickup', rateable: false });
    await step(`staff/applications/${id}/deliver`, { method: 'window' });
    expect(await view()).toMatchObject({ status: 'delivered', rateable: true, ratingStage: { stage: 'delivery' } });
    const delivered = await rateFiling(2);
    expect(delivered.body).toMatchObject({ stage: 'delivery', rectification: { status: 'open' } });
    expectErrorShape(await rateFiling(1), 409, 'ALREADY_RATED');
    expect(await view()).toMatchObject({ rateable: false, rating: { score: 2, stage: 'delivery', stageLabel: '结果送达' } });

    const mine = (await api.get(`/api/ratings?targetType=application&targetId=${id}`, { token: u.token })).body as Array<{ stage: string; score: number }>;
    expect(mine.map((r) => [r.stage, r.score]).sort()).toEqual([
      ['acceptance', 4],
      ['decision', 5],
      ['delivery', 2],
    ]);
    const ticket = (await api.get('/api/staff/rectifications?status=open', { token: staff })).body.find((x: { id: string }) => x.id === delivered.body.rectification.id);
    expect(ticket).toMatchObject({ stage: 'delivery', stageLabel: '结果送达', score: 2 });
  });

  /** A filing of the world's service made, filled and submitted by `u`; answers its id and materials. */
  const submittedFiling = async (u: Session) => {
    const created = await api.post('/api/applications', { serviceId: f.world.service.id, hallId: f.world.hallId }, { token: u.token });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const materials = created.body.materials as Array<{ materialId: string; required: boolean }>;
    for (const m of materials.filter((x) => x.required)) expect(await uploadPdf(f.t.url, u.token, id, m.materialId)).toBe(201);
    expect((await api.post(`/api/applications/${id}/submit`, undefined, { token: u.token })).status).toBe(200);
    return { id, decisions: materials.map((m) => ({ materialId: m.materialId, ok: true, reason: null })) };
  };
  const rateApp = (token: string, id: string, score: number, stage?: string) =>
    api.post('/api/ratings', { targetType: 'application', targetId: id, score, ...(stage ? { stage } : {}) }, { token });

  it('rates the acceptance of a filing that has already moved on to its decision, each stage once', async () => {
    await setClock(api, '2026-12-07T02:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const { id, decisions } = await submittedFiling(u);
    const staff = (await staffToken(api)).token;
    const reviewer = (await reviewerToken(api)).token;
    expect((await api.post(`/api/staff/applications/${id}/prereview`, { decisions }, { token: staff })).status).toBe(200);
    expect((await api.post(`/api/staff/applications/${id}/accept`, undefined, { token: staff })).status).toBe(200);
    expect((await api.post(`/api/staff/applications/${id}/advance`, { to: 'under_review' }, { token: reviewer })).status).toBe(200);
    expect((await api.post(`/api/staff/applications/${id}/advance`, { to: 'denied', note: '不符合法定条件' }, { token: reviewer })).status).toBe(200);
    expectErrorShape(await rateApp(u.token, id, 5, 'delivery'), 409, 'INVALID_STATE'); // not delivered yet
    expect((await rateApp(u.token, id, 3)).body).toMatchObject({ stage: 'decision' });
    expect((await rateApp(u.token, id, 4, 'acceptance')).body).toMatchObject({ stage: 'acceptance', score: 4 });
    expectErrorShape(await rateApp(u.token, id, 5, 'acceptance'), 409, 'ALREADY_RATED');
    expectErrorShape(await rateApp(u.token, id, 5, 'service'), 409, 'INVALID_STATE'); // a booking's stage
  });

  it('lets an applicant who withdrew a submitted filing rate it, but not a draft they dropped', async () => {
    await setClock(api, '2026-12-07T02:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const { id } = await submittedFiling(u);
    expect((await api.post(`/api/applications/${id}/withdraw`, {}, { token: u.token })).status).toBe(200);
    expect((await api.get(`/api/applications/${id}`, { token: u.token })).body).toMatchObject({ status: 'withdrawn', rateable: true, ratingStage: { stage: 'withdrawal', label: '撤回申请' } });
    const r = await rateApp(u.token, id, 2);
    expect(r.body).toMatchObject({ stage: 'withdrawal', rectification: { status: 'open' } });
    expectErrorShape(await rateApp(u.token, id, 2), 409, 'ALREADY_RATED');

    const draft = await api.post('/api/applications', { serviceId: f.world.service.id, hallId: f.world.hallId }, { token: u.token });
    expect((await api.post(`/api/applications/${draft.body.id}/withdraw`, {}, { token: u.token })).status).toBe(200);
    expect((await api.get(`/api/applications/${draft.body.id}`, { token: u.token })).body).toMatchObject({ status: 'withdrawn', rateable: false, ratingStage: null });
    expectErrorShape(await rateApp(u.token, draft.body.id, 5), 409, 'INVALID_STATE');
  });

  it('flags an unanswered ticket as overdue after its due date, and keeps other halls out', async () => {
    await setClock(api, '2026-12-08T00:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const b = await finishedBooking(u, '2026-12-08T01:00:00.000Z');
    await api.post('/api/staff/bookings/check-in', { code: b.code }, { token: (await staffToken(api)).token });
    const r = await rate(u.token, b.id, 2);
    const halls = (await api.get('/api/halls')).body as Array<{ id: string }>;
    await api.post('/api/admin/staff', { username: 'town01', password: 'Town20261', name: '镇窗口', hallId: halls.find((h) => h.id !== f.world.hallId)!.id }, { token: await adminToken(api) });
    const other = (await api.post('/api/auth/staff/login', { username: 'town01', password: 'Town20261' })).body.accessToken;
    expect((await api.get('/api/staff/rectifications', { token: other })).body).toEqual([]);
    expectErrorShape(await api.post(`/api/staff/rectifications/${r.body.rectification.id}/answer`, { answer: '这不是我们大厅的' }, { token: other }), 404, 'NOT_FOUND');

    await setClock(api, '2026-12-16T00:00:00.000Z');
    const overdue = await api.get('/api/staff/rectifications?status=overdue', { token: (await staffToken(api)).token });
    expect(overdue.body.map((x: { id: string }) => x.id)).toContain(r.body.rectification.id);
    expect((await api.get('/api/ratings', { token: (await refreshed(api, u)).token })).body[0].rectification.status).toBe('overdue');

    // 督办: the scan writes the ticket's overdue notice once — to the department's reviewer, the hall's supervisor and the rater
    const scan = async () => (await api.post('/api/admin/jobs/sla-scan/run', undefined, { token: await adminToken(api) })).body as Record<string, number>;
    expect((await scan()).rectificationsOverdue).toBeGreaterThanOrEqual(1);
    expect((await scan()).rectificationsOverdue).toBe(0);
    const inbox = async (who: { username: string; password: string }) =>
      (await api.get('/api/messages', { token: (await api.post('/api/auth/staff/login', who)).body.accessToken })).body as Array<{ title: string; link: string }>;
    for (const who of [REVIEWER01, SUPERVISOR01]) {
      const got = (await inbox(who)).filter((m) => m.title === '督办：差评整改超期');
      expect(got.length).toBeGreaterThanOrEqual(1);
      expect(got[0].link).toBe('/subpackages/staff/pages/rectifications/index');
    }
    const told = ((await api.get('/api/messages', { token: u.token })).body as Array<{ type: string; body: string }>).filter((m) => m.type === 'rectification_overdue');
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('承办部门（清河市市场监督管理局）审核人员和大厅督办人员');
  });
});

describe('rating invitations', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z' });
  const api = f.api;

  it('invites once, 3 days after the service, only those who have not rated', async () => {
    const { hallId, service } = f.world;
    const served = async (u: Session, start: string) => {
      const slot = await createSlot(api, await adminToken(api), { hallId, serviceId: service.id, start, capacity: 5 });
      const b = await api.post('/api/bookings', { slotId: slot.id, serviceId: service.id }, { token: u.token });
      await api.post('/api/staff/bookings/check-in', { code: b.body.code }, { token: (await staffToken(api)).token });
      return b.body.id as string;
    };
    const quiet = (await verifiedCitizen(api)) as Session;
    const rater = (await verifiedCitizen(api)) as Session;
    const quietBooking = await served(quiet, '2026-12-07T01:00:00.000Z');
    const raterBooking = await served(rater, '2026-12-07T01:30:00.000Z');
    expect((await api.post('/api/ratings', { targetType: 'booking', targetId: raterBooking, score: 5 }, { token: rater.token })).status).toBe(201);
    const invite = async () => (await api.post('/api/admin/jobs/rating-invitations/run', undefined, { token: await adminToken(api) })).body.invited as number;

    await setClock(api, '2026-12-09T00:00:00.000Z');
    expect(await invite()).toBe(0); // too early
    await setClock(api, '2026-12-10T02:00:00.000Z');
    expect(await invite()).toBe(1);
    expect(await invite()).toBe(0); // once
    const msgs = (await api.get('/api/messages', { token: (await refreshed(api, quiet)).token })).body as Array<{ type: string; link: string }>;
    expect(msgs.filter((m) => m.type === 'rating_invitation').map((m) => m.link)).toEqual([`/subpackages/ratings/pages/rate/index?targetType=booking&targetId=${quietBooking}`]);
    expect((await api.get('/api/messages', { token: (await refreshed(api, rater)).token })).body.some((m: { type: string }) => m.type === 'rating_invitation')).toBe(false);
  });
});
