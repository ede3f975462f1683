import { expectErrorShape, must } from './helpers/http';
import { adminToken, staffToken, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';
import { sql } from '../../test/support/test-app';
import type { AdminGuidanceTopic, GuidanceResult } from '@gov/shared';

/**
 * 智能导办 topics are data admins edit (GET/POST /admin/guidance, PUT/DELETE /admin/guidance/:id):
 * an edit shows at once in the public topic and its answers; a topic that would send someone to a
 * service they may not apply for, or that names no service, is refused in Chinese; the checklist
 * marks what the caller's 证照夹 covers (免提交); a 咨询 answer may link a guide.
 */
describe('智能导办 topics edited by admins', () => {
  const f = useTestApp({ now: '2026-12-07T02:00:00.000Z' });
  const api = f.api;
  const names = (r: GuidanceResult) => r.services.map((s) => s.name);

  it('an edit round-trips: title, question, option and the service an outcome leads to show in the public topic and its answers', async () => {
    const admin = await adminToken(api);
    const list = must(await api.get('/api/admin/guidance', { token: admin }), 200, 'admin list') as AdminGuidanceTopic[];
    expect(list.map((t) => t.title)).toEqual(['开办企业', '新生儿出生', '个体工商户', '不动产登记', '开办餐饮店']);
    const topic = list.find((t) => t.id === 'individual-business')!;
    expect(topic).toMatchObject({ applicant: 'person', active: true });

    // 创业担保贷款 for those opening a shop, and the questions reworded
    const edited = structuredClone(topic);
    edited.title = '个体户开办与注销';
    edited.questions[0].text = '您想办什么事？';
    edited.questions[0].options.find((o) => o.value === 'close')!.label = '不再经营，注销个体户';
    const openRule = edited.outcomes.find((o) => o.serviceCodes?.includes('QH-SCJG-001'))!;
    openRule.serviceCodes = ['QH-SCJG-001', 'QH-RS-008'];
    const saved = must(await api.put('/api/admin/guidance/individual-business', edited, { token: admin }), 200, 'save') as AdminGuidanceTopic;
    expect(saved.title).toBe('个体户开办与注销');

    const pub = must(await api.get('/api/guidance/individual-business'), 200, 'public topic');
    expect(pub.title).toBe('个体户开办与注销');
    expect(pub.questions[0].text).toBe('您想办什么事？');
    expect(pub.questions[0].options.map((o: { label: string }) => o.label)).toContain('不再经营，注销个体户');
    expect((must(await api.get('/api/guidance'), 200, 'topics') as Array<{ title: string }>).map((t) => t.title)).toContain('个体户开办与注销');
    const r = must(await api.post('/api/guidance/individual-business/answers', { answers: { matter: 'open', family: 'single', district: 'town' } }), 200, 'answers') as GuidanceResult;
    expect(names(r)).toEqual(['个体工商户设立登记', '创业担保贷款申请']);
    expect(r.hall?.name).toBe('云溪县白沙镇便民服务中心');
    expect((must(await api.get('/api/admin/guidance/individual-business', { token: admin }), 200, 'admin get') as AdminGuidanceTopic).outcomes).toEqual(saved.outcomes);
  });

  it('refuses, in Chinese and naming the field, a service the implied applicant may not apply for, a question without options, an unknown service', async () => {
    const admin = await adminToken(api);
    const topic = must(await api.get('/api/admin/guidance/individual-business', { token: admin }), 200, 'get') as AdminGuidanceTopic;

    const misfit = structuredClone(topic);
    const k = misfit.outcomes.findIndex((o) => o.serviceCodes?.includes('QH-SCJG-007'));
    misfit.outcomes[k].serviceCodes = ['QH-SCJG-007', 'QH-SW-004']; // 清税证明开具 is for companies
    const a = await api.put('/api/admin/guidance/individual-business', misfit, { token: admin });
    expectErrorShape(a, 400, 'VALIDATION_FAILED');
    expect(a.body.message).toMatch(/^“清税证明开具”不受理个人申请，但回答“.*注销个体户.*”时申请人是个人$/);
    expect(a.body.details.fields[0].field).toBe(`outcomes.${k}.serviceCodes`);

    const bare = structuredClone(topic);
    bare.questions[1].options = [];
    const b = await api.put('/api/admin/guidance/individual-business', bare, { token: admin });
    expectErrorShape(b, 400, 'VALIDATION_FAILED');
    expect(b.body.details.fields).toContainEqual({ field: 'questions.1.options', message: '问题“是个人经营还是家庭经营？”至少要有两个选项' });

    const unknown = structuredClone(topic);
    unknown.outcomes[k].serviceCodes = ['QH-NOPE-001'];
    const c = await api.put('/api/admin/guidance/individual-business', unknown, { token: admin });
    expectErrorShape(c, 400, 'VALIDATION_FAILED');
    expect(c.body.message).toBe('事项“QH-NOPE-001”不存在或已下架');

    const noTitle = await api.put('/api/admin/guidance/individual-business', { ...topic, title: '' }, { token: admin });
    expectErrorShape(noTitle, 400, 'VALIDATION_FAILED');
    // nothing of the refused edits was kept
    expect(must(await api.get('/api/guidance/individual-business'), 200, 'topic').questions[1].options).toHaveLength(2);
    expectErrorShape(await api.put('/api/admin/guidance/no-such-topic', topic, { token: admin }), 404, 'NOT_FOUND');
  });

  it('a new topic is listed publicly; deleting takes it off the public list; citizens and staff get 403', async () => {
    const admin = await adminToken(api);
    const body = {
      title: '结婚登记',
      summary: '婚姻登记一次办',
      applicant: 'person',
      questions: [{ id: 'lost', text: '是补领结婚证吗？', options: [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }] }],
      outcomes: [
        { when: { lost: 'no' }, serviceCodes: ['QH-MZ-001'], materials: [{ name: '居民户口簿', required: true, note: '双方' }] },
        { when: { lost: 'yes' }, serviceCodes: ['QH-MZ-003'] },
      ],
    };
    const created = must(await api.post('/api/admin/guidance', body, { token: admin }), 201, 'create') as AdminGuidanceTopic;
    const listed = () => api.json<Array<{ id: string }>>('GET', '/api/guidance');
    expect((await listed()).map((t) => t.id)).toContain(created.id);
    expect(names(must(await api.post(`/api/guidance/${created.id}/answers`, { answers: { lost: 'yes' } }), 200, 'answers'))).toEqual(['补领婚姻登记证']);

    const citizen = await verifiedCitizen(api);
    const staff = (await staffToken(api)).token;
    for (const token of [citizen.token, staff]) {
      expectErrorShape(await api.get('/api/admin/guidance', { token }), 403, 'FORBIDDEN');
      expectErrorShape(await api.put(`/api/admin/guidance/${created.id}`, body, { token }), 403, 'FORBIDDEN');
      expectErrorShape(await api.post('/api/admin/guidance', body, { token }), 403, 'FORBIDDEN');
      expectErrorShape(await api.del(`/api/admin/guidance/${created.id}`, { token }), 403, 'FORBIDDEN');
    }
    expectErrorShape(await api.get('/api/admin/guidance'), 401, 'UNAUTHENTICATED');

    expect((await api.del(`/api/admin/guidance/${created.id}`, { token: admin })).status).toBe(204);
    expect((await listed()).map((t) => t.id)).not.toContain(created.id);
    expectErrorShape(await api.get(`/api/guidance/${created.id}`), 404, 'NOT_FOUND');
    expect((must(await api.get(`/api/admin/guidance/${created.id}`, { token: admin }), 200, 'still there') as AdminGuidanceTopic).active).toBe(false);
  });

  it('the checklist marks 免提交 what a certificate in the caller’s 证照夹 covers, for them only', async () => {
    const holder = await verifiedCitizen(api);
    const other = await verifiedCitizen(api);
    const service = (await api.get('/api/services?q=个体工商户设立登记')).body.items[0] as { id: string };
    const certId = '00000000-0000-4000-8000-0000000000c1';
    await sql(
      f.t.config.database.url!,
      `INSERT INTO certificates (id, application_id, service_id, type, number, holder_kind, holder_user_id, holder_enterprise_id, holder_name, issued_by, issued_at, valid_from, valid_to, status, verify_code, content, signature, key_id, revoked_at, created_at)
       VALUES (?, ?, ?, '营业执照', 'QH20261207000001', 'person', ?, NULL, '测试用户', '清河市市场监督管理局', '2026-12-01 02:00:00.000', '2026-12-01', NULL, 'valid', 'VERIFYC1', '{}', 'x', 'k1', NULL, '2026-12-01 02:00:00.000')`,
      [certId, '00000000-0000-4000-8000-0000000000a1', service.id, holder.user.id],
    );
    const answers = { matter: 'add-food', family: 'single', district: 'city' };
    const licence = async (token?: string) =>
      (must(await api.post('/api/guidance/individual-business/answers', { answers }, token ? { token } : {}), 200, 'answers') as GuidanceResult).materials.find((m) => m.name === '营业执照副本复印件')!;
    expect(await licence(holder.token)).toMatchObject({ certificateType: '营业执照', coveredBy: { certificateId: certId, type: '营业执照', number: 'QH20261207000001' } });
    expect((await licence(other.token)).coveredBy).toBeUndefined();
    expect((await licence()).coveredBy).toBeUndefined();
    // a revoked licence covers nothing
    await sql(f.t.config.database.url!, "UPDATE certificates SET status = 'revoked' WHERE id = ?", [certId]);
    expect((await licence(holder.token)).coveredBy).toBeUndefined();
  });

  it('a 咨询 answer may link a guide, which the applicant sees', async () => {
    const u = await verifiedCitizen(api);
    const q = must(await api.post('/api/consultations', { serviceId: f.world.service.id, question: '个体户卖盒饭要办什么？' }, { token: u.token }), 201, 'ask');
    expect(q.guide).toBeNull();
    const food = (await api.get('/api/services?q=食品经营许可')).body.items[0] as { id: string; name: string };
    const staff = (await staffToken(api)).token;
    expectErrorShape(await api.post(`/api/staff/consultations/${q.id}/answer`, { answer: '请看指南', guideServiceId: '00000000-0000-4000-8000-000000000000' }, { token: staff }), 400, 'VALIDATION_FAILED');
    must(await api.post(`/api/staff/consultations/${q.id}/answer`, { answer: '还需办理食品经营许可，材料见指南。', guideServiceId: food.id }, { token: staff }), 200, 'answer');
    expect(must(await api.get(`/api/consultations/${q.id}`, { token: u.token }), 200, 'seen').guide).toEqual({ serviceId: food.id, serviceName: '食品经营许可' });
  });
});
