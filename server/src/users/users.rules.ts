import { DomainError } from '../common/errors/domain-error';

/**
 * Real-name verification comes before any filing, booking, waitlist, off-hours request or
 * enterprise registration (DESIGN.md: 实名认证). Throws REAL_NAME_REQUIRED, worded
 * `${doing}前请先完成实名认证` (e.g. doing = '预约').
 */
export function requireVerified(user: { verifiedAt: Date | null }, doing: string): void {
  if (!user.verifiedAt) throw new DomainError('REAL_NAME_REQUIRED', `${doing}前请先完成实名认证`);
}
