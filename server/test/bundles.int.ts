import { expectErrorShape, staffSignIn } from './helpers/http';
import { useTestApp } from '../../test/support/fixture';
import { adminToken, refreshed, setClock, uploadPdf, verifiedCitizen } from './helpers/world';

/**
 * 一件事 bundles (DESIGN.md, Across halls and departments; 罗山 联合办理 六(二)): one application for
 * the demo 开办餐饮店 (营业执照, 食品经营许可, 公共场所卫生许可), one merged checklist, the parts
 * pre-reviewed and decided in parallel by their departments' reviewers, one combined notice, the
 * whole due with its slowest part, and a department that never answers deemed to agree when its
 * time ends (超时默认).
 */
describe('一件事 bundles', () => {
  const MONDAY = '2026-12-07T01:00:00.000Z'; // Monday 09:00 in Shanghai
  const f = useTestApp({ now: MONDAY });
  const api = f.api;
  const PASSWORD = 'Bundles2026x';

  type Part = { id: string; serviceName: string; departmentName: string; status: string; promisedDays: number; materialIds: string[]; dueAt: string | null; deemed: boolean; certificate: null | { type: string } };
  type Material = { materialId: string; name: string; required: boolean; serviceIds?: string[] };
  const login = async (username: string, password = 'Staff@2026') => (await staffSignIn(api, username, password)).accessToken;
  const shanghaiDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

  async function restaurant(): Promise<{ id: string; serviceIds: string[]; materials: Array<{ materialId: string; name: string; serviceIds: string[] }> }> {
    const list = (await api.get('/api/bundles')).body as Array<{ id: string; name: string; serviceIds: string[] }>;
    expect(list.map((b) => b.name)).toEqual(expect.arrayContaining(['开办餐饮店', '新生儿出生', '企业开办']));
    const b = list.find((x) => x.name === '开办餐饮店')!;
    return (await api.get(`/api/bundles/${b.id}`)).body;
  }

  it('lists each shared material once and leaves out the licence the bundle itself issues', async () => {
    const b = await restaurant();
    const names = b.materials.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    // 食品经营许可 and 公共场所卫生许可 both ask for the person in charge's ID: asked for once, for both
    const id = b.materials.filter((m) => m.name === '法定代表人（负责人）身份证件');
    expect(id).toHaveLength(1);
    expect(id[0].serviceIds).toEqual([b.serviceIds[1], b.serviceIds[2]]);
    // both also ask for the 营业执照, which the bundle's first part issues
    expect(names.some((n) => n.startsWith('营业执照'))).toBe(false);
    // unauthenticated visitors may read it; a wrong id is 404
    expectErrorShape(await api.get('/api/bundles/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });

  it('takes one application through one combined notice, parallel decisions and 超时默认, due on its slowest part', async () => {
    const admin = f.world.admin;
    const [market, health] = await Promise.all([login('review01.market'), login('review01.health')]);
    // the window clerk who accepts is also a market reviewer: 受审分离 keeps her from deciding
    const depts = (await api.get('/api/departments')).body as Array<{ id: string; name: string }>;
    const marketDept = depts.find((d) => d.name === '清河市市场监督管理局')!;
    expect((await api.post('/api/admin/staff', { username: 'bundleclerk', password: PASSWORD, name: '一窗受理', hallId: f.world.hallId, departmentId: marketDept.id, roles: ['window', 'reviewer'] }, { token: admin })).status).toBe(201);
    const clerk = await login('bundleclerk', PASSWORD);

    const b = await restaurant();
    const u = await verifiedCitizen(api);
    const c = await api.post('/api/applications', { bundleId: b.id }, { token: u.token });
    expect(c.status).toBe(201);
    const id = c.body.id as string;
    expect(c.body).toMatchObject({ status: 'draft', bundleId: b.id, serviceName: '开办餐饮店', hallId: f.world.hallId });
    const materials = c.body.materials as Material[];
    // one merged checklist: the bundle's, each material once
    expect(materials.map((m) => m.materialId)).toEqual(b.materials.map((m) => m.materialId));
    const parts = c.body.parts as Part[];
    expect(parts.map((p) => [p.serviceName, p.departmentName, p.status, p.promisedDays])).toEqual([
      ['个体工商户设立登记', '清河市市场监督管理局', 'draft', 1],
      ['食品经营许可', '清河市市场监督管理局', 'draft', 3],
      ['公共场所卫生许可', '清河市卫生健康委员会', 'draft', 5],
    ]);
    const [licence, food, hygiene] = parts;
    const sharedId = materials.find((m) => m.name === '法定代表人（负责人）身份证件')!;
    expect(food.materialIds).toContain(sharedId.materialId);
    expect(hygiene.materialIds).toContain(sharedId.materialId);

    // the shared material is uploaded once, and that one upload serves both parts
    for (const m of materials.filter((x) => x.required)) expect(await uploadPdf(api, u.token, id, m.materialId)).toBe(201);
    expect((await api.post(`/api/applications/${id}/submit`, undefined, { token: u.token })).status).toBe(200);

    // each department's reviewers find it among their department's filings
    for (const [token, name] of [[market, '清河市市场监督管理局'], [health, '清河市卫生健康委员会']] as const) {
      const listed = (await api.get(`/api/staff/applications?departmentId=${depts.find((d) => d.name === name)!.id}`, { token })).body;
      expect((Array.isArray(listed) ? listed : listed.items).map((x: { id: string }) => x.id)).toContain(id);
    }
    const taxDept = depts.find((d) => d.name === '国家税务总局清河市税务局')!;
    const notTax = (await api.get(`/api/staff/applications?departmentId=${taxDept.id}`, { token: f.world.staff.token })).body;
    expect((Array.isArray(notTax) ? notTax : notTax.items).map((x: { id: string }) => x.id)).not.toContain(id);

    const decide = (p: Part, flag: string | null = null) => ({ decisions: p.materialIds.map((m) => ({ materialId: m, ok: m !== flag, reason: m === flag ? '健康证明已过期，请提交有效期内的健康证明' : null })) });
    const prereview = (p: Part, token: string, flag: string | null = null) => api.post(`/api/staff/applications/${id}/parts/${p.id}/prereview`, decide(p, flag), { token });
    // each department its own part only; the filing-wide pre-review is not the way for a bundle
    expectErrorShape(await prereview(licence, health), 403, 'FORBIDDEN');
    expectErrorShape(await api.post(`/api/staff/applications/${id}/prereview`, decide(licence), { token: f.world.staff.token }), 409, 'INVALID_STATE');

    const health_cert = materials.find((m) => m.name.includes('健康证明'))!;
    expect((await prereview(licence, market)).body.status).toBe('submitted');
    const flagged = await prereview(food, market, health_cert.materialId);
    expect(flagged.status).toBe(200);
    // no notice before every department has answered
    expect(flagged.body.status).toBe('submitted');
    expect(flagged.body.parts.map((p: Part) => p.status)).toEqual(['passed', 'flagged', 'prereview']);
    const last = await prereview(hygiene, health);
    expect(last.body.status).toBe('correction_required');
    expect(last.body.notice.items).toEqual([{ materialId: health_cert.materialId, name: health_cert.name, reason: '健康证明已过期，请提交有效期内的健康证明', departmentName: '清河市市场监督管理局' }]);
    const inbox = (await api.get('/api/messages', { token: u.token })).body as Array<{ title: string; body: string }>;
    const notices = inbox.filter((m) => m.title.includes('补正材料告知书'));
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toContain(health_cert.name);

    // corrected and resubmitted: only the part that flagged reviews again
    expect(await uploadPdf(api, u.token, id, health_cert.materialId)).toBe(201);
    const again = await api.post(`/api/applications/${id}/submit`, undefined, { token: u.token });
    expect(again.body.parts.map((p: Part) => p.status)).toEqual(['passed', 'prereview', 'passed']);
    expect((await prereview(food, market)).body.status).toBe('prereview_passed');

    // one acceptance at the window starts every part's clock; the whole is due with its slowest part
    const accepted = await api.post(`/api/staff/applications/${id}/accept`, undefined, { token: clerk });
    expect(accepted.status).toBe(200);
    const running = accepted.body.parts as Part[];
    expect(running.map((p) => shanghaiDay(p.dueAt!))).toEqual(['2026-12-08', '2026-12-10', '2026-12-14']);
    expect(accepted.body.dueAt).toBe(running[2].dueAt);
    expect(shanghaiDay(accepted.body.dueAt)).toBe('2026-12-14');

    // filed where every service is handled, a bundle is not forwarded to another hall
    const halls = (await api.get('/api/halls')).body as Array<{ id: string }>;
    expectErrorShape(await api.post(`/api/staff/applications/${id}/forward`, { hallId: halls.find((h) => h.id !== f.world.hallId)!.id }, { token: clerk }), 409, 'INVALID_STATE');

    const advance = (p: Part, token: string, to: string, note = '经审查符合法定条件') => api.post(`/api/staff/applications/${id}/parts/${p.id}/advance`, { to, note }, { token });
    expectErrorShape(await advance(licence, clerk, 'approved'), 403, 'SEPARATION_OF_DUTIES');
    expectErrorShape(await advance(hygiene, market, 'approved'), 403, 'FORBIDDEN');
    expectErrorShape(await api.post(`/api/staff/applications/${id}/advance`, { to: 'approved', note: '整件准予' }, { token: market }), 409, 'INVALID_STATE');
    const one = await advance(licence, market, 'approved');
    expect(one.status).toBe(200);
    expect(one.body.status).toBe('under_review');
    expect((await advance(food, market, 'approved')).body.parts.map((p: Part) => p.status)).toEqual(['approved', 'approved', 'accepted']);

    // the health department never answers: not deemed while its last day lasts …
    await setClock(api, '2026-12-14T15:30:00.000Z'); // Monday 23:30 in Shanghai
    // (a fresh admin session after each move of the clock: a token outlives no jump of hours)
    const deemedRun = async () => (await api.post('/api/admin/jobs/deemed-agreement/run', undefined, { token: await adminToken(api) })).body;
    expect(await deemedRun()).toMatchObject({ deemed: 0 });
    // … and deemed to agree once it has ended, as of that day
    await setClock(api, '2026-12-14T16:05:00.000Z'); // Tuesday 00:05
    expect(await deemedRun()).toMatchObject({ deemed: 1, combined: 1 });
    expect(await deemedRun()).toMatchObject({ deemed: 0 });

    const applicant = await refreshed(api, u);
    const done = (await api.get(`/api/applications/${id}`, { token: applicant.token })).body;
    expect(done.status).toBe('approved');
    expect(done.sla).toBe('on_track');
    const finalParts = done.parts as Part[];
    expect(finalParts.map((p) => [p.status, p.deemed])).toEqual([
      ['approved', false],
      ['approved', false],
      ['deemed_approved', true],
    ]);
    // one combined result with each part's certificate
    expect(finalParts.map((p) => p.certificate?.type)).toEqual(['营业执照', '食品经营许可证', '公共场所卫生许可证']);
    const wallet = (await api.get('/api/me/certificates', { token: applicant.token })).body as Array<{ type: string }>;
    expect(wallet.map((w) => w.type).sort()).toEqual(['公共场所卫生许可证', '营业执照', '食品经营许可证'].sort());
    const timeline = done.timeline as Array<{ at: string; action: string; note: string | null; actor: string }>;
    const deemed = timeline.find((e) => e.action === 'part_deemed')!;
    expect(shanghaiDay(deemed.at)).toBe('2026-12-14');
    expect(deemed.note).toContain('超时默认');
    expect(deemed.note).toContain('清河市卫生健康委员会');
    expect(deemed.actor).toBe('系统');
    expect(timeline.filter((e) => e.action === 'flag')).toHaveLength(1);
    const result = (await api.get('/api/messages', { token: applicant.token })).body as Array<{ title: string; body: string }>;
    expect(result.filter((m) => m.title.startsWith('一件事已办结'))).toHaveLength(1);
  });
});
