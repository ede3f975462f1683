import type { RateRequest, RateResult, RatingState, RatingStage, RatingTargetType, RatingView, RectificationState, SatisfactionQuery, SatisfactionStats } from '@gov/shared'
import { request } from './client'

/** 好差评 (API.md, Ratings; shapes: @gov/shared). */
export type { RateRequest, RateResult, RatingState, RatingStage, RatingTargetType, RatingView, RectificationState, SatisfactionQuery, SatisfactionStats }

export const ratingsApi = {
  rate: (body: RateRequest) =>
    request<RateResult>('POST', '/api/ratings', { body }),
  rerate: (id: string, score: number, comment: string) =>
    request<RatingView>('POST', `/api/ratings/${encodeURIComponent(id)}/rerate`, { body: { score, comment } }),
  mine: () => request<RatingView[]>('GET', '/api/ratings'),
  /** the caller's ratings of one booking or filing (one per stage) */
  of: (targetType: RatingTargetType, targetId: string) => request<RatingView[]>('GET', '/api/ratings', { query: { targetType, targetId } }),
  satisfaction: (q: SatisfactionQuery = {}) =>
    request<SatisfactionStats>('GET', '/api/stats/satisfaction', { query: { ...q }, auth: false }),
}
