import { sameLegalName, type EnterpriseStatus } from '@gov/shared';
import type { AuthUser, CallerContext } from '../common/auth/auth.decorators';

/**
 * Pure rules of company registration (企业认证).
 *
 * Who may register a company: anyone with a verified real name. The company is `verified` at once
 * when that real name is the legal representative's (法定代表人 — the person the business licence
 * names, so nobody else can claim it by typing a credit code); otherwise it is `pending` until
 * window staff check the licence and the creator's authority at the hall, and it cannot act
 * (book, file, request off-hours service, give authorisations) until then.
 *
 * One credit code, one verified company. While a code has no verified company, several people may
 * claim it (one pending claim each): someone who typed a code that is not theirs cannot lock the
 * real company out, staff see the rival claims side by side, and the legal representative may
 * always register it and be verified at once. When one claim is verified — by staff or by the legal
 * representative registering — every other pending claim of that code is rejected and its creator
 * told. A rejected claim holds nothing: its creator may register again.
 */

/** A new company's status: verified when the creator's verified real name matches the legal representative's. */
export function initialStatus(creator: { realName: string | null; verified: boolean }, legalRepName: string): EnterpriseStatus {
  return creator.verified && sameLegalName(creator.realName, legalRepName) ? 'verified' : 'pending';
}

/**
 * The value of the unique `claim_key`: the credit code itself for the one verified company,
 * `<code>:<creator>` for a pending claim (one per person and code), nothing once rejected.
 */
export function claimKey(status: EnterpriseStatus, creditCode: string, createdBy: string): string | null {
  if (status === 'verified') return creditCode;
  return status === 'pending' ? `${creditCode}:${createdBy}` : null;
}

/** Why a registration of this code is refused (409 CONFLICT), given the companies that already carry it; null: go ahead. */
export function registrationConflict(existing: Array<{ status: EnterpriseStatus; createdBy: string }>, callerId: string): string | null {
  if (existing.some((e) => e.status === 'verified')) return '该统一社会信用代码已登记并通过核验，请联系企业管理员添加您为成员';
  if (existing.some((e) => e.status === 'pending' && e.createdBy === callerId)) return '您已登记该企业，正在等待大厅核验';
  return null;
}

export type EnterpriseRefusalReason = 'enterprise_pending' | 'enterprise_rejected';

/** Why a company may not act (403 FORBIDDEN with this `details.reason`), or null when it is verified. */
export function enterpriseRefusal(status: EnterpriseStatus): { reason: EnterpriseRefusalReason; message: string } | null {
  if (status === 'pending') return { reason: 'enterprise_pending', message: '该企业尚待大厅核验，核验通过后才能以企业名义办理' };
  if (status === 'rejected') return { reason: 'enterprise_rejected', message: '该企业登记未通过大厅核验，不能以企业名义办理' };
  return null;
}

/**
 * Who reviews companies: window staff, i.e. staff bound to a hall (companies belong to no hall, so
 * any hall's window may check the papers), and admins. Every decision is audited.
 */
export function mayReviewEnterprises(caller: Pick<AuthUser, 'roles' | 'hallId'>): boolean {
  if (caller.roles.includes('admin')) return true;
  return caller.roles.includes('staff') && caller.hallId !== null;
}

/** One row of the callers' context query: an account joined with one of its memberships (none: enterpriseId null). */
export interface CallerContextRow {
  userId: string;
  disabled: number | boolean | string;
  verifiedAt: Date | string | null;
  enterpriseId: string | null;
}

/**
 * The callers' contexts from their rows: per account its companies and whether it is verified; an
 * account closed (disabled) has none (its tokens stop working), and one without rows is unknown.
 */
export function callerContextsFrom(rows: CallerContextRow[]): Map<string, CallerContext | null> {
  const out = new Map<string, CallerContext | null>();
  for (const r of rows) {
    if (Number(r.disabled) === 1) {
      out.set(r.userId, null);
      continue;
    }
    if (out.has(r.userId) && out.get(r.userId) === null) continue;
    const ctx = out.get(r.userId) ?? { enterpriseIds: [], verified: r.verifiedAt !== null };
    if (r.enterpriseId !== null) ctx.enterpriseIds.push(r.enterpriseId);
    out.set(r.userId, ctx);
  }
  return out;
}
