import { Page } from 'playwright-core';
import { drawnForFollowUp } from '../../server/src/follow-ups/follow-ups.rules';
import { screenshot, serverNow, signedInAt, useBrowser } from './browser';
import { expectAccessible, shanghaiDate, withServerClock, workdayAfter } from './citizen.helpers';
import { countNoShowsWithoutCall } from '../support/world';
import { e2eApi } from './citizen.helpers';
import {
  admin,
  adminSlot,
  call,
  citizen,
  cityHall,
  fill,
  finishedBooking,
  pdfBytes,
  pngBytes,
  service,
  staff01,
  submittedFiling,
  upload,
  validCreditCode,
  visible,
  type Tokens,
} from './staff.helpers';

const hhmm = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(500);
}

/** A key-project service with online pre-review at the hall. */
async function keyProjectService(hallId: string): Promise<{ id: string; name: string }> {
  for (let p = 1; p <= 5; p++) {
    const list = await call<{ items: Array<{ id: string; name: string; onlinePrereview: boolean }>; total: number }>('GET', `/api/services?pageSize=50&page=${p}`);
    for (const s of list.items.filter((x) => x.onlinePrereview)) {
      const g = await call<{ keyProject: boolean; halls: Array<{ id: string }> }>('GET', `/api/services/${s.id}`);
      if (g.keyProject && g.halls.some((h) => h.id === hallId)) return s;
    }
    if (p * 50 >= list.total) break;
  }
  throw new Error('no key-project service with online pre-review at the city hall');
}

/** A delivered key-project filing (accepted by `staffToken`, decided by `deciderToken`) that the call-back sampling of this month draws (the draw is deterministic per id and month). */
async function deliveredDrawnFiling(person: Tokens, staffToken: string, deciderToken: string, hallId: string, month: string): Promise<{ id: string; number: string; serviceName: string }> {
  const s = await keyProjectService(hallId);
  // key projects are for companies (audience enterprise): the person files for their own company,
  // whose legal representative is their verified real name
  const me = await call<{ realName: string }>('GET', '/api/me', { token: person.accessToken });
  const company = await call<{ id: string }>('POST', '/api/enterprises', {
    token: person.accessToken,
    body: { name: `清河市建工集团有限公司${Date.now() % 100000}`, creditCode: validCreditCode(), legalRepName: me.realName },
  });
  const onBehalfOf = { type: 'enterprise', id: company.id };
  let app: { id: string; number: string; materials: Array<{ materialId: string; required: boolean }> } | null = null;
  for (let i = 0; i < 40 && !app; i++) {
    const draft = await call('POST', '/api/applications', { token: person.accessToken, body: { serviceId: s.id, hallId, onBehalfOf } });
    if (drawnForFollowUp(draft.id, month, 20)) app = draft;
    else await call('POST', `/api/applications/${draft.id}/withdraw`, { token: person.accessToken, body: {} });
  }
  if (!app) throw new Error('no filing drawn in 40 drafts');
  let i = 0;
  for (const m of app.materials.filter((x) => x.required)) {
    await upload(person.accessToken, app.id, m.materialId, i++ === 0 ? { name: '总平面图.png', type: 'image/png', bytes: pngBytes() } : { name: `材料${i}.pdf`, type: 'application/pdf', bytes: pdfBytes(`k${i}`) });
  }
  await call('POST', `/api/applications/${app.id}/submit`, { token: person.accessToken });
  const full = await call<{ materials: Array<{ materialId: string }> }>('GET', `/api/applications/${app.id}`, { token: person.accessToken });
  await call('POST', `/api/staff/applications/${app.id}/prereview`, { token: staffToken, body: { decisions: full.materials.map((m) => ({ materialId: m.materialId, ok: true, reason: null })) } });
  await call('POST', `/api/staff/applications/${app.id}/accept`, { token: staffToken });
  // 受审分离: the window clerk accepted it, so another (here the admin, for whichever department) decides
  await call('POST', `/api/staff/applications/${app.id}/advance`, { token: deciderToken, body: { to: 'under_review', note: '审查中' } });
  await call('POST', `/api/staff/applications/${app.id}/advance`, { token: deciderToken, body: { to: 'approved', note: '准予许可' } });
  // at the window: ready for collection first, then handed over
  await call('POST', `/api/staff/applications/${app.id}/deliver`, { token: staffToken, body: { method: 'window' } });
  await call('POST', `/api/staff/applications/${app.id}/deliver`, { token: staffToken, body: { method: 'window' } });
  return { id: app.id, number: app.number, serviceName: s.name };
}

/** More of the staff desk (H5, 1280×800): off-hours confirmation, appeals, call-backs, statistics, and axe on the busiest pages. */
describe('more of the staff desk on the H5 build', () => {
  const browser = useBrowser();
  let adminT: Tokens;
  let staff: Tokens;
  let hall: { id: string; name: string };
  beforeAll(async () => {
    adminT = await admin();
    staff = await staff01();
    hall = await cityHall();
    expect(staff.user.hallId).toBe(hall.id);
  });

  /** A citizen's off-hours request (18:30–19:30, `days` working days ahead) and the staff desk's off-hours page showing it. */
  async function offhoursOnDesk(name: string, days: number) {
    const person = await citizen(name);
    const s = await service('', { hallId: hall.id });
    const date = await workdayAfter(days);
    const note = `下班后办理 ${Date.now()}`;
    const req = await call('POST', '/api/offhours-requests', {
      token: person.accessToken,
      body: { serviceId: s.id, hallId: hall.id, preferredStart: `${date}T18:30:00+08:00`, preferredEnd: `${date}T19:30:00+08:00`, note },
    });

    const { page, context } = await signedInAt(browser(), staff, 'desk', '/subpackages/staff/pages/offhours/index');
    const item = page.locator('.st-item').filter({ hasText: note });
    await item.waitFor({ state: 'visible' });
    return { person, req, page, context, item };
  }

  it('confirms an off-hours request with a time and a staff member; the applicant gets a booking', async () => {
    const { person, req, page, context, item } = await offhoursOnDesk('韩六', 3);
    await item.getByRole('button', { name: '确认' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('input[aria-label="开始时间"]').inputValue()).toBe('18:30');
    await fill(page, '结束时间', '19:15');
    await fill(page, '接待人员', '李晓红');
    await fill(page, '材料补充说明（选填）', '另带户口本原件');
    await screenshot(page, 'staff-offhours-confirm');
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog.waitFor({ state: 'detached' });
    await item.waitFor({ state: 'detached' });

    const after = await call('GET', `/api/offhours-requests/${req.id}`, { token: person.accessToken });
    expect(after.status).toBe('confirmed');
    expect(after.bookingId).toBeTruthy();
    expect(after.materialsNote).toBe('另带户口本原件');
    const booking = await call('GET', `/api/bookings/${after.bookingId}`, { token: person.accessToken });
    expect(booking).toMatchObject({ kind: 'offhours', status: 'booked' });
    expect(hhmm(new Date(booking.slot?.end ?? booking.end))).toBe('19:15');
    await context.close();
  });

  it('refuses an off-hours request only with a reason from the list (none for a non-working day), plus a note', async () => {
    const { person, req, page, context, item } = await offhoursOnDesk('韩七', 4);
    expect(await item.innerText()).toContain('前答复');
    await item.getByRole('button', { name: '拒绝' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    const reasons = dialog.locator('.oh-reason');
    expect(await reasons.allInnerTexts()).not.toEqual(expect.arrayContaining([expect.stringMatching(/非工作日|休息日|节假日/)]));
    await dialog.getByRole('button', { name: '拒绝' }).click();
    await visible(page, '请选择拒绝原因');
    await dialog.getByRole('button', { name: /其他原因/ }).click();
    await dialog.getByRole('button', { name: '拒绝' }).click();
    await visible(page, '选择“其他原因”时请写明理由');
    await fill(page, '补充说明（选“其他原因”时必填）', '该时段大厅停电检修');
    await dialog.getByRole('button', { name: '拒绝' }).click();
    await dialog.waitFor({ state: 'detached' });

    const after = await call('GET', `/api/offhours-requests/${req.id}`, { token: person.accessToken });
    expect(after).toMatchObject({ status: 'refused', refuseReasonCode: 'other', refuseReason: '其他原因：该时段大厅停电检修' });
    await context.close();
  });

  it('rejects a no-show appeal with a reason the applicant sees', async () => {
    // a no-show needs a past booking: the server clock goes back two hours for two calls only
    const person = await citizen('杨七');
    const s = await service('', { hallId: hall.id });
    const pinned = new Date(Math.floor((serverNow().getTime() - 2 * 3_600_000) / 60_000) * 60_000);
    const start = new Date(pinned.getTime() + 10 * 60_000);
    const end = new Date(start.getTime() + 15 * 60_000);
    expect(shanghaiDate(end)).toBe(shanghaiDate(start));
    const booking = await withServerClock(pinned, async () => {
      const slot = await adminSlot(adminT.accessToken, { hallId: hall.id, serviceId: s.id, start, end, capacity: 2 });
      return call('POST', '/api/bookings', { token: person.accessToken, body: { slotId: slot.id, serviceId: s.id } });
    });
    await countNoShowsWithoutCall(e2eApi(), adminT.accessToken, hall.id); // a counted no-show to appeal (the demo city hall calls first)
    await call('POST', '/api/admin/jobs/no-show-sweep/run', { token: adminT.accessToken });
    const reason = `公交晚点 ${Date.now()}`;
    await call('POST', `/api/me/no-shows/${booking.id}/appeal`, { token: person.accessToken, body: { reason } });

    const { page, context } = await signedInAt(browser(), staff, 'desk', '/subpackages/staff/pages/appeals/index');
    const item = page.locator('.st-item').filter({ hasText: reason });
    await item.waitFor({ state: 'visible' });
    await screenshot(page, 'staff-appeals');
    await item.getByRole('button', { name: '驳回申诉' }).click();
    await fill(page, '驳回理由', '经查监控，当天未到大厅，不予豁免');
    await page.getByRole('dialog').getByRole('button', { name: '驳回' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await item.waitFor({ state: 'detached' });

    const record = await call<any[]>('GET', '/api/me/no-shows', { token: person.accessToken });
    const it = record.find((r) => r.bookingId === booking.id);
    expect(it).toMatchObject({ counts: true, appeal: { status: 'rejected', answer: '经查监控，当天未到大厅，不予豁免' } });
    await context.close();
  });

  it('lists this month’s sampled call-backs (a delivered key-project filing) and records the outcome', async () => {
    const month = shanghaiDate(serverNow()).slice(0, 7);
    const person = await citizen('朱八');
    const filing = await deliveredDrawnFiling(person, staff.accessToken, adminT.accessToken, hall.id, month);
    await call('POST', '/api/admin/jobs/callback-sampling/run', { token: adminT.accessToken });
    const rows = await call<Array<{ number: string }>>('GET', `/api/staff/callbacks?month=${month}`, { token: staff.accessToken });
    expect(rows.map((r) => r.number)).toContain(filing.number);

    const { page, context } = await signedInAt(browser(), staff, 'desk', '/subpackages/staff/pages/follow-ups/index');
    const item = page.locator('.st-item').filter({ hasText: filing.number });
    await item.waitFor({ state: 'visible' });
    await item.getByText('重点项目').waitFor();
    await item.getByText('待回访').waitFor();
    await settle(page);
    await screenshot(page, 'staff-callbacks');
    await item.getByRole('button', { name: '记录回访结果' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await item.getByText('已回访').waitFor();
    await context.close();
  });

  it('shows satisfaction bars on the admin statistics page (axe: no serious or critical violations)', async () => {
    const person = await citizen('秦九');
    const b = await finishedBooking(person, staff.accessToken, adminT.accessToken);
    await call('POST', '/api/ratings', { token: person.accessToken, body: { targetType: 'booking', targetId: b.id, score: 5, tags: [], comment: '办理很快' } });

    const { page, context } = await signedInAt(browser(), adminT, 'desk', '/subpackages/admin/pages/stats/index');
    await visible(page, '总体满意率（基本满意及以上）');
    const charts = page.getByRole('figure');
    await charts.first().waitFor({ state: 'visible' });
    expect(await page.getByRole('figure', { name: '评价分布' }).count()).toBe(1);
    expect(await page.getByRole('figure', { name: '各大厅满意率' }).count()).toBe(1);
    const widths = await page.locator('.bar-chart__bar').evaluateAll((els) => els.map((e) => (e as HTMLElement).getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThanOrEqual(5);
    expect(widths.some((w) => w > 0)).toBe(true);
    await visible(page, hall.name);
    await settle(page);
    await screenshot(page, 'admin-stats');
    await expectAccessible(page, '满意度统计');
    await context.close();
  });

  it('axe: the staff bookings page and the pre-review page have no serious or critical violations', async () => {
    const person = await citizen('尤十');
    const filing = await submittedFiling(person);
    const { page, context } = await signedInAt(browser(), staff, 'desk', '/subpackages/staff/pages/bookings/index');
    await page.locator('input[aria-label="签到码"]').waitFor({ state: 'visible' });
    await settle(page);
    await expectAccessible(page, '今日预约');

    await page.goto(`/subpackages/staff/pages/review/index?id=${filing.id}`);
    await visible(page, `办件编号 ${filing.number}`);
    await page.locator('.st-material').first().waitFor({ state: 'visible' });
    await settle(page);
    await expectAccessible(page, '预审');
    await context.close();
  });
});
