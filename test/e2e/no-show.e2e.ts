import { phonePage, serverNow, useBrowser } from './browser';
import { fillField } from './actions';
import { countNoShowsWithoutCall } from '../support/world';
import { adminLogin, api, createSlot, e2eApi, expectAccessible, findService, guideOf, shanghaiDate, signInBrowser, staff01Login, verifiedCitizen, withServerClock, seeVisible, shot } from './citizen.helpers';

function hhmm(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

describe('the no-show record and appeals on the H5 build', () => {
  const browser = useBrowser();

  it('a user with one no-show sees the warning and the record, appeals, staff waive, and it no longer counts', async () => {
    const admin = (await adminLogin()).accessToken;
    const service = await findService('社会保障卡', '社会保障卡申领');
    const guide = await guideOf(service.id);
    const staff = await staff01Login();
    const hall = guide.halls.find((h: any) => h.id === staff.user.hallId) ?? guide.halls[0];

    // A no-show needs a booking whose start (plus the grace period) is in the past. Slots in the
    // past cannot be booked, so the server clock goes back two hours only while the slot is made
    // and booked (two calls), then returns to real time and the sweep marks the no-show.
    const citizen = await verifiedCitizen('吴九');
    const realNow = serverNow();
    const pinned = new Date(Math.floor((realNow.getTime() - 2 * 3_600_000) / 60_000) * 60_000);
    const start = new Date(pinned.getTime() + 10 * 60_000);
    const end = new Date(start.getTime() + 15 * 60_000);
    const date = shanghaiDate(start);
    expect(shanghaiDate(end)).toBe(date); // (not across midnight)
    const booking = await withServerClock(pinned, async () => {
      const slot = await createSlot(admin, { hallId: hall.id, serviceId: service.id, date, start: hhmm(start), end: hhmm(end), capacity: 3 });
      return api('POST', '/api/bookings', { token: citizen.accessToken, body: { slotId: slot.id, serviceId: service.id } });
    });
    await countNoShowsWithoutCall(e2eApi(), admin, hall.id); // counted at once (the demo city hall calls first)
    await api('POST', '/api/admin/jobs/no-show-sweep/run', { token: admin });
    const after = await api('GET', `/api/bookings/${booking.id}`, { token: citizen.accessToken });
    expect(after.status).toBe('no_show');

    const { page, context } = await phonePage(browser());
    await signInBrowser(context, citizen);

    // the warning before booking
    await page.goto(`/subpackages/booking/pages/book/index?serviceId=${service.id}`);
    await seeVisible(page, '爽约提醒');
    await seeVisible(page, '已爽约 1 次，再爽约 2 次将暂停预约资格');
    await shot(page, 'citizen-no-show-warning');

    // the record
    await page.getByText('查看爽约记录 / 申诉').first().click();
    await seeVisible(page, '爽约明细');
    await seeVisible(page, '计入爽约');
    await seeVisible(page, service.name);
    await seeVisible(page, /委托人/);
    await expectAccessible(page, '爽约记录');

    // appeal
    await page.getByRole('button', { name: '申诉' }).click();
    await fillField(page, '申诉理由', '当天突发急病住院，可提供医院证明');
    await page.getByRole('button', { name: '提交申诉' }).click();
    await seeVisible(page, '申诉处理中');
    await seeVisible(page, '我的申诉：当天突发急病住院，可提供医院证明');
    expect(await page.getByRole('button', { name: '申诉' }).count()).toBe(0);
    await shot(page, 'citizen-no-show-appealed');

    // staff waive it
    const staffToken = staff.user.hallId === hall.id ? staff.accessToken : admin;
    const record = await api<any[]>('GET', '/api/me/no-shows', { token: citizen.accessToken });
    const appealId = record[0].appeal.id;
    await api('POST', `/api/staff/appeals/${appealId}/decide`, { token: staffToken, body: { waive: true, answer: '已核实医院证明，予以豁免' } });

    await page.reload();
    await seeVisible(page, '不再计入');
    await seeVisible(page, '申诉成立，已豁免');
    await seeVisible(page, '大厅答复：已核实医院证明，予以豁免');
    await seeVisible(page, '0 / 3');
    await shot(page, 'citizen-no-show-waived');
    await context.close();
  });
});
