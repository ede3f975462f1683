/** Pure rules of 好差评 (DESIGN.md, Ratings). */

export type Score = 1 | 2 | 3 | 4 | 5;

import type { RatingStage, RatingTargetType, RectificationState, SatisfactionStats } from '@gov/shared';
export { RATING_STAGES, RATING_STAGE_LABELS } from '@gov/shared';
export type { RatingStage, RatingTargetType, RectificationState, SatisfactionStats } from '@gov/shared';

/** The stage each status stands at: a filing keeps its last reached stage until the next one. */
const STAGE_OF: Record<RatingTargetType, Readonly<Record<string, RatingStage>>> = {
  booking: { checked_in: 'service', cancelled_by_centre: 'centre_cancelled' },
  application: {
    accepted: 'acceptance',
    under_review: 'acceptance',
    refused: 'refusal',
    approved: 'decision',
    denied: 'decision',
    ready_for_pickup: 'decision',
    delivered: 'delivery',
    withdrawn: 'withdrawal',
  },
  // the centre's own help (帮办代办, 异地代办, 一对一专办) is rated once, when it is done
  assistance: { done: 'assistance' },
};

/**
 * The stage a booking or filing in this status may be rated at, or null while there is nothing to
 * rate; `submitted: false` (a filing that never reached the centre) has no withdrawal to rate.
 */
export function ratingStage(type: RatingTargetType, status: string, submitted = true): RatingStage | null {
  const st = STAGE_OF[type][status] ?? null;
  return st === 'withdrawal' && !submitted ? null : st;
}

/**
 * The stages a booking or filing has reached, from the statuses it passed through (its timeline,
 * the current one last), each once in the order reached: each may be rated once (临沂 四(一):
 * acceptance or refusal, decision, delivery), also after the filing has moved on.
 */
export function reachedStages(type: RatingTargetType, statuses: readonly string[]): RatingStage[] {
  const out: RatingStage[] = [];
  const everSubmitted = statuses.includes('submitted');
  for (const s of statuses) {
    const st = ratingStage(type, s);
    // a draft withdrawn before it ever reached the centre has no service to rate
    if (st === 'withdrawal' && !everSubmitted) continue;
    if (st && !out.includes(st)) out.push(st);
  }
  return out;
}

/** 不满意 (2) and 非常不满意 (1) open a rectification ticket. */
export const opensRectification = (score: number): boolean => score <= 2;

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

export function satisfaction(scores: number[]): SatisfactionStats {
  const byScore: Record<Score, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const s of scores) if (s >= 1 && s <= 5) byScore[s as Score]++;
  return satisfactionOfCounts(byScore);
}

/** The same figures from the count of each score (an export's GROUP BY): the rate is scores 3–5 over all, to 4 places. */
export function satisfactionOfCounts(byScore: Record<Score, number>): SatisfactionStats {
  const count = byScore[1] + byScore[2] + byScore[3] + byScore[4] + byScore[5];
  const good = byScore[3] + byScore[4] + byScore[5];
  return { count, byScore: { ...byScore }, satisfactionRate: count === 0 ? null : Math.round((good / count) * 10_000) / 10_000 };
}
