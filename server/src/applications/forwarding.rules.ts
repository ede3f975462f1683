/**
 * 同城通办 / 跨层联办 (DESIGN.md, Across halls and departments; 罗山 同城通办 四): a window accepts a
 * filing for a service another hall of the same city handles and forwards it; the competent hall
 * receives it within one working day, decides, and sends the result back, which the filing hall
 * receives within one working day and delivers. Transit does not count against the promised days.
 *
 * Which hall is competent: a hall the service lists (service_halls). Which halls may accept for it:
 * any hall of the same city chain — halls linked by `parentHallId` (town → county → city) whose
 * top hall is the same. Pure functions: everything they need is passed in.
 */
import type { ApplicationStatus } from '@gov/shared';
import { addWorkingDays, endOfDay, IsWorkday, shanghaiDate, workingDaysBetween } from '../calendar/calendar.rules';

/** A hall as the chain sees it. */
export interface ChainHall {
  id: string;
  parentHallId: string | null;
}

/** States in which a filing (or its result) is in transit between halls: the promised-days clock is paused. */
export const IN_TRANSIT: readonly ApplicationStatus[] = ['forwarding', 'returning'];

/** Whether the promised-days clock is paused for transit. */
export const clockPaused = (status: ApplicationStatus): boolean => IN_TRANSIT.includes(status);

/** The top of a hall's chain (its city centre); the hall itself when it has no parent. Cycles stop at the first repeat. */
export function chainTop(halls: ReadonlyMap<string, ChainHall>, hallId: string): string {
  const seen = new Set<string>();
  let id = hallId;
  for (;;) {
    seen.add(id);
    const parent = halls.get(id)?.parentHallId ?? null;
    if (!parent || seen.has(parent) || !halls.has(parent)) return id;
    id = parent;
  }
}

/** Two halls of one city chain (the same top hall). */
export const sameChain = (halls: ReadonlyMap<string, ChainHall>, a: string, b: string): boolean => halls.has(a) && halls.has(b) && chainTop(halls, a) === chainTop(halls, b);

/**
 * Whether a filing for a service handled at `serviceHallIds` may be made at `hallId`: one of them,
 * or a hall of the same city chain as one of them (it is then forwarded after acceptance).
 */
export const mayFileAt = (halls: ReadonlyMap<string, ChainHall>, serviceHallIds: readonly string[], hallId: string): boolean =>
  serviceHallIds.includes(hallId) || serviceHallIds.some((h) => sameChain(halls, h, hallId));

/**
 * The halls a filing now at `hallId` may be forwarded to: none when `hallId` handles the service
 * itself (it decides), else the service's own halls of the same chain.
 */
export const forwardTargets = (halls: ReadonlyMap<string, ChainHall>, serviceHallIds: readonly string[], hallId: string): string[] =>
  serviceHallIds.includes(hallId) ? [] : serviceHallIds.filter((h) => sameChain(halls, h, hallId));

/** Why a forward to `target` is not allowed, or null. */
export type ForwardProblem = 'SAME_HALL' | 'HANDLED_HERE' | 'NOT_COMPETENT' | 'OTHER_CITY' | null;

/**
 * A filing accepted at `hallId` may go to `target` when `hallId` does not handle the service itself
 * and the target does, in the same city chain; never to the hall it is at.
 */
export function forwardProblem(halls: ReadonlyMap<string, ChainHall>, serviceHallIds: readonly string[], hallId: string, target: string): ForwardProblem {
  if (target === hallId) return 'SAME_HALL';
  if (serviceHallIds.includes(hallId)) return 'HANDLED_HERE';
  if (!serviceHallIds.includes(target)) return 'NOT_COMPETENT';
  if (!sameChain(halls, hallId, target)) return 'OTHER_CITY';
  return null;
}

/** YYYY-MM-DD: the working day by which the receiving hall takes a filing sent at `sentAt` (the next working day). */
export const receiveBy = (sentAt: Date, isWorkday: IsWorkday): string => addWorkingDays(shanghaiDate(sentAt), 1, isWorkday);

/** A reception is late when the Shanghai day `today` (or of the reception) is after `receiveBy`. */
export const lateReception = (sentAt: Date, today: string, isWorkday: IsWorkday): boolean => today > receiveBy(sentAt, isWorkday);

/**
 * The working days a filing spent in transit: those after the day it was sent up to and including
 * the day it was received (sent and received the same day: 0). These days are not counted
 * against the promised days.
 */
export const transitWorkingDays = (sentAt: Date, receivedAt: Date, isWorkday: IsWorkday): number =>
  Math.max(0, workingDaysBetween(shanghaiDate(sentAt), shanghaiDate(receivedAt), isWorkday));

/** The due time moved on by `days` working days (the end of that working day); unchanged for 0. */
export const extendDue = (dueAt: Date, days: number, isWorkday: IsWorkday): Date => (days > 0 ? endOfDay(addWorkingDays(shanghaiDate(dueAt), days, isWorkday)) : dueAt);
