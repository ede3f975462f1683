import { STAFF_ROLES, StaffRole } from '@gov/shared';
import { DomainError } from '../common/errors/domain-error';

/**
 * Real-name verification comes before any filing, booking, waitlist, off-hours request or
 * enterprise registration (DESIGN.md: 实名认证). Throws REAL_NAME_REQUIRED, worded
 * `${doing}前请先完成实名认证` (e.g. doing = '预约').
 */
export function requireVerified(user: { verifiedAt: Date | null }, doing: string): void {
  if (!user.verifiedAt) throw new DomainError('REAL_NAME_REQUIRED', `${doing}前请先完成实名认证`);
}

/**
 * A new staff account's duties (API.md, Staff roles): the ones asked for, or by default every duty
 * (`window`, `reviewer`, `supervisor`) — `reviewer` only with a department, since a reviewer decides
 * for one department (受审分离). Answers `reviewer_needs_department` when `reviewer` is asked for
 * without a department.
 */
export function staffRolesFor(asked: readonly StaffRole[] | undefined, departmentId: string | null): StaffRole[] | 'reviewer_needs_department' {
  if (!asked) return departmentId ? ['window', 'reviewer', 'supervisor'] : ['window', 'supervisor'];
  if (asked.includes('reviewer') && !departmentId) return 'reviewer_needs_department';
  return STAFF_ROLES.filter((r) => asked.includes(r));
}
