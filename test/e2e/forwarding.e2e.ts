import { screenshot, signedInAt, useBrowser } from './browser';
import { call, citizen, pdfBytes, press, staffTokens, upload, visible, type Tokens } from './staff.helpers';

const PASSWORD = 'Staff@2026';
const STATION = '云溪县青石镇便民服务站';
const COUNTY = '云溪县政务服务中心';

/**
 * 同城通办 on the H5 build: the town station's window 转办 a filing it accepted to the county (the
 * applicant sees 转办中 and 计时暂停), and the county's window 接收 it (the clock runs again).
 */
describe('同城通办 on the staff desk and the applicant’s filing', () => {
  const browser = useBrowser();

  /** A filing of a county-only service made at the station and accepted there by `clerk`. */
  async function acceptedAtStation(person: Tokens, clerk: Tokens): Promise<{ id: string; number: string }> {
    const halls = await call<Array<{ id: string; name: string }>>('GET', '/api/halls');
    const station = halls.find((h) => h.name === STATION)!;
    const found = await call<{ items: Array<{ id: string; name: string }> }>('GET', `/api/services?q=${encodeURIComponent('占用、挖掘县乡公路许可')}&pageSize=5`);
    const s = found.items.find((x) => x.name === '占用、挖掘县乡公路许可')!;
    const app = await call<{ id: string; number: string; materials: Array<{ materialId: string }> }>('POST', '/api/applications', { token: person.accessToken, body: { serviceId: s.id, hallId: station.id } });
    let i = 0;
    for (const m of app.materials) await upload(person.accessToken, app.id, m.materialId, { name: `材料${++i}.pdf`, type: 'application/pdf', bytes: pdfBytes(`fwd${i}`) });
    await call('POST', `/api/applications/${app.id}/submit`, { token: person.accessToken });
    const decisions = app.materials.map((m) => ({ materialId: m.materialId, ok: true, reason: null }));
    await call('POST', `/api/staff/applications/${app.id}/prereview`, { token: clerk.accessToken, body: { decisions } });
    await call('POST', `/api/staff/applications/${app.id}/accept`, { token: clerk.accessToken });
    return { id: app.id, number: app.number };
  }

  it('forwards from the station, shows the pause to the applicant, and is received at the county', async () => {
    const person = await citizen('钱十一');
    const stationClerk = await staffTokens('staff04', PASSWORD);
    const filing = await acceptedAtStation(person, stationClerk);

    // the station's window: 转办, picking the county
    const desk = await signedInAt(browser(), stationClerk, 'desk', `/subpackages/staff/pages/review/index?id=${filing.id}`);
    await visible(desk.page, `办件编号 ${filing.number}`);
    await press(desk.page, '转办');
    const dialog = desk.page.getByRole('dialog');
    await dialog.getByRole('radio', { name: COUNTY }).waitFor({ state: 'visible' });
    await screenshot(desk.page, 'staff-forward');
    await dialog.getByRole('button', { name: '转办' }).click();
    await dialog.waitFor({ state: 'detached' });
    await desk.page.locator('.status-tag', { hasText: '转办中' }).first().waitFor({ state: 'visible' });
    await visible(desk.page, `同城通办：${STATION} 受理，${COUNTY} 承办`);
    await visible(desk.page, `办件现由 ${COUNTY} 办理，本大厅可查看进度。`);
    // the station holds it no longer: no 接收 here
    expect(await desk.page.getByRole('button', { name: '接收', exact: true }).count()).toBe(0);
    await desk.context.close();

    // the applicant's filing: 转办中, the clock paused, the step on the timeline
    const phone = await signedInAt(browser(), person, 'phone', `/subpackages/applications/pages/detail/index?id=${filing.id}`);
    await visible(phone.page, `计时暂停：办件转${COUNTY}办理中`);
    await visible(phone.page, '转办（计时暂停）');
    await phone.page.locator('.status-tag', { hasText: '转办中' }).first().waitFor({ state: 'visible' });
    await screenshot(phone.page, 'filing-forwarding');
    await phone.context.close();

    // the county's window: 接收; the clock runs again
    const countyClerk = await staffTokens('staff02', PASSWORD);
    const county = await signedInAt(browser(), countyClerk, 'desk', `/subpackages/staff/pages/review/index?id=${filing.id}`);
    await visible(county.page, `办件编号 ${filing.number}`);
    await press(county.page, '接收');
    await county.page.getByRole('dialog').getByRole('button', { name: '接收' }).click();
    await county.page.getByRole('dialog').waitFor({ state: 'detached' });
    await county.page.locator('.status-tag', { hasText: '已受理' }).first().waitFor({ state: 'visible' });
    await visible(county.page, '接收转办（计时恢复）');
    await county.context.close();
    const after = await call<{ status: string; clockPaused: boolean; hallName: string }>('GET', `/api/applications/${filing.id}`, { token: person.accessToken });
    expect(after).toMatchObject({ status: 'accepted', clockPaused: false, hallName: COUNTY });
  });
});
