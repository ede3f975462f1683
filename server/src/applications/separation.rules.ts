/**
 * 受审分离 (新郑 受审分离; 新乡 受理、审核、制证"三分离"; DESIGN.md, Pre-review and filings): window
 * staff accept, the reviewers of the service's department decide, and whoever accepted a filing may
 * not decide it.
 */
import type { Role } from '@gov/shared';

/** Why a caller may not decide a filing, or `ok`. */
export type DecisionVerdict = 'ok' | 'not_reviewer' | 'other_department' | 'accepted_it';

/**
 * Whether `caller` may review or decide (`deciding`: approve or deny) a filing of `departmentId`
 * that `acceptedBy` accepted (null: accepted by the law's clock). An admin may act for any
 * department, but not on a filing they accepted themselves. A forwarded filing (同城通办) was also
 * taken in at the competent hall by `receivedBy`: that is acceptance there, so the same rule holds.
 */
export function decisionVerdict(
  caller: { id: string; roles: readonly Role[]; departmentId: string | null },
  filing: { departmentId: string | null; acceptedBy: string | null; receivedBy?: string | null },
  deciding: boolean,
): DecisionVerdict {
  const admin = caller.roles.includes('admin');
  if (!admin && !caller.roles.includes('reviewer')) return 'not_reviewer';
  if (!admin && (caller.departmentId === null || caller.departmentId !== filing.departmentId)) return 'other_department';
  if (deciding && [filing.acceptedBy, filing.receivedBy ?? null].some((id) => id !== null && id === caller.id)) return 'accepted_it';
  return 'ok';
}
