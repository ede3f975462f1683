import { isWeekend } from '../calendar/calendar.rules';
import {
  atLocalTime,
  bookingHorizon,
  canCancel,
  centreCancellationNotice,
  checkInCode,
  graceOver,
  localTime,
  noShowFrom,
  noShowStanding,
  planSlots,
  sessionSlots,
  slotBookability,
  standingMessage,
} from './booking.rules';
import { checkInRefusal, contactEffect, countsAtGrace } from './booking.rules';

// 2026 National Day: 10-01..10-08 off, Saturday 10-10 a working day (simplified here)
const holidays = new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08']);
const swapped = new Set(['2026-10-10']);
const isWorkday = (d: string) => swapped.has(d) || (!holidays.has(d) && !isWeekend(d));

const at = (iso: string) => new Date(iso);

describe('local time', () => {
  it('converts Asia/Shanghai wall time to instants and back', () => {
    expect(atLocalTime('2026-11-24', '09:00').toISOString()).toBe('2026-11-24T01:00:00.000Z');
    expect(localTime(at('2026-11-24T01:30:00Z'))).toBe('09:30');
  });
});

describe('slotBookability', () => {
  const now = at('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai
  const slot = (iso: string, extra = {}) => ({ startAt: at(iso), kind: 'regular' as const, active: true, fromTemplate: true, ...extra });
  it('offers future slots on working days within the horizon', () => {
    expect(slotBookability(slot('2026-11-24T01:00:00Z'), now, 14, isWorkday)).toBe('ok');
    expect(slotBookability(slot('2026-12-07T01:00:00Z'), now, 14, isWorkday)).toBe('ok'); // today + 14
  });
  it('refuses past, started, too distant, closed-day and off-hours slots', () => {
    expect(slotBookability(slot('2026-11-23T02:00:00Z'), now, 14, isWorkday)).toBe('past');
    expect(slotBookability(slot('2026-12-08T01:00:00Z'), now, 14, isWorkday)).toBe('beyond_horizon');
    expect(slotBookability(slot('2026-11-28T01:00:00Z'), now, 14, isWorkday)).toBe('closed'); // Saturday
    expect(slotBookability(slot('2026-11-24T01:00:00Z', { kind: 'offhours' }), now, 14, isWorkday)).toBe('closed');
    expect(slotBookability(slot('2026-11-24T01:00:00Z', { active: false }), now, 14, isWorkday)).toBe('closed_by_centre');
  });
  it('offers a special single slot on a closed day', () => {
    expect(slotBookability(slot('2026-11-28T01:00:00Z', { fromTemplate: false }), now, 14, isWorkday)).toBe('ok');
  });
});

describe('cancel and grace', () => {
  const start = at('2026-11-24T01:00:00Z');
  it('cancels until the start, not after', () => {
    expect(canCancel(start, at('2026-11-24T00:59:59Z'))).toBe(true);
    expect(canCancel(start, start)).toBe(false);
  });
  it('lets staff mark a no-show only after the grace period', () => {
    expect(graceOver(start, at('2026-11-24T01:29:59Z'), 30)).toBe(false);
    expect(graceOver(start, at('2026-11-24T01:30:00Z'), 30)).toBe(true);
    expect(graceOver(start, at('2026-11-24T01:59:00Z'), 60)).toBe(false);
  });
  it('says from when a no-show may be recorded: the start plus the grace period', () => {
    expect(noShowFrom(start, 30).toISOString()).toBe('2026-11-24T01:30:00.000Z');
    expect(graceOver(start, noShowFrom(start, 45), 45)).toBe(true);
  });
});

describe('planSlots', () => {
  const templates = [
    { id: 't1', hallId: 'h', serviceId: null, weekday: 1, start: '09:00', end: '09:30', capacity: 5 },
    { id: 't3', hallId: 'h', serviceId: 's', weekday: 3, start: '14:00', end: '14:30', capacity: 2 },
  ];
  it('makes slots on working days whose weekday a template names', () => {
    const s = planSlots(templates, '2026-11-23', '2026-11-29', isWorkday);
    expect(s.map((x) => `${x.day} ${x.templateId}`)).toEqual(['2026-11-23 t1', '2026-11-25 t3']);
    expect(s[0].startAt.toISOString()).toBe('2026-11-23T01:00:00.000Z');
  });
  it('skips the National Day holiday and opens the swapped Saturday like a Monday', () => {
    const s = planSlots(templates, '2026-09-28', '2026-10-11', isWorkday);
    expect(s.map((x) => x.day)).toEqual(['2026-09-28', '2026-09-30', '2026-10-10']);
  });
});

describe('noShowStanding', () => {
  const ns = (id: string, iso: string, waivedIso: string | null = null) => ({ bookingId: id, at: at(iso), waivedAt: waivedIso ? at(waivedIso) : null });
  const now = at('2026-12-31T00:00:00Z');
  it('forfeits at the threshold and names each no-show', () => {
    const s = noShowStanding([ns('a', '2026-11-01T01:00:00Z'), ns('b', '2026-11-02T01:00:00Z'), ns('c', '2026-11-03T01:00:00Z')], [], 3, 0, now);
    expect(s).toMatchObject({ noShows: 3, forfeited: true, until: null });
    expect(s.record.map((r) => r.status)).toEqual(['counts', 'counts', 'counts']);
  });
  it('stays eligible below the threshold, and warns', () => {
    const s = noShowStanding([ns('a', '2026-11-01T01:00:00Z'), ns('b', '2026-11-02T01:00:00Z')], [], 3, 0, now);
    expect(s.forfeited).toBe(false);
    expect(standingMessage(s)).toBe('已爽约 2 次，再爽约 1 次将暂停预约资格');
  });
  it('a waiver un-counts a no-show and lifts the forfeiture', () => {
    const s = noShowStanding(
      [ns('a', '2026-11-01T01:00:00Z'), ns('b', '2026-11-02T01:00:00Z', '2026-11-04T00:00:00Z'), ns('c', '2026-11-03T01:00:00Z')],
      [],
      3,
      0,
      now,
    );
    expect(s).toMatchObject({ noShows: 2, forfeited: false });
    expect(s.record.find((r) => r.bookingId === 'b')?.status).toBe('waived');
  });
  it('reinstatement starts the count afresh: only later no-shows count', () => {
    const events = [ns('a', '2026-11-01T01:00:00Z'), ns('b', '2026-11-02T01:00:00Z'), ns('c', '2026-11-03T01:00:00Z'), ns('d', '2026-11-10T01:00:00Z')];
    const s = noShowStanding(events, [at('2026-11-05T00:00:00Z')], 3, 0, now);
    expect(s).toMatchObject({ noShows: 1, forfeited: false });
    expect(s.record.map((r) => r.status)).toEqual(['before_reset', 'before_reset', 'before_reset', 'counts']);
  });
  it('with FORFEIT_DAYS the forfeiture lapses by itself and the count restarts', () => {
    const events = [ns('a', '2026-11-01T01:00:00Z'), ns('b', '2026-11-02T01:00:00Z'), ns('c', '2026-11-03T01:00:00Z')];
    const during = noShowStanding(events, [], 3, 30, at('2026-11-20T00:00:00Z'));
    expect(during.forfeited).toBe(true);
    expect(during.until?.toISOString()).toBe('2026-12-03T01:00:00.000Z');
    expect(standingMessage(during)).toContain('2026-12-03');
    const after = noShowStanding(events, [], 3, 30, at('2026-12-03T01:00:00Z'));
    expect(after).toMatchObject({ noShows: 0, forfeited: false });
    expect(after.record.every((r) => r.status === 'lapsed')).toBe(true);
  });
  it('a waiver lifts a forfeiture from the moment it is given', () => {
    const events = [ns('a', '2026-11-01T01:00:00Z'), ns('b', '2026-11-02T01:00:00Z'), ns('c', '2026-11-03T01:00:00Z', '2026-11-05T00:00:00Z')];
    expect(noShowStanding(events, [], 3, 0, at('2026-11-04T00:00:00Z')).forfeited).toBe(true);
    expect(noShowStanding(events, [], 3, 0, at('2026-11-05T00:00:00Z'))).toMatchObject({ forfeited: false, noShows: 2 });
  });
  it('a waiver after a lapse does not bring the reset no-shows back', () => {
    const events = [ns('a', '2026-11-01T01:00:00Z', '2027-03-01T00:00:00Z'), ns('b', '2026-11-02T01:00:00Z'), ns('c', '2026-11-03T01:00:00Z')];
    const s = noShowStanding(events, [], 3, 90, at('2027-03-02T00:00:00Z'));
    expect(s).toMatchObject({ noShows: 0, forfeited: false });
    expect(s.record.map((r) => r.status)).toEqual(['waived', 'lapsed', 'lapsed']);
  });
  it('ignores no-shows in the future of `now`', () => {
    expect(noShowStanding([ns('a', '2027-01-01T00:00:00Z')], [], 3, 0, now).noShows).toBe(0);
  });
});

describe('checkInCode', () => {
  it('has 8 characters without look-alikes', () => {
    const c = checkInCode(new Uint8Array([0, 1, 2, 3, 250, 251, 252, 255]));
    expect(c).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  });
});

describe('sessionSlots', () => {
  it('fills each session with back-to-back slots of the given length', () => {
    const s = sessionSlots([['09:00', '12:00'], ['13:30', '17:00']], 30);
    expect(s).toHaveLength(6 + 7);
    expect(s[0]).toEqual({ start: '09:00', end: '09:30' });
    expect(s[5]).toEqual({ start: '11:30', end: '12:00' });
    expect(s[6]).toEqual({ start: '13:30', end: '14:00' });
    expect(s[12]).toEqual({ start: '16:30', end: '17:00' });
    for (const x of s) expect(x.end > x.start).toBe(true);
  });
  it('leaves out a remainder shorter than a slot, and nothing of an empty session', () => {
    expect(sessionSlots([['08:30', '09:45']], 30)).toEqual([
      { start: '08:30', end: '09:00' },
      { start: '09:00', end: '09:30' },
    ]);
    expect(sessionSlots([['10:00', '10:00']], 30)).toEqual([]);
  });
  it('refuses a bad time or length', () => {
    expect(() => sessionSlots([['9:00', '12:00']], 30)).toThrow(RangeError);
    expect(() => sessionSlots([['09:00', '12:00']], 0)).toThrow(RangeError);
  });
});

describe('bookingHorizon', () => {
  it('runs from today in Shanghai to today + the horizon days', () => {
    // 2026-11-30 20:00 UTC is already 1 December in Shanghai
    expect(bookingHorizon(at('2026-11-30T20:00:00Z'), 14)).toEqual({ from: '2026-12-01', to: '2026-12-15' });
    expect(bookingHorizon(at('2026-11-30T15:59:00Z'), 1)).toEqual({ from: '2026-11-30', to: '2026-12-01' });
  });
});

describe('centreCancellationNotice', () => {
  it('says why, that it does not count as a no-show, and offers another slot', () => {
    const n = centreCancellationNotice({
      day: '2026-12-08',
      startAt: at('2026-12-08T01:00:00Z'),
      endAt: at('2026-12-08T01:30:00Z'),
      hallName: '清河市政务服务中心',
      serviceName: '户口迁移',
      reason: '系统升级，暂停办理',
    });
    expect(n.title).toContain('取消');
    expect(n.body).toContain('2026-12-08 09:00-09:30');
    expect(n.body).toContain('户口迁移');
    expect(n.body).toContain('原因：系统升级，暂停办理');
    expect(n.body).toContain('不计入爽约');
    expect(n.body).toContain('其他时段预约');
  });

  it('names the nearest free slots when there are some', () => {
    const booking = { day: '2026-12-08', startAt: at('2026-12-08T01:00:00Z'), endAt: at('2026-12-08T01:30:00Z'), hallName: '', serviceName: '户口迁移' };
    const n = centreCancellationNotice({
      ...booking,
      reason: '窗口设备故障',
      offers: [
        { start: at('2026-12-08T02:00:00Z'), end: at('2026-12-08T02:30:00Z') },
        { start: at('2026-12-09T01:00:00Z'), end: at('2026-12-09T01:30:00Z') },
      ],
    });
    expect(n.body).toContain('最近可预约的时段：2026-12-08 10:00-10:30、2026-12-09 09:00-09:30');
  });
});

describe('no-shows by the hall’s own rules', () => {
  const start = new Date('2026-12-08T01:00:00Z'); // 09:00 Shanghai
  const day = '2026-12-08';
  const late = new Date('2026-12-08T01:40:00Z');

  it('counts at grace without a contact rule; with one only after a failed call', () => {
    expect(countsAtGrace(false, null)).toBe(true);
    expect(countsAtGrace(true, null)).toBe(false);
    expect(countsAtGrace(true, true)).toBe(false);
    expect(countsAtGrace(true, false)).toBe(true);
  });

  it('a failed call makes a pending no-show count; on a late booking it is only recorded', () => {
    expect(contactEffect({ status: 'no_show', noShowCounts: false, startAt: start, day }, { reached: false, outcome: 'none' }, late)).toBe('count');
    expect(contactEffect({ status: 'booked', noShowCounts: true, startAt: start, day }, { reached: false, outcome: 'none' }, late)).toBe('record');
  });

  it('a reached applicant who comes stays uncounted; one who gives up or reschedules is cancelled without penalty', () => {
    expect(contactEffect({ status: 'no_show', noShowCounts: false, startAt: start, day }, { reached: true, outcome: 'coming' }, late)).toBe('record');
    expect(contactEffect({ status: 'no_show', noShowCounts: false, startAt: start, day }, { reached: true, outcome: 'gave_up' }, late)).toBe('cancel');
    expect(contactEffect({ status: 'booked', noShowCounts: true, startAt: start, day }, { reached: true, outcome: 'reschedule' }, late)).toBe('cancel');
  });

  it('a counted no-show stays counted whatever the call', () => {
    expect(contactEffect({ status: 'no_show', noShowCounts: true, startAt: start, day }, { reached: true, outcome: 'gave_up' }, late)).toBe('record');
  });

  it('refuses calls before the start, on another day, on finished bookings, and mismatched outcomes', () => {
    const b = { status: 'booked', noShowCounts: true, startAt: start, day };
    expect(contactEffect(b, { reached: true, outcome: 'coming' }, new Date('2026-12-08T00:59:00Z'))).toMatchObject({ code: 'INVALID_STATE' });
    expect(contactEffect({ ...b, status: 'no_show', noShowCounts: false }, { reached: false, outcome: 'none' }, new Date('2026-12-08T16:00:00Z'))).toMatchObject({ code: 'INVALID_STATE' }); // 00:00 next day Shanghai
    expect(contactEffect({ ...b, status: 'checked_in' }, { reached: true, outcome: 'coming' }, late)).toMatchObject({ code: 'INVALID_STATE' });
    expect(contactEffect(b, { reached: false, outcome: 'coming' }, late)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(contactEffect(b, { reached: true, outcome: 'none' }, late)).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('checks in a booked booking or a late applicant’s no-show, on its day only', () => {
    expect(checkInRefusal({ status: 'booked', day }, late)).toBeNull();
    expect(checkInRefusal({ status: 'no_show', day }, late)).toBeNull();
    expect(checkInRefusal({ status: 'checked_in', day }, late)).toBe('该预约已签到');
    expect(checkInRefusal({ status: 'cancelled_by_centre', day }, late)).toMatch(/不能签到/);
    expect(checkInRefusal({ status: 'no_show', day }, new Date('2026-12-08T16:00:00Z'))).toMatch(/不是今天/);
  });
});
