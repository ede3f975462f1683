/**
 * Mainland mobile numbers as people type them, reduced once to the 11 digits that are validated,
 * stored, hashed for look-up and counted by the per-phone SMS limit. Shared by the server (DTOs and the
 * SMS throttle) and the mini-app (phone inputs normalise on submit). API.md: "Phone numbers are
 * accepted as people type them (`+86 139 0012 3456`, `139-0012-3456`, full-width digits) and stored as
 * 11 digits."
 */

/** The longest phone input a form takes: `+86 139 0012 3456` with room for a few more separators. */
export const PHONE_INPUT_MAX_LENGTH = 24;

/** Said when a phone cannot be read as a mainland mobile number. */
export const PHONE_MESSAGE = '请输入正确的 11 位手机号';

/** Separators people put between digit groups: spaces of every kind, dashes and hyphens, dots, brackets. */
const SEPARATORS = /[\s\u00A0\u3000\-\u2010-\u2015\u2212\u30FC.()（）\u00B7]/g;
/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
const MOBILE = /^1[3-9]\d{9}$/;

/** Full-width digits and plus sign (０-９, ＋) as ASCII; everything else unchanged. */
function foldWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF0B\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The 11-digit mobile number in what was typed, or null when there is none: full-width digits folded,
 * separators (spaces, dashes, dots, brackets) dropped, and the country code `+86`, `0086` or `86`
 * removed when what remains is a mainland mobile number. `+86 139 0012 3456` → `13900123456`.
 * Strings longer than PHONE_INPUT_MAX_LENGTH + 8 are not read at all (null).
 */
export function normalizePhone(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > PHONE_INPUT_MAX_LENGTH + 8) return null;
  let s = foldWidth(input).replace(SEPARATORS, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086') && s.length === 15) s = s.slice(4);
  else if (s.startsWith('86') && s.length === 13) s = s.slice(2);
  return MOBILE.test(s) ? s : null;
}

/** Mainland mobile numbers as stored: exactly 11 digits starting with 1[3-9] (no separators). */
export function isValidPhone(value: string): boolean {
  return typeof value === 'string' && MOBILE.test(value);
}

/** 138****1234 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
