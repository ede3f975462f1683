import { expectErrorShape, signIn } from './helpers/http';
import { adminToken, refreshed, Session, setClock, staffToken, supervisorToken, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

/** 错时 / 预约办 (DESIGN.md, Off-hours service). */
describe('off-hours requests', () => {
  const f = useTestApp({ now: '2026-11-23T02:00:00.000Z' }); // Monday 10:00
  const api = f.api;
  let hallId: string;
  let service: { id: string };

  beforeAll(() => ({ hallId, service } = f.world));

  const ask = (token: string, start: string, end: string, note = '白天上班，希望下班后办理') =>
    api.post('/api/offhours-requests', { serviceId: service.id, hallId, preferredStart: start, preferredEnd: end, note }, { token });

  it('needs one working day of notice: Friday for Saturday is fine, Wednesday morning for Wednesday evening is not', async () => {
    await setClock(api, '2026-11-25T01:00:00.000Z'); // Wednesday 09:00
    const u = (await verifiedCitizen(api)) as Session;
    const same = await ask(u.token, '2026-11-25T10:00:00.000Z', '2026-11-25T11:00:00.000Z'); // Wednesday 18:00
    expectErrorShape(same, 409, 'NOTICE_TOO_SHORT');
    // closing time (17:00, the hall's hours) of Tuesday, not midnight
    expect(same.body.details).toMatchObject({ deadline: '2026-11-24T09:00:00.000Z', date: '2026-11-24' });
    expect(same.body.message).toContain('2026-11-24 17:00');
    await setClock(api, '2026-11-27T08:59:00.000Z'); // Friday 16:59
    const sat = await ask((await refreshed(api, u)).token, '2026-11-28T02:00:00.000Z', '2026-11-28T03:00:00.000Z');
    expect(sat.status).toBe(201);
    expect(sat.body).toMatchObject({ status: 'pending', serviceId: service.id, hallId });
  });

  it('counts the notice across the National Day holiday', async () => {
    await setClock(api, '2026-10-01T02:00:00.000Z'); // 1 October, a holiday
    const u = (await verifiedCitizen(api)) as Session;
    // for Monday 5 October the last working day before is 30 September: too late now
    expectErrorShape(await ask(u.token, '2026-10-05T02:00:00.000Z', '2026-10-05T03:00:00.000Z'), 409, 'NOTICE_TOO_SHORT');
    await setClock(api, '2026-09-30T08:00:00.000Z'); // Wednesday 30 September 16:00
    expect((await ask((await refreshed(api, u)).token, '2026-10-05T02:00:00.000Z', '2026-10-05T03:00:00.000Z')).status).toBe(201);
  });

  it('is for times outside office hours, by verified people', async () => {
    await setClock(api, '2026-11-23T02:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const office = await ask(u.token, '2026-11-26T02:00:00.000Z', '2026-11-26T03:00:00.000Z'); // Thursday 10:00
    expectErrorShape(office, 400, 'VALIDATION_FAILED');
    expect(office.body.message).toContain('工作时间');
    const anon = await signIn(api);
    expectErrorShape(await ask(anon.accessToken, '2026-11-28T02:00:00.000Z', '2026-11-28T03:00:00.000Z'), 403, 'REAL_NAME_REQUIRED');
  });

  it('refuses a span that overlaps office hours anywhere, not only at its start, naming the field that lies in them', async () => {
    await setClock(api, '2026-11-23T02:00:00.000Z'); // Monday 10:00
    const u = (await verifiedCitizen(api)) as Session;
    const field = (a: { body: { details: { fields: Array<{ field: string; message: string }> } } }) => a.body.details.fields[0];
    const HOURS = '所选时间与工作时间（9:00–12:00、13:30–17:00）重叠，请直接预约工作时间的号源';
    // Wednesday 08:00–10:00: starts before 9:00 and runs into the morning window
    const early = await ask(u.token, '2026-11-25T00:00:00.000Z', '2026-11-25T02:00:00.000Z');
    expectErrorShape(early, 400, 'VALIDATION_FAILED');
    expect(field(early)).toEqual({ field: 'preferredEnd', message: HOURS });
    expect(early.body.message).toBe(HOURS);
    // Wednesday 11:30–12:30: starts inside the morning window
    const noon = await ask(u.token, '2026-11-25T03:30:00.000Z', '2026-11-25T04:30:00.000Z');
    expectErrorShape(noon, 400, 'VALIDATION_FAILED');
    expect(field(noon).field).toBe('preferredStart');
    // Wednesday 12:30–14:00 runs into the afternoon window
    expect(field(await ask(u.token, '2026-11-25T04:30:00.000Z', '2026-11-25T06:00:00.000Z')).field).toBe('preferredEnd');
    // the whole lunch break 12:00–13:30, and 17:00–18:00, are off-hours
    expect((await ask(u.token, '2026-11-25T04:00:00.000Z', '2026-11-25T05:30:00.000Z')).status).toBe(201);
    expect((await ask(u.token, '2026-11-26T09:00:00.000Z', '2026-11-26T10:00:00.000Z')).status).toBe(201);
    expect((await api.get('/api/offhours-requests', { token: u.token })).body).toHaveLength(2);
  });

  it('a swapped working Saturday (调休, 2026-10-10) has office hours; a holiday has none', async () => {
    await setClock(api, '2026-09-29T02:00:00.000Z'); // Tuesday 29 September
    const u = (await verifiedCitizen(api)) as Session;
    const swapped = await ask(u.token, '2026-10-10T02:00:00.000Z', '2026-10-10T03:00:00.000Z'); // Saturday 10:00, a working day
    expectErrorShape(swapped, 400, 'VALIDATION_FAILED');
    expect(swapped.body.details.fields[0].field).toBe('preferredStart');
    expect((await ask(u.token, '2026-10-10T10:00:00.000Z', '2026-10-10T11:00:00.000Z')).status).toBe(201); // 18:00 that Saturday
    expect((await ask(u.token, '2026-10-03T02:00:00.000Z', '2026-10-03T04:00:00.000Z')).status).toBe(201); // 10:00 on a National Day holiday
  });

  it('staff may not confirm a time that overlaps office hours', async () => {
    await setClock(api, '2026-11-23T02:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const staff = (await staffToken(api)).token;
    const r = await ask(u.token, '2026-11-24T10:00:00.000Z', '2026-11-24T11:00:00.000Z'); // Tuesday 18:00
    expect(r.status).toBe(201);
    const confirm = (start: string, end: string) => api.post(`/api/staff/offhours-requests/${r.body.id}/confirm`, { start, end, staffName: '王窗口' }, { token: staff });
    const into = await confirm('2026-11-24T08:30:00.000Z', '2026-11-24T09:30:00.000Z'); // 16:30–17:30
    expectErrorShape(into, 400, 'VALIDATION_FAILED');
    expect(into.body.details.fields[0]).toMatchObject({ field: 'start', message: expect.stringContaining('13:30–17:00') });
    expect(into.body.message).toContain('重叠');
    expect((await api.get(`/api/offhours-requests/${r.body.id}`, { token: u.token })).body.status).toBe('pending');
    expect((await confirm('2026-11-24T09:00:00.000Z', '2026-11-24T10:00:00.000Z')).status).toBe(200); // 17:00–18:00
  });

  it('staff confirm with a time and a staff member: it becomes an off-hours booking; or refuse with a reason', async () => {
    await setClock(api, '2026-11-23T02:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const staff = (await staffToken(api)).token;
    const a = await ask(u.token, '2026-11-28T02:00:00.000Z', '2026-11-28T03:00:00.000Z');
    const b = await ask(u.token, '2026-11-24T11:00:00.000Z', '2026-11-24T12:00:00.000Z'); // Tuesday 19:00
    expect([a.status, b.status]).toEqual([201, 201]);

    const pending = await api.get('/api/staff/offhours-requests?status=pending', { token: staff });
    expect(pending.body.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([a.body.id, b.body.id]));
    expect(pending.body.find((r: { id: string }) => r.id === a.body.id)).toMatchObject({ serviceName: expect.any(String), hallName: expect.stringContaining('政务服务中心') });

    const confirmed = await api.post(
      `/api/staff/offhours-requests/${a.body.id}/confirm`,
      { start: '2026-11-28T02:00:00.000Z', end: '2026-11-28T02:30:00.000Z', staffName: '王窗口' },
      { token: staff },
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    const mine = await api.get(`/api/offhours-requests/${a.body.id}`, { token: u.token });
    expect(mine.body.bookingId).toBeTruthy();
    const booking = await api.get(`/api/bookings/${mine.body.bookingId}`, { token: u.token });
    expect(booking.body).toMatchObject({ kind: 'offhours', status: 'booked', hallId });
    expectErrorShape(await api.post(`/api/staff/offhours-requests/${a.body.id}/confirm`, { start: '2026-11-28T02:00:00.000Z', end: '2026-11-28T02:30:00.000Z', staffName: '王窗口' }, { token: staff }), 409, 'INVALID_STATE');

    expectErrorShape(await api.post(`/api/staff/offhours-requests/${b.body.id}/refuse`, { reason: '' }, { token: staff }), 400, 'VALIDATION_FAILED');
    const refused = await api.post(`/api/staff/offhours-requests/${b.body.id}/refuse`, { reason: 'onsite_inspection', note: '该事项需现场联合踏勘' }, { token: staff });
    expect(refused.body).toMatchObject({ status: 'refused', refuseReasonCode: 'onsite_inspection', refuseReason: '需现场勘验或核查，约定时间内无法完成：该事项需现场联合踏勘' });
    const msgs = (await api.get('/api/messages', { token: u.token })).body as Array<{ type: string; body: string }>;
    expect(msgs.map((m) => m.type)).toEqual(expect.arrayContaining(['offhours_confirmed', 'offhours_refused']));
    expect(msgs.find((m) => m.type === 'offhours_refused')!.body).toContain('联合踏勘');

    const stranger = await signIn(api);
    expectErrorShape(await api.get(`/api/offhours-requests/${a.body.id}`, { token: stranger.accessToken }), 404, 'NOT_FOUND');
    expectErrorShape(await api.post(`/api/staff/offhours-requests/${b.body.id}/refuse`, { reason: 'other', note: '不行不行' }, { token: stranger.accessToken }), 403, 'FORBIDDEN');
  });

  it('the applicant may withdraw a pending request', async () => {
    await setClock(api, '2026-11-23T02:00:00.000Z');
    const u = (await verifiedCitizen(api)) as Session;
    const a = await ask(u.token, '2026-11-28T02:00:00.000Z', '2026-11-28T03:00:00.000Z');
    const c = await api.post(`/api/offhours-requests/${a.body.id}/cancel`, undefined, { token: u.token });
    expect(c.body.status).toBe('cancelled');
    expectErrorShape(await api.post(`/api/offhours-requests/${a.body.id}/cancel`, undefined, { token: u.token }), 409, 'INVALID_STATE');
    expect((await api.get('/api/offhours-requests', { token: u.token })).body[0].status).toBe('cancelled');
  });

  describe('as 罗山 预约办 says (issue 15)', () => {
    const policyUrl = () => `/api/admin/halls/${hallId}/policy`;
    const confirmBody = { start: '2026-11-28T02:00:00.000Z', end: '2026-11-28T03:00:00.000Z', staffName: '王窗口' };
    const messages = async (u: Session) => (await api.get('/api/messages', { token: u.token })).body as Array<{ type: string; body: string; link: string }>;

    it('takes requests until the HALL’s closing time of the last working day before, and checks its own office hours', async () => {
      const admin = await adminToken(api);
      const before = (await api.get(policyUrl(), { token: admin })).body;
      // this hall: Monday–Thursday 8:30–12:00 and 14:30–18:00, Friday 8:30–11:30
      const hours = [1, 2, 3, 4].flatMap((weekday) => [{ weekday, start: '08:30', end: '12:00' }, { weekday, start: '14:30', end: '18:00' }]).concat([{ weekday: 5, start: '08:30', end: '11:30' }]);
      expect((await api.put(policyUrl(), { noShowGraceMinutes: before.noShowGraceMinutes, noShowContactRequired: before.noShowContactRequired, openingHours: hours }, { token: admin })).status).toBe(200);
      try {
        await setClock(api, '2026-11-27T03:31:00.000Z'); // Friday 11:31: the hall closed at 11:30
        const u = (await verifiedCitizen(api)) as Session;
        const late = await ask(u.token, '2026-11-29T02:00:00.000Z', '2026-11-29T03:00:00.000Z'); // Sunday 10:00, across the weekend
        expectErrorShape(late, 409, 'NOTICE_TOO_SHORT');
        expect(late.body.details.deadline).toBe('2026-11-27T03:30:00.000Z');
        expect(late.body.message).toContain('2026-11-27 11:30');
        await setClock(api, '2026-11-27T03:30:00.000Z'); // Friday 11:30 exactly: in time
        const ok = await ask((await refreshed(api, u)).token, '2026-11-29T02:00:00.000Z', '2026-11-29T03:00:00.000Z');
        expect(ok.status).toBe(201);
        // Friday 14:00 is off-hours at this hall; Monday 17:00–18:30 meets its 14:30–18:00
        await setClock(api, '2026-11-23T02:00:00.000Z');
        const v = (await verifiedCitizen(api)) as Session;
        const monday = await ask(v.token, '2026-11-30T09:00:00.000Z', '2026-11-30T10:30:00.000Z');
        expectErrorShape(monday, 400, 'VALIDATION_FAILED');
        expect(monday.body.message).toContain('14:30–18:00');
        expect((await ask(v.token, '2026-11-27T06:00:00.000Z', '2026-11-27T07:00:00.000Z')).status).toBe(201);
      } finally {
        await api.put(policyUrl(), { noShowGraceMinutes: before.noShowGraceMinutes, noShowContactRequired: before.noShowContactRequired, openingHours: before.openingHours }, { token: await adminToken(api) });
      }
    });

    it('tells the applicant when staff must answer (one working day), and puts late ones on the supervisor’s list', async () => {
      await setClock(api, '2026-11-27T02:00:00.000Z'); // Friday 10:00
      const u = (await verifiedCitizen(api)) as Session;
      const r = await ask(u.token, '2026-12-02T10:00:00.000Z', '2026-12-02T11:00:00.000Z'); // next Wednesday 18:00
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ status: 'pending', replyBy: '2026-11-30T09:00:00.000Z', overdue: false }); // Monday 17:00, the weekend skipped
      const supervisor = async () => (await supervisorToken(api)).token;
      const list = async () => (await api.get('/api/staff/supervision/offhours-requests', { token: await supervisor() })).body as Array<{ id: string; overdue: boolean; applicantName: string }>;
      await setClock(api, '2026-11-30T08:59:00.000Z'); // Monday 16:59: not late yet
      expect((await list()).map((x) => x.id)).not.toContain(r.body.id);
      await setClock(api, '2026-11-30T09:01:00.000Z'); // Monday 17:01
      const late = (await list()).find((x) => x.id === r.body.id);
      expect(late).toMatchObject({ overdue: true, applicantName: expect.stringContaining('*') });
      expect((await api.get(`/api/offhours-requests/${r.body.id}`, { token: (await refreshed(api, u)).token })).body.overdue).toBe(true);
      expectErrorShape(await api.get('/api/staff/supervision/offhours-requests', { token: u.token }), 403, 'FORBIDDEN');
      expectErrorShape(await api.get('/api/staff/supervision/offhours-requests', { token: (await staffToken(api)).token }), 403, 'FORBIDDEN'); // a window clerk
      expect((await api.get('/api/staff/supervision', { token: await supervisor() })).body.offhoursRequests.map((x: { id: string }) => x.id)).toContain(r.body.id);
      // 督办: the scan puts it before the hall's supervisor once, and tells the applicant just that
      const scan = async () => (await api.post('/api/admin/jobs/sla-scan/run', undefined, { token: await adminToken(api) })).body.offhoursEscalated as number;
      expect(await scan()).toBeGreaterThanOrEqual(1);
      expect(await scan()).toBe(0);
      const staffInbox = (await api.get('/api/messages', { token: await supervisor() })).body as Array<{ title: string }>;
      expect(staffInbox.filter((m) => m.title === '督办：错时预约申请超时未答复').length).toBeGreaterThanOrEqual(1);
      const mine = ((await api.get('/api/messages', { token: (await refreshed(api, u)).token })).body as Array<{ title: string; body: string }>).filter((m) => m.title === '错时预约申请超时未答复');
      expect(mine).toHaveLength(1);
      expect(mine[0].body).toContain('大厅督办人员');
      // answered: off the list
      const staff = (await staffToken(api)).token;
      expect((await api.post(`/api/staff/offhours-requests/${r.body.id}/refuse`, { reason: 'system_unavailable' }, { token: staff })).status).toBe(200);
      expect((await list()).map((x) => x.id)).not.toContain(r.body.id);
    });

    it('confirms naming the materials to bring: the guide’s list and the staff’s note, in the request and the message', async () => {
      await setClock(api, '2026-11-23T02:00:00.000Z');
      const u = (await verifiedCitizen(api)) as Session;
      const r = await ask(u.token, '2026-11-28T02:00:00.000Z', '2026-11-28T03:00:00.000Z');
      const guide = (await api.get(`/api/services/${service.id}`)).body as { materials: Array<{ name: string }> };
      expect(guide.materials.length).toBeGreaterThan(0);
      const staff = (await staffToken(api)).token;
      const c = await api.post(`/api/staff/offhours-requests/${r.body.id}/confirm`, { ...confirmBody, materialsNote: '另带户口本原件' }, { token: staff });
      expect(c.status).toBe(200);
      expect(c.body.materialsNote).toBe('另带户口本原件');
      const mine = (await api.get(`/api/offhours-requests/${r.body.id}`, { token: u.token })).body;
      expect(mine.materials).toHaveLength(guide.materials.length);
      expect(mine.materials[0]).toContain(guide.materials[0].name);
      const m = (await messages(u)).find((x) => x.type === 'offhours_confirmed')!;
      expect(m.body).toContain('请携带');
      expect(m.body).toContain(guide.materials[0].name);
      expect(m.body).toContain('另带户口本原件');
    });

    it('expires an unanswered request once its date has passed and tells the applicant, once', async () => {
      await setClock(api, '2026-11-23T02:00:00.000Z');
      const u = (await verifiedCitizen(api)) as Session;
      const r = await ask(u.token, '2026-11-28T10:00:00.000Z', '2026-11-28T11:00:00.000Z'); // Saturday 18:00
      const run = async () => (await api.post('/api/admin/jobs/offhours-expiry/run', undefined, { token: await adminToken(api) })).body as { expired: number };
      await setClock(api, '2026-11-28T15:59:00.000Z'); // Saturday 23:59: still its date
      await run();
      expect((await api.get(`/api/offhours-requests/${r.body.id}`, { token: (await refreshed(api, u)).token })).body.status).toBe('pending');
      await setClock(api, '2026-11-28T16:00:30.000Z'); // Sunday 00:00:30
      // three runs at once (as three instances' timers): each request is expired and told once
      const pending = (await api.get('/api/staff/offhours-requests?status=pending', { token: await adminToken(api) })).body as Array<{ preferredStart: string }>;
      const due = pending.filter((p) => p.preferredStart < '2026-11-28T16:00:00.000Z').length;
      expect(due).toBeGreaterThanOrEqual(1);
      const runs = await Promise.all([run(), run(), run()]);
      expect(runs.reduce((n, r) => n + r.expired, 0)).toBe(due);
      expect((await run()).expired).toBe(0);
      const t = (await refreshed(api, u)).token;
      expect((await api.get(`/api/offhours-requests/${r.body.id}`, { token: t })).body.status).toBe('expired');
      const told = ((await api.get('/api/messages', { token: t })).body as Array<{ type: string; body: string; link: string }>).filter((m) => m.type === 'offhours_expired');
      expect(told).toHaveLength(1);
      expect(told[0].body).toContain('未获大厅答复');
      expect(told[0].link).toContain(r.body.id);
      const staff = (await staffToken(api)).token;
      expectErrorShape(await api.post(`/api/staff/offhours-requests/${r.body.id}/confirm`, { ...confirmBody, start: '2026-12-05T10:00:00.000Z', end: '2026-12-05T11:00:00.000Z' }, { token: staff }), 409, 'INVALID_STATE');
    });

    it('refuses only with a reason from the list (none for a non-working day), plus free text', async () => {
      await setClock(api, '2026-11-23T02:00:00.000Z');
      const u = (await verifiedCitizen(api)) as Session;
      const r = await ask(u.token, '2026-11-28T02:00:00.000Z', '2026-11-28T03:00:00.000Z');
      const staff = (await staffToken(api)).token;
      const refuse = (body: Record<string, unknown>) => api.post(`/api/staff/offhours-requests/${r.body.id}/refuse`, body, { token: staff });
      expectErrorShape(await refuse({ reason: '周六不上班' }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await refuse({ reason: 'non_working_day' }), 400, 'VALIDATION_FAILED');
      const other = await refuse({ reason: 'other' });
      expectErrorShape(other, 400, 'VALIDATION_FAILED');
      expect(other.body.details.fields[0].field).toBe('note');
      expect((await api.get(`/api/offhours-requests/${r.body.id}`, { token: u.token })).body.status).toBe('pending');
      const ok = await refuse({ reason: 'other', note: '该时段大厅停电检修' });
      expect(ok.body).toMatchObject({ status: 'refused', refuseReasonCode: 'other', refuseReason: '其他原因：该时段大厅停电检修' });
      expect((await messages(u)).find((m) => m.type === 'offhours_refused')!.body).toContain('该时段大厅停电检修');
    });

    it('keeps requests and confirmations inside the booking horizon', async () => {
      await setClock(api, '2026-11-23T02:00:00.000Z'); // Monday; horizon through 7 December
      const u = (await verifiedCitizen(api)) as Session;
      expectErrorShape(await ask(u.token, '2026-12-12T02:00:00.000Z', '2026-12-12T03:00:00.000Z'), 409, 'SLOT_NOT_BOOKABLE');
      const r = await ask(u.token, '2026-11-28T02:00:00.000Z', '2026-11-28T03:00:00.000Z');
      const staff = (await staffToken(api)).token;
      const far = await api.post(`/api/staff/offhours-requests/${r.body.id}/confirm`, { ...confirmBody, start: '2026-12-12T02:00:00.000Z', end: '2026-12-12T03:00:00.000Z' }, { token: staff });
      expectErrorShape(far, 409, 'SLOT_NOT_BOOKABLE');
      expect((await api.get(`/api/offhours-requests/${r.body.id}`, { token: u.token })).body.status).toBe('pending');
    });
  });
});
