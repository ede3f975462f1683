import { dueAt, IsWorkday } from '../calendar/calendar.rules';
import type { AssistanceKind, AssistanceStatus } from '@gov/shared';

/** 异地代办 is finished within 7 working days of acceptance (罗山 异地代办). */
export const REMOTE_WORKING_DAYS = 7;

/**
 * When an accepted request must be done: for `remote`, the end (Asia/Shanghai) of the 7th working day
 * after acceptance (the day of acceptance not counted); other kinds follow their filings' own limits (null).
 */
export function assistanceDueBy(kind: AssistanceKind, acceptedAt: Date, isWorkday: IsWorkday): Date | null {
  return kind === 'remote' ? dueAt(acceptedAt, REMOTE_WORKING_DAYS, isWorkday) : null;
}

/**
 * A request that missed its due time (only `remote` ones have one): not done by `dueBy`, whether
 * still open now or done late.
 */
export const isAssistanceOverdue = (r: { dueBy: Date | null; doneAt?: Date | null }, now: Date): boolean =>
  !!r.dueBy && r.dueBy.getTime() < (r.doneAt ?? now).getTime();

/**
 * Who may mark a request done: the helper assigned to it, or a supervisor of its hall (or an admin);
 * only while it is assigned.
 */
export function mayMarkDone(
  r: { status: AssistanceStatus; helperId: string | null },
  caller: { id: string; roles: readonly string[] },
): 'ok' | 'not_assigned' | 'not_yours' {
  if (r.status !== 'assigned') return 'not_assigned';
  if (r.helperId === caller.id || caller.roles.includes('supervisor') || caller.roles.includes('admin')) return 'ok';
  return 'not_yours';
}
