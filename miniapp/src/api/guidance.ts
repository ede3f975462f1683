import type {
  AssistanceCreateRequest,
  AssistanceStatus,
  AssistanceView,
  ConsultationCreateRequest,
  ConsultationStatus,
  ConsultationView,
  GuidanceResult,
  GuidanceTopicSummary,
  GuidanceTopicView,
  RatedAssistanceView,
} from '@gov/shared'
import { request } from './client'

/** 智能导办 (public) and 咨询 (signed in; staff answer their hall's), shapes from @gov/shared. */
export type { AssistanceView, ConsultationView, RatedAssistanceView, GuidanceResult, GuidanceTopicSummary, GuidanceTopicView }

const id = encodeURIComponent

export const guidanceApi = {
  topics: () => request<GuidanceTopicSummary[]>('GET', '/api/guidance', { auth: false }),
  topic: (topicId: string) => request<GuidanceTopicView>('GET', `/api/guidance/${id(topicId)}`, { auth: false }),
  answer: (topicId: string, answers: Record<string, string>) =>
    // signed in: the checklist marks what the 证照夹 covers (免提交)
    request<GuidanceResult>('POST', `/api/guidance/${id(topicId)}/answers`, { body: { answers } }),
}

export const consultationsApi = {
  ask: (body: ConsultationCreateRequest) => request<ConsultationView>('POST', '/api/consultations', { body }),
  mine: () => request<ConsultationView[]>('GET', '/api/consultations'),
  get: (consultationId: string) => request<ConsultationView>('GET', `/api/consultations/${id(consultationId)}`),
  staffList: (status?: ConsultationStatus) => request<ConsultationView[]>('GET', '/api/staff/consultations', { query: { status } }),
  answer: (consultationId: string, answer: string, guideServiceId?: string) =>
    request<ConsultationView>('POST', `/api/staff/consultations/${id(consultationId)}/answer`, { body: { answer, guideServiceId } }),
  overdue: () => request<ConsultationView[]>('GET', '/api/staff/supervision/consultations'),
}

/** The centre's free help (帮办代办): ask for it, see the assigned helper. */
export const assistanceApi = {
  ask: (body: AssistanceCreateRequest) => request<AssistanceView>('POST', '/api/assistance-requests', { body }),
  mine: () => request<RatedAssistanceView[]>('GET', '/api/assistance-requests'),
}

/** Staff: the hall's requests for help, assigning a helper, and the supervisor's overdue 异地代办. */
export const staffAssistanceApi = {
  list: (status?: AssistanceStatus) => request<AssistanceView[]>('GET', '/api/staff/assistance-requests', { query: { status } }),
  assign: (requestId: string, staffId: string) =>
    request<AssistanceView>('POST', `/api/staff/assistance-requests/${id(requestId)}/assign`, { body: { staffId } }),
  overdue: () => request<AssistanceView[]>('GET', '/api/staff/supervision/assistance-requests'),
  /** the helper (or a supervisor) marks the help finished */
  done: (requestId: string) => request<AssistanceView>('POST', `/api/staff/assistance-requests/${id(requestId)}/done`),
}
