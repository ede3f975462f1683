import { screenshot, signedInAt, useBrowser } from './browser';
import { admin, bookedLaterToday, call, citizen, deskPage, finishedBooking, fill, press, staff01, submittedFiling, visible } from './staff.helpers';

/** Window staff on a desk (H5, 1280×800): sign-in, check-in by code, pre-review and accept, answer a bad rating. */
describe('staff on the H5 build (desk)', () => {
  const browser = useBrowser();

  it('signs in as staff and checks a booking in by its code', async () => {
    const person = await citizen('赵六');
    const booking = await bookedLaterToday(person, (await admin()).accessToken);

    const { page, context } = await deskPage(browser());
    await page.goto('/pages/login/index');
    await page.getByRole('button', { name: '工作人员登录' }).click();
    await fill(page, '用户名', 'staff01');
    await fill(page, '密码', 'Staff@2026');
    await press(page, '登录工作台');
    await visible(page, '今日预约');
    await page.waitForTimeout(600);
    await screenshot(page, 'staff-home');

    await page.getByRole('button', { name: /今日预约/ }).click();
    await visible(page, booking.code);
    await page.waitForTimeout(600);
    await screenshot(page, 'staff-bookings');
    // before the grace period a no-show is not offered: the row says from when it is
    const row = page.locator('.st-booking').filter({ hasText: booking.code });
    await row.getByText(/^开始后 30 分钟可记爽约（\d{2}:\d{2} 起）$/).waitFor({ state: 'visible' });
    expect(await row.getByRole('button', { name: '记为爽约' }).count()).toBe(0);

    await fill(page, '签到码', booking.code.toLowerCase());
    await press(page, '签到');
    await visible(page, /已签到：/);
    await screenshot(page, 'staff-checked-in');
    const after = await call<{ status: string }>('GET', `/api/bookings/${booking.id}`, { token: person.accessToken });
    expect(after.status).toBe('checked_in');
    await context.close();
  });

  it('pre-reviews every material at once and accepts the filing', async () => {
    const person = await citizen('钱七');
    const filing = await submittedFiling(person);
    const staff = await staff01();
    const { page, context } = await signedInAt(browser(), staff, 'desk', '/subpackages/staff/pages/filings/index');
    const item = page.locator('.st-filing').filter({ hasText: filing.number });
    await item.waitFor({ state: 'visible' });
    await visible(page, /预审剩余 \d+ 个工作日/);
    await screenshot(page, 'staff-filings');
    await item.click();
    await visible(page, `办件编号 ${filing.number}`);
    // the image material previews inline (fetched with the bearer token)
    await page.locator('img[alt^="材料图片"]').first().waitFor({ state: 'visible' });
    await visible(page, /打开 PDF：/);
    const groups = page.locator('.st-material');
    const n = await groups.count();
    expect(n).toBeGreaterThan(0);
    // a decision is needed for every material
    await press(page, '提交预审结论');
    await visible(page, '请对每一项材料作出结论（一次性告知全部问题）');
    for (let i = 0; i < n; i++) await groups.nth(i).getByRole('radio', { name: '合格' }).click();
    // the error goes once every material has its conclusion
    await page.getByText('请对每一项材料作出结论（一次性告知全部问题）').waitFor({ state: 'detached' });
    await screenshot(page, 'staff-prereview');
    await press(page, '提交预审结论');
    await visible(page, '预审通过，待受理');
    await press(page, '受理');
    await page.getByRole('dialog').getByRole('button', { name: '受理' }).click();
    await page.locator('.status-tag', { hasText: '已受理' }).first().waitFor({ state: 'visible' });
    await visible(page, /办结期限 \d{4}年\d{1,2}月\d{1,2}日（周.）/);
    await screenshot(page, 'staff-accepted');
    const after = await call<{ status: string }>('GET', `/api/applications/${filing.id}`, { token: person.accessToken });
    expect(after.status).toBe('accepted');
    await context.close();
  });

  it('refuses a filing straight from 待预审, and returns (退件) an accepted one with reasons the applicant reads with a 退件回执', async () => {
    const staff = await staff01();
    const person = await citizen('吴九');
    const refused = await submittedFiling(person);
    const { page, context } = await signedInAt(browser(), staff, 'desk', `/subpackages/staff/pages/review/index?id=${refused.id}`);
    await visible(page, /受理时限：.*前受理或告知/);
    await press(page, '不予受理');
    await fill(page, '不予受理理由', '申请事项依法不需要取得行政许可');
    await page.getByRole('dialog').getByRole('button', { name: '不予受理' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect((await call<{ status: string }>('GET', `/api/applications/${refused.id}`, { token: person.accessToken })).status).toBe('refused');

    const returned = await submittedFiling(person);
    const f = await call<any>('GET', `/api/applications/${returned.id}`, { token: person.accessToken });
    await call('POST', `/api/staff/applications/${returned.id}/prereview`, {
      token: staff.accessToken,
      body: { decisions: f.materials.map((m: any) => ({ materialId: m.materialId, ok: true, reason: null })) },
    });
    await call('POST', `/api/staff/applications/${returned.id}/accept`, { token: staff.accessToken });
    await page.goto(`/subpackages/staff/pages/review/index?id=${returned.id}`);
    await press(page, '退件');
    await fill(page, '退件理由', '经审查，经营场所证明与实际经营地址不符');
    await page.getByRole('dialog').getByRole('button', { name: '退件' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await visible(page, '退件理由：经审查，经营场所证明与实际经营地址不符');
    await screenshot(page, 'staff-returned');
    await context.close();

    const phone = await signedInAt(browser(), person, 'phone', `/subpackages/applications/pages/detail/index?id=${returned.id}`);
    await visible(phone.page, '已退件');
    await visible(phone.page, '退件理由：经审查，经营场所证明与实际经营地址不符');
    await visible(phone.page, '下载退件回执（PDF）');
    await phone.context.close();
  });

  it('answers a bad rating without seeing who rated, and the applicant sees the answer', async () => {
    const adminT = await admin();
    const staff = await staff01();
    const person = await citizen('孙八');
    const b = await finishedBooking(person, staff.accessToken, adminT.accessToken);
    const comment = `等了很久才叫号 ${Date.now()}`;
    await call('POST', '/api/ratings', { token: person.accessToken, body: { targetType: 'booking', targetId: b.id, score: 1, tags: ['等候太久'], comment } });

    const { page, context } = await signedInAt(browser(), staff, 'desk', '/subpackages/staff/pages/rectifications/index');
    const ticket = page.locator('.st-ticket').filter({ hasText: comment });
    await ticket.waitFor({ state: 'visible' });
    expect(await ticket.innerText()).not.toContain('孙');
    expect(await page.content()).not.toContain(person.phone.slice(-4) + '<');
    await screenshot(page, 'staff-rectifications');
    await ticket.getByRole('button', { name: '答复整改' }).click();
    await fill(page, '整改答复', '已增加高峰时段窗口，并优化叫号流程。');
    await page.getByRole('dialog').getByRole('button', { name: '提交答复' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const mine = await call<Array<{ rectification: { status: string; answer: string } | null }>>('GET', '/api/ratings', { token: person.accessToken });
    expect(mine[0].rectification).toMatchObject({ status: 'answered', answer: '已增加高峰时段窗口，并优化叫号流程。' });
    await context.close();
  });
});
