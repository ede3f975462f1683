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
];
