/**
 * Who a caller is: `citizen`, `staff` or `admin` (the kind of account), and for staff their duties
 * (受审分离, 新郑; 受理、审核"分离", 新乡): `window` (pre-review, accept, refuse, deliver, queue, bookings),
 * `reviewer` (bound to a department: review, approve, deny), `supervisor` (督办 and statistics).
 */
export const ROLES = ['citizen', 'staff', 'admin', 'window', 'reviewer', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/** The duties a staff account may hold (one or several). */
export const STAFF_ROLES = ['window', 'reviewer', 'supervisor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const HALL_LEVELS = ['city', 'county', 'town'] as const;
export type HallLevel = (typeof HALL_LEVELS)[number];

export const AUDIENCES = ['person', 'enterprise', 'both'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const MATERIAL_FORMS = ['original', 'copy', 'electronic'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];

export const DELIVERY_METHODS = ['window', 'post', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const BOOKING_STATUSES = ['booked', 'checked_in', 'cancelled', 'cancelled_by_centre', 'no_show', 'no_show_waived'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_KINDS = ['regular', 'offhours', 'registered'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];
/** A slot's kind: the regular opening or an off-hours slot made for a request (a booking may also be `registered` by staff). */
export const SLOT_KINDS = ['regular', 'offhours'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/** `expired`: its date passed while it was still pending (nobody answered). */
export const OFFHOURS_STATUSES = ['pending', 'confirmed', 'refused', 'cancelled', 'expired'] as const;
export type OffhoursStatus = (typeof OFFHOURS_STATUSES)[number];

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'correction_required',
  'prereview_passed',
  'accepted',
  'refused',
  'under_review',
  'approved',
  'denied',
  'ready_for_pickup',
  'delivered',
  'withdrawn',
  'returned',
  // 同城通办 / 跨层联办 (DESIGN.md, Across halls): on its way to the competent hall, and the result on its way back
  'forwarding',
  'returning',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A 容缺 commitment (DESIGN.md, 容缺): owed until `dueAt`, then fulfilled or breached. */
export const COMMITMENT_STATUSES = ['open', 'fulfilled', 'breached'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const SLA_STATES = ['on_track', 'due_soon', 'overdue'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const ON_BEHALF_TYPES = ['person', 'enterprise'] as const;
export type OnBehalfType = (typeof ON_BEHALF_TYPES)[number];

export const ENTERPRISE_ROLES = ['admin', 'handler'] as const;
export type EnterpriseRole = (typeof ENTERPRISE_ROLES)[number];

/** `pending` until hall staff verify the company (or the creator is its legal representative); only `verified` companies act. */
export const ENTERPRISE_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

/** As shown: `pending` until the agent accepts, `expired` once an accepted one is past its end date. */
export const AUTHORIZATION_STATUSES = ['pending', 'active', 'declined', 'revoked', 'expired'] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

/** Five levels of 好差评: 5 非常满意 … 1 非常不满意. */
export const RATING_LABELS: Record<1 | 2 | 3 | 4 | 5, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

/** An electronic certificate (电子证照): `revoked` by the issuing body; an expired one stays `valid` in status but not in effect (see CertificateView.valid). */
export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
