/** Pure rules of 好差评 (DESIGN.md, Ratings). */

export type Score = 1 | 2 | 3 | 4 | 5;

/** 不满意 (2) and 非常不满意 (1) open a rectification ticket. */
export const opensRectification = (score: number): boolean => score <= 2;

export type RectificationState = 'open' | 'answered' | 'overdue';

/** What the applicant and staff see: an unanswered ticket past its due date is overdue. */
export function rectificationState(t: { status: 'open' | 'answered'; dueAt: Date }, now: Date): RectificationState {
  if (t.status === 'answered') return 'answered';
  return now.getTime() > t.dueAt.getTime() ? 'overdue' : 'open';
}

export type RerateVerdict = 'ok' | 'no_ticket' | 'not_answered' | 'already_rerated';

/** A rater may re-rate once, after the rectification ticket has been answered. */
export function mayRerate(r: { reratedAt: Date | null }, ticket: { status: 'open' | 'answered' } | null): RerateVerdict {
  if (r.reratedAt) return 'already_rerated';
  if (!ticket) return 'no_ticket';
  if (ticket.status !== 'answered') return 'not_answered';
  return 'ok';
}

export interface SatisfactionStats {
  count: number;
  byScore: Record<Score, number>;
  /** share of ratings at 基本满意 (3) or better, 0..1, rounded to 4 places; null with no ratings */
  satisfactionRate: number | null;
}

export function satisfaction(scores: number[]): SatisfactionStats {
  const byScore: Record<Score, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const s of scores) if (s >= 1 && s <= 5) byScore[s as Score]++;
  const count = scores.length;
  const good = byScore[3] + byScore[4] + byScore[5];
  return { count, byScore, satisfactionRate: count === 0 ? null : Math.round((good / count) * 10_000) / 10_000 };
}
