/** Wire shapes of off-hours service (API.md, Off-hours). */
import type { OffhoursRequest, OnBehalfOf } from '../api.types';

/**
 * The reasons staff may give for refusing an off-hours request (labels: OFFHOURS_REFUSAL_REASON_LABELS).
 * No "non-working day" reason: 罗山 预约办 七 forbids refusing for that. `other` needs a note.
 */
export const OFFHOURS_REFUSAL_REASONS = ['onsite_inspection', 'system_unavailable', 'other_agency', 'not_handled_here', 'duplicate', 'other'] as const;
export type OffhoursRefusalReason = (typeof OFFHOURS_REFUSAL_REASONS)[number];

/** An off-hours request as the applicant and staff see it. */
export interface OffhoursView extends OffhoursRequest {
  /** the refusal as shown: the reason's label, then the note (`其他原因：…`); null unless refused */
  refuseReason: string | null;
  /** the reason chosen from the list; null unless refused (or refused before the list existed) */
  refuseReasonCode: OffhoursRefusalReason | null;
  staffName: string | null;
  createdAt: string;
  /**
   * When staff must have answered (ISO instant): closing time, by the hall's opening hours, of the
   * first working day after the request was made, or the requested start if that is earlier
   * (罗山 预约办 五 "应当即给予答复"). Null only for requests made before the rule.
   */
  replyBy: string | null;
  /** pending past `replyBy`: on the supervisor's list */
  overdue: boolean;
  /** a confirmed request: what to bring — the guide's materials (`名称 ×份数`), then the staff's note */
  materials: string[];
  materialsNote: string | null;
  /** staff lists only (masked) */
  applicantName?: string | null;
  serviceName?: string;
  hallName?: string;
}

/** POST /offhours-requests */
export interface OffhoursCreateRequest {
  serviceId: string;
  hallId: string;
  preferredStart: string;
  preferredEnd: string;
  note?: string;
  onBehalfOf?: OnBehalfOf;
}

/** POST /staff/offhours-requests/:id/confirm */
export interface ConfirmOffhoursRequest {
  start: string;
  end: string;
  staffName: string;
  /** what to bring beyond the guide's list (up to 500 characters) */
  materialsNote?: string;
}

/** POST /staff/offhours-requests/:id/refuse: a reason from the list, plus free text (required for `other`). */
export interface RefuseOffhoursRequest {
  reason: OffhoursRefusalReason;
  note?: string;
}
