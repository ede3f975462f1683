import { phonePage, signedInAt, useBrowser } from './browser';
import { fillField } from './actions';
import { api, confirmModal, createSlot, expectAccessible, idCardWorld, seeCheckInCode, seeVisible, shot, signInBrowser, verifiedCitizen, workdayAfter } from './citizen.helpers';

function dayLabel(date: string): RegExp {
  const [, m, d] = date.split('-').map(Number);
  return new RegExp(`^${m}月\\s*${d}\\s*日`);
}

describe('booking on the H5 build', () => {
  const browser = useBrowser();
  let admin: string;
  let service: { id: string; name: string };
  let hall: { id: string; name: string; address: string };
  beforeAll(async () => ({ admin, service, hall } = await idCardWorld()));

  it('books a slot from the guide, sees the QR code and the code, and cancels it', async () => {
    const date = await workdayAfter(2);
    await createSlot(admin, { hallId: hall.id, serviceId: service.id, date, start: '15:10', end: '15:40', capacity: 2 });
    // a full slot on the same day offers 候补
    const full = await createSlot(admin, { hallId: hall.id, serviceId: service.id, date, start: '16:10', end: '16:40', capacity: 1 });
    const other = await verifiedCitizen('赵六');
    await api('POST', '/api/bookings', { token: other.accessToken, body: { slotId: full.id, serviceId: service.id } });

    const citizen = await verifiedCitizen('王芳');
    const { page, context } = await signedInAt(browser(), citizen, 'phone', `/subpackages/guide/pages/detail/index?id=${service.id}`);
    await page.getByRole('button', { name: '预约办理' }).click();

    await seeVisible(page, '1. 选择办理大厅');
    await page.getByRole('radio', { name: `${hall.name}，${hall.address}` }).click();
    await page.getByRole('button', { name: dayLabel(date) }).click();
    await seeVisible(page, '15:10–15:40');
    await seeVisible(page, '余 2 个号');
    await seeVisible(page, '已约满');
    expect(await page.getByRole('button', { name: '候补' }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '选择 15:10–15:40' }).click();
    await shot(page, 'citizen-book');
    await expectAccessible(page, '预约');
    await page.getByRole('button', { name: '确认预约' }).click();

    const code = await seeCheckInCode(page);
    await seeVisible(page, hall.address);
    await seeVisible(page, '15:10–15:40');
    await shot(page, 'citizen-booking-qr');
    await expectAccessible(page, '预约详情');

    await page.getByRole('button', { name: '取消预约' }).click();
    await confirmModal(page, '确定取消');
    await seeVisible(page, '已取消');
    const mine = await api<any[]>('GET', '/api/bookings', { token: citizen.accessToken });
    expect(mine.find((b) => b.code === code)?.status).toBe('cancelled');

    // 我的预约 lists it
    await page.goto('/subpackages/booking/pages/mine/index');
    await seeVisible(page, service.name);
    await seeVisible(page, '已取消');
    await context.close();
  });

  it('the cancelled booking without its code: no 签到码 or QR, 重新预约 at the same hall, and 预约已取消 in the message centre', async () => {
    const date = await workdayAfter(2);
    const slot = await createSlot(admin, { hallId: hall.id, serviceId: service.id, date, start: '14:10', end: '14:40', capacity: 2 });
    const citizen = await verifiedCitizen('钱八');
    const booking = await api<{ id: string; code: string }>('POST', '/api/bookings', { token: citizen.accessToken, body: { slotId: slot.id, serviceId: service.id } });
    const { page, context } = await signedInAt(browser(), citizen, 'phone', `/subpackages/booking/pages/detail/index?id=${booking.id}`);
    await seeVisible(page, '签到码（到大厅后出示二维码或报此码）');
    await seeVisible(page, booking.code);

    await page.getByRole('button', { name: '取消预约' }).click();
    await confirmModal(page, '确定取消');
    await seeVisible(page, /您已于 .* 取消这次预约，签到码已作废/);
    const shown = (sel: string) => page.locator(sel).locator('visible=true').count();
    expect(await shown('text=签到码（到大厅后出示二维码或报此码）')).toBe(0);
    expect(await shown('.booking__code')).toBe(0);
    expect(await shown('img.booking__qr, .booking__qr img')).toBe(0);
    expect(await page.getByText(booking.code).locator('visible=true').count()).toBe(0);
    expect(await page.getByRole('button', { name: '取消预约' }).count()).toBe(0);
    await shot(page, 'citizen-booking-cancelled');
    await expectAccessible(page, '已取消的预约');

    // 重新预约: the booking page of the same service, at the same hall
    await page.getByRole('button', { name: '重新预约' }).click();
    await page.waitForURL(/\/subpackages\/booking\/pages\/book\/index\?/);
    expect(page.url()).toContain(`serviceId=${service.id}`);
    expect(page.url()).toContain(`hallId=${hall.id}`);
    await seeVisible(page, '1. 选择办理大厅');
    await page.getByRole('button', { name: dayLabel(date) }).click();
    await seeVisible(page, '14:10–14:40');

    // the message centre: 预约已取消 on top, the earlier 预约成功 marked 已失效
    await page.goto('/subpackages/messages/pages/index/index');
    await seeVisible(page, '预约已取消');
    await seeVisible(page, `原预约码 ${booking.code} 作废`);
    await seeVisible(page, '已失效');
    const stale = page.locator('.msg-item--superseded').locator('visible=true');
    expect(await stale.count()).toBe(1);
    expect(await stale.innerText()).toContain('预约成功');
    await shot(page, 'citizen-messages-cancelled');
    await context.close();
  });

  it('asks for off-hours service (错时/预约办) and sees the request pending, with the time the hall must answer by', async () => {
    const citizen = await verifiedCitizen('孙七');
    const { page, context } = await phonePage(browser());
    await signInBrowser(context, citizen);
    // an old link to the form still opens it: the form is now its own page
    await page.goto(`/subpackages/booking/pages/offhours/index?serviceId=${service.id}&hallId=${hall.id}`);
    await page.waitForURL(/offhours-new\/index/);
    const date = await workdayAfter(3);
    const [y, m, d] = date.split('-').map(Number);
    await page.getByRole('button', { name: new RegExp(`^${y}年${m}月${d}日`) }).click();
    await page.getByRole('button', { name: /^18:00/ }).click();
    await page.getByRole('button', { name: /^1 小时/ }).click();
    await fillField(page, '备注', '白天上班，希望下班后办理');
    await shot(page, 'citizen-offhours-form');
    await page.getByRole('button', { name: '提交申请' }).click();
    await seeVisible(page, '待确认');
    await seeVisible(page, '18:00–19:00');
    await seeVisible(page, '白天上班，希望下班后办理');
    await seeVisible(page, '答复期限');
    await shot(page, 'citizen-offhours-status');
    const list = await api<any[]>('GET', '/api/offhours-requests', { token: citizen.accessToken });
    expect(list).toHaveLength(1);
    expect(list[0].status).toBe('pending');
    expect(list[0].replyBy).toEqual(expect.any(String));
    expect(page.url()).toContain(`id=${list[0].id}`);
    await context.close();
  });
});
