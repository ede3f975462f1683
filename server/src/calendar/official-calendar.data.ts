import type { OfficialSchedule } from './calendar.rules';

/**
 * The official schedule (国务院办公厅 holiday notices) from the maintained `chinese-days` package:
 * holidays and swapped working weekends for every year it knows (2004–2026 in 1.5.x).
 * Years it does not know fall back to weekends-only until an admin enters the schedule.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const raw = require('chinese-days/dist/chinese-days.json') as { holidays?: unknown; workdays?: unknown };

function table(v: unknown, what: string): Record<string, string> {
  if (typeof v !== 'object' || v === null) throw new Error(`chinese-days: ${what} missing from the data file`);
  return v as Record<string, string>;
}

export const OFFICIAL_SCHEDULE: OfficialSchedule = {
  holidays: table(raw.holidays, 'holidays'),
  workdays: table(raw.workdays, 'workdays'),
};
