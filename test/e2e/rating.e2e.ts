import { screenshot, signedInAt, useBrowser } from './browser';
import { seeVisible } from './citizen.helpers';
import { admin, call, citizen, refusal, fill, finishedBooking, press, staff01, visible } from './staff.helpers';

describe('rating on the H5 build (phone)', () => {
  const browser = useBrowser();

  it('rate after check-in: 评价 on the booking, a page that names the service, then 已评价 and the rating on reopening', async () => {
    const adminT = await admin();
    const staff = await staff01();
    const person = await citizen('褚九');
    const b = await finishedBooking(person, staff.accessToken, adminT.accessToken);
    const booking = await call<{ serviceName: string; hallName: string }>('GET', `/api/bookings/${b.id}`, { token: person.accessToken });

    const { page, context } = await signedInAt(browser(), person, 'phone', `/subpackages/booking/pages/detail/index?id=${b.id}`);
    await seeVisible(page, '您已签到办理。');
    expect(await page.locator('.booking__code').locator('visible=true').count()).toBe(0);
    await press(page, '评价');

    await page.waitForURL(/\/subpackages\/ratings\/pages\/rate\/index\?targetType=booking/);
    await seeVisible(page, '评价对象');
    await seeVisible(page, booking.serviceName);
    await seeVisible(page, booking.hallName);
    await seeVisible(page, '窗口办理');
    await screenshot(page, 'rating-subject');
    await page.getByRole('radio', { name: '非常满意', exact: true }).click();
    await page.getByRole('checkbox', { name: '一次办好' }).click();
    await press(page, '提交评价');
    await seeVisible(page, '感谢您的评价');

    // the booking now says it is rated, in the detail and in 我的预约
    await page.goto(`/subpackages/booking/pages/detail/index?id=${b.id}`);
    await seeVisible(page, '已评价');
    await seeVisible(page, '★★★★★');
    expect(await page.getByRole('button', { name: '评价', exact: true }).count()).toBe(0);
    await page.goto('/subpackages/booking/pages/mine/index');
    await page.getByRole('button', { name: /已评价窗口办理：非常满意/ }).first().waitFor({ state: 'visible' });

    // opening the rating page again shows the rating, not an empty form
    await page.getByRole('button', { name: /已评价窗口办理：非常满意/ }).first().click();
    await page.waitForURL(/\/subpackages\/ratings\/pages\/rate\/index/);
    await seeVisible(page, '您的评价');
    await seeVisible(page, '标签：一次办好');
    await seeVisible(page, booking.serviceName);
    expect(await page.getByRole('button', { name: '提交评价' }).locator('visible=true').count()).toBe(0);
    await screenshot(page, 'rating-existing');
    await context.close();
  });

  it('rates a finished service, follows the rectification, and re-rates once after the answer', async () => {
    const adminT = await admin();
    const staff = await staff01();
    const person = await citizen('冯五');
    const b = await finishedBooking(person, staff.accessToken, adminT.accessToken);

    const { page, context } = await signedInAt(browser(), person, 'phone', `/subpackages/ratings/pages/rate/index?targetType=booking&targetId=${b.id}`);
    await press(page, '提交评价');
    await visible(page, '请选择满意程度');
    await page.getByRole('radio', { name: '不满意', exact: true }).click();
    await page.getByRole('checkbox', { name: '等候太久' }).click();
    await fill(page, '评价内容', '排队叫号太慢');
    await screenshot(page, 'rating-sheet');
    await press(page, '提交评价');
    await visible(page, '感谢您的评价');
    await visible(page, /将于 \d{4}年\d{1,2}月\d{1,2}日（周.） 前答复您/);

    // a second rating of the same booking is refused
    const again = await refusal(call('POST', '/api/ratings', { token: person.accessToken, body: { targetType: 'booking', targetId: b.id, score: 5 } }));
    expect(again.body.code).toBe('ALREADY_RATED');

    await press(page, '查看我的评价');
    await visible(page, '整改中');
    await visible(page, /答复期限：\d{4}年\d{1,2}月\d{1,2}日（周.）/);
    expect(await page.getByRole('button', { name: '重新评价' }).count()).toBe(0);

    // staff answer the ticket; the applicant sees the answer and may re-rate once
    const tickets = await call<Array<{ id: string; comment: string }>>('GET', '/api/staff/rectifications?status=open', { token: staff.accessToken });
    const t = tickets.find((x) => x.comment === '排队叫号太慢');
    expect(t).toBeDefined();
    await call('POST', `/api/staff/rectifications/${t!.id}/answer`, { token: staff.accessToken, body: { answer: '已增开窗口并调整叫号规则。' } });
    await page.reload();
    await visible(page, '已答复');
    await visible(page, '已增开窗口并调整叫号规则。');
    await screenshot(page, 'rating-answered');
    await press(page, '重新评价');
    await page.getByRole('dialog').getByRole('radio', { name: '满意', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await visible(page, /重新评价/);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await visible(page, /已于 .* 重新评价/);
    expect(await page.getByRole('button', { name: '重新评价' }).count()).toBe(0);
    const mine = await call<Array<{ score: number; canRerate: boolean }>>('GET', '/api/ratings', { token: person.accessToken });
    expect(mine[0]).toMatchObject({ score: 4, canRerate: false });

    // 320 px wide with the large-font mode: nothing runs off the side
    await page.setViewportSize({ width: 320, height: 700 });
    await page.evaluate(() => window.localStorage.setItem('gov.settings.v1', JSON.stringify({ data: { largeFont: true } })));
    await page.goto(`/subpackages/ratings/pages/rate/index?targetType=booking&targetId=${b.id}`);
    await page.locator('.app-page--large').first().waitFor({ state: 'visible' });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, 'rating-sheet-320-large');
    await context.close();
  });
});
