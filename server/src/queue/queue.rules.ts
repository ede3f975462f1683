/**
 * The hall's queue as pure rules (DESIGN.md "The hall's queue (取号叫号, 延时办)"; API.md, The hall's
 * queue): ticket numbers, the call order, how many are ahead and how long the wait, the daily hall
 * code, and 延时服务登记 (罗山 延时办: whoever took a ticket before closing is served that day, and
 * every service after closing is recorded).
 */
import { TICKET_LANE_LETTERS, TicketLane, TicketStatus } from '@gov/shared';

/** An appointment ticket is due (called before the green and normal lanes) from this many minutes before its slot's start. */
export const APPOINTMENT_EARLY_MINUTES = 15;
/** The estimate's service time before any ticket of the day is finished, in minutes. */
export const DEFAULT_SERVICE_MINUTES = 10;
/** The estimate averages this many of the day's last finished tickets. */
export const RECENT_FINISHED = 10;
/** A window counts as open when it called a ticket within this many minutes. */
export const OPEN_WINDOW_MINUTES = 60;
/** A skipped ticket may be put back in its lane this many times. */
export const MAX_REQUEUES = 1;

/** `A001`, `G012`, `N120`: the lane's letter and the day's sequence, at least three digits. */
export function ticketNumber(lane: TicketLane, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`bad ticket sequence ${seq}`);
  return `${TICKET_LANE_LETTERS[lane]}${String(seq).padStart(3, '0')}`;
}

/** What the call order needs to know of a ticket. */
export interface Queued {
  id: string;
  lane: TicketLane;
  status: TicketStatus;
  greenConfirmed: boolean;
  /** the booking's slot start (appointment lane), else null */
  dueAt: Date | null;
  /** its place in line: when taken, or when put back after a skip */
  queuedAt: Date;
  seq: number;
}

/** Whether an appointment ticket is due now: from APPOINTMENT_EARLY_MINUTES before its slot's start (late arrivals at once). */
export function isDue(t: Pick<Queued, 'lane' | 'dueAt'>, now: Date): boolean {
  if (t.lane !== 'appointment') return false;
  if (!t.dueAt) return true;
  return now.getTime() >= t.dueAt.getTime() - APPOINTMENT_EARLY_MINUTES * 60_000;
}

/**
 * A waiting ticket's rank in the call order (lower is called first): 0 an appointment due now,
 * 1 a confirmed green-lane ticket, 2 a normal ticket (and a green request staff have not confirmed),
 * 3 an appointment ticket taken before it is due (called only when nobody else waits).
 */
export function callRank(t: Queued, now: Date): number {
  if (t.lane === 'appointment') return isDue(t, now) ? 0 : 3;
  if (t.lane === 'green' && t.greenConfirmed) return 1;
  return 2;
}

/**
 * The waiting tickets in the order windows call them: by rank, then first-come (queuedAt), ties by
 * lane letter and number. Tickets not `waiting` are left out.
 */
export function callOrder<T extends Queued>(tickets: readonly T[], now: Date): T[] {
  const letter = (l: TicketLane) => TICKET_LANE_LETTERS[l];
  return tickets
    .filter((t) => t.status === 'waiting')
    .map((t) => ({ t, rank: callRank(t, now) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.t.queuedAt.getTime() - b.t.queuedAt.getTime() ||
        letter(a.t.lane).localeCompare(letter(b.t.lane)) ||
        a.t.seq - b.t.seq ||
        (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0),
    )
    .map((x) => x.t);
}

/** For each waiting ticket, how many will be called before it now (tickets not waiting are absent: 0 ahead). */
export function aheadOf(tickets: readonly Queued[], now: Date): Map<string, number> {
  return new Map(callOrder(tickets, now).map((t, i) => [t.id, i]));
}

/** What the estimate needs of a finished ticket. */
export interface Finished {
  startedAt: Date;
  finishedAt: Date;
}

/**
 * The hall's recent average service time in minutes (one decimal): the mean of the last
 * RECENT_FINISHED finished tickets' time at the window; DEFAULT_SERVICE_MINUTES when none.
 */
export function averageServiceMinutes(finished: readonly Finished[]): number {
  const recent = [...finished].sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime()).slice(0, RECENT_FINISHED);
  if (recent.length === 0) return DEFAULT_SERVICE_MINUTES;
  const ms = recent.reduce((s, f) => s + Math.max(0, f.finishedAt.getTime() - f.startedAt.getTime()), 0) / recent.length;
  return Math.max(0.1, Math.round(ms / 6000) / 10);
}

/** Minutes until a ticket with `ahead` before it is likely called: ahead × average ÷ open windows, rounded up (whole minutes). */
export function estimatedWaitMinutes(ahead: number, averageMinutes: number, openWindows: number): number {
  if (ahead <= 0) return 0;
  return Math.ceil((ahead * averageMinutes) / Math.max(1, openWindows));
}

/**
 * How many windows share the work: those that called a ticket within OPEN_WINDOW_MINUTES; when
 * none did yet, all the hall's windows (at least one).
 */
export function openWindowCount(recentCalls: ReadonlyArray<{ windowId: string | null; calledAt: Date | null }>, hallWindows: number, now: Date): number {
  const since = now.getTime() - OPEN_WINDOW_MINUTES * 60_000;
  const active = new Set(recentCalls.filter((c) => c.windowId && c.calledAt && c.calledAt.getTime() >= since).map((c) => c.windowId));
  return Math.max(1, active.size || hallWindows);
}

/** The hall code shown on the poster for one day: 8 characters of a keyed hash of (hall, Shanghai day), upper case. */
export function hallCodeFromDigest(hexDigest: string): string {
  return hexDigest.slice(0, 8).toUpperCase();
}

/** Whether a typed or scanned code is the day's code (case and surrounding spaces ignored). */
export function hallCodeMatches(given: string, expected: string): boolean {
  return given.trim().toUpperCase() === expected;
}

/** The instant of `HH:mm` Asia/Shanghai (UTC+8, no daylight saving) on a `YYYY-MM-DD` day. */
export function shanghaiInstant(day: string, hhmm: string): Date {
  return new Date(`${day}T${hhmm}:00.000+08:00`);
}

/**
 * 延时服务登记 (罗山 延时办): whole minutes a ticket was finished past the hall's closing time, or
 * null when it was finished in time (or the hall has no closing time that day).
 */
export function minutesPastClosing(finishedAt: Date, day: string, closingTime: string | null): number | null {
  if (!closingTime) return null;
  const past = finishedAt.getTime() - shanghaiInstant(day, closingTime).getTime();
  return past > 0 ? Math.max(1, Math.ceil(past / 60_000)) : null;
}

/** Whether a ticket may be taken now: before the hall's closing time that day (no cap on their number, 罗山 延时办 一(二)). */
export function takingOpen(now: Date, day: string, closingTime: string | null): boolean {
  return closingTime === null || now.getTime() < shanghaiInstant(day, closingTime).getTime();
}

/** Whether a ticket may go back in its lane: skipped, and put back fewer than MAX_REQUEUES times. */
export function canRequeue(t: { status: TicketStatus; requeueCount: number }): boolean {
  return t.status === 'skipped' && t.requeueCount < MAX_REQUEUES;
}

/**
 * How a ticket still open when its day is over ends (the `queue-day-end` job): a ticket belongs to
 * one hall day (numbers restart each day), so a `waiting` or `called` ticket of a past day — its
 * holder went home, or staff never closed it — is `left`, and one still `serving` is `done` (the
 * service happened; its end time stays unknown, so it is left out of the service-time average and
 * of 延时服务登记). Null for a status that is already final for the day (`done`, `skipped`, `left`).
 */
export function dayEndStatus(status: TicketStatus): TicketStatus | null {
  if (status === 'waiting' || status === 'called') return 'left';
  if (status === 'serving') return 'done';
  return null;
}

/** The statuses a ticket of a past day must not keep (dayEndStatus is not null for them). */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving'];

/** A hall's queue today in figures (HallQueueFigures less the hall's name): waiting, at a window, done, the longest wait in whole minutes. */
export function queueFigures(tickets: ReadonlyArray<{ status: TicketStatus; queuedAt: Date }>, now: Date): { waiting: number; atWindow: number; done: number; longestWaitMinutes: number } {
  let waiting = 0;
  let atWindow = 0;
  let done = 0;
  let firstQueued = Infinity;
  for (const t of tickets) {
    if (t.status === 'waiting') {
      waiting++;
      firstQueued = Math.min(firstQueued, t.queuedAt.getTime());
    } else if (t.status === 'called' || t.status === 'serving') atWindow++;
    else if (t.status === 'done') done++;
  }
  const longestWaitMinutes = waiting ? Math.max(0, Math.floor((now.getTime() - firstQueued) / 60_000)) : 0;
  return { waiting, atWindow, done, longestWaitMinutes };
}
