import { Browser, BrowserContext, Page } from 'playwright-core';
import { phonePage, signedInAt, useBrowser } from './browser';
import { adminLogin, api, createSlot, findService, guideOf, pdfBytes, seeVisible, shot, signInBrowser, verifiedCitizen, workdayAfter } from './citizen.helpers';
import { call, cityHall, service, slotLaterToday, staff01, submittedFiling, upload } from './staff.helpers';

/**
 * One browser journey per kind of fault fixed once for the whole mini-app (issue 12, items 8–22):
 * the form error, the page states, the H5 header, buttons, the sign-out, the cancelled booking and
 * large font.
 */

/** The element's computed style property. */
async function styleOf(page: Page, selector: string, prop: string): Promise<string> {
  const el = page.locator(selector).locator('visible=true').first();
  await el.waitFor({ state: 'visible' });
  return el.evaluate((node, p) => getComputedStyle(node as Element).getPropertyValue(p), prop);
}

/** A phone context with large font (适老化) switched on, as 我的 would store it. */
async function largeFontPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await phonePage(browser);
  await context.addInitScript(() => window.localStorage.setItem('gov.settings.v1', JSON.stringify({ data: { largeFont: true } })));
  return { context, page };
}

describe('kinds of UI fault, each fixed once (H5 build)', () => {
  const browser = useBrowser();
  let admin: string;
  /** `name`, verified, booked on a new slot (capacity 2) of the ID-card service at the city hall, `days` working days ahead. */
  const bookedIdCard = async (name: string, days: number, start: string, end: string) => {
    const hall = await cityHall();
    const service = await findService('身份证');
    const slot = await createSlot(admin, { hallId: hall.id, serviceId: service.id, date: await workdayAfter(days), start, end, capacity: 2 });
    const person = await verifiedCitizen(name);
    const booking = await api<{ id: string; code: string }>('POST', '/api/bookings', { token: person.accessToken, body: { slotId: slot.id, serviceId: service.id } });
    return { hall, service, person, booking };
  };
  beforeAll(async () => {
    admin = (await adminLogin()).accessToken;
  });

  it('a form error goes once the problem is fixed: 还有必需材料未上传 goes when the commitment is signed, and does not repeat the material name', async () => {
    const hall = await cityHall();
    const person = await verifiedCitizen('孔一');
    const filed = await service('个体工商户设立登记', { prereview: true, hallId: hall.id });
    const guide = await guideOf(filed.id);
    const tolerable = guide.materials.filter((m: any) => m.required && m.tolerable);
    expect(tolerable.length).toBeGreaterThan(0);
    // every required material but the tolerable ones has its file
    const app = await call<{ id: string; materials: Array<{ materialId: string; required: boolean; tolerable: boolean }> }>('POST', '/api/applications', {
      token: person.accessToken,
      body: { serviceId: filed.id, hallId: hall.id },
    });
    let i = 0;
    for (const m of app.materials.filter((x) => x.required && !x.tolerable)) {
      await upload(person.accessToken, app.id, m.materialId, { name: `材料${++i}.pdf`, type: 'application/pdf', bytes: pdfBytes(`k${i}`) });
    }

    const { page, context } = await signedInAt(browser(), person, 'phone', `/subpackages/applications/pages/detail/index?id=${app.id}`);
    await page.getByRole('button', { name: '提交预审' }).click();
    const message = page.getByRole('alert').filter({ hasText: /必需材料未上传/ });
    await message.waitFor({ state: 'visible' });
    // the card names the material; the form's message counts, it does not name it a second time
    for (const m of tolerable) expect(await message.innerText()).not.toContain(m.name);
    await shot(page, 'kinds-form-error');

    await page.getByRole('button', { name: '签署信用承诺（容缺受理）' }).click();
    await page.getByRole('button', { name: '确认签署' }).click();
    await seeVisible(page, '已签信用承诺');
    // fixed: the message is gone without submitting again
    await message.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '提交预审' }).click();
    await seeVisible(page, '等待预审');
    expect(await page.getByRole('alert').filter({ hasText: /必需材料未上传/ }).count()).toBe(0);
    await context.close();
  });

  it('check-in: the desk message (e.g. 不是今天) goes when the code changes and on 刷新', async () => {
    const { booking } = await bookedIdCard('孔二', 2, '09:10', '09:40');
    const staff = await staff01();
    const { page, context } = await signedInAt(browser(), staff, 'desk', '/subpackages/staff/pages/bookings/index');
    const code = page.locator('input[aria-label="签到码"]');
    await code.fill(booking.code);
    await page.getByRole('button', { name: '签到', exact: true }).first().click();
    const refusal = page.locator('.form-error').locator('visible=true');
    await refusal.first().waitFor({ state: 'visible' });
    await page.getByRole('button', { name: '刷新' }).click();
    await refusal.first().waitFor({ state: 'detached' });

    await code.fill(booking.code);
    await page.getByRole('button', { name: '签到', exact: true }).first().click();
    await refusal.first().waitFor({ state: 'visible' });
    await code.fill('');
    await code.pressSequentially('AB');
    await refusal.first().waitFor({ state: 'detached' });
    await context.close();
  });

  it('an empty list says so without 重试; a missing object and an unknown address show not-found with 返回首页', async () => {
    const person = await verifiedCitizen('孔三');
    const { page, context } = await signedInAt(browser(), person, 'phone', '/subpackages/applications/pages/mine/index');
    await seeVisible(page, '还没有办件');
    expect(await page.getByRole('button', { name: '重试' }).locator('visible=true').count()).toBe(0);

    // a booking that does not exist: not found, no 重试, a way home
    await page.goto('/subpackages/booking/pages/detail/index?id=00000000-0000-4000-8000-000000000000');
    await page.getByRole('button', { name: '返回首页' }).locator('visible=true').first().waitFor();
    expect(await page.getByRole('button', { name: '重试' }).locator('visible=true').count()).toBe(0);

    // an address no page has
    await page.goto('/pages/no-such-page/index');
    await seeVisible(page, '页面不存在');
    await seeVisible(page, /no-such-page/);
    await shot(page, 'kinds-not-found');
    await page.getByRole('button', { name: '返回首页' }).locator('visible=true').first().click();
    await page.waitForURL((u) => u.pathname === '/' || u.pathname.startsWith('/pages/index/index'));
    await page.locator('.weui-tabbar').first().waitFor({ state: 'visible' });
    await context.close();
  });

  it('every H5 page has a header with its title and 返回; desk pages lead back to 工作台; staff 退出登录 lands on the staff sign-in', async () => {
    const service = await findService('身份证');
    const { page, context } = await phonePage(browser());
    await page.goto('/pages/services/index');
    await page.locator('.weui-tabbar').waitFor({ state: 'visible' });
    await page.goto(`/subpackages/guide/pages/detail/index?id=${service.id}`);
    const header = page.getByRole('banner').locator('visible=true').first();
    await header.getByRole('heading', { name: '办事指南' }).waitFor({ state: 'visible' });
    await shot(page, 'kinds-header');
    // opened directly (a shared link): 返回 leads home
    await header.getByRole('button', { name: '返回' }).click();
    await page.waitForURL((u) => u.pathname === '/' || u.pathname.startsWith('/pages/index/index'));
    await context.close();

    const staff = await staff01();
    const desk = await signedInAt(browser(), staff, 'desk', '/subpackages/staff/pages/bookings/index');
    const deskHeader = desk.page.getByRole('banner').locator('visible=true').first();
    await deskHeader.getByRole('heading', { name: '预约签到' }).waitFor({ state: 'visible' });
    await deskHeader.getByRole('button', { name: '返回工作台' }).click();
    await desk.page.waitForURL(/\/subpackages\/staff\/pages\/index\/index/);
    await desk.page.getByRole('banner').locator('visible=true').first().getByRole('heading', { name: '工作台' }).waitFor({ state: 'visible' });

    await desk.page.getByRole('link', { name: '退出登录' }).click();
    await desk.page.waitForURL(/\/subpackages\/staff\/pages\/login\/index/);
    await seeVisible(desk.page, '政务服务中心工作人员');
    // the desk layout, not the citizen page stretched across the screen
    expect(await desk.page.evaluate(() => document.documentElement.classList.contains('gov-desk'))).toBe(true);
    await desk.context.close();
  });

  it('buttons: filled and outlined side by side share one line; a disabled button looks disabled; 取消预约 is confirmed in red', async () => {
    const person = await verifiedCitizen('孔四');
    const filing = await submittedFiling(person);
    const staff = await staff01();
    const f = await call<any>('GET', `/api/applications/${filing.id}`, { token: person.accessToken });
    await call('POST', `/api/staff/applications/${filing.id}/prereview`, {
      token: staff.accessToken,
      body: { decisions: f.materials.map((m: any) => ({ materialId: m.materialId, ok: true, reason: null })) },
    });
    const desk = await signedInAt(browser(), staff, 'desk', `/subpackages/staff/pages/review/index?id=${filing.id}`);
    const accept = desk.page.getByRole('button', { name: '受理', exact: true });
    const refuse = desk.page.getByRole('button', { name: '不予受理', exact: true });
    await refuse.waitFor({ state: 'visible' });
    const [a, r] = [await accept.boundingBox(), await refuse.boundingBox()];
    expect(Math.abs(a!.y - r!.y)).toBeLessThan(1);
    expect(Math.abs(a!.height - r!.height)).toBeLessThan(1);
    // the dialog's 取消 and 不予受理 too
    await refuse.click();
    const dialog = desk.page.getByRole('dialog', { name: '不予受理' });
    const [c, d] = [await dialog.getByRole('button', { name: '取消' }).boundingBox(), await dialog.getByRole('button', { name: '不予受理' }).boundingBox()];
    expect(Math.abs(c!.y - d!.y)).toBeLessThan(1);
    await shot(desk.page, 'kinds-dialog-buttons');
    await desk.context.close();

    // 确认预约 before a slot is chosen: grey, not white on blue
    const hall = await cityHall();
    const service = await findService('身份证');
    const { page, context } = await signedInAt(browser(), person, 'phone', `/subpackages/booking/pages/book/index?serviceId=${service.id}&hallId=${hall.id}`);
    const confirm = page.getByRole('button', { name: '确认预约' }).locator('visible=true').first();
    await confirm.waitFor({ state: 'visible' });
    expect(await confirm.getAttribute('aria-disabled')).toBe('true');
    expect(await confirm.evaluate((n) => getComputedStyle(n).backgroundColor)).toBe('rgb(229, 231, 235)');
    // …and its label has no box of its own (white on blue around the words looked like selected text)
    const label = confirm.locator('.nut-button-children');
    expect(await label.evaluate((n) => getComputedStyle(n).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    expect(await label.evaluate((n) => getComputedStyle(n).color)).toBe('rgb(75, 85, 99)');

    // 取消预约: the confirmation's action is red
    const date = await workdayAfter(2);
    const slot = await createSlot(admin, { hallId: hall.id, serviceId: service.id, date, start: '10:10', end: '10:40', capacity: 2 });
    const booking = await api<{ id: string }>('POST', '/api/bookings', { token: person.accessToken, body: { slotId: slot.id, serviceId: service.id } });
    await page.goto(`/subpackages/booking/pages/detail/index?id=${booking.id}`);
    // the code never breaks across lines
    expect(await styleOf(page, '.booking__code', 'white-space')).toBe('nowrap');
    await page.getByRole('button', { name: '取消预约' }).click();
    const ok = page.locator('.taro-modal__foot .taro-model__btn').filter({ hasText: '确定取消' }).last();
    await ok.waitFor({ state: 'visible' });
    expect(await ok.evaluate((n) => getComputedStyle(n).color)).toBe('rgb(185, 28, 28)');
    await shot(page, 'kinds-destructive');
    await ok.click();
    await seeVisible(page, /签到码已作废/);
    await context.close();
  });

  it('a cancelled booking shows no code and offers 重新预约; 预约已取消 arrives and the old 预约成功 is marked 已失效', async () => {
    const { person, booking } = await bookedIdCard('孔五', 3, '11:10', '11:40');
    await api('POST', `/api/bookings/${booking.id}/cancel`, { token: person.accessToken });

    const { page, context } = await signedInAt(browser(), person, 'phone', `/subpackages/booking/pages/detail/index?id=${booking.id}`);
    await seeVisible(page, /签到码已作废/);
    expect(await page.getByText(booking.code).locator('visible=true').count()).toBe(0);
    expect(await page.locator('.booking__qr').locator('visible=true').count()).toBe(0);
    expect(await page.getByRole('button', { name: '重新预约' }).locator('visible=true').count()).toBe(1);

    await page.goto('/subpackages/messages/pages/index/index');
    await seeVisible(page, '预约已取消');
    await page.locator('.msg-item--superseded').filter({ hasText: '预约成功' }).first().waitFor({ state: 'visible' });
    await context.close();
  });

  it('退出登录 takes the unread badge off the 我的 tab at once', async () => {
    const { person } = await bookedIdCard('孔六', 2, '13:10', '13:40');
    const { page, context } = await signedInAt(browser(), person, 'phone', '/pages/me/index');
    const badge = page.locator('.weui-tabbar .weui-badge').locator('visible=true');
    await badge.first().waitFor({ state: 'visible' });
    await page.getByRole('button', { name: '退出登录' }).click();
    await badge.first().waitFor({ state: 'hidden' });
    await seeVisible(page, '您还未登录');
    await context.close();
  });

  it('记为爽约 is offered only once the grace period has ended (the server says from when)', async () => {
    const hall = await cityHall();
    const staff = await staff01();
    const s = await service('', { hallId: hall.id });
    const slot = await slotLaterToday(admin, hall.id, s.id);
    const person = await verifiedCitizen('孔八');
    await api('POST', '/api/bookings', { token: person.accessToken, body: { slotId: slot.id, serviceId: s.id } });
    const desk = await signedInAt(browser(), staff, 'desk', '/subpackages/staff/pages/bookings/index');
    const row = desk.page.locator('.st-booking').filter({ hasText: '孔*' }).or(desk.page.locator('.st-booking').filter({ hasText: '孔八' })).first();
    await row.waitFor({ state: 'visible' });
    await row.getByText(/开始后 \d+ 分钟可记爽约（\d{2}:\d{2} 起）/).waitFor({ state: 'visible' });
    expect(await row.getByRole('button', { name: '记为爽约' }).count()).toBe(0);
    await desk.context.close();
  });

  it('large font (适老化) reaches the tab bar and the slot buttons', async () => {
    const hall = await cityHall();
    const service = await findService('身份证');
    const date = await workdayAfter(2);
    await createSlot(admin, { hallId: hall.id, serviceId: service.id, date, start: '16:10', end: '16:40', capacity: 3 });
    const person = await verifiedCitizen('孔七');

    const sizes = async (large: boolean) => {
      const { page, context } = large ? await largeFontPhone(browser()) : await phonePage(browser());
      await signInBrowser(context, person);
      await page.goto('/pages/index/index');
      const tab = parseFloat(await styleOf(page, '.weui-tabbar__label', 'font-size'));
      await page.goto(`/subpackages/booking/pages/book/index?serviceId=${service.id}&hallId=${hall.id}`);
      const [, m, d] = date.split('-').map(Number);
      await page.getByRole('button', { name: new RegExp(`^${m}月\\s*${d}\\s*日`) }).click();
      const slotButton = page.getByRole('button', { name: '选择 16:10–16:40' }).locator('visible=true').first();
      await slotButton.waitFor({ state: 'visible' });
      const slot = parseFloat(await slotButton.evaluate((n) => getComputedStyle(n).fontSize));
      const slotHeight = (await slotButton.boundingBox())!.height;
      if (large) await shot(page, 'kinds-large-font-slots');
      await context.close();
      return { tab, slot, slotHeight };
    };
    const normal = await sizes(false);
    const large = await sizes(true);
    expect(large.tab).toBeGreaterThan(normal.tab * 1.2);
    expect(large.slot).toBeGreaterThan(normal.slot * 1.2);
    expect(large.slotHeight).toBeGreaterThanOrEqual(normal.slotHeight);
  });
});
