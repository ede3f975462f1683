import { isWeekend } from '../calendar/calendar.rules';
import { assistanceDueBy, isAssistanceOverdue, mayMarkDone } from './assistance.rules';

const isWorkday = (d: string): boolean => (d === '2026-12-19' ? true : d !== '2026-12-14' && !isWeekend(d));

describe('assistanceDueBy (罗山 异地代办: within 7 working days of acceptance)', () => {
  it('counts 7 working days after acceptance, skipping weekends and holidays, counting a swapped Saturday', () => {
    // accepted Wednesday 9 Dec: Thu 10, Fri 11, (Mon 14 holiday) Tue 15, Wed 16, Thu 17, Fri 18, Sat 19 (调休)
    expect(assistanceDueBy('remote', new Date('2026-12-09T02:00:00.000Z'), isWorkday)?.toISOString()).toBe('2026-12-19T15:59:59.999Z');
  });

  it('gives the other kinds no deadline of their own', () => {
    expect(assistanceDueBy('helper', new Date('2026-12-09T02:00:00.000Z'), isWorkday)).toBeNull();
    expect(assistanceDueBy('one_to_one', new Date('2026-12-09T02:00:00.000Z'), isWorkday)).toBeNull();
  });

  it('is overdue only after its deadline', () => {
    const dueBy = new Date('2026-12-19T15:59:59.999Z');
    expect(isAssistanceOverdue({ dueBy }, new Date('2026-12-19T15:59:59.999Z'))).toBe(false);
    expect(isAssistanceOverdue({ dueBy }, new Date('2026-12-19T16:00:00.000Z'))).toBe(true);
    expect(isAssistanceOverdue({ dueBy: null }, new Date('2030-01-01T00:00:00.000Z'))).toBe(false);
  });
});

describe('isAssistanceOverdue once done', () => {
  const dueBy = new Date('2026-12-19T15:59:59.999Z');
  it('is not overdue when done in time, even when looked at later', () => {
    expect(isAssistanceOverdue({ dueBy, doneAt: new Date('2026-12-18T08:00:00.000Z') }, new Date('2027-01-10T00:00:00.000Z'))).toBe(false);
  });
  it('stays overdue when done late', () => {
    expect(isAssistanceOverdue({ dueBy, doneAt: new Date('2026-12-21T08:00:00.000Z') }, new Date('2027-01-10T00:00:00.000Z'))).toBe(true);
  });
});

describe('mayMarkDone', () => {
  const r = { status: 'assigned' as const, helperId: 'h1' };
  it('lets the assigned helper, a supervisor or an admin mark it done', () => {
    expect(mayMarkDone(r, { id: 'h1', roles: ['staff', 'window'] })).toBe('ok');
    expect(mayMarkDone(r, { id: 's1', roles: ['staff', 'supervisor'] })).toBe('ok');
    expect(mayMarkDone(r, { id: 'a1', roles: ['admin'] })).toBe('ok');
  });
  it('refuses another window clerk, and a request not (or no longer) assigned', () => {
    expect(mayMarkDone(r, { id: 'w2', roles: ['staff', 'window'] })).toBe('not_yours');
    expect(mayMarkDone({ status: 'requested', helperId: null }, { id: 's1', roles: ['staff', 'supervisor'] })).toBe('not_assigned');
    expect(mayMarkDone({ status: 'done', helperId: 'h1' }, { id: 'h1', roles: ['staff'] })).toBe('not_assigned');
  });
});
