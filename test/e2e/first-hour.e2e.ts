import { fillField, signInWithSms, tap } from './actions';
import { e2ePhone, phonePage, serverNow, signedInAt, useBrowser } from './browser';
import { addDays, api, expectAccessible, randomIdNumber, seeCheckInCode, seeVisible, shanghaiDate, shot } from './citizen.helpers';
import { admin, cityHall, fill, visible, type Tokens } from './staff.helpers';

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const weekdayOf = (date: string) => WEEKDAY[new Date(`${date}T00:00:00Z`).getUTCDay()];
const monthDay = (date: string) => {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
};
const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));

/**
 * The first hour on a fresh server (issue "bookable out of the box"): nothing here makes a slot;
 * what a new citizen books comes from the demo data's templates and the start-up generation.
 */
describe('the first hour on the demo data', () => {
  const browser = useBrowser();
  let adminT: Tokens;
  let hall: { id: string; name: string };
  beforeAll(async () => {
    adminT = await admin();
    hall = await cityHall();
  });

  it('a new citizen signs in, verifies their real name, finds 户口迁移 and books the first free slot', async () => {
    const today = shanghaiDate(serverNow());
    const { page, context } = await phonePage(browser());
    const phone = e2ePhone();
    await signInWithSms(page, phone);
    await seeVisible(page, `${phone.slice(0, 3)}****${phone.slice(-4)}`);
    await tap(page, '实名认证');
    await fillField(page, '姓名', '林小满');
    await fillField(page, '身份证号', randomIdNumber());
    await tap(page, '提交');
    await seeVisible(page, /^110\*{11}[0-9X]{4}$/);

    // 首页 → search → the guide
    await page.goto('/pages/index/index');
    await fillField(page, '搜索办事事项', '户口迁移');
    await page.getByRole('button', { name: '搜索' }).first().click();
    await seeVisible(page, /“户口迁移”的搜索结果/);
    await page.locator('.guide-list').getByText('户口迁移', { exact: true }).first().click();
    await seeVisible(page, '申请材料');
    await page.getByRole('button', { name: '预约办理' }).click();

    // the demo hall has slots: the first free one is preselected by day, pick its first time
    await seeVisible(page, '1. 选择办理大厅');
    // 户口迁移 is handled at several halls: the citizen picks one (the first listed)
    await page.getByRole('radio').locator('visible=true').first().click();
    await seeVisible(page, /余 \d+ 个号/);
    expect(await page.getByText('近 14 天暂无可预约时段').locator('visible=true').count()).toBe(0);
    const first = page.getByRole('button', { name: /^选择 \d{2}:\d{2}–\d{2}:\d{2}$/ }).locator('visible=true').first();
    const time = ((await first.getAttribute('aria-label')) ?? '').replace('选择 ', '');
    await first.click();
    await shot(page, 'first-hour-book');
    await page.getByRole('button', { name: '确认预约' }).click();

    const code = await seeCheckInCode(page);
    await seeVisible(page, time);
    await shot(page, 'first-hour-qr');
    await expectAccessible(page, '预约详情');

    // the slot is one of the demo data's (made from a template, not by anyone in this test)
    const session = await page.evaluate(() => JSON.parse(window.localStorage.getItem('gov.session.v1') ?? '{}').data);
    const [mine] = await api<Array<{ code: string; hallId: string; slot: { id: string; start: string } }>>('GET', '/api/bookings', { token: session.accessToken });
    expect(mine.code).toBe(code);
    const day = shanghaiDate(new Date(mine.slot.start));
    const slots = await api<Array<{ id: string; templateId: string | null; serviceId: string | null }>>('GET', `/api/admin/slots?hallId=${mine.hallId}&from=${day}&to=${day}`, { token: adminT.accessToken });
    expect(slots.find((s) => s.id === mine.slot.id)).toMatchObject({ serviceId: null, templateId: expect.any(String) });
    // later today is bookable when today is a working day (the server's clock reads 10:00)
    const [cal] = await api<Array<{ workday: boolean }>>('GET', `/api/calendar?from=${today}&to=${today}`);
    if (cal.workday) {
      expect(day).toBe(today);
      expect(Date.parse(mine.slot.start)).toBeGreaterThan(serverNow().getTime());
    }
    await context.close();
  });

  it('the admin 排班 page shows this week’s slots, adds and removes a template, and closes a slot after asking why', async () => {
    const today = shanghaiDate(serverNow());
    const days = await api<Array<{ date: string; workday: boolean }>>('GET', `/api/calendar?from=${today}&to=${addDays(today, 13)}`);
    const workday = days.find((d) => d.workday)!.date;

    const { page, context } = await signedInAt(browser(), adminT, 'desk', '/subpackages/staff/pages/index/index');
    await page.getByRole('button', { name: '排班管理' }).click();
    await visible(page, '排班模板');
    await visible(page, '时段一览');
    expect(await page.getByRole('tab', { name: hall.name }).getAttribute('aria-selected')).toBe('true');
    // the demo templates, by weekday
    await visible(page, '16:30–17:00');
    expect(await page.getByRole('button', { name: '删除 周一 09:00–09:30' }).count()).toBe(1);

    // this week's slots (or next week's, when this week has no working day left)
    if (mondayOf(workday) !== mondayOf(today)) await page.getByRole('button', { name: '下一周' }).click();
    const column = page.getByRole('group', { name: `${weekdayOf(workday)} ${monthDay(workday)}` });
    await column.getByText('16:30–17:00').waitFor({ state: 'visible' });
    expect(await column.getByText(/^已约 \d+\/6$/).count()).toBeGreaterThanOrEqual(10);
    await shot(page, 'admin-schedule');
    await expectAccessible(page, '排班管理');

    // add a template: Saturday 09:00–11:30, 3 places, 全部事项
    await page.getByRole('tab', { name: '周六' }).click();
    await fill(page, '开始时间', '09:00');
    await fill(page, '结束时间', '11:30');
    await fill(page, '名额', '3');
    await page.getByRole('button', { name: '添加模板' }).click();
    const removeSat = page.getByRole('button', { name: '删除 周六 09:00–11:30' });
    await removeSat.waitFor({ state: 'visible' });
    const templates = await api<Array<{ weekday: number; start: string; end: string; capacity: number; serviceId: string | null }>>('GET', `/api/admin/slot-templates?hallId=${hall.id}`, {
      token: adminT.accessToken,
    });
    expect(templates.filter((t) => t.weekday === 6)).toEqual([expect.objectContaining({ start: '09:00', end: '11:30', capacity: 3, serviceId: null })]);
    // a bad time is refused in place
    await fill(page, '开始时间', '9点');
    await page.getByRole('button', { name: '添加模板' }).click();
    await visible(page, '请按 09:00 的格式填写');

    // and removed again, after a confirmation
    await removeSat.click();
    const confirmRemove = page.getByRole('dialog', { name: '删除排班模板' });
    await confirmRemove.getByRole('button', { name: '删除' }).click();
    await removeSat.waitFor({ state: 'detached' });

    // close the day's last slot: a reason is asked for, then the slot shows 已关闭
    await column.getByRole('button', { name: `关闭 ${monthDay(workday)} 16:30–17:00` }).click();
    const dialog = page.getByRole('dialog', { name: '关闭时段' });
    await dialog.getByText('此操作不能撤销').waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: '确认关闭' }).click();
    await dialog.getByText('请填写关闭原因（至少 2 个字）').waitFor({ state: 'visible' });
    await fill(page, '关闭原因', '窗口设备检修');
    await dialog.getByRole('button', { name: '确认关闭' }).click();
    await dialog.waitFor({ state: 'detached' });
    await column.getByText('已关闭').waitFor({ state: 'visible' });
    const after = await api<Array<{ start: string; active: boolean }>>('GET', `/api/admin/slots?hallId=${hall.id}&from=${workday}&to=${workday}`, { token: adminT.accessToken });
    expect(after.filter((s) => !s.active).map((s) => new Date(Date.parse(s.start) + 8 * 3_600_000).toISOString().slice(11, 16))).toEqual(['16:30']);
    await context.close();
  });
});
