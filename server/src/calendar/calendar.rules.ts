/**
 * Working-day arithmetic, pure: every function takes the calendar as an `isWorkday(date)` function
 * so that the one CalendarService decides what a working day is, and these rules decide how to count.
 * Dates are `YYYY-MM-DD` in Asia/Shanghai (UTC+8 all year, no daylight saving).
 */

export type IsWorkday = (date: string) => boolean;

export interface CalendarDayInfo {
  date: string;
  workday: boolean;
  name: string | null;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** No schedule has a run of more than a few weeks without a working day; this bounds every search. */
const MAX_SCAN_DAYS = 3660;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isValidDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
}

function toUtcMs(date: string): number {
  if (!isValidDate(date)) throw new RangeError(`not a date: ${String(date)}`);
  return Date.parse(`${date}T00:00:00Z`);
}

const fromUtcMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** `date` moved by `n` calendar days. */
export function addDays(date: string, n: number): string {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(toUtcMs(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

export const isWeekend = (date: string): boolean => isoWeekday(date) >= 6;

/** Every date from `from` to `to`, both included (empty when `to` is before `from`). */
export function datesInRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = toUtcMs(from), end = toUtcMs(to); ms <= end; ms += DAY_MS) out.push(fromUtcMs(ms));
  return out;
}

/** The Asia/Shanghai date of an instant. */
export function shanghaiDate(at: Date): string {
  return fromUtcMs(at.getTime() + SHANGHAI_OFFSET_MS);
}

/** The first instant of a date in Asia/Shanghai. */
export function startOfDay(date: string): Date {
  return new Date(toUtcMs(date) - SHANGHAI_OFFSET_MS);
}

/** The last instant (23:59:59.999) of a date in Asia/Shanghai: "due at the end of the day". */
export function endOfDay(date: string): Date {
  return new Date(toUtcMs(date) + DAY_MS - 1 - SHANGHAI_OFFSET_MS);
}

function scan(date: string, step: 1 | -1, isWorkday: IsWorkday): string {
  let d = date;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    d = addDays(d, step);
    if (isWorkday(d)) return d;
  }
  throw new RangeError(`no working day within ${MAX_SCAN_DAYS} days of ${date}`);
}

/** The first working day strictly after `date`. */
export const nextWorkday = (date: string, isWorkday: IsWorkday): string => scan(date, 1, isWorkday);

/** The last working day strictly before `date` (the deadline day for an off-hours request). */
export const lastWorkdayBefore = (date: string, isWorkday: IsWorkday): string => scan(date, -1, isWorkday);

/** `date` itself when it is a working day, else the next one. */
export const workdayOnOrAfter = (date: string, isWorkday: IsWorkday): string =>
  isWorkday(date) ? date : nextWorkday(date, isWorkday);

/**
 * The `n`-th working day after `date`; `date` itself is not counted (the day of acceptance is not
 * counted, DESIGN.md). n = 0 gives `date`.
 */
export function addWorkingDays(date: string, n: number, isWorkday: IsWorkday): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0 (got ${n})`);
  let d = date;
  for (let i = 0; i < n; i++) d = nextWorkday(d, isWorkday);
  return d;
}

/**
 * Working days in (from, to]: the count that `addWorkingDays(from, n)` walks, so
 * `workingDaysBetween(a, addWorkingDays(a, n)) === n`. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, isWorkday: IsWorkday): number {
  const span = daysBetween(from, to);
  if (span === 0) return 0;
  const [a, b, sign] = span > 0 ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (const d of datesInRange(addDays(a, 1), b)) if (isWorkday(d)) count++;
  return sign * count;
}

/** When a promised time limit of `n` working days from `acceptedAt` runs out: the end of the last working day. */
export function dueAt(acceptedAt: Date, n: number, isWorkday: IsWorkday): Date {
  return endOfDay(addWorkingDays(shanghaiDate(acceptedAt), n, isWorkday));
}

/**
 * Whether a request made at `at` is in time for something on `date` that needs one working day's
 * notice: made no later than the end of the last working day before `date`.
 */
export function isNoticeInTime(at: Date, date: string, isWorkday: IsWorkday): boolean {
  return at.getTime() <= endOfDay(lastWorkdayBefore(date, isWorkday)).getTime();
}

// ---- the official calendar and overrides ----

/** The published schedule as the data package gives it: date → "English,中文,n" per festival. */
export interface OfficialSchedule {
  holidays: Readonly<Record<string, string>>;
  /** swapped working weekends (调休上班) */
  workdays: Readonly<Record<string, string>>;
}

export interface Override {
  workday: boolean;
  name: string | null;
}

/** The years a schedule covers (a year is known when it lists any holiday in it). */
export function scheduleYears(s: OfficialSchedule): Set<number> {
  const years = new Set<number>();
  for (const d of Object.keys(s.holidays)) years.add(Number(d.slice(0, 4)));
  return years;
}

const FESTIVAL_NAMES: Record<string, string> = { 中秋: '中秋节', 清明: '清明节', 端午: '端午节' };

/** "Mid-autumn Festival,中秋,1" → "中秋节". */
export function festivalName(raw: string): string {
  const parts = raw.split(',');
  const zh = (parts[1] ?? parts[0] ?? '').trim();
  return FESTIVAL_NAMES[zh] ?? zh;
}

/**
 * One day of the calendar: an admin override wins; otherwise the official schedule for the
 * years it knows; otherwise Monday–Friday are working days.
 */
export function resolveDay(
  date: string,
  official: OfficialSchedule,
  overrides: ReadonlyMap<string, Override>,
): CalendarDayInfo {
  const o = overrides.get(date);
  if (o) return { date, workday: o.workday, name: o.name };
  const holiday = official.holidays[date];
  if (holiday !== undefined) return { date, workday: false, name: festivalName(holiday) };
  const swapped = official.workdays[date];
  if (swapped !== undefined) return { date, workday: true, name: `${festivalName(swapped)}调休上班` };
  return { date, workday: !isWeekend(date), name: null };
}
