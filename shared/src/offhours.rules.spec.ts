import { meetsOfficeWindow, OFFICE_WINDOWS, officeHoursText, overlapMessage, workdayClosingTime, workdayWindows } from './offhours.rules';

describe('office windows of a working day', () => {
  it('lets the lunch break and the evening through, not the office hours', () => {
    expect(meetsOfficeWindow('12:00', 90)).toBe(false);
    expect(meetsOfficeWindow('17:00', 120)).toBe(false);
    expect(meetsOfficeWindow('08:00', 60)).toBe(false);
    expect(meetsOfficeWindow('08:30', 60)).toBe(true);
    expect(meetsOfficeWindow('12:30', 90)).toBe(true);
  });

  it('words the windows for people', () => {
    expect(officeHoursText()).toBe('9:00–12:00、13:30–17:00');
    expect(overlapMessage()).toContain('9:00–12:00、13:30–17:00');
  });
});

describe('workdayWindows: a hall’s office windows on a working day, from its opening hours', () => {
  const hours = [
    { weekday: 2, start: '14:30', end: '18:00' },
    { weekday: 2, start: '08:30', end: '12:00' },
    { weekday: 5, start: '08:30', end: '11:30' },
  ];
  it('takes the windows of the date’s weekday, ordered by start', () => {
    expect(workdayWindows(hours, '2026-11-24')).toEqual([['08:30', '12:00'], ['14:30', '18:00']]); // Tuesday
    expect(workdayClosingTime(hours, '2026-11-27')).toBe('11:30'); // Friday
  });
  it('gives a swapped working Saturday (调休) the windows of the hall’s first weekday that has some', () => {
    expect(workdayWindows(hours, '2026-10-10')).toEqual([['08:30', '12:00'], ['14:30', '18:00']]);
    expect(workdayClosingTime(hours, '2026-10-10')).toBe('18:00');
  });
  it('falls back to the regular office windows for a hall without hours', () => {
    expect(workdayWindows([], '2026-11-24')).toEqual(OFFICE_WINDOWS);
    expect(workdayClosingTime([], '2026-11-24')).toBe('17:00');
  });
});
