import type {
  ConsultationCreateRequest,
  ConsultationStatus,
  ConsultationView,
  GuidanceResult,
  GuidanceTopicSummary,
  GuidanceTopicView,
} from '@gov/shared'
import { request } from './client'

/** 智能导办 (public) and 咨询 (signed in; staff answer their hall's), shapes from @gov/shared. */
export type { ConsultationView, GuidanceResult, GuidanceTopicSummary, GuidanceTopicView }

const id = encodeURIComponent

export const guidanceApi = {
  topics: () => request<GuidanceTopicSummary[]>('GET', '/api/guidance', { auth: false }),
  topic: (topicId: string) => request<GuidanceTopicView>('GET', `/api/guidance/${id(topicId)}`, { auth: false }),
  answer: (topicId: string, answers: Record<string, string>) =>
    request<GuidanceResult>('POST', `/api/guidance/${id(topicId)}/answers`, { body: { answers }, auth: false }),
}

export const consultationsApi = {
  ask: (body: ConsultationCreateRequest) => request<ConsultationView>('POST', '/api/consultations', { body }),
  mine: () => request<ConsultationView[]>('GET', '/api/consultations'),
  get: (consultationId: string) => request<ConsultationView>('GET', `/api/consultations/${id(consultationId)}`),
  staffList: (status?: ConsultationStatus) => request<ConsultationView[]>('GET', '/api/staff/consultations', { query: { status } }),
  answer: (consultationId: string, answer: string) =>
    request<ConsultationView>('POST', `/api/staff/consultations/${id(consultationId)}/answer`, { body: { answer } }),
  overdue: () => request<ConsultationView[]>('GET', '/api/staff/supervision/consultations'),
}
