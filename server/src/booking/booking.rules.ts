/**
 * Pure rules of appointments (DESIGN.md, Appointments): when a slot may be booked, cancelled or
 * marked a no-show, how slots come from templates, and the no-show record that can forfeit booking.
 * No Nest, no database: everything the rules need is passed in.
 */
import { LINKS } from '@gov/shared';
import type { SlotTemplate } from '@gov/shared';
import { addDays, datesInRange, IsWorkday, isoWeekday, shanghaiDate, startOfDay } from '../calendar/calendar.rules';
import { slotVerdict } from './admission.rules';

const MINUTE = 60_000;
const DAY = 86_400_000;

export type Bookability = 'ok' | 'past' | 'beyond_horizon' | 'closed' | 'closed_by_centre';

/**
 * Whether a regular slot may be booked by the direct door: the admission rules' verdict on the slot
 * alone (see `slotVerdict` in admission.rules.ts — not started, within the horizon, open day).
 */
export function slotBookability(
  slot: { startAt: Date; kind: 'regular' | 'offhours'; active: boolean; fromTemplate: boolean },
  now: Date,
  horizonDays: number,
  isWorkday: IsWorkday,
): Bookability {
  return slotVerdict({ path: 'direct', slot, now, horizonDays, isWorkday });
}

/** A booking can be cancelled until its start. */
/** The booking's page in the mini-app: every message about a booking links here (and is superseded by it). */
export const bookingLink = (id: string): string => LINKS.booking(id);

export const canCancel = (startAt: Date, now: Date): boolean => now.getTime() < startAt.getTime();

/** Staff may record a no-show only once the grace period after the start has passed. */
export const graceOver = (startAt: Date, now: Date, graceMinutes: number): boolean =>
  now.getTime() >= noShowFrom(startAt, graceMinutes).getTime();

/** The moment from which a booking not checked in may be recorded as a no-show: the start plus the grace period. */
export const noShowFrom = (startAt: Date, graceMinutes: number): Date => new Date(startAt.getTime() + graceMinutes * MINUTE);

/** The moment before which the no-show sweep leaves a booking alone. */
export const noShowCutoff = (now: Date, graceMinutes: number): Date => new Date(now.getTime() - graceMinutes * MINUTE);

// ---- no-shows by the hall's own rules (issue 15) ----

/**
 * Whether a booking past its grace counts as a no-show at once: always where the hall does not
 * require a contact attempt (新郑 五(三)3), else only once staff recorded a failed one (罗山 预约办 四.2).
 * A no-show that does not count at once is pending (`noShow: { counts: false }`), and stays uncounted
 * unless staff record `reached: false`.
 */
export const countsAtGrace = (contactRequired: boolean, contactReached: boolean | null): boolean => !contactRequired || contactReached === false;

/** What recording a contact attempt does to a booking. */
export type ContactEffect =
  /** only the attempt is kept */
  | 'record'
  /** a pending no-show now counts (the applicant could not be reached) */
  | 'count'
  /** the applicant, reached, gave up or wants another time: cancelled without penalty */
  | 'cancel';

/**
 * The effect of a contact attempt (POST /staff/bookings/:id/contact), or the refusal as
 * `{ code, message }`: only on the booking's day, only for a booking past its start that is still
 * `booked` or a `no_show`; `reached: false` goes with outcome `none`, `reached: true` with another.
 * A counted no-show stays counted (the hall did not require a call, or the call already failed).
 */
export function contactEffect(
  b: { status: string; noShowCounts: boolean; startAt: Date; day: string },
  c: { reached: boolean; outcome: 'coming' | 'reschedule' | 'gave_up' | 'none' },
  now: Date,
): ContactEffect | { code: 'INVALID_STATE' | 'VALIDATION_FAILED'; message: string } {
  if (!c.reached && c.outcome !== 'none') return { code: 'VALIDATION_FAILED', message: '未联系上时，结果只能是“未联系上”' };
  if (c.reached && c.outcome === 'none') return { code: 'VALIDATION_FAILED', message: '已联系上，请选择申请人的答复' };
  if (b.status !== 'booked' && b.status !== 'no_show') return { code: 'INVALID_STATE', message: '只有未签到的预约才能记录联系情况' };
  if (b.status === 'booked' && now.getTime() < b.startAt.getTime()) return { code: 'INVALID_STATE', message: '预约时间未到，无需联系' };
  if (b.day !== shanghaiDate(now)) return { code: 'INVALID_STATE', message: `只能在预约当天（${b.day}）记录联系情况` };
  const pending = b.status === 'booked' || !b.noShowCounts;
  if (!pending) return 'record';
  if (!c.reached) return b.status === 'no_show' ? 'count' : 'record';
  return c.outcome === 'gave_up' || c.outcome === 'reschedule' ? 'cancel' : 'record';
}

/**
 * Whether staff may check a booking in now: a `booked` one, or a late applicant's `no_show` (pending or
 * counted: they came after all, whatever the hall's policy), on the booking's day only. Null when allowed.
 */
export function checkInRefusal(b: { status: string; day: string }, now: Date): string | null {
  if (b.status === 'checked_in') return '该预约已签到';
  if (b.status !== 'booked' && b.status !== 'no_show') return '该预约已取消或已豁免，不能签到';
  if (b.day !== shanghaiDate(now)) return `该预约的日期是 ${b.day}，不是今天`;
  return null;
}

// ---- slot generation ----

/** What slot generation needs of a template (SlotTemplate of API.md, active or not). */
export type SlotTemplateLike = Omit<SlotTemplate, 'active'>;

export interface PlannedSlot {
  templateId: string;
  hallId: string;
  serviceId: string | null;
  day: string;
  startAt: Date;
  endAt: Date;
  capacity: number;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const isHhmm = (s: string): boolean => HHMM.test(s);

/** `HH:mm` on a date in Asia/Shanghai as an instant. */
export function atLocalTime(day: string, hhmm: string): Date {
  const m = HHMM.exec(hhmm);
  if (!m) throw new RangeError(`not a time: ${hhmm}`);
  return new Date(startOfDay(day).getTime() + (Number(m[1]) * 60 + Number(m[2])) * MINUTE);
}

/** `HH:mm` of an instant in Asia/Shanghai. */
export function localTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

const minutesOf = (hhmm: string): number => {
  const m = HHMM.exec(hhmm);
  if (!m) throw new RangeError(`not a time: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
};
const hhmmOf = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Back-to-back slots of `minutes` that fill each opening session, e.g. 09:00–12:00 in 30 minutes →
 * 09:00–09:30 … 11:30–12:00. A remainder shorter than `minutes` at the end of a session is left out.
 */
export function sessionSlots(sessions: ReadonlyArray<readonly [string, string]>, minutes: number): Array<{ start: string; end: string }> {
  if (!Number.isInteger(minutes) || minutes <= 0) throw new RangeError(`not a slot length: ${minutes}`);
  const out: Array<{ start: string; end: string }> = [];
  for (const [start, end] of sessions) {
    for (let t = minutesOf(start); t + minutes <= minutesOf(end); t += minutes) out.push({ start: hhmmOf(t), end: hhmmOf(t + minutes) });
  }
  return out;
}

/** The booking horizon at `now`: today (Asia/Shanghai) through today + `horizonDays`, as slots are offered. */
export function bookingHorizon(now: Date, horizonDays: number): { from: string; to: string } {
  const from = shanghaiDate(now);
  return { from, to: addDays(from, horizonDays) };
}

/** Slots from templates for every working day in [from, to] whose weekday a template names. */
export function planSlots(templates: SlotTemplateLike[], from: string, to: string, isWorkday: IsWorkday): PlannedSlot[] {
  const out: PlannedSlot[] = [];
  for (const day of datesInRange(from, to)) {
    if (!isWorkday(day)) continue;
    const wd = isoWeekday(day);
    // A swapped working weekend (调休) follows that weekday's own templates when there are any,
    // else the Monday templates: the centre opens as on an ordinary working day.
    const ownTemplates = templates.some((t) => t.weekday === wd);
    for (const t of templates) {
      const matches = t.weekday === wd || (wd >= 6 && !ownTemplates && t.weekday === 1);
      if (!matches) continue;
      out.push({
        templateId: t.id,
        hallId: t.hallId,
        serviceId: t.serviceId,
        day,
        startAt: atLocalTime(day, t.start),
        endAt: atLocalTime(day, t.end),
        capacity: t.capacity,
      });
    }
  }
  return out;
}

// ---- the no-show record ----

export interface NoShowEvent {
  bookingId: string;
  /** the appointment's start */
  at: Date;
  /** when staff waived it (a waiver takes effect from that moment), null while it stands */
  waivedAt: Date | null;
}

export type NoShowStatus = 'counts' | 'waived' | 'before_reset' | 'lapsed';

export interface NoShowStanding {
  /** no-shows that count now */
  noShows: number;
  threshold: number;
  forfeited: boolean;
  /** when the forfeiture lapses by itself (FORFEIT_DAYS > 0); null when staff must reinstate */
  until: Date | null;
  /** each no-show with whether it still counts and why */
  record: Array<{ bookingId: string; at: Date; status: NoShowStatus }>;
}

/**
 * Three no-shows (configurable) forfeit the right to book, until staff reinstate or, with
 * `forfeitDays` > 0, until that many days after the no-show that reached the threshold.
 * Everything is taken in the order it happened: a waiver takes that no-show off the count from the
 * moment it is given (lifting a forfeiture when the count falls below the threshold); reinstatement
 * or a lapse starts the count afresh, and a later waiver of an earlier no-show changes nothing
 * that was already reset. Cancelled bookings are not no-shows and never reach this function.
 */
export function noShowStanding(
  events: NoShowEvent[],
  reinstatements: Date[],
  threshold: number,
  forfeitDays: number,
  now: Date,
): NoShowStanding {
  type Ev = { t: number; order: number } & ({ kind: 'noshow'; e: NoShowEvent } | { kind: 'waive'; e: NoShowEvent } | { kind: 'reinstate' });
  const timeline: Ev[] = [];
  for (const e of events) {
    timeline.push({ t: e.at.getTime(), order: 0, kind: 'noshow', e });
    if (e.waivedAt) timeline.push({ t: Math.max(e.waivedAt.getTime(), e.at.getTime()), order: 1, kind: 'waive', e });
  }
  for (const at of reinstatements) timeline.push({ t: at.getTime(), order: 2, kind: 'reinstate' });
  const upToNow = timeline.filter((ev) => ev.t <= now.getTime()).sort((a, b) => a.t - b.t || a.order - b.order);

  const status = new Map<string, NoShowStatus>();
  let counting: NoShowEvent[] = [];
  let forfeitedAt: Date | null = null;
  const lapseAt = (): Date | null => (forfeitedAt && forfeitDays > 0 ? new Date(forfeitedAt.getTime() + forfeitDays * DAY) : null);
  const reset = (why: NoShowStatus) => {
    for (const e of counting) status.set(e.bookingId, why);
    counting = [];
    forfeitedAt = null;
  };
  const lapseBefore = (t: number) => {
    const l = lapseAt();
    if (l && t >= l.getTime()) reset('lapsed');
  };

  for (const ev of upToNow) {
    lapseBefore(ev.t);
    if (ev.kind === 'reinstate') {
      reset('before_reset');
    } else if (ev.kind === 'waive') {
      status.set(ev.e.bookingId, 'waived');
      const before = counting.length;
      counting = counting.filter((c) => c.bookingId !== ev.e.bookingId);
      if (counting.length < before && forfeitedAt && counting.length < threshold) forfeitedAt = null;
    } else {
      counting.push(ev.e);
      status.set(ev.e.bookingId, 'counts');
      if (!forfeitedAt && counting.length >= threshold) forfeitedAt = ev.e.at;
    }
  }
  lapseBefore(now.getTime());

  return {
    noShows: counting.length,
    threshold,
    forfeited: forfeitedAt !== null,
    until: lapseAt(),
    record: [...events]
      .filter((e) => e.at.getTime() <= now.getTime())
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((e) => ({ bookingId: e.bookingId, at: e.at, status: status.get(e.bookingId) ?? 'counts' })),
  };
}

/** What the applicant is told about their standing, e.g. before booking. */
export function standingMessage(s: Pick<NoShowStanding, 'noShows' | 'threshold' | 'forfeited' | 'until'>): string {
  if (s.forfeited) {
    const how = s.until
      ? `将于 ${shanghaiDate(s.until)} 自动恢复，或携身份证件到大厅窗口申请恢复`
      : '请携身份证件到大厅窗口说明情况，由工作人员恢复预约资格';
    return `您已爽约 ${s.noShows} 次（达到 ${s.threshold} 次上限），暂停预约资格；${how}。如有误判，可在“我的爽约记录”中申诉。`;
  }
  if (s.noShows === 0) return '';
  const left = s.threshold - s.noShows;
  return `已爽约 ${s.noShows} 次，再爽约 ${left} 次将暂停预约资格`;
}

/**
 * What an applicant is told when the centre cancels their booking (a slot or day it closed, a service
 * withdrawn, a staff cancel): why, that it never counts as a no-show, and the nearest free slots of the
 * same service at that hall (`offers`, the message's link opens the booking page to rebook).
 */
export function centreCancellationNotice(b: {
  day: string;
  startAt: Date;
  endAt: Date;
  hallName: string;
  serviceName: string;
  reason: string;
  offers?: ReadonlyArray<{ start: Date; end: Date }>;
}): { title: string; body: string } {
  const offers = b.offers ?? [];
  const next = offers.length
    ? `最近可预约的时段：${offers.map((o) => `${shanghaiDate(o.start)} ${localTime(o.start)}-${localTime(o.end)}`).join('、')}，点击即可重新预约其他时段。`
    : '请重新选择其他时段预约。';
  return {
    title: '预约已由服务中心取消',
    body:
      `很抱歉，${b.hallName || '服务中心'}无法按约办理 ${b.day} ${localTime(b.startAt)}-${localTime(b.endAt)} 的“${b.serviceName}”，您的预约已取消。` +
      `原因：${b.reason}。此次取消不计入爽约次数。${next}给您带来不便，敬请谅解。`,
  };
}

// ---- check-in codes ----

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An 8-character check-in code without look-alike characters (0/O, 1/I). */
export function checkInCode(random: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_CHARS[random[i] % CODE_CHARS.length];
  return s;
}

export const normalizeCheckInCode = (code: string): string => code.trim().toUpperCase().replace(/[\s-]/g, '');

/** Why a no-show does or does not count, in words for the applicant. */
export function noShowReason(status: NoShowStatus, waiveReason: string | null): string {
  switch (status) {
    case 'counts':
      return '计入爽约次数';
    case 'waived':
      return waiveReason ? `已豁免，不计入：${waiveReason}` : '已豁免，不计入';
    case 'before_reset':
      return '恢复预约资格前的记录，不再计入';
    case 'lapsed':
      return '暂停期已满，记录不再计入';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
