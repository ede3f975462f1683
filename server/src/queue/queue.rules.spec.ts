import type { TicketLane, TicketStatus } from '@gov/shared';
import {
  aheadOf,
  averageServiceMinutes,
  callOrder,
  canRequeue,
  dayEndStatus,
  DEFAULT_SERVICE_MINUTES,
  estimatedWaitMinutes,
  hallCodeFromDigest,
  hallCodeMatches,
  isDue,
  minutesPastClosing,
  openWindowCount,
  OPEN_TICKET_STATUSES,
  queueFigures,
  Queued,
  shanghaiInstant,
  takingOpen,
  ticketNumber,
} from './queue.rules';

const at = (hhmm: string) => shanghaiInstant('2026-12-07', hhmm);
let n = 0;
const ticket = (lane: TicketLane, taken: string, o: Partial<Queued> = {}): Queued => ({
  id: `t${++n}`,
  lane,
  status: 'waiting' as TicketStatus,
  greenConfirmed: lane === 'green',
  dueAt: null,
  queuedAt: at(taken),
  seq: n,
  ...o,
});

describe('ticket numbers', () => {
  it('reads lane letter and three digits (A001, G012, N120), more digits past 999', () => {
    expect(ticketNumber('appointment', 1)).toBe('A001');
    expect(ticketNumber('green', 12)).toBe('G012');
    expect(ticketNumber('normal', 120)).toBe('N120');
    expect(ticketNumber('normal', 1000)).toBe('N1000');
    expect(() => ticketNumber('normal', 0)).toThrow();
  });
});

describe('call order', () => {
  it('calls due appointments first, then confirmed green, then normal, each first-come', () => {
    const normal1 = ticket('normal', '09:00');
    const green = ticket('green', '09:05');
    const normal2 = ticket('normal', '09:01');
    const appt = ticket('appointment', '09:10', { dueAt: at('09:20') });
    const order = callOrder([normal1, green, normal2, appt], at('09:10'));
    expect(order.map((t) => t.id)).toEqual([appt.id, green.id, normal1.id, normal2.id]);
  });

  it('keeps an early appointment behind everyone until 15 minutes before its slot', () => {
    const appt = ticket('appointment', '08:40', { dueAt: at('10:00') });
    const normal = ticket('normal', '09:00');
    expect(callOrder([appt, normal], at('09:30')).map((t) => t.id)).toEqual([normal.id, appt.id]);
    expect(callOrder([appt, normal], at('09:45')).map((t) => t.id)).toEqual([appt.id, normal.id]);
    expect(isDue(appt, at('09:44'))).toBe(false);
    expect(isDue(appt, at('10:40'))).toBe(true);
  });

  it('orders a green request staff have not confirmed among the normal tickets by taking time', () => {
    const unconfirmed = ticket('green', '09:00', { greenConfirmed: false });
    const normal = ticket('normal', '08:59');
    const confirmed = ticket('green', '09:30');
    expect(callOrder([unconfirmed, normal, confirmed], at('09:31')).map((t) => t.id)).toEqual([confirmed.id, normal.id, unconfirmed.id]);
  });

  it('leaves out tickets that are not waiting and counts who is ahead', () => {
    const a = ticket('normal', '09:00', { status: 'called' });
    const b = ticket('normal', '09:01');
    const c = ticket('normal', '09:02', { status: 'skipped' });
    const d = ticket('normal', '09:03');
    const ahead = aheadOf([a, b, c, d], at('09:10'));
    expect(ahead.get(b.id)).toBe(0);
    expect(ahead.get(d.id)).toBe(1);
    expect(ahead.has(a.id)).toBe(false);
    expect(ahead.has(c.id)).toBe(false);
  });

  it('puts a requeued ticket at the end of its lane (queuedAt moves)', () => {
    const back = ticket('normal', '09:40');
    const early = ticket('normal', '09:05');
    expect(callOrder([back, early], at('09:41')).map((t) => t.id)).toEqual([early.id, back.id]);
  });
});

describe('waiting estimate', () => {
  it('averages the last ten finished services, default 10 minutes', () => {
    expect(averageServiceMinutes([])).toBe(DEFAULT_SERVICE_MINUTES);
    const f = (start: string, end: string) => ({ startedAt: at(start), finishedAt: at(end) });
    expect(averageServiceMinutes([f('09:00', '09:06'), f('09:06', '09:10')])).toBe(5);
    const many = Array.from({ length: 12 }, (_, i) => f(`10:${String(i * 4).padStart(2, '0')}`, `10:${String(i * 4 + (i < 2 ? 3 : 2)).padStart(2, '0')}`));
    expect(averageServiceMinutes(many)).toBe(2);
  });

  it('divides ahead × average among the open windows, rounding up', () => {
    expect(estimatedWaitMinutes(0, 10, 2)).toBe(0);
    expect(estimatedWaitMinutes(3, 10, 2)).toBe(15);
    expect(estimatedWaitMinutes(1, 4.5, 2)).toBe(3);
    expect(estimatedWaitMinutes(2, 10, 0)).toBe(20);
  });

  it('counts windows that called within the hour, else all windows', () => {
    const now = at('11:00');
    expect(openWindowCount([], 4, now)).toBe(4);
    expect(openWindowCount([], 0, now)).toBe(1);
    const calls = [
      { windowId: 'w1', calledAt: at('10:50') },
      { windowId: 'w1', calledAt: at('10:30') },
      { windowId: 'w2', calledAt: at('09:30') },
      { windowId: null, calledAt: null },
    ];
    expect(openWindowCount(calls, 4, now)).toBe(1);
  });
});

describe('hall code', () => {
  it('is 8 upper-case characters of the digest and matches case-insensitively', () => {
    const code = hallCodeFromDigest('3fa9c21b77aa');
    expect(code).toBe('3FA9C21B');
    expect(hallCodeMatches(' 3fa9c21b ', code)).toBe(true);
    expect(hallCodeMatches('3FA9C21C', code)).toBe(false);
  });
});

describe('延时办 (罗山): closing time', () => {
  it('reads Shanghai wall-clock times whatever the host zone', () => {
    expect(shanghaiInstant('2026-12-07', '17:00').toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  it('records whole minutes past closing, none when finished in time', () => {
    expect(minutesPastClosing(at('16:59'), '2026-12-07', '17:00')).toBeNull();
    expect(minutesPastClosing(at('17:00'), '2026-12-07', '17:00')).toBeNull();
    expect(minutesPastClosing(new Date(at('17:00').getTime() + 1000), '2026-12-07', '17:00')).toBe(1);
    expect(minutesPastClosing(at('17:25'), '2026-12-07', '17:00')).toBe(25);
    expect(minutesPastClosing(at('18:00'), '2026-12-07', null)).toBeNull();
  });

  it('takes tickets until closing time, without a cap', () => {
    expect(takingOpen(at('16:59'), '2026-12-07', '17:00')).toBe(true);
    expect(takingOpen(at('17:00'), '2026-12-07', '17:00')).toBe(false);
    expect(takingOpen(at('20:00'), '2026-12-07', null)).toBe(true);
  });
});

describe('requeue after a skip', () => {
  it('is allowed once', () => {
    expect(canRequeue({ status: 'skipped', requeueCount: 0 })).toBe(true);
    expect(canRequeue({ status: 'skipped', requeueCount: 1 })).toBe(false);
    expect(canRequeue({ status: 'waiting', requeueCount: 0 })).toBe(false);
  });
});

describe('dayEndStatus', () => {
  it('ends a past day’s waiting and called tickets as left and a serving one as done; final ones stay', () => {
    expect(dayEndStatus('waiting')).toBe('left');
    expect(dayEndStatus('called')).toBe('left');
    expect(dayEndStatus('serving')).toBe('done');
    for (const s of ['done', 'skipped', 'left'] as TicketStatus[]) expect(dayEndStatus(s)).toBeNull();
    expect(OPEN_TICKET_STATUSES.every((s) => dayEndStatus(s) !== null)).toBe(true);
  });
});

describe('queueFigures', () => {
  it('counts waiting, at a window and done, and how long the first in line has waited', () => {
    const t = (status: TicketStatus, queued: string) => ({ status, queuedAt: at(queued) });
    const rows = [t('done', '09:00'), t('serving', '09:05'), t('called', '09:10'), t('waiting', '09:20'), t('waiting', '09:12'), t('skipped', '09:01'), t('left', '09:02')];
    expect(queueFigures(rows, at('09:42'))).toEqual({ waiting: 2, atWindow: 2, done: 1, longestWaitMinutes: 30 });
  });

  it('says 0 minutes when nobody waits', () => {
    expect(queueFigures([{ status: 'done', queuedAt: at('08:00') }], at('12:00'))).toEqual({ waiting: 0, atWindow: 0, done: 1, longestWaitMinutes: 0 });
  });
});
