import { expectErrorShape, signIn } from './helpers/http';
import { refreshed, Session, setClock, staffToken, verifiedCitizen } from './helpers/world';
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
    expect(same.body.details.deadline).toBe('2026-11-24');
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
    const refused = await api.post(`/api/staff/offhours-requests/${b.body.id}/refuse`, { reason: '该事项需现场联合踏勘，请于工作日办理' }, { token: staff });
    expect(refused.body).toMatchObject({ status: 'refused', refuseReason: '该事项需现场联合踏勘，请于工作日办理' });
    const msgs = (await api.get('/api/messages', { token: u.token })).body as Array<{ type: string; body: string }>;
    expect(msgs.map((m) => m.type)).toEqual(expect.arrayContaining(['offhours_confirmed', 'offhours_refused']));
    expect(msgs.find((m) => m.type === 'offhours_refused')!.body).toContain('联合踏勘');

    const stranger = await signIn(api);
    expectErrorShape(await api.get(`/api/offhours-requests/${a.body.id}`, { token: stranger.accessToken }), 404, 'NOT_FOUND');
    expectErrorShape(await api.post(`/api/staff/offhours-requests/${b.body.id}/refuse`, { reason: '不行不行' }, { token: stranger.accessToken }), 403, 'FORBIDDEN');
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
});
