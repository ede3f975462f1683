import { Browser, Page } from 'playwright-core';
import { launch, screenshot } from './browser';
import { call, citizen, fill, press, signedInContext, submittedFiling, validCreditCode, visible } from './staff.helpers';

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
});
