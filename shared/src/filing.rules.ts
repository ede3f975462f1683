/** Small rules of filings that the server and the mini-app both apply (DESIGN.md, Pre-review and filings). */
import type { ApplicationStatus } from './enums';

/** States in which the applicant may change materials and commitments: a draft, or while a correction is asked for. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['draft', 'correction_required'];

/** Whether the applicant may change the filing's materials now. */
export const isEditable = (s: ApplicationStatus): boolean => EDITABLE_STATUSES.includes(s);

/**
 * States in which the applicant may still choose or change how the result reaches them (新乡 四(六)):
 * any time before it is handed over, and not on a filing that ends without a result.
 */
export const DELIVERY_OPEN_STATUSES: readonly ApplicationStatus[] = [
  'draft',
  'submitted',
  'correction_required',
  'prereview_passed',
  'accepted',
  'under_review',
  'approved',
  'denied',
  'ready_for_pickup',
  'forwarding',
  'returning',
];

/**
 * The one text of a 容缺 credit commitment (信用承诺), shown in the mini-app before signing and
 * stored with the filing by the server: the missing materials and the working days from acceptance
 * within which they are handed in (DESIGN.md, 容缺; 临沂 二(三)1, 新乡 四(八)).
 */
export function commitmentText(names: readonly string[], days: number): string {
  return (
    `本人自愿作出信用承诺：申请材料“${names.join('”“')}”暂缺，申请容缺受理，承诺自受理之日起 ${days} 个工作日内补交；` +
    '如未按期补交或承诺内容不实，愿意承担相应法律责任，并同意将失信信息记入信用记录。'
  );
}

/** States after acceptance in which an owed (容缺) material may still be handed in, until the commitment's `dueAt`. */
export const OWED_UPLOAD_STATUSES: readonly ApplicationStatus[] = ['accepted', 'under_review'];

/** Whether the applicant may hand in an owed material now: the filing accepted, the commitment open and not past its due time. */
export function mayHandInOwed(status: ApplicationStatus, commitment: { status: string; dueAt: string | null } | null, now: Date): boolean {
  if (!commitment || commitment.status !== 'open' || !commitment.dueAt) return false;
  return OWED_UPLOAD_STATUSES.includes(status) && now.getTime() <= new Date(commitment.dueAt).getTime();
}
