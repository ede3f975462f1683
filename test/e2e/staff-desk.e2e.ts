import { Page } from 'playwright-core';
import { screenshot, signedInAt, useBrowser } from './browser';
import { admin, adminSlot, bookedLaterToday, call, citizen, fill, press, reviewer01, signedInContext, slotTodayAtCityHall, staff01, submittedFiling, supervisor01, validIdNumber, visible } from './staff.helpers';

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
    const person = await citizenWithId('欧阳小雨');
    const booking = await bookedLaterToday(person, (await admin()).accessToken);

    const { page, context } = await signedInAt(browser(), await staff01(), 'desk', '/subpackages/staff/pages/index/index');
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

  it('splits the review by duty (受审分离): the clerk accepts, the department reviewer decides, only a supervisor has the 督办 page', async () => {
    const person = await citizen('司马琴');
    const filing = await submittedFiling(person);
    const clerkT = await staff01();
    const full = await call<{ materials: Array<{ materialId: string }> }>('GET', `/api/applications/${filing.id}`, { token: person.accessToken });
    await call('POST', `/api/staff/applications/${filing.id}/prereview`, { token: clerkT.accessToken, body: { decisions: full.materials.map((m) => ({ materialId: m.materialId, ok: true, reason: null })) } });
    const url = `/subpackages/staff/pages/review/index?id=${filing.id}`;

    // the window clerk accepts, and is offered no decision
    const clerk = await signedInAt(browser(), clerkT, 'desk', url);
    await visible(clerk.page, `办件编号 ${filing.number}`);
    await press(clerk.page, '受理');
    await clerk.page.getByRole('dialog', { name: '受理办件' }).getByRole('button', { name: '受理', exact: true }).click();
    await visible(clerk.page, '下一步由承办部门审核人员审查决定（受审分离：受理人不能作出决定）。');
    expect(await clerk.page.getByRole('button', { name: '进入审查', exact: true }).count()).toBe(0);
    await screenshot(clerk.page, 'staff-review-clerk-after-accept');

    // the department's reviewer reviews and decides, and is offered no window step
    const reviewer = await signedInContext(browser(), await reviewer01(), 'desk');
    await reviewer.page.goto(url);
    await press(reviewer.page, '进入审查');
    await reviewer.page.getByRole('dialog', { name: '进入审查' }).getByRole('button', { name: '进入审查', exact: true }).click();
    await press(reviewer.page, '准予许可');
    const decide = reviewer.page.getByRole('dialog', { name: '准予许可' });
    await fill(reviewer.page, '决定说明', '经审查符合法定条件，准予许可');
    await decide.getByRole('button', { name: '准予许可', exact: true }).click();
    await visible(reviewer.page, '下一步由窗口人员办理（受理、送达）。');
    expect(await reviewer.page.getByRole('button', { name: '送达结果', exact: true }).count()).toBe(0);
    await screenshot(reviewer.page, 'staff-review-reviewer-decided');
    const after = await call<{ status: string; timeline: Array<{ status: string; actor: string }> }>('GET', `/api/applications/${filing.id}`, { token: person.accessToken });
    expect(after.status).toBe('approved');
    expect(after.timeline.find((e) => e.status === 'approved')?.actor).toMatch(/^审核人员/);
    await reviewer.context.close();

    // 督办 is the supervisor's page; the clerk's workbench has no such tile
    const supervisor = await signedInContext(browser(), await supervisor01(), 'desk');
    await supervisor.page.goto('/subpackages/staff/pages/supervision/index');
    await supervisor.page.getByText(/办件（超期 \d+|本大厅暂无超期或临期事项/).first().waitFor({ state: 'visible' });
    await screenshot(supervisor.page, 'staff-supervision');
    await supervisor.page.goto('/subpackages/staff/pages/index/index');
    await visible(supervisor.page, '督办 · 本大厅业务');
    const deskNav = (p: typeof clerk.page) => p.getByRole('navigation', { name: '工作台导航' });
    expect(await deskNav(supervisor.page).getByRole('link', { name: '督办' }).count()).toBe(1);
    expect(await deskNav(supervisor.page).getByRole('link', { name: '预约签到' }).count()).toBe(0);
    await supervisor.context.close();
    await clerk.page.goto('/subpackages/staff/pages/index/index');
    await visible(clerk.page, '窗口受理 · 本大厅业务');
    expect(await deskNav(clerk.page).getByRole('link', { name: '督办' }).count()).toBe(0);
    expect(await clerk.page.getByText('超期和临期事项').count()).toBe(0);
    await clerk.page.goto('/subpackages/staff/pages/supervision/index');
    await visible(clerk.page, '督办页面仅对大厅督办人员开放。');
    await clerk.context.close();
  });

  it('check-in: a refusal (another day’s booking) goes away when the code is changed or the list is refreshed', async () => {
    const adminT = await admin();
    const person = await citizen('上官云');
    const { hall, service: s, slot: today } = await slotTodayAtCityHall(adminT.accessToken);
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
    const { page, context } = await signedInAt(browser(), staff, 'desk', '/subpackages/staff/pages/appeals/index');
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
    const { page, context } = await signedInAt(browser(), adminT, 'desk', '/subpackages/admin/pages/phrases/index');
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
