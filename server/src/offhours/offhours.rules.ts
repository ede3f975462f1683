/**
 * Pure rules of off-hours service (错时 / 预约办, DESIGN.md): what counts as outside office hours,
 * and the one-working-day notice.
 */
import { addDays, IsWorkday, shanghaiDate, startOfDay } from '../calendar/calendar.rules';
import { minutesOf, OFFICE_WINDOWS, type OfficeWindow } from '@gov/shared';
export { OFFICE_WINDOWS, officeHoursText, overlapMessage } from '@gov/shared';
export type { OfficeWindow } from '@gov/shared';

const MINUTE_MS = 60_000;
/** bounds the walk over a (nonsensically) long interval */
const MAX_DAYS = 400;

/** The office windows of every working day that [start, end) touches, as instants. */
function windowsTouched(start: Date, end: Date, isWorkday: IsWorkday, windows: ReadonlyArray<OfficeWindow>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let days = 0;
  for (let day = shanghaiDate(start); startOfDay(day).getTime() < end.getTime() && days++ < MAX_DAYS; day = addDays(day, 1)) {
    if (!isWorkday(day)) continue;
    const midnight = startOfDay(day).getTime();
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
export function officeOverlap(start: Date, end: Date, isWorkday: IsWorkday, windows: ReadonlyArray<OfficeWindow> = OFFICE_WINDOWS): 'start' | 'end' | null {
  const s = start.getTime();
  const e = end.getTime();
  const met = windowsTouched(start, end, isWorkday, windows).filter(([a, b]) => s < b && a < e);
  if (met.length === 0) return null;
  return met.some(([a, b]) => a <= s && s < b) ? 'start' : 'end';
}

/** Off-hours: the interval meets no office window of a working day (any time of a non-working day). */
export function isOffHours(start: Date, end: Date, isWorkday: IsWorkday, windows: ReadonlyArray<OfficeWindow> = OFFICE_WINDOWS): boolean {
  return officeOverlap(start, end, isWorkday, windows) === null;
}


export type OffhoursCheck = 'ok' | 'bad_range' | 'past' | 'overlaps_start' | 'overlaps_end';

/** The shape of a request: a span on one day of at most 4 hours, in the future, meeting no office hours. */
export function checkOffhoursRequest(start: Date, end: Date, now: Date, isWorkday: IsWorkday, windows: ReadonlyArray<OfficeWindow> = OFFICE_WINDOWS): OffhoursCheck {
  if (end.getTime() <= start.getTime() || shanghaiDate(start) !== shanghaiDate(new Date(end.getTime() - 1))) return 'bad_range';
  if (end.getTime() - start.getTime() > 4 * 3_600_000) return 'bad_range';
  if (start.getTime() <= now.getTime()) return 'past';
  const overlap = officeOverlap(start, end, isWorkday, windows);
  if (overlap) return overlap === 'start' ? 'overlaps_start' : 'overlaps_end';
  return 'ok';
}
