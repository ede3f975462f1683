import { Browser, Page } from 'playwright-core';
import { launch, screenshot } from './browser';
import { call, citizen, cityHall, fill, press, refusal, service, signedInContext, slotLaterToday, admin, visible } from './staff.helpers';

async function actingChoice(page: Page): Promise<{ type: 'person' | 'enterprise'; id: string; name: string } | null> {
  return page.evaluate(() => {
    const raw = window.localStorage.getItem('gov.acting.v1');
    return raw ? (JSON.parse(raw).data?.choice ?? null) : null;
  });
}

describe('delegation on the H5 build (phone)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a principal authorises an agent, the agent books for them, the principal sees it, and after revocation the agent is refused', async () => {
    const principal = await citizen('郑一');
    const agent = await citizen('王二');
    const adminT = await admin();
    const hall = await cityHall();
    const s = await service('', { hallId: hall.id });

    // the principal gives the authorisation
    const p = await signedInContext(browser, principal, 'phone');
    await p.page.goto('/subpackages/company/pages/authorizations/index');
    await visible(p.page, '您还没有授权他人代办');
    await press(p.page, '新建授权');
    await fill(p.page, '代办人手机号', agent.phone);
    await screenshot(p.page, 'delegation-authorize');
    await press(p.page, '确认授权');
    const agentMasked = `${agent.phone.slice(0, 3)}****${agent.phone.slice(-4)}`;
    await visible(p.page, new RegExp(`代办人 .*${agentMasked.replace(/\*/g, '\\*')}`));
    await visible(p.page, '全部事项');

    // the agent chooses 为谁办理 → the principal
    const a = await signedInContext(browser, agent, 'phone');
    await a.page.goto('/subpackages/company/pages/acting/index');
    const option = a.page.getByRole('radio', { name: /个人委托/ });
    await option.waitFor({ state: 'visible' });
    await screenshot(a.page, 'delegation-acting');
    await option.click();
    await a.page.waitForFunction(() => !!window.localStorage.getItem('gov.acting.v1'));
    const choice = await actingChoice(a.page);
    expect(choice).toMatchObject({ type: 'person', id: principal.user.id });

    // the agent books for the principal with that onBehalfOf (as the booking page sends it)
    const slot = await slotLaterToday(adminT.accessToken, hall.id, s.id);
    const booking = await call<{ id: string }>('POST', '/api/bookings', {
      token: agent.accessToken,
      body: { slotId: slot.id, serviceId: s.id, onBehalfOf: { type: choice!.type, id: choice!.id } },
    });

    // the principal sees what was done for them
    await p.page.reload();
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
});
