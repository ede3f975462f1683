import { request } from './client'

/** 好差评 (API.md, Ratings). */
export type RatingTargetType = 'booking' | 'application'
export type RectificationStatus = 'open' | 'answered' | 'overdue'
/** a booking's service (or the centre's cancellation); a filing's acceptance, refusal, decision, delivery */
export type RatingStage = 'service' | 'centre_cancelled' | 'acceptance' | 'refusal' | 'decision' | 'delivery'

/** On the applicant's bookings and filings: the stage it may be rated at now, and its rating. */
export interface RatingState {
  ratingStage?: null | { stage: RatingStage; label: string }
  /** that stage is not rated yet: offer 评价 */
  rateable?: boolean
  rating?: null | { id: string; score: number; stage: RatingStage; stageLabel: string }
}

export interface Rectification {
  id: string
  status: RectificationStatus
  dueAt: string
  answer: string | null
  answeredAt: string | null
}

export interface Rating {
  id: string
  targetType: RatingTargetType
  targetId: string
  stage: RatingStage
  stageLabel: string
  score: number
  label: string
  tags: string[]
  comment: string | null
  createdAt: string
  reratedAt: string | null
  canRerate: boolean
  serviceName: string | null
  rectification: Rectification | null
}

export interface RateInput {
  targetType: RatingTargetType
  targetId: string
  score: number
  tags: string[]
  comment: string
}

export interface SatisfactionStats {
  count: number
  byScore: Record<'1' | '2' | '3' | '4' | '5', number>
  /** 0..1, null with no ratings */
  satisfactionRate: number | null
}

export interface SatisfactionQuery {
  hallId?: string
  departmentId?: string
  serviceId?: string
  from?: string
  to?: string
}

export const ratingsApi = {
  rate: (body: RateInput) =>
    request<{ id: string; score: number; stage: RatingStage; rectification: null | { id: string; status: RectificationStatus; dueAt: string } }>(
      'POST',
      '/api/ratings',
      { body },
    ),
  rerate: (id: string, score: number, comment: string) =>
    request<Rating>('POST', `/api/ratings/${encodeURIComponent(id)}/rerate`, { body: { score, comment } }),
  mine: () => request<Rating[]>('GET', '/api/ratings'),
  /** the caller's ratings of one booking or filing (one per stage) */
  of: (targetType: RatingTargetType, targetId: string) => request<Rating[]>('GET', '/api/ratings', { query: { targetType, targetId } }),
  satisfaction: (q: SatisfactionQuery = {}) =>
    request<SatisfactionStats>('GET', '/api/stats/satisfaction', { query: { ...q }, auth: false }),
}
