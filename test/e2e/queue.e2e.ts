import { Browser, Page } from 'playwright-core';
import { dateLabel, LINKS } from '@gov/shared';
import { e2eState, launch, phonePage, serverNow } from './browser';
import { fillField } from './actions';
import { adminLogin, api, confirmModal, createSlot, expectAccessible, findService, guideOf, seeVisible, shanghaiDate, shot, signInBrowser, staff01Login, verifiedCitizen, withServerClock, workdayAfter } from './citizen.helpers';
import { fill, press, service as serviceAt, signedInContext, visible } from './staff.helpers';

interface WindowView {
  id: string;
  name: string;
  serviceIds: string[];
}

/** A journey through several browser contexts takes longer than jest's default 5 s. */
const JOURNEY_MS = 120_000;

/** HH:mm in Asia/Shanghai. */
function hhmm(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

/** The ticket page's line about the people ahead, once it reads exactly this. */
async function seeAhead(page: Page, text: string): Promise<void> {
  await page.locator('.ticket__ahead').filter({ hasText: text }).first().waitFor({ state: 'visible' });
}

describe('the hall queue, rescheduling and the centre’s cancellation on the H5 build', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('takes a ticket on the phone, sees 前面还有 N 人 fall as a window calls on the desk, and the hall screen shows the number', async () => {
    const staff = await staff01Login();
    const hallId = String(staff.user.hallId);
    const windows = await api<WindowView[]>('GET', '/api/staff/windows', { token: staff.accessToken });
    expect(windows.length).toBeGreaterThan(0);
    const win = windows[0];
    const s = win.serviceIds.length > 0 ? { id: win.serviceIds[0], name: (await guideOf(win.serviceIds[0])).name as string } : await serviceAt('', { hallId });
    const { hallCode } = await api<{ hallCode: string }>('GET', '/api/staff/hall-code', { token: staff.accessToken });

    // two people took a number before
    for (const name of ['钱一', '孙二']) {
      const other = await verifiedCitizen(name);
      await api('POST', `/api/halls/${hallId}/tickets`, { token: other.accessToken, body: { serviceId: s.id, hallCode } });
    }

    const person = await verifiedCitizen('周三');
    const phone = await phonePage(browser);
    await signInBrowser(phone.context, person);
    await phone.page.goto('/pages/index/index');
    await phone.page.getByText('到厅取号').first().click();
    await seeVisible(phone.page, '1. 所在大厅');
    await phone.page.goto(LINKS.takeTicket(hallId));
    await fillField(phone.page, '搜索事项', s.name);
    await phone.page.getByRole('radio', { name: s.name }).first().click();
    await expectAccessible(phone.page, '取号');
    // a wrong code is refused with the server's words, on the field
    await fillField(phone.page, '取号码', 'WRONG123');
    await press(phone.page, '取号');
    await phone.page.locator('.field__input--invalid').first().waitFor({ state: 'visible' });
    await fillField(phone.page, '取号码', hallCode.toLowerCase());
    await shot(phone.page, 'queue-take');
    await press(phone.page, '取号');
    await seeVisible(phone.page, '您的排队号');
    const number = (await phone.page.locator('.ticket__number').first().innerText()).trim();
    expect(number).toMatch(/^N\d{3}$/);
    await seeAhead(phone.page, '前面还有 2 人');
    await shot(phone.page, 'queue-ticket-waiting');
    await expectAccessible(phone.page, '我的排队号');

    // the desk calls, serves and finishes the first; the phone follows without a reload
    const desk = await signedInContext(browser, staff, 'desk');
    await desk.page.goto('/subpackages/staff/pages/queue/index');
    await desk.page.getByRole('tab', { name: win.name }).first().click();
    // the day's QR poster, to print
    await press(desk.page, '今日取号码');
    await desk.page.locator('.st-poster__code').filter({ hasText: hallCode }).first().waitFor({ state: 'visible' });
    expect(await desk.page.locator('img.st-poster__qr, .st-poster__qr img').first().getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await press(desk.page, '收起取号码');
    await press(desk.page, /^叫下一位/);
    await seeAhead(phone.page, '前面还有 1 人');
    await press(desk.page, /^开始办理 [AGN]\d{3}$/);
    await press(desk.page, /^办结 [AGN]\d{3}$/);
    await visible(desk.page, '空闲，可叫下一位');

    // the second is called and does not come: skipped
    await press(desk.page, /^叫下一位/);
    await seeAhead(phone.page, '下一位就是您');
    await press(desk.page, /^过号 [AGN]\d{3}$/);
    await visible(desk.page, '已过号（可重新排队一次）');
    await shot(desk.page, 'queue-desk');
    await expectAccessible(desk.page, '叫号');

    // now this ticket: the banner names the window
    await press(desk.page, /^叫下一位/);
    await phone.page.getByRole('alert').filter({ hasText: '请到' }).first().waitFor({ state: 'visible' });
    await seeVisible(phone.page, /请到 .*窗口/);
    await shot(phone.page, 'queue-ticket-called');

    // the hall's TV shows the number being called, without names
    const tv = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: e2eState().url });
    const screen = await tv.newPage();
    await screen.goto(LINKS.hallScreen(hallId));
    await screen.locator('.screen__call-number').filter({ hasText: number }).first().waitFor({ state: 'visible' });
    expect(await screen.locator('.screen__board').innerText()).not.toContain('周三');
    await shot(screen, 'queue-hall-screen');
    await expectAccessible(screen, '叫号屏');

    // served and finished: the phone says so
    await press(desk.page, /^开始办理 [AGN]\d{3}$/);
    await press(desk.page, /^办结 [AGN]\d{3}$/);
    await seeAhead(phone.page, '已办结');

    // a green-lane request (老弱病残孕) is confirmed at the desk
    const elder = await verifiedCitizen('吴七');
    const asked = await api<{ id: string; number: string }>('POST', `/api/halls/${hallId}/tickets`, { token: elder.accessToken, body: { serviceId: s.id, hallCode, green: { reason: '年满七十周岁，行动不便' } } });
    await visible(desk.page, '申请绿色通道：年满七十周岁，行动不便');
    await press(desk.page, `确认绿色通道 ${asked.number}`);
    await visible(desk.page, `${asked.number} 已确认绿色通道`);
    expect((await api<{ lane: string }>('GET', `/api/tickets/${asked.id}`, { token: elder.accessToken })).lane).toBe('green');

    // someone without the app: a number issued at the desk
    await press(desk.page, '现场发号');
    await fill(desk.page, '搜索事项', s.name);
    await desk.page.getByRole('radio', { name: s.name }).first().click();
    await press(desk.page, '发号');
    await desk.page.locator('.st-issue__number').filter({ hasText: /^N\d{3}$/ }).first().waitFor({ state: 'visible' });

    await tv.close();
    await desk.context.close();
    await phone.context.close();
  }, JOURNEY_MS);

  it('reschedules a booking to another slot from its page', async () => {
    const admin = (await adminLogin()).accessToken;
    const s = await findService('身份证');
    const hall = (await guideOf(s.id)).halls[0];
    const date = await workdayAfter(3);
    const first = await createSlot(admin, { hallId: hall.id, serviceId: s.id, date, start: '09:10', end: '09:25', capacity: 2 });
    const second = await createSlot(admin, { hallId: hall.id, serviceId: s.id, date, start: '16:35', end: '16:50', capacity: 2 });
    const person = await verifiedCitizen('郑四');
    const booking = await api<{ id: string; code: string }>('POST', '/api/bookings', { token: person.accessToken, body: { slotId: first.id, serviceId: s.id } });

    const { page, context } = await phonePage(browser);
    await signInBrowser(context, person);
    await page.goto(LINKS.booking(booking.id));
    await seeVisible(page, '09:10–09:25');
    await press(page, '改约');
    await page.getByRole('tab', { name: dateLabel(date) }).first().click();
    await page.getByRole('button', { name: /改到此时段 .*16:35–16:50/ }).first().click();
    await confirmModal(page, '确认改约');
    await seeVisible(page, '已改约');
    await page.locator('.kv__v').filter({ hasText: '16:35–16:50' }).first().waitFor({ state: 'visible' });
    await shot(page, 'booking-rescheduled');
    const moved = await api<{ status: string; code: string; slot: { id: string } }>('GET', `/api/bookings/${booking.id}`, { token: person.accessToken });
    expect(moved).toMatchObject({ status: 'booked', code: booking.code, slot: { id: second.id } });
    await context.close();
  }, JOURNEY_MS);

  it('after the centre cancels a booking, the applicant reads why and rebooks one of the offered slots in one tap', async () => {
    const admin = (await adminLogin()).accessToken;
    const s = await findService('身份证');
    const hall = (await guideOf(s.id)).halls[0];
    const date = await workdayAfter(4);
    const slot = await createSlot(admin, { hallId: hall.id, serviceId: s.id, date, start: '10:10', end: '10:25', capacity: 2 });
    const person = await verifiedCitizen('王六');
    const booking = await api<{ id: string }>('POST', '/api/bookings', { token: person.accessToken, body: { slotId: slot.id, serviceId: s.id } });
    await api('POST', `/api/staff/bookings/${booking.id}/cancel`, { token: admin, body: { reason: '窗口系统升级，暂停办理' } });

    const { page, context } = await phonePage(browser);
    await signInBrowser(context, person);
    await page.goto(LINKS.booking(booking.id));
    await seeVisible(page, '中心已取消（不计爽约）');
    await seeVisible(page, '原因：窗口系统升级，暂停办理');
    await seeVisible(page, '此次取消不计入您的爽约次数');
    await seeVisible(page, '为您找到的就近时段');
    const offers = page.getByRole('button', { name: /^预约此时段 / });
    await offers.first().waitFor({ state: 'visible' });
    expect(await offers.count()).toBeLessThanOrEqual(3);
    await expectAccessible(page, '中心取消的预约');
    await shot(page, 'booking-cancelled-by-centre');
    await offers.first().click();
    await seeVisible(page, '签到码（到大厅后出示二维码或报此码）');
    const mine = await api<Array<{ id: string; status: string }>>('GET', '/api/bookings', { token: person.accessToken });
    expect(mine.filter((b) => b.status === 'booked')).toHaveLength(1);
    expect(mine.find((b) => b.id === booking.id)?.status).toBe('cancelled_by_centre');
    const standing = await api<{ noShows: number }>('GET', '/api/me/booking-eligibility', { token: person.accessToken });
    expect(standing.noShows).toBe(0);
    await context.close();
  }, JOURNEY_MS);

  it('puts a late applicant on the desk’s call list; a call that does not get through makes the no-show count', async () => {
    const admin = await adminLogin();
    const halls = await api<Array<{ id: string; name: string; level: string }>>('GET', '/api/halls');
    // a hall of its own (other suites change the city hall's policy): it calls a late applicant first (罗山 预约办 四.2)
    const hall = halls.find((h) => h.level === 'county') ?? halls[halls.length - 1];
    const policy = await api<{ openingHours: unknown[] }>('GET', `/api/admin/halls/${hall.id}/policy`, { token: admin.accessToken });
    await api('PUT', `/api/admin/halls/${hall.id}/policy`, { token: admin.accessToken, body: { noShowGraceMinutes: 30, noShowContactRequired: true, openingHours: policy.openingHours } });
    const s = await serviceAt('', { hallId: hall.id });
    const person = await verifiedCitizen('冯五');

    // a booking two hours ago (the clock goes back only while the slot is made and booked)
    const pinned = new Date(Math.floor((serverNow().getTime() - 2 * 3_600_000) / 60_000) * 60_000);
    const start = new Date(pinned.getTime() + 10 * 60_000);
    const booking = await withServerClock(pinned, async () => {
      const slot = await createSlot(admin.accessToken, { hallId: hall.id, serviceId: s.id, date: shanghaiDate(start), start: hhmm(start), end: hhmm(new Date(start.getTime() + 15 * 60_000)), capacity: 2 });
      return api<{ id: string }>('POST', '/api/bookings', { token: person.accessToken, body: { slotId: slot.id, serviceId: s.id } });
    });
    await api('POST', '/api/admin/jobs/no-show-sweep/run', { token: admin.accessToken });
    const pending = await api<{ status: string; noShow: { counts: boolean } | null }>('GET', `/api/bookings/${booking.id}`, { token: person.accessToken });
    expect(pending).toMatchObject({ status: 'no_show', noShow: { counts: false } });

    // the applicant is told the hall will call, and may still take a number today
    const phone = await phonePage(browser);
    await signInBrowser(phone.context, person);
    await phone.page.goto(LINKS.booking(booking.id));
    await seeVisible(phone.page, '已超时，暂不计爽约');
    await seeVisible(phone.page, '大厅工作人员将电话联系您');
    await phone.page.getByRole('button', { name: '到厅取号' }).first().waitFor({ state: 'visible' });

    const desk = await signedInContext(browser, admin, 'desk');
    await desk.page.goto('/subpackages/staff/pages/late/index');
    const row = desk.page.locator('.st-item').filter({ hasText: '冯*' }).filter({ hasText: hhmm(start) }).first();
    await row.waitFor({ state: 'visible' });
    await row.getByRole('button', { name: /^拨打电话 / }).waitFor({ state: 'visible' });
    await expectAccessible(desk.page, '迟到电话');
    await row.getByRole('button', { name: /^记录结果 / }).click();
    await desk.page.getByRole('tab', { name: '未接通' }).click();
    await visible(desk.page, '未接通：本大厅规定联系不上才计爽约');
    await shot(desk.page, 'queue-late-call');
    await press(desk.page, '保存');
    await row.waitFor({ state: 'detached' });
    const counted = await api<{ noShow: { counts: boolean; contact: { reached: boolean } | null } | null }>('GET', `/api/bookings/${booking.id}`, { token: person.accessToken });
    expect(counted.noShow).toMatchObject({ counts: true, contact: { reached: false } });

    await phone.page.reload();
    await seeVisible(phone.page, '已记为爽约');
    await desk.context.close();
    await phone.context.close();
  }, JOURNEY_MS);
});
