/**
 * Pure checks on Chinese identity numbers, shared by the server (before anything is stored)
 * and the mini-app (to tell the user early).
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The check character of the first 17 digits of a 居民身份证号 (GB 11643-1999). */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

/** True when the number has 17 digits, a real birth date and the right check character. */
export function isValidIdNumber(value: string): boolean {
  if (typeof value !== 'string') return false;
  const id = value.trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) {
    return false;
  }
  return idNumberCheckChar(id.slice(0, 17)) === id[17];
}

export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a 统一社会信用代码 (GB 32100-2015). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return CREDIT_CHARS[c === 31 ? 0 : c];
}

export function isValidCreditCode(value: string): boolean {
  if (typeof value !== 'string') return false;
  const code = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export function isValidPhone(value: string): boolean {
  return typeof value === 'string' && /^1[3-9]\d{9}$/.test(value);
}

/** 138****1234 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 110***********123X: first three and last four characters kept. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** 张*三, 王*: the surname and, for names of three or more, the last character. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = Array.from(name);
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * Replace every full phone or ID number inside free text (log lines) with its masked form.
 * Digits glued to other digits are left alone so that timestamps and ids are not mangled.
 */
export function maskSensitiveText(text: string): string {
  // No lookbehind here: this module also runs in mini-programs, and older iOS cannot parse it.
  return text
    .replace(/(^|[^0-9A-Za-z])([1-9]\d{16}[\dXx])(?![0-9A-Za-z])/g, (_m, pre: string, id: string) => pre + (maskIdNumber(id) ?? id))
    .replace(/(^|\D)(1[3-9]\d{9})(?!\d)/g, (_m, pre: string, phone: string) => pre + (maskPhone(phone) ?? phone));
}
