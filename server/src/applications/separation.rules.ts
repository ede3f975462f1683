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

/** What a caller refused by `decisionVerdict` is told: the error code and its message. */
export const DECISION_REFUSALS: Record<Exclude<DecisionVerdict, 'ok'>, { code: 'FORBIDDEN' | 'SEPARATION_OF_DUTIES'; message: string }> = {
  not_reviewer: { code: 'FORBIDDEN', message: '审查和审批决定由承办部门的审核人员作出' },
  other_department: { code: 'FORBIDDEN', message: '该办件不属于您所在部门，由其承办部门的审核人员审查决定' },
  accepted_it: { code: 'SEPARATION_OF_DUTIES', message: '受审分离：您受理了该办件，不能再对其作出审批决定，请由部门其他审核人员决定' },
};
