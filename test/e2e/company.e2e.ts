import { Browser, Page } from 'playwright-core';
import { launch, screenshot } from './browser';
import { admin, call, cityHall, citizen, fill, press, refusal, signedInContext, submittedFiling, validCreditCode, visible } from './staff.helpers';

/** The 为谁办理 choice as the booking and filing pages read it (store/acting.ts, Taro storage). */
async function actingChoice(page: Page): Promise<{ type: 'person' | 'enterprise'; id: string; name: string } | null> {
  return page.evaluate(() => {
    const raw = window.localStorage.getItem('gov.acting.v1');
    return raw ? (JSON.parse(raw).data?.choice ?? null) : null;
  });
}

describe('company on the H5 build (phone)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a company (credit code checked first), files for it, sees the dashboard, manages members', async () => {
    const owner = await citizen('周九');
    const colleague = await citizen('吴十');
    const { page, context } = await signedInContext(browser, owner, 'phone');
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
    await press(page, '创建');
    await visible(page, '统一社会信用代码校验不通过，请核对');
    expect(posted).toBe(0);
    await screenshot(page, 'company-create-invalid');
    await fill(page, '统一社会信用代码', code);
    await press(page, '创建');
    await visible(page, name);
    await visible(page, `统一社会信用代码 ${code}`);
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
    expect(await row.innerText()).toContain('已提交，待预审');
    await visible(page, '已提交，待预审');
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

    const { page, context } = await signedInContext(browser, owner, 'phone');
    await page.goto('/subpackages/company/pages/acting/index');
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
});
