import { isWeekend, shanghaiDate } from '../calendar/calendar.rules';
import { transition } from './applications.rules';
import { chainTop, ChainHall, clockPaused, extendDue, forwardProblem, forwardTargets, lateReception, mayFileAt, receiveBy, sameChain, transitWorkingDays } from './forwarding.rules';

// 2026: 中秋 25 September and National Day 1–7 October off; Sunday 20 September and Saturday 10 October worked (调休)
const holidays = new Set(['2026-09-25', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
const swapped = new Set(['2026-09-20', '2026-10-10']);
const isWorkday = (d: string) => swapped.has(d) || (!holidays.has(d) && !isWeekend(d));
const at = (iso: string) => new Date(iso);

// city ← county ← two towns; another city on its own
const halls = new Map<string, ChainHall>(
  [
    { id: 'city', parentHallId: null },
    { id: 'county', parentHallId: 'city' },
    { id: 'town1', parentHallId: 'county' },
    { id: 'town2', parentHallId: 'county' },
    { id: 'elsewhere', parentHallId: null },
    { id: 'loop-a', parentHallId: 'loop-b' },
    { id: 'loop-b', parentHallId: 'loop-a' },
  ].map((h) => [h.id, h]),
);

describe('the city chain (同城通办)', () => {
  it('finds each hall’s city centre, and stops on a loop an admin may have made', () => {
    expect(['city', 'county', 'town1', 'town2'].map((h) => chainTop(halls, h))).toEqual(['city', 'city', 'city', 'city']);
    expect(chainTop(halls, 'elsewhere')).toBe('elsewhere');
    expect(['loop-a', 'loop-b']).toContain(chainTop(halls, 'loop-a'));
  });
  it('puts town, county and city in one chain, and another city outside it', () => {
    expect(sameChain(halls, 'town1', 'town2')).toBe(true);
    expect(sameChain(halls, 'town1', 'city')).toBe(true);
    expect(sameChain(halls, 'town1', 'elsewhere')).toBe(false);
    expect(sameChain(halls, 'town1', 'unknown')).toBe(false);
  });
  it('lets a filing be made at any hall of the chain of a hall that handles the service', () => {
    expect(mayFileAt(halls, ['county'], 'county')).toBe(true);
    expect(mayFileAt(halls, ['county'], 'town2')).toBe(true);
    expect(mayFileAt(halls, ['county'], 'elsewhere')).toBe(false);
    expect(mayFileAt(halls, ['elsewhere'], 'elsewhere')).toBe(true);
  });
  it('offers the competent halls of the chain as targets, none where the hall decides itself', () => {
    expect(forwardTargets(halls, ['county'], 'town1')).toEqual(['county']);
    expect(forwardTargets(halls, ['city', 'county', 'elsewhere'], 'town1')).toEqual(['city', 'county']);
    expect(forwardTargets(halls, ['county', 'town1'], 'town1')).toEqual([]);
  });
  it('names what is wrong with a target', () => {
    expect(forwardProblem(halls, ['county'], 'town1', 'county')).toBeNull();
    expect(forwardProblem(halls, ['county'], 'town1', 'town1')).toBe('SAME_HALL');
    expect(forwardProblem(halls, ['county', 'town1'], 'town1', 'county')).toBe('HANDLED_HERE');
    expect(forwardProblem(halls, ['county'], 'town1', 'city')).toBe('NOT_COMPETENT');
    expect(forwardProblem(halls, ['county', 'elsewhere'], 'town1', 'elsewhere')).toBe('OTHER_CITY');
  });
});

describe('the state machine of a transfer', () => {
  it('forwards an accepted filing, receives it back into acceptance, and sends the decision back', () => {
    expect(transition('accepted', 'forward', 'staff')).toEqual({ ok: true, to: 'forwarding' });
    expect(transition('forwarding', 'receive', 'staff')).toEqual({ ok: true, to: 'accepted' });
    expect(transition('approved', 'send_back', 'staff')).toEqual({ ok: true, to: 'returning' });
    expect(transition('denied', 'send_back', 'staff')).toEqual({ ok: true, to: 'returning' });
    expect(transition('returning', 'receive_approved', 'staff')).toEqual({ ok: true, to: 'approved' });
    expect(transition('returning', 'receive_denied', 'staff')).toEqual({ ok: true, to: 'denied' });
  });
  it('refuses the rest: no forward before acceptance or during review, nothing decided or delivered in transit, no applicant steps', () => {
    for (const s of ['submitted', 'prereview_passed', 'under_review', 'delivered'] as const) expect(transition(s, 'forward', 'staff').ok).toBe(false);
    for (const a of ['start_review', 'approve', 'deliver', 'ready', 'return', 'withdraw'] as const) {
      expect(transition('forwarding', a, 'staff').ok).toBe(false);
      expect(transition('returning', a, 'staff').ok).toBe(false);
    }
    expect(transition('accepted', 'forward', 'applicant')).toEqual({ ok: false, code: 'FORBIDDEN' });
  });
  it('pauses the clock only in transit', () => {
    expect(clockPaused('forwarding')).toBe(true);
    expect(clockPaused('returning')).toBe(true);
    expect(clockPaused('accepted')).toBe(false);
    expect(clockPaused('under_review')).toBe(false);
  });
});

describe('transit time', () => {
  const tuesday = at('2026-09-29T01:00:00.000Z'); // Tuesday 29 September 09:00 Shanghai
  it('is to be received by the next working day, across the holiday', () => {
    expect(receiveBy(tuesday, isWorkday)).toBe('2026-09-30');
    expect(receiveBy(at('2026-09-30T08:00:00.000Z'), isWorkday)).toBe('2026-10-08');
    // a Friday's transfer is due the next day: Saturday 10 October is worked (调休)
    expect(receiveBy(at('2026-10-09T08:00:00.000Z'), isWorkday)).toBe('2026-10-10');
  });
  it('is late from the day after that working day', () => {
    expect(lateReception(tuesday, '2026-09-30', isWorkday)).toBe(false);
    expect(lateReception(tuesday, '2026-10-01', isWorkday)).toBe(true);
    expect(lateReception(at('2026-09-30T08:00:00.000Z'), '2026-10-07', isWorkday)).toBe(false);
    expect(lateReception(at('2026-09-30T08:00:00.000Z'), '2026-10-08', isWorkday)).toBe(false);
  });
  it('counts the working days after the sending day up to the receiving day; the same day is none', () => {
    expect(transitWorkingDays(tuesday, at('2026-09-29T07:00:00.000Z'), isWorkday)).toBe(0);
    expect(transitWorkingDays(tuesday, at('2026-09-30T01:00:00.000Z'), isWorkday)).toBe(1);
    // late, across the National Day holiday: 30 September and 8 October
    expect(transitWorkingDays(tuesday, at('2026-10-08T01:00:00.000Z'), isWorkday)).toBe(2);
    expect(transitWorkingDays(at('2026-10-08T01:00:00.000Z'), tuesday, isWorkday)).toBe(0);
  });
  it('extends the due date by exactly those working days, the 调休 Saturday counted', () => {
    const due = at('2026-10-09T15:59:59.999Z'); // end of Friday 9 October
    expect(shanghaiDate(extendDue(due, 1, isWorkday))).toBe('2026-10-10');
    const twice = extendDue(due, 2, isWorkday);
    expect(shanghaiDate(twice)).toBe('2026-10-12');
    expect(twice.toISOString()).toBe('2026-10-12T15:59:59.999Z');
    expect(extendDue(due, 0, isWorkday)).toBe(due);
  });
});
