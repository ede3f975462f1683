import { Page } from 'playwright-core';
import { screenshot, useBrowser } from './browser';
import { admin, adminSlot, call, citizen, cityHall, fill, press, service, signedInContext, slotLaterToday, staff01, submittedFiling, validIdNumber, visible } from './staff.helpers';

/** A citizen verified with an ID number we know (to see it revealed in full). */
async function citizenWithId(realName: string) {
  const c = await citizen(realName, false);
  const idNumber = validIdNumber();
  await call('POST', '/api/me/verify', { token: c.accessToken, body: { realName, idNumber } });
  return { ...c, idNumber };
}

const isDesk = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('gov-desk'));

/** A clerk's day on the desk (H5, 1280×800): navigation, search, whom they serve, the one-time notice. */
describe('the staff desk (H5, desk)', () => {
  const browser = useBrowser();

  it('finds a booking by its code from the search box, and reveals the applicant’s full ID number', async () => {
    const adminT = await admin();
    const person = await citizenWithId('欧阳小雨');
    const hall = await cityHall();
    const s = await service('', { hallId: hall.id });
    const slot = await slotLaterToday(adminT.accessToken, hall.id, s.id);
    const booking = await call<{ id: string; code: string }>('POST', '/api/bookings', { token: person.accessToken, body: { slotId: slot.id, serviceId: s.id } });

    const { page, context } = await signedInContext(browser(), await staff01(), 'desk');
    await page.goto('/subpackages/staff/pages/index/index');
    await visible(page, '今日预约');
    await fill(page, '查找办件或预约', booking.code.toLowerCase());
    await press(page, '查找');
    await visible(page, /按签到码.*查找/);
    const card = page.locator('.st-booking').filter({ hasText: booking.code });
    await card.waitFor({ state: 'visible' });
    // masked until asked for
    await card.getByText('申请人 欧**雨').waitFor({ state: 'visible' });
    expect(await card.innerText()).not.toContain(person.idNumber);
    expect(await card.innerText()).toContain(`${person.idNumber.slice(0, 3)}***********${person.idNumber.slice(-4)}`);
    await card.getByRole('button', { name: '查看完整信息' }).click();
    await card.getByText(`身份证号 ${person.idNumber}`).waitFor({ state: 'visible' });
    await card.getByText(`手机号 ${person.phone}`).waitFor({ state: 'visible' });
    await card.getByText('申请人 欧阳小雨').waitFor({ state: 'visible' });
    await visible(page, '本次查看已记入审计日志');
    await screenshot(page, 'staff-search');
    await context.close();
  });

  it('offers 常用补正语, asks to confirm the one-time notice listing every flagged material, and opens a photo full size', async () => {
    const person = await citizen('诸葛青');
    const filing = await submittedFiling(person);
    const { page, context } = await signedInContext(browser(), await staff01(), 'desk');
    await page.goto(`/subpackages/staff/pages/review/index?id=${filing.id}`);
    await visible(page, `办件编号 ${filing.number}`);
    await page.locator('.st-applicant').getByText('申请人 诸*青').waitFor({ state: 'visible' });

    // the ID photo opens at full size over the page, and closes again
    await page.getByRole('button', { name: /^放大查看：/ }).first().click();
    const photo = page.getByRole('dialog', { name: /^原图：/ });
    await photo.waitFor({ state: 'visible' });
    expect(await photo.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await photo.getByRole('button', { name: '关闭' }).click();
    await photo.waitFor({ state: 'detached' });

    const groups = page.locator('.st-material');
    const n = await groups.count();
    const first = groups.first();
    const firstName = (await first.locator('.st-item__title').innerText()).trim();
    await first.getByRole('radio', { name: '需补正' }).click();
    // a tapped phrase goes into the reason, and stays editable
    await first.getByRole('button', { name: '材料模糊不清，请重新拍摄上传' }).click();
    const reason = first.locator('textarea');
    expect(await reason.inputValue()).toBe('材料模糊不清，请重新拍摄上传');
    await reason.fill('材料模糊不清，请重新拍摄上传（第二页）');
    for (let i = 1; i < n; i++) await groups.nth(i).getByRole('radio', { name: '合格' }).click();

    await press(page, '发出补正告知（1 项）');
    const confirm = page.getByRole('dialog', { name: '发出一次性补正告知' });
    await confirm.waitFor({ state: 'visible' });
    await confirm.getByText(/一次性告知只能发出一次/).waitFor({ state: 'visible' });
    await confirm.getByText(`1. ${firstName}：材料模糊不清，请重新拍摄上传（第二页）`).waitFor({ state: 'visible' });
    await screenshot(page, 'staff-notice-confirm');
    // cancelling sends nothing
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await call<{ status: string }>('GET', `/api/applications/${filing.id}`, { token: person.accessToken })).status).toBe('submitted');

    await press(page, '发出补正告知（1 项）');
    await page.getByRole('dialog', { name: '发出一次性补正告知' }).getByRole('button', { name: '确认发出' }).click();
    await visible(page, '等待申请人补正材料。');
    const after = await call<{ status: string }>('GET', `/api/applications/${filing.id}`, { token: person.accessToken });
    expect(after.status).toBe('correction_required');
    await context.close();
  });

  it('check-in: a refusal (another day’s booking) goes away when the code is changed or the list is refreshed', async () => {
    const adminT = await admin();
    const person = await citizen('上官云');
    const hall = await cityHall();
    const s = await service('', { hallId: hall.id });
    const today = await slotLaterToday(adminT.accessToken, hall.id, s.id);
    const start = new Date(Date.parse(today.start) + 24 * 3_600_000);
    const slot = await adminSlot(adminT.accessToken, { hallId: hall.id, serviceId: s.id, start, capacity: 5 });
    const booking = await call<{ code: string }>('POST', '/api/bookings', { token: person.accessToken, body: { slotId: slot.id, serviceId: s.id } });

    const { page, context } = await signedInContext(browser(), await staff01(), 'desk');
    await page.goto('/subpackages/staff/pages/bookings/index');
    await fill(page, '签到码', booking.code);
    await press(page, '签到');
    const refusal = page.getByRole('alert').filter({ hasText: '不是今天' });
    await refusal.waitFor({ state: 'visible' });
    await press(page, '刷新');
    await refusal.waitFor({ state: 'detached' });
    await press(page, '签到');
    await refusal.waitFor({ state: 'visible' });
    await fill(page, '签到码', 'ABC');
    await refusal.waitFor({ state: 'detached' });
    await context.close();
  });

  it('moves between sections with the side navigation, back to 工作台, and signs out to the staff login on the desk', async () => {
    const staff = await staff01();
    const { page, context } = await signedInContext(browser(), staff, 'desk');
    await page.goto('/subpackages/staff/pages/appeals/index');
    const nav = page.getByRole('navigation', { name: '工作台导航' });
    await nav.waitFor({ state: 'visible' });
    expect(await nav.getByRole('link', { name: '申诉' }).getAttribute('aria-current')).toBe('page');
    // staff see no admin entries
    expect(await nav.getByRole('link', { name: '常用补正语' }).count()).toBe(0);

    await nav.getByRole('link', { name: '办件' }).click();
    await page.getByRole('heading', { name: '办件管理' }).waitFor({ state: 'visible' });
    expect(await nav.getByRole('link', { name: '办件' }).getAttribute('aria-current')).toBe('page');

    await nav.getByRole('link', { name: '工作台' }).click();
    await page.getByRole('heading', { name: '工作台' }).waitFor({ state: 'visible' });
    await visible(page, '今日预约');
    expect(page.url()).toContain('/subpackages/staff/pages/index/index');
    expect(await isDesk(page)).toBe(true);
    await screenshot(page, 'staff-home-nav');

    await nav.getByRole('link', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录工作台' }).waitFor({ state: 'visible' });
    expect(page.url()).toContain('/subpackages/staff/pages/login/index');
    // still the desk layout, not the citizen page stretched to the window
    await page.waitForTimeout(300);
    expect(await isDesk(page)).toBe(true);
    expect(await page.evaluate(() => window.localStorage.getItem('gov.session.v1') ?? '')).not.toContain(staff.accessToken);
    await context.close();
  });

  it('shows admins their entries, and the 常用补正语 they add reach the pre-review chips', async () => {
    const adminT = await admin();
    const { page, context } = await signedInContext(browser(), adminT, 'desk');
    await page.goto('/subpackages/admin/pages/phrases/index');
    const nav = page.getByRole('navigation', { name: '工作台导航' });
    expect(await nav.getByRole('link', { name: '常用补正语' }).getAttribute('aria-current')).toBe('page');
    await visible(page, '缺少签字或盖章');
    const phrase = `请补充近三个月的银行流水${Date.now() % 10000}`;
    await fill(page, '新增补正语', phrase);
    await press(page, '添加');
    await page.getByRole('group', { name: phrase }).waitFor({ state: 'visible' });
    const chips = await call<Array<{ text: string }>>('GET', '/api/staff/phrases', { token: (await staff01()).accessToken });
    expect(chips.map((c) => c.text)).toContain(phrase);
    const row = page.getByRole('group', { name: phrase });
    await row.getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog', { name: '删除补正语' }).getByRole('button', { name: '删除' }).click();
    await row.waitFor({ state: 'detached' });
    await context.close();
  });
});
