import { screenshot, signedInAt, useBrowser } from './browser';
import { expectAccessible, seeVisible } from './citizen.helpers';
import { call, citizen, press, service, staff01, submittedFiling } from './staff.helpers';

/** 首问负责 and the centre's own help on the applicant's side (H5, phone). */
describe('首问负责人 and 帮办代办 on the H5 build (phone)', () => {
  const browser = useBrowser();

  it('the filing page names the 首问负责人 once the window accepts it', async () => {
    const person = await citizen('孙首问');
    const filing = await submittedFiling(person);
    const staff = await staff01();
    const f = await call<{ materials: Array<{ materialId: string }> }>('GET', `/api/applications/${filing.id}`, { token: person.accessToken });
    const { page, context } = await signedInAt(browser(), person, 'phone', `/subpackages/applications/pages/detail/index?id=${filing.id}`);
    await seeVisible(page, filing.serviceName);
    // submitted, not yet taken by anyone: nobody named
    expect(await page.getByText(/首问负责人/).count()).toBe(0);

    await call('POST', `/api/staff/applications/${filing.id}/prereview`, { token: staff.accessToken, body: { decisions: f.materials.map((m) => ({ materialId: m.materialId, ok: true, reason: null })) } });
    await call('POST', `/api/staff/applications/${filing.id}/accept`, { token: staff.accessToken });
    await page.reload();
    await seeVisible(page, /首问负责人：王窗口（.+）/);
    await screenshot(page, 'citizen-filing-responsible');
    await context.close();
  });

  it('the 帮办 page shows the assigned helper\u2019s card, then the done state with a rating entry that rates the help', async () => {
    const person = await citizen('钱帮办');
    const s = await service('个体工商户设立登记');
    const r = await call<{ id: string }>('POST', '/api/assistance-requests', { token: person.accessToken, body: { serviceId: s.id, kind: 'helper', note: '不会用手机填表' } });
    const { page, context } = await signedInAt(browser(), person, 'phone', '/subpackages/guidance/pages/assistance/index');
    await seeVisible(page, '待安排');
    await seeVisible(page, '大厅正在安排帮办专员，安排后会通过消息通知您。');

    // staff01 takes it on: the applicant sees who helps and the number to call
    const staff = await staff01();
    const me = await call<{ id: string }>('GET', '/api/me', { token: staff.accessToken });
    await call('POST', `/api/staff/assistance-requests/${r.id}/assign`, { token: staff.accessToken, body: { staffId: me.id } });
    await page.reload();
    await seeVisible(page, '已安排专人');
    await seeVisible(page, '帮办专员');
    await seeVisible(page, '王窗口');
    await seeVisible(page, '联系电话');
    expect(await page.getByRole('button', { name: '评价', exact: true }).count()).toBe(0);

    // done: the card says so and offers to rate the help
    await call('POST', `/api/staff/assistance-requests/${r.id}/done`, { token: staff.accessToken });
    await page.reload();
    await seeVisible(page, '已办结');
    await seeVisible(page, '办结时间');
    await seeVisible(page, '帮办代办服务已完成，欢迎评价本次服务');
    await expectAccessible(page, '帮办代办（已办结）');
    await screenshot(page, 'citizen-assistance-done');
    await press(page, '评价');
    await page.waitForURL(/\/subpackages\/ratings\/pages\/rate\/index\?targetType=assistance/);
    await seeVisible(page, '评价对象');
    await seeVisible(page, s.name);
    await seeVisible(page, '帮办代办 · 帮办专员 王窗口');
    await page.getByRole('radio', { name: '非常满意', exact: true }).click();
    await press(page, '提交评价');
    await seeVisible(page, '感谢您的评价');

    await page.goto('/subpackages/guidance/pages/assistance/index');
    await seeVisible(page, '已评价');
    await seeVisible(page, '★★★★★');
    await context.close();
  });
});
