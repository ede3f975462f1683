import fc from 'fast-check';
import { APPLICATION_STATUSES } from '@gov/shared';
import { APPLICATION_ACTIONS, ActorKind, slaState, transition, TRANSITIONS } from '../../server/src/applications/applications.rules';
import { NoShowEvent, noShowStanding } from '../../server/src/booking/booking.rules';
import { addDays, addWorkingDays, dueAt, IsWorkday, isNoticeInTime, lastWorkdayBefore, shanghaiDate, workingDaysBetween } from '../../server/src/calendar/calendar.rules';

/** Property-based tests (fast-check) of the pure rules: calendar arithmetic, no-show counting, the filing state machine. */

const DAY = 86_400_000;
const RUNS = { numRuns: 300 };

/** A date from 2020 to 2035. */
const dateArb = fc.integer({ min: 0, max: 365 * 15 }).map((n) => addDays('2020-01-01', n));

/** A random calendar: weekends off unless swapped, random holidays; at least one working day in every 10. */
const calendarArb = fc
  .record({ holidays: fc.uniqueArray(fc.integer({ min: 0, max: 365 * 16 }), { maxLength: 300 }), swapped: fc.uniqueArray(fc.integer({ min: 0, max: 365 * 16 }), { maxLength: 60 }) })
  .map(({ holidays, swapped }) => {
    const off = new Set(holidays.map((n) => addDays('2020-01-01', n)));
    const on = new Set(swapped.map((n) => addDays('2020-01-01', n)));
    const isWorkday: IsWorkday = (d) => {
      const n = Math.round((Date.parse(d) - Date.parse('2020-01-01')) / DAY);
      if (n % 10 === 3) return true; // never ten days off in a row
      if (on.has(d)) return true;
      if (off.has(d)) return false;
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      return wd !== 0 && wd !== 6;
    };
    return isWorkday;
  });

describe('calendar arithmetic', () => {
  it('workingDaysBetween(a, addWorkingDays(a, n)) === n, and the result is a working day after a', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 0, max: 60 }), (isWorkday, a, n) => {
        const b = addWorkingDays(a, n, isWorkday);
        expect(workingDaysBetween(a, b, isWorkday)).toBe(n);
        if (n > 0) {
          expect(isWorkday(b)).toBe(true);
          expect(b > a).toBe(true);
        } else expect(b).toBe(a);
      }),
      RUNS,
    );
  });

  it('addWorkingDays is monotone and additive', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (isWorkday, a, m, n) => {
        const direct = addWorkingDays(a, m + n, isWorkday);
        expect(addWorkingDays(addWorkingDays(a, m, isWorkday), n, isWorkday)).toBe(direct);
        expect(addWorkingDays(a, m, isWorkday) <= direct).toBe(true);
      }),
      RUNS,
    );
  });

  it('workingDaysBetween is antisymmetric', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, dateArb, (isWorkday, a, b) => {
        expect(workingDaysBetween(a, b, isWorkday) + 0).toBe(-workingDaysBetween(b, a, isWorkday) + 0); // (+ 0: -0 and 0 are the same count)
      }),
      RUNS,
    );
  });

  it('a due date is the last instant of a working day, after the acceptance day, n working days on', () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: Date.parse('2020-01-02'), max: Date.parse('2035-01-01') }), fc.integer({ min: 1, max: 60 }), (isWorkday, t, n) => {
        const accepted = new Date(t);
        const due = dueAt(accepted, n, isWorkday);
        const day = shanghaiDate(due);
        expect(isWorkday(day)).toBe(true);
        expect(shanghaiDate(new Date(due.getTime() + 1))).toBe(addDays(day, 1)); // the last millisecond of that day
        expect(due.getTime()).toBeGreaterThan(accepted.getTime());
        expect(workingDaysBetween(shanghaiDate(accepted), day, isWorkday)).toBe(n);
      }),
      RUNS,
    );
  });

  it('off-hours notice: in time exactly until the end of the last working day before the date', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: -3 * DAY, max: 3 * DAY }), (isWorkday, date, offset) => {
        const last = lastWorkdayBefore(date, isWorkday);
        expect(isWorkday(last)).toBe(true);
        expect(last < date).toBe(true);
        const endOfLast = Date.parse(`${addDays(last, 1)}T00:00:00+08:00`) - 1;
        const at = new Date(endOfLast + offset);
        expect(isNoticeInTime(at, date, isWorkday)).toBe(offset <= 0);
      }),
      RUNS,
    );
  });
});

describe('no-show counting', () => {
  const T0 = Date.parse('2026-01-05T01:00:00Z');
  const eventsArb = fc.uniqueArray(fc.record({ day: fc.integer({ min: 0, max: 400 }), waived: fc.boolean() }), { selector: (e) => e.day, maxLength: 12 }).map((es) =>
    es.map((e, i): NoShowEvent => ({ bookingId: `b${i}`, at: new Date(T0 + e.day * DAY), waivedAt: e.waived ? new Date(T0 + e.day * DAY) : null })),
  );
  const reinstArb = fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 3 }).map((ds) => ds.map((d) => new Date(T0 + d * DAY + 3600_000)));
  const nowArb = fc.integer({ min: 0, max: 500 }).map((d) => new Date(T0 + d * DAY));
  const thresholdArb = fc.integer({ min: 1, max: 5 });
  const forfeitArb = fc.constantFrom(0, 30, 90);

  it('the count never exceeds the no-shows so far, and is never negative', () => {
    fc.assert(
      fc.property(eventsArb, reinstArb, thresholdArb, forfeitArb, nowArb, (events, reinst, threshold, forfeitDays, now) => {
        const s = noShowStanding(events, reinst, threshold, forfeitDays, now);
        const past = events.filter((e) => e.at.getTime() <= now.getTime());
        expect(s.noShows).toBeGreaterThanOrEqual(0);
        expect(s.noShows).toBeLessThanOrEqual(past.filter((e) => !e.waivedAt).length);
        expect(s.record).toHaveLength(past.length);
        if (s.forfeited && forfeitDays === 0) expect(s.until).toBeNull();
      }),
      RUNS,
    );
  });

  it('waiving a no-show (now) never raises the count, and never forfeits anyone, whatever FORFEIT_DAYS', () => {
    fc.assert(
      fc.property(eventsArb, reinstArb, thresholdArb, forfeitArb, nowArb, fc.nat(), (events, reinst, threshold, forfeitDays, now, pick) => {
        if (events.length === 0) return;
        const i = pick % events.length;
        const before = noShowStanding(events, reinst, threshold, forfeitDays, now);
        const waived = events.map((e, j) => (j === i && !e.waivedAt ? { ...e, waivedAt: now } : e));
        const after = noShowStanding(waived, reinst, threshold, forfeitDays, now);
        expect(after.noShows).toBeLessThanOrEqual(before.noShows);
        if (!before.forfeited) expect(after.forfeited).toBe(false);
      }),
      RUNS,
    );
  });

  it('a reinstatement starts the count afresh: only later no-shows count', () => {
    fc.assert(
      fc.property(eventsArb, fc.integer({ min: 0, max: 400 }), thresholdArb, nowArb, (events, rd, threshold, now) => {
        const at = new Date(T0 + rd * DAY + 3600_000);
        if (at.getTime() > now.getTime()) return;
        const s = noShowStanding(events, [at], threshold, 0, now);
        const later = events.filter((e) => !e.waivedAt && e.at.getTime() > at.getTime() && e.at.getTime() <= now.getTime());
        expect(s.noShows).toBe(later.length);
        expect(s.forfeited).toBe(later.length >= threshold);
      }),
      RUNS,
    );
  });

  it('forfeited exactly when the counting no-shows reach the threshold (no reinstatement, no lapse)', () => {
    fc.assert(
      fc.property(eventsArb, thresholdArb, nowArb, (events, threshold, now) => {
        const s = noShowStanding(events, [], threshold, 0, now);
        const counting = events.filter((e) => !e.waivedAt && e.at.getTime() <= now.getTime()).length;
        expect(s.noShows).toBe(counting);
        expect(s.forfeited).toBe(counting >= threshold);
      }),
      RUNS,
    );
  });
});

describe('the filing state machine', () => {
  const actors: ActorKind[] = ['applicant', 'staff', 'system'];
  const stepArb = fc.record({ action: fc.constantFrom(...APPLICATION_ACTIONS), by: fc.constantFrom(...actors) });

  it('any sequence of actions only ever walks listed edges; refusals leave the state unchanged', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        let state: (typeof APPLICATION_STATUSES)[number] = 'draft';
        const seen: (typeof APPLICATION_STATUSES)[number][] = [state];
        for (const s of steps) {
          const r = transition(state, s.action, s.by);
          if (r.ok) {
            expect(TRANSITIONS.some((e) => e.from === state && e.action === s.action && e.by === s.by && e.to === r.to)).toBe(true);
            state = r.to;
            seen.push(state);
          } else {
            expect(['INVALID_STATE', 'FORBIDDEN']).toContain(r.code);
          }
          expect(APPLICATION_STATUSES).toContain(state);
        }
        // terminal states are terminal
        for (let i = 0; i < seen.length - 1; i++) expect(['delivered', 'withdrawn', 'refused']).not.toContain(seen[i]);
      }),
      RUNS,
    );
  });

  it('only staff or the system accept; only the applicant submits or withdraws; nothing leaves delivered', () => {
    fc.assert(
      fc.property(fc.constantFrom(...APPLICATION_STATUSES), fc.constantFrom(...APPLICATION_ACTIONS), fc.constantFrom(...actors), (from, action, by) => {
        const r = transition(from, action, by);
        if (!r.ok) return;
        if (r.to === 'accepted') expect(by).not.toBe('applicant');
        if (action === 'submit' || action === 'withdraw') expect(by).toBe('applicant');
        expect(from).not.toBe('delivered');
        expect(from).not.toBe('withdrawn');
      }),
      { numRuns: 1000 },
    );
  });

  it('the SLA state is null before acceptance and overdue once the due time has passed', () => {
    const isWorkday: IsWorkday = (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2026-01-05'), max: Date.parse('2027-01-01') }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 60 }), (t, n, later) => {
        const due = dueAt(new Date(t), n, isWorkday);
        expect(slaState({ status: 'submitted', dueAt: null, decidedAt: null }, new Date(t), isWorkday)).toBeNull();
        expect(slaState({ status: 'accepted', dueAt: due, decidedAt: null }, new Date(due.getTime() + later * 60_000), isWorkday)).toBe('overdue');
        expect(slaState({ status: 'accepted', dueAt: due, decidedAt: null }, new Date(t), isWorkday)).not.toBe('overdue');
      }),
      RUNS,
    );
  });
});
