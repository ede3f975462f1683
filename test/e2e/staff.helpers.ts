/**
 * Helpers of the company, delegation, rating and staff e2e journeys: API set-up with real tokens,
 * signed-in browser contexts (phone for citizens, desk for staff), today's slots made by the admin,
 * filings with uploaded files, finished bookings.
 */
import { Page } from 'playwright-core';
import { PRIVACY_TERMS_VERSION } from '@gov/shared';
import { ApiError, refusal, TEST_SMS_CODE } from '../support/http';
import { ADMIN, cityHall as cityHallOf, createSlot, pdfBytes, REVIEWER01, SlotSpec, pngBytes, serviceAtHall, STAFF01, SUPERVISOR01, validCreditCode, validIdNumber } from '../support/world';
import { e2ePhone, serverNow } from './browser';
import { api as call, e2eApi } from './citizen.helpers';

export { refusal, call, validCreditCode, validIdNumber, pdfBytes, pngBytes };

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  user: Record<string, any> & { id: string };
}

/** The error a refused call throws (test/support/http.ts: one error type for every test). */
export { ApiError as ApiCallError };

/** A citizen signed in with the dev SMS code who agreed to the privacy terms (and verified, unless told otherwise). */
export async function citizen(realName = '张三', verify = true): Promise<Tokens & { phone: string }> {
  const phone = e2ePhone();
  await call('POST', '/api/auth/sms/send', { body: { phone } });
  const auth = await call<Tokens>('POST', '/api/auth/sms/login', { body: { phone, code: TEST_SMS_CODE } });
  const consented = await call<Tokens['user']>('POST', '/api/me/consent', { token: auth.accessToken, body: { version: PRIVACY_TERMS_VERSION } });
  const user = verify ? await call('POST', '/api/me/verify', { token: auth.accessToken, body: { realName, idNumber: validIdNumber() } }) : consented;
  return { ...auth, user, phone };
}

export const staffTokens = (username: string, password: string) => call<Tokens>('POST', '/api/auth/staff/login', { body: { username, password } });
export const admin = () => staffTokens(ADMIN.username, ADMIN.password);
export const staff01 = () => staffTokens(STAFF01.username, STAFF01.password);
/** The city hall's reviewer of the market department (decides what staff01 accepted) and its supervisor. */
export const reviewer01 = () => staffTokens(REVIEWER01.username, REVIEWER01.password);
export const supervisor01 = () => staffTokens(SUPERVISOR01.username, SUPERVISOR01.password);

export { deskPage, signedInContext } from './browser';

export const cityHall = () => cityHallOf(e2eApi());

export async function service(q: string, opts: { prereview?: boolean; hallId?: string } = {}): Promise<{ id: string; name: string }> {
  if (opts.hallId) return serviceAtHall(e2eApi(), opts.hallId, q, opts);
  const page = await call<{ items: Array<{ id: string; name: string; onlinePrereview: boolean }> }>('GET', `/api/services?q=${encodeURIComponent(q)}&pageSize=50`);
  const s = page.items.find((i) => !opts.prereview || i.onlinePrereview);
  if (!s) throw new Error(`no service for ${q}`);
  return s;
}

/** One slot made by the admin (test/support/world.ts createSlot on the e2e server). */
export const adminSlot = (adminToken: string, s: SlotSpec) => createSlot(e2eApi(), adminToken, s);

/** A slot later today (Shanghai) at the hall, made by the admin, so that a booking can be checked in today. */
export async function slotLaterToday(adminToken: string, hallId: string, serviceId: string): Promise<{ id: string; start: string }> {
  const now = serverNow().getTime();
  const endOfDay = new Date(new Date(now + 8 * 3_600_000).toISOString().slice(0, 10) + 'T23:59:00+08:00').getTime();
  const start = Math.min(now + 20 * 60_000, endOfDay - 4 * 60_000);
  if (start - now < 60_000) throw new Error('too close to midnight (Asia/Shanghai) for a same-day slot; run again after 00:00');
  const end = Math.min(start + 30 * 60_000, endOfDay);
  const slot = await adminSlot(adminToken, { hallId, serviceId, start: new Date(start), end: new Date(end), capacity: 5 });
  return { id: slot.id, start: new Date(start).toISOString() };
}

/** The city hall, a service handled there, and a slot of it later today (Shanghai) made by the admin. */
export async function slotTodayAtCityHall(adminToken: string) {
  const hall = await cityHall();
  const s = await service('', { hallId: hall.id });
  return { hall, service: s, slot: await slotLaterToday(adminToken, hall.id, s.id) };
}

/** This person's booking of a slot later today at the city hall, not yet checked in. */
export async function bookedLaterToday(person: Tokens, adminToken: string): Promise<{ id: string; code: string; serviceId: string }> {
  const { service: s, slot } = await slotTodayAtCityHall(adminToken);
  const b = await call<{ id: string; code: string }>('POST', '/api/bookings', { token: person.accessToken, body: { slotId: slot.id, serviceId: s.id } });
  return { id: b.id, code: b.code, serviceId: s.id };
}

/** A booking of a slot later today, checked in by staff: a finished service that can be rated. */
export async function finishedBooking(person: Tokens, staffToken: string, adminToken: string): Promise<{ id: string; code: string; serviceId: string }> {
  const b = await bookedLaterToday(person, adminToken);
  await call('POST', '/api/staff/bookings/check-in', { token: staffToken, body: { code: b.code } });
  return b;
}

/** Upload one file to a material of a filing (multipart). */
export async function upload(token: string, appId: string, materialId: string, file: { name: string; type: string; bytes: Buffer }): Promise<void> {
  const a = await e2eApi().upload(token, appId, materialId, file);
  if (a.status < 200 || a.status >= 300) throw new ApiError(a.status, a.body, 'upload');
}

/** A filing at the city hall with a file on every required material (first a PNG, then PDFs), submitted. */
export async function submittedFiling(
  person: Tokens,
  onBehalfOf?: { type: 'person' | 'enterprise'; id: string },
  opts: { owe?: boolean } = {},
): Promise<{ id: string; number: string; serviceName: string; owed: Array<{ materialId: string; name: string }> }> {
  const hall = await cityHall();
  const s = await service('个体工商户设立登记', { prereview: true, hallId: hall.id });
  const app = await call<{ id: string; number: string; materials: Array<{ materialId: string; required: boolean }> }>('POST', '/api/applications', {
    token: person.accessToken,
    body: { serviceId: s.id, hallId: hall.id, ...(onBehalfOf ? { onBehalfOf } : {}) },
  });
  // with `owe`, the first tolerable material is not uploaded but covered by a credit commitment (容缺)
  const guide = opts.owe ? await call<{ materials: Array<{ id: string; name: string; required: boolean; tolerable: boolean }> }>('GET', `/api/services/${s.id}`) : null;
  const owed = (guide?.materials ?? []).filter((m) => m.required && m.tolerable).slice(0, 1).map((m) => ({ materialId: m.id, name: m.name }));
  if (owed.length) await call('POST', `/api/applications/${app.id}/commitment`, { token: person.accessToken, body: { materialIds: owed.map((m) => m.materialId) } });
  let i = 0;
  for (const m of app.materials.filter((x) => x.required && !owed.some((o) => o.materialId === x.materialId))) {
    const file = i++ === 0 ? { name: '身份证正面.png', type: 'image/png', bytes: pngBytes() } : { name: `材料${i}.pdf`, type: 'application/pdf', bytes: pdfBytes(`m${i}`) };
    await upload(person.accessToken, app.id, m.materialId, file);
  }
  await call('POST', `/api/applications/${app.id}/submit`, { token: person.accessToken });
  return { id: app.id, number: app.number, serviceName: s.name, owed };
}

/** The text of the first element matching, once visible. */
export async function visible(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible' });
}

/** Tap a button by its accessible name (AppButton renders role=button on H5). */
export async function press(page: Page, name: string | RegExp, nth: 'first' | 'last' = 'first'): Promise<void> {
  const all = page.getByRole('button', { name, exact: typeof name === 'string' });
  const b = nth === 'first' ? all.first() : all.last();
  await b.waitFor({ state: 'visible' });
  await b.click();
}

/** Fill a labelled field inside the open dialog (or the page). */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = page.locator(`input[aria-label="${label}"], textarea[aria-label="${label}"], [aria-label="${label}"] input, [aria-label="${label}"] textarea`).first();
  await field.waitFor({ state: 'visible' });
  await field.click();
  await field.fill(value);
}
