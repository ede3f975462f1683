/** Wire shapes of off-hours service (API.md, Off-hours). */
import type { OffhoursRequest, OnBehalfOf } from '../api.types';

/** An off-hours request as the applicant and staff see it. */
export interface OffhoursView extends OffhoursRequest {
  refuseReason: string | null;
  staffName: string | null;
  createdAt: string;
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
}

/** POST /staff/offhours-requests/:id/refuse */
export interface RefuseOffhoursRequest {
  reason: string;
}
