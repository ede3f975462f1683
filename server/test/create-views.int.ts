import { client, Client } from './helpers/http';
import { startTestApp, TestApp } from './helpers/test-app';
import { adminToken, countNoShowsWithoutCall, createService, refreshed, serviceAtHall, Session, setClock, staffToken, uploadPdf, validCreditCode, verifiedCitizen, VERIFIED_NAME } from './helpers/world';

/**
 * Issue 14, fault 6 as a kind: the 201 of every create route tells what was stored. Each answer is
 * compared with the GET of the same object: every field the create answer carries must be the field
 * GET shows (no placeholder numbers, no fields filled in before the row was written).
 */
describe('create answers are the stored objects', () => {
  let t: TestApp;
  let api: Client;
  let admin: string;
  let staff: { token: string; hallId: string };
  let service: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    await setClock(api, '2026-12-07T00:00:00.000Z'); // Monday 08:00 in Shanghai
    admin = await adminToken(api);
    staff = await staffToken(api);
    service = await serviceAtHall(api, staff.hallId);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** 201, and each field of the create answer as GET shows it. */
  const sameAsRead = (route: string, created: { status: number; body: Record<string, unknown>; text: string }, read: unknown) => {
    expect({ route, status: created.status }).toEqual({ route, status: 201 });
    expect(read).toBeDefined();
    const shown = Object.fromEntries(Object.keys(created.body).map((k) => [k, (read as Record<string, unknown>)[k]]));
    expect({ route, body: shown }).toEqual({ route, body: created.body });
  };
  const byId = <T extends { id: string }>(list: T[], id: string): T | undefined => list.find((x) => x.id === id);
  const slot = async (start: string, capacity = 3) => {
    const r = await api.post('/api/admin/slots', { hallId: staff.hallId, serviceId: service.id, start, end: new Date(Date.parse(start) + 1800_000).toISOString(), capacity }, { token: admin });
    return r;
  };
  const citizen = async () => (await verifiedCitizen(api)) as Session;

  it('admin: departments, halls, services, staff, slot templates, slots, phrases', async () => {
    const dep = await api.post('/api/admin/departments', { name: '清河市测试局', sortOrder: 7 }, { token: admin });
    sameAsRead('POST /admin/departments', dep, byId((await api.get('/api/admin/departments', { token: admin })).body, dep.body.id));

    const hall = await api.post('/api/admin/halls', { name: '清河市测试分中心', address: '清河市人民路 1 号', phone: '0391-26600000', hours: '周一至周五 9:00-12:00，13:30-17:00', level: 'county', latitude: 35.1, longitude: 113.2 }, { token: admin });
    sameAsRead('POST /admin/halls', hall, byId((await api.get('/api/admin/halls', { token: admin })).body, hall.body.id));

    const template = (await createService(api, admin, { hallIds: [staff.hallId] })).body;
    const svc = await api.post('/api/admin/services', { ...template, code: `${template.code}-V`, name: '视图一致测试事项' }, { token: admin });
    sameAsRead('POST /admin/services', svc, (await api.get(`/api/admin/services/${svc.body.id}`, { token: admin })).body);

    const member = await api.post('/api/admin/staff', { username: 'staff77', password: 'Window2026x', name: '赵窗口', hallId: staff.hallId }, { token: admin });
    sameAsRead('POST /admin/staff', member, byId((await api.get('/api/admin/staff', { token: admin })).body, member.body.id));

    const tpl = await api.post('/api/admin/slot-templates', { hallId: staff.hallId, serviceId: service.id, weekday: 3, start: '15:10', end: '15:40', capacity: 2 }, { token: admin });
    sameAsRead('POST /admin/slot-templates', tpl, byId((await api.get(`/api/admin/slot-templates?hallId=${staff.hallId}`, { token: admin })).body, tpl.body.id));

    const s = await slot('2026-12-09T07:10:00.000Z', 6);
    sameAsRead('POST /admin/slots', s, byId((await api.get(`/api/admin/slots?hallId=${staff.hallId}&from=2026-12-09&to=2026-12-09`, { token: admin })).body, s.body.id));

    const phrase = await api.post('/api/admin/phrases', { text: '请携带身份证原件到 3 号窗口' }, { token: admin });
    sameAsRead('POST /admin/phrases', phrase, byId((await api.get('/api/admin/phrases', { token: admin })).body, phrase.body.id));
  });

  it('bookings, waitlist places and accepted offers', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    const [a, b] = [await citizen(), await citizen()];
    const s = (await slot('2026-12-10T02:00:00.000Z', 1)).body.id as string;
    const booked = await api.post('/api/bookings', { slotId: s, serviceId: service.id }, { token: a.token });
    sameAsRead('POST /bookings', booked, (await api.get(`/api/bookings/${booked.body.id}`, { token: a.token })).body);

    const joined = await api.post(`/api/slots/${s}/waitlist`, {}, { token: b.token });
    sameAsRead('POST /slots/:id/waitlist', joined, byId((await api.get('/api/me/waitlist', { token: b.token })).body, joined.body.id));

    expect((await api.post(`/api/bookings/${booked.body.id}/cancel`, undefined, { token: a.token })).status).toBe(200);
    const accepted = await api.post(`/api/waitlist/${joined.body.id}/accept`, undefined, { token: b.token });
    sameAsRead('POST /waitlist/:id/accept', accepted, (await api.get(`/api/bookings/${accepted.body.id}`, { token: b.token })).body);
  });

  it('no-show appeals, ratings', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    await countNoShowsWithoutCall(api, await adminToken(api), staff.hallId); // a counted no-show to appeal
    const u = await citizen();
    const missed = await api.post('/api/bookings', { slotId: (await slot('2026-12-07T02:00:00.000Z')).body.id, serviceId: service.id }, { token: u.token });
    const served = await api.post('/api/bookings', { slotId: (await slot('2026-12-08T02:00:00.000Z')).body.id, serviceId: service.id }, { token: u.token });
    await setClock(api, '2026-12-07T03:00:00.000Z');
    await api.post('/api/admin/jobs/no-show-sweep/run', undefined, { token: await adminToken(api) });
    const appeal = await api.post(`/api/me/no-shows/${missed.body.id}/appeal`, { reason: '当天高速封路，无法按时到达' }, { token: (await refreshed(api, u)).token });
    const record = (await api.get('/api/me/no-shows', { token: u.token })).body.find((r: { bookingId: string }) => r.bookingId === missed.body.id);
    sameAsRead('POST /me/no-shows/:id/appeal', appeal, record.appeal);

    await setClock(api, '2026-12-08T01:50:00.000Z');
    expect((await api.post('/api/staff/bookings/check-in', { code: served.body.code }, { token: (await staffToken(api)).token })).status).toBe(200);
    const rating = await api.post('/api/ratings', { targetType: 'booking', targetId: served.body.id, score: 2, tags: ['等候时间长'], comment: '排队太久' }, { token: (await refreshed(api, u)).token });
    sameAsRead('POST /ratings', rating, byId((await api.get('/api/ratings', { token: u.token })).body, rating.body.id));
  });

  it('off-hours requests, authorisations, enterprises and their members', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    const [u, agent] = [await citizen(), await citizen()];
    const off = await api.post('/api/offhours-requests', { serviceId: service.id, hallId: staff.hallId, preferredStart: '2026-12-12T02:00:00.000Z', preferredEnd: '2026-12-12T03:00:00.000Z', note: '上班时间无法请假' }, { token: u.token });
    sameAsRead('POST /offhours-requests', off, (await api.get(`/api/offhours-requests/${off.body.id}`, { token: u.token })).body);

    const auth = await api.post('/api/authorizations', { principal: { type: 'person', id: u.user.id }, agentPhone: agent.phone, serviceIds: [service.id], validFrom: '2026-12-07', validTo: '2026-12-31' }, { token: u.token });
    sameAsRead('POST /authorizations', auth, byId((await api.get('/api/authorizations', { token: u.token })).body, auth.body.id));

    const company = await api.post('/api/enterprises', { name: '清河市视图一致科技有限公司', creditCode: validCreditCode(), legalRepName: VERIFIED_NAME }, { token: u.token });
    sameAsRead('POST /enterprises', company, (await api.get(`/api/enterprises/${company.body.id}`, { token: u.token })).body);

    const added = await api.post(`/api/enterprises/${company.body.id}/members`, { phone: agent.phone, role: 'handler' }, { token: u.token });
    sameAsRead('POST /enterprises/:id/members', added, (await api.get(`/api/enterprises/${company.body.id}`, { token: u.token })).body);
  });

  it('applications, their files and credit commitments', async () => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    const u = await citizen();
    const svc = await createService(api, admin, {
      hallIds: [staff.hallId],
      materials: [
        { name: '申请书', required: true, tolerable: false },
        { name: '房屋租赁合同', required: true, tolerable: true },
      ],
    });
    const app = await api.post('/api/applications', { serviceId: svc.id }, { token: u.token });
    sameAsRead('POST /applications', app, (await api.get(`/api/applications/${app.body.id}`, { token: u.token })).body);

    const [form, lease] = app.body.materials as Array<{ materialId: string }>;
    const fd = new FormData();
    fd.append('file', new Blob([Buffer.from(`%PDF-1.4\n% view check\n%%EOF\n`)], { type: 'application/pdf' }), '申请书.pdf');
    const res = await fetch(`${t.url}/api/applications/${app.body.id}/materials/${form.materialId}/files`, { method: 'POST', body: fd, headers: { authorization: `Bearer ${u.token}` } });
    const file = { status: res.status, text: '', body: (await res.json()) as Record<string, unknown> };
    const shownFiles = (await api.get(`/api/applications/${app.body.id}`, { token: u.token })).body.materials.find((m: { materialId: string }) => m.materialId === form.materialId).files;
    sameAsRead('POST /applications/:id/materials/:materialId/files', file, byId(shownFiles, file.body.id as string));
    expect(await uploadPdf(t.url, u.token, app.body.id, form.materialId)).toBe(201);

    const promised = await api.post(`/api/applications/${app.body.id}/commitment`, { materialIds: [lease.materialId] }, { token: u.token });
    sameAsRead('POST /applications/:id/commitment', promised, (await api.get(`/api/applications/${app.body.id}`, { token: u.token })).body);
  });
});
