import type {
  ApplicationStatus,
  CreateEnterpriseRequest,
  EnterpriseDetail,
  EnterpriseMember,
  EnterpriseRole,
  EnterpriseView,
  RatedApplicationListItem,
  RatedBookingView,
} from '@gov/shared'
import { request } from './client'

/** Companies (法人) and their members (API.md, Enterprises and delegation; shapes: @gov/shared). */
export type { CreateEnterpriseRequest, EnterpriseDetail, EnterpriseMember, EnterpriseView, RatedApplicationListItem, RatedBookingView }

export const enterprisesApi = {
  list: () => request<EnterpriseView[]>('GET', '/api/enterprises'),
  get: (id: string) => request<EnterpriseDetail>('GET', `/api/enterprises/${encodeURIComponent(id)}`),
  create: (body: CreateEnterpriseRequest) => request<EnterpriseView>('POST', '/api/enterprises', { body }),
  addMember: (id: string, phone: string, role: EnterpriseRole) =>
    request<EnterpriseDetail>('POST', `/api/enterprises/${encodeURIComponent(id)}/members`, { body: { phone, role } }),
  removeMember: (id: string, userId: string) =>
    request<void>('DELETE', `/api/enterprises/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`),
  filings: (enterpriseId: string, status?: ApplicationStatus) =>
    request<RatedApplicationListItem[]>('GET', '/api/applications', { query: { enterpriseId, status } }),
  bookings: (enterpriseId: string) => request<RatedBookingView[]>('GET', '/api/bookings', { query: { enterpriseId } }),
}
