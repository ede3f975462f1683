import { isNoticeInTime, isWeekend } from '../calendar/calendar.rules';
import { checkOffhoursRequest, isOffHours } from './offhours.rules';

const holidays = new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08']);
const isWorkday = (d: string) => d === '2026-10-10' || (!holidays.has(d) && !isWeekend(d));
const at = (iso: string) => new Date(iso);

describe('isOffHours', () => {
  it('treats evenings, early mornings and the lunch break of a working day as off-hours', () => {
    expect(isOffHours(at('2026-11-25T10:00:00Z'), at('2026-11-25T11:00:00Z'), isWorkday)).toBe(true); // Wed 18:00-19:00
    expect(isOffHours(at('2026-11-24T23:30:00Z'), at('2026-11-25T00:30:00Z'), isWorkday)).toBe(true); // Wed 07:30-08:30
    expect(isOffHours(at('2026-11-25T04:00:00Z'), at('2026-11-25T05:00:00Z'), isWorkday)).toBe(true); // 12:00-13:00
  });
  it('does not treat office hours as off-hours', () => {
    expect(isOffHours(at('2026-11-25T01:00:00Z'), at('2026-11-25T02:00:00Z'), isWorkday)).toBe(false); // 09:00-10:00
    expect(isOffHours(at('2026-11-25T06:00:00Z'), at('2026-11-25T09:00:00Z'), isWorkday)).toBe(false); // 14:00-17:00
  });
  it('treats any time of a non-working day as off-hours', () => {
    expect(isOffHours(at('2026-11-28T02:00:00Z'), at('2026-11-28T03:00:00Z'), isWorkday)).toBe(true); // Saturday 10:00
    expect(isOffHours(at('2026-10-05T02:00:00Z'), at('2026-10-05T03:00:00Z'), isWorkday)).toBe(true); // National Day
  });
});

describe('checkOffhoursRequest', () => {
  const now = at('2026-11-23T02:00:00Z');
  it('accepts an evening span', () => expect(checkOffhoursRequest(at('2026-11-25T10:00:00Z'), at('2026-11-25T11:00:00Z'), now, isWorkday)).toBe('ok'));
  it('refuses inverted, overnight, past and office-hours spans', () => {
    expect(checkOffhoursRequest(at('2026-11-25T11:00:00Z'), at('2026-11-25T10:00:00Z'), now, isWorkday)).toBe('bad_range');
    expect(checkOffhoursRequest(at('2026-11-25T14:00:00Z'), at('2026-11-25T17:00:00Z'), now, isWorkday)).toBe('bad_range');
    expect(checkOffhoursRequest(at('2026-11-22T10:00:00Z'), at('2026-11-22T11:00:00Z'), now, isWorkday)).toBe('past');
    expect(checkOffhoursRequest(at('2026-11-25T01:00:00Z'), at('2026-11-25T02:00:00Z'), now, isWorkday)).toBe('not_off_hours');
  });
});

describe('one working day of notice (DESIGN.md examples)', () => {
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
