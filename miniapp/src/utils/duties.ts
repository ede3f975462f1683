/**
 * 受审分离 on the desk: which duties the signed-in staff member holds (window, reviewer, supervisor;
 * an admin all of them), and which of a page's actions are theirs. The server enforces the same
 * (403 FORBIDDEN / SEPARATION_OF_DUTIES); the desk only hides what would be refused.
 */
import { ROLE_LABELS, STAFF_ROLES, type Role, type StaffRole } from '@gov/shared'

/** The duties these roles carry: an admin acts in every duty. */
export function dutiesOf(roles: readonly Role[] | undefined | null): StaffRole[] {
  if (!roles) return []
  if (roles.includes('admin')) return [...STAFF_ROLES]
  return STAFF_ROLES.filter((r) => roles.includes(r))
}

/** Whether one of the duties is held. */
export const holds = (roles: readonly Role[] | undefined | null, duty: StaffRole): boolean => dutiesOf(roles).includes(duty)

/** Only the items whose duty is held (an item without one is everyone's). */
export function forDuties<T extends { duty?: StaffRole }>(items: readonly T[], roles: readonly Role[] | undefined | null): T[] {
  const mine = dutiesOf(roles)
  return items.filter((i) => !i.duty || mine.includes(i.duty))
}

/** `窗口受理 · 部门审核` for the workbench greeting; `管理员` for an admin. */
export function dutyLine(roles: readonly Role[] | undefined | null): string {
  if (roles?.includes('admin')) return ROLE_LABELS.admin
  const mine = dutiesOf(roles)
  return mine.length ? mine.map((d) => ROLE_LABELS[d]).join(' · ') : ROLE_LABELS.staff
}
