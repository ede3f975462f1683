/**
 * Helpers of the citizen e2e journeys (guide, booking, filing, no-show): API set-up with real
 * tokens, a signed-in browser session, slots made by the admin, the test clock, and axe-core.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Page } from 'playwright-core';
import { PRIVACY_TERMS_VERSION } from '@gov/shared';
import { ApiError, client, TEST_SMS_CODE } from '../support/http';
import { ADMIN, createSlot as createSlotAt, STAFF01, validIdNumber } from '../support/world';
import { e2ePhone, e2eState, screenshot, serverNow } from './browser';

export { pdfBytes, pngBytes } from '../support/world';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  user: Record<string, unknown> & { id: string };
}

/** The error a refused call throws (test/support/http.ts: one error type for every test). */
export { ApiError as HttpError };

/** The e2e server's client (test/support/http.ts). */
export const e2eApi = () => client(() => e2eState().url);

/** One JSON call to the e2e server; anything but 2xx throws HttpError. */
export function api<T = any>(method: string, url: string, opts: { token?: string; body?: unknown } = {}): Promise<T> {
  return e2eApi().json<T>(method, url, opts);
}

/** A valid, random 18-digit ID number (check character computed). */
export const randomIdNumber = validIdNumber;

/** A citizen signed in with the dev SMS code, who agreed to the privacy terms (as at first sign-in in the app), real name verified. */
export async function verifiedCitizen(realName = '李明'): Promise<Tokens & { phone: string }> {
  const phone = e2ePhone();
  await api('POST', '/api/auth/sms/send', { body: { phone } });
  const auth = await api<Tokens>('POST', '/api/auth/sms/login', { body: { phone, code: TEST_SMS_CODE } });
  await api('POST', '/api/me/consent', { token: auth.accessToken, body: { version: PRIVACY_TERMS_VERSION } });
  const user = await api('POST', '/api/me/verify', { token: auth.accessToken, body: { realName, idNumber: randomIdNumber() } });
  return { ...auth, user, phone };
}

/** An authorisation the principal gives and the agent accepts (it gives no rights until then). */
export async function acceptedAuthorization(
  principal: Tokens,
  agent: Tokens & { phone: string },
  scope: { serviceIds: string[] | null; validFrom: string; validTo: string },
): Promise<{ id: string; status: string }> {
  const given = await api<{ id: string }>('POST', '/api/authorizations', {
    token: principal.accessToken,
    body: { principal: { type: 'person', id: principal.user.id }, agentPhone: agent.phone, ...scope },
  });
  return api('POST', `/api/authorizations/${given.id}/accept`, { token: agent.accessToken });
}

export async function staffLogin(username: string, password: string): Promise<Tokens> {
  return api<Tokens>('POST', '/api/auth/staff/login', { body: { username, password } });
}

export const adminLogin = () => staffLogin(ADMIN.username, ADMIN.password);
export const staff01Login = () => staffLogin(STAFF01.username, STAFF01.password);

/** The 为谁办理 choice as the booking and filing pages read it (store/acting.ts, Taro storage). */
export async function actingChoice(page: Page): Promise<{ type: 'person' | 'enterprise'; id: string; name: string } | null> {
  return page.evaluate(() => {
    const raw = window.localStorage.getItem('gov.acting.v1');
    return raw ? (JSON.parse(raw).data?.choice ?? null) : null;
  });
}

export { signInBrowser } from './browser';

export interface ServiceSummary {
  id: string;
  name: string;
  onlinePrereview: boolean;
}

export async function findService(q: string, exactName?: string): Promise<ServiceSummary> {
  const page = await api<{ items: ServiceSummary[] }>('GET', `/api/services?q=${encodeURIComponent(q)}&pageSize=20`);
  const s = exactName ? page.items.find((i) => i.name === exactName) : page.items[0];
  if (!s) throw new Error(`no service for ${q}`);
  return s;
}

export async function guideOf(serviceId: string): Promise<any> {
  return api('GET', `/api/services/${serviceId}`);
}

/** What the citizen journeys share: an admin token, the ID-card service (身份证) and the first hall that offers it. */
export async function idCardWorld(): Promise<{ admin: string; service: ServiceSummary; hall: { id: string; name: string; address: string; latitude: number; longitude: number } }> {
  const admin = (await adminLogin()).accessToken;
  const service = await findService('身份证');
  return { admin, service, hall: (await guideOf(service.id)).halls[0] };
}

/** YYYY-MM-DD in Asia/Shanghai */
export function shanghaiDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** The n-th working day after today (official calendar). */
export async function workdayAfter(n: number): Promise<string> {
  const today = shanghaiDate(serverNow());
  const days = await api<Array<{ date: string; workday: boolean }>>('GET', `/api/calendar?from=${addDays(today, 1)}&to=${addDays(today, 13)}`);
  const work = days.filter((d) => d.workday);
  if (work.length < n) throw new Error('not enough working days in the horizon');
  return work[n - 1].date;
}

/** One slot made by the admin (POST /api/admin/slots). Times are Shanghai HH:mm on `date`. */
export function createSlot(adminToken: string, s: { hallId: string; serviceId?: string; date: string; start: string; end: string; capacity: number }): Promise<{ id: string }> {
  return createSlotAt(e2eApi(), adminToken, { ...s, start: `${s.date}T${s.start}:00+08:00`, end: `${s.date}T${s.end}:00+08:00` });
}

/** Pin the server clock for the duration of fn, then let it tick again (always). Shared server: `npm test` runs the e2e suites one at a time so that no other suite sees the pinned hour. */
export async function withServerClock<T>(at: Date, fn: () => Promise<T>): Promise<T> {
  await api('POST', '/api/__test__/clock', { body: { now: at.toISOString() } });
  try {
    return await fn();
  } finally {
    await api('POST', '/api/__test__/clock', { body: { now: null } });
  }
}

/**
 * Tap a control and answer the file chooser it opens. Files over 256 KiB go through a temporary
 * file on disk: handing megabytes to the browser as a buffer crosses the debugging protocol as
 * base64 and can outlast the action timeout on a busy machine, while a path is read by Chromium.
 */
export async function uploadVia(page: Page, buttonLabel: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const button = page.getByRole('button', { name: buttonLabel }).first();
  await button.waitFor({ state: 'visible' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  if (file.buffer.length <= 256 * 1024) {
    await chooser.setFiles(file);
    return;
  }
  // Chromium reads a chosen file lazily, when the page reads it: the file stays until this worker exits
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-e2e-upload-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const onDisk = path.join(dir, file.name);
  fs.writeFileSync(onDisk, file.buffer);
  await chooser.setFiles(onDisk, { timeout: 60_000 });
}

/** Confirm a Taro H5 showModal by its confirm text. */
export async function confirmModal(page: Page, confirmText: string): Promise<void> {
  const btn = page.locator('.taro-modal__foot .taro-model__btn').filter({ hasText: confirmText }).last();
  await btn.waitFor({ state: 'visible' });
  await btn.click();
}

const AXE = path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js');

/** Run axe-core on the page; fail on serious or critical violations (with the details). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n: any) => n.target.join(' ')) }));
  });
  if (violations.length) console.error(`axe on ${name}:`, JSON.stringify(violations, null, 2));
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

/** Wait for visible text (Taro H5 keeps earlier pages of the stack in the DOM, hidden). */
export async function seeVisible(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).locator('visible=true').first().waitFor({ state: 'visible' });
}

/**
 * Tap an entry and wait for the page it opens. A tap that lands while the H5 router is still
 * settling the first page can be lost (the entry stays on screen); a user taps again, and so do we,
 * once, only while the entry is still visible, so that a slow page is never opened twice.
 */
export async function openVia(page: Page, button: string, expectText: string): Promise<void> {
  const entry = page.getByRole('button', { name: button, exact: true }).locator('visible=true').first();
  await entry.click();
  const target = page.getByText(expectText).locator('visible=true').first();
  const opened = await target.waitFor({ state: 'visible', timeout: 8000 }).then(() => true, () => false);
  if (!opened && (await entry.isVisible())) await entry.click();
  await target.waitFor({ state: 'visible' });
}

/** A screenshot once the page's slide-in transition has finished. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(450);
  await screenshot(page, name);
}

/** On a booking's detail page: the QR image (a PNG data URL) and the 8-character check-in code, which it returns. */
export async function seeCheckInCode(page: Page): Promise<string> {
  await seeVisible(page, '签到码（到大厅后出示二维码或报此码）');
  const qr = page.locator('.booking__qr img, img.booking__qr').first();
  await qr.waitFor({ state: 'visible' });
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  const code = (await page.locator('.booking__code').first().innerText()).trim();
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  return code;
}
