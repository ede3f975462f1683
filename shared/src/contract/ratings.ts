/** Wire shapes of 好差评 (API.md, Ratings). */

export const RATING_TARGET_TYPES = ['booking', 'application', 'assistance'] as const;
/** a booking, a filing, or a finished request for the centre's own help (帮办代办) */
export type RatingTargetType = (typeof RATING_TARGET_TYPES)[number];

/**
 * What is rated, once each (临沂 四(一)): a booking served or cancelled by the centre; a filing's
 * acceptance, refusal, decision, delivery, or its withdrawal by the applicant.
 */
export const RATING_STAGES = ['service', 'centre_cancelled', 'acceptance', 'refusal', 'decision', 'delivery', 'withdrawal', 'assistance'] as const;
export type RatingStage = (typeof RATING_STAGES)[number];

export type RectificationState = 'open' | 'answered' | 'overdue';

export interface RectificationView {
  id: string;
  status: RectificationState;
  dueAt: string;
  answer: string | null;
  answeredAt: string | null;
}

/** GET /ratings, POST /ratings/:id/rerate */
export interface RatingView {
  id: string;
  targetType: RatingTargetType;
  targetId: string;
  /** the stage rated: a booking's service, a filing's acceptance, refusal, decision or delivery */
  stage: RatingStage;
  stageLabel: string;
  score: number;
  label: string;
  tags: string[];
  comment: string | null;
  createdAt: string;
  reratedAt: string | null;
  canRerate: boolean;
  serviceName: string | null;
  rectification: RectificationView | null;
}

export interface RatingSummary {
  id: string;
  score: number;
  stage: RatingStage;
  stageLabel: string;
}

/** On the applicant's bookings and filings: the stage it may be rated at now, and its rating. */
export interface RatingState {
  /** the stage it may be rated at now (null: nothing to rate yet) */
  ratingStage: null | { stage: RatingStage; label: string };
  /** that stage is not rated yet: offer 评价 */
  rateable: boolean;
  /** the rating of that stage, once given */
  rating: RatingSummary | null;
}

/** A rectification ticket as staff see it: never who rated (GET /staff/rectifications). */
export interface StaffRectificationView extends RectificationView {
  stage: RatingStage;
  stageLabel: string;
  score: number;
  firstScore: number;
  label: string;
  tags: string[];
  comment: string | null;
  serviceName: string | null;
  hallName: string | null;
  ratedAt: string;
}

/** GET /stats/satisfaction */
export interface SatisfactionStats {
  count: number;
  byScore: Record<1 | 2 | 3 | 4 | 5, number>;
  /** share of ratings at 基本满意 (3) or better, 0..1, rounded to 4 places; null with no ratings */
  satisfactionRate: number | null;
}

/** Query of GET /stats/satisfaction (dates YYYY-MM-DD, Asia/Shanghai). */
export interface SatisfactionQuery {
  hallId?: string;
  departmentId?: string;
  serviceId?: string;
  from?: string;
  to?: string;
}

/** POST /ratings */
export interface RateRequest {
  targetType: RatingTargetType;
  targetId: string;
  /** 1..5 */
  score: number;
  tags?: string[];
  comment?: string;
  /** the stage rated: one the filing has reached (an earlier one too); default the current one */
  stage?: RatingStage;
}

/** The answer of POST /ratings */
export interface RateResult {
  id: string;
  score: number;
  stage: RatingStage;
  rectification: null | { id: string; status: RectificationState; dueAt: string };
}

/** POST /ratings/:id/rerate */
export interface RerateRequest {
  score: number;
  comment?: string;
}

/** POST /staff/rectifications/:id/answer */
export interface AnswerRectificationRequest {
  answer: string;
}
