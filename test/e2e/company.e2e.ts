import { Page } from 'playwright-core';
import { screenshot, signedInAt, useBrowser } from './browser';
import { actingChoice, expectAccessible } from './citizen.helpers';
import { admin, call, cityHall, citizen, fill, press, refusal, service, signedInContext, staff01, submittedFiling, validCreditCode, visible } from './staff.helpers';

/** A service offered at several halls is filed only once a hall is chosen: take the first listed. */
async function firstHall(page: Page): Promise<void> {
  await page.getByRole('radio').locator('visible=true').first().click();
}

describe('company on the H5 build (phone)', () => {
  const browser = useBrowser();

  it('creates a company (credit code checked first), files for it, sees the dashboard, manages members', async () => {
    const owner = await citizen('周九');
    const colleague = await citizen('吴十');
    const { page, context } = await signedInContext(browser(), owner, 'phone');
    const name = `清河星火科技有限公司${Date.now() % 100000}`;
    const code = validCreditCode();

    await page.goto('/pages/me/index');
    await page.getByRole('button', { name: '我的企业' }).click();
    await visible(page, '您还没有加入任何企业');
    await press(page, '创建企业');
    await fill(page, '企业名称', name);
    // a wrong check character is caught before anything is sent
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    let posted = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/enterprises')) posted++;
    });
    await fill(page, '统一社会信用代码', wrong);
    await fill(page, '法定代表人', '周九');
    await visible(page, '法定代表人与您的实名一致，创建后立即生效。');
    await press(page, '创建');
    await visible(page, '统一社会信用代码校验不通过，请核对');
    expect(posted).toBe(0);
    await screenshot(page, 'company-create-invalid');
    await fill(page, '统一社会信用代码', code);
    await press(page, '创建');
    await visible(page, name);
    await visible(page, `统一社会信用代码 ${code}`);
    // the owner is its legal representative: in force at once
    await page.locator('.status-tag', { hasText: '已核验' }).first().waitFor({ state: 'visible' });
    expect(posted).toBe(1);

    // act for the company; a filing made for it (as the filing pages do with useActingFor()) shows on the dashboard
    await press(page, '以企业名义办理');
    await visible(page, '正在以企业名义办理');
    await page.getByRole('button', { name: '改回以本人名义办理' }).waitFor({ state: 'visible' });
    const choice = await actingChoice(page);
    expect(choice).toMatchObject({ type: 'enterprise', name });
    const filing = await submittedFiling(owner, { type: choice!.type, id: choice!.id });
    await page.reload();
    const row = page.locator('.co-filing').filter({ hasText: filing.number });
    await row.waitFor({ state: 'visible' });
    expect(await row.innerText()).toContain('待预审');
    await visible(page, '待预审');
    await screenshot(page, 'company-dashboard');
    const list = await call<Array<{ id: string }>>('GET', `/api/applications?enterpriseId=${choice!.id}`, { token: owner.accessToken });
    expect(list.map((f) => f.id)).toContain(filing.id);

    // members: add a handler by phone, then remove them
    await press(page, '成员管理');
    await fill(page, '成员手机号', colleague.phone);
    await press(page, '添加成员');
    const masked = `${colleague.phone.slice(0, 3)}****${colleague.phone.slice(-4)}`;
    await visible(page, masked);
    await screenshot(page, 'company-members');
    const members = await call<{ members: Array<{ phone: string; role: string }> }>('GET', `/api/enterprises/${choice!.id}`, { token: owner.accessToken });
    expect(members.members.find((m) => m.phone === masked)?.role).toBe('handler');
    await page.getByRole('button', { name: `移除成员 ${masked}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: '移除' }).click();
    await page.getByText(masked).waitFor({ state: 'detached' });
    await context.close();
  });

  it('a company is not offered a person-only service (户口迁移): guide, booking, off-hours and filing pages say why; the server refuses it too', async () => {
    const owner = await citizen('郑十一');
    // the legal representative is the owner's own verified name
    const company = await call<{ id: string; name: string }>('POST', '/api/enterprises', {
      token: owner.accessToken,
      body: { name: `清河市好运来餐饮有限公司${Date.now() % 100000}`, creditCode: validCreditCode(), legalRepName: '郑十一' },
    });
    const hall = await cityHall();
    const found = await call<{ items: Array<{ id: string; name: string; audience: string }> }>('GET', `/api/services?q=${encodeURIComponent('户口迁移')}&pageSize=20`);
    const hukou = found.items.find((x) => x.name === '户口迁移')!;
    expect(hukou.audience).toBe('person');

    const { page, context } = await signedInAt(browser(), owner, 'phone', '/subpackages/company/pages/acting/index');
    await page.getByRole('radio', { name: new RegExp(company.name) }).click();
    await page.waitForFunction(() => !!window.localStorage.getItem('gov.acting.v1'));
    expect(await actingChoice(page)).toMatchObject({ type: 'enterprise', id: company.id });

    const why = '该事项仅面向个人办理，不能以企业名义申请';
    const disabled = async (name: string) => expect(await page.getByRole('button', { name, exact: true }).locator('visible=true').first().getAttribute('aria-disabled')).toBe('true');
    await page.goto(`/subpackages/guide/pages/detail/index?id=${hukou.id}`);
    await visible(page, why);
    await visible(page, `当前以“${company.name}”（企业）名义办理。请改为以本人名义办理。`);
    await disabled('预约办理');
    await disabled('在线申报');
    await screenshot(page, 'company-person-only-guide');

    await page.goto(`/subpackages/booking/pages/book/index?serviceId=${hukou.id}`);
    await visible(page, why);
    expect(await page.getByText('2. 选择日期').count()).toBe(0);
    await disabled('确认预约');

    await page.goto(`/subpackages/booking/pages/offhours/index?serviceId=${hukou.id}&hallId=${hall.id}`);
    await visible(page, why);
    await disabled('提交申请');

    await page.goto(`/subpackages/applications/pages/new/index?serviceId=${hukou.id}`);
    await visible(page, why);
    await disabled('开始申报');

    // the server refuses all the same
    const refused = await refusal(call('POST', '/api/applications', { token: owner.accessToken, body: { serviceId: hukou.id, onBehalfOf: { type: 'enterprise', id: company.id } } }));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'AUDIENCE_MISMATCH', message: '“户口迁移”仅面向个人办理，不能以企业名义申请' });

    // reached anyway (the catalogue changed while the page was open): the server's answer is shown
    const adminT = (await admin()).accessToken;
    const guideAsAdmin = await call<any>('GET', `/api/admin/services/${hukou.id}`, { token: adminT });
    const body = {
      ...guideAsAdmin,
      id: undefined,
      code: `QH-E2E-${Date.now() % 1000000}`,
      name: '户口迁移（演示）',
      audience: 'both',
      materials: guideAsAdmin.materials.map((m: any) => ({ ...m, id: undefined, templateUrl: undefined, templateName: undefined })),
    };
    const copy = await call<{ id: string }>('POST', '/api/admin/services', { token: adminT, body });
    await page.goto(`/subpackages/applications/pages/new/index?serviceId=${copy.id}`);
    await page.getByRole('button', { name: '开始申报' }).waitFor({ state: 'visible' });
    await firstHall(page);
    expect(await page.getByText(why).count()).toBe(0);
    await call('PUT', `/api/admin/services/${copy.id}`, { token: adminT, body: { ...body, audience: 'person' } });
    await press(page, '开始申报');
    await visible(page, '“户口迁移（演示）”仅面向个人办理，不能以企业名义申请');
    await screenshot(page, 'company-person-only-refused');

    // for oneself the same service is offered
    await page.goto('/subpackages/company/pages/acting/index');
    await page.getByRole('radio', { name: /以自己的名义办理/ }).click();
    await page.waitForFunction(() => !window.localStorage.getItem('gov.acting.v1'));
    await page.goto(`/subpackages/guide/pages/detail/index?id=${hukou.id}`);
    await page.getByRole('button', { name: '在线申报' }).waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: '在线申报' }).getAttribute('aria-disabled')).toBeNull();
    expect(await page.getByText(why).count()).toBe(0);
    await context.close();
  });

  it('a company registered by someone other than its legal representative waits for the hall; staff verify it; then it files', async () => {
    const owner = await citizen('孙七');
    const { page, context } = await signedInContext(browser(), owner, 'phone');
    const name = `清河远山贸易有限公司${Date.now() % 100000}`;
    const code = validCreditCode();

    await page.goto('/subpackages/company/pages/create/index');
    await fill(page, '企业名称', name);
    await fill(page, '统一社会信用代码', code);
    await fill(page, '法定代表人', '李远山');
    // said before anything is sent
    await visible(page, /法定代表人不是您本人：创建后企业为“待核验”/);
    await press(page, '创建');
    await visible(page, name);
    await page.locator('.status-tag', { hasText: '待核验' }).first().waitFor({ state: 'visible' });
    await visible(page, /核验通过前，不能以企业名义预约、申报或授权代办/);
    expect(await page.getByRole('button', { name: '以企业名义办理' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '授权代办人' }).count()).toBe(0);
    await screenshot(page, 'company-pending');
    await expectAccessible(page, '待核验的企业');
    const companies = await call<Array<{ id: string; name: string; status: string }>>('GET', '/api/enterprises', { token: owner.accessToken });
    const company = companies.find((c) => c.name === name)!;
    expect(company.status).toBe('pending');

    // the 为谁办理 choice shows it, but not as usable
    await page.goto('/subpackages/company/pages/acting/index');
    const option = page.getByRole('radio', { name: new RegExp(`^${name}，.*核验通过后才能以企业名义办理`) });
    await option.waitFor({ state: 'visible' });
    expect(await option.getAttribute('aria-disabled')).toBe('true');
    // a tap only says why (Playwright will not click an aria-disabled element of its own accord)
    await option.click({ force: true });
    await page.waitForTimeout(500);
    expect(await actingChoice(page)).toBeNull();
    // and the server refuses it at the door
    const s = await service('个体工商户设立登记');
    const refused = await refusal(call('POST', '/api/applications', { token: owner.accessToken, body: { serviceId: s.id, onBehalfOf: { type: 'enterprise', id: company.id } } }));
    expect(refused.status).toBe(403);
    expect(refused.body.details.reason).toBe('enterprise_pending');

    // window staff find it on the desk and verify it
    const staff = await signedInContext(browser(), await staff01(), 'desk');
    await staff.page.goto('/subpackages/staff/pages/index/index');
    await staff.page.getByRole('button', { name: /企业核验/ }).click();
    const item = staff.page.locator('.st-item').filter({ hasText: name });
    await item.waitFor({ state: 'visible' });
    const itemText = await item.innerText();
    expect(itemText).toContain(code);
    expect(itemText).toContain('法定代表人 李远山');
    expect(itemText).toContain(`${owner.phone.slice(0, 3)}****${owner.phone.slice(-4)}`);
    expect(itemText).not.toContain(owner.phone);
    await staff.page.waitForTimeout(600); // the page's slide-in
    await screenshot(staff.page, 'staff-enterprises');
    await expectAccessible(staff.page, '企业核验');
    await item.getByRole('button', { name: '核验通过' }).click();
    await fill(staff.page, '核验说明（选填）', '已核对营业执照原件和法定代表人授权书');
    await staff.page.getByRole('dialog').getByRole('button', { name: '通过' }).click();
    await item.waitFor({ state: 'detached' });
    await staff.context.close();

    // the owner is told, the company shows verified, and it files
    const messages = await call<Array<{ type: string }>>('GET', '/api/messages', { token: owner.accessToken });
    expect(messages.map((m) => m.type)).toContain('enterprise_verified');
    await page.goto(`/subpackages/company/pages/detail/index?id=${company.id}`);
    await page.locator('.status-tag', { hasText: '已核验' }).first().waitFor({ state: 'visible' });
    await press(page, '以企业名义办理');
    await visible(page, '正在以企业名义办理');
    await page.goto(`/subpackages/applications/pages/new/index?serviceId=${s.id}`);
    await visible(page, `将为 ${name}（企业） 办理`);
    await firstHall(page);
    await page.getByRole('button', { name: '开始申报' }).click();
    await visible(page, '请逐项上传材料后提交预审');
    const filings = await call<Array<{ serviceId: string }>>('GET', `/api/applications?enterpriseId=${company.id}`, { token: owner.accessToken });
    expect(filings.map((f) => f.serviceId)).toContain(s.id);
    await context.close();
  });
});
