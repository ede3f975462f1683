import type { Application, ApplicationStatus, Booking, EnterpriseRole, EnterpriseStatus, SlaState } from '@gov/shared'
import { request } from './client'

/** Companies (法人) and their members (API.md, Enterprises and delegation). */
export interface Enterprise {
  id: string
  name: string
  creditCode: string
  legalRepName: string
  role: EnterpriseRole
  /** only a verified company acts; pending waits for the hall's check */
  status: EnterpriseStatus
  /** the hall staff's note, once they decided */
  reviewNote?: string | null
  reviewedAt?: string | null
}

export interface EnterpriseMember {
  userId: string
  name: string | null
  phone: string | null
  role: EnterpriseRole
  self: boolean
}

export interface EnterpriseDetail extends Enterprise {
  members: EnterpriseMember[]
}

export interface CreateEnterpriseInput {
  name: string
  creditCode: string
  legalRepName: string
}

/** A filing as listed to the applicant or the company (the server sends more fields than the contract fixes). */
export interface FilingView extends Application {
  statusLabel?: string
  serviceName?: string
  hallName?: string
  keyProject?: boolean
  dueAt?: string | null
  sla?: SlaState | null
  createdAt?: string
  submittedAt?: string | null
  onBehalf?: boolean
  enterpriseId?: string | null
}

/** A booking as listed to the applicant or the company. */
export interface BookingListItem extends Booking {
  serviceName?: string
  hallName?: string
  hallAddress?: string
  start?: string
  end?: string
  createdAt?: string
  onBehalf?: boolean
}

export const enterprisesApi = {
  list: () => request<Enterprise[]>('GET', '/api/enterprises'),
  get: (id: string) => request<EnterpriseDetail>('GET', `/api/enterprises/${encodeURIComponent(id)}`),
  create: (body: CreateEnterpriseInput) => request<Enterprise>('POST', '/api/enterprises', { body }),
  addMember: (id: string, phone: string, role: EnterpriseRole) =>
    request<EnterpriseDetail>('POST', `/api/enterprises/${encodeURIComponent(id)}/members`, { body: { phone, role } }),
  removeMember: (id: string, userId: string) =>
    request<void>('DELETE', `/api/enterprises/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`),
  filings: (enterpriseId: string, status?: ApplicationStatus) =>
    request<FilingView[]>('GET', '/api/applications', { query: { enterpriseId, status } }),
  bookings: (enterpriseId: string) => request<BookingListItem[]>('GET', '/api/bookings', { query: { enterpriseId } }),
}
