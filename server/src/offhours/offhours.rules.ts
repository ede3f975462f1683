/**
 * Pure rules of off-hours service (错时 / 预约办, DESIGN.md): what counts as outside office hours,
 * and the one-working-day notice.
 */
import { IsWorkday, shanghaiDate } from '../calendar/calendar.rules';
import { localTime } from '../booking/booking.rules';

/** The regular windows of a working day (Asia/Shanghai): 9:00–12:00 and 13:30–17:00. */
export const OFFICE_WINDOWS: ReadonlyArray<readonly [string, string]> = [
  ['09:00', '12:00'],
  ['13:30', '17:00'],
];

/**
 * Off-hours: on a non-working day, or not wholly inside one office window of a working day
 * (early morning, the lunch break, evening).
 */
export function isOffHours(start: Date, end: Date, isWorkday: IsWorkday): boolean {
  if (!isWorkday(shanghaiDate(start))) return true;
  const a = localTime(start);
  const b = localTime(end);
  return !OFFICE_WINDOWS.some(([from, to]) => a >= from && b <= to);
}

export type OffhoursCheck = 'ok' | 'bad_range' | 'not_off_hours' | 'past';

/** The shape of a request: a span on one day, in the future, outside office hours. */
export function checkOffhoursRequest(start: Date, end: Date, now: Date, isWorkday: IsWorkday): OffhoursCheck {
  if (end.getTime() <= start.getTime() || shanghaiDate(start) !== shanghaiDate(new Date(end.getTime() - 1))) return 'bad_range';
  if (end.getTime() - start.getTime() > 4 * 3_600_000) return 'bad_range';
  if (start.getTime() <= now.getTime()) return 'past';
  if (!isOffHours(start, end, isWorkday)) return 'not_off_hours';
  return 'ok';
}
