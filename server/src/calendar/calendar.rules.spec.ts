import {
  addDays,
  addWorkingDays,
  datesInRange,
  dueAt,
  endOfDay,
  isNoticeInTime,
  isValidDate,
  isoWeekday,
  lastWorkdayBefore,
  nextWorkday,
  Override,
  resolveDay,
  scheduleYears,
  shanghaiDate,
  startOfDay,
  workdayOnOrAfter,
  workingDaysBetween,
} from './calendar.rules';
import { OFFICIAL_SCHEDULE } from './official-calendar.data';

const none = new Map<string, Override>();
const official = (d: string) => resolveDay(d, OFFICIAL_SCHEDULE, none).workday;

describe('dates', () => {
  it('validates real dates only', () => {
    expect(isValidDate('2026-10-10')).toBe(true);
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-1-1')).toBe(false);
    expect(isValidDate('2026-10-10T00:00')).toBe(false);
    expect(isValidDate(20261010)).toBe(false);
  });
  it('moves and lists dates across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(datesInRange('2026-09-29', '2026-10-02')).toEqual(['2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02']);
    expect(datesInRange('2026-10-02', '2026-10-01')).toEqual([]);
    expect(isoWeekday('2026-10-10')).toBe(6);
    expect(isoWeekday('2026-10-11')).toBe(7);
    expect(isoWeekday('2026-10-12')).toBe(1);
  });
  it('knows the Asia/Shanghai day of an instant and its bounds', () => {
    expect(shanghaiDate(new Date('2026-09-24T15:59:59.999Z'))).toBe('2026-09-24');
    expect(shanghaiDate(new Date('2026-09-24T16:00:00Z'))).toBe('2026-09-25');
    expect(startOfDay('2026-10-09').toISOString()).toBe('2026-10-08T16:00:00.000Z');
    expect(endOfDay('2026-10-09').toISOString()).toBe('2026-10-09T15:59:59.999Z');
  });
});

describe('the official calendar, 2026 Mid-Autumn and National Day (国务院办公厅 notice on the 2026 holidays)', () => {
  const day = (d: string) => resolveDay(d, OFFICIAL_SCHEDULE, none);
  it('knows 2026 and not 2027', () => {
    const years = scheduleYears(OFFICIAL_SCHEDULE);
    expect(years.has(2026)).toBe(true);
    expect(years.has(2027)).toBe(false);
  });
  it('gives 中秋节 9-25..27 off', () => {
    expect(day('2026-09-24')).toEqual({ date: '2026-09-24', workday: true, name: null });
    for (const d of ['2026-09-25', '2026-09-26', '2026-09-27']) expect(day(d)).toEqual({ date: d, workday: false, name: '中秋节' });
    expect(day('2026-09-28').workday).toBe(true);
  });
  it('gives 国庆节 10-01..07 off, with Sunday 9-20 and Saturday 10-10 worked', () => {
    for (const d of datesInRange('2026-10-01', '2026-10-07')) expect(day(d)).toEqual({ date: d, workday: false, name: '国庆节' });
    expect(day('2026-10-08').workday).toBe(true);
    expect(day('2026-10-09').workday).toBe(true);
    expect(day('2026-10-10')).toEqual({ date: '2026-10-10', workday: true, name: '国庆节调休上班' });
    expect(day('2026-09-20')).toEqual({ date: '2026-09-20', workday: true, name: '国庆节调休上班' });
    expect(day('2026-10-11').workday).toBe(false);
    expect(day('2026-10-03').workday).toBe(false);
  });
  it('falls back to weekends only for a year the package does not know', () => {
    expect(day('2027-10-01')).toEqual({ date: '2027-10-01', workday: true, name: null });
    expect(day('2027-10-02')).toEqual({ date: '2027-10-02', workday: false, name: null });
    expect(day('2027-01-01').workday).toBe(true);
  });
  it('lets an override win over the package and over the weekend rule', () => {
    const o = new Map<string, Override>([
      ['2027-10-01', { workday: false, name: '国庆节' }],
      ['2026-10-10', { workday: false, name: '临时闭厅' }],
      ['2027-09-26', { workday: true, name: '国庆节调休上班' }],
    ]);
    expect(resolveDay('2027-10-01', OFFICIAL_SCHEDULE, o)).toEqual({ date: '2027-10-01', workday: false, name: '国庆节' });
    expect(resolveDay('2026-10-10', OFFICIAL_SCHEDULE, o).workday).toBe(false);
    expect(resolveDay('2027-09-26', OFFICIAL_SCHEDULE, o).workday).toBe(true);
  });
});

describe('working-day arithmetic over the 2026 holidays', () => {
  it('counts promised days from acceptance, the day of acceptance not counted', () => {
    expect(addWorkingDays('2026-09-24', 1, official)).toBe('2026-09-28');
    expect(addWorkingDays('2026-09-24', 3, official)).toBe('2026-09-30');
    expect(addWorkingDays('2026-09-24', 4, official)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-24', 5, official)).toBe('2026-10-09');
    expect(addWorkingDays('2026-09-24', 6, official)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-24', 7, official)).toBe('2026-10-12');
    expect(addWorkingDays('2026-09-24', 0, official)).toBe('2026-09-24');
  });
  it('counts from a non-working day of acceptance the same way', () => {
    expect(addWorkingDays('2026-10-03', 1, official)).toBe('2026-10-08');
  });
  it('refuses negative or fractional counts', () => {
    expect(() => addWorkingDays('2026-09-24', -1, official)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-09-24', 1.5, official)).toThrow(RangeError);
  });
  it('is due at the end of the last working day, in Shanghai time', () => {
    // accepted late on 9-24 Shanghai time (still 9-24 there, though 9-24 UTC too)
    expect(dueAt(new Date('2026-09-24T09:30:00+08:00'), 5, official).toISOString()).toBe('2026-10-09T15:59:59.999Z');
    // 00:30 on 9-25 Shanghai is 9-24 16:30 UTC: the day of acceptance is 9-25 (a holiday)
    expect(dueAt(new Date('2026-09-24T16:30:00Z'), 1, official).toISOString()).toBe('2026-09-28T15:59:59.999Z');
  });
  it('finds the next and the previous working day', () => {
    expect(nextWorkday('2026-09-30', official)).toBe('2026-10-08');
    expect(nextWorkday('2026-10-09', official)).toBe('2026-10-10');
    expect(lastWorkdayBefore('2026-10-08', official)).toBe('2026-09-30');
    expect(lastWorkdayBefore('2026-10-12', official)).toBe('2026-10-10');
    expect(lastWorkdayBefore('2026-09-28', official)).toBe('2026-09-24');
    expect(workdayOnOrAfter('2026-10-01', official)).toBe('2026-10-08');
    expect(workdayOnOrAfter('2026-10-09', official)).toBe('2026-10-09');
  });
  it('counts working days between two dates, inverse of adding them', () => {
    expect(workingDaysBetween('2026-09-24', '2026-10-09', official)).toBe(5);
    expect(workingDaysBetween('2026-10-09', '2026-09-24', official)).toBe(-5);
    expect(workingDaysBetween('2026-10-01', '2026-10-07', official)).toBe(0);
    expect(workingDaysBetween('2026-10-09', '2026-10-09', official)).toBe(0);
    for (let n = 0; n < 30; n++) expect(workingDaysBetween('2026-09-01', addWorkingDays('2026-09-01', n, official), official)).toBe(n);
  });
  it('judges one working day of notice (off-hours requests)', () => {
    // Saturday 2026-10-17: Friday 10-16 until 23:59:59.999 Shanghai is in time
    expect(isNoticeInTime(new Date('2026-10-16T23:59:59+08:00'), '2026-10-17', official)).toBe(true);
    expect(isNoticeInTime(new Date('2026-10-17T00:00:00+08:00'), '2026-10-17', official)).toBe(false);
    // Wednesday evening 10-14: Wednesday morning is too late, Tuesday is fine
    expect(isNoticeInTime(new Date('2026-10-14T09:00:00+08:00'), '2026-10-14', official)).toBe(false);
    expect(isNoticeInTime(new Date('2026-10-13T17:00:00+08:00'), '2026-10-14', official)).toBe(true);
    // a holiday appointment on 10-05: the last working day before is 9-30
    expect(isNoticeInTime(new Date('2026-09-30T20:00:00+08:00'), '2026-10-05', official)).toBe(true);
    expect(isNoticeInTime(new Date('2026-10-01T08:00:00+08:00'), '2026-10-05', official)).toBe(false);
  });
  it('gives up rather than loop forever on a calendar with no working days', () => {
    expect(() => nextWorkday('2026-01-01', () => false)).toThrow(RangeError);
  });
});
