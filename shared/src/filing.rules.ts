/** Small rules of filings that the server and the mini-app both apply (DESIGN.md, Pre-review and filings). */
import type { ApplicationStatus } from './enums';

/** States in which the applicant may change materials and commitments: a draft, or while a correction is asked for. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['draft', 'correction_required'];

/** Whether the applicant may change the filing's materials now. */
export const isEditable = (s: ApplicationStatus): boolean => EDITABLE_STATUSES.includes(s);
