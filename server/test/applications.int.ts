import { createHash } from 'node:crypto';
import { creditCodeCheckChar } from '@gov/shared';
import { expectErrorShape, signIn, staffSignIn } from './helpers/http';
import type { Audience } from '@gov/shared';
import { adminToken, companyOf, createService, refreshed, reviewerToken, Session, setClock, staffToken, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

/** Filings (issue 5) and the law's pre-review clock (issue 9) on MariaDB. */
describe('filings', () => {
  const f = useTestApp({ env: { UPLOAD_MAX_FILES_PER_MATERIAL: '3', LOOKUP_RATE_LIMIT: '12' }, world: false });
  const api = f.api;
  let admin: string;
  let staff: { token: string; hallId: string };
  let reviewer: { token: string; id: string };
  let otherStaff: string;
  let otherHallId: string;
  const NOW = '2026-12-07T02:00:00.000Z'; // Monday 10:00 in Shanghai

  const PDF = (tag = '') => Buffer.from(`%PDF-1.4\n1 0 obj <<>> endobj\n% ${tag} ${Math.random()}\n%%EOF\n`);
  const PNG = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR${Math.random()}`)]);
  const EXE = () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00'), Buffer.alloc(200, 1)]);

  /** A service of our own, with a known material list, at the given halls. */
  async function makeService(o: { promisedDays?: number; keyProject?: boolean; hallIds?: string[]; audience?: Audience } = {}) {
    const r = await createService(api, admin, {
      hallIds: o.hallIds ?? [staff.hallId],
      audience: o.audience ?? 'person',
      promisedDays: o.promisedDays,
      keyProject: o.keyProject,
      materials: [
        { name: '申请书', required: true, tolerable: false, form: 'original' },
        { name: '身份证件', required: true, tolerable: false },
        { name: '房屋产权证明', required: true, tolerable: true, note: '可容缺' },
        { name: '其他说明材料', required: false, tolerable: false },
      ],
    });
    const mats = r.materials.map((m) => m.id);
    return { id: r.id, form: mats[0], idCard: mats[1], deed: mats[2], other: mats[3] };
  }
  type Svc = Awaited<ReturnType<typeof makeService>>;

  const upload = (token: string, appId: string, materialId: string, bytes: Buffer, name = 'scan.pdf', type = 'application/pdf') => api.upload(token, appId, materialId, { name, type, bytes });
  const getBytes = async (path: string, token: string) => {
    const res = await fetch(`${f.t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const create = (token: string, svc: Svc, extra: Record<string, unknown> = {}) => api.post('/api/applications', { serviceId: svc.id, ...extra }, { token });
  const everything = async (token: string, appId: string, svc: Svc) => {
    for (const m of [svc.form, svc.idCard, svc.deed]) expect((await upload(token, appId, m, PDF(m))).status).toBe(201);
  };
  const allOk = (svc: Svc) => [svc.form, svc.idCard, svc.deed, svc.other].map((materialId) => ({ materialId, ok: true, reason: null }));
  const prereview = (token: string, id: string, decisions: unknown[]) => api.post(`/api/staff/applications/${id}/prereview`, { decisions }, { token });
  const runJob = (name: string) => api.post(`/api/admin/jobs/${name}/run`, undefined, { token: admin });
  const messages = async (token: string) => (await api.get('/api/messages', { token })).body as Array<{ title: string; body: string; link: string }>;

  /** A new service (makeService), a new verified citizen and their draft filing of it. */
  async function freshDraft(): Promise<{ svc: Svc; c: Session; appId: string }> {
    const svc = await makeService();
    const c = await verifiedCitizen(api);
    return { svc, c, appId: (await create(c.token, svc)).body.id };
  }

  /** A filing taken to `prereview_passed` (or further) for `who`. */
  async function passed(who: { token: string }, svc: Svc, staffTok = staff.token): Promise<string> {
    const c = await create(who.token, svc);
    expect(c.status).toBe(201);
    await everything(who.token, c.body.id, svc);
    expect((await api.post(`/api/applications/${c.body.id}/submit`, undefined, { token: who.token })).status).toBe(200);
    const p = await prereview(staffTok, c.body.id, allOk(svc));
    expect(p.status).toBe(200);
    expect(p.body.status).toBe('prereview_passed');
    return c.body.id;
  }

  beforeAll(async () => {
    await setClock(api, NOW);
    admin = await adminToken(api);
    staff = await staffToken(api);
    reviewer = await reviewerToken(api);
    const hall = await api.post(
      '/api/admin/halls',
      { name: '清河市东区便民服务中心', address: '东区 1 号', phone: '0391-26600009', hours: '周一至周五', level: 'county' },
      { token: admin },
    );
    expect(hall.status).toBe(201);
    otherHallId = hall.body.id;
    const s2 = await api.post('/api/admin/staff', { username: 'staff-east', password: 'Staff@2026east', name: '李东区', hallId: otherHallId }, { token: admin });
    expect(s2.status).toBe(201);
    otherStaff = (await staffSignIn(api, 'staff-east', 'Staff@2026east')).accessToken;
  });

  describe('creating a draft', () => {
    it('numbers it ZW<date>-<6 random digits> with the service checklist', async () => {
      const svc = await makeService();
      const c = await verifiedCitizen(api);
      const r = await create(c.token, svc);
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ status: 'draft', serviceId: svc.id, hallId: staff.hallId, sla: null, dueAt: null });
      expect(r.body.number).toMatch(/^ZW20261207-\d{6}$/);
      expect(r.body.materials).toHaveLength(4);
      expect(r.body.materials[2]).toMatchObject({ materialId: svc.deed, name: '房屋产权证明', required: true, tolerable: true, files: [], review: null });
      expect(r.body.timeline[0]).toMatchObject({ status: 'draft', actor: '申请人' });
      // the numbers of consecutive filings say nothing about each other
      const more = await Promise.all([1, 2, 3, 4].map(() => create(c.token, svc)));
      const tails = [r, ...more].map((x) => Number(String(x.body.number).slice(-6)));
      expect(new Set(tails).size).toBe(5);
      const steps = tails.slice(1).map((n, i) => n - tails[i]);
      expect(steps.every((d) => d === 1)).toBe(false);
    });

    it('needs a verified real name, a known service and one of its halls', async () => {
      const svc = await makeService({ hallIds: [staff.hallId, otherHallId] });
      const plain = await signIn(api);
      expectErrorShape(await create(plain.accessToken, svc), 403, 'REAL_NAME_REQUIRED');
      const c = await verifiedCitizen(api);
      expectErrorShape(await api.post('/api/applications', { serviceId: '00000000-0000-0000-0000-000000000000' }, { token: c.token }), 404, 'NOT_FOUND');
      expectErrorShape(await api.post('/api/applications', {}, { token: c.token }), 400, 'VALIDATION_FAILED');
      const hallOnly = await makeService({ hallIds: [staff.hallId] });
      expectErrorShape(await create(c.token, hallOnly, { hallId: otherHallId }), 400, 'VALIDATION_FAILED');
      const named = await create(c.token, svc, { hallId: otherHallId });
      expect(named.status).toBe(201);
      expect(named.body.hallId).toBe(otherHallId);
      expectErrorShape(await api.post('/api/applications', { serviceId: svc.id }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('uploads', () => {
    let svc: Svc;
    let c: Session;
    let appId: string;
    beforeAll(async () => ({ svc, c, appId } = await freshDraft()));

    it('keeps PDF, JPEG and PNG, content-addressed, and strips paths from names', async () => {
      const bytes = PDF('form');
      const r = await upload(c.token, appId, svc.form, bytes, '../../etc/申请书.pdf');
      expect(r.status).toBe(201);
      expect(r.body).toEqual({ id: expect.any(String), name: '申请书.pdf', size: bytes.length, contentType: 'application/pdf', sha256: createHash('sha256').update(bytes).digest('hex') });
      const png = await upload(c.token, appId, svc.idCard, PNG(), 'C:\\Users\\张三\\身份证.png', 'image/png');
      expect(png.status).toBe(201);
      expect(png.body).toMatchObject({ name: '身份证.png', contentType: 'image/png' });
      // the type is judged by the bytes: a JPEG sent as "application/octet-stream" named .bin is a JPEG
      const jpg = await upload(c.token, appId, svc.other, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]), 'photo.bin', 'application/octet-stream');
      expect(jpg.status).toBe(201);
      expect(jpg.body.contentType).toBe('image/jpeg');

      const back = await getBytes(`/api/files/${r.body.id}`, c.token);
      expect(back.status).toBe(200);
      expect(back.type).toBe('application/pdf');
      expect(back.bytes.equals(bytes)).toBe(true);

      const view = await api.get(`/api/applications/${appId}`, { token: c.token });
      expect(view.body.materials[0].files).toEqual([r.body]);
    });

    it('refuses a renamed executable and anything that is not PDF, JPEG or PNG (415)', async () => {
      expectErrorShape(await upload(c.token, appId, svc.deed, EXE(), 'photo.jpg', 'image/jpeg') as never, 415, 'UNSUPPORTED_FILE_TYPE');
      expectErrorShape(await upload(c.token, appId, svc.deed, Buffer.from('<html><script>alert(1)</script></html>'), 'x.pdf') as never, 415, 'UNSUPPORTED_FILE_TYPE');
      expectErrorShape(await upload(c.token, appId, svc.deed, Buffer.alloc(0), 'empty.pdf') as never, 415, 'UNSUPPORTED_FILE_TYPE');
      const view = await api.get(`/api/applications/${appId}`, { token: c.token });
      expect(view.body.materials[2].files).toEqual([]);
    });

    it('refuses a request without a file, unknown materials and more than the per-material count', async () => {
      const res = await fetch(`${f.t.url}/api/applications/${appId}/materials/${svc.deed}/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(400);
      expect((await upload(c.token, appId, '00000000-0000-0000-0000-000000000000', PDF())).status).toBe(404);
      for (let i = 0; i < 2; i++) expect((await upload(c.token, appId, svc.form, PDF(`n${i}`))).status).toBe(201);
      const fourth = await upload(c.token, appId, svc.form, PDF('4'));
      expectErrorShape(fourth as never, 400, 'VALIDATION_FAILED');
      expect(fourth.body.details.maxFiles).toBe(3);
    });

    it('deletes a file while the filing is a draft', async () => {
      const r = await upload(c.token, appId, svc.deed, PDF('gone'));
      expect((await api.del(`/api/applications/${appId}/materials/${svc.deed}/files/${r.body.id}`, { token: c.token })).status).toBe(204);
      expect((await api.del(`/api/applications/${appId}/materials/${svc.deed}/files/${r.body.id}`, { token: c.token })).status).toBe(404);
    });

    it('shows nothing of a filing or its files to another citizen, nor a draft to staff', async () => {
      const view = await api.get(`/api/applications/${appId}`, { token: c.token });
      const fileId = view.body.materials[0].files[0].id;
      const other = await verifiedCitizen(api);
      expectErrorShape(await api.get(`/api/applications/${appId}`, { token: other.token }), 404, 'NOT_FOUND');
      expect((await getBytes(`/api/files/${fileId}`, other.token)).status).toBe(404);
      expect((await upload(other.token, appId, svc.deed, PDF())).status).toBe(404);
      expectErrorShape(await api.post(`/api/applications/${appId}/submit`, undefined, { token: other.token }), 404, 'NOT_FOUND');
      expect((await api.get('/api/applications', { token: other.token })).body).toEqual([]);
      // a draft is the applicant's own until submitted
      expectErrorShape(await api.get(`/api/applications/${appId}`, { token: staff.token }), 404, 'NOT_FOUND');
      expect((await getBytes(`/api/files/${fileId}`, staff.token)).status).toBe(404);
      expect((await getBytes(`/api/files/not-an-id`, c.token)).status).toBe(404);
    });
  });

  describe('submission, the one-time notice and correction', () => {
    let svc: Svc;
    let c: Session;
    let appId: string;
    beforeAll(async () => ({ svc, c, appId } = await freshDraft()));

    it('refuses to submit with required materials missing (422 with their ids)', async () => {
      expect((await upload(c.token, appId, svc.form, PDF())).status).toBe(201);
      const r = await api.post(`/api/applications/${appId}/submit`, undefined, { token: c.token });
      expectErrorShape(r, 422, 'MATERIALS_MISSING');
      expect(r.body.details.materialIds).toEqual([svc.idCard, svc.deed]);
    });

    it('takes a credit commitment for tolerable materials only, with its time and text', async () => {
      const bad = await api.post(`/api/applications/${appId}/commitment`, { materialIds: [svc.idCard] }, { token: c.token });
      expectErrorShape(bad, 400, 'VALIDATION_FAILED');
      const ok = await api.post(`/api/applications/${appId}/commitment`, { materialIds: [svc.deed] }, { token: c.token });
      expect(ok.status).toBe(201);
      const deed = ok.body.materials.find((m: { materialId: string }) => m.materialId === svc.deed);
      expect(deed.commitment).toEqual({ at: NOW, text: expect.stringContaining('房屋产权证明') });
      const r = await api.post(`/api/applications/${appId}/submit`, undefined, { token: c.token });
      expectErrorShape(r, 422, 'MATERIALS_MISSING');
      expect(r.body.details.materialIds).toEqual([svc.idCard]);
    });

    it('submits, then refuses uploads and a second submit', async () => {
      expect((await upload(c.token, appId, svc.idCard, PDF('id'))).status).toBe(201);
      const r = await api.post(`/api/applications/${appId}/submit`, undefined, { token: c.token });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'submitted', submittedAt: NOW, prereview: { deadline: '2026-12-14', daysLeft: 5 } });
      expectErrorShape(await upload(c.token, appId, svc.other, PDF()) as never, 409, 'INVALID_STATE');
      expectErrorShape(await api.post(`/api/applications/${appId}/submit`, undefined, { token: c.token }), 409, 'INVALID_STATE');
      const msgs = await messages(c.token);
      expect(msgs.some((m) => m.title === '申请已提交' && m.body.includes('2026-12-14'))).toBe(true);
    });

    it('lets only staff of the hall pre-review, deciding on every material at once', async () => {
      expectErrorShape(await prereview(c.token, appId, allOk(svc)), 403, 'FORBIDDEN');
      expectErrorShape(await prereview(otherStaff, appId, allOk(svc)), 404, 'NOT_FOUND');
      expectErrorShape(await api.get(`/api/applications/${appId}`, { token: otherStaff }), 404, 'NOT_FOUND');
      expect(((await api.get('/api/staff/applications', { token: otherStaff })).body as Array<{ id: string }>).some((a) => a.id === appId)).toBe(false);
      const partial = await prereview(staff.token, appId, allOk(svc).slice(0, 3));
      expectErrorShape(partial, 400, 'VALIDATION_FAILED');
      const noReason = await prereview(staff.token, appId, allOk(svc).map((d, i) => (i === 0 ? { ...d, ok: false } : d)));
      expectErrorShape(noReason, 400, 'VALIDATION_FAILED');
      const outside = await prereview(staff.token, appId, [...allOk(svc), { materialId: '00000000-0000-0000-0000-000000000000', ok: false, reason: '另需户口本' }]);
      expectErrorShape(outside, 400, 'VALIDATION_FAILED');
    });

    it('sends one notice naming every flagged material with its reason and a deadline', async () => {
      const decisions = allOk(svc).map((d) =>
        d.materialId === svc.form ? { ...d, ok: false, reason: '申请书未签名' } : d.materialId === svc.idCard ? { ...d, ok: false, reason: '身份证复印件不清晰' } : d,
      );
      const r = await prereview(staff.token, appId, decisions);
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('correction_required');
      // 5 working days from Monday 2026-12-07
      expect(r.body.notice).toEqual({
        round: 1,
        issuedAt: NOW,
        deadline: '2026-12-14',
        items: [
          { materialId: svc.form, name: '申请书', reason: '申请书未签名' },
          { materialId: svc.idCard, name: '身份证件', reason: '身份证复印件不清晰' },
        ],
      });
      const view = await api.get(`/api/applications/${appId}`, { token: c.token });
      expect(view.body.notice.items).toHaveLength(2);
      expect(view.body.materials.map((m: { review: unknown }) => m.review)).toEqual([
        { ok: false, reason: '申请书未签名' },
        { ok: false, reason: '身份证复印件不清晰' },
        { ok: true, reason: null },
        { ok: true, reason: null },
      ]);
      const last = view.body.timeline[view.body.timeline.length - 1];
      expect(last).toMatchObject({ status: 'correction_required', actorKind: 'staff', actor: '窗口工作人员（王窗口）' });
      expect(last.note).toContain('申请书未签名');
      const notices = (await messages(c.token)).filter((m) => m.title.includes('一次性告知'));
      expect(notices).toHaveLength(1);
      expect(notices[0].body).toContain('申请书：申请书未签名');
      expect(notices[0].body).toContain('身份证件：身份证复印件不清晰');
      expect(notices[0].body).toContain('2026-12-14');
      // one notice per round: no second decision while the applicant corrects
      expectErrorShape(await prereview(staff.token, appId, allOk(svc)), 409, 'INVALID_STATE');
    });

    it('lists the filing light: what the list page shows (notice deadline, what the commitment owes), no materials or timeline', async () => {
      const detail = (await api.get(`/api/applications/${appId}`, { token: c.token })).body;
      const listed = await api.get('/api/applications', { token: c.token });
      expect(listed.status).toBe(200);
      const [item] = listed.body;
      expect(item).toEqual({
        id: appId,
        number: detail.number,
        status: 'correction_required',
        statusLabel: detail.statusLabel,
        serviceId: svc.id,
        serviceName: detail.serviceName,
        hallId: detail.hallId,
        hallName: detail.hallName,
        keyProject: false,
        instant: false,
        dueAt: null,
        sla: null,
        createdAt: NOW,
        updatedAt: NOW,
        submittedAt: NOW,
        acceptedAt: null,
        acceptBy: detail.acceptBy,
        commitment: { materialIds: [svc.deed], owed: [svc.deed], dueAt: null, daysLeft: null, status: 'open' },
        prereview: null,
        notice: detail.notice,
        clockPaused: false,
        enterpriseId: null,
        onBehalf: false,
        responsible: null,
        party: detail.party,
        ratingStage: detail.ratingStage,
        rateable: detail.rateable,
        rating: detail.rating,
      });
      expect(detail.commitment).toEqual(item.commitment);
      expect(item.notice.deadline).toBe('2026-12-14');
    });

    it('after the notice, staff may flag only what it named or what the applicant changed (409 NOTICE_LOCKED)', async () => {
      const view = await api.get(`/api/applications/${appId}`, { token: c.token });
      const old = view.body.materials[1].files[0].id;
      expect((await api.del(`/api/applications/${appId}/materials/${svc.idCard}/files/${old}`, { token: c.token })).status).toBe(204);
      expect((await upload(c.token, appId, svc.idCard, PDF('clear'))).status).toBe(201);
      expect((await upload(c.token, appId, svc.form, PDF('still unsigned'))).status).toBe(201);
      expect((await upload(c.token, appId, svc.other, PNG(), 'extra.png')).status).toBe(201);
      const again = await api.post(`/api/applications/${appId}/submit`, undefined, { token: c.token });
      expect(again.status).toBe(200);
      expect(again.body.notice).toBeNull();

      // the deed was passed and not changed: it cannot be demanded now
      const locked = await prereview(staff.token, appId, allOk(svc).map((d) => (d.materialId === svc.deed ? { ...d, ok: false, reason: '另需原件' } : d)));
      expectErrorShape(locked, 409, 'NOTICE_LOCKED');
      expect(locked.body.details.materialIds).toEqual([svc.deed]);
      // the form was named (and still not right), and "other" was changed: both may be flagged
      const second = await prereview(
        staff.token,
        appId,
        allOk(svc).map((d) => (d.materialId === svc.form ? { ...d, ok: false, reason: '仍未签名' } : d.materialId === svc.other ? { ...d, ok: false, reason: '图片模糊' } : d)),
      );
      expect(second.status).toBe(200);
      expect(second.body.notice.round).toBe(2);
      // round three: the id card (passed in round two, unchanged) is locked now
      expect((await upload(c.token, appId, svc.form, PDF('signed'))).status).toBe(201);
      expect((await upload(c.token, appId, svc.other, PNG(), 'sharper.png')).status).toBe(201);
      expect((await api.post(`/api/applications/${appId}/submit`, undefined, { token: c.token })).status).toBe(200);
      expectErrorShape(await prereview(staff.token, appId, allOk(svc).map((d) => (d.materialId === svc.idCard ? { ...d, ok: false, reason: '过期' } : d))), 409, 'NOTICE_LOCKED');
      const pass = await prereview(staff.token, appId, allOk(svc));
      expect(pass.status).toBe(200);
      expect(pass.body.status).toBe('prereview_passed');
      expect((await messages(c.token)).some((m) => m.title === '预审通过')).toBe(true);
    });

    it('staff see the submitted filing with its files once submitted', async () => {
      const view = await api.get(`/api/applications/${appId}`, { token: staff.token });
      expect(view.status).toBe(200);
      expect(view.body.applicant.phone).toBe(`${c.phone.slice(0, 3)}****${c.phone.slice(-4)}`);
      expect(view.text).not.toContain(c.phone);
      expect((await api.get(`/api/applications/${appId}`, { token: c.token })).body.applicant).toBeUndefined();
      const fileId = view.body.materials[0].files[0].id;
      expect((await getBytes(`/api/files/${fileId}`, staff.token)).status).toBe(200);
      expect((await getBytes(`/api/files/${fileId}`, otherStaff)).status).toBe(404);
      expect((await getBytes(`/api/files/${fileId}`, admin)).status).toBe(200);
    });
  });

  describe('resubmission after the notice must correct what it named (409 NOTHING_CORRECTED)', () => {
    const submit = (token: string, id: string) => api.post(`/api/applications/${id}/submit`, undefined, { token });
    const changedFlags = async (id: string) =>
      ((await api.get(`/api/applications/${id}`, { token: staff.token })).body.materials as Array<{ name: string; changedSinceNotice: boolean | null }>).map(
        (m) => [m.name, m.changedSinceNotice],
      );
    /** A filing submitted with fixed bytes for each material, then flagged by staff on `flag`. */
    async function flagged(svc: Svc, flag: Record<string, string>) {
      const c = (await verifiedCitizen(api)) as Session;
      const id = (await create(c.token, svc)).body.id as string;
      const bytes = { form: PDF('form'), idCard: PDF('id') };
      expect((await upload(c.token, id, svc.form, bytes.form)).status).toBe(201);
      expect((await upload(c.token, id, svc.idCard, bytes.idCard)).status).toBe(201);
      expect((await upload(c.token, id, svc.deed, PDF('deed'))).status).toBe(201);
      expect((await submit(c.token, id)).status).toBe(200);
      expect(await changedFlags(id)).toEqual([['申请书', null], ['身份证件', null], ['房屋产权证明', null], ['其他说明材料', null]]);
      const r = await prereview(staff.token, id, allOk(svc).map((d) => (flag[d.materialId] ? { ...d, ok: false, reason: flag[d.materialId] } : d)));
      expect(r.body.status).toBe('correction_required');
      return { c, id, bytes };
    }

    it('refuses a resubmission with nothing changed, naming every flagged material; changing one of two still names the other', async () => {
      const svc = await makeService();
      const { c, id, bytes } = await flagged(svc, { [svc.form]: '申请书未签名', [svc.idCard]: '身份证复印件不清晰' });
      expect(await changedFlags(id)).toEqual([['申请书', false], ['身份证件', false], ['房屋产权证明', false], ['其他说明材料', false]]);

      const none = await submit(c.token, id);
      expectErrorShape(none, 409, 'NOTHING_CORRECTED');
      expect(none.body.details.materialIds).toEqual([svc.form, svc.idCard]);
      expect(none.body.message).toContain('申请书、身份证件');
      expect((await api.get(`/api/applications/${id}`, { token: c.token })).body.status).toBe('correction_required');
      expect((await messages(c.token)).some((m) => m.title === '补正材料已提交')).toBe(false);

      // the very same bytes uploaded again are no correction; an unflagged material changed is none either
      expect((await upload(c.token, id, svc.form, bytes.form)).status).toBe(201);
      expect((await upload(c.token, id, svc.other, PNG(), 'extra.png')).status).toBe(201);
      const same = await submit(c.token, id);
      expectErrorShape(same, 409, 'NOTHING_CORRECTED');
      expect(same.body.details.materialIds).toEqual([svc.form, svc.idCard]);

      // the id card replaced: only the form is left
      const view = await api.get(`/api/applications/${id}`, { token: c.token });
      const old = view.body.materials[1].files[0].id;
      expect((await api.del(`/api/applications/${id}/materials/${svc.idCard}/files/${old}`, { token: c.token })).status).toBe(204);
      expect((await upload(c.token, id, svc.idCard, PDF('clear id'))).status).toBe(201);
      const one = await submit(c.token, id);
      expectErrorShape(one, 409, 'NOTHING_CORRECTED');
      expect(one.body.details.materialIds).toEqual([svc.form]);
      expect(one.body.message).toContain('申请书');
      expect(one.body.message).not.toContain('身份证件');

      // the form corrected: it goes through, and staff see what changed since the notice
      const dup = (await api.get(`/api/applications/${id}`, { token: c.token })).body.materials[0].files[1].id;
      expect((await api.del(`/api/applications/${id}/materials/${svc.form}/files/${dup}`, { token: c.token })).status).toBe(204);
      expect((await upload(c.token, id, svc.form, PDF('signed form'))).status).toBe(201);
      const ok = await submit(c.token, id);
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe('submitted');
      expect((await messages(c.token)).some((m) => m.title === '补正材料已提交')).toBe(true);
      expect(await changedFlags(id)).toEqual([['申请书', true], ['身份证件', true], ['房屋产权证明', false], ['其他说明材料', true]]);
    });

    it('a material removed and put back byte for byte is unchanged; a credit commitment made since the notice deals with a flagged tolerable material', async () => {
      const svc = await makeService();
      const { c, id, bytes } = await flagged(svc, { [svc.idCard]: '已过有效期', [svc.deed]: '产权证明与申请人不符' });
      const view = await api.get(`/api/applications/${id}`, { token: c.token });
      expect((await api.del(`/api/applications/${id}/materials/${svc.idCard}/files/${view.body.materials[1].files[0].id}`, { token: c.token })).status).toBe(204);
      expect((await upload(c.token, id, svc.idCard, bytes.idCard)).status).toBe(201);
      expect((await api.post(`/api/applications/${id}/commitment`, { materialIds: [svc.deed] }, { token: c.token })).status).toBe(201);
      const r = await submit(c.token, id);
      expectErrorShape(r, 409, 'NOTHING_CORRECTED');
      expect(r.body.details.materialIds).toEqual([svc.idCard]);
      expect(await changedFlags(id)).toEqual([['申请书', false], ['身份证件', false], ['房屋产权证明', true], ['其他说明材料', false]]);
      // staff may not flag the form now (neither named nor changed), and the rule is the same one
      expect((await upload(c.token, id, svc.idCard, PDF('renewed id'))).status).toBe(201);
      expect((await submit(c.token, id)).status).toBe(200);
      const locked = await prereview(staff.token, id, allOk(svc).map((d) => (d.materialId === svc.form ? { ...d, ok: false, reason: '另需盖章' } : d)));
      expectErrorShape(locked, 409, 'NOTICE_LOCKED');
      expect(locked.body.details.materialIds).toEqual([svc.form]);
    });
  });

  describe('acceptance, progress and delivery', () => {
    it('accepts with a receipt and a printable notice, then reviews, approves and delivers by post', async () => {
      const svc = await makeService({ promisedDays: 5 });
      const c = await verifiedCitizen(api);
      const id = await passed(c, svc);
      expectErrorShape(await api.post(`/api/staff/applications/${id}/accept`, undefined, { token: otherStaff }), 404, 'NOT_FOUND');
      expectErrorShape(await api.post(`/api/staff/applications/${id}/accept`, undefined, { token: c.token }), 403, 'FORBIDDEN');
      expectErrorShape(await api.post(`/api/applications/${id}/withdraw`, {}, { token: staff.token }), 404, 'NOT_FOUND');
      const a = await api.post(`/api/staff/applications/${id}/accept`, undefined, { token: staff.token });
      expect(a.status).toBe(200);
      // Monday 2026-12-07 + 5 working days = Monday 12-14, end of day in Shanghai
      expect(a.body).toMatchObject({ status: 'accepted', acceptedAt: NOW, dueAt: '2026-12-14T15:59:59.999Z', sla: 'on_track', deemedAccepted: false });
      expect(a.body.receiptNo).toMatch(/^SL20261207-[2-9A-Z]{6}$/);
      expectErrorShape(await api.post(`/api/staff/applications/${id}/accept`, undefined, { token: staff.token }), 409, 'INVALID_STATE');
      expectErrorShape(await api.post(`/api/applications/${id}/withdraw`, {}, { token: c.token }), 409, 'INVALID_STATE');

      const pdf = await getBytes(`/api/applications/${id}/receipt.pdf`, c.token);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.bytes.toString('latin1')).toMatch(/NotoSansHans/); // the CJK font is embedded
      expect((await getBytes(`/api/applications/${id}/receipt.pdf`, (await verifiedCitizen(api)).token)).status).toBe(404);
      expect((await getBytes(`/api/applications/${id}/receipt.pdf`, staff.token)).status).toBe(200);

      // 受审分离: the window clerk who accepted it does not review or decide; the department's reviewer does
      expectErrorShape(await api.post(`/api/staff/applications/${id}/advance`, { to: 'under_review' }, { token: staff.token }), 403, 'FORBIDDEN');
      const skip = await api.post(`/api/staff/applications/${id}/advance`, { to: 'approved', note: '符合条件' }, { token: reviewer.token });
      expectErrorShape(skip, 409, 'INVALID_STATE');
      const review = await api.post(`/api/staff/applications/${id}/advance`, { to: 'under_review' }, { token: reviewer.token });
      expect(review.body.status).toBe('under_review');
      expectErrorShape(await api.post(`/api/staff/applications/${id}/advance`, { to: 'approved' }, { token: reviewer.token }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await api.post(`/api/staff/applications/${id}/advance`, { to: 'delivered', note: 'x' }, { token: reviewer.token }), 400, 'VALIDATION_FAILED');
      const ok = await api.post(`/api/staff/applications/${id}/advance`, { to: 'approved', note: '经审查符合法定条件，准予许可' }, { token: reviewer.token });
      expect(ok.body).toMatchObject({ status: 'approved', decisionNote: '经审查符合法定条件，准予许可', sla: 'on_track' });
      expectErrorShape(await api.post(`/api/staff/applications/${id}/deliver`, { method: 'post' }, { token: staff.token }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await api.post(`/api/staff/applications/${id}/deliver`, { method: 'pigeon' }, { token: staff.token }), 400, 'VALIDATION_FAILED');
      const d = await api.post(`/api/staff/applications/${id}/deliver`, { method: 'post', trackingNo: 'SF1234567890' }, { token: staff.token });
      expect(d.body).toMatchObject({ status: 'delivered', delivery: { method: 'post', trackingNo: 'SF1234567890' } });
      expectErrorShape(await api.post(`/api/staff/applications/${id}/deliver`, { method: 'window' }, { token: staff.token }), 409, 'INVALID_STATE');

      const view = await api.get(`/api/applications/${id}`, { token: c.token });
      expect(view.body.timeline.map((e: { status: string }) => e.status)).toEqual([
        'draft',
        'submitted',
        'prereview_passed',
        'accepted',
        'under_review',
        'approved',
        'delivered',
      ]);
      for (const e of view.body.timeline) expect(e).toEqual(expect.objectContaining({ at: expect.any(String), actor: expect.any(String) }));
      const titles = (await messages(c.token)).map((m) => m.title);
      for (const title of ['申请已提交', '预审通过', '办件已受理', '进入审查', '准予许可', '办理结果已送达']) expect(titles).toContain(title);
    });

    it('refuses with a written reason and a printable 不予受理通知书', async () => {
      const svc = await makeService();
      const c = await verifiedCitizen(api);
      const id = await passed(c, svc);
      expectErrorShape(await getBytes(`/api/applications/${id}/refusal.pdf`, c.token).then((r) => ({ status: r.status, body: JSON.parse(r.bytes.toString()), text: r.bytes.toString() })) as never, 409, 'INVALID_STATE');
      expectErrorShape(await api.post(`/api/staff/applications/${id}/refuse`, {}, { token: staff.token }), 400, 'VALIDATION_FAILED');
      const r = await api.post(`/api/staff/applications/${id}/refuse`, { reason: '申请事项不属于本机关职权范围' }, { token: staff.token });
      expect(r.body).toMatchObject({ status: 'refused', refuseReason: '申请事项不属于本机关职权范围', sla: null, dueAt: null });
      expectErrorShape(await api.post(`/api/staff/applications/${id}/accept`, undefined, { token: staff.token }), 409, 'INVALID_STATE');
      const pdf = await getBytes(`/api/applications/${id}/refusal.pdf`, c.token);
      expect(pdf.status).toBe(200);
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await messages(c.token)).find((m) => m.title === '不予受理通知')?.body).toContain('申请事项不属于本机关职权范围');
    });

    it('lets the applicant withdraw before acceptance', async () => {
      const svc = await makeService();
      const c = await verifiedCitizen(api);
      const draft = (await create(c.token, svc)).body.id;
      const w = await api.post(`/api/applications/${draft}/withdraw`, { reason: '改日再办' }, { token: c.token });
      expect(w.status).toBe(200);
      expect(w.body.status).toBe('withdrawn');
      expect(w.body.timeline[1]).toMatchObject({ status: 'withdrawn', actor: '申请人', note: '申请人撤回：改日再办' });
      expectErrorShape(await api.post(`/api/applications/${draft}/withdraw`, {}, { token: c.token }), 409, 'INVALID_STATE');
      expectErrorShape(await api.post(`/api/applications/${draft}/submit`, undefined, { token: c.token }), 409, 'INVALID_STATE');
      const id = await passed(c, svc);
      expect((await api.post(`/api/applications/${id}/withdraw`, {}, { token: c.token })).body.status).toBe('withdrawn');
      const listed = await api.get('/api/applications?status=withdrawn', { token: c.token });
      expect((listed.body as Array<{ id: string }>).map((a) => a.id).sort()).toEqual([draft, id].sort());
    });

    it('lists the caller’s filings, filtered by status', async () => {
      const svc = await makeService();
      const c = await verifiedCitizen(api);
      const a = (await create(c.token, svc)).body.id;
      const b = await passed(c, svc);
      const all = await api.get('/api/applications', { token: c.token });
      expect((all.body as Array<{ id: string }>).map((x) => x.id).sort()).toEqual([a, b].sort());
      expect((await api.get('/api/applications?status=draft', { token: c.token })).body.map((x: { id: string }) => x.id)).toEqual([a]);
      expectErrorShape(await api.get('/api/applications?status=nonsense', { token: c.token }), 400, 'VALIDATION_FAILED');
      // a company the caller does not belong to gives nothing of anyone else's
      expect((await api.get('/api/applications?enterpriseId=00000000-0000-0000-0000-000000000000', { token: c.token })).body).toEqual([]);
    });

    it('pages the list on request: `limit` newest first, then those created before the last one seen', async () => {
      const svc = await makeService();
      const c = await verifiedCitizen(api);
      for (let i = 0; i < 3; i++) expect((await create(c.token, svc)).status).toBe(201);
      const ids = (r: { body: Array<{ id: string }> }) => r.body.map((x) => x.id);
      const all = ids(await api.get('/api/applications', { token: c.token }));
      expect(all).toHaveLength(3); // made at the same instant (the test clock): the id decides the order
      expect(ids(await api.get('/api/applications?limit=2', { token: c.token }))).toEqual(all.slice(0, 2));
      expect(ids(await api.get(`/api/applications?limit=2&before=${all[1]}`, { token: c.token }))).toEqual([all[2]]);
      expect(ids(await api.get(`/api/applications?before=${all[2]}`, { token: c.token }))).toEqual([]);
      for (const bad of ['0', '201', 'x']) expectErrorShape(await api.get(`/api/applications?limit=${bad}`, { token: c.token }), 400, 'VALIDATION_FAILED');
      // someone else's filing is no place to start from
      const other = await verifiedCitizen(api);
      expectErrorShape(await api.get(`/api/applications?before=${all[0]}`, { token: other.token }), 400, 'VALIDATION_FAILED');
    });
  });

  describe('in whose name, and the upload limits', () => {
    it('says of each filing whether it is the caller’s own, a company’s (with its name) or made by an agent (names masked)', async () => {
      const svc = await makeService({ audience: 'both' }); // filed for a person and for a company
      const me = await verifiedCitizen(api);
      const first17 = `91110105${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
      // the legal representative is the creator's own verified name
      const company = await api.post('/api/enterprises', { name: '清河云帆商贸有限公司', creditCode: first17 + creditCodeCheckChar(first17), legalRepName: '测试用户' }, { token: me.token });
      expect(company.status).toBe(201);
      const own = (await create(me.token, svc)).body.id;
      const forCompany = (await create(me.token, svc, { onBehalfOf: { type: 'enterprise', id: company.body.id } })).body.id;
      const principal = await verifiedCitizen(api);
      const given = await api.post(
        '/api/authorizations',
        { principal: { type: 'person', id: principal.user.id }, agentPhone: me.phone, serviceIds: null, validFrom: '2026-12-07', validTo: '2026-12-31' },
        { token: principal.token },
      );
      expect(given.status).toBe(201);
      // (where authorisations wait for the agent's acceptance, accept it)
      if (given.body.status === 'pending') expect((await api.post(`/api/authorizations/${given.body.id}/accept`, undefined, { token: me.token })).status).toBeLessThan(300);
      const asAgent = (await create(me.token, svc, { onBehalfOf: { type: 'person', id: principal.user.id } })).body.id;

      const list = (await api.get('/api/applications', { token: me.token })).body as Array<{ id: string; party: Record<string, unknown>; uploadLimits?: unknown }>;
      const party = (id: string) => list.find((f) => f.id === id)?.party;
      expect(party(own)).toEqual({ type: 'self', enterpriseId: null, enterpriseName: null, principalId: me.user.id, principalName: '测**户', agentId: null, agentName: null });
      expect(party(forCompany)).toMatchObject({ type: 'enterprise', enterpriseId: company.body.id, enterpriseName: '清河云帆商贸有限公司', agentId: null });
      expect(party(asAgent)).toEqual({ type: 'agent', enterpriseId: null, enterpriseName: null, principalId: principal.user.id, principalName: '测**户', agentId: me.user.id, agentName: '测**户' });
      // the principal reads the same filing as made for them by the agent
      const theirs = (await api.get(`/api/applications/${asAgent}`, { token: principal.token })).body;
      expect(theirs.party).toMatchObject({ type: 'agent', principalId: principal.user.id, agentId: me.user.id });
      // the list stays light: the limits come with one filing
      expect(list.every((f) => f.uploadLimits === undefined)).toBe(true);
    });

    it('publishes the upload limits it enforces with each filing, as configured', async () => {
      const svc = await makeService();
      const c = await verifiedCitizen(api);
      const draft = await create(c.token, svc);
      const limits = { maxBytes: f.t.config.upload.maxBytes, maxFilesPerMaterial: 3, contentTypes: ['application/pdf', 'image/jpeg', 'image/png'] };
      expect(draft.body.uploadLimits).toEqual(limits);
      expect((await api.get(`/api/applications/${draft.body.id}`, { token: c.token })).body.uploadLimits).toEqual(limits);
      // one byte over the published size is refused by the server too
      const over = await upload(c.token, draft.body.id, svc.form, Buffer.concat([PDF(), Buffer.alloc(limits.maxBytes, 0x20)]));
      expect(over.status).toBe(413);
      expect(over.body.code).toBe('FILE_TOO_LARGE');
    });
  });

  describe('public progress look-up', () => {
    it('answers by number and phone tail with status and timeline, no personal data', async () => {
      const svc = await makeService();
      const c = await verifiedCitizen(api);
      const id = await passed(c, svc);
      const number = (await api.get(`/api/applications/${id}`, { token: c.token })).body.number as string;
      const r = await api.get(`/api/applications/lookup?number=${number}&phoneTail=${c.phone.slice(-4)}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ number, serviceName: expect.stringContaining('测试许可事项'), status: 'prereview_passed', sla: null });
      expect(r.body.timeline.map((e: { status: string; actor: string }) => [e.status, e.actor])).toEqual([
        ['submitted', '申请人'],
        ['prereview_passed', '窗口工作人员'],
      ]);
      expect(r.text).not.toContain('测试用户');
      expect(r.text).not.toContain(c.phone);
      expect(r.text).not.toContain(c.user.id);
      expect(r.text).not.toContain('王窗口');
      expect(r.text).not.toMatch(/userId|actorId|idNumber|phone"/);

      const wrongTail = String((Number(c.phone.slice(-4)) + 1) % 10000).padStart(4, '0');
      const wrong = await api.get(`/api/applications/lookup?number=${number}&phoneTail=${wrongTail}`);
      const missing = await api.get(`/api/applications/lookup?number=ZW20261207-999999&phoneTail=${c.phone.slice(-4)}`);
      expectErrorShape(wrong, 404, 'NOT_FOUND');
      expectErrorShape(missing, 404, 'NOT_FOUND');
      expect(wrong.body).toEqual(missing.body);
      expectErrorShape(await api.get('/api/applications/lookup?number=123&phoneTail=12'), 400, 'VALIDATION_FAILED');
    });

    it('is rate-limited per address, more tightly than the rest', async () => {
      let limited: { status: number; headers: Headers } | null = null;
      for (let i = 0; i < 20 && !limited; i++) {
        const r = await api.get('/api/applications/lookup?number=ZW20261207-000001&phoneTail=0000');
        if (r.status === 429) {
          expectErrorShape(r, 429, 'RATE_LIMITED');
          limited = r;
        }
      }
      expect(limited).not.toBeNull();
      expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('容缺 kept, the window in order, 退件 and 即办 (issue 16)', () => {
    const TUESDAY = '2026-12-08T02:00:00.000Z';
    const at = async (iso: string, ...who: Session[]) => {
      await setClock(api, iso);
      staff = await staffToken(api);
      reviewer = await reviewerToken(api);
      admin = await adminToken(api);
      otherStaff = (await staffSignIn(api, 'staff-east', 'Staff@2026east')).accessToken;
      for (const w of who) await refreshed(api, w);
    };
    // every test here starts on Monday 2026-12-07 10:00, whatever the one before did with the clock
    afterEach(async () => at(NOW));

    const submit = (token: string, id: string) => api.post(`/api/applications/${id}/submit`, undefined, { token });
    const commit = (token: string, id: string, materialIds: string[]) => api.post(`/api/applications/${id}/commitment`, { materialIds }, { token });
    const act = (id: string, step: string, body?: unknown, token = staff.token) => api.post(`/api/staff/applications/${id}/${step}`, body, { token });
    /** 受审分离: the department's reviewer, never the clerk who accepted, opens the review and decides. */
    const decide = (id: string, body: unknown) => act(id, 'advance', body, reviewer.token);

    /** A filing that owes the deed (房屋产权证明) under a signed commitment, accepted at the window now. */
    async function acceptedOwingDeed(c: Session, svc: Svc, extra: Record<string, unknown> = {}): Promise<string> {
      const id = (await create(c.token, svc, extra)).body.id;
      for (const m of [svc.form, svc.idCard]) expect((await upload(c.token, id, m, PDF(m))).status).toBe(201);
      expect((await commit(c.token, id, [svc.deed])).status).toBe(201);
      expect((await submit(c.token, id)).status).toBe(200);
      expect((await prereview(staff.token, id, allOk(svc))).body.status).toBe('prereview_passed');
      expect((await act(id, 'accept')).body.status).toBe('accepted');
      return id;
    }

    it('a 容缺 filing owes its paper after acceptance, is approved only once the paper is in, and says so with one commitment text', async () => {
      const svc = await makeService();
      const c = await verifiedCitizen(api);
      const id = await acceptedOwingDeed(c, svc);
      const v = (await api.get(`/api/applications/${id}`, { token: c.token })).body;
      // five working days from Monday 12-07: the end of Monday 12-14 in Shanghai
      expect(v.commitment).toEqual({ materialIds: [svc.deed], owed: [svc.deed], dueAt: '2026-12-14T15:59:59.999Z', daysLeft: 5, status: 'open' });
      expect(v.materials.find((m: { materialId: string }) => m.materialId === svc.deed).commitment.text).toContain('自受理之日起 5 个工作日内补交');
      expect((await messages(c.token)).find((m) => m.title === '办件已受理' && m.body.includes(v.number))?.body).toContain('请于 2026-12-14 前在办件详情中补交 房屋产权证明');

      // only the owed paper may come in now
      expectErrorShape((await upload(c.token, id, svc.other, PDF())) as never, 409, 'INVALID_STATE');
      expect((await decide(id, { to: 'under_review' })).body.status).toBe('under_review');
      const early = await decide(id, { to: 'approved', note: '符合条件' });
      expectErrorShape(early, 409, 'MATERIALS_OUTSTANDING');
      expect(early.body.details.materialIds).toEqual([svc.deed]);
      expect(early.body.message).toContain('房屋产权证明');

      await at(TUESDAY, c);
      expect((await upload(c.token, id, svc.deed, PDF('deed'))).status).toBe(201);
      const after = (await api.get(`/api/applications/${id}`, { token: c.token })).body;
      expect(after.commitment).toMatchObject({ owed: [], status: 'fulfilled' });
      expect(after.timeline[after.timeline.length - 1]).toMatchObject({ action: 'fulfil', status: 'under_review', actor: '申请人', note: expect.stringContaining('容缺材料已全部补齐') });
      const ok = await decide(id, { to: 'approved', note: '经审查符合法定条件，准予许可' });
      expect(ok.body.status).toBe('approved');
      // at the window the result is first ready for collection, then handed over
      expect((await act(id, 'deliver', { method: 'window' })).body.status).toBe('ready_for_pickup');
      expect((await act(id, 'deliver', { method: 'window' })).body.status).toBe('delivered');
      expect((await runJob('commitment-scan')).status).toBe(200);
    });

    it('a paper not handed in by its day is a breach: recorded once, the applicant told, staff see it, and further 容缺 is refused for COMMITMENT_BAR_DAYS', async () => {
      const svc = await makeService();
      const c = await verifiedCitizen(api);
      const id = await acceptedOwingDeed(c, svc);
      const approveTooEarly = await decide(id, { to: 'under_review' });
      expect(approveTooEarly.body.status).toBe('under_review');

      await at('2026-12-14T15:59:00.000Z', c); // the last minute: not yet breached
      expect((await runJob('commitment-scan')).body.breached).toBe(0);
      await at('2026-12-15T02:00:00.000Z', c);
      expectErrorShape((await upload(c.token, id, svc.deed, PDF('late'))) as never, 409, 'INVALID_STATE');
      const scan = await runJob('commitment-scan');
      expect(scan.body.breached).toBeGreaterThanOrEqual(1);
      expect((await runJob('commitment-scan')).body.breached).toBe(0);

      const v = (await api.get(`/api/applications/${id}`, { token: c.token })).body;
      expect(v.commitment).toMatchObject({ status: 'breached', owed: [svc.deed] });
      expect(v.timeline[v.timeline.length - 1]).toMatchObject({ action: 'breach', actor: '系统' });
      const told = (await messages(c.token)).filter((m) => m.title === '容缺承诺未按期履行');
      expect(told).toHaveLength(1);
      expect(told[0].body).toContain('房屋产权证明');
      expect(told[0].body).toContain('已记入信用记录');
      expectErrorShape(await decide(id, { to: 'approved', note: '符合条件' }), 409, 'MATERIALS_OUTSTANDING');

      // staff see the record on the filing, and on every other filing of the same person
      const staffView = (await api.get(`/api/applications/${id}`, { token: staff.token })).body;
      expect(staffView.credit.records).toHaveLength(1);
      expect(staffView.credit.records[0]).toMatchObject({ kind: 'commitment_breach', subjectType: 'person', applicationId: id, recordedAt: '2026-12-15T02:00:00.000Z' });
      expect(staffView.credit.barredUntil).toBe('2027-06-13T02:00:00.000Z'); // 180 days
      const next = (await create(c.token, svc)).body.id;
      const barred = await commit(c.token, next, [svc.deed]);
      expectErrorShape(barred, 403, 'FORBIDDEN');
      expect(barred.body.details).toEqual({ reason: 'commitment_barred', until: '2027-06-13T02:00:00.000Z' });
      await everything(c.token, next, svc);
      expect((await submit(c.token, next)).status).toBe(200);
      const listed = (await api.get('/api/staff/applications?status=submitted', { token: staff.token })).body as Array<{ id: string; credit: { barredUntil: string | null; records: unknown[] } }>;
      expect(listed.find((a) => a.id === next)?.credit).toMatchObject({ barredUntil: '2027-06-13T02:00:00.000Z', records: [expect.objectContaining({ applicationId: id })] });
      // someone else is not barred
      const other = await verifiedCitizen(api);
      const theirs = (await create(other.token, svc)).body.id;
      expect((await commit(other.token, theirs, [svc.deed])).status).toBe(201);

      // the window returns the filing whose paper never came (退件), with a 退件回执
      const back = await act(id, 'return', { reason: '承诺补交的房屋产权证明逾期未补交，申请材料不齐全' });
      expect(back.body).toMatchObject({ status: 'returned', returnReason: '承诺补交的房屋产权证明逾期未补交，申请材料不齐全', sla: null });
      const pdf = await getBytes(`/api/applications/${id}/return.pdf`, c.token);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await getBytes(`/api/applications/${id}/return.pdf`, other.token)).status).toBe(404);
      expect((await messages(c.token)).find((m) => m.title === '办件已退件')?.body).toContain('逾期未补交');

      // the bar lifts after its days (the session is renewed on the way: half a year outlives a refresh token)
      for (let day = 25; day < 180; day += 25) {
        await setClock(api, new Date(Date.parse('2026-12-15T02:00:00.000Z') + day * 86_400_000).toISOString());
        await refreshed(api, c);
      }
      await at('2027-06-13T01:59:00.000Z', c);
      expectErrorShape(await commit(c.token, (await create(c.token, svc)).body.id, [svc.deed]), 403, 'FORBIDDEN');
      await at('2027-06-13T02:00:01.000Z', c);
      const later = (await create(c.token, svc)).body.id;
      expect((await commit(c.token, later, [svc.deed])).status).toBe(201);
    });

    it("a company's breach goes on the company's record, once even when two scans race; the person acting for themselves is not barred", async () => {
      const svc = await makeService({ audience: 'both' });
      const owner = await verifiedCitizen(api);
      const company = await companyOf(api, owner);
      const forCompany = { onBehalfOf: { type: 'enterprise', id: company.id } };
      const id = await acceptedOwingDeed(owner, svc, forCompany);
      await at('2026-12-15T02:00:00.000Z', owner);
      const [x, y] = await Promise.all([runJob('commitment-scan'), runJob('commitment-scan')]);
      expect([x.status, y.status]).toEqual([200, 200]);
      expect(x.body.breached + y.body.breached).toBe(1);
      expect((await messages(owner.token)).filter((m) => m.title === '容缺承诺未按期履行')).toHaveLength(1);
      const credit = (await api.get(`/api/applications/${id}`, { token: staff.token })).body.credit;
      expect(credit.records).toEqual([expect.objectContaining({ subjectType: 'enterprise', applicationId: id })]);
      const companyDraft = (await create(owner.token, svc, forCompany)).body.id;
      const barred = await commit(owner.token, companyDraft, [svc.deed]);
      expectErrorShape(barred, 403, 'FORBIDDEN');
      expect(barred.body.message).toContain('该企业');
      const ownDraft = (await create(owner.token, svc)).body.id;
      expect((await commit(owner.token, ownDraft, [svc.deed])).status).toBe(201);
    });

    it('refuses a submitted filing at once, without passing it first', async () => {
      const { svc, c, appId } = await freshDraft();
      await everything(c.token, appId, svc);
      const s = await submit(c.token, appId);
      expect(s.body).toMatchObject({ status: 'submitted', acceptBy: '2026-12-08' });
      const listed = (await api.get('/api/staff/applications?status=submitted', { token: staff.token })).body as Array<{ id: string; acceptBy: string | null }>;
      expect(listed.find((a) => a.id === appId)?.acceptBy).toBe('2026-12-08');
      const r = await act(appId, 'refuse', { reason: '申请事项依法不需要取得行政许可' });
      expect(r.body).toMatchObject({ status: 'refused', refuseReason: '申请事项依法不需要取得行政许可', acceptBy: null });
      expect(r.body.timeline.map((e: { status: string }) => e.status)).toEqual(['draft', 'submitted', 'refused']);
      expect((await getBytes(`/api/applications/${appId}/refusal.pdf`, c.token)).status).toBe(200);
    });

    it('the originals check at the window may still send the one notice, under the same lock', async () => {
      const svc = await makeService();
      const c = await verifiedCitizen(api);
      const id = await passed(c, svc);
      expect((await api.get(`/api/applications/${id}`, { token: c.token })).body).toMatchObject({ acceptBy: '2026-12-08', prereview: null });
      // nothing wrong with the originals: accept, not a second pass
      expectErrorShape(await prereview(staff.token, id, allOk(svc)), 409, 'INVALID_STATE');
      const decisions = allOk(svc).map((d) => (d.materialId === svc.idCard ? { ...d, ok: false, reason: '身份证原件与上传的复印件不一致' } : d));
      const n = await prereview(staff.token, id, decisions);
      expect(n.status).toBe(200);
      expect(n.body).toMatchObject({ status: 'correction_required', notice: { round: 1, items: [{ materialId: svc.idCard, reason: '身份证原件与上传的复印件不一致' }] } });
      expect(n.body.timeline[n.body.timeline.length - 1].note).toContain('窗口核验原件');
      expect((await messages(c.token)).some((m) => m.title === '补正材料告知书（一次性告知）' && m.body.includes('身份证原件与上传的复印件不一致'))).toBe(true);

      expect((await upload(c.token, id, svc.idCard, PDF('new id'))).status).toBe(201);
      expect((await submit(c.token, id)).status).toBe(200);
      expect((await prereview(staff.token, id, allOk(svc))).body.status).toBe('prereview_passed');
      // at the originals again: what the notice did not name and the applicant did not change stays locked
      const locked = await prereview(staff.token, id, allOk(svc).map((d) => (d.materialId === svc.form ? { ...d, ok: false, reason: '申请书未签字' } : d)));
      expectErrorShape(locked, 409, 'NOTICE_LOCKED');
      expect(locked.body.details.materialIds).toEqual([svc.form]);
      expect((await act(id, 'accept')).body.status).toBe('accepted');
    });

    it("deemed acceptance does not fire while the filing waits for the applicant's originals", async () => {
      const svc = await makeService();
      const c = await verifiedCitizen(api);
      const waiting = await passed(c, svc);
      const pending = (await create(c.token, svc)).body.id;
      await everything(c.token, pending, svc);
      expect((await submit(c.token, pending)).status).toBe(200);
      await at('2026-12-15T02:00:00.000Z', c); // Monday 12-14 was the fifth working day
      expect((await runJob('sla-scan')).body.deemedAccepted).toBeGreaterThanOrEqual(1);
      expect((await api.get(`/api/applications/${pending}`, { token: c.token })).body).toMatchObject({ status: 'accepted', deemedAccepted: true });
      expect((await api.get(`/api/applications/${waiting}`, { token: c.token })).body).toMatchObject({ status: 'prereview_passed', deemedAccepted: false, dueAt: null });
    });

    it('returns (退件) only an accepted filing or one under review, and only with reasons', async () => {
      const svc = await makeService();
      const c = await verifiedCitizen(api);
      const id = await passed(c, svc);
      expectErrorShape(await act(id, 'return', { reason: '材料不齐' }), 409, 'INVALID_STATE');
      expect((await act(id, 'accept')).status).toBe(200);
      expectErrorShape(await act(id, 'return', {}), 400, 'VALIDATION_FAILED');
      expectErrorShape(await act(id, 'return', { reason: '材料不齐' }, otherStaff), 404, 'NOT_FOUND');
      expectErrorShape(await act(id, 'return', { reason: '材料不齐' }, c.token), 403, 'FORBIDDEN');
      expect((await getBytes(`/api/applications/${id}/return.pdf`, c.token)).status).toBe(409);
      const r = await act(id, 'return', { reason: '经审查，申请材料与实际情况不符' });
      expect(r.body).toMatchObject({ status: 'returned', statusLabel: '已退件', returnReason: '经审查，申请材料与实际情况不符', sla: null });
      expect(r.body.timeline[r.body.timeline.length - 1]).toMatchObject({ action: 'return', status: 'returned', note: '退件：经审查，申请材料与实际情况不符' });
      expectErrorShape(await decide(id, { to: 'under_review' }), 409, 'INVALID_STATE');
      expect((await getBytes(`/api/applications/${id}/return.pdf`, staff.token)).status).toBe(200);
    });

    it('即办: an instant service is decided and handed over on the spot, with no receipt and no clock', async () => {
      const r = await createService(api, admin, {
        hallIds: [staff.hallId],
        audience: 'person',
        instant: true,
        promisedDays: 1,
        materials: [{ name: '不动产登记资料查询申请书', required: true, tolerable: false }],
      });
      expect((await api.get(`/api/services/${r.id}`)).body.instant).toBe(true);
      const c = await verifiedCitizen(api);
      const id = (await create(c.token, { id: r.id } as Svc)).body.id;
      expect((await upload(c.token, id, r.materials[0].id, PDF('form'))).status).toBe(201);
      const s = await submit(c.token, id);
      expect(s.body.instant).toBe(true);
      const done = await act(id, 'complete', { note: '当场查询并出具查询结果' });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        status: 'delivered',
        receiptNo: null,
        dueAt: null,
        sla: null,
        decisionNote: '当场查询并出具查询结果',
        delivery: { method: 'window', trackingNo: null },
      });
      expect(done.body.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'complete']);
      expect((await getBytes(`/api/applications/${id}/receipt.pdf`, c.token)).status).toBe(409);
      expect((await messages(c.token)).some((m) => m.title === '即办件已办结' && m.body.includes('当场办结'))).toBe(true);
      expectErrorShape(await act(id, 'complete', {}), 409, 'INVALID_STATE');
      // a service that is not 即办 is accepted and handled within its promised days instead
      const svc = await makeService();
      const ordinary = await passed(c, svc);
      const refused = await act(ordinary, 'complete', {});
      expectErrorShape(refused, 409, 'INVALID_STATE');
      expect(refused.body.message).toContain('不是即办件');
    });
  });

  describe('deadlines across the 2026 National Day holiday', () => {
    let c: Session;
    let svc5: Svc;
    let svc6: Svc;
    let keySvc: Svc;

    const at = async (iso: string) => {
      await setClock(api, iso);
      staff = await staffToken(api);
      admin = await adminToken(api);
      await refreshed(api, c);
    };

    beforeAll(async () => {
      svc5 = await makeService({ promisedDays: 5 });
      svc6 = await makeService({ promisedDays: 6 });
      keySvc = await makeService({ promisedDays: 10, keyProject: true });
      await setClock(api, '2026-09-24T02:00:00.000Z'); // Thursday; Friday 09-25 is Mid-Autumn
      staff = await staffToken(api);
      admin = await adminToken(api);
      c = await verifiedCitizen(api);
    });
    afterAll(async () => {
      await setClock(api, NOW);
      staff = await staffToken(api);
      admin = await adminToken(api);
    });

    let five: string;
    let six: string;
    it('accepted 2026-09-24 with 5 promised days is due 2026-10-09; with 6, 2026-10-10 (the swapped Saturday)', async () => {
      five = await passed(c, svc5);
      six = await passed(c, svc6);
      const a5 = await api.post(`/api/staff/applications/${five}/accept`, undefined, { token: staff.token });
      const a6 = await api.post(`/api/staff/applications/${six}/accept`, undefined, { token: staff.token });
      expect(a5.body.dueAt).toBe('2026-10-09T15:59:59.999Z');
      expect(a6.body.dueAt).toBe('2026-10-10T15:59:59.999Z');
      expect(a5.body.sla).toBe('on_track');
    });

    it('turns due_soon with one working day left, overdue after, and tells the applicant once', async () => {
      await at('2026-10-05T02:00:00.000Z'); // holiday: 10-08 and 10-09 still to come
      expect((await api.get(`/api/applications/${five}`, { token: c.token })).body.sla).toBe('on_track');
      await at('2026-10-08T02:00:00.000Z');
      expect((await api.get(`/api/applications/${five}`, { token: c.token })).body.sla).toBe('due_soon');
      const scan1 = await runJob('sla-scan');
      expect(scan1.status).toBe(200);
      expect(scan1.body.marked).toBeGreaterThanOrEqual(1);
      expect((await api.get(`/api/staff/applications?sla=due_soon`, { token: staff.token })).body.map((a: { id: string }) => a.id)).toContain(five);

      await at('2026-10-10T02:00:00.000Z'); // 10-09 is over
      const scan2 = await runJob('sla-scan');
      expect(scan2.body.overdue).toBeGreaterThanOrEqual(1);
      const again = await runJob('sla-scan');
      expect(again.body).toMatchObject({ overdue: 0 });
      expect((await api.get(`/api/applications/${five}`, { token: c.token })).body.sla).toBe('overdue');
      expect((await api.get(`/api/applications/${six}`, { token: c.token })).body.sla).toBe('due_soon');
      const overdueMsgs = (await messages(c.token)).filter((m) => m.title === '办件已超期');
      expect(overdueMsgs).toHaveLength(1);
      expect(overdueMsgs[0].body).toContain('2026-10-09');
      expect((await api.get('/api/staff/applications?sla=overdue', { token: staff.token })).body.map((a: { id: string }) => a.id)).toEqual([five]);
    });

    it('a filing deemed accepted already past its promised days is overdue at once, and the applicant is told once', async () => {
      const svc1 = await makeService({ promisedDays: 1 });
      await at('2026-11-02T02:00:00.000Z'); // Monday
      const id = (await create(c.token, svc1)).body.id;
      await everything(c.token, id, svc1);
      expect((await api.post(`/api/applications/${id}/submit`, undefined, { token: c.token })).status).toBe(200);
      await at('2026-11-20T02:00:00.000Z'); // nobody pre-reviewed it for three weeks
      const scan = await runJob('sla-scan');
      expect(scan.body.deemedAccepted).toBeGreaterThanOrEqual(1);
      await runJob('sla-scan');
      const v = await api.get(`/api/applications/${id}`, { token: c.token });
      expect(v.body).toMatchObject({ status: 'accepted', deemedAccepted: true, sla: 'overdue' });
      expect((await messages(c.token)).filter((m) => m.title === '办件已超期' && m.body.includes(v.body.number))).toHaveLength(1);
    });

    it("accepts a filing by the law's clock 5 working days after submission, across the holiday, and not before", async () => {
      await at('2026-09-28T02:00:00.000Z'); // Monday
      const id = (await create(c.token, svc6)).body.id;
      await everything(c.token, id, svc6);
      const s = await api.post(`/api/applications/${id}/submit`, undefined, { token: c.token });
      expect(s.body.prereview).toEqual({ deadline: '2026-10-10', daysLeft: 5 }); // 09-29, 09-30, 10-08, 10-09, 10-10
      const key = await passed(c, keySvc);

      await at('2026-10-05T02:00:00.000Z');
      expect((await api.get(`/api/applications/${id}`, { token: c.token })).body.prereview.daysLeft).toBe(3);
      const list = (await api.get('/api/staff/applications?status=submitted', { token: staff.token })).body as Array<{ id: string; prereview: { daysLeft: number } }>;
      expect(list.find((a) => a.id === id)?.prereview.daysLeft).toBe(3);
      expect((await runJob('sla-scan')).body.deemedAccepted).toBe(0);

      await at('2026-10-10T15:59:00.000Z'); // the last minute of the fifth working day
      await runJob('sla-scan');
      expect((await api.get(`/api/applications/${id}`, { token: c.token })).body.status).toBe('submitted');

      await at('2026-10-10T16:00:01.000Z'); // Sunday 10-11, 00:00 in Shanghai
      const scan = await runJob('sla-scan');
      expect(scan.body.deemedAccepted).toBeGreaterThanOrEqual(1);
      expect((await runJob('sla-scan')).body.deemedAccepted).toBe(0);
      const v = await api.get(`/api/applications/${id}`, { token: c.token });
      expect(v.body).toMatchObject({ status: 'accepted', deemedAccepted: true, acceptedAt: '2026-09-28T02:00:00.000Z' });
      // the promised-days clock runs from the submission day: 6 working days after 09-28 is 10-12
      expect(v.body.dueAt).toBe('2026-10-12T15:59:59.999Z');
      expect(v.body.receiptNo).toMatch(/^SL20260928-/);
      const last = v.body.timeline[v.body.timeline.length - 1];
      expect(last).toMatchObject({ status: 'accepted', actor: '系统', actorKind: 'system', action: 'deem_accept' });
      expect(last.note).toContain('第三十二条');
      expect(last.note).toContain('2026-09-28');
      expect((await messages(c.token)).filter((m) => m.title === '办件已依法视为受理' && m.body.includes(v.body.number))).toHaveLength(1);
      expect((await getBytes(`/api/applications/${id}/receipt.pdf`, c.token)).status).toBe(200);

      // the key project passed pre-review and waits for the applicant's originals: the law's clock does not run for it
      const waitingForOriginals = (await api.get(`/api/applications/${key}`, { token: c.token })).body;
      expect(waitingForOriginals).toMatchObject({ status: 'prereview_passed', deemedAccepted: false, acceptedAt: null, dueAt: null, prereview: null });
      expect(waitingForOriginals.timeline.some((e: { action: string }) => e.action === 'deem_accept')).toBe(false);
      // staff lists: key projects first, then overdue
      const staffList = (await api.get('/api/staff/applications', { token: staff.token })).body as Array<{ id: string; keyProject: boolean; sla: string | null }>;
      const mine = staffList.filter((a) => [five, six, id, key].includes(a.id));
      expect(mine[0].id).toBe(key);
      expect(mine[1].id).toBe(five);
      const firstNonKey = staffList.findIndex((a) => !a.keyProject);
      expect(staffList.slice(firstNonKey).some((a) => a.keyProject)).toBe(false);
    });
  });
});
