import { screenshot, serverNow, signedInAt, useBrowser } from './browser';
import { actingChoice, expectAccessible } from './citizen.helpers';
import { call, citizen, cityHall, fill, press, refusal, service, slotLaterToday, admin, visible } from './staff.helpers';

describe('delegation on the H5 build (phone)', () => {
  const browser = useBrowser();

  it('authorisation pending until the agent accepts: the principal chooses the scope and confirms, the agent accepts, books for them; after revocation the agent is refused', async () => {
    const principal = await citizen('郑一');
    const agent = await citizen('王二');
    const adminT = await admin();
    const hall = await cityHall();
    const s = await service('', { hallId: hall.id });
    const agentMasked = `${agent.phone.slice(0, 3)}****${agent.phone.slice(-4)}`;

    // the principal gives the authorisation: nothing is chosen for them, and they confirm what they send
    const p = await signedInAt(browser(), principal, 'phone', '/subpackages/company/pages/authorizations/index');
    await visible(p.page, '您还没有授权他人代办');
    await press(p.page, '新建授权');
    await fill(p.page, '代办人手机号', agent.phone);
    await visible(p.page, /共 30 天/);
    await press(p.page, '下一步：核对授权');
    await visible(p.page, '请选择授权范围：全部事项，或指定事项');
    expect(await p.page.getByRole('dialog').count()).toBe(0);
    await p.page.getByRole('radio', { name: '全部事项' }).click();
    // choosing clears the error
    await p.page.getByText('请选择授权范围：全部事项，或指定事项').waitFor({ state: 'detached' });
    await screenshot(p.page, 'delegation-authorize');
    await press(p.page, '下一步：核对授权');
    const dialog = p.page.getByRole('dialog', { name: '核对授权委托' });
    await dialog.waitFor({ state: 'visible' });
    const summary = await dialog.innerText();
    expect(summary).toContain('本人（郑一）');
    expect(summary).toContain(agentMasked);
    expect(summary).not.toContain(agent.phone);
    expect(summary).toContain('全部事项');
    expect(summary).toMatch(/\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    await screenshot(p.page, 'delegation-confirm');
    await expectAccessible(p.page, '核对授权委托');
    await dialog.getByRole('button', { name: '确认授权' }).click();
    await visible(p.page, new RegExp(`代办人 .*${agentMasked.replace(/\*/g, '\\*')}`));
    await p.page.locator('.status-tag', { hasText: '待对方确认' }).first().waitFor({ state: 'visible' });
    const given = (await call<Array<{ id: string; status: string }>>('GET', '/api/authorizations?role=principal', { token: principal.accessToken }))[0];
    expect(given.status).toBe('pending');

    // until the agent accepts it gives no rights
    const slot = await slotLaterToday(adminT.accessToken, hall.id, s.id);
    const early = await refusal(
      call('POST', '/api/bookings', { token: agent.accessToken, body: { slotId: slot.id, serviceId: s.id, onBehalfOf: { type: 'person', id: principal.user.id } } }),
    );
    expect(early.status).toBe(403);
    expect(early.body).toMatchObject({ code: 'AUTHORIZATION_INVALID', details: { reason: 'none' } });

    // the agent signs in and finds the invitation, waiting for them
    const a = await signedInAt(browser(), agent, 'phone', '/subpackages/company/pages/acting/index');
    const waiting = a.page.getByRole('radio', { name: /个人委托 · 待您确认/ });
    await waiting.waitFor({ state: 'visible' });
    expect(await waiting.getAttribute('aria-disabled')).toBe('true');
    await a.page.goto('/subpackages/company/pages/authorizations/index?role=agent');
    await a.page.locator('.status-tag', { hasText: '待您确认' }).first().waitFor({ state: 'visible' });
    await visible(a.page, '全部事项');
    await screenshot(a.page, 'delegation-invitation');
    await expectAccessible(a.page, '我收到的授权');
    await press(a.page, '接受');
    await a.page.locator('.status-tag', { hasText: '生效中' }).first().waitFor({ state: 'visible' });
    expect((await call<Array<{ id: string; status: string }>>('GET', '/api/authorizations?role=agent', { token: agent.accessToken }))[0]).toMatchObject({ id: given.id, status: 'active' });

    // the agent chooses 为谁办理 → the principal
    await a.page.goto('/subpackages/company/pages/acting/index');
    const option = a.page.getByRole('radio', { name: /个人委托/ });
    await option.waitFor({ state: 'visible' });
    await screenshot(a.page, 'delegation-acting');
    await option.click();
    await a.page.waitForFunction(() => !!window.localStorage.getItem('gov.acting.v1'));
    const choice = await actingChoice(a.page);
    expect(choice).toMatchObject({ type: 'person', id: principal.user.id });

    // the agent books for the principal with that onBehalfOf (as the booking page sends it)
    const booking = await call<{ id: string }>('POST', '/api/bookings', {
      token: agent.accessToken,
      body: { slotId: slot.id, serviceId: s.id, onBehalfOf: { type: choice!.type, id: choice!.id } },
    });

    // the principal sees what was done for them
    await p.page.reload();
    await p.page.locator('.status-tag', { hasText: '生效中' }).first().waitFor({ state: 'visible' });
    const done = p.page.locator('.done-booking').filter({ hasText: s.name });
    await done.waitFor({ state: 'visible' });
    await screenshot(p.page, 'delegation-done-for-me');
    const mine = await call<Array<{ id: string }>>('GET', '/api/bookings', { token: principal.accessToken });
    expect(mine.map((b) => b.id)).toContain(booking.id);

    // the principal revokes; the agent is refused from then on
    await press(p.page, '撤销授权');
    await p.page.getByRole('dialog').getByRole('button', { name: '撤销' }).click();
    await p.page.locator('.status-tag', { hasText: '已撤销' }).first().waitFor({ state: 'visible' });
    const other = await service('', { hallId: hall.id }).then(async (first) => {
      const page = await call<{ items: Array<{ id: string }> }>('GET', '/api/services?pageSize=50');
      return page.items.find((x) => x.id !== first.id) ?? first;
    });
    const slot2 = await slotLaterToday(adminT.accessToken, hall.id, other.id);
    const refused = await refusal(
      call('POST', '/api/bookings', { token: agent.accessToken, body: { slotId: slot2.id, serviceId: other.id, onBehalfOf: { type: 'person', id: principal.user.id } } }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTHORIZATION_INVALID');

    // the agent's switcher no longer offers the principal and falls back to 本人
    await a.page.goto('/subpackages/company/pages/acting/index');
    await a.page.getByRole('radio', { name: /以自己的名义办理/ }).waitFor({ state: 'visible' });
    expect(await a.page.getByRole('radio', { name: /个人委托/ }).count()).toBe(0);
    await a.page.waitForFunction(() => !window.localStorage.getItem('gov.acting.v1'));
    await p.context.close();
    await a.context.close();
  });

  it('the agent may decline an invitation, after confirming; it never takes effect and the principal sees it declined', async () => {
    const principal = await citizen('冯三');
    const agent = await citizen('陈四');
    const today = new Date(serverNow().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    await call('POST', '/api/authorizations', {
      token: principal.accessToken,
      body: { principal: { type: 'person', id: principal.user.id }, agentPhone: agent.phone, serviceIds: null, validFrom: today, validTo: today },
    });
    const a = await signedInAt(browser(), agent, 'phone', '/subpackages/company/pages/authorizations/index?role=agent');
    await a.page.locator('.status-tag', { hasText: '待您确认' }).first().waitFor({ state: 'visible' });
    await press(a.page, '拒绝');
    const dialog = a.page.getByRole('dialog', { name: '拒绝授权委托' });
    await dialog.waitFor({ state: 'visible' });
    // changing one's mind keeps it waiting
    await dialog.getByRole('button', { name: '取消' }).click();
    await a.page.locator('.status-tag', { hasText: '待您确认' }).first().waitFor({ state: 'visible' });
    await press(a.page, '拒绝');
    await a.page.getByRole('dialog', { name: '拒绝授权委托' }).getByRole('button', { name: '拒绝' }).click();
    await a.page.locator('.status-tag', { hasText: '已拒绝' }).first().waitFor({ state: 'visible' });
    expect(await a.page.getByRole('button', { name: '接受' }).count()).toBe(0);

    const p = await signedInAt(browser(), principal, 'phone', '/subpackages/company/pages/authorizations/index');
    await p.page.locator('.status-tag', { hasText: '已拒绝' }).first().waitFor({ state: 'visible' });
    await visible(p.page, /代办人拒绝于/);
    await a.context.close();
    await p.context.close();
  });
});
