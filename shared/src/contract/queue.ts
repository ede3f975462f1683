/**
 * Wire shapes of the hall's queue (API.md, The hall's queue; Staff: hall-code, windows, tickets).
 * Rules: DESIGN.md "The hall's queue (取号叫号, 延时办)"; 罗山 延时办 一(二) (no caps on same-day tickets,
 * whoever took a ticket before closing is served that day) and 延时服务登记.
 */

/** The lane a ticket waits in; its number's letter: A appointment, G green (老弱病残孕), N normal. */
export type TicketLane = 'appointment' | 'green' | 'normal';

/**
 * A ticket's state: `waiting` in its lane; `called` to a window; `serving` at the window; `done` when
 * finished; `skipped` when called and absent (may come back once, see `canRequeue`); `left` when the
 * holder gave up or the day ended without them.
 */
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'skipped' | 'left';

export const TICKET_LANES: readonly TicketLane[] = ['appointment', 'green', 'normal'];
export const TICKET_STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving', 'done', 'skipped', 'left'];

/** The number's letter of each lane (A001, G001, N001). */
export const TICKET_LANE_LETTERS: Record<TicketLane, string> = { appointment: 'A', green: 'G', normal: 'N' };

/** A hall window (窗口). */
export interface WindowRef {
  id: string;
  name: string;
}

/**
 * GET /tickets/:id, GET /me/tickets, POST /halls/:id/tickets, and each event of GET /tickets/:id/events.
 * Times are ISO-8601 UTC instants.
 */
export interface TicketView {
  id: string;
  /** e.g. `A001`; restarts each Shanghai day per hall and lane */
  number: string;
  hallId: string;
  hallName?: string;
  serviceId: string;
  serviceName?: string;
  lane: TicketLane;
  status: TicketStatus;
  /** tickets that will be called before this one (0 when it is not waiting) */
  ahead: number;
  /** minutes until it is likely called: ahead × the hall's recent average service time ÷ open windows; 0 when not waiting */
  estimatedWaitMinutes: number;
  /** the window it was called to, else null */
  window: WindowRef | null;
  takenAt: string;
  calledAt: string | null;
  finishedAt: string | null;
  /** the booking checked in with this ticket (appointment lane), else null */
  bookingId: string | null;
  /** the holder asked for the green lane (老弱病残孕) */
  greenRequested: boolean;
  /** staff confirmed the green lane (the ticket then waits in lane `green`) */
  greenConfirmed: boolean;
  /** a skipped ticket may be put back in its lane once (POST /staff/tickets/:id/requeue) */
  canRequeue: boolean;
}

/** A ticket as window staff see it (GET /staff/tickets, call-next, the queue actions). */
export interface StaffTicketView extends TicketView {
  /** the holder's masked name, null for an anonymous desk ticket */
  holderName: string | null;
  /** the holder's masked phone, null when not known */
  phone: string | null;
  /** why the green lane was asked for, null when it was not */
  greenReason: string | null;
  /** times called (call-next and recalls) */
  callCount: number;
}

/** One number being called on the hall's screen. */
export interface HallCallingItem {
  number: string;
  /** the window's name */
  window: string;
  calledAt: string;
}

/** GET /halls/:id/queue (public, no personal data) and each event of GET /halls/:id/queue/events. */
export interface HallQueueView {
  hallId: string;
  hallName?: string;
  /** tickets called or being served now, most recent first */
  calling: HallCallingItem[];
  /** tickets waiting per lane (green requests not yet confirmed count as normal) */
  waiting: Record<TicketLane, number>;
  /** the hall's recent average service time in minutes (default 10 before any ticket is finished today) */
  averageServiceMinutes: number;
}

/** POST /halls/:id/tickets */
export interface TakeTicketBody {
  serviceId: string;
  /** a booking of the caller's, today, at this hall, still `booked`: it is checked in, the ticket is in lane appointment */
  bookingId?: string;
  /** today's code from the hall's QR poster (GET /staff/hall-code) */
  hallCode: string;
  /** asks for the green lane (老弱病残孕); staff confirm */
  green?: { reason: string };
}

/** POST /staff/tickets (issued at the desk) */
export interface StaffIssueTicketBody {
  serviceId: string;
  /** issued in the green lane, confirmed at once by the issuing staff */
  green?: { reason: string };
  /** the holder's phone, for the call notice (stored encrypted, shown masked) */
  phone?: string;
}

/** GET /staff/hall-code: today's code of the caller's hall, for the QR poster. */
export interface HallCodeView {
  hallCode: string;
  /** YYYY-MM-DD, Asia/Shanghai: the day the code is valid on */
  validOn: string;
  /** a PNG data URL of the QR code (its text carries hall id and code) */
  qrImage: string;
}

/** GET /staff/windows, POST /admin/halls/:id/windows */
export interface WindowView {
  id: string;
  name: string;
  /** services the window calls; empty = all services of the hall */
  serviceIds: string[];
}

/** POST /admin/halls/:id/windows */
export interface CreateWindowBody {
  name: string;
  serviceIds?: string[];
}

/**
 * GET /staff/supervision/queues: one hall's queue today as a figure for the supervisor — how many
 * wait, how many are at a window, how many were served, and how long the first in line has waited.
 * The caller's hall for staff; every hall for an admin, longest queue first.
 */
export interface HallQueueFigures {
  hallId: string;
  hallName: string;
  /** tickets waiting now (every lane) */
  waiting: number;
  /** called to a window or being served */
  atWindow: number;
  /** finished today */
  done: number;
  /** whole minutes the longest-waiting ticket has waited (0 when nobody waits) */
  longestWaitMinutes: number;
}

/** 延时服务登记: one ticket finished after the hall's closing time (GET /staff/overtime-services?date=, role supervisor). */
export interface OvertimeServiceView {
  id: string;
  ticketId: string;
  number: string;
  hallId: string;
  /** YYYY-MM-DD, Asia/Shanghai */
  date: string;
  serviceName: string;
  window: WindowRef;
  staffId: string;
  staffName: string | null;
  /** HH:mm, Asia/Shanghai: the hall's closing time that day */
  closingTime: string;
  finishedAt: string;
  /** whole minutes from closing time to finishing */
  minutesPastClosing: number;
}

/** The QR poster's text: the mini-app parses it after a scan. Format `zwt-hall:<hallId>:<hallCode>`. */
export function hallPosterText(hallId: string, hallCode: string): string {
  return `zwt-hall:${hallId}:${hallCode}`;
}

/** Reads a QR poster's text; null when it is not one. */
export function parseHallPosterText(text: string): { hallId: string; hallCode: string } | null {
  const m = /^zwt-hall:([^:]+):([^:]+)$/.exec(text.trim());
  return m ? { hallId: m[1], hallCode: m[2] } : null;
}

/** POST /staff/tickets/:id/confirm-green: staff decide a green-lane request (default confirmed). */
export interface ConfirmGreenBody {
  /** true: the ticket waits in the green lane; false: declined, it keeps its place among normal tickets */
  confirmed?: boolean;
}
