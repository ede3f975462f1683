import { Page } from 'playwright-core';

/** Fill the input a user knows by its label (Taro renders <taro-input-core> around a real <input>). */
export async function fillField(page: Page, label: string, value: string): Promise<void> {
  const field = page.locator(`input[aria-label="${label}"], [aria-label="${label}"] input, textarea[aria-label="${label}"]`).first();
  await field.waitFor({ state: 'visible' });
  await field.click();
  await field.fill(value);
}

/** Tap the control whose visible text is exactly this. */
export async function tap(page: Page, text: string): Promise<void> {
  const el = page.getByText(text, { exact: true }).first();
  await el.waitFor({ state: 'visible' });
  await el.click();
}

export async function seeText(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible' });
  expect(await page.getByText(text).first().isVisible()).toBe(true);
}

/** Sign in on the H5 build with the dev SMS code, starting from 我的, and stop where the privacy terms are asked for. */
export async function submitSmsSignIn(page: Page, phone: string): Promise<void> {
  await page.goto('/pages/me/index');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await fillField(page, '手机号', phone);
  await tap(page, '获取验证码');
  await fillField(page, '验证码', '123456');
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** The privacy terms asked for at first sign-in (and after they change). */
export const privacyDialog = (page: Page) => page.getByRole('dialog', { name: '隐私保护指引' }).locator('visible=true').first();

/** Agree to the privacy terms and wait for the dialog to go. */
export async function agreeToPrivacyTerms(page: Page): Promise<void> {
  const dialog = privacyDialog(page);
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByRole('button', { name: '同意并继续' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Sign in on the H5 build with the dev SMS code, starting from 我的, agreeing to the privacy terms as a new user. */
export async function signInWithSms(page: Page, phone: string): Promise<void> {
  await submitSmsSignIn(page, phone);
  await agreeToPrivacyTerms(page);
  // the sign-in page closes by itself (back to where the person came from)
  await page.locator('[id^="/pages/login/index"]').waitFor({ state: 'detached' });
}
