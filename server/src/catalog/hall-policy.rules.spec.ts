import { closingTimeOn, defaultOpeningHours, defaultPolicy, graceEndsAt, isOpenAt, isoWeekdayOf, openingHoursText, openingTimeOn, policyProblems, windowsOn } from './hall-policy.rules';

const county = {
  openingHours: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '14:30', end: '17:30' },
    { weekday, start: '08:30', end: '12:00' },
  ]),
};

describe('hall policy rules', () => {
  it('numbers weekdays 1 Monday … 7 Sunday', () => {
    expect(isoWeekdayOf('2026-12-07')).toBe(1);
    expect(isoWeekdayOf('2026-12-13')).toBe(7);
  });

  it('defaults to Monday–Friday 9:00–12:00 and 13:30–17:00, grace from config, no contact', () => {
    const p = defaultPolicy('h', 45);
    expect(p).toMatchObject({ noShowGraceMinutes: 45, noShowContactRequired: false, isDefault: true });
    expect(defaultOpeningHours()).toHaveLength(10);
    expect(closingTimeOn(p, '2026-12-11')).toBe('17:00');
    expect(closingTimeOn(p, '2026-12-12')).toBeNull();
  });

  it('finds the day’s windows in order, its opening and its closing time', () => {
    expect(windowsOn(county, '2026-12-08').map((w) => w.start)).toEqual(['08:30', '14:30']);
    expect(openingTimeOn(county, '2026-12-08')).toBe('08:30');
    expect(closingTimeOn(county, '2026-12-08')).toBe('17:30');
  });

  it('is open inside a window in Shanghai time only, whatever the host zone', () => {
    expect(isOpenAt(county, new Date('2026-12-08T00:30:00Z'))).toBe(true); // 08:30 Shanghai
    expect(isOpenAt(county, new Date('2026-12-08T00:29:00Z'))).toBe(false);
    expect(isOpenAt(county, new Date('2026-12-08T04:00:00Z'))).toBe(false); // 12:00, lunch
    expect(isOpenAt(county, new Date('2026-12-08T09:29:00Z'))).toBe(true); // 17:29
    expect(isOpenAt(county, new Date('2026-12-08T09:30:00Z'))).toBe(false); // 17:30, closed
    expect(isOpenAt(county, new Date('2026-12-12T02:00:00Z'))).toBe(false); // Saturday
    // Sunday 23:30 UTC is Monday 07:30 Shanghai: before opening
    expect(isOpenAt(county, new Date('2026-12-06T23:30:00Z'))).toBe(false);
    expect(isOpenAt(county, new Date('2026-12-07T01:00:00Z'))).toBe(true);
  });

  it('ends the grace the policy’s minutes after the start', () => {
    expect(graceEndsAt(new Date('2026-12-08T01:00:00Z'), { noShowGraceMinutes: 60 }).toISOString()).toBe('2026-12-08T02:00:00.000Z');
  });

  it('accepts a sound body and names each problem of a bad one', () => {
    expect(policyProblems({ noShowGraceMinutes: 30, noShowContactRequired: true, openingHours: county.openingHours })).toEqual([]);
    expect(policyProblems({ noShowGraceMinutes: 30, noShowContactRequired: true, openingHours: [] })).toEqual([]);
    const bad = policyProblems({ noShowGraceMinutes: 2000, noShowContactRequired: true, openingHours: [{ weekday: 8, start: '9:00', end: '12:00' }] });
    expect(bad.map((p) => p.field)).toEqual(['noShowGraceMinutes', 'openingHours[0].weekday', 'openingHours[0].start']);
    expect(policyProblems({ noShowGraceMinutes: 0, noShowContactRequired: false, openingHours: [{ weekday: 1, start: '12:00', end: '09:00' }] })[0].field).toBe('openingHours[0].end');
    const overlap = policyProblems({ noShowGraceMinutes: 0, noShowContactRequired: false, openingHours: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '13:00' }] });
    expect(overlap).toEqual([{ field: 'openingHours', message: expect.stringContaining('重叠') }]);
    // touching windows and the same times on different days are fine
    expect(policyProblems({ noShowGraceMinutes: 0, noShowContactRequired: false, openingHours: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '12:00', end: '13:00' }, { weekday: 2, start: '09:00', end: '12:00' }] })).toEqual([]);
  });

  it('writes the hours for people, grouping days alike', () => {
    expect(openingHoursText(county)).toBe('周一至周五 08:30–12:00、14:30–17:30');
    expect(openingHoursText({ openingHours: [...county.openingHours, { weekday: 6, start: '09:00', end: '12:00' }] })).toBe('周一至周五 08:30–12:00、14:30–17:30；周六 09:00–12:00');
  });
});
