import type { Audience, CalendarDay, Department, Hall, Page, ServiceGuide, ServiceSummary } from '@gov/shared'
import { request, type ServiceSearch } from './client'

/** Catalogue (public): departments, halls, themes, search, guides, the official calendar. */

export interface CategoryCount {
  name: string
  audience: Audience
  count: number
}

export interface GuideHall {
  id: string
  name: string
  address: string
  hours: string
  phone?: string
  /** GCJ-02; null when the hall has not been placed on the map */
  latitude?: number | null
  longitude?: number | null
}

/** The guide as the server sends it (the shared type plus fields the server adds). */
export interface Guide extends Omit<ServiceGuide, 'halls'> {
  halls: GuideHall[]
  departmentName?: string
  onlinePrereview?: boolean
}

export const catalogApi = {
  departments: () => request<Department[]>('GET', '/api/departments', { auth: false }),
  halls: () => request<Hall[]>('GET', '/api/halls', { auth: false }),
  categories: (audience?: Audience) =>
    request<CategoryCount[]>('GET', '/api/services/categories', { query: { audience }, auth: false }),
  search: (params: ServiceSearch = {}) =>
    request<Page<ServiceSummary>>('GET', '/api/services', { query: { ...params }, auth: false }),
  guide: (id: string) => request<Guide>('GET', `/api/services/${encodeURIComponent(id)}`, { auth: false }),
  calendar: (from: string, to: string) =>
    request<CalendarDay[]>('GET', '/api/calendar', { query: { from, to }, auth: false }),
}

export const AUDIENCE_LABEL: Record<string, string> = { person: '个人', enterprise: '法人', both: '个人/法人' }
