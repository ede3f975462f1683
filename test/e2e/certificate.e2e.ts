import { phonePage, useBrowser } from './browser';
import { expectAccessible, pdfBytes, seeVisible, shot, uploadVia } from './citizen.helpers';
import { call, citizen, fill, press, reviewer01, signedInContext, staff01, submittedFiling } from './staff.helpers';

/**
 * A filing's whole life on the H5 build (issue 16): the applicant owes one paper under a credit
 * commitment (容缺) and hands it in on the filing page after acceptance, chooses delivery by post with
 * their address, the approval's certificate appears in 我的证照 with its QR code, and its
 * verification page opens without signing in.
 */
describe('delivery and the electronic certificate on the H5 build', () => {
  const browser = useBrowser();

  it('owes a paper and hands it in after acceptance, chooses post, finds the 营业执照 in 我的证照, and opens its verification page signed out', async () => {
    const person = await citizen('王证照');
    const filing = await submittedFiling(person, undefined, { owe: true }); // 个体工商户设立登记: issues a 营业执照
    expect(filing.owed).toHaveLength(1);
    const { page, context } = await signedInContext(browser(), person, 'phone');

    // the filing asks how the result should reach the applicant
    await page.goto(`/subpackages/applications/pages/detail/index?id=${filing.id}`);
    await seeVisible(page, '送达方式');
    await page.getByRole('tab', { name: '邮寄送达' }).click();
    await fill(page, '收件人', '王证照');
    await fill(page, '手机号', '139 0012 3456');
    await fill(page, '所在地区', '河南省清河市龙湖区');
    await fill(page, '详细地址', '人民大道168号3单元501');
    await press(page, '保存送达方式');
    await seeVisible(page, '139****3456');
    await seeVisible(page, '人民大道168号3单元501');
    expect(await page.content()).not.toContain('13900123456');
    await shot(page, 'citizen-filing-delivery');

    // the window passes, accepts and posts it; the market department's reviewer approves (受审分离)
    const staff = await staff01();
    const reviewer = await reviewer01();
    const f = await call<any>('GET', `/api/applications/${filing.id}`, { token: person.accessToken });
    const run = async (steps: Array<[string, unknown]>) => {
      for (const [step, body] of steps) await call('POST', `/api/staff/applications/${filing.id}/${step}`, { token: (step === 'advance' ? reviewer : staff).accessToken, body });
    };
    await run([
      ['prereview', { decisions: f.materials.map((m: any) => ({ materialId: m.materialId, ok: true, reason: null })) }],
      ['accept', undefined],
      ['advance', { to: 'under_review' }],
    ]);
    // approval waits for the owed paper
    await expect(run([['advance', { to: 'approved', note: '符合登记条件，准予登记' }]])).rejects.toThrow(/MATERIALS_OUTSTANDING/);

    // 容缺 kept: the accepted filing asks for the owed paper, and takes it on the page
    await page.reload();
    await seeVisible(page, '容缺受理：请补交 1 项材料');
    await seeVisible(page, /补交期限还剩 \d+ 个工作日/);
    await uploadVia(page, `上传文件：${filing.owed[0].name}`, { name: '补交材料.pdf', mimeType: 'application/pdf', buffer: pdfBytes('owed-cert') });
    await page.getByRole('button', { name: '查看 补交材料.pdf' }).waitFor();
    await page.getByText('容缺受理：请补交 1 项材料').waitFor({ state: 'detached' });

    await run([
      ['advance', { to: 'approved', note: '符合登记条件，准予登记' }],
      ['deliver', { method: 'post', trackingNo: 'SF2026120701' }],
    ]);

    await page.reload();
    await seeVisible(page, 'SF2026120701');
    await seeVisible(page, '查看电子证照《营业执照》');

    // 我的证照: the certificate, then its page with the QR code
    await page.goto('/subpackages/certificates/pages/mine/index');
    await seeVisible(page, '营业执照');
    await seeVisible(page, '持证主体：王*照');
    await expectAccessible(page, '我的证照');
    await page.locator('.cert-card').locator('visible=true').first().click();
    await seeVisible(page, '出示此二维码，他人扫码即可核验证照真伪和状态（无需登录）');
    await page.locator('img[src^="data:image/png;base64,"]').locator('visible=true').first().waitFor();
    await shot(page, 'citizen-certificate');
    const [certificate] = await call<any[]>('GET', '/api/me/certificates', { token: person.accessToken });

    // the QR code's address, opened by someone not signed in
    const { page: anon, context: anonContext } = await phonePage(browser());
    await anon.goto(certificate.verifyPath);
    await seeVisible(anon, '✓ 证照有效');
    await seeVisible(anon, /验证通过/);
    await seeVisible(anon, '王*照');
    expect(await anon.content()).not.toContain('王证照');
    await expectAccessible(anon, '电子证照核验');
    await shot(anon, 'public-certificate-verify');
    await anonContext.close();
    await context.close();
  });
});
