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
