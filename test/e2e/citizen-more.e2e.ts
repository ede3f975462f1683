import { phonePage, serverNow, signedInAt, useBrowser } from './browser';
import {
  acceptedAuthorization,
  addDays,
  idCardWorld,
  api,
  confirmModal,
  createSlot,
  findService,
  guideOf,
  seeVisible,
  shanghaiDate,
  shot,
  signInBrowser,
  verifiedCitizen,
  withServerClock,
  workdayAfter,
} from './citizen.helpers';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/** the app's dateLabel: 2026年3月5日（周四） */
function dateLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日（周${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}）`;
}
/** the off-hours form's date chip, in the one date format: 2026年3月5日（周四） */
function chip(date: string): RegExp {
  const [y, m, d] = date.split('-').map(Number);
  return new RegExp(`^${y}年${m}月${d}日`);
}

type Day = { date: string; workday: boolean };
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** More citizen journeys: off-hours notice refused then made, a waitlist offer accepted, a filing withdrawn, acting for a principal. */
describe('more citizen journeys on the H5 build', () => {
  const browser = useBrowser();
  let admin: string;
  let service: { id: string; name: string };
  let hall: { id: string; name: string; address: string };
  beforeAll(async () => ({ admin, service, hall } = await idCardWorld()));

  it('refuses an off-hours request made too late (NOTICE_TOO_SHORT, with the deadline), then accepts a valid one', async () => {
    // "Too late" means after the last working day before the date. Seen from a recent rest day P,
    // the next day D is too late (its last working day before is before P). The browser runs at P
    // (page.clock), and the server's clock is at P only for the one submit, then back to its own time.
    const today = shanghaiDate(serverNow());
    const past = await api<Day[]>('GET', `/api/calendar?from=${addDays(today, -10)}&to=${addDays(today, -1)}`);
    const restDay = [...past].reverse().find((d) => !d.workday);
    if (!restDay) throw new Error('no rest day in the last 10 days');
    const P = new Date(`${restDay.date}T10:00:00+08:00`);
    const D = addDays(restDay.date, 1);
    const before = await api<Day[]>('GET', `/api/calendar?from=${addDays(D, -20)}&to=${addDays(D, -1)}`);
    const deadline = [...before].reverse().find((d) => d.workday)!.date;
    const dDay = (await api<Day[]>('GET', `/api/calendar?from=${D}&to=${D}`))[0];

    const citizen = await verifiedCitizen('钱十');
    const { page, context } = await phonePage(browser());
    await context.clock.install({ time: P });
    await signInBrowser(context, citizen);
    await page.goto(`/subpackages/booking/pages/offhours/index?serviceId=${service.id}&hallId=${hall.id}`);
    await seeVisible(page, '为谁办理');
    await page.getByRole('button', { name: chip(D) }).click();
    await page.getByRole('button', { name: dDay?.workday === false ? /^14:00/ : /^18:00/ }).click();
    await withServerClock(new Date(P.getTime() + 60_000), async () => {
      await page.getByRole('button', { name: '提交申请' }).click();
      await seeVisible(page, /错时预约需至少提前一个工作日申请/);
    });
    await seeVisible(page, `最晚申请时间：${dateLabel(deadline)} 17:00（大厅下班前）`); // the city hall closes at 17:00
    await shot(page, 'citizen-offhours-too-late');
    expect(await api<any[]>('GET', '/api/offhours-requests', { token: citizen.accessToken })).toHaveLength(0);

    // a date far enough ahead (server on real time again)
    const ok = await workdayAfter(3);
    await page.getByRole('button', { name: chip(ok) }).click();
    await page.getByRole('button', { name: /^18:00/ }).click();
    await page.getByRole('button', { name: '提交申请' }).click();
    await seeVisible(page, '待确认');
    await seeVisible(page, '18:00–19:00');
    const list = await api<any[]>('GET', '/api/offhours-requests', { token: citizen.accessToken });
    expect(list.map((r) => r.status)).toEqual(['pending']);
    await context.close();
  });

  it('accepts a waitlist offer after a cancellation', async () => {
    const date = await workdayAfter(2);
    const slot = await createSlot(admin, { hallId: hall.id, serviceId: service.id, date, start: '11:05', end: '11:35', capacity: 1 });
    const first = await verifiedCitizen('冯一');
    const waiting = await verifiedCitizen('陈二');
    const taken = await api('POST', '/api/bookings', { token: first.accessToken, body: { slotId: slot.id, serviceId: service.id } });
    const place = await api('POST', `/api/slots/${slot.id}/waitlist`, { token: waiting.accessToken, body: { serviceId: service.id } });
    expect(place.position).toBe(1);
    await api('POST', `/api/bookings/${taken.id}/cancel`, { token: first.accessToken });
    await api('POST', '/api/admin/jobs/waitlist-offers/run', { token: admin });
    const [entry] = await api<any[]>('GET', '/api/me/waitlist', { token: waiting.accessToken });
    expect(entry.offer).not.toBeNull();

    const { page, context } = await signedInAt(browser(), waiting, 'phone', '/subpackages/booking/pages/waitlist/index');
    await seeVisible(page, '有空位');
    await seeVisible(page, /有人取消了预约，请在 .* 前确认/);
    await shot(page, 'citizen-waitlist-offer');
    await page.getByRole('button', { name: '确认预约' }).click();
    await seeVisible(page, '签到码（到大厅后出示二维码或报此码）');
    await seeVisible(page, '11:05–11:35');
    const mine = await api<any[]>('GET', '/api/bookings', { token: waiting.accessToken });
    expect(mine.map((b) => [b.slot?.id ?? b.slotId, b.status])).toContainEqual([slot.id, 'booked']);
    await context.close();
  });

  it('withdraws a filing', async () => {
    const s = await findService('个体工商户', '个体工商户设立登记');
    const citizen = await verifiedCitizen('褚三');
    const draft = await api('POST', '/api/applications', { token: citizen.accessToken, body: { serviceId: s.id } });
    const { page, context } = await signedInAt(browser(), citizen, 'phone', `/subpackages/applications/pages/detail/index?id=${draft.id}`);
    await seeVisible(page, `办件编号：${draft.number}`);
    await page.getByRole('button', { name: '撤回申请' }).click();
    await confirmModal(page, '撤回');
    await page.locator('.status-tag', { hasText: '已撤回' }).first().waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: '提交预审' }).count()).toBe(0);
    const after = await api('GET', `/api/applications/${draft.id}`, { token: citizen.accessToken });
    expect(after.status).toBe('withdrawn');
    await context.close();
  });

  it('an agent books and files for a principal (为谁办理 above the forms) and opens the principal’s no-show record', async () => {
    const principal = await verifiedCitizen('卫四');
    const agent = await verifiedCitizen('蒋五');
    const today = shanghaiDate(serverNow());
    await acceptedAuthorization(principal, agent, { serviceIds: null, validFrom: today, validTo: addDays(today, 30) });
    const date = await workdayAfter(4);
    await createSlot(admin, { hallId: hall.id, serviceId: service.id, date, start: '14:35', end: '15:05', capacity: 3 });

    const { page, context } = await signedInAt(browser(), agent, 'phone', '/subpackages/company/pages/acting/index');
    const option = page.getByRole('radio', { name: /个人委托/ });
    await option.waitFor({ state: 'visible' });
    const principalName = ((await option.getAttribute('aria-label')) ?? '').split('，')[0];
    expect(principalName.length).toBeGreaterThan(0);
    await option.click();
    await page.waitForFunction(() => !!window.localStorage.getItem('gov.acting.v1'));

    // booking: the bar says for whom, and the booking is the principal's
    await page.goto(`/subpackages/booking/pages/book/index?serviceId=${service.id}`);
    await page.getByRole('button', { name: new RegExp(`为谁办理\\s*为 ${esc(principalName)}（委托人） 办理`) }).waitFor({ state: 'visible' });
    await seeVisible(page, `将为 ${principalName}（委托人） 预约`);
    await page.getByRole('radio', { name: `${hall.name}，${hall.address}` }).click();
    const [, m, d] = date.split('-').map(Number);
    await page.getByRole('button', { name: new RegExp(`^${m}月\\s*${d}\\s*日`) }).click();
    await page.getByRole('button', { name: '选择 14:35–15:05' }).click();
    await shot(page, 'citizen-book-for-principal');
    await page.getByRole('button', { name: '确认预约' }).click();
    await seeVisible(page, '此预约由代办人办理，爽约记入被代办人的记录');
    const theirs = await api<any[]>('GET', '/api/bookings', { token: principal.accessToken });
    expect(theirs.some((b) => b.serviceId === service.id && b.status === 'booked')).toBe(true);

    // the booking spent the choice: the next form is in the agent's own name until they choose again
    await page.waitForFunction(() => !window.localStorage.getItem('gov.acting.v1'));
    const s = await findService('个体工商户', '个体工商户设立登记');
    const sHall = (await guideOf(s.id)).halls[0];
    await page.goto(`/subpackages/applications/pages/new/index?serviceId=${s.id}&hallId=${sHall.id}`);
    await seeVisible(page, '将为 本人（蒋五） 办理');
    await page.getByRole('button', { name: /^为谁办理\s*为 本人（蒋五） 办理/ }).click();
    await page.getByRole('radio', { name: /个人委托/ }).click();
    // filing: the same bar and the same words beside 开始申报
    await seeVisible(page, `将为 ${principalName}（委托人） 办理`);
    await page.getByRole('button', { name: '开始申报' }).click();
    await seeVisible(page, '请逐项上传材料后提交预审');
    await page.locator('.status-tag', { hasText: '代办' }).first().waitFor({ state: 'visible' });
    const filings = await api<any[]>('GET', '/api/applications', { token: principal.accessToken });
    expect(filings.map((f) => f.serviceId)).toContain(s.id);

    // the principal's no-show record, from the switcher
    await page.goto('/subpackages/company/pages/acting/index');
    await page.getByRole('button', { name: new RegExp(`^${esc(principalName)} 爽约记录`) }).click();
    await seeVisible(page, `委托人 ${principalName} 的爽约记录`);
    await seeVisible(page, /以委托人的记录为准/);
    await seeVisible(page, '没有爽约记录');
    await shot(page, 'citizen-principal-no-shows');
    await context.close();
  });
});
