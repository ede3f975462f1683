import { isValidIdNumber, normalizeIdDocumentNumber, normalizePhone } from '@gov/shared';
import { FILING_NUMBER_RE } from '../applications/applications.rules';
import { normalizeCheckInCode } from '../booking/booking.rules';

/**
 * What a desk search may be: one box, several keys. A query is read as every key it could be
 * (an 8-character code could also be a Latin name), and the results are the union.
 */
export interface SearchKeys {
  /** 办件编号 `ZW20261201-000123` */
  filingNumber?: string;
  /** 预约签到码, 8 characters without look-alikes */
  bookingCode?: string;
  /** the last four digits of the applicant's phone */
  phoneTail?: string;
  /** a whole mobile number (found by its keyed hash) */
  phone?: string;
  /** a whole ID number (found by its keyed hash) */
  idNumber?: string;
  /** the start of the applicant's real name */
  name?: string;
}

const CODE_RE = /^[A-HJ-NP-Z2-9]{8}$/;
const NAME_RE = /^[\p{L}·・. ]{1,32}$/u;

/** The keys a desk search query stands for; none for a query that is too short or unlike any key. */
export function searchKeys(raw: string): SearchKeys {
  const text = raw.normalize('NFKC').trim();
  const keys: SearchKeys = {};
  if (!text) return keys;
  const upper = text.toUpperCase().replace(/\s/g, '');
  if (FILING_NUMBER_RE.test(upper)) keys.filingNumber = upper;
  const code = normalizeCheckInCode(text);
  if (CODE_RE.test(code)) keys.bookingCode = code;
  if (/^\d{4}$/.test(text)) keys.phoneTail = text;
  const phone = normalizePhone(text);
  if (phone) keys.phone = phone;
  // an ID number as people type it: spaces or dashes between the groups, a lower-case x
  const id = normalizeIdDocumentNumber(text);
  if (id.length === 18 && isValidIdNumber(id)) keys.idNumber = id;
  if (NAME_RE.test(text) && !keys.filingNumber) keys.name = text;
  return keys;
}

/** The escape character of `startsWithPattern` (`LIKE … ESCAPE '!'`: the same on MariaDB and SQLite). */
export const LIKE_ESCAPE = '!';

/** `LIKE` pattern for "starts with", with the wildcards of the text itself escaped. */
export function startsWithPattern(text: string): string {
  return `${text.replace(/[!%_]/g, (c) => `${LIKE_ESCAPE}${c}`)}%`;
}
