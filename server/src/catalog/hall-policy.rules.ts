import type { HallPolicy, HallPolicyRequest, OpeningWindow } from '@gov/shared';
import { minutesOf, OFFICE_WINDOWS, shanghaiDate, shanghaiTime, weekdayOf } from '@gov/shared';

/**
 * Pure rules of a hall's own policy (DESIGN.md, Appointments / The hall's queue / Off-hours).
 * Times are Asia/Shanghai wall-clock `HH:mm`; instants are `Date`s. Nothing here reads the host zone,
 * and nothing here knows the working-day calendar: a caller combines these with CalendarService.
 */

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The longest grace a hall may set (one day), in minutes. */
export const MAX_GRACE_MINUTES = 24 * 60;

/** Weekday of a `YYYY-MM-DD` date as the policy numbers it: 1 Monday … 7 Sunday. */
export const isoWeekdayOf = (date: string): number => {
  const w = weekdayOf(date);
  return w === 0 ? 7 : w;
};

/** Opening hours when a hall set none: Monday–Friday, the regular office windows (offhours.rules OFFICE_WINDOWS). */
export const defaultOpeningHours = (): OpeningWindow[] =>
  [1, 2, 3, 4, 5].flatMap((weekday) => OFFICE_WINDOWS.map(([start, end]) => ({ weekday, start, end })));

/** The policy of a hall that never set one: grace from NO_SHOW_GRACE_MINUTES, no contact required, default hours. */
export const defaultPolicy = (hallId: string, graceMinutes: number): HallPolicy => ({
  hallId,
  noShowGraceMinutes: graceMinutes,
  noShowContactRequired: false,
  openingHours: defaultOpeningHours(),
  isDefault: true,
  updatedAt: null,
});

/** Windows ordered by weekday, then start. */
export const sortWindows = (w: ReadonlyArray<OpeningWindow>): OpeningWindow[] =>
  [...w].map((x) => ({ weekday: x.weekday, start: x.start, end: x.end })).sort((a, b) => a.weekday - b.weekday || minutesOf(a.start) - minutesOf(b.start));

/**
 * What is wrong with a policy body, as `{ field, message }` (empty when it is fine): grace an integer
 * 0..1440, each window a weekday 1..7 with `HH:mm` start before end, windows of one weekday not overlapping.
 */
export function policyProblems(body: HallPolicyRequest): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  const g = body.noShowGraceMinutes;
  if (!Number.isInteger(g) || g < 0 || g > MAX_GRACE_MINUTES) out.push({ field: 'noShowGraceMinutes', message: `宽限时间应为 0 到 ${MAX_GRACE_MINUTES} 之间的整数分钟` });
  if (typeof body.noShowContactRequired !== 'boolean') out.push({ field: 'noShowContactRequired', message: '请说明爽约前是否须先联系' });
  if (!Array.isArray(body.openingHours)) {
    out.push({ field: 'openingHours', message: '请填写办公时间' });
    return out;
  }
  body.openingHours.forEach((w, i) => {
    const f = `openingHours[${i}]`;
    if (!w || typeof w !== 'object') return out.push({ field: f, message: '办公时间格式有误' });
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) out.push({ field: `${f}.weekday`, message: '星期应为 1（周一）到 7（周日）' });
    const okStart = typeof w.start === 'string' && HHMM.test(w.start);
    const okEnd = typeof w.end === 'string' && HHMM.test(w.end);
    if (!okStart) out.push({ field: `${f}.start`, message: '时间格式应为 HH:mm' });
    if (!okEnd) out.push({ field: `${f}.end`, message: '时间格式应为 HH:mm' });
    if (okStart && okEnd && minutesOf(w.start) >= minutesOf(w.end)) out.push({ field: `${f}.end`, message: '结束时间应晚于开始时间' });
    return undefined;
  });
  if (out.some((p) => p.field.startsWith('openingHours'))) return out;
  const sorted = sortWindows(body.openingHours);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a.weekday === b.weekday && minutesOf(b.start) < minutesOf(a.end)) {
      out.push({ field: 'openingHours', message: `同一天的办公时间段不能重叠（${a.start}–${a.end} 与 ${b.start}–${b.end}）` });
    }
  }
  return out;
}

/** The policy's windows on a `YYYY-MM-DD` date (by its weekday), ordered; empty when the hall is closed that weekday. */
export const windowsOn = (policy: Pick<HallPolicy, 'openingHours'>, date: string): OpeningWindow[] =>
  sortWindows(policy.openingHours.filter((w) => w.weekday === isoWeekdayOf(date)));

/** `HH:mm` the hall closes on a date (end of its last window), or null when it does not open that weekday. */
export function closingTimeOn(policy: Pick<HallPolicy, 'openingHours'>, date: string): string | null {
  const w = windowsOn(policy, date);
  return w.length ? w[w.length - 1].end : null;
}

/** `HH:mm` the hall opens on a date (start of its first window), or null. */
export function openingTimeOn(policy: Pick<HallPolicy, 'openingHours'>, date: string): string | null {
  const w = windowsOn(policy, date);
  return w.length ? w[0].start : null;
}

/** Whether an instant falls inside one of the hall's windows of that weekday (start inclusive, end exclusive). */
export function isOpenAt(policy: Pick<HallPolicy, 'openingHours'>, at: Date): boolean {
  const m = minutesOf(shanghaiTime(at));
  return windowsOn(policy, shanghaiDate(at)).some((w) => minutesOf(w.start) <= m && m < minutesOf(w.end));
}

/** When a booking starting at `startAt` passes the hall's grace (罗山 30 min, 新郑 60 min). */
export const graceEndsAt = (startAt: Date, policy: Pick<HallPolicy, 'noShowGraceMinutes'>): Date => new Date(startAt.getTime() + policy.noShowGraceMinutes * 60_000);

/** Opening hours for the hall's public `hours` line: `周一至周五 09:00–12:00、13:30–17:00` style, one group per distinct day pattern. */
export function openingHoursText(policy: Pick<HallPolicy, 'openingHours'>): string {
  const names = ['', '一', '二', '三', '四', '五', '六', '日'];
  const byDay = new Map<number, string>();
  for (let d = 1; d <= 7; d++) {
    const w = sortWindows(policy.openingHours.filter((x) => x.weekday === d));
    if (w.length) byDay.set(d, w.map((x) => `${x.start}–${x.end}`).join('、'));
  }
  const groups: Array<{ from: number; to: number; text: string }> = [];
  for (const [d, text] of byDay) {
    const last = groups[groups.length - 1];
    if (last && last.to === d - 1 && last.text === text) last.to = d;
    else groups.push({ from: d, to: d, text });
  }
  return groups.map((g) => `${g.from === g.to ? `周${names[g.from]}` : `周${names[g.from]}至周${names[g.to]}`} ${g.text}`).join('；');
}
