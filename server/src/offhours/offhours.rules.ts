/**
 * Pure rules of off-hours service (错时 / 预约办, DESIGN.md): what counts as outside office hours,
 * and the one-working-day notice.
 */
import { addDays, IsWorkday, lastWorkdayBefore, nextWorkday, shanghaiDate, startOfDay } from '../calendar/calendar.rules';
import { minutesOf, OFFICE_WINDOWS, type OfficeWindow } from '@gov/shared';
export { OFFICE_WINDOWS, officeHoursText, overlapMessage } from '@gov/shared';
export type { OfficeWindow } from '@gov/shared';

const MINUTE_MS = 60_000;
/** bounds the walk over a (nonsensically) long interval */
const MAX_DAYS = 400;

/** Office windows: the same every working day, or a hall's by date (shared workdayWindows over its opening hours). */
export type Windows = ReadonlyArray<OfficeWindow> | ((date: string) => ReadonlyArray<OfficeWindow>);

/** The office windows of every working day that [start, end) touches, as instants. */
function windowsTouched(start: Date, end: Date, isWorkday: IsWorkday, windowsOf: Windows): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let days = 0;
  for (let day = shanghaiDate(start); startOfDay(day).getTime() < end.getTime() && days++ < MAX_DAYS; day = addDays(day, 1)) {
    if (!isWorkday(day)) continue;
    const midnight = startOfDay(day).getTime();
    const windows = typeof windowsOf === 'function' ? windowsOf(day) : windowsOf;
    for (const [from, to] of windows) out.push([midnight + minutesOf(from) * MINUTE_MS, midnight + minutesOf(to) * MINUTE_MS]);
  }
  return out;
}

/**
 * Where the interval [start, end) meets office hours of a working day: `start` when it begins inside
 * a window, `end` when it begins outside and runs into (or over) one, null when it meets none. The
 * whole interval counts, not only its start: 08:00–10:00 of a working Wednesday meets 9:00–12:00;
 * 12:00–13:30 and 17:00–19:00 meet nothing (a window's edge is not inside it); an interval across
 * midnight is looked at on each day it touches; a non-working day (holiday, weekend not swapped by
 * 调休) has no office hours, a 调休 working weekend has.
 */
export function officeOverlap(start: Date, end: Date, isWorkday: IsWorkday, windows: Windows = OFFICE_WINDOWS): 'start' | 'end' | null {
  const s = start.getTime();
  const e = end.getTime();
  const met = windowsTouched(start, end, isWorkday, windows).filter(([a, b]) => s < b && a < e);
  if (met.length === 0) return null;
  return met.some(([a, b]) => a <= s && s < b) ? 'start' : 'end';
}

/** Off-hours: the interval meets no office window of a working day (any time of a non-working day). */
export function isOffHours(start: Date, end: Date, isWorkday: IsWorkday, windows: Windows = OFFICE_WINDOWS): boolean {
  return officeOverlap(start, end, isWorkday, windows) === null;
}


export type OffhoursCheck = 'ok' | 'bad_range' | 'past' | 'overlaps_start' | 'overlaps_end';

/** The shape of a request: a span on one day of at most 4 hours, in the future, meeting no office hours. */
export function checkOffhoursRequest(start: Date, end: Date, now: Date, isWorkday: IsWorkday, windows: Windows = OFFICE_WINDOWS): OffhoursCheck {
  if (end.getTime() <= start.getTime() || shanghaiDate(start) !== shanghaiDate(new Date(end.getTime() - 1))) return 'bad_range';
  if (end.getTime() - start.getTime() > 4 * 3_600_000) return 'bad_range';
  if (start.getTime() <= now.getTime()) return 'past';
  const overlap = officeOverlap(start, end, isWorkday, windows);
  if (overlap) return overlap === 'start' ? 'overlaps_start' : 'overlaps_end';
  return 'ok';
}

/** `HH:mm` a hall closes on a working day (shared workdayClosingTime over its opening hours). */
export type ClosingOn = (date: string) => string;

/** An Asia/Shanghai wall time of a date, as an instant. */
const at = (date: string, hhmm: string): Date => new Date(startOfDay(date).getTime() + minutesOf(hhmm) * MINUTE_MS);

/**
 * The last moment an off-hours request for `date` may be made (DESIGN.md, Off-hours: "until closing
 * time (not midnight) of the last working day before"; 罗山 错时办 二: 在工作日正常工作时间接受错时服务预约):
 * closing time, by the hall's hours, of the last working day strictly before `date` (调休 counted, the
 * weekend and holidays skipped). A request at exactly that instant is in time.
 */
export function noticeDeadline(date: string, isWorkday: IsWorkday, closingOn: ClosingOn): Date {
  const day = lastWorkdayBefore(date, isWorkday);
  return at(day, closingOn(day));
}

/**
 * When staff must have answered a request made at `createdAt` for `start` (罗山 预约办 五 "应当即给予答复";
 * DESIGN.md: "the centre answers within one working day"): closing time, by the hall's hours, of the
 * first working day after the day it was made — or the requested start, when that comes first.
 */
export function replyDeadline(createdAt: Date, start: Date, isWorkday: IsWorkday, closingOn: ClosingOn): Date {
  const day = nextWorkday(shanghaiDate(createdAt), isWorkday);
  const due = at(day, closingOn(day));
  return due.getTime() < start.getTime() ? due : start;
}

/** Whether a pending request for [start …) has outlived its date: the Asia/Shanghai day of `start` is over at `now`. */
export const hasDatePassed = (start: Date, now: Date): boolean => shanghaiDate(now) > shanghaiDate(start);
