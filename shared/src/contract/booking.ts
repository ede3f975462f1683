/** Wire shapes of bookings, the no-show standing, the waitlist (API.md, Bookings). */
import type { Booking, BookingEligibility, OnBehalfOf, Slot } from '../api.types';
import type { RatingState } from './ratings';
import type { ApplicantView } from './staff';

/** A booking as its applicant sees it (POST/GET /bookings, cancel, accept an offer). */
export interface BookingView extends Booking {
  serviceName: string;
  hallName: string;
  hallAddress: string;
  /** the hall with its place on the map (coordinates null when not known) */
  hall: { id: string; name: string; address: string; latitude: number | null; longitude: number | null };
  start: string;
  end: string;
  createdAt: string;
  /** made by someone else (an agent) for the caller, or by the caller for a principal */
  onBehalf: boolean;
  /** when it was cancelled (by the applicant or the centre), else null */
  cancelledAt: string | null;
  /** a PNG data URL of the check-in code (detail view of a booking still to be served only) */
  qrImage?: string;
  /**
   * For a `no_show` (or waived) booking: whether it counts, and the hall's contact attempt. Where the hall
   * requires a contact attempt first (罗山 预约办 四.2), a no-show is pending — `{ counts: false, contact: null }` —
   * until staff record `reached: false`. Null for every other status.
   */
  noShow: NoShowState | null;
  /** why the centre cancelled it (status `cancelled_by_centre`), else null */
  cancelReason: string | null;
  /** detail view of a `cancelled_by_centre` booking only: the three nearest free slots of the same service at that hall, to rebook in one tap (POST /bookings) */
  rebookSlots?: Slot[];
}

/** What staff heard when they phoned a late applicant (POST /staff/bookings/:id/contact). */
export const CONTACT_OUTCOMES = ['coming', 'reschedule', 'gave_up', 'none'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** The last contact attempt on a late booking, as the applicant sees it. */
export interface ContactView {
  reached: boolean;
  outcome: ContactOutcome;
  /** ISO instant */
  at: string;
}

/** A no-show's state: `counts` false while pending (contact required and not yet failed) or never decided. */
export interface NoShowState {
  counts: boolean;
  contact: ContactView | null;
}

/** POST /staff/bookings/:id/contact: `reached: false` goes with outcome `none`. */
export interface ContactRequest {
  reached: boolean;
  outcome: ContactOutcome;
  note?: string;
}

/** GET /bookings and GET /bookings/:id: the booking with the stage it may be rated at. */
export type RatedBookingView = BookingView & Partial<RatingState>;

/** GET /me/booking-eligibility: the standing with the server's words for people. */
export interface EligibilityView extends BookingEligibility {
  /** the warning or how to be reinstated */
  message: string;
}

export type AppealStatus = 'open' | 'waived' | 'rejected';

/** One booking of GET /me/no-shows. */
export interface NoShowRecordItem {
  bookingId: string;
  /** YYYY-MM-DD, Asia/Shanghai */
  date: string;
  hallName: string;
  serviceName: string;
  counts: boolean;
  reason: string;
  appeal: null | { id: string; status: AppealStatus; reason: string; answer: string | null };
}

/** A no-show appeal as staff decide it (GET /staff/appeals). */
export interface AppealView {
  id: string;
  bookingId: string;
  status: AppealStatus;
  reason: string;
  answer: string | null;
  date: string;
  serviceName: string;
  applicantName: string | null;
  createdAt: string;
}

export type WaitlistStatus = 'waiting' | 'offered' | 'booked' | 'expired' | 'left';

/** GET /me/waitlist */
export interface WaitlistView {
  id: string;
  slotId: string;
  serviceId: string;
  status: WaitlistStatus;
  position: number;
  offer: null | { expiresAt: string };
  slot: Slot | null;
}

/** A booking as window staff see it (GET /staff/bookings, check-in, no-show, waive). */
export interface StaffBookingView extends BookingView {
  applicant: ApplicantView;
  /** from this moment (start + the grace period) a booking not checked in may be recorded as a no-show */
  noShowFrom: string;
  /** whether 记为爽约 is allowed now (booked and past noShowFrom, by the server's clock) */
  canMarkNoShow: boolean;
  /** the last contact attempt with staff's note (null: nobody called yet) */
  contact: (ContactView & { note: string | null }) | null;
  /** the hall requires a failed contact attempt before a no-show counts (its policy) */
  contactRequired: boolean;
}

/** POST /bookings; onBehalfOf omitted for oneself. */
export interface CreateBookingRequest {
  slotId: string;
  serviceId: string;
  onBehalfOf?: OnBehalfOf;
}

/** POST /slots/:id/waitlist */
export interface JoinWaitlistRequest {
  serviceId: string;
}

/** POST /staff/bookings/check-in */
export interface CheckInRequest {
  code: string;
}

/** POST /staff/appeals/:id/decide */
export interface DecideAppealRequest {
  waive: boolean;
  answer: string;
}

/** POST /staff/bookings: a booking staff register for a phone call or a walk-in (kind `registered`). */
export interface RegisterBookingRequest {
  slotId: string;
  serviceId: string;
  /** the person's name as staff took it */
  name: string;
  /** 11-digit mainland mobile: the person's account (created unverified when new) and where the SMS goes */
  phone: string;
  /** a resident ID number staff saw: verifies a new or unverified account with `name` */
  idNumber?: string;
}

/**
 * Answer of POST /staff/bookings: the booking as staff see it; `smsQueued`: the SMS with the check-in
 * code is in the outbox, written with the booking (sent moments after; the desk never waits for the SMS cloud).
 */
export type RegisteredBookingView = StaffBookingView & { smsQueued: boolean };

/** POST /bookings/:id/reschedule */
export interface RescheduleRequest {
  slotId: string;
}
