import { isOffsetTime } from './is-offset-time';

describe('times with an offset (API.md: times are ISO 8601 with offset)', () => {
  it('takes times that carry Z or an offset', () => {
    for (const t of ['2026-12-14T09:00:00+08:00', '2026-12-14T01:00:00Z', '2026-12-14T01:00:00.000Z', '2026-12-14T09:00+08:00', '2026-12-13T20:00:00-05:00', '2026-12-14T09:00:00+0800']) {
      expect([t, isOffsetTime(t)]).toEqual([t, true]);
    }
  });
  it('refuses times read in the host zone, dates alone and impossible days', () => {
    for (const t of ['2026-12-14T09:00:00', '2026-12-14 09:00', '2026-12-14 09:00:00+08:00', '2026-12-14', '09:00', '2026-02-30T09:00:00+08:00', '2026-12-14T24:00:00Z', '2026-12-14T09:00:00+8', '', 'tomorrow']) {
      expect([t, isOffsetTime(t)]).toEqual([t, false]);
    }
    expect(isOffsetTime(1765674000000)).toBe(false);
    expect(isOffsetTime(null)).toBe(false);
  });
});
