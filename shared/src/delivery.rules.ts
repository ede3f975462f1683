/**
 * The postal address an applicant gives for delivery by post (送达, 新乡 四(六)): what is accepted,
 * and how it is shown (personal data: the name and phone masked). Shared by the server and the
 * mini-app's address form.
 */
import type { PostalAddress } from './contract/certificates';
import { maskName } from './identity.rules';
import { maskPhone, normalizePhone, PHONE_MESSAGE } from './phone.rules';

export const ADDRESS_LIMITS = { name: 30, region: 60, detailMin: 4, detail: 120 } as const;

/** The address as stored (trimmed, phone as 11 digits), or the problems, one per field (`address.name` …). */
export function checkPostalAddress(input: Partial<Record<keyof PostalAddress, unknown>> | null | undefined): { address: PostalAddress | null; problems: Array<{ field: string; message: string }> } {
  const problems: Array<{ field: string; message: string }> = [];
  const text = (v: unknown) => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '');
  const name = text(input?.name);
  const region = text(input?.region);
  const detail = text(input?.detail);
  const phone = normalizePhone(input?.phone);
  if (!name || Array.from(name).length > ADDRESS_LIMITS.name) problems.push({ field: 'address.name', message: `请填写收件人姓名（不超过 ${ADDRESS_LIMITS.name} 个字）` });
  if (!phone) problems.push({ field: 'address.phone', message: PHONE_MESSAGE });
  if (!region || Array.from(region).length > ADDRESS_LIMITS.region) problems.push({ field: 'address.region', message: '请填写所在地区（省、市、区县）' });
  const n = Array.from(detail).length;
  if (n < ADDRESS_LIMITS.detailMin || n > ADDRESS_LIMITS.detail) problems.push({ field: 'address.detail', message: `请填写详细地址（${ADDRESS_LIMITS.detailMin}-${ADDRESS_LIMITS.detail} 个字，到门牌号）` });
  return problems.length ? { address: null, problems } : { address: { name, phone: phone!, region, detail }, problems };
}

/** The address as responses show it: 张*三, 139****3456, the region and the street address. */
export function maskPostalAddress(a: PostalAddress): PostalAddress {
  return { name: maskName(a.name) ?? '', phone: maskPhone(a.phone) ?? '', region: a.region, detail: a.detail };
}
