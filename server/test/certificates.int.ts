import { expectErrorShape, must } from './helpers/http';
import { pdfFacts } from './helpers/pdf';
import { createService, Session, uploadPdf, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';
import { sql } from '../../test/support/test-app';

/**
 * Results and electronic certificates (issue 16, DESIGN.md Results): approval issues a certificate
 * signed with the centre's SM2 key, the holder's 证照夹 lists it, anyone verifies it by its public
 * page, a later filing is filled from it (免提交), and the applicant chooses how the result
 * reaches them (post to their address, the window with where and when). MariaDB, test clock.
 */
describe('results and electronic certificates', () => {
  const NOW = '2026-12-07T02:00:00.000Z'; // Monday 10:00 in Shanghai
  const f = useTestApp({ now: NOW });
  const api = f.api;
  const LICENCE = '测试经营许可证';

  /** A licence-issuing service of the test's own (one material), valid 5 years, with the given delivery methods. */
  const licensing = (delivery = ['window', 'post', 'online']) =>
    createService(api, f.world.admin, { hallIds: [f.world.hallId], audience: 'person', delivery, certificate: { type: LICENCE, years: 5 }, materials: [{ name: '申请书', required: true, tolerable: false }] });

  const staff = () => f.world.staff.token;
  // 受审分离: the window clerk (staff01) pre-reviews, accepts and delivers; the market department's reviewer decides
  const act = (id: string, step: string, body?: unknown) =>
    api.post(`/api/staff/applications/${id}/${step}`, body, { token: step === 'advance' ? f.world.reviewer.token : staff() });

  /** A filing of `svc` by `who`, every material uploaded but those filled from a certificate, submitted, passed and accepted. */
  async function accepted(who: Session, svc: { id: string }): Promise<string> {
    const draft = must(await api.post('/api/applications', { serviceId: svc.id }, { token: who.token }), 201, 'draft');
    for (const m of draft.materials as Array<{ materialId: string; reusedFrom: unknown }>) {
      if (!m.reusedFrom) expect(await uploadPdf(api, who.token, draft.id, m.materialId)).toBe(201);
    }
    must(await api.post(`/api/applications/${draft.id}/submit`, undefined, { token: who.token }), 200, 'submit');
    const decisions = (draft.materials as Array<{ materialId: string }>).map((m) => ({ materialId: m.materialId, ok: true, reason: null }));
    must(await act(draft.id, 'prereview', { decisions }), 200, 'prereview');
    must(await act(draft.id, 'accept'), 200, 'accept');
    return draft.id;
  }

  /** accepted, reviewed and decided (approved unless told). Answers the staff view of the decision. */
  async function decided(who: Session, svc: { id: string }, to: 'approved' | 'denied' = 'approved') {
    const id = await accepted(who, svc);
    must(await act(id, 'advance', { to: 'under_review' }), 200, 'review');
    const note = to === 'approved' ? '经审查符合法定条件，准予许可' : '经营场所不符合卫生要求';
    return { id, view: must(await act(id, 'advance', { to, note }), 200, 'decide') };
  }

  const bytesOf = async (path: string, token?: string) => {
    const res = await fetch(`${f.t.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const titles = async (token: string) => ((await api.get('/api/messages', { token })).body as Array<{ title: string; body: string }>);

  it('issues a signed certificate on approval: in the holder’s 证照夹 with its QR, verified by anyone, failing once one byte of its content changes', async () => {
    const svc = await licensing();
    const holder = await verifiedCitizen(api);
    const { id } = await decided(holder, svc);

    const filing = must(await api.get(`/api/applications/${id}`, { token: holder.token }), 200, 'filing');
    expect(filing.certificate).toEqual({ id: expect.any(String), type: LICENCE, number: expect.stringMatching(/^ZZ20261207-[2-9A-Z]{8}$/), verifyCode: expect.any(String) });
    const told = (await titles(holder.token)).find((m) => m.title === '准予许可');
    expect(told?.body).toContain(filing.certificate.number);

    const wallet = must(await api.get('/api/me/certificates', { token: holder.token }), 200, 'wallet');
    expect(wallet).toEqual([
      expect.objectContaining({
        id: filing.certificate.id,
        type: LICENCE,
        holderName: '测**户',
        issuedBy: '清河市市场监督管理局', // the deciding department by name, not the guide's wording
        validFrom: '2026-12-07',
        validTo: '2031-12-06',
        status: 'valid',
        valid: true,
        verifyCode: filing.certificate.verifyCode,
        applicationId: id,
      }),
    ]);
    const page = must(await api.get(`/api/certificates/${filing.certificate.id}`, { token: holder.token }), 200, 'certificate');
    expect(page.qrImage).toMatch(/^data:image\/png;base64,/);
    expect(page.verifyPath).toBe(`/subpackages/certificates/pages/verify/index?code=${filing.certificate.verifyCode}`);

    // nobody else sees it, nor its PDF
    const stranger = await verifiedCitizen(api);
    expect(must(await api.get('/api/me/certificates', { token: stranger.token }), 200, 'empty wallet')).toEqual([]);
    expectErrorShape(await api.get(`/api/certificates/${filing.certificate.id}`, { token: stranger.token }), 404, 'NOT_FOUND');
    expect((await bytesOf(`/api/certificates/${filing.certificate.id}/pdf`, stranger.token)).status).toBe(404);

    const pdf = await bytesOf(`/api/certificates/${filing.certificate.id}/pdf`, holder.token);
    expect({ status: pdf.status, type: pdf.type }).toEqual({ status: 200, type: 'application/pdf' });
    expect(pdfFacts(pdf.bytes).info).toMatchObject({ Title: LICENCE, Subject: `证照编号：${filing.certificate.number}` });
    expect(pdf.bytes.toString('latin1')).toMatch(/\/Subtype \/Image/); // the QR code
    const decision = await bytesOf(`/api/applications/${id}/decision.pdf`, holder.token);
    expect(pdfFacts(decision.bytes).info.Title).toBe('准予行政许可决定书');

    // the public page, no token
    const verify = `/api/certificates/verify/${filing.certificate.verifyCode}`;
    expect(must(await api.get(verify), 200, 'verify')).toEqual({
      valid: true,
      type: LICENCE,
      number: filing.certificate.number,
      holderName: '测**户',
      issuedBy: '清河市市场监督管理局', // the deciding department by name, not the guide's wording
      issuedAt: NOW,
      validTo: '2031-12-06',
      status: 'valid',
      signatureValid: true,
      algorithm: 'SM2-with-SM3',
      reason: null,
    });
    expectErrorShape(await api.get('/api/certificates/verify/ABCDEFGHJKMNPQRS'), 404, 'NOT_FOUND');
    expectErrorShape(await api.get('/api/certificates/verify/not-a-code'), 404, 'NOT_FOUND');

    // one byte of the stored content changed (a digit of the validity's end year): the signature no longer checks
    const db = f.t.config.database.url!;
    const [row] = await sql<{ content: string }>(db, 'SELECT content FROM certificates WHERE id = ?', [filing.certificate.id]);
    const bytes = Buffer.from(row.content, 'utf8');
    const at = bytes.indexOf(Buffer.from('"validTo":"2031')) + '"validTo":"203'.length;
    bytes[at] = '9'.charCodeAt(0);
    await sql(db, 'UPDATE certificates SET content = ? WHERE id = ?', [bytes.toString('utf8'), filing.certificate.id]);
    const forged = must(await api.get(verify), 200, 'verify forged');
    expect(forged).toMatchObject({ valid: false, signatureValid: false, validTo: '2039-12-06', reason: expect.stringContaining('篡改') });
  });

  it('fills a second filing from the first one’s certificate (免提交): no upload asked, submitted as complete', async () => {
    const holder = await verifiedCitizen(api);
    const { view } = await decided(holder, await licensing());
    const certificateId = (await api.get(`/api/applications/${view.id}`, { token: holder.token })).body.certificate.id as string;

    const later = await createService(api, f.world.admin, {
      hallIds: [f.world.hallId],
      audience: 'person',
      materials: [
        { name: '变更申请书', required: true, tolerable: false },
        { name: '经营许可证复印件', required: true, tolerable: true, certificateType: LICENCE },
      ],
    });
    const guide = must(await api.get(`/api/services/${later.id}`), 200, 'guide');
    expect(guide.materials.map((m: { certificateType: string | null }) => m.certificateType)).toEqual([null, LICENCE]);

    const draft = must(await api.post('/api/applications', { serviceId: later.id }, { token: holder.token }), 201, 'draft');
    const [form, licence] = draft.materials;
    expect(licence).toMatchObject({ name: '经营许可证复印件', files: [], reusedFrom: { certificateId, type: LICENCE, number: expect.any(String) } });
    expect(form.reusedFrom).toBeNull();
    // nothing to promise (容缺) for a paper the certificate already stands for
    const owe = await api.post(`/api/applications/${draft.id}/commitment`, { materialIds: [licence.materialId] }, { token: holder.token });
    expectErrorShape(owe, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(owe.body.details)).toContain('已由电子证照免提交');
    expect(await uploadPdf(api, holder.token, draft.id, form.materialId)).toBe(201);
    expect(must(await api.post(`/api/applications/${draft.id}/submit`, undefined, { token: holder.token }), 200, 'submit').status).toBe('submitted');
    const detail = must(await api.get(`/api/applications/${draft.id}`, { token: holder.token }), 200, 'detail');
    expect(detail.timeline[0].note).toContain('已由电子证照免提交');

    // someone without the certificate must upload it
    const other = await verifiedCitizen(api);
    const theirs = must(await api.post('/api/applications', { serviceId: later.id }, { token: other.token }), 201, 'draft');
    expect(theirs.materials[1].reusedFrom).toBeNull();
    expect(await uploadPdf(api, other.token, theirs.id, theirs.materials[0].materialId)).toBe(201);
    const missing = await api.post(`/api/applications/${theirs.id}/submit`, undefined, { token: other.token });
    expectErrorShape(missing, 422, 'MATERIALS_MISSING');
    expect(missing.body.details.materialIds).toEqual([theirs.materials[1].materialId]);

    // a certificate revoked after the draft no longer stands in for the paper
    const again = must(await api.post('/api/applications', { serviceId: later.id }, { token: holder.token }), 201, 'draft');
    expect(again.materials[1].reusedFrom?.certificateId).toBe(certificateId);
    await sql(f.t.config.database.url!, "UPDATE certificates SET status = 'revoked' WHERE id = ?", [certificateId]);
    expect(await uploadPdf(api, holder.token, again.id, again.materials[0].materialId)).toBe(201);
    expectErrorShape(await api.post(`/api/applications/${again.id}/submit`, undefined, { token: holder.token }), 422, 'MATERIALS_MISSING');
  });

  it('posts the result to the address the applicant gave: among the published methods, stored encrypted, shown masked, with the tracking number', async () => {
    const svc = await licensing(['window', 'post']);
    const c = await verifiedCitizen(api);
    const id = await accepted(c, svc);
    const choose = (body: unknown, token = c.token) => api.put(`/api/applications/${id}/delivery`, body, { token });

    const online = await choose({ method: 'online' });
    expectErrorShape(online, 400, 'VALIDATION_FAILED');
    expect(online.body.details.fields).toEqual([{ field: 'method', message: '该事项可选的送达方式：窗口领取、邮寄送达' }]);
    const bare = await choose({ method: 'post', address: { name: '', phone: '12', region: '河南省清河市龙湖区', detail: '1' } });
    expectErrorShape(bare, 400, 'VALIDATION_FAILED');
    expect(bare.body.details.fields.map((x: { field: string }) => x.field)).toEqual(['address.name', 'address.phone', 'address.detail']);
    expectErrorShape(await choose({ method: 'post', address: { name: '张小三', phone: '139 0012 3456', region: '河南省清河市龙湖区', detail: '人民大道168号3单元501' } }, (await verifiedCitizen(api)).token), 404, 'NOT_FOUND');

    const chosen = must(await choose({ method: 'post', address: { name: '张小三', phone: '+86 139 0012 3456', region: '河南省清河市龙湖区', detail: '人民大道168号3单元501' } }), 200, 'choose post');
    expect(chosen.delivery).toEqual({
      method: 'post',
      chosenBy: 'applicant',
      address: { name: '张*三', phone: '139****3456', region: '河南省清河市龙湖区', detail: '人民大道168号3单元501' },
      trackingNo: null,
      pickup: null,
      at: null,
    });
    const [stored] = await sql<{ enc: string }>(f.t.config.database.url!, 'SELECT delivery_address_enc AS enc FROM applications WHERE id = ?', [id]);
    expect(stored.enc).toMatch(/^v1:/);
    expect(stored.enc).not.toMatch(/13900123456|张小三|人民大道/);

    must(await act(id, 'advance', { to: 'under_review' }), 200, 'review');
    must(await act(id, 'advance', { to: 'approved', note: '准予许可' }), 200, 'approve');
    const wrong = await act(id, 'deliver', { method: 'window' });
    expectErrorShape(wrong, 400, 'VALIDATION_FAILED');
    expect(wrong.body.details.fields[0].field).toBe('method');
    expectErrorShape(await act(id, 'deliver', { method: 'post' }), 400, 'VALIDATION_FAILED');
    // the parcel needs the whole address: staff reveal it (audited), as they reveal the applicant
    const full = must(await act(id, 'reveal-applicant'), 200, 'reveal');
    expect(full.postalAddress).toEqual({ name: '张小三', phone: '13900123456', region: '河南省清河市龙湖区', detail: '人民大道168号3单元501' });
    const sent = must(await act(id, 'deliver', { method: 'post', trackingNo: 'SF1234567890' }), 200, 'deliver');
    expect(sent.status).toBe('delivered');
    expect(sent.delivery).toMatchObject({ method: 'post', trackingNo: 'SF1234567890', address: { phone: '139****3456' }, at: expect.any(String) });

    const mine = must(await api.get(`/api/applications/${id}`, { token: c.token }), 200, 'filing');
    expect(mine.delivery).toMatchObject({ method: 'post', chosenBy: 'applicant', trackingNo: 'SF1234567890' });
    const told = (await titles(c.token)).find((m) => m.title === '办理结果已送达');
    expect(told?.body).toContain('SF1234567890');
    expect(told?.body).toContain('河南省清河市龙湖区');
    expect(told?.body).not.toContain('13900123456');
    expectErrorShape(await choose({ method: 'window' }), 409, 'INVALID_STATE');
  });

  it('at the window, tells the applicant where and when the result is ready, then hands it over', async () => {
    const svc = await licensing();
    const c = await verifiedCitizen(api);
    const id = await accepted(c, svc);
    must(await api.put(`/api/applications/${id}/delivery`, { method: 'window' }, { token: c.token }), 200, 'choose window');
    must(await act(id, 'advance', { to: 'under_review' }), 200, 'review');
    must(await act(id, 'advance', { to: 'approved', note: '准予许可' }), 200, 'approve');

    const ready = must(await act(id, 'deliver', { method: 'window' }), 200, 'ready');
    expect(ready.status).toBe('ready_for_pickup');
    expect(ready.delivery.pickup).toEqual({ place: expect.stringContaining('清河市政务服务中心'), hours: expect.any(String), readyAt: NOW });
    const told = (await titles(c.token)).find((m) => m.title === '办理结果可以领取了');
    expect(told?.body).toContain('清河市龙湖区人民大道168号');
    expect(told?.body).toContain('周一至周五');

    const handed = must(await act(id, 'deliver', { method: 'window' }), 200, 'hand over');
    expect(handed).toMatchObject({ status: 'delivered', delivery: { method: 'window', at: expect.any(String) } });
  });

  it('issues one certificate when two approvals of the same filing race', async () => {
    const c = await verifiedCitizen(api);
    const id = await accepted(c, await licensing());
    must(await act(id, 'advance', { to: 'under_review' }), 200, 'review');
    const answers = await Promise.all([1, 2, 3].map(() => act(id, 'advance', { to: 'approved', note: '准予许可' })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expectErrorShape(a, 409, 'INVALID_STATE');
    const [{ n }] = await sql<{ n: number }>(f.t.config.database.url!, 'SELECT COUNT(*) AS n FROM certificates WHERE application_id = ?', [id]);
    expect(Number(n)).toBe(1);
    expect(must(await api.get('/api/me/certificates', { token: c.token }), 200, 'wallet')).toHaveLength(1);
  });

  it('denies with a 不予许可决定书 and issues no certificate', async () => {
    const c = await verifiedCitizen(api);
    const { id, view } = await decided(c, await licensing(), 'denied');
    expect(view.certificate).toBeNull();
    expect(must(await api.get('/api/me/certificates', { token: c.token }), 200, 'wallet')).toEqual([]);
    const pdf = await bytesOf(`/api/applications/${id}/decision.pdf`, c.token);
    expect(pdfFacts(pdf.bytes).info.Title).toBe('不予行政许可决定书');
    const told = (await titles(c.token)).find((m) => m.title === '不予许可');
    expect(told?.body).toContain('六十日内申请行政复议');
    expect(told?.body).toContain('六个月内提起行政诉讼');
  });
});
