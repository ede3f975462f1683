import { signedInAt, useBrowser } from './browser';
import { adminLogin, api, expectAccessible, findService, guideOf, pdfBytes, pngBytes, staff01Login, uploadVia, verifiedCitizen, seeVisible, shot } from './citizen.helpers';
import { call, citizen, reviewer01, staff01, submittedFiling } from './staff.helpers';

describe('filings (网上预审) on the H5 build', () => {
  const browser = useBrowser();

  it('creates a filing, uploads, signs a commitment, submits, answers the one-time notice, and follows it to acceptance', async () => {
    const service = await findService('个体工商户', '个体工商户设立登记');
    const guide = await guideOf(service.id);
    const required = guide.materials.filter((m: any) => m.required && !m.tolerable);
    const tolerable = guide.materials.filter((m: any) => m.required && m.tolerable);
    expect(required.length).toBe(2);
    expect(tolerable.length).toBeGreaterThan(0);

    const citizen = await verifiedCitizen('周八');
    const { page, context } = await signedInAt(browser(), citizen, 'phone', `/subpackages/guide/pages/detail/index?id=${service.id}`);
    await page.getByRole('button', { name: '在线申报' }).click();
    // the filing page says for whom (为谁办理: 本人 here) and asks for the hall before the draft is made
    await seeVisible(page, '为谁办理');
    await seeVisible(page, '将为 本人（周八） 办理');
    await page.getByRole('radio', { name: `${guide.halls[0].name}，${guide.halls[0].address}` }).click();
    await page.getByRole('button', { name: '开始申报' }).click();
    await seeVisible(page, '请逐项上传材料后提交预审');
    await seeVisible(page, /办件编号：ZW\d{8}-\d{6}/);

    // two files, one for each required material
    await uploadVia(page, `上传文件：${required[0].name}`, { name: '身份证明.pdf', mimeType: 'application/pdf', buffer: pdfBytes('id') });
    await page.getByRole('button', { name: '查看 身份证明.pdf' }).waitFor();
    await uploadVia(page, `上传文件：${required[1].name}`, { name: '经营场所.png', mimeType: 'image/png', buffer: pngBytes() });
    await page.getByRole('button', { name: '查看 经营场所.png' }).waitFor();
    await shot(page, 'citizen-filing-draft');

    // submit without the tolerable material: it is highlighted
    await page.getByRole('button', { name: '提交预审' }).click();
    await seeVisible(page, /缺少此材料/);
    await shot(page, 'citizen-filing-missing');

    // cover it by a credit commitment
    await page.getByRole('button', { name: '签署信用承诺（容缺受理）' }).click();
    await seeVisible(page, /本人自愿作出信用承诺/);
    await page.getByRole('button', { name: '确认签署' }).click();
    await seeVisible(page, '已签信用承诺');
    await page.getByRole('button', { name: '提交预审' }).click();
    await seeVisible(page, '等待预审');
    await seeVisible(page, /预审剩余/);
    await expectAccessible(page, '办件详情（待预审）');

    // staff flag one material (every decision at once)
    const [listed] = await api<any[]>('GET', '/api/applications', { token: citizen.accessToken });
    expect(listed.materials).toBeUndefined(); // the list is light: materials come with the filing
    const filing = await api<any>('GET', `/api/applications/${listed.id}`, { token: citizen.accessToken });
    const staff = await staff01Login();
    const staffToken = staff.user.hallId === filing.hallId ? staff.accessToken : (await adminLogin()).accessToken;
    const decisions = (ok: boolean) =>
      filing.materials.map((m: any) =>
        m.materialId === required[0].materialId || m.materialId === required[0].id
          ? { materialId: m.materialId, ok, reason: ok ? null : '身份证明复印件不清晰，请上传清晰的扫描件' }
          : { materialId: m.materialId, ok: true, reason: null },
      );
    await api('POST', `/api/staff/applications/${filing.id}/prereview`, { token: staffToken, body: { decisions: decisions(false) } });

    await page.reload();
    await seeVisible(page, /一次性告知/);
    await seeVisible(page, '原因：身份证明复印件不清晰，请上传清晰的扫描件');
    await seeVisible(page, /请于 .* 前补正并重新提交/);
    await shot(page, 'citizen-filing-notice');

    // re-upload and resubmit
    await uploadVia(page, `上传文件：${required[0].name}`, { name: '身份证明-清晰版.pdf', mimeType: 'application/pdf', buffer: pdfBytes('id-clear') });
    await page.getByRole('button', { name: '查看 身份证明-清晰版.pdf' }).waitFor();
    await page.getByRole('button', { name: '补正后重新提交' }).click();
    await seeVisible(page, '等待预审');
    // the page may show 等待预审 from its timeline before the resubmission lands: wait for the server
    for (let i = 0; i < 50; i++) {
      if ((await api<any>('GET', `/api/applications/${filing.id}`, { token: citizen.accessToken })).status === 'submitted') break;
      await page.waitForTimeout(200);
    }
    expect((await api<any>('GET', `/api/applications/${filing.id}`, { token: citizen.accessToken })).status).toBe('submitted');

    // staff pass and accept
    await api('POST', `/api/staff/applications/${filing.id}/prereview`, { token: staffToken, body: { decisions: decisions(true) } });
    await api('POST', `/api/staff/applications/${filing.id}/accept`, { token: staffToken });
    const accepted = await api<any>('GET', `/api/applications/${filing.id}`, { token: citizen.accessToken });
    expect(accepted.status).toBe('accepted');
    const [y, m, d] = accepted.dueAt ? shanghai(accepted.dueAt).split('-').map(Number) : [0, 0, 0];

    await page.reload();
    await seeVisible(page, '办理进度');
    await seeVisible(page, '承诺办结期限');
    await seeVisible(page, `${y}年${m}月${d}日`);
    // the step's title once, not 受理（已受理）
    await page.locator('.timeline__title', { hasText: /^受理$/ }).first().waitFor({ state: 'visible' });
    await seeVisible(page, /出具补正告知/);
    await seeVisible(page, '下载受理通知书（PDF）');
    // 好差评 at acceptance (临沂 四(一)): offered on the filing itself
    await seeVisible(page, '受理环节已完成，欢迎评价本次服务');
    await page.getByRole('button', { name: '评价', exact: true }).locator('visible=true').first().waitFor({ state: 'visible' });
    await shot(page, 'citizen-filing-accepted');
    await expectAccessible(page, '办件详情（已受理）');

    await page.goto('/subpackages/applications/pages/mine/index');
    await seeVisible(page, service.name);
    await seeVisible(page, '已受理');
    await seeVisible(page, `办结期限：${y}年${m}月${d}日`);
    await seeVisible(page, '待评价');
    await seeVisible(page, /容缺材料待补交 1 项，请于 .* 前补交（还剩 \d+ 个工作日）/);
    await shot(page, 'citizen-my-filings');
    await expectAccessible(page, '我的办件');

    // 容缺 kept: the committed paper is owed now, counted down in working days, and handed in on the filing itself
    await page.goto(`/subpackages/applications/pages/detail/index?id=${filing.id}`);
    await seeVisible(page, '容缺受理：请补交 1 项材料');
    await seeVisible(page, /补交期限还剩 \d+ 个工作日/);
    // 受审分离: the market department's reviewer, not the clerk who accepted it, reviews and decides
    const decider = staff.user.hallId === filing.hallId ? (await reviewer01()).accessToken : staffToken;
    await api('POST', `/api/staff/applications/${filing.id}/advance`, { token: decider, body: { to: 'under_review' } });
    await expect(api('POST', `/api/staff/applications/${filing.id}/advance`, { token: decider, body: { to: 'approved', note: '符合条件' } })).rejects.toThrow(/MATERIALS_OUTSTANDING/);
    await uploadVia(page, `上传文件：${tolerable[0].name}`, { name: '经营场所证明.pdf', mimeType: 'application/pdf', buffer: pdfBytes('owed') });
    await page.getByRole('button', { name: '查看 经营场所证明.pdf' }).waitFor();
    await page.getByText('容缺受理：请补交 1 项材料').waitFor({ state: 'detached' });
    await seeVisible(page, /补交容缺材料/);
    await shot(page, 'citizen-filing-owed-handed-in');
    const decided = await api<any>('POST', `/api/staff/applications/${filing.id}/advance`, { token: decider, body: { to: 'approved', note: '符合条件' } });
    expect(decided.status).toBe('approved');

    // the public lookup (no sign-in)
    const anon = await browser().newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, locale: 'zh-CN', baseURL: (page.url().match(/^https?:\/\/[^/]+/) ?? [''])[0] });
    const p2 = await anon.newPage();
    await p2.goto('/subpackages/applications/pages/lookup/index');
    await p2.locator('input[aria-label="办件编号"]').fill(filing.number);
    await p2.locator('input[aria-label="手机号后四位"]').fill(citizen.phone.slice(-4));
    await p2.getByRole('button', { name: '查询' }).click();
    await p2.getByText('办理进度').first().waitFor();
    await p2.getByText(service.name).first().waitFor();
    expect(await p2.content()).not.toContain(citizen.phone);
    await shot(p2, 'citizen-lookup');
    await anon.close();
    await context.close();
  });

  it('refuses a resubmission that corrects nothing the notice named, naming the materials; staff see what changed since the notice', async () => {
    const person = await citizen('孙七');
    const filing = await submittedFiling(person);
    const staff = await staff01();
    const f = await call<any>('GET', `/api/applications/${filing.id}`, { token: person.accessToken });
    const [first, second] = f.materials.filter((m: any) => m.required);
    const named = new Set([first.materialId, second.materialId]);
    await call('POST', `/api/staff/applications/${filing.id}/prereview`, {
      token: staff.accessToken,
      body: { decisions: f.materials.map((m: any) => ({ materialId: m.materialId, ok: !named.has(m.materialId), reason: named.has(m.materialId) ? '不清晰，请重新扫描' : null })) },
    });

    const { page, context } = await signedInAt(browser(), person, 'phone', `/subpackages/applications/pages/detail/index?id=${filing.id}`);
    await seeVisible(page, /一次性告知：请补正以下 2 项材料/);
    // nothing changed: refused, and the page names both materials and marks them
    await page.getByRole('button', { name: '补正后重新提交' }).click();
    await seeVisible(page, `未能提交：告知补正的材料“${first.name}”“${second.name}”尚未更改。请上传补正后的材料后再提交。`);
    expect(await page.getByText(/^尚未更改：请上传补正后的材料/).locator('visible=true').count()).toBe(2);
    expect(await page.getByText('补正材料已提交').count()).toBe(0);
    await shot(page, 'citizen-filing-nothing-corrected');
    expect((await call<any>('GET', `/api/applications/${filing.id}`, { token: person.accessToken })).status).toBe('correction_required');

    // one of the two replaced: still refused, naming the other
    await uploadVia(page, `上传文件：${first.name}`, { name: '申请书-已签字.pdf', mimeType: 'application/pdf', buffer: pdfBytes('signed') });
    await page.getByRole('button', { name: '查看 申请书-已签字.pdf' }).waitFor();
    await page.getByRole('button', { name: '补正后重新提交' }).click();
    await seeVisible(page, `未能提交：告知补正的材料“${second.name}”尚未更改。请上传补正后的材料后再提交。`);
    expect(await page.getByText(/^尚未更改：请上传补正后的材料/).locator('visible=true').count()).toBe(1);

    // staff see which of the flagged materials changed since the notice
    const desk = await signedInAt(browser(), staff, 'desk', `/subpackages/staff/pages/review/index?id=${filing.id}`);
    await desk.page.getByRole('group', { name: first.name }).getByText('已更新').waitFor({ state: 'visible' });
    await desk.page.getByRole('group', { name: second.name }).getByText('未更改').waitFor({ state: 'visible' });
    await shot(desk.page, 'staff-review-changed-since-notice');
    await desk.context.close();

    // the second replaced too: it goes through
    await uploadVia(page, `上传文件：${second.name}`, { name: '身份证明-清晰版.png', mimeType: 'image/png', buffer: pngBytes() });
    await page.getByRole('button', { name: '查看 身份证明-清晰版.png' }).waitFor();
    await page.getByRole('button', { name: '补正后重新提交' }).click();
    await seeVisible(page, '等待预审');
    for (let i = 0; i < 50; i++) {
      if ((await call<any>('GET', `/api/applications/${filing.id}`, { token: person.accessToken })).status === 'submitted') break;
      await page.waitForTimeout(200);
    }
    expect((await call<any>('GET', `/api/applications/${filing.id}`, { token: person.accessToken })).status).toBe('submitted');
    await context.close();
  });
});

function shanghai(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
