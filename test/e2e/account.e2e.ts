import { Page } from 'playwright-core';
import { PRIVACY_TERMS_VERSION } from '@gov/shared';
import { e2ePhone, phonePage, signedInAt, useBrowser } from './browser';
import { agreeToPrivacyTerms, fillField, privacyDialog, submitSmsSignIn } from './actions';
import { api, confirmModal, createSlot, expectAccessible, HttpError, idCardWorld, openVia, seeVisible, shot, signInBrowser, verifiedCitizen, workdayAfter } from './citizen.helpers';

/** The first hour (issue "The first hour"): the privacy terms at first sign-in, 注销账号, the home to-do card, the hall on the map. */
describe('the account on the H5 build', () => {
  const browser = useBrowser();
  let admin: string;
  let service: { id: string; name: string };
  let hall: { id: string; name: string; address: string; latitude: number; longitude: number };
  beforeAll(async () => ({ admin, service, hall } = await idCardWorld()));

  const sessionToken = (page: Page) => page.evaluate(() => JSON.parse(window.localStorage.getItem('gov.session.v1') ?? 'null')?.data?.accessToken ?? null);
  const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  let slotMinute = 0;
  /** A booking of the citizen's for the next working day (each call its own slot). */
  const book = async (token: string) => {
    const date = await workdayAfter(1);
    slotMinute += 1;
    const start = `14:${String(slotMinute).padStart(2, '0')}`;
    const end = `15:${String(slotMinute).padStart(2, '0')}`;
    const slot = await createSlot(admin, { hallId: hall.id, serviceId: service.id, date, start, end, capacity: 3 });
    const b = await api<{ id: string }>('POST', '/api/bookings', { token, body: { slotId: slot.id, serviceId: service.id } });
    return { id: b.id, date, start, end };
  };

  it('asks for the privacy terms at first sign-in; agreeing is recorded and survives a reload', async () => {
    const { page, context } = await phonePage(browser());
    const phone = e2ePhone();
    await submitSmsSignIn(page, phone);
    const dialog = privacyDialog(page);
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByText('一、我们收集哪些信息').waitFor({ state: 'visible' });
    await dialog.getByText(`版本：${PRIVACY_TERMS_VERSION}`).waitFor({ state: 'attached' });
    // the sign-in page closes behind it; the terms stay until answered
    await page.locator('[id^="/pages/login/index"]').waitFor({ state: 'detached' });
    await privacyDialog(page).waitFor({ state: 'visible' });
    // nothing is recorded before the person agrees
    expect((await api('GET', '/api/me', { token: (await sessionToken(page))! })).consentVersion).toBeNull();
    await shot(page, 'privacy-terms-first-sign-in');
    await expectAccessible(page, '隐私保护指引');

    await agreeToPrivacyTerms(page);
    await seeVisible(page, masked(phone));
    expect((await api('GET', '/api/me', { token: (await sessionToken(page))! })).consentVersion).toBe(PRIVACY_TERMS_VERSION);

    await page.reload();
    await seeVisible(page, masked(phone));
    expect(await page.getByRole('dialog', { name: '隐私保护指引' }).count()).toBe(0);
    await context.close();
  });

  it('declining the privacy terms signs out', async () => {
    const { page, context } = await phonePage(browser());
    await submitSmsSignIn(page, e2ePhone());
    const dialog = privacyDialog(page);
    await dialog.waitFor({ state: 'visible' });
    const { accessToken, refreshToken } = await page.evaluate(() => JSON.parse(window.localStorage.getItem('gov.session.v1')!).data);
    await dialog.getByRole('button', { name: '不同意并退出' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await seeVisible(page, '您还未登录');
    expect(await sessionToken(page)).toBeNull();
    // nothing was recorded, and the session is ended on the server too
    expect((await api('GET', '/api/me', { token: accessToken })).consentVersion).toBeNull();
    const refreshed = await api('POST', '/api/auth/refresh', { body: { refreshToken } }).catch((e: unknown) => e);
    expect((refreshed as HttpError).status).toBe(401);
    await context.close();
  });

  it('注销账号 is blocked by an open booking, then succeeds once it is cancelled', async () => {
    const citizen = await verifiedCitizen('郑雨');
    const booking = await book(citizen.accessToken);
    const { page, context } = await signedInAt(browser(), citizen, 'phone', '/pages/me/index');
    await openVia(page, '注销账号', '注销账号是不可恢复的操作，请仔细阅读以下说明。');
    await seeVisible(page, '已提交的办件及其材料依照法律规定作为政务档案保存');
    const blocker = page.locator('.close-account').getByRole('button', { name: /^待签到的预约.*1 个.*去处理/ });
    await blocker.waitFor({ state: 'visible' });
    const closeButton = page.locator('.close-account').getByRole('button', { name: '注销账号', exact: true });
    expect(await closeButton.getAttribute('aria-disabled')).toBe('true');
    await shot(page, 'close-account-blocked');
    await expectAccessible(page, '注销账号');

    // the link leads to the booking
    await blocker.click();
    await seeVisible(page, service.name);
    await api('POST', `/api/bookings/${booking.id}/cancel`, { token: citizen.accessToken });
    await page.goBack();
    await seeVisible(page, '注销账号是不可恢复的操作，请仔细阅读以下说明。');
    await page.locator('.close-account').getByRole('button', { name: /^待签到的预约/ }).waitFor({ state: 'hidden' });
    expect(await page.getByText('无', { exact: true }).locator('visible=true').count()).toBe(4);

    // a typed confirmation, then the account is gone
    expect(await closeButton.getAttribute('aria-disabled')).toBe('true');
    await fillField(page, '确认注销', '注销');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[role="button"]')).some((b) => b.textContent?.trim() === '注销账号' && b.getAttribute('aria-disabled') !== 'true'));
    await shot(page, 'close-account-confirm');
    await closeButton.click();
    // the last word, in red (confirmDestructive)
    await confirmModal(page, '注销');
    await seeVisible(page, '欢迎使用政务通');
    expect(await sessionToken(page)).toBeNull();
    const old = await api('GET', '/api/me', { token: citizen.accessToken }).catch((e: unknown) => e);
    expect(old).toBeInstanceOf(HttpError);
    expect((old as HttpError).status).toBe(401);
    await context.close();
  });

  it('shows the next booking on the home page to-do card, and its hall on the map', async () => {
    const { page, context } = await phonePage(browser());
    // not signed in: no card
    await page.goto('/pages/index/index');
    await seeVisible(page, '热门事项');
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('region', { name: '待办事项' }).count()).toBe(0);
    await context.close();

    const citizen = await verifiedCitizen('韩梅');
    const booking = await book(citizen.accessToken);
    const signed = await phonePage(browser());
    await signInBrowser(signed.context, citizen);
    const p = signed.page;
    await p.goto('/pages/index/index');
    const card = p.getByRole('region', { name: '待办事项' });
    await card.waitFor({ state: 'visible' });
    const [, m, d] = booking.date.split('-').map(Number);
    const row = card.getByRole('button', { name: new RegExp(`^预约：${m}月${d}日 ${booking.start}–${booking.end}`) });
    await row.waitFor({ state: 'visible' });
    expect(await row.innerText()).toContain(hall.name);
    await shot(p, 'home-todo-card');
    await expectAccessible(p, '首页待办');

    await row.click();
    await seeVisible(p, '签到码（到大厅后出示二维码或报此码）');
    const link = p.locator('a.hall-location').locator('visible=true').first();
    await link.waitFor({ state: 'visible' });
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = new URL((await link.getAttribute('href'))!);
    expect(href.origin + href.pathname).toBe('https://uri.amap.com/marker');
    expect(href.searchParams.get('position')).toBe(`${hall.longitude},${hall.latitude}`);
    expect(href.searchParams.get('name')).toBe(hall.name);
    expect(await link.innerText()).toContain(hall.address);
    await shot(p, 'booking-hall-on-map');

    // once cancelled the booking leaves the card; the messages about it are still unread
    await api('POST', `/api/bookings/${booking.id}/cancel`, { token: citizen.accessToken });
    await p.goto('/pages/index/index');
    await card.getByRole('button', { name: /条未读消息$/ }).waitFor({ state: 'visible' });
    expect(await card.getByRole('button', { name: /^预约：/ }).count()).toBe(0);
    await signed.context.close();

    // a citizen with nothing to do sees no card
    const idle = await verifiedCitizen('许静');
    const quiet = await signedInAt(browser(), idle, 'phone', '/pages/index/index');
    await seeVisible(quiet.page, '热门事项');
    await quiet.page.waitForLoadState('networkidle');
    expect(await api('GET', '/api/me/todo', { token: idle.accessToken })).toEqual({ nextBooking: null, filings: [], unreadMessages: 0 });
    expect(await quiet.page.getByRole('region', { name: '待办事项' }).count()).toBe(0);
    await quiet.context.close();
  });
});
