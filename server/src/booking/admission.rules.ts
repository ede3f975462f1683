/**
 * The admission rules (DESIGN.md, Appointments: "Every path that creates or moves a booking … passes
 * the same admission rules"): given the facts about a slot, the principal and the moment, whether a
 * booking may be made, and if not the exact error code and what the person is told. Pure: no Nest,
 * no database; `AdmissionService` loads the facts and holds capacity under the database guard.
 */
import { DEFAULT_ERROR_MESSAGES, type ErrorCode } from '@gov/shared';
import { addDays, IsWorkday, shanghaiDate } from '../calendar/calendar.rules';

/**
 * The doors into a booking: `direct` POST /bookings; `waitlist` accepting an offer (the place is
 * already held for it); `offhours` staff confirming an off-hours request (a slot made for it);
 * `registered` staff registering a phone or walk-in request; `reschedule` moving a booking.
 */
export type AdmissionPath = 'direct' | 'waitlist' | 'offhours' | 'registered' | 'reschedule';

/** Where the place comes from: a free place of the slot, the place a waitlist offer holds. */
export type PlaceSource = 'free' | 'held';

/** A refusal as the API answers it (API.md, Errors). */
export interface Refusal {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export interface AdmissionSlot {
  startAt: Date;
  kind: 'regular' | 'offhours';
  active: boolean;
  /** made from a template (regular slots of a working day); a single slot an admin opened is not */
  fromTemplate: boolean;
  hallId: string;
  /** null: a hall-wide slot serving every service of its hall */
  serviceId: string | null;
  capacity: number;
  booked: number;
  /** places held for waitlist offers */
  held: number;
}

export interface ActiveBooking {
  id: string;
  principalKey: string;
  serviceId: string;
  /** YYYY-MM-DD, Asia/Shanghai */
  day: string;
}

/** Everything the rules look at; each fact comes from the database or the request, never guessed. */
export interface AdmissionFacts {
  path: AdmissionPath;
  place: PlaceSource;
  now: Date;
  /** BOOKING_HORIZON_DAYS: today plus this many days (Asia/Shanghai) */
  horizonDays: number;
  isWorkday: IsWorkday;
  slot: AdmissionSlot;
  serviceId: string;
  /** the service exists and is active */
  serviceActive: boolean;
  /** the hall offers the service (service_halls) */
  offeredAtHall: boolean;
  /** null when the actor may act for the principal and the service is for that principal; else ActingService's refusal (AUTHORIZATION_INVALID, AUDIENCE_MISMATCH, FORBIDDEN, NOT_FOUND) */
  acting: Refusal | null;
  /** `u:<userId>` or `e:<enterpriseId>` of the principal (null when acting was refused) */
  principalKey: string | null;
  /** the actor has a verified real name (a registered booking: staff saw the ID document) */
  verified: boolean;
  /** null, or the BOOKING_FORFEITED refusal of the person whose record it is (three no-shows) */
  forfeited: Refusal | null;
  /**
   * the principal's active bookings that day (status booked); or `unique-key` where the write judges
   * it: the booking row goes in under the one-active-booking unique key before the capacity guard,
   * so the database refuses a duplicate as DUPLICATE_BOOKING, after every rule above and before
   * SLOT_FULL, as this function would (AdmissionService.admit, for doors with nothing to claim first)
   */
  activeBookings: ActiveBooking[] | 'unique-key';
  /** rescheduling: the booking being moved, which does not count against the one-a-day rule */
  movingBookingId?: string | null;
}

const NOT_BOOKABLE = {
  past: '该时段已开始或已过去，不能预约',
  beyond_horizon: '该时段尚未开放预约',
  closed: '该时段不开放预约（非工作日或不对外预约）',
  closed_by_centre: '服务中心已关闭该时段，请选择其他时段',
} as const;

/**
 * The refusal of a slot verdict other than `ok`: HALL_CLOSED for a slot the centre closed (API.md,
 * Errors: a booking for a slot that the centre has closed), SLOT_NOT_BOOKABLE for the rest (past,
 * beyond the horizon, a closed day, an off-hours slot through another door).
 */
export function slotRefusal(verdict: Exclude<ReturnType<typeof slotVerdict>, 'ok'>): { code: 'HALL_CLOSED' | 'SLOT_NOT_BOOKABLE'; message: string } {
  return { code: verdict === 'closed_by_centre' ? 'HALL_CLOSED' : 'SLOT_NOT_BOOKABLE', message: NOT_BOOKABLE[verdict] };
}

const DUPLICATE: Record<AdmissionPath, string> = {
  direct: '您当天已预约过该事项，如需改约请先取消原预约',
  waitlist: '您当天已预约过该事项',
  offhours: '申请人当天已有该事项的预约，请先与申请人沟通',
  registered: '申请人当天已有该事项的预约',
  reschedule: '当天已有该事项的其他预约',
};

const REAL_NAME: Record<AdmissionPath, string> = {
  direct: '预约前请先完成实名认证',
  waitlist: '预约前请先完成实名认证',
  offhours: '申请人尚未完成实名认证',
  registered: '请核验申请人身份证件',
  reschedule: '预约前请先完成实名认证',
};

/**
 * Whether the slot itself may take a booking now: active; not started; an off-hours slot only by
 * the off-hours door (staff made it for that one request, it is offered to nobody else); a regular
 * slot on a working day when it comes from a template (调休 included). Every slot, off-hours ones
 * included, lies within the booking horizon (DESIGN.md: every path into a booking stays inside it).
 */
export function slotVerdict(
  f: Pick<AdmissionFacts, 'path' | 'now' | 'horizonDays' | 'isWorkday'> & { slot: Pick<AdmissionSlot, 'startAt' | 'kind' | 'active' | 'fromTemplate'> },
): 'ok' | keyof typeof NOT_BOOKABLE {
  const { slot, now } = f;
  if (!slot.active) return 'closed_by_centre';
  if (slot.startAt.getTime() <= now.getTime()) return 'past';
  const day = shanghaiDate(slot.startAt);
  if (day > addDays(shanghaiDate(now), f.horizonDays)) return 'beyond_horizon';
  if (slot.kind === 'offhours') return f.path === 'offhours' ? 'ok' : 'closed';
  if (f.path === 'offhours') return 'closed';
  if (slot.fromTemplate && !f.isWorkday(day)) return 'closed';
  return 'ok';
}

/**
 * Admit, or the first rule broken, in this order (the order people are told things):
 * acting rights and audience (ActingService's refusal) → REAL_NAME_REQUIRED → BOOKING_FORFEITED →
 * the service and slot (NOT_FOUND, SLOT_NOT_BOOKABLE: wrong service, past, beyond the horizon,
 * a closed day; HALL_CLOSED: closed by the centre) → DUPLICATE_BOOKING (one active booking per principal, service and day) → SLOT_FULL.
 * Capacity here is what was read; the database's guarded update holds it under concurrency.
 */
export function admission(f: AdmissionFacts): Refusal | null {
  if (f.acting) return f.acting;
  if (!f.verified) return { code: 'REAL_NAME_REQUIRED', message: REAL_NAME[f.path] };
  if (f.forfeited) return f.forfeited;
  if (f.slot.serviceId !== null && f.slot.serviceId !== f.serviceId) return { code: 'SLOT_NOT_BOOKABLE', message: '该时段不办理此事项' };
  if (!f.serviceActive) return { code: 'NOT_FOUND', message: '事项不存在' };
  if (!f.offeredAtHall) return { code: 'SLOT_NOT_BOOKABLE', message: '该大厅不办理此事项' };
  const verdict = slotVerdict(f);
  if (verdict !== 'ok') return slotRefusal(verdict);
  const day = shanghaiDate(f.slot.startAt);
  const clash = f.activeBookings !== 'unique-key' && f.activeBookings.some((b) => b.id !== f.movingBookingId && b.principalKey === f.principalKey && b.serviceId === f.serviceId && b.day === day);
  if (clash) return duplicateRefusal(f.path);
  if (!hasPlace(f.slot, f.place)) return { code: 'SLOT_FULL', message: DEFAULT_ERROR_MESSAGES.SLOT_FULL };
  return null;
}

/** DUPLICATE_BOOKING as told at each door (also when the database's unique key catches a race). */
/**
 * DUPLICATE_BOOKING for the door it came through. A booking made for someone else (an agent for a
 * person, a member for a company: `principalKey` not the actor's own `u:<id>`) names whose booking
 * it is, not "您".
 */
export const duplicateRefusal = (path: AdmissionPath, principal?: { principalKey: string; actorId: string }): Refusal => {
  if (path === 'direct' && principal && principal.principalKey !== `u:${principal.actorId}`) {
    const whose = principal.principalKey.startsWith('e:') ? '该企业' : '被代办人';
    return { code: 'DUPLICATE_BOOKING', message: `${whose}当天已预约过该事项，如需改约请先取消原预约` };
  }
  return { code: 'DUPLICATE_BOOKING', message: DUPLICATE[path] };
};

/** A slot's places neither booked nor held for a waitlist offer. */
export const freePlaces = (slot: Pick<AdmissionSlot, 'capacity' | 'booked' | 'held'>): number => Math.max(0, slot.capacity - slot.booked - (slot.held ?? 0));

/** A free place (booked + held < capacity), or, for an accepted offer, the place held for it. */
export const hasPlace = (slot: Pick<AdmissionSlot, 'capacity' | 'booked' | 'held'>, place: PlaceSource): boolean =>
  place === 'held' ? slot.held > 0 : slot.booked + slot.held < slot.capacity;

/**
 * When a waitlist offer lapses: after the hold (`holdMinutes`), and never later than the slot's
 * start — an offer accepted after the start would make a booking nobody could cancel or attend
 * (DESIGN.md: "A waitlist offer ends no later than the slot's start").
 */
export function offerExpiry(now: Date, holdMinutes: number, slotStart: Date): Date {
  return new Date(Math.min(now.getTime() + holdMinutes * 60_000, slotStart.getTime()));
}
