import { expectErrorShape, staffSignIn } from './helpers/http';
import { useTestApp } from '../../test/support/fixture';
import { ADMIN, refreshed, Session, setClock, uploadPdf, verifiedCitizen } from './helpers/world';

/**
 * 同城通办 / 跨层联办 (DESIGN.md, Across halls and departments; 罗山 同城通办 四): the demo town station
 * 青石镇 accepts a filing for a service only the county centre handles and forwards it; the county
 * receives it late (after the National Day holiday, both halls' supervisors told), its reviewer
 * decides, the result travels back and is collected at the station. Transit time is not counted:
 * the due date is the promised working days plus the working days in transit, across the holiday
 * and the 调休 Saturday.
 */
describe('同城通办: a town station forwards to the county, and the result comes back', () => {
  const TUESDAY = '2026-09-29T01:00:00.000Z'; // Tuesday 29 September 2026, 09:00 in Shanghai
  const f = useTestApp({ now: TUESDAY });
  const api = f.api;
  const PASSWORD = 'Staff@2026';

  const login = async (username: string) => (await staffSignIn(api, username, PASSWORD)).accessToken;
  const inbox = async (token: string) => (await api.get('/api/messages', { token })).body as Array<{ title: string; body: string }>;
  const hall = async (name: string) => {
    const h = ((await api.get('/api/halls')).body as Array<{ id: string; name: string; level: string; parentId: string | null }>).find((x) => x.name === name);
    if (!h) throw new Error(`no hall ${name}`);
    return h;
  };
  const scan = async () => (await api.post('/api/admin/jobs/sla-scan/run', undefined, { token: (await staffSignIn(api, ADMIN.username, ADMIN.password)).accessToken })).body as Record<string, number>;

  it('pauses the clock in transit, tells both supervisors of the late reception, and is due exactly the promised days plus the transit days', async () => {
    const [city, county, station] = await Promise.all([hall('清河市政务服务中心'), hall('云溪县政务服务中心'), hall('云溪县青石镇便民服务站')]);
    // the chain: station → county → city
    expect([station.level, station.parentId, county.parentId, city.parentId]).toEqual(['town', county.id, city.id, null]);

    const found = (await api.get(`/api/services?q=${encodeURIComponent('占用、挖掘县乡公路许可')}&pageSize=5`)).body.items as Array<{ id: string; name: string; promisedDays: number }>;
    const service = found.find((s) => s.name === '占用、挖掘县乡公路许可')!;
    const guide = (await api.get(`/api/services/${service.id}`)).body as { halls: Array<{ id: string }>; promisedDays: number; materials: Array<{ id: string; required: boolean }> };
    expect(guide.halls.map((h) => h.id)).toEqual([county.id]); // only the county handles it
    expect(guide.promisedDays).toBe(5);

    // the applicant files at the station, which does not handle it but is of the same city chain
    const u = (await verifiedCitizen(api)) as Session;
    const created = await api.post('/api/applications', { serviceId: service.id, hallId: station.id }, { token: u.token });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const m of guide.materials) expect(await uploadPdf(api, u.token, id, m.id)).toBe(201);
    expect((await api.post(`/api/applications/${id}/submit`, undefined, { token: u.token })).status).toBe(200);

    // the station's window pre-reviews and accepts: the promised 5 working days run from Tuesday
    const stationClerk = await login('staff04');
    const decisions = guide.materials.map((m) => ({ materialId: m.id, ok: true, reason: null }));
    expect((await api.post(`/api/staff/applications/${id}/prereview`, { decisions }, { token: stationClerk })).status).toBe(200);
    const accepted = await api.post(`/api/staff/applications/${id}/accept`, undefined, { token: stationClerk });
    expect(accepted.status).toBe(200);
    // 30 Sep, 8 Oct, 9 Oct, Saturday 10 Oct (调休), 12 Oct
    expect(accepted.body.dueAt).toBe('2026-10-12T15:59:59.999Z');
    expect(accepted.body.forwardTargets).toEqual([{ id: county.id, name: county.name, level: 'county' }]);
    // the staff filing page reads the detail: it offers the same hall
    expect((await api.get(`/api/applications/${id}`, { token: stationClerk })).body.forwardTargets).toEqual(accepted.body.forwardTargets);

    // only the competent hall of the chain
    expectErrorShape(await api.post(`/api/staff/applications/${id}/forward`, { hallId: city.id }, { token: stationClerk }), 400, 'VALIDATION_FAILED');
    const sent = await api.post(`/api/staff/applications/${id}/forward`, { hallId: county.id }, { token: stationClerk });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'forwarding', statusLabel: '转办中', clockPaused: true, sla: null });
    expect(sent.body.transfer).toMatchObject({ filedHallId: station.id, competentHallId: county.id, receiveBy: '2026-09-30', late: false, pausedDays: 0 });
    // the station sees it still but cannot take it in; the county can
    expect((await api.get(`/api/applications/${id}`, { token: stationClerk })).status).toBe(200);
    expectErrorShape(await api.post(`/api/staff/applications/${id}/receive`, undefined, { token: stationClerk }), 404, 'NOT_FOUND');
    const mine = (await api.get(`/api/applications/${id}`, { token: u.token })).body;
    expect(mine).toMatchObject({ status: 'forwarding', statusLabel: '转办中', clockPaused: true });
    expect(mine.timeline.at(-1)).toMatchObject({ action: 'forward', status: 'forwarding' });
    expect(mine.timeline.at(-1).note).toContain('计时暂停');
    expect((await inbox(u.token)).some((m) => m.title === '办件已转办' && m.body.includes('云溪县政务服务中心'))).toBe(true);

    // nobody at the county takes it on Wednesday; the National Day holiday follows (1–7 October)
    await setClock(api, '2026-09-30T08:00:00.000Z');
    expect((await scan()).transfersLate).toBe(0); // Wednesday is still its day
    await setClock(api, '2026-10-08T00:30:00.000Z'); // Thursday 8 October, 08:30
    expect((await scan()).transfersLate).toBe(1);
    expect((await scan()).transfersLate).toBe(0); // once
    const told = async (username: string) => (await inbox(await login(username))).filter((m) => m.title === '督办：转办超时未接收' && m.body.includes(created.body.number));
    expect(await told('duban04')).toHaveLength(1); // the station's supervisor
    expect(await told('duban02')).toHaveLength(1); // the county's supervisor
    expect(await told('duban01')).toHaveLength(0); // the city's is not concerned
    const board = (await api.get('/api/staff/supervision', { token: await login('duban04') })).body as { lateTransfers: Array<{ id: string; transfer: { late: boolean; receiveBy: string } }> };
    expect(board.lateTransfers.find((x) => x.id === id)?.transfer).toMatchObject({ late: true, receiveBy: '2026-09-30' });

    // the county takes it in (late): 30 September and 8 October were in transit, so two working days more
    const countyClerk = await login('staff02');
    const received = await api.post(`/api/staff/applications/${id}/receive`, undefined, { token: countyClerk });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ status: 'accepted', clockPaused: false, hallId: county.id });
    expect(received.body.transfer).toMatchObject({ receiveBy: null, pausedDays: 2 });
    // the promised 5 working days from Tuesday (12 October) plus 2: 13 and 14 October
    expect(received.body.dueAt).toBe('2026-10-14T15:59:59.999Z');
    expect(received.body.timeline.at(-1).note).toContain('在途 2 个工作日不计入承诺时限');
    expect((await api.get('/api/staff/supervision', { token: await login('duban04') })).body.lateTransfers.some((x: { id: string }) => x.id === id)).toBe(false);

    // 受审分离 at the county: its transport reviewer decides, not the window that received it
    const countyReviewer = await login('review02.transport');
    expectErrorShape(await api.post(`/api/staff/applications/${id}/advance`, { to: 'under_review' }, { token: countyClerk }), 403, 'FORBIDDEN');
    expect((await api.post(`/api/staff/applications/${id}/advance`, { to: 'under_review' }, { token: countyReviewer })).status).toBe(200);
    await setClock(api, '2026-10-09T02:00:00.000Z'); // Friday
    const reviewerNow = await login('review02.transport');
    const approved = await api.post(`/api/staff/applications/${id}/advance`, { to: 'approved', note: '施工方案和交通疏导措施符合要求，准予占用' }, { token: reviewerNow });
    expect(approved.status).toBe(200);
    expect(approved.body.sla).toBe('on_track');

    // the result travels back to the station, and only there
    const countyNow = await login('staff02');
    expectErrorShape(await api.post(`/api/staff/applications/${id}/forward`, { hallId: city.id }, { token: countyNow }), 400, 'VALIDATION_FAILED');
    const back = await api.post(`/api/staff/applications/${id}/forward`, { hallId: station.id }, { token: countyNow });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'returning', statusLabel: '结果回传中', clockPaused: true });
    expect(back.body.transfer.receiveBy).toBe('2026-10-10'); // the 调休 Saturday is a working day

    // the station takes it back on that Saturday, in time, and hands it over at its window
    await setClock(api, '2026-10-10T01:30:00.000Z');
    const stationNow = await login('staff04');
    const home = await api.post(`/api/staff/applications/${id}/receive`, undefined, { token: stationNow });
    expect(home.status).toBe(200);
    expect(home.body).toMatchObject({ status: 'approved', hallId: station.id, clockPaused: false });
    const ready = await api.post(`/api/staff/applications/${id}/deliver`, { method: 'window' }, { token: stationNow });
    expect(ready.body.status).toBe('ready_for_pickup');
    expect(ready.body.delivery.pickup.place).toContain('云溪县青石镇便民服务站');
    expect((await api.post(`/api/staff/applications/${id}/deliver`, { method: 'window' }, { token: stationNow })).body.status).toBe('delivered');
    expect((await scan()).transfersLate).toBe(0);

    // what the applicant sees at the end
    const end = (await api.get(`/api/applications/${id}`, { token: (await refreshed(api, u)).token })).body;
    expect(end).toMatchObject({ status: 'delivered', dueAt: '2026-10-14T15:59:59.999Z', sla: 'on_track', clockPaused: false });
    expect(end.transfer).toMatchObject({ filedHallName: '云溪县青石镇便民服务站', competentHallName: '云溪县政务服务中心', pausedDays: 2 });
    expect((end.timeline as Array<{ action: string }>).map((e) => e.action)).toEqual([
      'create',
      'submit',
      'pass',
      'accept',
      'forward',
      'receive',
      'start_review',
      'approve',
      'send_back',
      'receive_approved',
      'ready',
      'deliver',
    ]);
  });

  it('refuses a filing at a hall outside the chain, and a forward by anyone but the hall holding it', async () => {
    await setClock(api, TUESDAY);
    const admin = (await staffSignIn(api, ADMIN.username, ADMIN.password)).accessToken;
    const far = await api.post('/api/admin/halls', { name: '远方市政务服务中心', address: '远方市人民路1号', phone: '0371-12345678', hours: '周一至周五 9:00-17:00', level: 'city' }, { token: admin });
    expect(far.status).toBe(201);
    const found = (await api.get(`/api/services?q=${encodeURIComponent('临时救助申请')}&pageSize=5`)).body.items as Array<{ id: string; name: string }>;
    const service = found.find((s) => s.name === '临时救助申请')!;
    const u = (await verifiedCitizen(api)) as Session;
    expectErrorShape(await api.post('/api/applications', { serviceId: service.id, hallId: far.body.id }, { token: u.token }), 400, 'VALIDATION_FAILED');
    // the city centre is of the chain: it may accept for the county
    const city = await hall('清河市政务服务中心');
    const c = await api.post('/api/applications', { serviceId: service.id, hallId: city.id }, { token: u.token });
    expect(c.status).toBe(201);
    // a draft is nobody's to forward
    expectErrorShape(await api.post(`/api/staff/applications/${c.body.id}/forward`, { hallId: city.id }, { token: await login('staff02') }), 404, 'NOT_FOUND');
    expectErrorShape(await api.post(`/api/staff/applications/${c.body.id}/forward`, { hallId: city.id }, { token: u.token }), 403, 'FORBIDDEN');
  });
});
