/**
 * Pure rules of electronic certificates (电子证照; DESIGN.md, Pre-review and filings — Results):
 * numbers and verification codes, validity, the canonical content that is signed, masking of the
 * holder, and which certificate fills which material (免提交). No Nest, no database.
 */
import { maskName } from '@gov/shared';
import { addDays } from '../calendar/calendar.rules';

/** Characters without look-alikes (no 0/O, 1/I/L), for numbers and codes people may type. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const draw = (random: Uint8Array, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[(random[i] ?? 0) % ALPHABET.length];
  return s;
};

/** 证照编号 `ZZ20261207-4F7Q2K8M`: the issue date (Asia/Shanghai, YYYY-MM-DD given) and 8 random characters. */
export function certificateNumber(issueDate: string, random: Uint8Array): string {
  return `ZZ${issueDate.replace(/-/g, '')}-${draw(random, 8)}`;
}

/** The code of the public verification page: 16 random characters (about 78 bits; not guessable). */
export function verifyCode(random: Uint8Array): string {
  return draw(random, 16);
}

export const VERIFY_CODE_RE = /^[2-9A-HJKMNP-Z]{16}$/;

/**
 * The last day of validity for a certificate valid `years` from `validFrom` (both YYYY-MM-DD):
 * the day before the same date `years` later (a 5-year licence from 2026-12-07 runs to
 * 2031-12-06; from 29 February, to 28 February). null years = 长期 (no end).
 */
export function validTo(validFrom: string, years: number | null): string | null {
  if (years === null) return null;
  const [y, m, d] = validFrom.split('-').map(Number);
  const year = y + years;
  const lastOfMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const same = `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`;
  return addDays(same, -1);
}

/** In effect on `today` (YYYY-MM-DD): not revoked, started, and not past its last day. */
export function inEffect(c: { status: string; validFrom: string; validTo: string | null }, today: string): boolean {
  return c.status === 'valid' && c.validFrom <= today && (c.validTo === null || today <= c.validTo);
}

/** The holder as shown to anyone: a person's name as maskName (张*三); a company's first two and last four characters. */
export function maskHolder(kind: 'person' | 'enterprise', name: string): string {
  if (kind === 'person') return maskName(name) ?? '';
  const chars = Array.from(name);
  if (chars.length <= 6) return maskName(name) ?? '';
  return `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 6)}${chars.slice(-4).join('')}`;
}

/** What a certificate says, as signed. Dates YYYY-MM-DD; `issuedAt` an ISO instant. */
export interface CertificateContent {
  v: 1;
  type: string;
  number: string;
  holder: { kind: 'person' | 'enterprise'; name: string; /** a company's credit code; a person's ID number masked */ idNo: string };
  issuedBy: string;
  issuedAt: string;
  validFrom: string;
  validTo: string | null;
  /** the filing it was issued on and the service */
  filingNumber: string;
  serviceCode: string;
  verifyCode: string;
  /** the signing key's id (the first 16 hex of SM3 of its public key) */
  keyId: string;
}

/**
 * The text that is signed: JSON with keys in a fixed (sorted) order at every level, no spaces, so
 * that the same certificate always gives the same bytes.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The stored content read back; null when it is not the JSON of a certificate (tampered beyond parsing). */
export function parseContent(text: string): CertificateContent | null {
  try {
    const c = JSON.parse(text) as Partial<CertificateContent>;
    if (c && c.v === 1 && typeof c.type === 'string' && typeof c.number === 'string' && c.holder && typeof c.holder.name === 'string') return c as CertificateContent;
    return null;
  } catch {
    return null;
  }
}

/** A certificate as the reuse rule needs it. */
export interface HeldCertificate {
  id: string;
  type: string;
  status: string;
  validFrom: string;
  validTo: string | null;
  issuedAt: Date;
}

/**
 * 免提交: for each material that a certificate type satisfies, the newest certificate of that type
 * in effect today among those the applicant holds. Returns materialId → certificate.
 */
export function reusableCertificates<C extends HeldCertificate>(
  materials: ReadonlyArray<{ materialId: string; certificateType: string | null }>,
  held: readonly C[],
  today: string,
): Map<string, C> {
  const out = new Map<string, C>();
  for (const m of materials) {
    if (!m.certificateType) continue;
    const best = held
      .filter((c) => c.type === m.certificateType && inEffect(c, today))
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())[0];
    if (best) out.set(m.materialId, best);
  }
  return out;
}
