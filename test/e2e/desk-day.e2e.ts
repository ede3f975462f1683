import { Page } from 'playwright-core';
import { e2ePhone, screenshot, useBrowser } from './browser';
import { withServerClock, workdayAfter } from './citizen.helpers';
import { admin, call, cityHall, service, signedInContext, slotLaterToday, staff01, visible } from './staff.helpers';

/** A journey through the desk takes longer than jest's default 5 s. */
const JOURNEY_MS = 120_000;

/** Open a 工作台 tile by its label (the tile reads "<label>，<count> <sub>"). */
async function openTile(page: Page, label: string): Promise<void> {
  await page.getByLabel(new RegExp(`^${label}，`)).first().click();
}

/**
 * The desk's side of the hall's day (issue 15) on the H5 build: the bookings the desk registered for
 * people without the app, 延时服务登记 of a day for the supervisor, and the queue as a figure on 工作台.
 */
describe('the desk’s day on the H5 build', () => {
  const browser = useBrowser();

  it('lists the bookings the desk registered today, with the code to read out again', async () => {
    const [staff, adminT, hall] = [await staff01(), await admin(), await cityHall()];
    const s = await service('', { hallId: hall.id });
    const slot = await slotLaterToday(adminT.accessToken, hall.id, s.id);
    const b = await call<{ id: string; code: string }>('POST', '/api/staff/bookings', { token: staff.accessToken, body: { slotId: slot.id, serviceId: s.id, name: '王秀英', phone: e2ePhone() } });

    const { page, context } = await signedInContext(browser(), staff, 'desk');
    await page.goto('/subpackages/staff/pages/index/index');
    await openTile(page, '窗口登记');
    await page.getByRole('heading', { name: '窗口登记的预约' }).first().waitFor({ state: 'visible' });
    await visible(page, b.code);
    await visible(page, /王\*英/);
    await visible(page, /登记于/);
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
    const { page, context } = await signedInContext(browser(), staff, 'desk');
    await page.goto(`/subpackages/staff/pages/overtime/index?date=${day}`);
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
