import type { Department, Hall } from '@gov/shared'
import { request } from './client'
import { ratingsApi, type SatisfactionQuery, type SatisfactionStats } from './ratings'
import type { Phrase } from './staff'

/** Admin statistics: satisfaction per hall and per department (public figures, GET /api/stats/satisfaction). */
export interface SatisfactionRow {
  id: string
  name: string
  stats: SatisfactionStats
}

export const adminApi = {
  phrases: () => request<Phrase[]>('GET', '/api/admin/phrases'),
  addPhrase: (text: string) => request<Phrase>('POST', '/api/admin/phrases', { body: { text } }),
  updatePhrase: (phraseId: string, body: { text?: string; sortOrder?: number }) =>
    request<Phrase>('PUT', `/api/admin/phrases/${encodeURIComponent(phraseId)}`, { body }),
  removePhrase: (phraseId: string) => request<void>('DELETE', `/api/admin/phrases/${encodeURIComponent(phraseId)}`),
  halls: () => request<Hall[]>('GET', '/api/halls', { auth: false }),
  departments: () => request<Department[]>('GET', '/api/departments', { auth: false }),
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
