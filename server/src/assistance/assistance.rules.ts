import { dueAt, IsWorkday } from '../calendar/calendar.rules';
import type { AssistanceKind } from '@gov/shared';

/** 异地代办 is finished within 7 working days of acceptance (罗山 异地代办). */
export const REMOTE_WORKING_DAYS = 7;

/**
 * When an accepted request must be done: for `remote`, the end (Asia/Shanghai) of the 7th working day
 * after acceptance (the day of acceptance not counted); other kinds follow their filings' own limits (null).
 */
export function assistanceDueBy(kind: AssistanceKind, acceptedAt: Date, isWorkday: IsWorkday): Date | null {
  return kind === 'remote' ? dueAt(acceptedAt, REMOTE_WORKING_DAYS, isWorkday) : null;
}

/** A request past its due time (only `remote` ones have one). */
export const isAssistanceOverdue = (r: { dueBy: Date | null }, now: Date): boolean => !!r.dueBy && r.dueBy.getTime() < now.getTime();
