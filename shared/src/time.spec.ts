import { addDays, dateLabel, dateTimeLabel, isoAt, shanghaiDate, shanghaiTime, slotLabel, weekdayLabel } from './time';

describe('Shanghai dates and times', () => {
  it('reads an instant in Shanghai whatever the host zone', () => {
    // 2026-12-07 16:30 UTC is 00:30 on the 8th in Shanghai
    expect(shanghaiDate('2026-12-07T16:30:00Z')).toBe('2026-12-08');
    expect(shanghaiTime('2026-12-07T16:30:00Z')).toBe('00:30');
  });

  it('shows dates as 2026年12月8日（周二） and times as 12月8日 09:00', () => {
    expect(dateLabel('2026-12-08')).toBe('2026年12月8日（周二）');
    expect(dateLabel('2026-12-08T01:00:00Z')).toBe('2026年12月8日（周二）');
    expect(dateTimeLabel('2026-12-08T01:00:00Z')).toBe('12月8日 09:00');
    expect(slotLabel(isoAt('2026-12-08', '09:00'), isoAt('2026-12-08', '09:30'))).toBe('2026年12月8日（周二） 09:00–09:30');
    expect(weekdayLabel('2026-12-13')).toBe('周日');
  });

  it('counts days across a month end', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
