/** Pure rules of 好差评 (DESIGN.md, Ratings). */

export type Score = 1 | 2 | 3 | 4 | 5;

export type RatingTargetType = 'booking' | 'application';

/**
 * What is rated, once each (DESIGN.md; 临沂 四(一)): a booking served at the window or one the
 * centre cancelled; a filing at acceptance, refusal, decision and delivery.
 */
export const RATING_STAGES = ['service', 'centre_cancelled', 'acceptance', 'refusal', 'decision', 'delivery'] as const;
export type RatingStage = (typeof RATING_STAGES)[number];

export const RATING_STAGE_LABELS: Record<RatingStage, string> = {
  service: '窗口办理',
  centre_cancelled: '大厅取消预约',
  acceptance: '受理环节',
  refusal: '不予受理',
  decision: '审批决定',
  delivery: '结果送达',
};

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
  },
};

/** The stage a booking or filing in this status may be rated at, or null while there is nothing to rate. */
export function ratingStage(type: RatingTargetType, status: string): RatingStage | null {
  return STAGE_OF[type][status] ?? null;
}

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
