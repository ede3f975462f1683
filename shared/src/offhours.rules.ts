/**
 * Office windows of a working day, as both sides apply them to off-hours requests (错时 / 预约办,
 * DESIGN.md, Off-hours): a request may not meet these windows on a working day.
 */
export type OfficeWindow = readonly [string, string];

/** The regular windows of a working day (Asia/Shanghai, HH:mm): 9:00–12:00 and 13:30–17:00. */
export const OFFICE_WINDOWS: ReadonlyArray<OfficeWindow> = [
  ['09:00', '12:00'],
  ['13:30', '17:00'],
];

/** Minutes since midnight of `HH:mm`. */
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** "9:00–12:00、13:30–17:00", for messages. */
export const officeHoursText = (windows: ReadonlyArray<OfficeWindow> = OFFICE_WINDOWS): string =>
  windows.map(([a, b]) => `${a.replace(/^0/, '')}–${b.replace(/^0/, '')}`).join('、');

/** The refusal of an interval that meets office hours. */
export const overlapMessage = (windows: ReadonlyArray<OfficeWindow> = OFFICE_WINDOWS): string =>
  `所选时间与工作时间（${officeHoursText(windows)}）重叠，请直接预约工作时间的号源`;

/** Whether [start, start + minutes) of one working day meets an office window (a window's edge is not inside it). */
export function meetsOfficeWindow(start: string, minutes: number, windows: ReadonlyArray<OfficeWindow> = OFFICE_WINDOWS): boolean {
  const a = minutesOf(start);
  return windows.some(([from, to]) => a < minutesOf(to) && minutesOf(from) < a + minutes);
}

/** One opening window of a hall's policy (contract/hall-policy OpeningWindow): weekday 1 Monday … 7 Sunday. */
type HallWindow = { weekday: number; start: string; end: string };

const isoWeekday = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
};

/**
 * The office windows of a WORKING day at a hall, from its opening hours (hall policy, DESIGN.md:
 * "its opening hours"): the windows of the date's weekday; a swapped working weekend (调休) where
 * the hall lists no hours for that weekday works as a regular weekday, so it takes the windows of
 * the hall's first weekday (Monday…Friday) that has some; a hall with no hours at all falls back to
 * OFFICE_WINDOWS. Ordered by start. The caller decides whether the date is a working day.
 */
export function workdayWindows(openingHours: ReadonlyArray<HallWindow>, date: string): OfficeWindow[] {
  const of = (weekday: number): OfficeWindow[] =>
    openingHours
      .filter((w) => w.weekday === weekday)
      .sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
      .map((w) => [w.start, w.end] as const);
  const own = of(isoWeekday(date));
  if (own.length) return own;
  for (let d = 1; d <= 5; d++) {
    const w = of(d);
    if (w.length) return w;
  }
  return [...OFFICE_WINDOWS];
}

/** `HH:mm` a hall closes on a working day (end of its last window; see workdayWindows). */
export const workdayClosingTime = (openingHours: ReadonlyArray<HallWindow>, date: string): string => {
  const w = workdayWindows(openingHours, date);
  return w[w.length - 1][1];
};
