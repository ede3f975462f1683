import { isNoticeInTime, isWeekend } from '../calendar/calendar.rules';
import { checkOffhoursRequest, isOffHours, officeHoursText, officeOverlap, overlapMessage } from './offhours.rules';

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
