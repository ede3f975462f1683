import { Page } from 'playwright-core';
import { fillField } from './actions';
import { e2ePhone, screenshot, serverNow, signedInAt, useBrowser } from './browser';
import { shanghaiDate, withServerClock, workdayAfter } from './citizen.helpers';
import { admin, call, cityHall, press, service, slotTodayAtCityHall, staff01, visible } from './staff.helpers';

/** A journey through the desk takes longer than jest's default 5 s. */
const JOURNEY_MS = 120_000;

/** Open a 工作台 tile by its label (the tile reads "<label>，<count> <sub>"). */
async function openTile(page: Page, label: string): Promise<void> {
  await page.getByLabel(new RegExp(`^${label}，`)).first().click();
}

/**
 * The desk's side of the hall's day (issue 15) on the H5 build: registering a booking for someone
 * without the app and the day's list of such registrations, 延时服务登记 of a day for the supervisor, and the queue as a figure on 工作台.
 */
describe('the desk’s day on the H5 build', () => {
  const browser = useBrowser();

  it('registers a phone booking at the desk and lists it among today’s registrations, with the code to read out again', async () => {
    const staff = await staff01();
    const { service: s, slot } = await slotTodayAtCityHall((await admin()).accessToken);
    const at = new Date(Date.parse(slot.start) + 8 * 3_600_000).toISOString().slice(11, 16);

    const { page, context } = await signedInAt(browser(), staff, 'desk', '/subpackages/staff/pages/index/index');
    await openTile(page, '窗口登记');
    await page.getByRole('heading', { name: '窗口登记的预约' }).first().waitFor({ state: 'visible' });
    // nothing filled in: each missing field says so
    await press(page, '登记预约');
    await visible(page, '请选择办理事项');
    await visible(page, '请填写 11 位手机号');

    await fillField(page, '搜索事项', s.name);
    await page.getByRole('radio', { name: s.name }).first().click();
    await page.getByRole('radiogroup', { name: '预约时段' }).getByRole('radio', { name: new RegExp(`^${at} 余`) }).first().click();
    await fillField(page, '姓名', '王秀英');
    await fillField(page, '手机号（接收签到码短信）', e2ePhone());
    await press(page, '登记预约');
    const done = page.getByRole('status').filter({ hasText: '已登记' }).first();
    await done.waitFor({ state: 'visible' });
    const code = (await done.innerText()).match(/签到码\s*([A-Z0-9]{6,})/)![1];

    // the list of today's registrations holds it, masked, with the same code
    const item = page.locator('.st-booking').filter({ hasText: code }).first();
    await item.waitFor({ state: 'visible' });
    await item.getByText(/王\*英/).first().waitFor({ state: 'visible' });
    await item.getByText(/登记于/).first().waitFor({ state: 'visible' });
    const [listed] = (await call<{ items: Array<{ code: string; kind: string }> }>('GET', `/api/staff/bookings?registeredOn=${shanghaiDate(serverNow())}&page=1`, { token: staff.accessToken })).items;
    expect(listed).toMatchObject({ code, kind: 'registered' });
    await page.waitForTimeout(400); // the page's slide-in, for the picture
    await screenshot(page, 'staff-registered');
    await context.close();
  }, JOURNEY_MS);

  it('shows a day’s services finished after closing (延时服务登记), and the hall’s queue in figures on 工作台', async () => {
    const hall = await cityHall();
    const day = await workdayAfter(1);
    // on the next working day, a desk ticket taken before 17:00 is served until 17:12
    const number = await withServerClock(new Date(`${day}T16:50:00+08:00`), async () => {
      const staff = await staff01();
      const s = await service('', { hallId: hall.id });
      const windows = await call<Array<{ id: string; serviceIds: string[] }>>('GET', '/api/staff/windows', { token: staff.accessToken });
      const w = windows.find((x) => x.serviceIds.length === 0 || x.serviceIds.includes(s.id))!;
      const t = await call<{ id: string; number: string }>('POST', '/api/staff/tickets', { token: staff.accessToken, body: { serviceId: s.id } });
      const called = await call<{ id: string }>('POST', `/api/staff/windows/${w.id}/call-next`, { token: staff.accessToken });
      expect(called.id).toBe(t.id);
      await call('POST', `/api/staff/tickets/${t.id}/serve`, { token: staff.accessToken });
      return t.number;
    });
    await withServerClock(new Date(`${day}T17:12:00+08:00`), async () => {
      const staff = await staff01();
      const t = (await call<Array<{ id: string; number: string }>>('GET', '/api/staff/tickets?status=serving', { token: staff.accessToken })).find((x) => x.number === number)!;
      await call('POST', `/api/staff/tickets/${t.id}/finish`, { token: staff.accessToken });
    });

    const staff = await staff01();
    const { page, context } = await signedInAt(browser(), staff, 'desk', `/subpackages/staff/pages/overtime/index?date=${day}`);
    await page.getByRole('heading', { name: '延时服务登记' }).first().waitFor({ state: 'visible' });
    await visible(page, number);
    await visible(page, '超出 12 分钟');
    await visible(page, /17:12 办结（17:00 闭厅）/);
    await screenshot(page, 'staff-overtime');

    // 工作台: the queue of the hall today, as the server counts it
    const [figure] = await call<Array<{ waiting: number }>>('GET', '/api/staff/supervision/queues', { token: staff.accessToken });
    await page.goto('/subpackages/staff/pages/index/index');
    const card = page.getByRole('group', { name: `${hall.name} 排队` });
    await card.getByText(`等候 ${figure.waiting} 人`).waitFor({ state: 'visible' });
    await screenshot(page, 'staff-home-queues');
    await context.close();
  }, JOURNEY_MS);
});
