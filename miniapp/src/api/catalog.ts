import type { Audience, CalendarDay, CategoryCount, Department, GuideHall, GuideView, Hall, Page, ServiceSummary } from '@gov/shared'
import { request, type ServiceSearch } from './client'

/** Catalogue (public): departments, halls, themes, search, guides, the official calendar (shapes: @gov/shared). */
export type { CategoryCount, GuideHall, GuideView }

export const catalogApi = {
  departments: () => request<Department[]>('GET', '/api/departments', { auth: false }),
  halls: () => request<Hall[]>('GET', '/api/halls', { auth: false }),
  categories: (audience?: Audience) =>
    request<CategoryCount[]>('GET', '/api/services/categories', { query: { audience }, auth: false }),
  search: (params: ServiceSearch = {}) =>
    request<Page<ServiceSummary>>('GET', '/api/services', { query: { ...params }, auth: false }),
  guide: (id: string) => request<GuideView>('GET', `/api/services/${encodeURIComponent(id)}`, { auth: false }),
  calendar: (from: string, to: string) =>
    request<CalendarDay[]>('GET', '/api/calendar', { query: { from, to }, auth: false }),
}
