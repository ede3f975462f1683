import { isNoticeInTime, isWeekend } from '../calendar/calendar.rules';
import { workdayClosingTime, workdayWindows } from '@gov/shared';
import { checkOffhoursRequest, hasDatePassed, isOffHours, noticeDeadline, officeHoursText, officeOverlap, overlapMessage, replyDeadline } from './offhours.rules';

// 2026: National Day 1–8 October off, Saturday 10 October a swapped working day (调休)
const holidays = new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08']);
const isWorkday = (d: string) => d === '2026-10-10' || (!holidays.has(d) && !isWeekend(d));
/** an Asia/Shanghai wall time */
const sh = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
const WED = '2026-11-25';

describe('officeOverlap: the whole interval against 9:00–12:00 and 13:30–17:00 of a working day', () => {
  it('finds an interval that starts before office hours and runs into them (08:00–10:00 on a working Wednesday)', () => {
    expect(officeOverlap(sh(WED, '08:00'), sh(WED, '10:00'), isWorkday)).toBe('end');
    expect(isOffHours(sh(WED, '08:00'), sh(WED, '10:00'), isWorkday)).toBe(false);
  });
  it('blames the start when the interval begins inside a window', () => {
    expect(officeOverlap(sh(WED, '16:30'), sh(WED, '18:00'), isWorkday)).toBe('start');
    expect(officeOverlap(sh(WED, '09:00'), sh(WED, '10:00'), isWorkday)).toBe('start');
  });
  it('finds an interval that covers a whole window though both its ends are outside', () => {
    expect(officeOverlap(sh(WED, '08:45'), sh(WED, '12:15'), isWorkday)).toBe('end');
  });
  it('looks at intervals crossing the lunch break 12:00–13:30', () => {
    expect(officeOverlap(sh(WED, '12:00'), sh(WED, '13:30'), isWorkday)).toBeNull();
    expect(officeOverlap(sh(WED, '12:15'), sh(WED, '13:15'), isWorkday)).toBeNull();
    expect(officeOverlap(sh(WED, '11:30'), sh(WED, '12:30'), isWorkday)).toBe('start');
    expect(officeOverlap(sh(WED, '12:30'), sh(WED, '14:00'), isWorkday)).toBe('end');
    expect(officeOverlap(sh(WED, '11:59'), sh(WED, '13:31'), isWorkday)).toBe('start');
  });
  it('treats the edges of a window as outside it', () => {
    expect(officeOverlap(sh(WED, '07:30'), sh(WED, '09:00'), isWorkday)).toBeNull();
    expect(officeOverlap(sh(WED, '17:00'), sh(WED, '19:00'), isWorkday)).toBeNull();
  });
  it('looks at each day an interval across midnight touches', () => {
    expect(officeOverlap(sh('2026-11-24', '22:00'), sh(WED, '02:00'), isWorkday)).toBeNull();
    expect(officeOverlap(sh('2026-11-24', '23:00'), sh(WED, '09:30'), isWorkday)).toBe('end');
    expect(officeOverlap(sh('2026-11-27', '22:00'), sh('2026-11-28', '10:00'), isWorkday)).toBeNull(); // Friday night into Saturday
    expect(officeOverlap(sh('2026-11-29', '22:00'), sh('2026-11-30', '09:15'), isWorkday)).toBe('end'); // Sunday night into Monday
  });
  it('gives a non-working day no office hours: weekends and public holidays', () => {
    expect(officeOverlap(sh('2026-11-28', '09:00'), sh('2026-11-28', '12:00'), isWorkday)).toBeNull(); // Saturday
    expect(officeOverlap(sh('2026-10-05', '10:00'), sh('2026-10-05', '14:00'), isWorkday)).toBeNull(); // a Monday of National Day
  });
  it('gives a swapped working weekend (调休) the office hours of a working day', () => {
    expect(officeOverlap(sh('2026-10-10', '10:00'), sh('2026-10-10', '11:00'), isWorkday)).toBe('start');
    expect(officeOverlap(sh('2026-10-10', '08:00'), sh('2026-10-10', '09:30'), isWorkday)).toBe('end');
    expect(officeOverlap(sh('2026-10-10', '18:00'), sh('2026-10-10', '20:00'), isWorkday)).toBeNull();
  });
  it('takes a hall’s own windows when given', () => {
    const county = [['08:30', '12:00'], ['14:30', '17:30']] as const;
    expect(officeOverlap(sh(WED, '08:00'), sh(WED, '08:45'), isWorkday, county)).toBe('end');
    expect(officeOverlap(sh(WED, '13:30'), sh(WED, '14:30'), isWorkday, county)).toBeNull();
    expect(officeHoursText(county)).toBe('8:30–12:00、14:30–17:30');
  });
  it('says which hours are taken', () => {
    expect(overlapMessage()).toBe('所选时间与工作时间（9:00–12:00、13:30–17:00）重叠，请直接预约工作时间的号源');
  });
});

describe('isOffHours', () => {
  it('treats evenings, early mornings and the lunch break of a working day as off-hours', () => {
    expect(isOffHours(sh(WED, '18:00'), sh(WED, '19:00'), isWorkday)).toBe(true);
    expect(isOffHours(sh(WED, '07:30'), sh(WED, '08:30'), isWorkday)).toBe(true);
    expect(isOffHours(sh(WED, '12:00'), sh(WED, '13:00'), isWorkday)).toBe(true);
  });
  it('does not treat office hours as off-hours', () => {
    expect(isOffHours(sh(WED, '09:00'), sh(WED, '10:00'), isWorkday)).toBe(false);
    expect(isOffHours(sh(WED, '14:00'), sh(WED, '17:00'), isWorkday)).toBe(false);
  });
  it('treats any time of a non-working day as off-hours', () => {
    expect(isOffHours(sh('2026-11-28', '10:00'), sh('2026-11-28', '11:00'), isWorkday)).toBe(true);
    expect(isOffHours(sh('2026-10-05', '10:00'), sh('2026-10-05', '11:00'), isWorkday)).toBe(true);
  });
});

describe('checkOffhoursRequest', () => {
  const now = sh('2026-11-23', '10:00');
  it('accepts an evening span', () => expect(checkOffhoursRequest(sh(WED, '18:00'), sh(WED, '19:00'), now, isWorkday)).toBe('ok'));
  it('refuses inverted, overnight, too long and past spans', () => {
    expect(checkOffhoursRequest(sh(WED, '19:00'), sh(WED, '18:00'), now, isWorkday)).toBe('bad_range');
    expect(checkOffhoursRequest(sh(WED, '22:00'), sh('2026-11-26', '01:00'), now, isWorkday)).toBe('bad_range');
    expect(checkOffhoursRequest(sh('2026-11-28', '08:00'), sh('2026-11-28', '12:30'), now, isWorkday)).toBe('bad_range');
    expect(checkOffhoursRequest(sh('2026-11-22', '18:00'), sh('2026-11-22', '19:00'), now, isWorkday)).toBe('past');
  });
  it('refuses a span that meets office hours, naming the end that lies in them', () => {
    expect(checkOffhoursRequest(sh(WED, '09:00'), sh(WED, '10:00'), now, isWorkday)).toBe('overlaps_start');
    expect(checkOffhoursRequest(sh(WED, '08:00'), sh(WED, '10:00'), now, isWorkday)).toBe('overlaps_end');
  });
});

describe('one working day of notice (DESIGN.md examples)', () => {
  const at = (iso: string) => new Date(iso);
  it('Friday for Saturday is fine', () => {
    expect(isNoticeInTime(at('2026-11-27T09:00:00Z'), '2026-11-28', isWorkday)).toBe(true); // Fri 17:00 for Sat
  });
  it('Wednesday morning for Wednesday evening is not', () => {
    expect(isNoticeInTime(at('2026-11-25T01:00:00Z'), '2026-11-25', isWorkday)).toBe(false);
  });
  it('across the National Day holiday the last working day is 30 September', () => {
    expect(isNoticeInTime(at('2026-09-30T15:59:59Z'), '2026-10-05', isWorkday)).toBe(true);
    expect(isNoticeInTime(at('2026-10-01T02:00:00Z'), '2026-10-05', isWorkday)).toBe(false);
  });
});

// A county hall (新郑-like): Monday–Thursday 8:30–12:00 and 14:30–18:00, Friday mornings only, closed at the weekend.
const county = [1, 2, 3, 4].flatMap((weekday) => [
  { weekday, start: '08:30', end: '12:00' },
  { weekday, start: '14:30', end: '18:00' },
]).concat([{ weekday: 5, start: '08:30', end: '11:30' }]);
const countyClosing = (d: string) => workdayClosingTime(county, d);
const countyWindows = (d: string) => workdayWindows(county, d);

describe('noticeDeadline: closing time, by the hall’s hours, of the last working day before (process in America/New_York)', () => {
  it('runs the test in another zone than Shanghai, so that nothing leans on the host zone', () => {
    expect(new Date('2026-11-27T12:00:00Z').getTimezoneOffset()).toBe(300);
  });
  it('across a weekend: a Sunday request is due by Friday’s closing, 11:30 for the county hall and 17:00 by default', () => {
    expect(noticeDeadline('2026-11-29', isWorkday, countyClosing)).toEqual(sh('2026-11-27', '11:30'));
    expect(noticeDeadline('2026-11-29', isWorkday, (d) => workdayClosingTime([], d))).toEqual(sh('2026-11-27', '17:00'));
    expect(noticeDeadline('2026-11-28', isWorkday, countyClosing)).toEqual(sh('2026-11-27', '11:30')); // Friday for Saturday
  });
  it('the cut-off is closing time, not midnight: Friday 11:30 is in time, 11:31 is not', () => {
    const deadline = noticeDeadline('2026-11-28', isWorkday, countyClosing).getTime();
    expect(sh('2026-11-27', '11:30').getTime()).toBeLessThanOrEqual(deadline);
    expect(sh('2026-11-27', '11:31').getTime()).toBeGreaterThan(deadline);
  });
  it('a Monday evening request is due by Friday’s closing, the weekend skipped', () => {
    expect(noticeDeadline('2026-11-30', isWorkday, countyClosing)).toEqual(sh('2026-11-27', '11:30'));
  });
  it('after National Day the swapped Saturday (调休, 10 October) is the last working day, with the hall’s weekday hours', () => {
    // 11 October (Sunday): the day before is the 调休 Saturday; the county hall lists no Saturday hours, so it works as Monday (closes 18:00)
    expect(noticeDeadline('2026-10-11', isWorkday, countyClosing)).toEqual(sh('2026-10-10', '18:00'));
    // 9 October is still a holiday: a request for it was due on 30 September (Wednesday, 18:00)
    expect(noticeDeadline('2026-10-09', isWorkday, countyClosing)).toEqual(sh('2026-09-30', '18:00'));
  });
  it('gives a 调休 Saturday the hall’s weekday office windows for the overlap check', () => {
    expect(officeOverlap(sh('2026-10-10', '17:00'), sh('2026-10-10', '17:30'), isWorkday, countyWindows)).toBe('start');
    expect(officeOverlap(sh('2026-10-10', '18:00'), sh('2026-10-10', '19:00'), isWorkday, countyWindows)).toBeNull();
  });
  it('uses the hall’s windows of that weekday: Friday afternoon is off-hours at the county hall, 17:00 Monday is not', () => {
    expect(isOffHours(sh('2026-11-27', '14:00'), sh('2026-11-27', '15:00'), isWorkday, countyWindows)).toBe(true);
    expect(officeOverlap(sh('2026-11-30', '17:00'), sh('2026-11-30', '18:30'), isWorkday, countyWindows)).toBe('start');
    expect(officeOverlap(sh('2026-11-30', '12:30'), sh('2026-11-30', '14:00'), isWorkday, countyWindows)).toBeNull();
  });
});

describe('replyDeadline: staff answer within one working day', () => {
  it('a request made on Wednesday is due by Thursday’s closing', () => {
    expect(replyDeadline(sh(WED, '10:00'), sh('2026-12-05', '10:00'), isWorkday, countyClosing)).toEqual(sh('2026-11-26', '18:00'));
  });
  it('a request made on Friday evening or at the weekend is due by Monday’s closing', () => {
    expect(replyDeadline(sh('2026-11-27', '20:00'), sh('2026-12-05', '10:00'), isWorkday, countyClosing)).toEqual(sh('2026-11-30', '18:00'));
    expect(replyDeadline(sh('2026-11-28', '09:00'), sh('2026-12-05', '10:00'), isWorkday, countyClosing)).toEqual(sh('2026-11-30', '18:00'));
  });
  it('the 调休 Saturday counts as the working day to answer on', () => {
    expect(replyDeadline(sh('2026-10-09', '10:00'), sh('2026-10-17', '10:00'), isWorkday, countyClosing)).toEqual(sh('2026-10-10', '18:00'));
  });
  it('never later than the requested start (Friday morning for Saturday morning)', () => {
    expect(replyDeadline(sh('2026-11-27', '09:00'), sh('2026-11-28', '10:00'), isWorkday, countyClosing)).toEqual(sh('2026-11-28', '10:00'));
  });
});

describe('hasDatePassed (the expiry of an unanswered request)', () => {
  it('is false on the requested day itself and true from the next Shanghai midnight', () => {
    expect(hasDatePassed(sh('2026-11-28', '10:00'), sh('2026-11-28', '23:59'))).toBe(false);
    expect(hasDatePassed(sh('2026-11-28', '10:00'), sh('2026-11-29', '00:00'))).toBe(true);
  });
});
