import { maskPhone, normalizePhone } from './phone.rules';

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
  if (year < 1900 || !isRealDate(year, month, day)) return false;
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

/**
 * 110***********123X: first three and last four characters kept for the long numbers (居民身份证,
 * 永居证); first two and last two for the short ones (通行证, 护照: H1*****78); all masked below 8.
 */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length < 8) return '*'.repeat(id.length);
  if (id.length < 15) return `${id.slice(0, 2)}${'*'.repeat(id.length - 4)}${id.slice(-2)}`;
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
    .replace(/(^|[^0-9A-Za-z])([HM]\d{8}(?:\d{2})?|[A-Z]{3}\d{12})(?![0-9A-Za-z])/g, (_m, pre: string, id: string) => pre + (maskIdNumber(id) ?? id))
    .replace(/(^|\D)(1[3-9]\d{9})(?!\d)/g, (_m, pre: string, phone: string) => pre + (maskPhone(phone) ?? phone));
}

/** An ID document number in its stored form: 居民身份证 / 永居证 2023 (18), 港澳通行证 (H/M + 8 or 10), 永居证 2017 (3 letters, 12 digits). */
const ID_NUMBER_SHAPES = /^(?:[1-9]\d{16}[\dX]|[HM]\d{8}(?:\d{2})?|[A-Z]{3}\d{12})$/;

/**
 * One value a person typed (a search box, a query parameter) as a log may show it: a phone number
 * however it was written (+86 or 0086, spaces, dashes, full-width digits) or an ID document number
 * (spaces, dashes, lower case) is masked as a whole; anything else as free text (maskSensitiveText).
 */
export function maskTypedValue(value: string): string {
  const phone = normalizePhone(value);
  if (phone) return maskPhone(phone) ?? phone;
  const id = normalizeIdDocumentNumber(value);
  if (ID_NUMBER_SHAPES.test(id)) return maskIdNumber(id) ?? id;
  return maskSensitiveText(maskDigitRuns(value));
}

/** Digits of any script (Arabic-Indic, full-width …) counted as digits. */
const DIGIT = /\p{Nd}/u;
const LETTER = /\p{L}/u;
/** A phone number's length: a longer run of digits may be one, however it is split. */
const LONG_RUN = 11;

/**
 * Every run of at least LONG_RUN digits that only punctuation, spaces or invisible characters split
 * (`139_8765_4321`, `139/8765/4321`, zero-width spaces, Arabic-Indic digits), written as its digits
 * with all but the first three and the last four masked; letters end a run. What a person may have
 * typed as a phone or ID number in a form nobody reads it as, so that a log never shows it whole.
 */
export function maskDigitRuns(text: string): string {
  let out = '';
  let run: string[] = [];
  let raw = '';
  // what followed the run's last digit (kept as it was when the run is masked)
  let trail = '';
  const flush = (): void => {
    out += run.length >= LONG_RUN ? run.map((d, i) => (i < 3 || i >= run.length - 4 ? d : '*')).join('') + trail : raw;
    run = [];
    raw = '';
    trail = '';
  };
  for (const c of Array.from(text)) {
    if (DIGIT.test(c)) {
      run.push(c);
      raw += c;
      trail = '';
    } else if (LETTER.test(c) || run.length === 0) {
      flush();
      out += c;
    } else {
      raw += c;
      trail += c;
    }
  }
  flush();
  return out;
}

/* ------------------------------------------------------------------------------------------------
 * Identity documents people hold (POST /me/verify `idType`). Each type has its own number format,
 * checked here before anything is stored; a check character is verified where the format has one.
 * ---------------------------------------------------------------------------------------------- */

export const ID_TYPES = ['resident', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent', 'passport'] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident: '居民身份证',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent: '外国人永久居留身份证',
  passport: '护照',
};

/** What each type's number looks like, said when it does not. */
export const ID_FORMAT_MESSAGES: Record<IdType, string> = {
  resident: '身份证号为 18 位（最后一位可为 X）',
  hk_macao_permit: '港澳居民来往内地通行证号码为 H 或 M 加 8 位数字（旧版加 10 位）',
  taiwan_permit: '台湾居民来往大陆通行证号码为 8 位数字（旧版 10 位）',
  foreign_permanent: '外国人永久居留身份证号码为 18 位（2023 版）或 3 位字母加 12 位数字（2017 版）',
  passport: '护照号码为 5-17 位字母或数字',
};

export function isIdType(value: unknown): value is IdType {
  return typeof value === 'string' && (ID_TYPES as readonly string[]).includes(value);
}

/** Passports and 外国人永久居留身份证 carry the holder's name in Latin letters; the others in Chinese. */
export function idTypeAllowsLatinName(type: IdType): boolean {
  return type === 'passport' || type === 'foreign_permanent';
}

/**
 * A document number as typed, reduced to what is checked and stored: full-width letters and digits
 * folded, spaces, dashes and the brackets around a renewal count (`H12345678(01)`) dropped, upper case.
 */
export function normalizeIdDocumentNumber(value: string): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-()（）]/g, '')
    .toUpperCase();
}

const MRZ_WEIGHTS = [7, 3, 1];

/** ICAO 9303 check digit (weights 7, 3, 1; A = 10 … Z = 35), used by the 2017 外国人永久居留身份证. */
export function mrzCheckDigit(chars: string): string {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const v = c >= '0' && c <= '9' ? Number(c) : c >= 'A' && c <= 'Z' ? c.charCodeAt(0) - 55 : 0;
    sum += v * MRZ_WEIGHTS[i % 3];
  }
  return String(sum % 10);
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * 2017 外国人永久居留身份证: 3 letters (nationality, ISO 3166-1 alpha-3), 4 digits (place of issue),
 * 6 digits (birth date YYMMDD), 1 digit, 1 check digit (ICAO 9303 over the first 14).
 */
function isValidPermanentResident2017(id: string): boolean {
  if (!/^[A-Z]{3}\d{12}$/.test(id)) return false;
  const yy = Number(id.slice(7, 9));
  const mm = Number(id.slice(9, 11));
  const dd = Number(id.slice(11, 13));
  if (!isRealDate(1900 + yy, mm, dd) && !isRealDate(2000 + yy, mm, dd)) return false;
  return mrzCheckDigit(id.slice(0, 14)) === id[14];
}

/**
 * What is wrong with a document number of this type (already normalised), or null when it is well formed:
 * - resident (居民身份证, and the 港澳台居民居住证 of the same format): 17 digits, a real birth date and
 *   the GB 11643 check character;
 * - hk_macao_permit (港澳居民来往内地通行证, 回乡证): H or M and 8 digits (2013 card), or 10 digits
 *   (the older booklet, the last two counting renewals); no check character;
 * - taiwan_permit (台湾居民来往大陆通行证, 台胞证): 8 digits (2015 card), or 10 (older, with renewals);
 * - foreign_permanent (外国人永久居留身份证): the 2023 card's 18 characters, first digit 9 and the GB 11643
 *   check character (国家移民管理局 2023 机读信息规则), or the 2017 card's 3 letters and 12 digits with
 *   its check digit;
 * - passport: 5 to 17 letters and digits, at least one digit (the printed number has no check digit).
 * Returns 'check' when only the check character is wrong (INVALID_ID_NUMBER), 'format' otherwise.
 */
export function idDocumentProblem(type: IdType, id: string): 'format' | 'check' | null {
  switch (type) {
    case 'resident':
      if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'format';
      return isValidIdNumber(id) ? null : 'check';
    case 'hk_macao_permit':
      return /^[HM](\d{8}|\d{10})$/.test(id) ? null : 'format';
    case 'taiwan_permit':
      return /^(\d{8}|\d{10})$/.test(id) ? null : 'format';
    case 'foreign_permanent':
      if (/^9\d{16}[\dX]$/.test(id)) return isValidIdNumber(id) ? null : 'check';
      if (/^[A-Z]{3}\d{12}$/.test(id)) return isValidPermanentResident2017(id) ? null : 'check';
      return 'format';
    case 'passport':
      return /^[A-Z0-9]{5,17}$/.test(id) && /\d/.test(id) ? null : 'format';
  }
}

/** True when the number (normalised) is a well-formed number of that type, check character included. */
export function isValidIdDocument(type: IdType, id: string): boolean {
  return idDocumentProblem(type, id) === null;
}

/**
 * What identifies the holder across renewals, for the keyed look-up hash (one person, one key): the
 * 18-character numbers (居民身份证, 居住证, 2023 永居证) share one number space and are their own key, so
 * existing residents keep the hash they have; the permits drop the renewal count (H12345678 of
 * H1234567801); every other number is prefixed by its type, so that equal strings on different
 * documents are different people.
 */
export function idDocumentKey(type: IdType, id: string): string {
  if (/^\d{17}[\dX]$/.test(id) && (type === 'resident' || type === 'foreign_permanent')) return id;
  if (type === 'hk_macao_permit') return `${type}:${id.slice(0, 9)}`;
  if (type === 'taiwan_permit') return `${type}:${id.slice(0, 8)}`;
  return `${type}:${id}`;
}
