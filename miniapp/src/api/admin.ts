import type { AdminGuidanceTopic, AdminSlot, Audience, GuidanceTopicInput, CreateSlotTemplateRequest, Department, GenerateSlotsResult, Hall, PhraseView, SatisfactionQuery, SatisfactionStats, SlotTemplate } from '@gov/shared'
import { request } from './client'
import { ratingsApi } from './ratings'

/** Admin statistics: satisfaction per hall and per department (public figures, GET /api/stats/satisfaction). */
export interface SatisfactionRow {
  id: string
  name: string
  stats: SatisfactionStats
}

const id = encodeURIComponent

/** A catalogue service as the admin lists it (GET /api/admin/services). */
export interface AdminServiceRow {
  id: string
  code: string
  name: string
  audience: Audience
  active: boolean
}

export const adminApi = {
  phrases: () => request<PhraseView[]>('GET', '/api/admin/phrases'),
  addPhrase: (text: string) => request<PhraseView>('POST', '/api/admin/phrases', { body: { text } }),
  updatePhrase: (phraseId: string, body: { text?: string; sortOrder?: number }) =>
    request<PhraseView>('PUT', `/api/admin/phrases/${encodeURIComponent(phraseId)}`, { body }),
  removePhrase: (phraseId: string) => request<void>('DELETE', `/api/admin/phrases/${encodeURIComponent(phraseId)}`),
  halls: () => request<Hall[]>('GET', '/api/halls', { auth: false }),
  services: () => request<AdminServiceRow[]>('GET', '/api/admin/services'),
  // 智能导办 topics
  guidanceTopics: () => request<AdminGuidanceTopic[]>('GET', '/api/admin/guidance'),
  saveGuidanceTopic: (topicId: string, body: GuidanceTopicInput) => request<AdminGuidanceTopic>('PUT', `/api/admin/guidance/${id(topicId)}`, { body }),
  removeGuidanceTopic: (topicId: string) => request<void>('DELETE', `/api/admin/guidance/${id(topicId)}`),
  departments: () => request<Department[]>('GET', '/api/departments', { auth: false }),
  // 排班: templates, generation, the admin's view of slots, closing one
  hallServices: (hallId: string) => request<Array<{ id: string; name: string; active: boolean }>>('GET', '/api/admin/services', { query: { hallId } }),
  templates: (hallId: string) => request<SlotTemplate[]>('GET', '/api/admin/slot-templates', { query: { hallId } }),
  addTemplate: (body: CreateSlotTemplateRequest) => request<SlotTemplate>('POST', '/api/admin/slot-templates', { body }),
  removeTemplate: (templateId: string) => request<void>('DELETE', `/api/admin/slot-templates/${id(templateId)}`),
  generate: (hallId: string, from: string, to: string) => request<GenerateSlotsResult>('POST', '/api/admin/slots/generate', { body: { hallId, from, to } }),
  slots: (hallId: string, from: string, to: string) => request<AdminSlot[]>('GET', '/api/admin/slots', { query: { hallId, from, to } }),
  closeSlot: (slotId: string, reason: string) => request<AdminSlot & { cancelled: number }>('POST', `/api/admin/slots/${id(slotId)}/close`, { body: { reason } }),
  overall: (range: Pick<SatisfactionQuery, 'from' | 'to'>) => ratingsApi.satisfaction(range),
  async byHall(range: Pick<SatisfactionQuery, 'from' | 'to'>): Promise<SatisfactionRow[]> {
    const halls = await adminApi.halls()
    const stats = await Promise.all(halls.map((h) => ratingsApi.satisfaction({ ...range, hallId: h.id })))
    return halls.map((h, i) => ({ id: h.id, name: h.name, stats: stats[i] }))
  },
  async byDepartment(range: Pick<SatisfactionQuery, 'from' | 'to'>): Promise<SatisfactionRow[]> {
    const depts = await adminApi.departments()
    const stats = await Promise.all(depts.map((d) => ratingsApi.satisfaction({ ...range, departmentId: d.id })))
    return depts.map((d, i) => ({ id: d.id, name: d.name, stats: stats[i] }))
  },
}
