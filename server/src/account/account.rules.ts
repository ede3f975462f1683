/**
 * Pure rules of the account's own life: what keeps an account from being closed (注销, 个人信息保护法
 * art. 47) and what the home page's to-do card shows. No Nest, no database.
 */
import { BOOKING_STATUS_LABELS, OFFHOURS_STATUS_LABELS, OWED_UPLOAD_STATUSES, type ApplicationStatus, type CloseAccountBlockers, type CommitmentStatus, type EnterpriseRole } from '@gov/shared';

/**
 * Filing states after which nothing more happens on the applicant's side. Every other state (drafts
 * included: withdraw or finish them first) keeps the account open, because the centre or the
 * applicant still has a step to take. `returned` is 退件.
 */
export const FINAL_FILING_STATUSES: readonly string[] = ['refused', 'delivered', 'withdrawn', 'returned'];

export const isOpenFiling = (status: string): boolean => !FINAL_FILING_STATUSES.includes(status);
/** A booking still to attend or cancel. */
export const isOpenBooking = (status: string): boolean => status === 'booked';
/** An off-hours request the hall has not answered yet (a confirmed one became a booking). */
export const isOpenOffhours = (status: string): boolean => status === 'pending';

/**
 * A company keeps at least one admin (as when an admin removes members): the only admin of a company
 * that has other members must make one of them admin first. The only member of a company simply
 * leaves it; the company's record and filings stay (they are the company's, not the person's).
 */
export function blocksAsSoleAdmin(m: { role: EnterpriseRole; admins: number; members: number }): boolean {
  return m.role === 'admin' && m.admins <= 1 && m.members > 1;
}

export const isClosingBlocked = (b: CloseAccountBlockers): boolean => b.bookings + b.applications + b.offhours + b.enterprises > 0;

/** What the person reads when closing is refused. */
export function closingBlockedMessage(b: CloseAccountBlockers): string {
  const parts: string[] = [];
  if (b.bookings) parts.push(`${b.bookings} 个${BOOKING_STATUS_LABELS.booked}的预约`);
  if (b.offhours) parts.push(`${b.offhours} 个${OFFHOURS_STATUS_LABELS.pending}的错时办理申请`);
  if (b.applications) parts.push(`${b.applications} 件未办结的办件`);
  if (b.enterprises) parts.push(`${b.enterprises} 家企业仅有您一位管理员`);
  return `您还有 ${parts.join('、')}，请先处理后再注销账号`;
}

// ---- the to-do card ----

/** Filing states in which a 容缺 material (credit commitment) may be owed: after acceptance, before a decision. */
export const OWED_STATES: readonly ApplicationStatus[] = OWED_UPLOAD_STATUSES;

export type FilingTodo = 'correction' | 'materials_owed';

/**
 * Whether a filing waits for its applicant: a correction notice, or a committed material not yet
 * handed in — while it can still be handed in (not once the commitment is breached).
 */
export function filingTodo(status: ApplicationStatus, committed: Array<{ fileCount: number }>, commitmentStatus: CommitmentStatus | null = null): FilingTodo | null {
  if (status === 'correction_required') return 'correction';
  if (commitmentStatus === 'breached') return null;
  if (OWED_STATES.includes(status) && committed.some((m) => m.fileCount === 0)) return 'materials_owed';
  return null;
}
